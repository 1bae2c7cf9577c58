"""The Lua os library (loslib.c).

Rules:
- Times are integers (seconds since the epoch); dates go through the C
  library's localtime/gmtime/mktime/strftime (Python's time module), in the
  "C" locale, with the conversion specifiers that C99 allows.
- Failures of file operations return nil, message, errno like
  luaL_fileresult; the messages are the C library's strerror texts.
- os.exit raises LuaExit (its `close` flag says whether to-be-closed
  variables are closed on the way out); flushing the output is the
  runner's job.
- Only the "C" locale exists: setlocale accepts "C", "POSIX" and, for "",
  a C locale named by the environment.
"""

import os
import random
import time

from moonlet.runtime.errors import NOARG, LuaExit, arg_error, rt_error
from moonlet.runtime.table import Table
from moonlet.runtime.values import Multi, tointeger

from ._checks import (
    c_index,
    c_setindex,
    check_int,
    check_option,
    check_str,
    fileresult,
    opt_int,
    opt_str,
    to_boolean,
)

LUA_VISIBLE = True

_INT_MAX = 0x7FFFFFFF
_INT_MIN = -0x80000000

# Valid strftime conversions (loslib's L_STRFTIMEC99), by length.
_OPTIONS1 = frozenset("aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%")
_OPTIONS2 = frozenset(
    ["Ec", "EC", "Ex", "EX", "Ey", "EY"]
    + ["Od", "Oe", "OH", "OI", "Om", "OM", "OS", "Ou", "OU", "OV", "Ow", "OW", "Oy"]
)


def os_clock(*_):
    return time.process_time()


def os_time(t=NOARG, *_):
    if t is NOARG or t is None:
        return int(time.time())
    if not isinstance(t, Table):
        from moonlet.runtime.errors import type_error

        type_error(1, "time", "table", t)
    fields = []
    for key, default, delta in (
        ("year", -1, 1900),
        ("month", -1, 1),
        ("day", -1, 0),
        ("hour", 12, 0),
        ("min", 0, 0),
        ("sec", 0, 0),
    ):
        v = c_index(t, key)
        res = tointeger(v)
        if res is None:
            if v is not None:
                rt_error("field '%s' is not an integer" % key)
            if default < 0:
                rt_error("field '%s' missing in date table" % key)
            res = default
        else:
            if not (res <= _INT_MAX + delta if res >= 0 else _INT_MIN + delta <= res):
                rt_error("field '%s' is out-of-bound" % key)
            res -= delta
        fields.append(res)
    v = c_index(t, "isdst")
    isdst = -1 if v is None else (1 if v is not False else 0)
    year, mon, mday, hour, minute, sec = fields
    try:
        r = _mktime(year, mon, mday, hour, minute, sec, isdst)
        tm = time.localtime(r)
    except (OverflowError, OSError, ValueError):
        rt_error("time result cannot be represented in this installation")
    _setallfields(t, tm, c_setindex)
    if r == -1:
        rt_error("time result cannot be represented in this installation")
    return r


# PyPy's time.mktime moves a month or day 0 to 1 instead of normalising it
# like C's mktime: it gets fields already in range.
_MKTIME_CLAMPS = time.mktime((2000, 0, 1, 12, 0, 0, 0, 0, -1)) == time.mktime(
    (2000, 1, 1, 12, 0, 0, 0, 0, -1)
)


