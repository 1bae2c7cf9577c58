"""The os library against lua5.4's answers (expected values were obtained
by running the same expressions with `TZ=... lua5.4 -e 'print(...)'`)."""

import os
import re
import time


import pytest

from moonlet.runtime.errors import LuaError, LuaExit
from moonlet.runtime.ops import tostring
from moonlet.runtime.table import Table, setmetatable
from moonlet.runtime.values import Multi, first
from moonlet.stdlib import oslib
from moonlet.stdlib.oslib import LIB as OS
from luacall import error_of, lua_print  # noqa: F401


def fields(t):
    return lua_print(
        *[t[k] for k in ("year", "month", "day", "hour", "min", "sec", "wday", "yday")],
        t["isdst"],
    )


@pytest.fixture
def tz():
    """Switch the local time zone for one test."""
    old = os.environ.get("TZ")

    def set_tz(name):
        os.environ["TZ"] = name
        time.tzset()

    yield set_tz
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_lib_table():
    assert sorted(OS) == [
        "clock",
        "date",
        "difftime",
        "execute",
        "exit",
        "getenv",
        "remove",
        "rename",
        "setlocale",
        "time",
        "tmpname",
    ]
    assert oslib.LUA_VISIBLE is True


def test_time_now():
    t = OS["time"]()
    assert t.__class__ is int
    assert abs(t - time.time()) < 5


@pytest.mark.parametrize(
    "zone, expected",
    [
        (
            "America/New_York",
            [
                "1577854800",
                "1615186921\t2021\t3\t8\t2\t2\t1\t2\t67\tfalse",
                "1583652600\t3\ttrue",
                "1593622800\t13\ttrue",
                "1593619200\t12\ttrue\t4\t183",
                "946747802",
                "67768036160202000",
                "-67768040609679838",
            ],
        ),
        (
            "UTC",
            [
                "1577836800",
                "1615168921\t2021\t3\t8\t2\t2\t1\t2\t67\tfalse",
                "1583634600\t2\tfalse",
                "1593604800\t12\tfalse",
                "1593604800\t12\tfalse\t4\t183",
                "946729802",
                "67768036160184000",
                "-67768040609697600",
            ],
        ),
    ],
)
def test_time_from_table(tz, zone, expected):
    tz(zone)
    got = [lua_print(OS["time"](Table(year=2020, month=1, day=1, hour=0)))]
    t = Table(year=2020, month=14, day=35, hour=25, min=61, sec=61)
    r = OS["time"](t)
    got.append(
        lua_print(
            r,
            *[t[k] for k in ("year", "month", "day", "hour", "min", "sec")],
            t["wday"],
            t["yday"],
            t["isdst"],
        )
    )
    t = Table(year=2020, month=3, day=8, hour=2, min=30)
    got.append(lua_print(OS["time"](t), t["hour"], t["isdst"]))
    t = Table(year=2020, month=7, day=1, hour=12, isdst=False)
    got.append(lua_print(OS["time"](t), t["hour"], t["isdst"]))
    t = Table(year=2020, month=7, day=1)
    got.append(lua_print(OS["time"](t), t["hour"], t["isdst"], t["wday"], t["yday"]))
    got.append(
        lua_print(
            OS["time"](Table(year=2000, month=1, day=1, hour=12, min="30", sec=2.0))
        )
    )
    got.append(lua_print(OS["time"](Table(year=2**31 + 1899, month=1, day=1))))
    got.append(lua_print(OS["time"](Table(year=-(2**31) + 1900, month=1, day=1))))
    assert got == expected


def test_time_isdst_in_utc(tz):
    tz("UTC")
    t = Table(year=2020, month=1, day=1, hour=12, isdst=True)
    assert OS["time"](t) == 1577876400


def test_time_reads_through_index(tz):
    tz("UTC")
    base = Table(year=2000, month=1, day=1)
    t = setmetatable(Table(), Table(__index=lambda t, k: base[k]))
    assert OS["time"](t) == 946728000
    assert dict.get(t, "year") == 2000 and dict.get(t, "yday") == 1


