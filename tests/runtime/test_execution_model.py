"""SPEC-runtime.md section 0, "Execution model you must reproduce": one test
(or more) per rule, each naming the rule it checks."""

WORKER = """
local function main(...)
  print("main args", select("#", ...), ...)
  return "ok"
end
return { main = main }
"""


def test_one_task_runs_at_a_time(lua_run):
    """§0 Process = one Lua state plus N cooperative tasks: only one task
    runs at a time, so a task that does not block is never interleaved."""
    r = lua_run("""
        local log = {}
        coroutine.spawn(function() for i = 1, 3 do log[#log + 1] = "a" .. i end end)
        coroutine.spawn(function() for i = 1, 3 do log[#log + 1] = "b" .. i end end)
        time.sleep(0)
        print(table.concat(log, " "))
        """)
    assert r.out == "a1 a2 a3 b1 b2 b3\n", r


def test_spawn_args_are_positional_args_of_main(lua_run):
    """§0 Entry invocation: the chunk's table's `main` is called; each extra
    argument to spawn is one argument of main."""
    r = lua_run(
        """
        process.spawn_monitored("w:args", "app:processes", 1, "two", {3}, nil, 5.0)
        local ev = process.events():receive()
        print(ev.kind, ev.result.value)
        """,
        {
            "w/args.lua": WORKER.replace(
                'print("main args", select("#", ...), ...)',
                "local a, b, c, d, e = ...\n"
                '  print("main args", select("#", ...), a, b, c[1], d, e)',
            )
        },
    )
    assert r.out == "main args\t5\t1\ttwo\t3\tnil\t5.0\npid.exit\tok\n", r


def test_chunk_returning_a_function_is_the_method(lua_run):
    """§0 Entry invocation: the function the chunk returns is called."""
    r = lua_run(
        """
        process.spawn("w:fn", "app:processes", "x")
        time.sleep("1s")
        """,
        {"w/fn.lua": "return function(a) print('fn called', a) end"},
    )
    assert r.out == "fn called\tx\n", r


def test_missing_method_makes_spawn_fail(lua_run):
    """§0 Entry invocation: a missing method makes spawn return nil, err
    'method "<m>" not found in module'."""
    r = lua_run(
        """
        print(process.spawn("w:nomain", "app:processes"))
        print(process.spawn("w:nothing", "app:processes"))
        """,
        {
            "w/nomain.lua": "return { other = function() end }",
            "w/nothing.lua": "local x = 1",
        },
    )
    assert r.out == (
        'nil\tmethod "main" not found in module\n'
        'nil\tmethod "main" not found in module\n'
    ), r


def test_chunk_error_makes_spawn_fail_before_it_returns(lua_run):
    """§0 Entry invocation: the chunk runs during spawn, so a top-level chunk
    error makes spawn return nil, err (and no process exists)."""
    r = lua_run(
        """
        print("before")
        local pid, err = process.spawn("w:bad", "app:processes")
        print(pid, err)
        """,
        {"w/bad.lua": 'print("chunk runs")\nerror("top-level failure")\nreturn {}'},
    )
    assert r.out == "before\nchunk runs\nnil\tw/bad.lua:2: top-level failure\n", r
    assert r.status == 0


def test_first_return_value_is_the_exit_value_deep_copied(lua_run):
    """§0 Process result: the first return value of main becomes
    EXIT.result.value, deep-copied (userdata inside become nil)."""
    r = lua_run(
        """
        process.spawn_monitored("w:ret", "app:processes")
        local ev = process.events():receive()
        local v = ev.result.value
        print(type(v), v.n, v.inner.x, v.ch, ev.result.error)
        """,
        {
            "w/ret.lua": "return { main = function() return {n = 1, inner = {x = 2}, ch = channel.new()} end }"
        },
    )
    assert r.out == "table\t1\t2\tnil\tnil\n", r


def test_second_return_string_is_an_error_exit(lua_run):
    """§0 Process result: a second return value that is a string makes the
    process exit with an error: result.value = nil, result.error = message."""
    r = lua_run(
        """
        process.spawn_monitored("w:errret", "app:processes")
        local ev = process.events():receive()
        print(ev.result.value, ev.result.error)
        """,
        {"w/errret.lua": 'return { main = function() return 42, "it failed" end }'},
    )
    assert r.out == "nil\tit failed\n", r
    # Nobody else watches it: the failure is reported on stderr? No: it is
    # monitored, so nothing is reported.
    assert r.err == "", r


def test_return_false_or_nil_second_value_is_not_an_error(lua_run):
    """§0 Process result: `return 42, false` and `return x, nil` are not
    errors."""
    r = lua_run(
        """
        local ev = process.events()
        process.spawn_monitored("w:a", "app:processes")
        process.spawn_monitored("w:b", "app:processes")
        for i = 1, 2 do
          local e = ev:receive()
          print(e.result.value, e.result.error)
        end
        """,
        {
            "w/a.lua": "return { main = function() return 42, false end }",
            "w/b.lua": "return { main = function() return 'x', nil end }",
        },
    )
    assert r.out == "42\tnil\nx\tnil\n", r