def _mktime(year, mon, mday, hour, minute, sec, isdst):
    """C mktime on tm fields (tm_year, tm_mon, ...): seconds since the epoch."""
    if _MKTIME_CLAMPS and not (
        0 <= mon <= 11 and 1 <= mday <= 28 and 0 <= hour <= 23 and 0 <= minute <= 59
    ):
        # The same local date and time with every field in its range.
        try:
            tm = time.gmtime(_timegm(year + 1900, mon, mday, hour, minute, 0))
            year, mon, mday = tm.tm_year - 1900, tm.tm_mon - 1, tm.tm_mday
            hour, minute = tm.tm_hour, tm.tm_min
        except (OverflowError, OSError, ValueError):
            pass
    try:
        f = time.mktime((year + 1900, mon + 1, mday, hour, minute, sec, 0, 0, isdst))
    except OverflowError:
        # Years beyond Python's range: no daylight saving time out there.
        f = None
    if f is not None and abs(f) < 2.0**53:
        return int(f)
    # Too far for a double (or for Python): sum the fields with integers.
    g = _timegm(year + 1900, mon, mday, hour, minute, sec)
    return g - time.localtime(g if f is None else int(f)).tm_gmtoff


def _timegm(year, mon0, mday, hour, minute, sec):
    """Seconds since the epoch of a UTC date (fields may be out of range)."""
    year += mon0 // 12
    mon0 %= 12
    # Days from 1970-01-01 to the first of the month (proleptic Gregorian).
    y = year - (mon0 < 2)
    era = y // 400
    yoe = y - era * 400
    mp = (mon0 + 10) % 12
    doy = (153 * mp + 2) // 5
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days = era * 146097 + doe - 719468 + mday - 1
    return ((days * 24 + hour) * 60 + minute) * 60 + sec


def _setallfields(t, tm, setter):
    setter(t, "year", tm.tm_year)
    setter(t, "month", tm.tm_mon)
    setter(t, "day", tm.tm_mday)
    setter(t, "hour", tm.tm_hour)
    setter(t, "min", tm.tm_min)
    setter(t, "sec", tm.tm_sec)
    setter(t, "yday", tm.tm_yday)
    setter(t, "wday", (tm.tm_wday + 1) % 7 + 1)
    if tm.tm_isdst >= 0:
        setter(t, "isdst", bool(tm.tm_isdst))


def _rawset(t, k, v):
    t[k] = v


def os_date(fmt=NOARG, t=NOARG, *_):
    s = opt_str(fmt, 1, "date", "%c")
    if t is NOARG or t is None:
        t = int(time.time())
    else:
        t = check_int(t, 2, "date")
    utc = s.startswith("!")
    if utc:
        s = s[1:]
    try:
        tm = time.gmtime(t) if utc else time.localtime(t)
    except (OverflowError, OSError, ValueError):
        rt_error("date result cannot be represented in this installation")
    if s.split("\0", 1)[0] == "*t":
        res = Table()
        _setallfields(res, tm, _rawset)
        return res
    out = []
    i = 0
    n = len(s)
    while i < n:
        j = s.find("%", i)
        if j < 0:
            out.append(s[i:])
            break
        out.append(s[i:j])
        conv = s[j + 1 : j + 3]
        if conv[:1] in _OPTIONS1:
            spec = conv[:1]
        elif len(conv) == 2 and conv in _OPTIONS2:
            spec = conv
        else:
            conv = s[j + 1 :].split("\0", 1)[0]
            arg_error(1, "date", "invalid conversion specifier '%%%s'" % conv)
        out.append(_strftime(spec, tm, utc))
        i = j + 1 + len(spec)
    return "".join(out)


