"""The time module of the process runtime (`require("time")`).

Rules:
- Every duration argument takes an integer or float number of
  nanoseconds, a Go duration string ("1h30m", "1.5s", "-2s") or a Duration;
  anything else is "duration must be number or string".
- sleep, after, timer and ticker use the node's clock (virtual or real);
  their timers belong to the calling process and stop when it ends.
- after/timer channels (buffer 1) get one Time and are then closed;
  ticker channels (buffer 16) drop ticks while full.
- sleep returns nothing, or nil and an error for a bad duration; a zero or
  negative sleep still yields once. after/timer/ticker, timer:stop(),
  timer:reset() and ticker:stop() yield once too (dispatcher round trips).
- Time, Duration and Location are userdata with Go's semantics
  (stdlib.gotime); Time values carry a location, Local by default.
"""

import math

from moonlet.runtime import errvalues, sched
from moonlet.runtime.channel import Channel
from moonlet.runtime.errors import NOARG, arg_error, rt_error
from moonlet.runtime.table import Table
from moonlet.runtime.values import NONE, Multi

from . import gotime
from ._checks import check_int, check_str
from .gotime import LOCAL, UTC, GoTime, Location

LUA_VISIBLE = True

Time = GoTime


class Duration:
    __slots__ = ("ns",)
    lua_type = "userdata"
    lua_meta = None  # set below
    methods = {}

    def __init__(self, ns):
        self.ns = ns

    def __getitem__(self, key):
        return self.methods.get(key)


class TimerObj:
    """A one-shot timer (time.timer)."""

    __slots__ = ("proc", "channel", "timer")
    lua_type = "userdata"
    lua_meta = None
    methods = {}

    def __init__(self, proc, channel):
        self.proc = proc
        self.channel = channel
        self.timer = None

    def __getitem__(self, key):
        return self.methods.get(key)


class Ticker:
    __slots__ = ("proc", "channel", "timer", "period")
    lua_type = "userdata"
    lua_meta = None
    methods = {}

    def __init__(self, proc, channel, period):
        self.proc = proc
        self.channel = channel
        self.period = period
        self.timer = None

    def __getitem__(self, key):
        return self.methods.get(key)


def _err(msg):
    return Multi((None, errvalues.make(msg, errvalues.INVALID)))


def to_duration(v):
    """Nanoseconds of a duration argument; raises ValueError."""
    cls = v.__class__
    if cls is int:
        return v
    if cls is float:
        if v != v or v in (math.inf, -math.inf):
            raise ValueError("duration must be number or string")
        return int(v)
    if cls is str:
        return gotime.parse_duration(v)
    if cls is Duration:
        return v.ns
    raise ValueError("duration must be number or string")


def _node():
    proc = sched.CUR.proc
    if proc is None:
        rt_error("no process context")
    return proc


def _now_time(proc):
    return GoTime(proc.node.clock.wall_ns(), LOCAL)


# Blocking functions.


def _wake(w):
    sched.fire(w, None)


def time_sleep(d=NOARG, *_):
    try:
        ns = to_duration(d)
    except ValueError as e:
        return _err(str(e))
    proc = _node()
    if ns <= 0:
        sched.yield_now()
        return NONE
    w = sched.Waiter("time.sleep")
    w.timer = proc.node.hub.call_later(ns, _wake, w)
    sched.wait(w)
    return NONE


def _one_shot_fire(obj):
    proc = obj.proc
    proc.drop_timer(obj.timer)
    obj.channel.offer(_now_time(proc))
    obj.channel.close()


def _arm_one_shot(obj, ns):
    proc = obj.proc
    obj.timer = proc.node.hub.call_later(ns, _one_shot_fire, obj)
    proc.add_timer(obj.timer)


def _one_shot(d, fname):
    try:
        ns = to_duration(d)
    except ValueError as e:
        return None, _err(str(e))
    if ns <= 0:
        return None, _err("%s: duration must be > 0" % fname)
    proc = _node()
    obj = TimerObj(proc, Channel(1))
    _arm_one_shot(obj, ns)
    sched.yield_now()
    return obj, None


def time_after(d=NOARG, *_):
    obj, err = _one_shot(d, "time.after")
    if err is not None:
        return err
    return obj.channel


def time_timer(d=NOARG, *_):
    obj, err = _one_shot(d, "time.timer")
    if err is not None:
        return err
    return obj


