"""SPEC-runtime.md §1, the `process` module: identity, send, spawning,
lifecycle control, monitor/link, options and the name registry, with their
exact return values and error strings."""

WAITER = "return { main = function() process.inbox():receive() end }"
QUICK = "return { main = function() return 'q' end }"


def test_pid_format_and_identity(lua_run):
    """§1.1 process.pid(): "{app:processes|0x00001}" style, stable across
    calls; a child gets the next number; process.id() is the entry ID (it
    contains ":")."""
    r = lua_run(
        """
        print(process.pid(), process.pid() == process.pid())
        print(process.spawn("w:idp", "app:processes", process.pid()))
        print(process.listen("id"):receive())
        print(string.find(process.id(), ":") ~= nil)
        """,
        {"w/idp.lua": """
            return { main = function(parent)
              process.send(parent, "id", process.id(), process.pid())
            end }
            """},
    )
    assert r.lines == [
        "{app:processes|0x00001}\ttrue",
        "{app:processes|0x00002}",
        "table: " + r.lines[2].split("table: ")[1],
        "true",
    ], r


def test_id_and_pid_values(lua_run):
    """§1.1 process.id() of a spawned entry is its entry ID."""
    r = lua_run(
        """
        process.spawn("w:idp", "app:processes", process.pid())
        local v = process.listen("id"):receive()
        print(v[1], v[2])
        """,
        {"w/idp.lua": """
            return { main = function(parent)
              process.send(parent, "id", process.id(), process.pid())
            end }
            """},
    )
    assert r.out == "w:idp\t{app:processes|0x00002}\n", r


def test_send_returns_true_and_works_to_self(lua_run):
    """§1.2 send: success returns true; sending to yourself works."""
    r = lua_run("""
        local ch = process.listen("t")
        print(process.send(process.pid(), "t", "me"))
        print(ch:receive())
        """)
    assert r.out == "true\nme\ttrue\n", r


def test_send_errors(lua_run):
    """§1.2 send errors (returned as nil, err): too few arguments, @ topics,
    unresolvable names, dead or unknown PIDs ("process not found"), unknown
    hosts and nodes; a non-string destination raises."""
    r = lua_run(
        """
        local dead = process.spawn_monitored("w:quick", "app:processes")
        process.events():receive()
        print(process.send(process.pid()))
        print(process.send(process.pid(), "@x", 1))
        print(process.send("nobody", "t"))
        local ok, err = process.send(dead, "t")
        print(ok, err, string.find(err, "not found") ~= nil)
        print(process.send("{app:processes|0x00999}", "t"))
        print(process.send("{other:host|0x00001}", "t"))
        print(process.send("{node2@app:processes|0x00001}", "t"))
        print(pcall(process.send, nil, "t"))
        print(pcall(process.send, process.pid(), {}))
        """,
        {"w/quick.lua": QUICK},
    )
    assert r.lines == [
        "nil\tsend requires at least destination and topic arguments",
        "nil\tcannot send to @ topics",
        "nil\tcould not resolve 'nobody' as PID or registered name",
        "nil\tprocess not found\ttrue",
        "nil\tprocess not found",
        "nil\thost not found",
        "nil\tnode not found",
        "false\tbad argument #1 to 'process.send' (string expected, got nil)",
        "false\tbad argument #2 to 'process.send' (string expected, got table)",
    ], r


def test_send_to_a_registered_name(lua_run):
    """§1.2 dest may be a registered name."""
    r = lua_run("""
        process.registry.register("me")
        local ch = process.listen("t")
        print(process.send("me", "t", 7))
        print(ch:receive())
        """)
    assert r.out == "true\n7\ttrue\n", r


