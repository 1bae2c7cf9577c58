"""SPEC-runtime.md §3, the `time` module: durations, sleep, after, timer,
ticker, now, Time/Duration/Location objects, layouts. Every sleep here is
virtual: the tests take no real time."""

import time as pytime


def test_durations_in_three_forms(lua_run):
    """§3 Durations: numbers are nanoseconds, Go duration strings (units ns,
    us, µs, ms, s, m, h, combinable, fractional, signed), Duration values;
    the constants."""
    r = lua_run("""
        local start = time.now()
        time.sleep(2 * time.SECOND)
        time.sleep("1m30s")
        time.sleep("1.5s")
        time.sleep(time.parse_duration("500ms"))
        time.sleep(250 * time.MILLISECOND + 0.0)
        print(time.now():sub(start))
        print(time.NANOSECOND, time.MICROSECOND, time.MILLISECOND, time.SECOND,
              time.MINUTE, time.HOUR)
        for _, s in ipairs{"1h30m", "1.5s", "500ms", "-2s", "1us", "1\\194\\181s", "0",
                           "100ns", "2h45m30.5s", "90m"} do
          io.write(tostring(time.parse_duration(s)), " ")
        end
        print()
        """)
    assert r.lines == [
        "1m34.25s",
        "1\t1000\t1000000\t1000000000\t60000000000\t3600000000000",
        "1h30m0s 1.5s 500ms -2s 1\xc2\xb5s 1\xc2\xb5s 0s 100ns 2h45m30.5s 1h30m0s ",
    ], r


def test_bad_durations(lua_run):
    """§3 Durations: anything else is "duration must be number or string";
    a bad string gives Go's parse error. sleep returns nil, err for them
    instead of raising."""
    r = lua_run("""
        print(time.sleep("xyz"))
        print(time.sleep({}))
        print(time.sleep("1"))
        print(time.sleep("3 parsecs"))
        print(time.parse_duration("1x"))
        print(time.after(true))
        """)
    assert r.lines == [
        'nil\ttime: invalid duration "xyz"',
        "nil\tduration must be number or string",
        'nil\ttime: missing unit in duration "1"',
        'nil\ttime: unknown unit " parsecs" in duration "3 parsecs"',
        'nil\ttime: unknown unit "x" in duration "1x"',
        "nil\tduration must be number or string",
    ], r


def test_sleep_returns_nothing_and_zero_sleep_yields(lua_run):
    """§3 sleep: returns nothing; 0 or negative complete immediately but
    still yield once (another task runs in between)."""
    r = lua_run("""
        coroutine.spawn(function() print("other task ran") end)
        print("results", select("#", time.sleep(0)))
        coroutine.spawn(function() print("again") end)
        print("results", select("#", time.sleep(-5)))
        """)
    assert r.lines == ["other task ran", "results\t0", "again", "results\t0"], r


def test_virtual_time_takes_no_real_time(lua_run):
    """DESIGN §6: with the virtual clock, sleeping ten hours takes no real
    time and time.now() moves by exactly the time slept."""
    t0 = pytime.monotonic()
    r = lua_run("""
        local a = time.now()
        time.sleep("10h")
        print(time.now():sub(a))
        """)
    assert r.out == "10h0m0s\n", r
    assert pytime.monotonic() - t0 < 5


def test_sleeps_wake_in_deadline_order(lua_run):
    """Timers fire in deadline order, ties in the order they were set."""
    r = lua_run("""
        for _, d in ipairs{"3s", "1s", "2s", "1s"} do
          coroutine.spawn(function() time.sleep(d) io.write(d, " ") end)
        end
        time.sleep("5s")
        print()
        """)
    assert r.out == "1s 1s 2s 3s \n", r


