"""SPEC-runtime.md §0 "Mailbox" and §1.7 "Receiving: inbox, events, listen":
routing, retention, delivery steps and the Message/Payload objects."""

ECHO_SENDER = """
return { main = function(to, ...)
  local topics = {...}
  for i, topic in ipairs(topics) do process.send(to, topic, i) end
end }
"""


def test_link_down_kills_without_events_subscription(lua_run):
    """§0 Mailbox 1: a LINK_DOWN with trap_links == false fails the process
    with "linked process failed", even if it never called events()."""
    r = lua_run(
        """
        local ev = process.events()
        local pid = process.spawn_monitored("w:victim", "app:processes")
        local e = ev:receive()
        print(e.from == pid, e.result.error)
        """,
        {
            "w/victim.lua": """
            return { main = function()
              process.spawn_linked("w:crash", "app:processes")
              time.sleep("1h")
              print("never")
            end }
            """,
            "w/crash.lua": "return { main = function() error('x') end }",
        },
    )
    assert r.out == "true\tlinked process failed\n", r


def test_exact_topic_match_only(lua_run):
    """§0 Mailbox 2: a subscription matches its topic exactly (no globs); the
    other topic falls back to the inbox."""
    r = lua_run("""
        local star = process.listen("a.*")
        local inbox = process.inbox()
        process.send(process.pid(), "a.b", "x")
        local m = inbox:receive()
        print(m:topic(), m:payload():data())
        print(channel.select{star:case_receive(), default = true}.default)
        """)
    assert r.out == "a.b\tx\ntrue\n", r


def test_inbox_fallback_and_topic_named_inbox(lua_run):
    """§0 Mailbox 3 / §1.7: non-@ topics without a listener go to the inbox;
    the topic name "inbox" has no special meaning."""
    r = lua_run("""
        local inbox = process.inbox()
        process.send(process.pid(), "inbox", 1)
        process.send(process.pid(), "whatever", 2)
        for i = 1, 2 do
          local m = inbox:receive()
          print(m:topic(), m:payload():data())
        end
        """)
    assert r.out == "inbox\t1\nwhatever\t2\n", r


def test_messages_are_retained_until_a_subscription_appears(lua_run):
    """§0 Mailbox 4 / gotcha 7: messages for topics nobody subscribes to stay
    queued, in order, and are delivered to a later listen() or inbox()."""
    r = lua_run(
        """
        local me = process.pid()
        process.spawn("w:sender", "app:processes", me, "a", "b", "a", "c", "b")
        time.sleep("1s")
        local a = process.listen("a")
        print(a:receive(), a:receive())
        local inbox = process.inbox()
        for i = 1, 3 do
          local m = inbox:receive()
          print(m:topic(), m:payload():data())
        end
        """,
        {"w/sender.lua": ECHO_SENDER},
    )
    assert r.out == "1\t3\ttrue\nb\t2\nc\t4\nb\t5\n", r


def test_events_wait_for_events_subscription(lua_run):
    """§0 Mailbox 4: @ topics never fall back to the inbox; events wait for
    process.events()."""
    r = lua_run(
        """
        local inbox = process.inbox()
        local pid = process.spawn_monitored("w:quick", "app:processes")
        process.send(process.pid(), "note", "n")
        local m = inbox:receive()
        print(m:topic())
        print(channel.select{inbox:case_receive(), default = true}.default)
        local e = process.events():receive()
        print(e.kind, e.from == pid)
        """,
        {"w/quick.lua": "return { main = function() return 1 end }"},
    )
    assert r.out == "note\ntrue\npid.exit\ttrue\n", r


def test_unbuffered_inbox_and_nonblocking_select(lua_run):
    """§0 Mailbox 5 / gotcha 8: inbox() has buffer 0, so a non-blocking
    select can return default although messages wait in the mailbox; a
    blocking receive then gets them."""
    r = lua_run("""
        local inbox = process.inbox()
        process.send(process.pid(), "t", "queued")
        local r = channel.select{inbox:case_receive(), default = true}
        print(r.default, r.ok, r.channel)
        print(inbox:receive():payload():data())
        """)
    assert r.out == "true\ttrue\tnil\nqueued\n", r


def test_listen_channels_have_buffer_one(lua_run):
    """§0 Mailbox 5: listen() channels have buffer 1: one message moves into
    the buffer on a step of the process, the rest stay queued in order and
    move when the buffer has room again (on the next step)."""
    r = lua_run("""
        local ch = process.listen("t")
        for i = 1, 3 do process.send(process.pid(), "t", i) end
        local r = channel.select{ch:case_receive(), default = true}
        print(r.value, r.ok, r.default)
        r = channel.select{ch:case_receive(), default = true}
        print(r.value, r.default)
        time.sleep(0)
        r = channel.select{ch:case_receive(), default = true}
        print(r.value, r.default)
        print(ch:receive())
        """)
    assert r.out == "1\ttrue\tnil\nnil\ttrue\n2\tnil\n3\ttrue\n", r


def test_exact_listener_wins_over_inbox(lua_run):
    """§1.7 Routing priority: an exact listener wins; the inbox gets only
    unmatched topics."""
    r = lua_run("""
        local inbox = process.inbox()
        local specific = process.listen("specific")
        process.send(process.pid(), "specific", "s")
        process.send(process.pid(), "general", "g")
        for i = 1, 2 do
          local r = channel.select{specific:case_receive(), inbox:case_receive()}
          if r.channel == specific then print("specific", r.value)
          else print("inbox", r.value:topic(), r.value:payload():data()) end
        end
        """)
    assert r.out == "specific\ts\ninbox\tgeneral\tg\n", r