def test_error_in_main_ends_process_with_error(lua_run):
    """§0 Process result: an uncaught error() ends the process with it."""
    r = lua_run(
        """
        process.spawn_monitored("w:boom", "app:processes")
        local e = process.events():receive()
        print(e.result.value, e.result.error)
        """,
        {"w/boom.lua": "return { main = function() error('boom') end }"},
    )
    assert r.out == "nil\tw/boom.lua:1: boom\n", r


def test_error_in_spawned_coroutine_ends_whole_process(lua_run):
    """§0 Process result: an uncaught error in any task (a coroutine.spawn
    task too) ends the whole process with that error."""
    r = lua_run(
        """
        process.spawn_monitored("w:task", "app:processes")
        local e = process.events():receive()
        print(e.result.error)
        """,
        {"w/task.lua": """
            return { main = function()
              coroutine.spawn(function() error("task failed") end)
              process.inbox():receive()
              print("never")
            end }
            """},
    )
    assert r.out == "w/task.lua:3: task failed\n", r


def test_main_return_kills_other_tasks(lua_run):
    """§0 Process result: when main returns, every other coroutine of the
    process is killed."""
    r = lua_run(
        """
        process.spawn_monitored("w:k", "app:processes")
        local e = process.events():receive()
        print("exit", e.result.value)
        time.sleep("10s")
        print("done")
        """,
        {"w/k.lua": """
            return { main = function()
              coroutine.spawn(function()
                print("task started")
                time.sleep("1s")
                print("task still alive")
              end)
              time.sleep("10ms")
              return "main done"
            end }
            """},
    )
    assert r.out == "task started\nexit\tmain done\ndone\n", r


def test_blocking_suspends_only_the_calling_task(lua_run):
    """§0 Blocking: a channel receive or sleep suspends only the calling
    task; the other tasks of the process keep running."""
    r = lua_run("""
        local ch = channel.new()
        coroutine.spawn(function()
          print("receiver waits")
          print("receiver got", ch:receive())
        end)
        coroutine.spawn(function()
          print("sleeper sleeps")
          time.sleep("5ms")
          print("sleeper woke")
          ch:send("hello")
        end)
        print("main continues")
        time.sleep("1s")
        print("main done")
        """)
    assert r.lines == [
        "main continues",
        "receiver waits",
        "sleeper sleeps",
        "sleeper woke",
        "receiver got\thello\ttrue",
        "main done",
    ], r


def test_messages_from_one_sender_arrive_in_send_order(lua_run):
    """§0 Ordering: messages from one sender to one receiver arrive in send
    order (over mixed topics into the inbox, and on a listen topic)."""
    r = lua_run(
        """
        local me = process.pid()
        process.spawn("w:sender", "app:processes", me)
        local inbox = process.inbox()
        local got = {}
        for i = 1, 200 do
          local m = inbox:receive()
          got[#got + 1] = m:topic() .. ":" .. m:payload():data()
        end
        local ok = true
        for i = 1, 200 do
          if got[i] ~= ((i % 2 == 0) and "even" or "odd") .. ":" .. i then ok = false end
        end
        print(ok, got[1], got[200])
        """,
        {"w/sender.lua": """
            return { main = function(to)
              for i = 1, 200 do
                process.send(to, (i % 2 == 0) and "even" or "odd", i)
              end
            end }
            """},
    )
    assert r.out == "true\todd:1\teven:200\n", r


def test_payloads_are_deep_copied(lua_run):
    """§0 Payload isolation: tables are deep-copied with nested tables,
    metatables, cycles and shared references; later mutations are not
    visible; strings, integers, floats and booleans pass by value."""
    r = lua_run("""
        local shared = {s = 1}
        local t = {a = {b = {c = "deep"}}, x = shared, y = shared, i = 3, f = 3.0, yes = true}
        t.self = t
        setmetatable(t, {__index = function(_, k) return "meta:" .. k end})
        local ch = process.listen("t")
        process.send(process.pid(), "t", t)
        t.a.b.c = "changed"
        shared.s = 2
        local got = ch:receive()
        print(got ~= t, got.a.b.c, got.x.s, got.x == got.y, got.self == got)
        print(math.type(got.i), math.type(got.f), got.yes, got.missing)
        """)
    assert r.out == "true\tdeep\t1\ttrue\ttrue\ninteger\tfloat\ttrue\tmeta:missing\n", r


def test_userdata_in_payloads_become_nil(lua_run):
    """§0 Payload isolation: channels, time.Time, Message and Payload
    objects become nil (also inside tables)."""
    r = lua_run("""
        local ch = process.listen("x")
        local inbox = process.inbox()
        process.send(process.pid(), "other", "m")
        local msg = inbox:receive()
        process.send(process.pid(), "x", {ch = channel.new(), t = time.now(),
                                          m = msg, p = msg:payload(), keep = 1})
        local got = ch:receive()
        print(got.ch, got.t, got.m, got.p, got.keep)
        process.send(process.pid(), "x", channel.new())
        print(ch:receive())
        """)
    assert r.out == "nil\tnil\tnil\tnil\t1\nnil\ttrue\n", r


