"""Tests of stdlib.lpattern, the port of Lua 5.4's pattern matcher.

Expected values come from the reference interpreter, e.g.
`lua5.4 -e 'print(string.find("hello world", "l+"))'`; the last test
compares random patterns with lua5.4 itself.
"""

import shutil
import subprocess

import pytest

from moonlet.runtime.errors import LuaError
from moonlet.runtime.table import Table, setmetatable
from moonlet.runtime.values import NONE, Multi, tostr_number
from moonlet.stdlib import lpattern


class Err(str):
    """An expected Lua error message."""

    def __eq__(self, other):
        return isinstance(other, Err) and str.__eq__(self, other)

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = str.__hash__

    def __repr__(self):
        return "Err(%s)" % str.__repr__(self)


def values(r):
    return tuple(r) if isinstance(r, Multi) else (r,)


def call(fname, args):
    """Run string.<fname>(*args) through the lpattern API."""
    try:
        if fname in ("find", "match"):
            s, p = args[0], args[1]
            init = args[2] if len(args) > 2 else 1
            plain = len(args) > 3 and args[3] not in (None, False)
            return values(lpattern.find_aux(s, p, init, plain, fname == "find"))
        s, p, repl = args[0], args[1], args[2]
        if isinstance(repl, (int, float)):
            repl = tostr_number(repl)
        max_s = int(args[3]) if len(args) > 3 else len(s) + 1
        tr = 0 if isinstance(repl, str) else (2 if isinstance(repl, Table) else 1)
        return values(lpattern.gsub(s, p, repl, max_s, tr))
    except LuaError as e:
        return Err(e.value)