def test_after_delivers_one_time_then_closes(lua_run):
    """§3 after / gotcha 12: a buffer-1 channel that receives one time.Time
    when d elapses and is then closed; d <= 0 is an error; it works in
    select, with result.channel identity."""
    r = lua_run("""
        local start = time.now()
        local ch = time.after("2s")
        local v, ok = ch:receive()
        print(type(v), tostring(v):match("^%d%d%d%d%-") ~= nil, ok, v:sub(start))
        print(ch:receive())
        print(time.after(0))
        print(time.after("-1s"))
        local t = time.after("1s")
        local r = channel.select{channel.new():case_receive(), t:case_receive()}
        print(r.channel == t, r.ok)
        """)
    assert r.lines == [
        "userdata\ttrue\ttrue\t2s",
        "nil\tfalse",
        "nil\ttime.after: duration must be > 0",
        "nil\ttime.after: duration must be > 0",
        "true\ttrue",
    ], r


def test_timer(lua_run):
    """§3 timer: response()/channel() are the same channel, which receives a
    Time and then closes; stop() is true before firing (and closes the
    channel), false after; reset(d) re-arms an active timer (true) and is
    false once fired; reset raises on bad durations; timer(d <= 0) is an
    error."""
    r = lua_run("""
        local t0 = time.now()
        local t = time.timer("1s")
        print(t:response() == t:channel(), tostring(t):match("^time.Timer") ~= nil)
        print(t:reset("3s"))
        local v = t:channel():receive()
        print(v:sub(t0))
        print(t:channel():receive())
        print(t:stop(), t:reset("1s"))
        local s = time.timer("1s")
        print(s:stop())
        print(s:response():receive())
        print(pcall(s.reset, s, "bad"))
        print(pcall(s.reset, s, 0))
        print(time.timer(0))
        """)
    assert r.lines == [
        "true\ttrue",
        "true",
        "3s",
        "nil\tfalse",
        "false\tfalse",
        "true",
        "nil\tfalse",
        'false\ttimer:reset: time: invalid duration "bad"',
        "false\ttimer:reset: duration must be > 0",
        "nil\ttime.timer: duration must be > 0",
    ], r


def test_ticker(lua_run):
    """§3 ticker: a tick (a Time) every period; the channel (buffer 16) drops
    ticks while full (gotcha 12); stop() returns true and closes the
    channel; ticker(d <= 0) is an error."""
    r = lua_run("""
        local t0 = time.now()
        local tk = time.ticker("1s")
        for i = 1, 3 do
          io.write(tostring(tk:response():receive():sub(t0)), " ")
        end
        print()
        time.sleep("40s")  -- ticks at 4s..43s: 4s..19s buffered, the rest dropped
        local ch = tk:channel()
        print(ch:receive():sub(t0))
        local n = 1
        while not channel.select{ch:case_receive(), default = true}.default do
          n = n + 1
        end
        print(n)
        print(ch:receive():sub(t0))
        print(tk:stop())
        print(ch:receive())
        print(time.ticker(0))
        """)
    assert r.lines == [
        "1s 2s 3s ",
        "4s",
        "16",
        "44s",
        "true",
        "nil\tfalse",
        "nil\ttime.ticker: duration must be > 0",
    ], r


def test_ticker_buffer_is_sixteen(lua_run):
    """§3 ticker: exactly 16 ticks are buffered while nobody reads."""
    r = lua_run("""
        local tk = time.ticker("1s")
        time.sleep("100s")
        local n = 0
        while not channel.select{tk:channel():case_receive(), default = true}.default do
          n = n + 1
        end
        print(n)
        tk:stop()
        """)
    assert r.out == "16\n", r


def test_timers_stop_when_their_process_exits(lua_run):
    """§3 "Timers, tickers and after are bound to the process": when it
    exits they stop, so they neither fire nor keep the node busy (here the
    root is then blocked for good: a deadlock, reported at once)."""
    r = lua_run(
        """
        process.spawn_monitored("w:timers", "app:processes")
        process.events():receive()
        channel.new():receive()
        """,
        {"w/timers.lua": """
            return { main = function()
              time.ticker("1s")
              time.after("1h")
              time.timer("2h")
              time.sleep("10ms")
              return true
            end }
            """},
    )
    assert r.status == 1
    assert "deadlock" in r.err, r