def test_spawn_variants_and_errors(lua_run):
    """§1.3: the four spawn variants return a PID string; errors: "<fn>
    requires at least id and host arguments", "host not found",
    "factory not found"."""
    r = lua_run(
        """
        for _, f in ipairs({"spawn", "spawn_monitored", "spawn_linked", "spawn_linked_monitored"}) do
          local pid = process[f]("w:quick", "app:processes")
          print(f, type(pid), pid:match("^{app:processes|0x%x+}$") ~= nil)
          print(process[f]("w:quick"))
        end
        print(process.spawn("w:quick", "no:host"))
        print(process.spawn("w:missing", "app:processes"))
        print(pcall(process.spawn, 1, nil))
        """,
        {"w/quick.lua": QUICK},
    )
    assert r.lines == [
        "spawn\tstring\ttrue",
        "nil\tspawn requires at least id and host arguments",
        "spawn_monitored\tstring\ttrue",
        "nil\tspawn_monitored requires at least id and host arguments",
        "spawn_linked\tstring\ttrue",
        "nil\tspawn_linked requires at least id and host arguments",
        "spawn_linked_monitored\tstring\ttrue",
        "nil\tspawn_linked_monitored requires at least id and host arguments",
        "nil\thost not found",
        "nil\tfactory not found",
        "false\tbad argument #2 to 'process.spawn' (string expected, got nil)",
    ], r


def test_spawn_linked_monitored_gets_both(lua_run):
    """§1.3 spawn_linked_monitored: caller monitors and is linked: EXIT and
    LINK_DOWN on an error exit."""
    r = lua_run(
        """
        process.set_options({trap_links = true})
        local ev = process.events()
        process.spawn_linked_monitored("w:crash", "app:processes")
        local a, b = ev:receive(), ev:receive()
        print(a.kind, a.result.error, b.kind, b.result.error)
        """,
        {"w/crash.lua": "return { main = function() error('c', 0) end }"},
    )
    assert r.out == "pid.exit\tc\tpid.link.down\tc\n", r


def test_spawn_arguments_are_deep_copied(lua_run):
    """§1.3: spawn arguments are deep-copied."""
    r = lua_run(
        """
        local t = {v = "before"}
        process.spawn("w:show", "app:processes", t, process.pid())
        t.v = "after"
        print(process.listen("seen"):receive())
        """,
        {"w/show.lua": """
            return { main = function(t, parent)
              time.sleep("1ms")
              process.send(parent, "seen", t.v)
            end }
            """},
    )
    assert r.out == "before\ttrue\n", r


def test_terminate(lua_run):
    """§1.4 terminate: true; the child's exit is an error "process
    terminated" (watchers get EXIT with result.error); unknown or dead PID
    gives "process not found"; an unresolvable name its own error."""
    r = lua_run(
        """
        local ev = process.events()
        local pid = process.spawn_monitored("w:wait", "app:processes")
        print(process.terminate(pid))
        local e = ev:receive()
        print(e.kind, e.from == pid, e.result.value, e.result.error)
        print(process.terminate(pid))
        print(process.terminate("ghost"))
        """,
        {"w/wait.lua": WAITER},
    )
    assert r.lines == [
        "true",
        "pid.exit\ttrue\tnil\tprocess terminated",
        "nil\tprocess not found",
        "nil\tcould not resolve 'ghost' as PID or registered name",
    ], r


def test_terminate_sends_link_down(lua_run):
    """§1.4 / gotcha 9: a terminate is an error exit, so links get
    LINK_DOWN."""
    r = lua_run(
        """
        process.set_options({trap_links = true})
        local ev = process.events()
        local pid = process.spawn_linked("w:wait", "app:processes")
        process.terminate(pid)
        local e = ev:receive()
        print(e.kind, e.result.error)
        """,
        {"w/wait.lua": WAITER},
    )
    assert r.out == "pid.link.down\tprocess terminated\n", r


def test_terminating_self_ends_the_process(lua_run):
    """§1.4 terminate: a process may terminate itself; it ends there."""
    r = lua_run(
        """
        process.spawn_monitored("w:selfterm", "app:processes")
        print(process.events():receive().result.error)
        """,
        {"w/selfterm.lua": """
            return { main = function()
              process.terminate(process.pid())
              print("not reached")
            end }
            """},
    )
    assert r.out == "process terminated\n", r


