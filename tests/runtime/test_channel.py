"""SPEC-runtime.md §2, the `channel` module, select and coroutine.spawn."""


def test_unbuffered_rendezvous(lua_run):
    """§2 ch:send: a waiting receiver gets the value directly and both tasks
    continue; otherwise the sender blocks until a receiver comes."""
    r = lua_run("""
        local ch = channel.new()
        coroutine.spawn(function()
          print("sending")
          print("send returned", ch:send("v1"))
          print("sent v1")
        end)
        time.sleep(0)
        print("receiving")
        print(ch:receive())
        time.sleep(0)
        print("end")
        """)
    assert r.lines == [
        "sending",
        "receiving",
        "v1\ttrue",
        "send returned\ttrue",
        "sent v1",
        "end",
    ], r


def test_buffered_channel(lua_run):
    """§2: with room in the buffer send returns at once; a full buffer blocks
    the sender until a receive makes room (its value then moves into the
    buffer)."""
    r = lua_run("""
        local ch = channel.new(2)
        print(ch:send(1), ch:send(2))
        coroutine.spawn(function() print("third sent", ch:send(3)) end)
        time.sleep(0)
        print("receive", ch:receive())
        time.sleep(0)
        print(ch:receive())
        print(ch:receive())
        """)
    assert r.lines == [
        "true\ttrue",
        "receive\t1\ttrue",
        "third sent\ttrue",
        "2\ttrue",
        "3\ttrue",
    ], r


def test_blocked_senders_are_fifo(lua_run):
    """§2 ch:send: blocked senders wait in a FIFO queue."""
    r = lua_run("""
        local ch = channel.new()
        for i = 1, 3 do coroutine.spawn(function() ch:send(i) end) end
        time.sleep(0)
        print(ch:receive(), ch:receive(), ch:receive())
        """)
    assert r.out == "1\t2\t3\ttrue\n", r


def test_nil_can_be_sent(lua_run):
    """§2: nil can be sent; the receiver gets nil, true."""
    r = lua_run("""
        local ch = channel.new(1)
        ch:send(nil)
        print(ch:receive())
        """)
    assert r.out == "nil\ttrue\n", r


def test_send_on_closed_channel_raises(lua_run):
    """§2: send on a closed channel raises "send on closed channel"."""
    r = lua_run("""
        local ch = channel.new(1)
        ch:close()
        print(pcall(ch.send, ch, 1))
        ch:send(2)
        """)
    assert r.out == "false\tsend on closed channel\n", r
    assert r.status == 1
    assert r.err.startswith("moonlet: main.lua:5: send on closed channel\n"), r


def test_blocked_sender_gets_error_on_close(lua_run):
    """§2: a sender blocked when the channel gets closed resumes with nil,
    "send on closed channel" instead of raising."""
    r = lua_run("""
        local ch = channel.new()
        coroutine.spawn(function() print("sender", ch:send(1)) end)
        time.sleep(0)
        ch:close()
        time.sleep(0)
        """)
    assert r.out == "sender\tnil\tsend on closed channel\n", r


def test_close_semantics(lua_run):
    """§2 close: blocked receivers wake with nil, false; buffered values are
    still delivered after close, then nil, false every time; closing twice
    is a silent no-op returning nothing."""
    r = lua_run("""
        local u = channel.new()
        coroutine.spawn(function() print("receiver", u:receive()) end)
        time.sleep(0)
        u:close()
        time.sleep(0)
        local b = channel.new(3)
        b:send("x") b:send("y")
        print(select("#", b:close()), select("#", b:close()))
        print(b:receive())
        print(b:receive())
        print(b:receive())
        print(b:receive())
        """)
    assert r.lines == [
        "receiver\tnil\tfalse",
        "0\t0",
        "x\ttrue",
        "y\ttrue",
        "nil\tfalse",
        "nil\tfalse",
    ], r


def test_channel_new_size(lua_run):
    """§2 channel.new([size]): defaults to 0; negative is clamped to 0; a
    non-number raises."""
    r = lua_run("""
        local z = channel.new(-5)
        print(channel.select{z:case_send(1), default = true}.default)
        local d = channel.new()
        print(channel.select{d:case_send(1), default = true}.default)
        local one = channel.new(1)
        print(channel.select{one:case_send(1), default = true}.ok)
        print(pcall(channel.new, "big"))
        """)
    assert r.lines == [
        "true",
        "true",
        "true",
        "false\tbad argument #1 to 'channel.new' (number expected, got string)",
    ], r


def test_select_first_ready_case_wins(lua_run):
    """§2 select / gotcha 11: the first ready case in array order wins
    (deterministic, not random)."""
    r = lua_run("""
        local a, b = channel.new(1), channel.new(1)
        local picks = {}
        for i = 1, 5 do
          a:send("a") b:send("b")
          local r = channel.select{b:case_receive(), a:case_receive()}
          picks[#picks + 1] = r.value
          a:receive()
        end
        print(table.concat(picks))
        """)
    assert r.out == "bbbbb\n", r