def test_unlisten(lua_run):
    """§1.7 unlisten: returns true, closes the channel (pending receivers
    get nil, false), later messages on the topic fall back to the inbox;
    a channel that is not a subscription gives false, "channel not
    found"; a non-channel argument raises. (Gotcha 5.)"""
    r = lua_run("""
        local ch = process.listen("t")
        local inbox = process.inbox()
        coroutine.spawn(function() print("waiter", ch:receive()) end)
        time.sleep(0)
        print(process.unlisten(ch))
        time.sleep(0)
        process.send(process.pid(), "t", "after")
        print(inbox:receive():payload():data())
        print(process.unlisten(ch))
        print(process.unlisten(channel.new()))
        print(pcall(process.unlisten, "x"))
        """)
    assert r.out == (
        "waiter\tnil\tfalse\ntrue\nafter\nfalse\tchannel not found\n"
        "false\tchannel not found\n"
        "false\tbad argument #1 to 'process.unlisten' (channel expected, got string)\n"
    ), r


def test_repeated_subscriptions_return_the_same_channel(lua_run):
    """§1.7: repeated calls return the identical channel object, and
    result.channel from select compares == to it."""
    r = lua_run("""
        print(process.inbox() == process.inbox(), process.events() == process.events(),
              process.listen("x") == process.listen("x"), process.listen("x") ~= process.listen("y"))
        local ch = process.listen("x")
        process.send(process.pid(), "x", 1)
        print(channel.select{process.listen("x"):case_receive()}.channel == ch)
        print(tostring(ch):match("^channel: ") ~= nil, type(ch))
        """)
    assert r.out == "true\ttrue\ttrue\ttrue\ntrue\ntrue\tuserdata\n", r


def test_listen_raw_payload_forms(lua_run):
    """§1.2 / gotcha 6: N payloads make one message; in raw listen mode 0
    payloads give nil, 1 the value, N>1 an array of them."""
    r = lua_run("""
        local ch = process.listen("t")
        local me = process.pid()
        process.send(me, "t")
        process.send(me, "t", "one")
        process.send(me, "t", "a", "b", "c")
        print(ch:receive())
        print(ch:receive())
        local v = ch:receive()
        print(type(v), #v, v[1], v[2], v[3])
        """)
    assert r.out == "nil\ttrue\none\ttrue\ntable\t3\ta\tb\tc\n", r


def test_message_objects(lua_run):
    """§1.7 Message object: topic(), from() (the sender PID), payload()
    (nil / one Payload / array of Payloads), tostring; Payload data(),
    unmarshal(), get_format()."""
    r = lua_run("""
        local ch = process.listen("m", {message = true})
        local me = process.pid()
        process.send(me, "m")
        process.send(me, "m", {k = "v"})
        process.send(me, "m", 1, 2)
        local m0, m1, m2 = ch:receive(), ch:receive(), ch:receive()
        print(m0:topic(), m0:from() == me, m0:payload(), tostring(m0))
        local p = m1:payload()
        print(type(p), p:data().k, p:unmarshal().k, p:get_format())
        local ps = m2:payload()
        print(#ps, ps[1]:data(), ps[2]:data())
        """)
    assert r.out == (
        "m\ttrue\tnil\tprocess.Message{topic=m}\n"
        "userdata\tv\tv\tlua/any\n"
        "2\t1\t2\n"
    ), r


def test_listen_errors(lua_run):
    """§1.7 listen: "topic cannot be empty", "cannot listen to @ topics"
    (returned); a non-string topic raises."""
    r = lua_run("""
        print(process.listen(""))
        print(process.listen("@x"))
        print(pcall(process.listen, nil))
        """)
    assert r.out == (
        "nil\ttopic cannot be empty\nnil\tcannot listen to @ topics\n"
        "false\tbad argument #1 to 'process.listen' (string expected, got nil)\n"
    ), r


def test_no_loss_and_order_with_a_slow_consumer(lua_run):
    """§0 Mailbox 5: when delivery cannot proceed the message stays at its
    position and is retried: no loss, order kept (three senders, one slow
    receiver)."""
    r = lua_run(
        """
        local me = process.pid()
        for s = 1, 3 do process.spawn("w:burst", "app:processes", me, s) end
        local inbox = process.inbox()
        local last = {0, 0, 0}
        local ok, n = true, 0
        for i = 1, 300 do
          if i % 50 == 0 then time.sleep("1ms") end
          local v = inbox:receive():payload():data()
          if v[2] ~= last[v[1]] + 1 then ok = false end
          last[v[1]] = v[2]
          n = n + 1
        end
        print(ok, n, last[1], last[2], last[3])
        """,
        {"w/burst.lua": """
            return { main = function(to, id)
              for i = 1, 100 do process.send(to, "n", {id, i}) end
            end }
            """},
    )
    assert r.out == "true\t300\t100\t100\t100\n", r


def test_subscribe_and_unsubscribe_globals(lua_run):
    """§2 "Also global: subscribe(topic, ch) and unsubscribe(ch)":
    subscribe attaches an existing channel to a topic."""
    r = lua_run("""
        local ch = channel.new(4)
        print(subscribe("feed", ch) == ch)
        process.send(process.pid(), "feed", "x")
        print(ch:receive())
        print(subscribe("feed", channel.new()))
        print(unsubscribe(ch))
        print(ch:receive())
        """)
    assert r.out == (
        "true\nx\ttrue\nnil\ttopic already subscribed: feed\ntrue\nnil\tfalse\n"
    ), r
