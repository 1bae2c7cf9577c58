"""The utf8 library against lua5.4's answers (expected values were obtained
by running the same expressions with `lua5.4 -e 'print(...)'`). Lua strings
are str with one character per byte."""

import pytest

from moonlet.runtime.errors import LuaError
from moonlet.runtime.ops import tostring
from moonlet.runtime.table import Table
from moonlet.runtime.values import Multi, first
from moonlet.stdlib import utf8lib
from moonlet.stdlib.utf8lib import LIB as U
from luacall import error_of, lua_print  # noqa: F401

HALLO = "h\xc3\xa4llo"  # "hällo" in UTF-8


def test_lib_table():
    assert sorted(U) == ["char", "charpattern", "codepoint", "codes", "len", "offset"]
    assert U["charpattern"] == "[\x00-\x7f\xc2-\xfd][\x80-\xbf]*"
    assert utf8lib.LUA_VISIBLE is True


def test_char():
    assert U["char"](228) == "\xc3\xa4"
    assert U["char"]() == ""
    assert U["char"](72, 228, 8364) == "H\xc3\xa4\xe2\x82\xac"
    assert U["char"]("65", 66.0) == "AB"
    # print(utf8.char(X):byte(1, -1))
    assert [ord(c) for c in U["char"](0x7FFFFFFF)] == [253, 191, 191, 191, 191, 191]
    assert [ord(c) for c in U["char"](0x10FFFF)] == [244, 143, 191, 191]
    assert [ord(c) for c in U["char"](0x800)] == [224, 160, 128]
    assert [ord(c) for c in U["char"](0x10000)] == [240, 144, 128, 128]
    assert [ord(c) for c in U["char"](0x200000)] == [248, 136, 128, 128, 128]
    assert [ord(c) for c in U["char"](0x4000000)] == [252, 132, 128, 128, 128, 128]


def test_char_errors():
    assert error_of(U["char"], -1) == "bad argument #1 to 'char' (value out of range)"
    assert error_of(U["char"], 65, 0x80000000) == (
        "bad argument #2 to 'char' (value out of range)"
    )
    assert error_of(U["char"], 1.5) == (
        "bad argument #1 to 'char' (number has no integer representation)"
    )
    assert error_of(U["char"], Table()) == (
        "bad argument #1 to 'char' (number expected, got table)"
    )


LEN_CASES = [
    ((HALLO,), "5"),
    (("",), "0"),
    (("abc", 2), "2"),
    (("abc", 4), "0"),
    (("abc", -1), "1"),
    (("abc", 1, -2), "2"),
    (("a\xffb",), "nil\t2"),
    (("a\x80b",), "nil\t2"),
    (("\xed\xa0\x80",), "nil\t1"),
    (("\xed\xa0\x80", 1, -1, True), "1"),
    (("\xf4\x90\x80\x80",), "nil\t1"),
    (("\xf4\x90\x80\x80", 1, -1, True), "1"),
    (("\xc0\x80",), "nil\t1"),
    (("\xe4\xbd",), "nil\t1"),
    (("\xc3\xa4\xc3\xa4", 2), "nil\t2"),
    (("\xc3\xa4\xc3\xa4", 3, 3), "1"),
    (("\xfd\xbf\xbf\xbf\xbf\xbf", 1, -1, True), "1"),
    (("\xf8\x88\x80\x80\x80", 1, -1, True), "1"),
    (("\xf8\x88\x80\x80\x80",), "nil\t1"),
    ((123,), "3"),
]


@pytest.mark.parametrize("args, expected", LEN_CASES)
def test_len(args, expected):
    assert lua_print(U["len"](*args)) == expected


def test_len_errors():
    assert error_of(U["len"], "abc", 5) == (
        "bad argument #2 to 'len' (initial position out of bounds)"
    )
    assert error_of(U["len"], "abc", 0) == (
        "bad argument #2 to 'len' (initial position out of bounds)"
    )
    assert error_of(U["len"], "abc", 1, 4) == (
        "bad argument #3 to 'len' (final position out of bounds)"
    )
    assert error_of(U["len"]) == (
        "bad argument #1 to 'len' (string expected, got no value)"
    )