def test_select_result_fields(lua_run):
    """§2 select result: receive case -> {channel, value, ok = true}; a
    closed channel -> value nil, ok false; send case -> value is the value
    sent, ok = true; result.default is nil."""
    r = lua_run("""
        local a = channel.new(1)
        a:send(5)
        local r = channel.select{a:case_receive()}
        print(r.channel == a, r.value, r.ok, r.default)
        a:close()
        r = channel.select{a:case_receive()}
        print(r.channel == a, r.value, r.ok)
        local s = channel.new(1)
        r = channel.select{s:case_send("sent")}
        print(r.channel == s, r.value, r.ok, s:receive())
        """)
    assert r.lines == [
        "true\t5\ttrue\tnil",
        "true\tnil\tfalse",
        "true\tsent\ttrue\tsent\ttrue",
    ], r


def test_select_default_forms(lua_run):
    """§2 select: `default = true` in the table or a true second argument
    make it non-blocking; the result is {default = true, ok = true} with no
    channel or value; non-case values are ignored."""
    r = lua_run("""
        local c = channel.new()
        local r = channel.select{c:case_receive(), default = true}
        print(r.default, r.ok, r.channel, r.value)
        r = channel.select({c:case_receive(), "junk", 42}, true)
        print(r.default, r.ok)
        """)
    assert r.out == "true\ttrue\tnil\tnil\ntrue\ttrue\n", r


def test_select_blocks_until_a_case_completes(lua_run):
    """§2 select: with nothing ready it registers on all cases and blocks;
    the first case to complete wins and the others are withdrawn (a later
    send to a losing channel is not consumed)."""
    r = lua_run("""
        local a, b = channel.new(), channel.new(1)
        coroutine.spawn(function()
          time.sleep("1s")
          b:send("from b")
          time.sleep("1s")
          print(channel.select{a:case_send("late"), default = true}.default)
        end)
        local r = channel.select{a:case_receive(), b:case_receive()}
        print(r.channel == b, r.value)
        time.sleep("5s")
        """)
    assert r.out == "true\tfrom b\ntrue\n", r


def test_select_send_case_blocks_for_a_receiver(lua_run):
    """§2 select with a send case: it completes when a receiver comes; the
    result carries the value sent."""
    r = lua_run("""
        local c = channel.new()
        coroutine.spawn(function() time.sleep("1s") print("got", c:receive()) end)
        local r = channel.select{c:case_send("hi")}
        print(r.channel == c, r.value, r.ok)
        time.sleep("1s")
        """)
    assert r.out == "got\thi\ttrue\ntrue\thi\ttrue\n", r


def test_select_on_closed_channel_in_spawned_task(lua_run):
    """§2 (test channel/select_spawn): a receive case on a channel that gets
    closed gives value nil, ok false."""
    r = lua_run("""
        local done = channel.new()
        coroutine.spawn(function() time.sleep("10ms") done:close() end)
        local r = channel.select{done:case_receive()}
        print(r.channel == done, r.value, r.ok)
        """)
    assert r.out == "true\tnil\tfalse\n", r


def test_coroutine_spawn(lua_run):
    """§2 coroutine.spawn(fn) -> thread: a managed task of the same process,
    scheduled by the runtime (no arguments); standard coroutine functions
    stay available."""
    r = lua_run("""
        local ch = channel.new()
        local t = coroutine.spawn(function(...)
          print("task args", select("#", ...))
          ch:send("from task")
        end)
        print(type(t))
        print(ch:receive())
        local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
        print(coroutine.resume(co, 1))
        print(coroutine.resume(co, 5))
        print(pcall(coroutine.spawn, 1))
        """)
    assert r.lines == [
        "thread",
        "task args\t0",
        "from task\ttrue",
        "true\t2",
        "true\t10",
        "false\tbad argument #1 to 'coroutine.spawn' (function expected, got number)",
    ], r


def test_blocking_inside_a_lua_coroutine(lua_run):
    """§0 Blocking from inside a Lua coroutine: the coroutine that blocked is
    resumed exactly; coroutine.yield keeps working around blocking calls."""
    r = lua_run("""
        local ch = channel.new()
        local co = coroutine.create(function(a)
          local v = ch:receive()
          local b = coroutine.yield(a .. v)
          time.sleep("1s")
          return b .. "!"
        end)
        coroutine.spawn(function() time.sleep("1ms") ch:send("+recv") end)
        print(coroutine.resume(co, "start"))
        print(coroutine.status(co))
        print(coroutine.resume(co, "again"))
        print(coroutine.status(co))
        local gen = coroutine.wrap(function()
          for i = 1, 3 do time.sleep("1ms") coroutine.yield(i) end
        end)
        print(gen(), gen(), gen())
        """)
    assert r.lines == [
        "true\tstart+recv",
        "suspended",
        "true\tagain!",
        "dead",
        "1\t2\t3",
    ], r


def test_channel_methods_check_self(lua_run):
    """Channel methods need a channel (called through pcall, a method has
    no name: Lua says '?')."""
    r = lua_run("""
        local ch = channel.new()
        print(pcall(ch.receive, {}))
        print(pcall(channel.select, nil))
        """)
    assert r.lines == [
        "false\tbad argument #1 to '?' (userdata expected, got table)",
        "false\tbad argument #1 to 'channel.select' (table expected, got nil)",
    ], r