FIND_CASES = [
    ("find", ("hello world", "o w"), (5, 7)),
    ("find", ("hello world", "l+"), (3, 4)),
    ("find", ("hello world", "o", 6), (8, 8)),
    ("find", ("hello", "l", -2), (4, 4)),
    ("find", ("hello", "xyz"), (None,)),
    ("find", ("hello", ""), (1, 0)),
    ("find", ("hello", "", 10), (None,)),
    ("find", ("hello", "", 6), (6, 5)),
    ("find", ("hello", "", -100), (1, 0)),
    ("find", ("a.b", ".", 1, True), (2, 2)),
    ("find", ("a.b", "."), (1, 1)),
    ("find", ("a+b", "+"), (2, 2)),
    ("find", ("a)b", ")"), (2, 2)),
    ("find", ("x^y", "^", 1), (1, 0)),
    ("find", ("x^y", "y^"), (None,)),
    ("find", ("hello", "()ll()"), (3, 4, 3, 5)),
    ("find", ("hello", "(h)(e)"), (1, 2, "h", "e")),
    ("find", ("hello", "^h"), (1, 1)),
    ("find", ("hello", "^e"), (None,)),
    ("find", ("hello", "o$"), (5, 5)),
    ("find", ("hello", "l$"), (None,)),
    ("find", ("  x", "%S"), (3, 3)),
    ("find", ("abc", "[]"), Err("malformed pattern (missing ']')")),
    ("find", ("a]c", "[]]"), (2, 2)),
    ("find", ("a]c", "[^]]"), (1, 1)),
    ("find", ("a-c", "[a-]", 2), (2, 2)),
    ("find", ("THE (quick) fox", "%((%a+)%)"), (5, 11, "quick")),
    ("find", ("abc", "%f[%Z]"), (1, 0)),
    ("find", ("a\x00b", "%z"), (2, 2)),
    ("find", ("a\x00b", "\x00"), (2, 2)),
    ("find", ("a\x00b", "[\x00]"), (2, 2)),
    ("find", ("été", "%a+"), (2, 2)),
    ("find", ("été", "[à-ÿ]+"), (1, 1)),
    ("match", ("hello world", "%w+$"), ("world",)),
    ("match", ("hello", "(h)(e)(l)"), ("h", "e", "l")),
    ("match", ("  x  ", "^%s*(.-)%s*$"), ("x",)),
    ("match", ("key = value", "(%w+)%s*=%s*(%w+)"), ("key", "value")),
    ("match", ("2024-01-05", "(%d+)-(%d+)-(%d+)"), ("2024", "01", "05")),
    ("match", ("hello hello", "(h%a+) %1"), ("hello",)),
    ("match", ("hello", "()"), (1,)),
    ("match", ("hello", "()", 10), (None,)),
    ("match", ("hello", "l*", 3), ("ll",)),
    ("match", ("hello", ".-l"), ("hel",)),
    ("match", ("hello", ".*l"), ("hell",)),
    ("match", ("hello", "x?h"), ("h",)),
    ("match", ("hello", "$"), ("",)),
    ("match", ("hel$lo", "l$l"), ("l$l",)),
    ("match", ("hello", "^(h?)"), ("h",)),
    ("match", ("aaab", "a-b"), ("aaab",)),
    ("match", ("ab", "a*?"), (None,)),
    ("match", ("f(a(b)c)d", "%b()"), ("(a(b)c)",)),
    ("match", ("f(a(b)c", "%b()"), ("(b)",)),
    ("match", ('say "hi" now', '%b""'), ('"hi"',)),
    ("match", ("THE (quick) fox", "%f[%a]%a+"), ("THE",)),
    ("match", ("x", "%f[%a]"), ("",)),
    ("match", ("hello", "%g+"), ("hello",)),
    ("match", ("a,b;c", "%p"), (",",)),
    ("match", ("\t\n x", "%s+"), ("\t\n ",)),
    ("match", ("aBc", "%u"), ("B",)),
    ("match", ("ABc", "%l"), ("c",)),
    ("match", ("0x1F", "%x+$"), ("1F",)),
    ("match", ("\x01\x02a", "%c+"), ("\x01\x02",)),
    ("match", ("ab12", "%W"), (None,)),
    ("match", ("ab12", "%D+"), ("ab",)),
    ("match", ("ab12", "[%a%d]+"), ("ab12",)),
    ("match", ("ab12", "[^%d]+"), ("ab",)),
    ("match", ("x^y", "^^"), (None,)),
    ("match", ("^y", "^^"), ("^",)),
    ("match", ("a.b", "%.(.)"), ("b",)),
    ("match", ("a%b", "%%(.)"), ("b",)),
    ("match", ("hello", "(l)(l)"), ("l", "l")),
    ("match", ("hello", "((l)(l))"), ("ll", "l", "l")),
    ("match", ("hello", "(l(l)())"), ("ll", "l", 5)),
    ("match", ("aaa", "^(a-)(a*)$"), ("", "aaa")),
    ("match", ("abcabc", "(abc)%1"), ("abc",)),
    ("match", ("abab", "(a)(b)%2?%1"), (None,)),
    ("match", ("a", "()%1"), (None,)),
    ("match", ("one;two", "^([^;]*);(.*)$"), ("one", "two")),
    ("match", ("  trim me  ", "^%s*(.-)%s*$"), ("trim me",)),
    ("match", ("[[x]]", "%[(%b[])%]"), ("[x]",)),
    ("match", ("--[==[x]==]", "^%-%-%[(=*)%[(.-)%]%1%]"), ("==", "x")),
]

ERROR_CASES = [
    ("find", ("a", "%1"), Err("invalid capture index %1")),
    ("match", ("a", "(a)%2"), Err("invalid capture index %2")),
    ("match", ("a", "%0"), Err("invalid capture index %0")),
    ("find", ("a", "(a"), Err("unfinished capture")),
    ("match", ("a", "a)"), Err("invalid pattern capture")),
    ("find", ("a", "%f"), Err("missing '[' after '%f' in pattern")),
    ("find", ("a", "%fa"), Err("missing '[' after '%f' in pattern")),
    ("find", ("a", "%b"), Err("malformed pattern (missing arguments to '%b')")),
    ("find", ("a", "%bx"), Err("malformed pattern (missing arguments to '%b')")),
    ("find", ("a", "[a"), Err("malformed pattern (missing ']')")),
    ("find", ("a", "[^"), Err("malformed pattern (missing ']')")),
    ("find", ("a", "[%"), Err("malformed pattern (missing ']')")),
    ("find", ("a", "%"), Err("malformed pattern (ends with '%')")),
    ("find", ("a", "a%"), Err("malformed pattern (ends with '%')")),
    ("find", ("b", "a%"), (None,)),
    ("find", ("a", "(()"), Err("unfinished capture")),
    ("match", ("a", "(" * 33), Err("too many captures")),
    ("match", ("a" * 40, "(.)" * 33), Err("too many captures")),
    ("match", ("a" * 200, "a?" * 200), Err("pattern too complex")),
    ("match", ("a" * 199, "a?" * 199), ("a" * 199,)),
    ("match", ("a" * 300, "a?" * 300), Err("pattern too complex")),
    ("match", ("b", "a?" * 300), ("",)),
    ("gsub", ("abc", "(", "x"), ("xaxbxcx", 4)),
    ("gsub", ("abc", "%", "x", 0), ("abc", 0)),
    ("gsub", ("", "[", "x"), Err("malformed pattern (missing ']')")),
]