CODEPOINT_CASES = [
    ((HALLO, 1, -1), "104\t228\t108\t108\t111"),
    ((HALLO, 2), "228"),
    (("abc", 3, 2), ""),
    (("", 1, 0), ""),
    (("\xed\xa0\x80", 1, 1, True), "55296"),
    (("\xfd\xbf\xbf\xbf\xbf\xbf", 1, 1, True), "2147483647"),
    (("abc",), "97"),
]


@pytest.mark.parametrize("args, expected", CODEPOINT_CASES)
def test_codepoint(args, expected):
    assert lua_print(U["codepoint"](*args)) == expected


def test_codepoint_errors():
    assert error_of(U["codepoint"], HALLO, 3) == "invalid UTF-8 code"
    assert error_of(U["codepoint"], "abc", 4) == (
        "bad argument #3 to 'codepoint' (out of bounds)"
    )
    assert error_of(U["codepoint"], "abc", 0) == (
        "bad argument #2 to 'codepoint' (out of bounds)"
    )
    assert error_of(U["codepoint"], "abc", 1, 4) == (
        "bad argument #3 to 'codepoint' (out of bounds)"
    )
    assert error_of(U["codepoint"], "\xed\xa0\x80") == "invalid UTF-8 code"
    assert error_of(U["codepoint"], "\xfe\xbf\xbf\xbf\xbf\xbf\xbf", 1, 1, True) == (
        "invalid UTF-8 code"
    )
    assert error_of(U["codepoint"], "a\xc3", 1, -1) == "invalid UTF-8 code"


def test_offset():
    o = U["offset"]
    # print(utf8.offset("hällo", 3), utf8.offset("hällo", -1), ...)
    assert (
        lua_print(
            o(HALLO, 3),
            o(HALLO, -1),
            o(HALLO, 0, 3),
            o(HALLO, 1),
            o(HALLO, 7),
            o(HALLO, 8),
            o("abc", -4),
            o("abc", 0, 4),
            o("abc", 4),
            o("abc", 5),
            o("abc", -3),
            o("", 1),
            o("", -1),
        )
        == "4\t6\t2\t1\tnil\tnil\tnil\t4\t4\tnil\t1\t1\tnil"
    )
    assert o("abc", 1, -3) == 1


def test_offset_errors():
    o = U["offset"]
    assert error_of(o, HALLO, 1, 3) == "initial position is a continuation byte"
    assert error_of(o, "abc", 1, 5) == (
        "bad argument #3 to 'offset' (position out of bounds)"
    )
    assert error_of(o, "abc", 1, -4) == (
        "bad argument #3 to 'offset' (position out of bounds)"
    )
    assert error_of(o, "abc", 1, 0) == (
        "bad argument #3 to 'offset' (position out of bounds)"
    )
    assert error_of(o, "abc") == (
        "bad argument #2 to 'offset' (number expected, got no value)"
    )


def iterate(s, lax=None):
    f, state, ctl = U["codes"](s, lax)
    out = []
    while True:
        r = f(state, ctl)
        if r == ():
            return out
        ctl = r[0]
        out.append("%d:%d" % r)


def test_codes():
    # for p, c in utf8.codes(s) do io.write(p, ":", c, " ") end
    assert iterate("h\xc3\xa4\xe2\x82\xac!") == ["1:104", "2:228", "4:8364", "7:33"]
    # 5.4.4 skips stray continuation bytes
    assert iterate("a\x80b") == ["1:97", "3:98"]
    assert iterate("\xed\xa0\x80", True) == ["1:55296"]
    assert error_of(iterate, "a\xffb") == "invalid UTF-8 code"
    assert error_of(iterate, "\xed\xa0\x80") == "invalid UTF-8 code"


def test_codes_iterator_directly():
    f, s, i = U["codes"]("ab")
    assert (s, i) == ("ab", 0)
    # print(f(s, i), f(s, 1), f(s, 2), f(s, 5), f(s, -1), f(s, 1.0))
    assert (
        lua_print(f(s, i), f(s, 1), f(s, 2), f(s, 5), f(s, -1), f(s, 1.0))
        == "1\t2\tnil\tnil\tnil\t2\t98"
    )
    assert lua_print(f(s, "x")) == "1\t97"
    assert error_of(U["codes"]) == (
        "bad argument #1 to 'codes' (string expected, got no value)"
    )