def test_now_and_unix(lua_run):
    """§3 now/unix/date: Time values; unix(sec, nsec) and date(...)
    normalize like Go."""
    r = lua_run("""
        print(type(time.now()), time.now():unix() > 1600000000)
        local t = time.unix(1700000000, 5):utc()
        print(t:format(time.RFC3339NANO), t:unix(), t:unix_nano())
        print(time.date(2023, 13, 32, 25, 61, 61, 0, time.utc):format(time.RFC3339))
        print(time.unix(0, 0):is_zero(), time.unix(-62135596800, 0):is_zero())
        """)
    assert r.lines == [
        "userdata\ttrue",
        "2023-11-14T22:13:20.000000005Z\t1700000000\t1700000000000000005",
        "2024-02-02T02:02:01Z",
        "false\ttrue",
    ], r


def test_time_methods(lua_run):
    """§3 Time methods: add, sub, add_date, before/after/equal, format,
    format_rfc3339, date, clock, fields, weekday, year_day, in_location,
    location, utc, round, truncate, tostring."""
    r = lua_run("""
        local t = time.date(2024, 2, 29, 13, 4, 5, 123456789, time.utc)
        print(tostring(t))
        print(t:year(), t:month(), t:day(), t:hour(), t:minute(), t:second(),
              t:nanosecond(), t:weekday(), t:year_day())
        print(t:date())
        print(t:clock())
        local u = t:add("1h"):add(time.parse_duration("30m")):add(60 * time.SECOND)
        print(u:sub(t), u:after(t), u:before(t), u:equal(t), t:equal(t:utc()))
        print(t:add_date(0, 1, 1):format(time.DATE_ONLY), t:add_date(1, 0, 0):format(time.DATE_ONLY))
        local h = time.parse_duration("1h")
        print(t:round(h):format(time.RFC3339), t:truncate(h):format(time.RFC3339))
        print(t:format_rfc3339(), t:location(), time.utc, time.localtz)
        local z = time.fixed_zone("X", 5 * 3600 + 1800)
        local tz = t:in_location(z)
        print(tz:format(time.RFC3339), tz:format("MST"), tz:location(), tostring(tz))
        print(tz:equal(t), tz:utc():format(time.TIME_ONLY))
        """)
    assert r.lines == [
        "2024-02-29 13:04:05.123456789 +0000 UTC",
        "2024\t2\t29\t13\t4\t5\t123456789\t4\t60",
        "2024\t2\t29",
        "13\t4\t5",
        "1h31m0s\ttrue\tfalse\tfalse\ttrue",
        "2024-03-30\t2025-03-01",
        "2024-02-29T13:00:00Z\t2024-02-29T13:00:00Z",
        "2024-02-29T13:04:05Z\tUTC\tUTC\tLocal",
        "2024-02-29T18:34:05+05:30\tX\tX\t2024-02-29 18:34:05.123456789 +0530 X",
        "true\t13:04:05",
    ], r


def test_layouts(lua_run):
    """§3 format with Go layouts: the predefined constants and custom
    layouts (month/day names, padded day and year day, 12-hour clock,
    fractional seconds)."""
    r = lua_run("""
        local t = time.date(2024, 2, 9, 13, 4, 5, 123456789, time.utc)
        for _, l in ipairs{time.RFC3339NANO, time.KITCHEN, time.STAMP_MILLI,
                           time.RFC1123, time.RFC1123Z, time.RFC822, time.RFC850,
                           time.DATE_TIME, time.DATE_ONLY, time.TIME_ONLY,
                           "Monday January 2 2006 _2 __2 002 03PM pm .000 ,999"} do
          print(t:format(l))
        end
        """)
    assert r.lines == [
        "2024-02-09T13:04:05.123456789Z",
        "1:04PM",
        "Feb  9 13:04:05.123",
        "Fri, 09 Feb 2024 13:04:05 UTC",
        "Fri, 09 Feb 2024 13:04:05 +0000",
        "09 Feb 24 13:04 UTC",
        "Friday, 09-Feb-24 13:04:05 UTC",
        "2024-02-09 13:04:05",
        "2024-02-09",
        "13:04:05",
        "Friday February 9 2024  9  40 040 01PM pm .123 ,123",
    ], r