def _strftime(spec, tm, utc):
    if spec == "Z":
        if utc:
            return "GMT"
        zone = getattr(tm, "tm_zone", None)
        if zone is None:
            zone = time.tzname[1 if tm.tm_isdst > 0 else 0]
        return zone
    if spec == "z":
        off = 0 if utc else getattr(tm, "tm_gmtoff", None)
        if off is None:
            off = -(time.altzone if tm.tm_isdst > 0 else time.timezone)
        sign = "-" if off < 0 else "+"
        off = abs(off) // 60
        return "%s%02d%02d" % (sign, off // 60, off % 60)
    try:
        return time.strftime("%" + spec, tm)
    except (ValueError, OverflowError):
        return ""


def os_difftime(t1=NOARG, t2=NOARG, *_):
    t1 = check_int(t1, 1, "difftime")
    t2 = check_int(t2, 2, "difftime")
    return float(t1 - t2)


def os_getenv(name=NOARG, *_):
    name = check_str(name, 1, "getenv")
    try:
        v = os.environb.get(name.encode("latin-1"))
    except AttributeError:
        v = os.environ.get(name)
        return v
    if v is None:
        return None
    return v.decode("latin-1")


def os_exit(code=NOARG, close=NOARG, *_):
    if code.__class__ is bool:
        status = 0 if code else 1
    else:
        status = opt_int(code, 1, "exit", 0)
    # Without `close` it is C's exit(): no to-be-closed variable is closed.
    raise LuaExit(status, to_boolean(close))


def os_remove(name=NOARG, *_):
    name = check_str(name, 1, "remove")
    path = name.encode("latin-1")
    try:
        try:
            os.unlink(path)
        except IsADirectoryError:
            os.rmdir(path)
    except OSError as e:
        return fileresult(e, name)
    return True


def os_rename(src=NOARG, dst=NOARG, *_):
    src = check_str(src, 1, "rename")
    dst = check_str(dst, 2, "rename")
    try:
        os.rename(src.encode("latin-1"), dst.encode("latin-1"))
    except OSError as e:
        return fileresult(e)
    return True


_TMPCHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def os_tmpname(*_):
    rng = random.SystemRandom()
    for _ in range(100):
        name = "/tmp/lua_" + "".join(rng.choice(_TMPCHARS) for _ in range(6))
        try:
            fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except OSError:
            break
        os.close(fd)
        return name
    rt_error("unable to generate a unique filename")


_CATEGORIES = ["all", "collate", "ctype", "monetary", "numeric", "time"]
_C_LOCALES = ("C", "POSIX")
_locale = {c: "C" for c in _CATEGORIES[1:]}


def _env_locale(cat):
    for var in ("LC_ALL", "LC_" + cat.upper(), "LANG"):
        v = os.environ.get(var)
        if v:
            return v
    return "C"


def _is_c_locale(name):
    return name in _C_LOCALES or name.split(".")[0] == "C"


def os_setlocale(loc=NOARG, cat=NOARG, *_):
    loc = opt_str(loc, 1, "setlocale", None)
    op = check_option(cat, 2, "setlocale", "all", _CATEGORIES)
    cats = _CATEGORIES[1:] if op == 0 else [_CATEGORIES[op]]
    if loc is not None:
        names = {}
        for c in cats:
            name = loc or _env_locale(c)
            if name == "POSIX":
                name = "C"
            if not _is_c_locale(name):
                return None
            names[c] = name
        _locale.update(names)
    names = {_locale[c] for c in cats}
    if len(names) == 1:
        return names.pop()
    return ";".join(
        "LC_%s=%s" % (c.upper(), _locale[c])
        for c in ("ctype", "numeric", "time", "collate", "monetary")
    )


def os_execute(cmd=NOARG, *_):
    cmd = opt_str(cmd, 1, "execute", None)
    if cmd is None:
        return True
    try:
        stat = os.system(cmd.encode("latin-1"))
    except OSError as e:
        return fileresult(e)
    return _execresult(stat)


def _execresult(stat):
    """luaL_execresult for a wait status."""
    if stat == -1:
        return Multi((None, "error", -1))
    if os.WIFEXITED(stat):
        what, code = "exit", os.WEXITSTATUS(stat)
    elif os.WIFSIGNALED(stat):
        what, code = "signal", os.WTERMSIG(stat)
    else:
        what, code = "exit", stat
    if what == "exit" and code == 0:
        return Multi((True, what, code))
    return Multi((None, what, code))


LIB = {
    "clock": os_clock,
    "date": os_date,
    "difftime": os_difftime,
    "execute": os_execute,
    "exit": os_exit,
    "getenv": os_getenv,
    "remove": os_remove,
    "rename": os_rename,
    "setlocale": os_setlocale,
    "time": os_time,
    "tmpname": os_tmpname,
}