def test_cancel_event(lua_run):
    """§1.4 cancel: queues a CANCEL event {kind, from, at, reason} on the
    target's events; reason defaults to ""; a number is coerced; the target
    decides to exit by itself."""
    r = lua_run(
        """
        local ev = process.events()
        local pid = process.spawn_monitored("w:cancellable", "app:processes", process.pid())
        print(process.cancel(pid, "stop please"))
        print(process.listen("got"):receive())
        local e = ev:receive()
        print(e.kind, e.result.value)
        local p2 = process.spawn("w:cancellable", "app:processes", process.pid())
        print(process.cancel(p2))
        print(process.listen("got"):receive())
        local p3 = process.spawn("w:cancellable", "app:processes", process.pid())
        print(process.cancel(p3, 42))
        print(process.listen("got"):receive())
        """,
        {"w/cancellable.lua": """
            return { main = function(parent)
              local e = process.events():receive()
              process.send(parent, "got", e.kind .. " " .. tostring(e.from == parent)
                .. " " .. type(e.at) .. " [" .. e.reason .. "]")
              return "cancelled"
            end }
            """},
    )
    assert r.lines == [
        "true",
        "pid.cancel true number [stop please]\ttrue",
        "pid.exit\tcancelled",
        "true",
        "pid.cancel true number []\ttrue",
        "true",
        "pid.cancel true number [42]\ttrue",
    ], r


def test_cancel_does_not_force_exit(lua_run):
    """§1.4 cancel / gotcha 1: nothing forces the target to exit; if it never
    subscribes to events, the CANCEL stays queued and it keeps running."""
    r = lua_run(
        """
        local pid = process.spawn("w:busy", "app:processes", process.pid())
        process.cancel(pid, "please")
        local ch = process.listen("tick")
        for i = 1, 3 do print(ch:receive()) end
        """,
        {"w/busy.lua": """
            return { main = function(parent)
              for i = 1, 3 do time.sleep("1s"); process.send(parent, "tick", i) end
            end }
            """},
    )
    assert r.out == "1\ttrue\n2\ttrue\n3\ttrue\n", r


def test_cancel_errors(lua_run):
    """§1.4 cancel errors: missing destination (returned), dead target
    ("process not found"), a table reason raises."""
    r = lua_run(
        """
        print(process.cancel())
        local dead = process.spawn_monitored("w:quick", "app:processes")
        process.events():receive()
        print(process.cancel(dead, "x"))
        print(pcall(process.cancel, process.pid(), {}))
        """,
        {"w/quick.lua": QUICK},
    )
    assert r.lines == [
        "nil\tcancel requires at least destination argument",
        "nil\tprocess not found",
        "false\tbad argument #2 to 'process.cancel' (string expected, got table)",
    ], r


def test_exec(lua_run):
    """§1.4 exec: spawns and waits; returns the exit value, or nil, err if
    the child failed; validates its arguments."""
    r = lua_run(
        """
        print(process.exec("w:double", "app:processes", 21))
        print(process.exec("w:crash", "app:processes"))
        print(process.exec("w:double"))
        print(process.exec("", "app:processes"))
        print(process.exec("nocolon", "app:processes"))
        print(process.exec("w:double", ""))
        print(process.exec("w:nothere", "app:processes"))
        """,
        {
            "w/double.lua": "return { main = function(x) time.sleep('1s') return x * 2 end }",
            "w/crash.lua": "return { main = function() error('exec failed', 0) end }",
        },
    )
    assert r.lines == [
        "42",
        "nil\texec failed",
        "nil\texec requires id and host arguments",
        "nil\tprocess ID required",
        "nil\tinvalid process ID format (namespace:name required)",
        "nil\thost ID required",
        "nil\tfactory not found",
    ], r
    assert r.err == "", r  # the failed child had a waiter: not reported