GSUB_CASES = [
    ("gsub", ("hello world", "o", "0"), ("hell0 w0rld", 2)),
    ("gsub", ("hello world", "o", "0", 1), ("hell0 world", 1)),
    ("gsub", ("hello world", "(o)", "[%1%0]"), ("hell[oo] w[oo]rld", 2)),
    ("gsub", ("hello world", "%w+", "<%0>"), ("<hello> <world>", 2)),
    ("gsub", ("hello", "", "-"), ("-h-e-l-l-o-", 6)),
    ("gsub", ("abc", "", "-", 2), ("-a-bc", 2)),
    ("gsub", ("abc", "%w", "%%"), ("%%%", 3)),
    ("gsub", ("abc", "()b", "%1"), ("a2c", 1)),
    ("gsub", ("abc", "b", 5.5), ("a5.5c", 1)),
    ("gsub", ("abc", "b", 7), ("a7c", 1)),
    ("gsub", ("abc", "^a", "X"), ("Xbc", 1)),
    ("gsub", ("aaa", "^a", "X"), ("Xaa", 1)),
    ("gsub", ("abc", "x*", "-"), ("-a-b-c-", 4)),
    ("gsub", ("abc", "b*", "-"), ("-a-c-", 3)),
    ("gsub", ("a.b.c", ".", "%0%0", 2), ("aa..b.c", 2)),
    ("gsub", ("a.b.c", "%.", "!"), ("a!b!c", 2)),
    ("gsub", ("THE (quick) fox", "%f[%a]%a+", "W"), ("W (W) W", 3)),
    ("gsub", ("x = [[a]] y = [[b]]", "%b[]", "B"), ("x = B y = B", 2)),
    ("gsub", ("hello world", "(%w+) (%w+)", "%2 %1"), ("world hello", 1)),
    ("gsub", ("abc", "b", ""), ("ac", 1)),
    ("gsub", ("abc", "b", "%"), Err("invalid use of '%' in replacement string")),
    ("gsub", ("abc", "b", "%x"), Err("invalid use of '%' in replacement string")),
    ("gsub", ("abc", "b", "%2"), Err("invalid capture index %2")),
    ("gsub", ("abc", "(b)", "%2"), Err("invalid capture index %2")),
    ("gsub", ("abc", "x", "%"), ("abc", 0)),
    ("gsub", ("abc", "b", "x", -1), ("abc", 0)),
    ("gsub", ("abc", "b", "x", 0), ("abc", 0)),
    ("gsub", ("abc", "b", "x", 2.0), ("axc", 1)),
    ("gsub", ("a b c", " ", "", 1), ("ab c", 1)),
    ("gsub", ("one two", "(%w+)", "%0%0"), ("oneone twotwo", 2)),
    ("gsub", ("abc", ".", "%1"), ("abc", 3)),
    ("gsub", ("abc", "(.)()", "%2"), ("234", 3)),
    ("gsub", ("a,b,,c", ",", ";"), ("a;b;;c", 3)),
    ("gsub", ("path/to/file", "/", "\\"), ("path\\to\\file", 2)),
    ("gsub", ("  x  ", "^%s+", ""), ("x  ", 1)),
    ("gsub", ("  x  ", "%s+$", ""), ("  x", 1)),
]