def test_parse(lua_run):
    """§3 parse(layout, s [, loc]): RFC3339 with offsets and fractions; Go's
    error messages for bad input."""
    r = lua_run("""
        local p = time.parse(time.RFC3339, "2024-02-29T12:34:56.789+02:00")
        print(p:unix(), p:nanosecond(), tostring(p), p:format(time.RFC3339NANO))
        local z = time.parse(time.RFC3339NANO, "2024-02-29T10:34:56Z")
        print(z:equal(time.parse(time.RFC3339, "2024-02-29T12:34:56+02:00")), z:location())
        print(time.parse(time.DATE_ONLY, "2024-03-01", time.utc):format(time.RFC3339))
        print(time.parse("2006-01-02", "2024-13-01"))
        print(time.parse("2006-01-02", "2024-01-01x"))
        print(time.parse("2006-01-02", "2023-02-29"))
        print(time.parse(time.RFC3339, "2024-02-29 12:34:56"))
        """)
    assert r.lines == [
        "1709202896\t789000000\t2024-02-29 12:34:56.789 +0200 +0200\t2024-02-29T12:34:56.789+02:00",
        "true\tUTC",
        "2024-03-01T00:00:00Z",
        'nil\tparsing time "2024-13-01": month out of range',
        'nil\tparsing time "2024-01-01x": extra text: "x"',
        'nil\tparsing time "2023-02-29": day out of range',
        'nil\tparsing time "2024-02-29 12:34:56" as "2006-01-02T15:04:05Z07:00": '
        'cannot parse " 12:34:56" as "T"',
    ], r


def test_duration_methods(lua_run):
    """§3 Duration methods: nanoseconds/microseconds/milliseconds are
    integers, seconds/minutes/hours floats; tostring is Go's String."""
    r = lua_run("""
        local d = time.parse_duration("1500ms")
        print(d:nanoseconds(), d:microseconds(), d:milliseconds())
        print(d:seconds(), d:minutes(), d:hours(), tostring(d))
        local n = time.parse_duration(-1500)
        print(n:nanoseconds(), n:microseconds(), tostring(n))
        print(time.parse_duration({}))
        """)
    assert r.lines == [
        "1500000000\t1500000\t1500",
        "1.5\t0.025\t0.00041666666666667\t1.5s",
        "-1500\t-1\t-1.5\xc2\xb5s",
        "nil\tinvalid value type: table",
    ], r


def test_locations(lua_run):
    """§3 load_location: empty name is an error, unknown zones too; tz
    database zones apply their offsets; fixed_zone(name, offset)."""
    r = lua_run("""
        print(time.load_location(""))
        print(time.load_location("Nowhere/City"))
        print(time.load_location("UTC"), time.load_location("UTC"):string())
        local ny = time.load_location("America/New_York")
        print(ny, time.date(2024, 7, 1, 12, 0, 0, 0, ny):format("MST -0700"),
              time.date(2024, 1, 1, 12, 0, 0, 0, ny):format(time.RFC3339))
        print(time.fixed_zone("EST5", -5 * 3600))
        """)
    assert r.lines == [
        "nil\tempty location name",
        "nil\tunknown time zone Nowhere/City",
        "UTC\tUTC",
        "America/New_York\tEDT -0400\t2024-01-01T12:00:00-05:00",
        "EST5",
    ], r