def _check_timer(t, fname):
    if t.__class__ is not TimerObj:
        arg_error(1, fname, "Timer expected")
    return t


def timer_response(t=NOARG, *_):
    return _check_timer(t, "response").channel


def timer_stop(t=NOARG, *_):
    t = _check_timer(t, "stop")
    stopped = t.timer is not None and t.timer.cancel()
    t.proc.drop_timer(t.timer)
    t.channel.close()
    sched.yield_now()
    return stopped


def timer_reset(t=NOARG, d=NOARG, *_):
    t = _check_timer(t, "reset")
    try:
        ns = to_duration(d)
    except ValueError as e:
        rt_error("timer:reset: %s" % e)
    if ns <= 0:
        rt_error("timer:reset: duration must be > 0")
    active = t.timer is not None and t.timer.cancel()
    if active:
        t.proc.drop_timer(t.timer)
        _arm_one_shot(t, ns)
    sched.yield_now()
    return active


def _tick(tk):
    proc = tk.proc
    proc.drop_timer(tk.timer)
    hub = proc.node.hub
    ch = tk.channel
    if ch.closed:
        return
    if ch.can_accept():
        ch.offer(_now_time(proc))
    now = hub.clock.now()
    when = tk.timer.when + tk.period
    if when <= now:
        when += ((now - when) // tk.period + 1) * tk.period
    tk.timer = hub.call_later(when - now, _tick, tk)
    proc.add_timer(tk.timer)


def time_ticker(d=NOARG, *_):
    try:
        ns = to_duration(d)
    except ValueError as e:
        return _err(str(e))
    if ns <= 0:
        return _err("time.ticker: duration must be > 0")
    proc = _node()
    tk = Ticker(proc, Channel(16), ns)
    tk.timer = proc.node.hub.call_later(ns, _tick, tk)
    proc.add_timer(tk.timer)
    sched.yield_now()
    return tk


def _check_ticker(t, fname):
    if t.__class__ is not Ticker:
        arg_error(1, fname, "Ticker expected")
    return t


def ticker_response(t=NOARG, *_):
    return _check_ticker(t, "response").channel


def ticker_stop(t=NOARG, *_):
    t = _check_ticker(t, "stop")
    if t.timer is not None:
        t.timer.cancel()
        t.proc.drop_timer(t.timer)
    t.channel.close()
    sched.yield_now()
    return True


# Non-blocking functions.


def time_now(*_):
    proc = sched.CUR.proc
    if proc is None:
        import time

        return GoTime(time.time_ns(), LOCAL)
    return _now_time(proc)


def _check_loc(v, n, fname):
    if v.__class__ is not Location:
        arg_error(n, fname, "location expected")
    return v


def time_unix(sec=NOARG, nsec=NOARG, *_):
    return gotime.unix(check_int(sec, 1, "unix"), check_int(nsec, 2, "unix"))


def time_date(y=NOARG, mo=NOARG, d=NOARG, h=NOARG, mi=NOARG, s=NOARG, ns=NOARG, *rest):
    vals = [check_int(v, i, "date") for i, v in enumerate((y, mo, d, h, mi, s, ns), 1)]
    loc = _check_loc(rest[0], 8, "date") if rest else LOCAL
    return gotime.date(*vals, loc)


def time_parse(layout=NOARG, value=NOARG, *rest):
    layout = check_str(layout, 1, "parse")
    value = check_str(value, 2, "parse")
    loc = _check_loc(rest[0], 3, "parse") if rest else LOCAL
    try:
        return gotime.parse_time(layout, value, loc, loc)
    except ValueError as e:
        return _err(str(e))


def time_parse_duration(v=NOARG, *_):
    cls = v.__class__
    if cls is Duration:
        return Duration(v.ns)
    if cls is int or cls is float or cls is str:
        try:
            return Duration(to_duration(v))
        except ValueError as e:
            return _err(str(e))
    if v is NOARG:
        v = None
    from moonlet.runtime.values import type_name

    if type_name(v) == "userdata":
        return _err("invalid duration type: %s" % type_name(v))
    return _err("invalid value type: %s" % type_name(v))


def time_load_location(name=NOARG, *_):
    name = check_str(name, 1, "load_location")
    if name == "":
        return _err("empty location name")
    try:
        return gotime.load_location(name)
    except ValueError as e:
        return Multi((None, errvalues.make(str(e), errvalues.NOT_FOUND)))


def time_fixed_zone(name=NOARG, offset=NOARG, *_):
    return gotime.fixed_zone(
        check_str(name, 1, "fixed_zone"), check_int(offset, 2, "fixed_zone")
    )


# Time methods.


def _t(v, fname, n=1):
    if v.__class__ is not GoTime:
        arg_error(n, fname, "time expected")
    return v


def t_tostring(t=NOARG, *_):
    return str(_t(t, "tostring"))


def t_add(t=NOARG, d=NOARG, *_):
    t = _t(t, "add")
    try:
        ns = to_duration(d)
    except ValueError as e:
        arg_error(2, "add", str(e))
    return t.add(ns)


def t_sub(t=NOARG, u=NOARG, *_):
    return Duration(_t(t, "sub").sub(_t(u, "sub", 2)))


def t_add_date(t=NOARG, y=NOARG, m=NOARG, d=NOARG, *_):
    t = _t(t, "add_date")
    return t.add_date(
        check_int(y, 2, "add_date"),
        check_int(m, 3, "add_date"),
        check_int(d, 4, "add_date"),
    )


def t_after(t=NOARG, u=NOARG, *_):
    return _t(t, "after").ns > _t(u, "after", 2).ns


def t_before(t=NOARG, u=NOARG, *_):
    return _t(t, "before").ns < _t(u, "before", 2).ns


def t_equal(t=NOARG, u=NOARG, *_):
    return _t(t, "equal").ns == _t(u, "equal", 2).ns


def t_format(t=NOARG, layout=NOARG, *_):
    t = _t(t, "format")
    return t.format(check_str(layout, 2, "format"))


def t_format_rfc3339(t=NOARG, *_):
    return _t(t, "format_rfc3339").format(gotime.RFC3339)


def t_unix(t=NOARG, *_):
    return _t(t, "unix").unix()


def t_unix_nano(t=NOARG, *_):
    return _t(t, "unix_nano").ns


def t_date(t=NOARG, *_):
    return Multi(_t(t, "date").date())


def t_clock(t=NOARG, *_):
    return Multi(_t(t, "clock").clock())


def t_year(t=NOARG, *_):
    return _t(t, "year").date()[0]


def t_month(t=NOARG, *_):
    return _t(t, "month").date()[1]


def t_day(t=NOARG, *_):
    return _t(t, "day").date()[2]


def t_hour(t=NOARG, *_):
    return _t(t, "hour").clock()[0]


def t_minute(t=NOARG, *_):
    return _t(t, "minute").clock()[1]


def t_second(t=NOARG, *_):
    return _t(t, "second").clock()[2]


def t_nanosecond(t=NOARG, *_):
    return _t(t, "nanosecond").nanosecond()


def t_weekday(t=NOARG, *_):
    return _t(t, "weekday").weekday()


def t_year_day(t=NOARG, *_):
    return _t(t, "year_day").yday()


def t_is_zero(t=NOARG, *_):
    return _t(t, "is_zero").is_zero()


def t_in_location(t=NOARG, loc=NOARG, *_):
    t = _t(t, "in_location")
    return t.with_loc(_check_loc(loc, 2, "in_location"))


def t_location(t=NOARG, *_):
    return _t(t, "location").loc


def t_utc(t=NOARG, *_):
    return _t(t, "utc").with_loc(UTC)


def t_in_local(t=NOARG, *_):
    return _t(t, "in_local").with_loc(LOCAL)


def _dur_arg(d, fname):
    if d.__class__ is not Duration:
        arg_error(2, fname, "duration expected")
    return d.ns


def t_round(t=NOARG, d=NOARG, *_):
    return _t(t, "round").round(_dur_arg(d, "round"))


def t_truncate(t=NOARG, d=NOARG, *_):
    return _t(t, "truncate").truncate(_dur_arg(d, "truncate"))


# Duration and Location methods.


def _d(v, fname):
    if v.__class__ is not Duration:
        arg_error(1, fname, "duration expected")
    return v.ns


def d_tostring(d=NOARG, *_):
    return gotime.format_duration(_d(d, "tostring"))


def d_nanoseconds(d=NOARG, *_):
    return _d(d, "nanoseconds")


def _trunc_div(a, b):
    q = abs(a) // b
    return -q if a < 0 else q


def d_microseconds(d=NOARG, *_):
    return _trunc_div(_d(d, "microseconds"), 1000)


def d_milliseconds(d=NOARG, *_):
    return _trunc_div(_d(d, "milliseconds"), 1000000)


def _float_units(ns, unit):
    whole, frac = _trunc_div(ns, unit), ns - _trunc_div(ns, unit) * unit
    return whole + frac / unit


def d_seconds(d=NOARG, *_):
    return _float_units(_d(d, "seconds"), gotime.NS)


def d_minutes(d=NOARG, *_):
    return _float_units(_d(d, "minutes"), 60 * gotime.NS)


def d_hours(d=NOARG, *_):
    return _float_units(_d(d, "hours"), 3600 * gotime.NS)


def loc_string(loc=NOARG, *_):
    if loc.__class__ is not Location:
        arg_error(1, "string", "location expected")
    return loc.name


# Functions usually called as methods (see runtime.frames.called_as).
LUA_METHODS = frozenset(
    (
        "timer_response",
        "timer_stop",
        "timer_reset",
        "ticker_response",
        "ticker_stop",
        "t_add",
        "t_sub",
        "t_add_date",
        "t_after",
        "t_before",
        "t_equal",
        "t_format",
        "t_in_location",
        "t_round",
        "t_truncate",
    )
)


def _userdata(cls, name, methods, tostring=None):
    cls.methods = dict(methods)
    meta = {"__index": Table(methods), "__name": name}
    if tostring is not None:
        meta["__tostring"] = tostring
    cls.lua_meta = Table(meta)


_userdata(
    GoTime,
    "time.Time",
    {
        "add": t_add,
        "sub": t_sub,
        "add_date": t_add_date,
        "after": t_after,
        "before": t_before,
        "equal": t_equal,
        "format": t_format,
        "format_rfc3339": t_format_rfc3339,
        "unix": t_unix,
        "unix_nano": t_unix_nano,
        "date": t_date,
        "clock": t_clock,
        "year": t_year,
        "month": t_month,
        "day": t_day,
        "hour": t_hour,
        "minute": t_minute,
        "second": t_second,
        "nanosecond": t_nanosecond,
        "weekday": t_weekday,
        "year_day": t_year_day,
        "is_zero": t_is_zero,
        "in_location": t_in_location,
        "location": t_location,
        "utc": t_utc,
        "in_local": t_in_local,
        "round": t_round,
        "truncate": t_truncate,
    },
    t_tostring,
)
_userdata(
    Duration,
    "time.Duration",
    {
        "nanoseconds": d_nanoseconds,
        "microseconds": d_microseconds,
        "milliseconds": d_milliseconds,
        "seconds": d_seconds,
        "minutes": d_minutes,
        "hours": d_hours,
    },
    d_tostring,
)
_userdata(Location, "time.Location", {"string": loc_string}, loc_string)
_userdata(
    TimerObj,
    "time.Timer",
    {
        "response": timer_response,
        "channel": timer_response,
        "stop": timer_stop,
        "reset": timer_reset,
    },
)
_userdata(
    Ticker,
    "time.Ticker",
    {"response": ticker_response, "channel": ticker_response, "stop": ticker_stop},
)


LIB = {
    "sleep": time_sleep,
    "after": time_after,
    "timer": time_timer,
    "ticker": time_ticker,
    "now": time_now,
    "unix": time_unix,
    "date": time_date,
    "parse": time_parse,
    "parse_duration": time_parse_duration,
    "load_location": time_load_location,
    "fixed_zone": time_fixed_zone,
}

CONSTANTS = {
    "NANOSECOND": 1,
    "MICROSECOND": 1000,
    "MILLISECOND": 1000000,
    "SECOND": 1000000000,
    "MINUTE": 60000000000,
    "HOUR": 3600000000000,
}


def make_lib():
    """The module table require("time") returns."""
    t = Table(LIB)
    for k, v in CONSTANTS.items():
        t[k] = v
    for k, v in gotime.LAYOUTS.items():
        t[k] = v
    for i, name in enumerate(gotime.LONG_MONTHS, 1):
        t[name.upper()] = i
    for i, name in enumerate(gotime.LONG_DAYS):
        t[name.upper()] = i
    t["utc"] = UTC
    t["localtz"] = LOCAL
    return t