def test_time_errors(tz):
    tz("UTC")
    assert error_of(OS["time"], Table(year=2020, month=1)) == (
        "field 'day' missing in date table"
    )
    assert error_of(OS["time"], Table(year=2020, month=1, day=1.5)) == (
        "field 'day' is not an integer"
    )
    assert error_of(OS["time"], Table(year=2020, month=1, day="x")) == (
        "field 'day' is not an integer"
    )
    assert error_of(OS["time"], Table(year=2020, month=1, day=2**31)) == (
        "field 'day' is out-of-bound"
    )
    assert error_of(OS["time"], Table(year=2**31 + 1900, month=1, day=1)) == (
        "field 'year' is out-of-bound"
    )
    assert error_of(OS["time"], 5) == (
        "bad argument #1 to 'time' (table expected, got number)"
    )
    # mktime's -1 is an error in Lua, even when it is a valid time.
    t = Table(year=1969, month=12, day=31, hour=23, min=59, sec=59)
    assert error_of(OS["time"], t) == (
        "time result cannot be represented in this installation"
    )


def test_date_utc_formats():
    d = OS["date"]
    assert d(
        "!%Y-%m-%d %H:%M:%S %Z %z %a %A %b %B %c %C %d %D %e %F %g %G %h %I %j "
        "%m %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %%",
        1700000000,
    ) == (
        "2023-11-14 22:13:20 GMT +0000 Tue Tuesday Nov November Tue Nov 14 "
        "22:13:20 2023 20 14 11/14/23 14 2023-11-14 23 2023 Nov 10 318 11 \n"
        " PM 10:13:20 PM 22:13 20 \t 22:13:20 2 46 46 2 46 11/14/23 22:13:20 23 %"
    )
    assert d(
        "!%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy",
        1700000000,
    ) == (
        "Tue Nov 14 22:13:20 2023|20|11/14/23|22:13:20|23|2023|14|14|22|10|11|13"
        "|20|2|46|46|2|46|23"
    )
    assert lua_print(d("!%c", 0), d("!%x", 0)) == "Thu Jan  1 00:00:00 1970\t01/01/70"
    assert d("!%Y", -1e10) == "1653"
    assert d("!%H", 3600 * 5) == "05"
    assert lua_print(d("", 0), d("!x%%y", 0)) == "\tx%y"
    assert d("!\0%Y", 0) == "\x001970"


def test_date_local(tz):
    tz("America/New_York")
    d = OS["date"]
    assert d("%Y-%m-%d %H:%M:%S %Z %z", 1700000000) == "2023-11-14 17:13:20 EST -0500"
    assert d("%Z %z", 0) == "EST -0500"
    assert d("%c|%x|%X|%p|%I", 1600000000) == (
        "Sun Sep 13 08:26:40 2020|09/13/20|08:26:40|AM|08"
    )
    assert fields(d("*t", 1600000000)) == "2020\t9\t13\t8\t26\t40\t1\t257\ttrue"
    assert fields(d("!*t", 1600000000)) == "2020\t9\t13\t12\t26\t40\t1\t257\tfalse"
    assert d(None, 0) == d("%c", 0)
    tz("UTC")
    assert d("%Y-%m-%d %H:%M:%S %Z %z", 1700000000) == "2023-11-14 22:13:20 UTC +0000"
    assert fields(d("*t", 0)) == "1970\t1\t1\t0\t0\t0\t5\t1\tfalse"


def test_date_table_utc():
    t = OS["date"]("!*t", 1700000000)
    assert t.__class__ is Table
    assert fields(t) == "2023\t11\t14\t22\t13\t20\t3\t318\tfalse"