def test_message_sent_right_after_spawn_is_queued(lua_run):
    """§0 Spawn is race-free: a message sent right after spawn is queued in
    the child's mailbox, even though the child subscribes later."""
    r = lua_run(
        """
        local pid = process.spawn("w:late", "app:processes", process.pid())
        process.send(pid, "hello", "early bird")
        print(process.listen("reply"):receive())
        """,
        {"w/late.lua": """
            return { main = function(parent)
              time.sleep("1s")
              local v = process.listen("hello"):receive()
              process.send(parent, "reply", v)
            end }
            """},
    )
    assert r.out == "early bird\ttrue\n", r


def test_immediately_exiting_child_still_produces_exit_and_link_down(lua_run):
    """§0 Spawn is race-free: an immediately-exiting child still produces
    EXIT (monitored) and LINK_DOWN (linked)."""
    r = lua_run(
        """
        process.set_options({trap_links = true})
        local ev = process.events()
        local a = process.spawn_monitored("w:quick", "app:processes")
        local b = process.spawn_linked("w:crash", "app:processes")
        local e1, e2 = ev:receive(), ev:receive()
        print(e1.kind, e1.from == a, e2.kind, e2.from == b, e2.result.error)
        """,
        {
            "w/quick.lua": "return { main = function() return 1 end }",
            "w/crash.lua": "return { main = function() error('at once', 0) end }",
        },
    )
    assert r.out == "pid.exit\ttrue\tpid.link.down\ttrue\tat once\n", r


def test_watchers_get_exit_on_normal_and_error_exit(lua_run):
    """§0 Exit notification: every watcher gets EXIT on normal and on error
    exit; `from` is the dead process; `at` is a number."""
    r = lua_run(
        """
        local ev = process.events()
        local a = process.spawn_monitored("w:ok", "app:processes")
        local b = process.spawn_monitored("w:crash", "app:processes")
        for _, pid in ipairs({a, b}) do
          local e = ev:receive()
          print(e.kind, e.from == pid, type(e.at), e.result.value, e.result.error)
        end
        """,
        {
            "w/ok.lua": "return { main = function() return 'fine' end }",
            "w/crash.lua": "return { main = function() error('bad', 0) end }",
        },
    )
    assert (
        r.out == "pid.exit\ttrue\tnumber\tfine\tnil\npid.exit\ttrue\tnumber\tnil\tbad\n"
    ), r


def test_link_down_only_on_error_exit(lua_run):
    """§0 Exit notification: linked processes get LINK_DOWN only if the exit
    was an error; a normal return never produces LINK_DOWN."""
    r = lua_run(
        """
        process.set_options({trap_links = true})
        local ev = process.events()
        process.spawn_linked("w:ok", "app:processes")
        local b = process.spawn_linked("w:crash", "app:processes")
        local e = ev:receive()
        print(e.kind, e.from == b, e.result.value, e.result.error)
        local r = channel.select{ev:case_receive(), time.after("1s"):case_receive()}
        print(r.channel == ev)
        """,
        {
            "w/ok.lua": "return { main = function() return 'fine' end }",
            "w/crash.lua": "return { main = function() time.sleep('1ms') error('bad', 0) end }",
        },
    )
    assert r.out == "pid.link.down\ttrue\tnil\tbad\nfalse\n", r


def test_exit_releases_names_links_and_monitors(lua_run):
    """§0 Exit notification: the dead process's names are released and its
    links and monitors removed (monitor/link on it now fail)."""
    r = lua_run(
        """
        local ev = process.events()
        local pid = process.spawn_monitored("w:named", "app:processes")
        ev:receive()
        print(process.registry.lookup("worker-name"))
        print(process.monitor(pid))
        print(process.link(pid))
        """,
        {"w/named.lua": """
            return { main = function()
              process.registry.register("worker-name")
              process.link(process.registry.lookup("worker-name"))
              return true
            end }
            """},
    )
    assert r.out == (
        "nil\tname not registered\nnil\tpid not registered\nnil\tpid not registered\n"
    ), r


def test_terminate_and_link_death_cascade(lua_run):
    """§0 Exit notification: terminate and dying from a peer's LINK_DOWN are
    error exits, so they cascade LINK_DOWN along further links."""
    r = lua_run(
        """
        process.set_options({trap_links = true})
        local ev = process.events()
        local me = process.pid()
        local mid = process.spawn_linked("w:middle", "app:processes", me)
        local leaf = process.listen("leaf"):receive()
        process.terminate(leaf)
        local e = ev:receive()
        print(e.kind, e.from == mid, e.result.error)
        """,
        {
            "w/middle.lua": """
            return { main = function(parent)
              local leaf = process.spawn_linked("w:leaf", "app:processes")
              process.send(parent, "leaf", leaf)
              process.inbox():receive()
            end }
            """,
            "w/leaf.lua": "return { main = function() process.inbox():receive() end }",
        },
    )
    assert r.out == "pid.link.down\ttrue\tlinked process failed\n", r
