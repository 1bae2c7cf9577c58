"""SPEC-runtime.md §6, "Discrepancies and gotchas": one test per gotcha that
belongs to the process/channel/time modules (the others are checked where
their module is tested, named in each docstring)."""

from moonlet.runtime.payload import Message
from moonlet.stdlib.processlib import msg_from


def test_1_cancel_reason_is_a_string_and_nothing_is_forced(lua_run):
    """Gotcha 1: process.cancel(dest, x): x is a reason string, there is no
    forced termination (see also test_process_api.test_cancel_*)."""
    r = lua_run(
        """
        local pid = process.spawn_monitored("w:c", "app:processes")
        process.cancel(pid, "because")
        time.sleep("1h")
        process.send(pid, "go", true)
        print(process.events():receive().result.value)
        """,
        {"w/c.lua": """
            return { main = function()
              process.listen("go"):receive()
              return process.events():receive().reason
            end }
            """},
    )
    assert r.out == "because\n", r


def test_2_from_is_empty_string_when_sender_unknown():
    """Gotcha 2: msg:from() returns "", not nil, when the sender is
    unknown (host-injected messages)."""
    assert msg_from(Message("t", None, ())) == ""
    assert msg_from(Message("t", "{app:processes|0x00001}", ())) == (
        "{app:processes|0x00001}"
    )


def test_3_registry_scope_numbers(lua_run):
    """Gotcha 3: EVENTUAL = 1 and CONSISTENT = 2 (as in the code)."""
    r = lua_run("print(process.registry.EVENTUAL, process.registry.CONSISTENT)")
    assert r.out == "1\t2\n", r


def test_4_set_options_false_err_and_unregister_boolean(lua_run):
    """Gotcha 4: set_options returns false, err (not nil, err);
    registry.unregister returns a plain boolean."""
    r = lua_run("""
        print(process.set_options({nope = 1}))
        print(select("#", process.registry.unregister("never")),
              process.registry.unregister("never"))
        """)
    assert r.out == "false\toption nope is not supported\n1\tfalse\n", r


def test_5_unlisten_returns_true_or_false_err(lua_run):
    """Gotcha 5: unlisten returns true or false, err."""
    r = lua_run("""
        local ch = process.listen("t")
        print(process.unlisten(ch))
        print(process.unlisten(ch))
        """)
    assert r.out == "true\nfalse\tchannel not found\n", r


def test_6_multiple_payloads_make_one_message(lua_run):
    """Gotcha 6: send with several payloads makes one message with N
    payloads, not N messages."""
    r = lua_run("""
        local inbox = process.inbox()
        process.send(process.pid(), "t", 1, 2, 3)
        process.send(process.pid(), "end")
        local m = inbox:receive()
        print(#m:payload(), inbox:receive():topic())
        """)
    assert r.out == "3\tend\n", r


def test_7_unsubscribed_topics_are_retained(lua_run):
    """Gotcha 7: messages to unsubscribed topics are retained, and delivered
    to a later listen (see also test_mailbox)."""
    r = lua_run("""
        process.send(process.pid(), "later", "kept")
        time.sleep("1h")
        print(process.listen("later"):receive())
        """)
    assert r.out == "kept\ttrue\n", r


def test_8_nonblocking_select_can_miss_queued_mail(lua_run):
    """Gotcha 8: inbox/events channels are unbuffered views of the mailbox,
    so a non-blocking select can miss queued mail."""
    r = lua_run("""
        local ev = process.events()
        process.cancel(process.pid(), "r")
        print(channel.select{ev:case_receive(), default = true}.default)
        print(ev:receive().kind)
        """)
    assert r.out == "true\npid.cancel\n", r


def test_9_link_down_semantics(lua_run):
    """Gotcha 9: LINK_DOWN without trap_links kills the receiver even if it
    never called events(); a normal exit never sends LINK_DOWN; a terminate
    does (see also test_mailbox / test_process_api)."""
    r = lua_run(
        """
        local ev = process.events()
        local a = process.spawn_monitored("w:linker", "app:processes", "w:normal")
        local b = process.spawn_monitored("w:linker", "app:processes", "w:crash")
        for i = 1, 2 do
          local e = ev:receive()
          print(e.from == a and "a" or "b", e.result.value, e.result.error)
        end
        """,
        {
            "w/linker.lua": """
            return { main = function(target)
              process.spawn_linked(target, "app:processes")
              time.sleep("1h")
              return "survived"
            end }
            """,
            "w/normal.lua": "return { main = function() return 1 end }",
            "w/crash.lua": "return { main = function() error('down') end }",
        },
    )
    assert r.out == "b\tnil\tlinked process failed\na\tsurvived\tnil\n", r


def test_10_monitor_or_link_on_dead_pid_is_an_error(lua_run):
    """Gotcha 10: monitor or link on a dead PID returns "pid not
    registered"; there is no synthetic EXIT."""
    r = lua_run(
        """
        local ev = process.events()
        local pid = process.spawn("w:quick", "app:processes")
        time.sleep("1s")
        print(process.monitor(pid))
        print(process.link(pid))
        print(channel.select{ev:case_receive(), default = true}.default)
        """,
        {"w/quick.lua": "return { main = function() return 1 end }"},
    )
    assert r.out == "nil\tpid not registered\nnil\tpid not registered\ntrue\n", r


def test_11_select_is_deterministic(lua_run):
    """Gotcha 11: channel.select picks the first ready case in array order
    (see also test_channel)."""
    r = lua_run("""
        local a, b = channel.new(1), channel.new(1)
        a:send("a") b:send("b")
        print(channel.select{a:case_receive(), b:case_receive()}.value,
              channel.select{a:case_receive(), b:case_receive()}.value)
        """)
    assert r.out == "a\tb\n", r


def test_12_after_and_timer_deliver_once(lua_run):
    """Gotcha 12: time.after/timer channels deliver one Time, then are
    closed (ticker drops: see test_time)."""
    r = lua_run("""
        local a, t = time.after("1s"), time.timer("1s"):channel()
        print(type(a:receive()), select(2, a:receive()))
        print(type(t:receive()), select(2, t:receive()))
        """)
    assert r.out == "userdata\tfalse\nuserdata\tfalse\n", r


def test_13_userdata_in_payloads_become_nil(lua_run):
    """Gotcha 13: Time, channels, Message and Payload become nil in payloads;
    tables are deep-copied."""
    r = lua_run("""
        local ch = process.listen("t")
        process.send(process.pid(), "t", time.now(), channel.new(), {1, {2}})
        local v = ch:receive()
        print(v[1], v[2], v[3][1], v[3][2][1])
        """)
    assert r.out == "nil\tnil\t1\t2\n", r


def test_14_errors_behave_like_strings(lua_run):
    """Gotcha 14: error values work with `..`, tostring and string.*."""
    r = lua_run("""
        local _, err = process.send("nobody", "t")
        print("send failed: " .. err)
        print(type(err), tostring(err) == err:message(), string.find(err, "not resolve") ~= nil, err:upper():sub(1, 5))
        """)
    assert r.out == (
        "send failed: could not resolve 'nobody' as PID or registered name\n"
        "userdata\ttrue\ttrue\tCOULD\n"
    ), r


def test_15_no_outdated_or_upgradable(lua_run):
    """Gotcha 15: OUTDATED/upgradable are absent."""
    r = lua_run("""
        print(process.event.OUTDATED)
        print(process.set_options({upgradable = true}))
        """)
    assert r.out == "nil\nfalse\toption upgradable is not supported\n", r