@pytest.mark.parametrize("fname,args,expected", FIND_CASES)
def test_find_match(fname, args, expected):
    assert call(fname, args) == expected


@pytest.mark.parametrize("fname,args,expected", ERROR_CASES)
def test_errors(fname, args, expected):
    assert call(fname, args) == expected


@pytest.mark.parametrize("fname,args,expected", GSUB_CASES)
def test_gsub_string(fname, args, expected):
    assert call(fname, args) == expected


def gmatch_all(s, p, init=1):
    step = lpattern.gmatch_iter(s, p, init).step
    out = []
    while True:
        r = step()
        if r is NONE:
            return out
        out.append(r if not isinstance(r, Multi) else tuple(r))


@pytest.mark.parametrize(
    "args,expected",
    [
        (("one two  three", "%a+"), ["one", "two", "three"]),
        (("k1=v1, k2=v2", "(%w+)=(%w+)"), [("k1", "v1"), ("k2", "v2")]),
        (("abc", ""), ["", "", "", ""]),
        (("hello", "()l"), [3, 4]),
        (("abc", "%a*"), ["abc"]),
        (("hello world", "%a+", 3), ["llo", "world"]),
        (("hello", "^h"), []),
        (("^h^h", "^h"), ["^h", "^h"]),
        (("abc", "", 10), []),
        (("abc", "", -1), ["", ""]),
        (("a,b,,c", "([^,]*)"), ["a", "b", "", "c"]),
    ],
)
def test_gmatch(args, expected):
    assert gmatch_all(*args) == expected


def test_gmatch_error_on_first_call():
    it = lpattern.gmatch_iter("abc", "%", 1)
    with pytest.raises(LuaError) as ei:
        it.step()
    assert ei.value.value == "malformed pattern (ends with '%')"


def test_gsub_function():
    assert call("gsub", ("hello world", "%w+", lambda w: w.upper())) == (
        "HELLO WORLD",
        2,
    )
    assert call("gsub", ("a=1, b=2", "(%w+)=(%w+)", lambda k, v: v + "=" + k)) == (
        "1=a, 2=b",
        2,
    )
    assert call("gsub", ("abc", "%w", lambda c: 2.5 if c == "b" else None)) == (
        "a2.5c",
        3,
    )
    assert call("gsub", ("abc", "(%w)(%w)", lambda *a: len(a))) == ("2c", 1)
    assert call("gsub", ("abc", "%w", lambda *a: len(a))) == ("111", 3)
    assert call("gsub", ("abc", "%w", lambda c: Table())) == Err(
        "invalid replacement value (a table)"
    )
    assert call("gsub", ("abc", "%w", lambda c: True)) == Err(
        "invalid replacement value (a boolean)"
    )
    # a function returning several values: the first one counts
    assert call("gsub", ("ab", "%w", lambda c: Multi(("x", "y")))) == ("xx", 2)


def test_gsub_table():
    t = Table({"name": "Bob", "age": 42})
    assert call("gsub", ("$name is $age", "%$(%w+)", t)) == ("Bob is 42", 2)
    t = Table({"a": False, "b": "B"})
    assert call("gsub", ("a b c", "%w", t)) == ("a B c", 3)
    t = Table({1: "X", 3: "Y"})
    assert call("gsub", ("abc", "()", t)) == ("XabYc", 4)
    t = setmetatable(Table(), Table({"__index": lambda t, k: k.upper()}))
    assert call("gsub", ("abc", "%w", t)) == ("ABC", 3)


def test_pattern_cache_reuse():
    # The same pattern compiled once behaves the same on other subjects.
    for _ in range(3):
        assert call("match", ("key = val", "(%w+)%s*=%s*(%w+)")) == ("key", "val")
        assert call("match", ("x", "(%w+)%s*=%s*(%w+)")) == (None,)