def test_monitor_unmonitor(lua_run):
    """§1.5 monitor: the caller gets EXIT; a second monitor is "already
    monitoring pid"; a dead or unknown target "pid not registered"; missing
    argument error. unmonitor stops EXIT delivery and succeeds when not
    monitoring."""
    r = lua_run(
        """
        local ev = process.events()
        local a = process.spawn("w:wait", "app:processes")
        print(process.monitor(a))
        print(process.monitor(a))
        print(process.unmonitor(a))
        print(process.unmonitor(a))
        process.terminate(a)
        print(channel.select{ev:case_receive(), time.after("1s"):case_receive()}.channel == ev)
        local b = process.spawn("w:wait", "app:processes")
        process.monitor(b)
        process.terminate(b)
        print(ev:receive().from == b)
        print(process.monitor(b))
        print(process.monitor("{app:processes|0x00fff}"))
        print(process.monitor())
        print(process.unmonitor())
        print(process.unmonitor(b))
        """,
        {"w/wait.lua": WAITER},
    )
    assert r.lines == [
        "true",
        "nil\talready monitoring pid",
        "true",
        "true",
        "false",
        "true",
        "nil\tpid not registered",
        "nil\tpid not registered",
        "nil\tmonitor requires a destination argument",
        "nil\tunmonitor requires a destination argument",
        "true",
    ], r


def test_link_unlink(lua_run):
    """§1.5 link: bidirectional, idempotent; dead target "pid not
    registered"; unlink removes both directions so no LINK_DOWN arrives;
    unlinking when not linked succeeds."""
    r = lua_run(
        """
        process.set_options({trap_links = true})
        local ev = process.events()
        local a = process.spawn("w:crashlater", "app:processes")
        print(process.link(a), process.link(a))
        print(process.unlink(a), process.unlink(a))
        local b = process.spawn("w:crashlater", "app:processes")
        process.link(b)
        local e = ev:receive()
        print(e.kind, e.from == b)
        print(channel.select{ev:case_receive(), time.after("1h"):case_receive()}.channel == ev)
        print(process.link(b))
        print(process.link())
        print(process.unlink())
        """,
        {
            "w/crashlater.lua": "return { main = function() time.sleep('1s') error('x') end }"
        },
    )
    assert r.lines == [
        "true\ttrue",
        "true\ttrue",
        "pid.link.down\ttrue",
        "false",
        "nil\tpid not registered",
        "nil\tlink requires a destination argument",
        "nil\tunlink requires a destination argument",
    ], r


def test_link_is_bidirectional(lua_run):
    """§1.5 link: bidirectional: when the linking side fails, the target gets
    LINK_DOWN too."""
    r = lua_run(
        """
        local ev = process.events()
        local watcher = process.spawn_monitored("w:trapper", "app:processes", process.pid())
        process.listen("ready"):receive()
        process.spawn("w:linker", "app:processes", watcher)
        print(process.listen("got"):receive())
        """,
        {
            "w/trapper.lua": """
            return { main = function(parent)
              process.set_options({trap_links = true})
              local ev = process.events()
              process.send(parent, "ready", true)
              local e = ev:receive()
              process.send(parent, "got", e.kind)
            end }
            """,
            "w/linker.lua": "return { main = function(w) process.link(w) error('linker died') end }",
        },
    )
    assert r.out == "pid.link.down\ttrue\n", r


def test_options(lua_run):
    """§1.6 get_options/set_options: default {trap_links=false};
    set_options returns true, nil or false, err (gotcha 4) for a non-table,
    a non-boolean trap_links, an unsupported option; valid keys are still
    applied before the error is reported."""
    r = lua_run("""
        print(process.get_options().trap_links)
        print(process.set_options({trap_links = true}))
        print(process.get_options().trap_links)
        print(process.set_options("x"))
        print(process.set_options({trap_links = "yes"}))
        print(process.set_options({upgradable = true}))
        print(process.set_options({trap_links = false, other = 1}))
        print(process.get_options().trap_links)
        """)
    assert r.lines == [
        "false",
        "true\tnil",
        "true",
        "false\toptions parameter must be a table",
        "false\ttrap_links must be a boolean",
        "false\toption upgradable is not supported",
        "false\toption other is not supported",
        "false",
    ], r