def test_date_errors():
    d = OS["date"]
    bad = "bad argument #1 to 'date' (invalid conversion specifier '%s')"
    assert error_of(d, "%Q") == bad % "%Q"
    assert error_of(d, "%Qabc") == bad % "%Qabc"
    assert error_of(d, "%Q\0abc") == bad % "%Q"
    assert error_of(d, "abc%") == bad % "%"
    assert error_of(d, "%E") == bad % "%E"
    assert error_of(d, "%Ez") == bad % "%Ez"
    assert error_of(d, "%5d") == bad % "%5d"
    assert error_of(d, "%c", 1.5) == (
        "bad argument #2 to 'date' (number has no integer representation)"
    )
    assert error_of(d, "!%c", 2**60) == (
        "date result cannot be represented in this installation"
    )


def test_clock_and_difftime():
    c = OS["clock"]()
    assert c.__class__ is float and c >= 0
    assert OS["difftime"](10, 5) == 5.0
    assert OS["difftime"](10, 5).__class__ is float
    assert error_of(OS["difftime"], 10) == (
        "bad argument #2 to 'difftime' (number expected, got no value)"
    )
    assert error_of(OS["difftime"], 1.5, 1) == (
        "bad argument #1 to 'difftime' (number has no integer representation)"
    )


def test_getenv(monkeypatch):
    monkeypatch.setenv("MOONLET_TEST_VAR", "h\u00e4")
    # Values are the environment's bytes, one character per byte.
    assert OS["getenv"]("MOONLET_TEST_VAR") == "h\xc3\xa4"
    assert OS["getenv"]("MOONLET_NOPE_NOT_SET") is None
    assert error_of(OS["getenv"]) == (
        "bad argument #1 to 'getenv' (string expected, got no value)"
    )


@pytest.mark.parametrize(
    "args, code", [((), 0), ((True,), 0), ((False,), 1), ((7,), 7), ((3.0,), 3)]
)
def test_exit(args, code):
    with pytest.raises(LuaExit) as info:
        OS["exit"](*args)
    assert info.value.code == code


def test_exit_error():
    assert error_of(OS["exit"], "x") == (
        "bad argument #1 to 'exit' (number expected, got string)"
    )


def test_remove_and_rename(tmp_path):
    a = tmp_path / "a.txt"
    a.write_bytes(b"x")
    b = str(tmp_path / "b.txt")
    assert OS["rename"](str(a), b) is True
    assert not a.exists()
    assert lua_print(OS["rename"](str(a), b)) == "nil\tNo such file or directory\t2"
    assert OS["remove"](b) is True
    assert lua_print(OS["remove"](b)) == "nil\t%s: No such file or directory\t2" % b
    d = tmp_path / "dir"
    d.mkdir()
    (d / "f").write_bytes(b"")
    assert lua_print(OS["remove"](str(d))) == "nil\t%s: Directory not empty\t39" % d
    os.unlink(str(d / "f"))
    assert OS["remove"](str(d)) is True
    assert not d.exists()
    assert error_of(OS["rename"], "x") == (
        "bad argument #2 to 'rename' (string expected, got no value)"
    )


def test_tmpname():
    name = OS["tmpname"]()
    try:
        assert re.match(r"^/tmp/lua_[A-Za-z0-9]{6}$", name)
        assert os.path.exists(name)
    finally:
        os.unlink(name)


def test_setlocale(monkeypatch):
    sl = OS["setlocale"]
    assert lua_print(sl(), sl("C"), sl(None, "numeric"), sl("xx_YY")) == (
        "C\tC\tC\tnil"
    )
    assert error_of(sl, "C", "bad") == (
        "bad argument #2 to 'setlocale' (invalid option 'bad')"
    )
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert sl("") == "C.UTF-8"
    assert sl() == "C.UTF-8"
    assert sl("POSIX") == "C"
    assert sl("C", "time") == "C"


def test_execute():
    assert lua_print(OS["execute"]("exit 3")) == "nil\texit\t3"
    assert lua_print(OS["execute"]("true")) == "true\texit\t0"
    assert lua_print(OS["execute"]("kill -9 $$")) == "nil\tsignal\t9"
    assert OS["execute"]() is True