def test_long_subjects():
    s = "x" * 100000 + "y"
    assert call("find", (s, "x*y")) == (1, 100001)
    assert call("match", ("  " + "a " * 50000, "^%s*(.-)%s*$"))[0] == "a " * 49999 + "a"
    assert call("gsub", (s, "x", "")) == ("y", 100000)
    assert call("find", (s, "%f[y]")) == (100001, 100000)


# Differential test against the reference interpreter.

LUA = shutil.which("lua5.4")

_LUA_PRELUDE = r"""
local function enc(v)
  local t = type(v)
  if t == "string" then
    return "s" .. (v:gsub(".", function(c) return string.format("%02x", c:byte()) end))
  elseif math.type(v) == "integer" then return "i" .. tostring(v)
  elseif t == "nil" then return "n"
  else return "?" .. t end
end
local function out(ok, ...)
  local r = {}
  if not ok then
    r[1] = "E" .. enc((tostring((...)):gsub("^[^:]*:%d+: ", "")))
  else
    for i = 1, select("#", ...) do r[#r + 1] = enc((select(i, ...))) end
  end
  io.write(table.concat(r, " "), "\n")
end
"""


def _enc(v):
    if isinstance(v, str):
        return "s" + v.encode("latin-1").hex()
    if isinstance(v, int):
        return "i%d" % v
    if v is None:
        return "n"
    return "?" + type(v).__name__


def _lua_str(s):
    return '"' + "".join("\\%03d" % ord(c) for c in s) + '"'


def _run_lua(cases):
    lines = [_LUA_PRELUDE]
    for fname, args in cases:
        lits = ", ".join(_lua_str(a) if isinstance(a, str) else str(a) for a in args)
        lines.append("out(pcall(function() return string.%s(%s) end))" % (fname, lits))
    proc = subprocess.run(
        [LUA, "-"],
        input="\n".join(lines).encode("latin-1"),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.decode().split("\n")[: len(cases)]


def _run_py(fname, args):
    r = call(fname, args)
    if isinstance(r, Err):
        return "E" + _enc(str(r))
    return " ".join(_enc(v) for v in r)


try:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover
    given = None

if given is not None:
    _ATOMS = [
        "a",
        "b",
        ".",
        "%a",
        "%d",
        "%s",
        "%w",
        "%A",
        "%S",
        "%p",
        "[ab]",
        "[^a]",
        "[a-c]",
        "[%d ]",
        "%%",
        "%.",
        "%b()",
        "%f[%a]",
        "%f[^a]",
        "%1",
        "%2",
        "(",
        ")",
        "()",
        "$",
        "^",
        "]",
        "[]]",
        "-",
        "%",
        "[",
    ]
    _REPEATABLE = set(_ATOMS[:16]) | {"]", "[]]"}
    _atom = st.tuples(
        st.sampled_from(_ATOMS), st.sampled_from(["", "", "", "*", "+", "-", "?"])
    ).map(lambda t: t[0] + t[1] if t[0] in _REPEATABLE else t[0])
    _pattern = st.lists(_atom, max_size=7).map("".join)
    _subject = st.text(alphabet="aab 1().x", max_size=14)
    _case = st.one_of(
        st.tuples(st.just("find"), st.tuples(_subject, _pattern)),
        st.tuples(
            st.just("find"),
            st.tuples(_subject, _pattern, st.integers(-5, 16)),
        ),
        st.tuples(st.just("match"), st.tuples(_subject, _pattern)),
        st.tuples(
            st.just("match"),
            st.tuples(_subject, _pattern, st.integers(-5, 16)),
        ),
        st.tuples(
            st.just("gsub"),
            st.tuples(
                _subject,
                _pattern,
                st.sampled_from(["<%0>", "%1", "x", "%2%1", "%%", ""]),
            ),
        ),
        st.tuples(
            st.just("gsub"),
            st.tuples(
                _subject, _pattern, st.sampled_from(["<%0>", "%1"]), st.integers(-1, 4)
            ),
        ),
    )

    @pytest.mark.skipif(LUA is None, reason="lua5.4 not installed")
    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(_case, min_size=50, max_size=150))
    def test_against_lua(cases):
        expected = _run_lua(cases)
        for (fname, args), exp in zip(cases, expected):
            assert _run_py(fname, args) == exp, (fname, args)