def test_trap_links_default_kills_and_cascades(lua_run):
    """§1.6 trap_links = false: a LINK_DOWN kills the process with "linked
    process failed" (watchers see it in result.error); the process never
    sees the event."""
    r = lua_run(
        """
        local pid = process.spawn_monitored("w:middle", "app:processes")
        local e = process.events():receive()
        print(e.from == pid, e.result.error)
        """,
        {
            "w/middle.lua": """
            return { main = function()
              local ev = process.events()
              process.spawn_linked("w:crash", "app:processes")
              local e = ev:receive()
              print("saw event", e.kind)
            end }
            """,
            "w/crash.lua": "return { main = function() error('x') end }",
        },
    )
    assert r.out == "true\tlinked process failed\n", r


def test_registry(lua_run):
    """§1.8 registry: register (idempotent for the same PID, "name already
    registered" for another), several names per PID, lookup ("name not
    registered"), unregister returns a plain boolean (gotcha 4), argument
    errors, auto-release on exit."""
    r = lua_run(
        """
        local reg = process.registry
        print(reg.register("a"), reg.register("a"), reg.register("b"))
        print(reg.lookup("a") == process.pid(), reg.lookup("b") == process.pid())
        local w = process.spawn_monitored("w:named", "app:processes")
        process.listen("ready"):receive()
        print(reg.register("held"))
        print(reg.lookup("held") == w)
        print(reg.register("x", 5))
        print(reg.register("x", "not a pid"))
        print(reg.register("x", process.pid(), "local"))
        print(reg.unregister("a"), reg.unregister("a"))
        print(reg.lookup("a"))
        process.send(w, "stop", true)
        process.events():receive()
        print(reg.lookup("held"))
        print(process.send("held", "t"))
        print(reg.register("held"))
        print(reg.LOCAL, reg.EVENTUAL, reg.CONSISTENT, reg.STRONG)
        """,
        {"w/named.lua": """
            return { main = function()
              process.registry.register("held")
              process.registry.register("held2")
              process.send("{app:processes|0x00001}", "ready", true)
              process.listen("stop"):receive()
            end }
            """},
    )
    assert r.lines == [
        "true\ttrue\ttrue",
        "true\ttrue",
        "nil\tname already registered",
        "true",
        "nil\tpid must be a string",
        "nil\tinvalid pid",
        "nil\tscope must be a number (process.registry.LOCAL|EVENTUAL|CONSISTENT|STRONG)",
        "true\tfalse",
        "nil\tname not registered",
        "nil\tname not registered",
        "nil\tcould not resolve 'held' as PID or registered name",
        "true",
        "0\t1\t2\t3",
    ], r


def test_register_a_foreign_pid(lua_run):
    """§1.8 register(name, pid): a name may be given to another process;
    unregister of a LOCAL name has no ownership check."""
    r = lua_run(
        """
        local w = process.spawn("w:wait", "app:processes")
        print(process.registry.register("worker", w))
        print(process.registry.lookup("worker") == w)
        print(process.registry.unregister("worker"))
        """,
        {"w/wait.lua": WAITER},
    )
    assert r.out == "true\ntrue\ntrue\n", r


def test_event_constants(lua_run):
    """§1.7 event kinds: EXIT "pid.exit", LINK_DOWN "pid.link.down", CANCEL
    "pid.cancel"; there is no OUTDATED (gotcha 15)."""
    r = lua_run("""
        local e = process.event
        print(e.EXIT, e.LINK_DOWN, e.CANCEL, e.OUTDATED)
        """)
    assert r.out == "pid.exit\tpid.link.down\tpid.cancel\tnil\n", r
