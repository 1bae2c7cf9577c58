"""Tests of stdlib.lpattern_re, the translation of Lua patterns to Python's
`re` that stdlib.lpattern uses when it is exactly equivalent.

Results are compared with lua5.4 (one batched lua5.4 run per list of
cases) and with the port itself (lpattern.USE_RE = False).
"""

import random
import re
import shutil
import subprocess

import pytest

from moonlet.runtime.errors import LuaError
from moonlet.runtime.table import Table
from moonlet.runtime.values import NONE, Multi
from moonlet.stdlib import lpattern, lpattern_re

LUA = shutil.which("lua5.4")
needs_lua = pytest.mark.skipif(LUA is None, reason="lua5.4 not installed")

# Which patterns are translated.

TRANSLATED = [
    "a(%d+)=",
    "(%a+)(%d+)",
    "%d+%.%d+",
    "^%s*(.-)%s*$",
    "()",
    "(a)%1",
    "()a%1",  # a back-reference to a position capture never matches
    "%f[%a]%a+",
    "%f[%z]",
    "[]]",
    "[^]]",
    "[a-]",
    "$a$",
    "a^",
    "*a",
    "a**",
    "(*)",
    "(.)%1",
    "[%]]",
    "\0*",
]

NOT_TRANSLATED = [
    "%b()",
    "(a",
    "a)",
    "%1",
    "%0",
    "(a%1)",
    "(a)%2",
    "%",
    "a%",
    "[a",
    "[]",
    "[^]",
    "[%",
    "%f",
    "%fa",
    "%f[a",
    "(" * 33 + ")" * 33,
    "a?" * 150,
    "(a)" * 75,
]


@pytest.mark.parametrize("pat", TRANSLATED, ids=range(len(TRANSLATED)))
def test_translated(pat):
    assert lpattern_re.for_find(pat)
    assert lpattern_re.for_gmatch(pat)


@pytest.mark.parametrize("pat", NOT_TRANSLATED, ids=range(len(NOT_TRANSLATED)))
def test_not_translated(pat):
    assert lpattern_re.for_find(pat) is False
    assert lpattern_re.for_gmatch(pat) is False


def test_anchor_modes():
    # find/match/gsub: a leading '^' anchors; gmatch: it is a literal
    assert lpattern_re.for_find("^a").rx.pattern == "a"
    assert lpattern_re.for_gmatch("^a").rx.pattern == "\\x5ea"
    assert lpattern_re.for_find("^").rx.pattern == ""


def test_nesting_limit():
    assert lpattern_re.for_find("a?" * 149)
    assert lpattern_re.for_find("a?" * 150) is False
    assert lpattern_re.for_find("(a)" * 16 + "a?" * 117)
    assert lpattern_re.for_find("(a)" * 16 + "a?" * 117 + "b-") is False
    assert lpattern_re.for_find("()" * 32)
    assert lpattern_re.for_find("()" * 33) is False


def test_warmup():
    # a pattern is compiled once it has been used enough
    pat = "warm(%d+)"
    assert lpattern.USE_RE and lpattern_re.WARMUP == 16
    assert pat not in lpattern_re.find_cache
    for i in range(15):
        assert lpattern.find_aux("a warm12", pat, 1, False, True) == (3, 8, "12")
        assert pat not in lpattern_re.find_cache
    assert lpattern.find_aux("a warm12", pat, 1, False, True) == (3, 8, "12")
    assert lpattern_re.find_cache[pat]
    # at once for a long subject
    pat = "hot(%d+)"
    s = "x" * 1000 + "hot5"
    assert lpattern.gsub(s, pat, "%1", 1001, 0) == ("x" * 1000 + "5", 1)
    assert lpattern_re.find_cache[pat]
    assert ("hot(%d+)", True) not in lpattern_re._uses
    it = lpattern.gmatch_iter(s, pat, 1)
    assert isinstance(it, lpattern_re.ReGMatch)
    assert it.step() == "5" and it.step() is NONE


def test_no_unicode_classes():
    # the classes are explicit sets over 0-255, in the C locale
    for pat in ("%a", "%w", "%d", "%s", "%l", "%u", "%p", "%c", "%g", "%x", "."):
        rx = lpattern_re.for_find(pat).rx.pattern
        assert "\\w" not in rx and "\\d" not in rx and "\\s" not in rx
    ent = lpattern_re.for_find("%a+")
    assert ent.rx.flags & re.IGNORECASE == 0
    assert lpattern.find_aux("\xe9\xc9a\xaa\xb5", "%a+", 1, False, True) == (3, 3)
    assert lpattern.find_aux("\xa0\x85 ", "%s", 1, False, True) == (3, 3)
    assert lpattern.find_aux("\xb2\xbd1", "%d", 1, False, True) == (3, 3)
    assert lpattern.find_aux("\u00e9x", "%W", 1, False, True) == (1, 1)


# Running cases under moonlet and lua5.4.


def f1(*caps):
    return "<" + ",".join(str(c) for c in caps) + ">"


def f2(c=None, *rest):
    if c.__class__ is int:
        return c * 2
    if c == "" or c[0] == "a":
        return None
    if c[0] == "b":
        return False
    if c[0] == "1":
        return 7.5
    if c[0] == "x":
        return Table()
    return "[" + c + "]"


def repl_table():
    return Table({"a": "A", "ab": "X", 1: "one", 2: False, "b": False, "x": 3})


_LUA_PRELUDE = r"""
local function enc(v)
  local t = type(v)
  if t == "string" then
    return "s" .. (v:gsub(".", function(c) return string.format("%02x", c:byte()) end))
  elseif math.type(v) == "integer" then return "i" .. tostring(v)
  elseif t == "nil" then return "n"
  else return "?" .. t end
end
local function encall(...)
  local r = {}
  for i = 1, select("#", ...) do r[#r + 1] = enc((select(i, ...))) end
  return table.concat(r, " ")
end
local function out(ok, ...)
  if not ok then
    io.write("E", enc((tostring((...)):gsub("^[^:]*:%d+: ", ""))), "\n")
  else
    io.write(encall(...), "\n")
  end
end
local function outraw(ok, v)
  if not ok then
    io.write("E", enc((tostring(v):gsub("^[^:]*:%d+: ", ""))), "\n")
  else
    io.write(v, "\n")
  end
end
local function gm(s, p, init)
  local it = string.gmatch(s, p, init)
  local r = {}
  while true do
    local t = table.pack(it())
    if t[1] == nil then break end
    r[#r + 1] = encall(table.unpack(t, 1, t.n))
  end
  return table.concat(r, "|")
end
local F1 = function(...)
  local t = table.pack(...)
  local r = {}
  for i = 1, t.n do r[i] = tostring(t[i]) end
  return "<" .. table.concat(r, ",") .. ">"
end
local F2 = function(c)
  if math.type(c) == "integer" then return c * 2 end
  local h = c:sub(1, 1)
  if h == "" or h == "a" then return nil end
  if h == "b" then return false end
  if h == "1" then return 7.5 end
  if h == "x" then return {} end
  return "[" .. c .. "]"
end
local T = {a = "A", ab = "X", [1] = "one", [2] = false, b = false, x = 3}
"""


def _lua_str(s):
    return '"' + "".join("\\%03d" % ord(c) for c in s) + '"'


def _lua_args(fname, args):
    out = []
    for i, a in enumerate(args):
        if isinstance(a, str):
            if fname == "gsub" and i == 2 and a in ("F1", "F2", "T"):
                out.append(a)  # the function or table of the prelude
            else:
                out.append(_lua_str(a))
        else:
            out.append(str(a))
    return ", ".join(out)


def run_lua(cases):
    """The encoded result lines of the cases under lua5.4."""
    lines = [_LUA_PRELUDE]
    for fname, args in cases:
        lits = _lua_args(fname, args)
        if fname == "gmatch":
            lines.append("outraw(pcall(gm, %s))" % lits)
        else:
            lines.append(
                "out(pcall(function() return string.%s(%s) end))" % (fname, lits)
            )
    proc = subprocess.run(
        [LUA, "-"],
        input="\n".join(lines).encode("latin-1"),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    res = proc.stdout.decode("ascii").split("\n")[: len(cases)]
    assert len(res) == len(cases)
    return res


def _enc(v):
    if v.__class__ is str:
        return "s" + v.encode("latin-1").hex()
    if v.__class__ is int:
        return "i%d" % v
    if v is None:
        return "n"
    return "?" + type(v).__name__


def _encall(r):
    vals = tuple(r) if isinstance(r, Multi) else (r,)
    return " ".join(_enc(v) for v in vals)


def _py(fname, args):
    if fname in ("find", "match"):
        s, p = args[0], args[1]
        init = args[2] if len(args) > 2 else 1
        return _encall(lpattern.find_aux(s, p, init, False, fname == "find"))
    if fname == "gmatch":
        s, p = args[0], args[1]
        init = args[2] if len(args) > 2 else 1
        step = lpattern.gmatch_iter(s, p, init).step
        steps = []
        while True:
            r = step()
            if r is NONE:
                return "|".join(steps)
            steps.append(_encall(r))
    s, p, repl = args[0], args[1], args[2]
    tr = 0
    if repl == "F1":
        repl, tr = f1, 1
    elif repl == "F2":
        repl, tr = f2, 1
    elif repl == "T":
        repl, tr = repl_table(), 2
    max_s = args[3] if len(args) > 3 else len(s) + 1
    return _encall(lpattern.gsub(s, p, repl, max_s, tr))


def run_py(fname, args, use_re=True):
    """The encoded result of one case under moonlet."""
    old = lpattern.USE_RE, lpattern_re.WARMUP
    lpattern.USE_RE = use_re
    lpattern_re.WARMUP = 0  # translate at the first use
    try:
        return _py(fname, args)
    except LuaError as e:
        return "E" + _enc(re.sub(r"^[^:]*:\d+: ", "", str(e.value)))
    finally:
        lpattern.USE_RE, lpattern_re.WARMUP = old


def check_cases(cases):
    expected = run_lua(cases)
    for (fname, args), exp in zip(cases, expected):
        assert run_py(fname, args) == exp, (fname, args)
        assert run_py(fname, args, False) == exp, (fname, args)


# Hand-picked cases.

_SUBJECT = "THE (quick) fox\n jumps\tover 12.5 la\xe9zy dogs\x00, a1=b22=c333 ()"

CASES = [
    ("find", ("hello world", "o w")),
    ("find", ("hello world", "l+")),
    ("find", ("hello world", "o", 6)),
    ("find", ("hello", "l", -2)),
    ("find", ("hello", "l", 100)),
    ("find", ("hello", "", 6)),
    ("find", ("hello", "", 7)),
    ("find", ("hello", "h()", -100)),
    ("find", ("hello", "^h", 2)),
    ("find", ("hello", "^e", 2)),
    ("find", ("hello", "o$")),
    ("find", ("hello\n", "o$")),
    ("find", ("he$llo", "e$l")),
    ("find", ("a^b", "a^b")),
    ("find", ("a^b", "^^")),
    ("find", ("^ab", "^^a")),
    ("find", ("hello", "()ll()")),
    ("find", ("hello", "(l)(l)")),
    ("find", ("hello", "(h)(e)(l)(l)(o)()")),
    ("match", ("hello", "(h)(e)(l)(l)(o)()")),
    ("match", ("hello", "()")),
    ("match", ("hello", "()", 3)),
    ("match", ("hello", ".-l")),
    ("match", ("hello", ".-(l+)(.*)")),
    ("match", ("  trim me  ", "^%s*(.-)%s*$")),
    ("match", ("key = value", "(%w+)%s*=%s*(%w+)")),
    ("match", ("abcabc", "(abc)%1")),
    ("match", ("abcab", "(abc)%1")),
    ("match", ("xyxyz", "(x)(y)%1%2z")),
    ("match", ("aa", "()a%1")),
    ("match", ("aa", "(a*)%1")),
    ("match", ("", "(a*)%1$")),
    ("match", ("a*b", "a**")),
    ("match", ("a?b", "a?%?b")),
    ("match", ("*a", "*a")),
    ("match", ("(*)", "(*)")),
    ("match", ("x]y", "[]]")),
    ("match", ("x]y", "[^]]+")),
    ("match", ("a-b", "[a-]+")),
    ("match", ("a-%b", "[%a-]+")),
    ("match", ("b-%", "[a-%%]+")),
    ("match", ("%d", "[a-%d]+")),
    ("match", ("\x00\x01a", "%z+")),
    ("match", ("\x00\x01a", "%Z+")),
    ("match", ("\x00\x01a", "[%z]")),
    ("match", ("\x00ab\x00", "\x00.-\x00")),
    ("match", ("qQ", "%q%Q")),
    ("match", ("a\nb", "a.b")),
    ("match", ("a\nb", "a%sb")),
    ("match", ("\x0b\x0c\r\t \n", "%s+")),
    ("match", ("\x85\xa0", "%s")),
    ("match", ("\xe9\xc0\xff", "%a")),
    ("match", ("\xe9\xc0\xff", "%A+")),
    ("match", ("\xe9\xc0\xff", "[\x80-\xff]+")),
    ("match", ("\xe9\xc0\xff", "[^\x80-\xe9]")),
    ("match", ("\x7f\x1f~", "%c+")),
    ("match", ("!~/", "%p+")),
    ("match", ("!~ /", "%g+")),
    ("match", ("fF9gG", "%x+")),
    ("match", ("THE (quick) fox", "%f[%a]%a+", 5)),
    ("match", ("THE (quick) fox", "%f[%A]", 2)),
    ("match", ("abc", "%f[%z]")),
    ("match", ("abc", "()%f[%z]")),
    ("match", ("abc", "()%f[%Z]")),
    ("match", ("a\x00b", "()%f[%z]")),
    ("match", ("a\x00b", "%f[%Z]()", 2)),
    ("match", ("abc", "%f[]")),
    ("match", ("abc", "()%f[^%z]")),
    ("match", ("abc", "()%f[%z%Z]")),
    ("match", ("abc", "()%f[^%z%Z]")),
    ("match", ("ab", "[b-a]")),
    ("match", ("ab", "[b-a]*()")),
    ("match", ("ab", "[^%z%Z]?()")),
    ("match", ("a" * 148, "a?" * 148)),
    ("match", ("a" * 149, "a?" * 149)),
    ("match", ("a" * 150, "a?" * 150)),
    ("match", ("a" * 200, "a?" * 198)),
    ("match", ("a" * 200, "a?" * 199)),
    ("match", ("a" * 200, "(a)" * 16 + "a?" * 117)),
    ("match", ("a" * 200, "(a)" * 16 + "a?" * 117 + "b-")),
    ("match", ("a" * 40, "()" * 32 + "a")),
    ("match", ("a" * 40, "()" * 33 + "a")),
    ("match", ("a" * 300, "a?" * 300)),
    ("match", ("a.b", "a%.b")),
    ("match", ("a\\b", "a\\b")),
    ("match", ("a\\b", "[\\]")),
    ("match", ("x{2}", "x{2}")),
    ("match", ("a|b", "a|b")),
    ("match", ("(?i)A", "%(%?i%)a")),
    ("match", ("aaa", "a-b")),
    ("match", ("aaab", "a-b")),
    ("match", ("aaab", "(a-)(a*)b")),
    ("match", ("aaa", "a-$")),
    ("match", ("aaa", "a-")),
    ("match", ("aaa", "()a-()")),
    ("gmatch", ("one two  three", "%a+")),
    ("gmatch", ("k1=v1, k2=v2", "(%w+)=(%w+)")),
    ("gmatch", ("abc", "")),
    ("gmatch", ("abc", "", 2)),
    ("gmatch", ("abc", "", 4)),
    ("gmatch", ("abc", "", 5)),
    ("gmatch", ("abc", "", -1)),
    ("gmatch", ("abc", "x*")),
    ("gmatch", ("abc", "b*")),
    ("gmatch", ("abc", "()")),
    ("gmatch", ("hello", "()l")),
    ("gmatch", ("hello", "^h")),
    ("gmatch", ("^h^h", "^h")),
    ("gmatch", ("a,b,,c", "([^,]*)")),
    ("gmatch", ("a,b,,c,", "([^,]*)")),
    ("gmatch", ("hello world", "%a+", 3)),
    ("gmatch", ("aaa", "a-")),
    ("gmatch", ("aaa", "a-()")),
    ("gmatch", ("abab", "%f[a]")),
    ("gmatch", ("THE (quick) fox", "%f[%a]%a+")),
    ("gmatch", ("line1\nline2\n\nline4", "([^\n]*)\n?")),
    ("gmatch", ("abc", "$")),
    ("gmatch", ("abc", ".-$")),
    ("gmatch", ("abc", "a*$")),
    ("gsub", ("hello world", "o", "0")),
    ("gsub", ("hello world", "o", "0", 1)),
    ("gsub", ("hello world", "(o)", "[%1%0]")),
    ("gsub", ("hello world", "%w+", "<%0>")),
    ("gsub", ("hello", "", "-")),
    ("gsub", ("abc", "", "-", 2)),
    ("gsub", ("abc", "%w", "%%")),
    ("gsub", ("abc", "()b", "%1")),
    ("gsub", ("abc", "()b()", "%2%1")),
    ("gsub", ("abc", "^a", "X")),
    ("gsub", ("abc", "^", "X")),
    ("gsub", ("abc", "$", "X")),
    ("gsub", ("abc", "^$", "X")),
    ("gsub", ("", "^$", "X")),
    ("gsub", ("abc", "^x*", "X")),
    ("gsub", ("abc", "x*", "-")),
    ("gsub", ("abc", "b*", "-")),
    ("gsub", ("abc", "b*", "-", 2)),
    ("gsub", ("a.b.c", ".", "%0%0", 2)),
    ("gsub", ("THE (quick) fox", "%f[%a]%a+", "W")),
    ("gsub", ("THE (quick) fox", "%f[%a]", "|")),
    ("gsub", ("THE (quick) fox", "%f[%W]", "|")),
    ("gsub", ("hello world", "(%w+) (%w+)", "%2 %1")),
    ("gsub", ("abc", "b", "%")),
    ("gsub", ("abc", "b", "%x")),
    ("gsub", ("abc", "b", "%2")),
    ("gsub", ("abc", "(b)", "%2")),
    ("gsub", ("abc", "x", "%2")),
    ("gsub", ("abc", "b", "a%1%")),
    ("gsub", ("abc", ".", "%1")),
    ("gsub", ("abc", "(.)()", "%2")),
    ("gsub", ("path/to/file", "/", "\\")),
    ("gsub", ("path/to/file", "(/)", "\\%1\\1\\g<0>")),
    ("gsub", ("  x  ", "^%s+", "")),
    ("gsub", ("  x  ", "%s+$", "")),
    ("gsub", ("a1b2", "(%a)(%d)", "%%s%2%%d%1")),
    ("gsub", ("a1b2", "%a%d", "%%%0%%")),
    ("gsub", ("abc", "b", "\\")),
    ("gsub", ("abc", "(b)", "\\%1\\")),
    ("gsub", ("aaaa", "a", "b", 2)),
    ("gsub", ("aaaa", "a", "%0%0", 10)),
    ("gsub", ("abc", "%w", "F1")),
    ("gsub", ("abc", "(%w)()", "F1")),
    ("gsub", ("abc", "()", "F1")),
    ("gsub", ("abcab", "%w*", "F1")),
    ("gsub", ("a b x1 c", "%w+", "F2")),
    ("gsub", ("ab b 1 c", "%w+", "F2")),
    ("gsub", ("ab c", "()%w+", "F2")),
    ("gsub", ("a ab b x c", "%w+", "T")),
    ("gsub", ("a ab b c", "(%w+)", "T")),
    ("gsub", ("abc", "()", "T")),
    ("gsub", ("abc", "()b", "T")),
    ("gsub", ("abc", "", "T")),
    ("gsub", (_SUBJECT, "%s+", " ")),
    ("gsub", (_SUBJECT, "(%a)(%w*)", "%2%1")),
    ("gsub", (_SUBJECT, "%d+%.?%d*", "F1")),
    ("gsub", (_SUBJECT, "%f[%w]%w+", "T")),
    ("gsub", (_SUBJECT, "[\x80-\xff%z]", "?")),
    ("gsub", (_SUBJECT, "%b()", "")),
    ("find", (_SUBJECT, "%b()")),
    ("gmatch", (_SUBJECT, "(%a+)=(%a*)(%d+)")),
    ("gmatch", (_SUBJECT, "%f[%S].-%f[%s]")),
    ("gmatch", (_SUBJECT, "%p")),
    ("gmatch", (_SUBJECT, "[%p%s]*")),
    ("match", (_SUBJECT, "^(.-)%s*(%b())%s*(.*)$")),
]


@needs_lua
def test_hand_picked():
    check_cases(CASES)


def test_large_subjects():
    s = "x" * 100000 + "y"
    assert lpattern.find_aux(s, "x*y", 1, False, True) == (1, 100001)
    r = lpattern.find_aux("  " + "a " * 50000, "^%s*(.-)%s*$", 1, False, False)
    assert r == "a " * 49999 + "a"
    assert lpattern.gsub(s, "x", "", len(s) + 1, 0) == ("y", 100000)
    assert lpattern.gsub(s, "x*", "-", len(s) + 1, 0) == ("-y-", 2)


# Random patterns and subjects: items (with a random suffix when
# repeatable), mostly balanced groups, subjects over a small alphabet with
# newlines, NULs and bytes > 127.

_ATOMS = [
    "a",
    "b",
    "x",
    "1",
    " ",
    "\n",
    "\xe9",
    ".",
    "%a",
    "%d",
    "%s",
    "%w",
    "%A",
    "%S",
    "%p",
    "%l",
    "%u",
    "%x",
    "%c",
    "%g",
    "%z",
    "%W",
    "[ab]",
    "[^a]",
    "[a-c]",
    "[%d ]",
    "[]]",
    "[^]]",
    "[a-]",
    "[\x80-\xff]",
    "[^%s%d]",
    "%%",
    "%.",
    "%(",
    "%f[%a]",
    "%f[^a]",
    "%f[%z]",
    "%f[%w\n]",
    "%1",
    "%2",
    "(",
    ")",
    "()",
    "$",
    "^",
    "*",
    "-",
    "?",
    "%b()",
    "%",
    "[",
]
_REPEATABLE = set(_ATOMS[:35])
_SUFFIXES = ["", "", "", "*", "+", "-", "?"]
_ALPHABET = "aab1 x().\n\xe9\xff\x00]%-"
_REPLS = [
    "<%0>",
    "%1",
    "x",
    "%2%1",
    "%%",
    "",
    "\\1",
    "%3",
    "%",
    "a%%%1b",
    "%%s%0\\",
    "%%d%2",
    "F1",
    "F2",
    "T",
]


def random_cases(rnd, count):
    """count random cases (a seeded, Hypothesis-free generator that also
    makes random sets, escapes and frontiers)."""
    chars = "ab1 -]^%[.\n\xe9\xff\x00z)(*+?$"

    def rchar():
        return rnd.choice(chars) if rnd.random() < 0.8 else chr(rnd.randint(0, 255))

    def atom():
        r = rnd.random()
        if r < 0.15:
            a = "[" + "".join(rchar() for _ in range(rnd.randint(0, 5))) + "]"
        elif r < 0.25:
            a = "%" + rnd.choice("acdglpsuwxzACDGLPSUWXZ.%]-^$()[q1230fb")
        elif r < 0.3:
            a = "%f[" + "".join(rchar() for _ in range(rnd.randint(0, 4))) + "]"
        else:
            a = rnd.choice(_ATOMS)
        if rnd.random() < 0.7:
            a += rnd.choice(_SUFFIXES)
        return a

    def item():
        if rnd.random() < 0.25:
            return "(" + "".join(atom() for _ in range(rnd.randint(1, 3))) + ")"
        return atom()

    def pattern():
        items = "".join(item() for _ in range(rnd.randint(0, 8)))
        return rnd.choice(["", "", "^"]) + items + rnd.choice(["", "", "$"])

    def subject():
        if rnd.random() < 0.2:
            return "".join(chr(rnd.randint(0, 255)) for _ in range(rnd.randint(0, 30)))
        return "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 40)))

    cases = []
    for _ in range(count):
        fname = rnd.choice(["find", "match", "gmatch", "gsub"])
        args = (subject(), pattern())
        if fname == "gsub":
            args += (rnd.choice(_REPLS),)
            if rnd.random() < 0.5:
                args += (rnd.randint(-1, 4),)
        elif rnd.random() < 0.5:
            args += (rnd.randint(-6, 18),)
        cases.append((fname, args))
    return cases


@needs_lua
@pytest.mark.parametrize("seed", range(4))
def test_random_batch(seed):
    cases = random_cases(random.Random(seed), 2500)
    translated = sum(1 for _, args in cases if lpattern_re.for_find(args[1]))
    assert translated > len(cases) // 2
    check_cases(cases)


try:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover
    given = None

if given is not None:
    _atom = st.tuples(st.sampled_from(_ATOMS), st.sampled_from(_SUFFIXES)).map(
        lambda t: t[0] + t[1] if t[0] in _REPEATABLE else t[0]
    )
    # Mostly balanced captures, so that most patterns are translated.
    _group = st.lists(_atom, min_size=1, max_size=3).map(
        lambda a: "(" + "".join(a) + ")"
    )
    _item = st.one_of(_atom, _atom, _atom, _group)
    _pattern = st.tuples(
        st.sampled_from(["", "", "^"]),
        st.lists(_item, max_size=6).map("".join),
        st.sampled_from(["", "", "$"]),
    ).map("".join)
    _subject = st.text(alphabet=_ALPHABET, max_size=16)
    _init = st.integers(-6, 18)
    _repl = st.sampled_from(_REPLS)
    _case = st.one_of(
        st.tuples(st.just("find"), st.tuples(_subject, _pattern)),
        st.tuples(st.just("find"), st.tuples(_subject, _pattern, _init)),
        st.tuples(st.just("match"), st.tuples(_subject, _pattern)),
        st.tuples(st.just("match"), st.tuples(_subject, _pattern, _init)),
        st.tuples(st.just("gmatch"), st.tuples(_subject, _pattern)),
        st.tuples(st.just("gmatch"), st.tuples(_subject, _pattern, _init)),
        st.tuples(st.just("gsub"), st.tuples(_subject, _pattern, _repl)),
        st.tuples(
            st.just("gsub"),
            st.tuples(_subject, _pattern, _repl, st.integers(-1, 4)),
        ),
    )

    @needs_lua
    @settings(
        max_examples=20,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(_case, min_size=40, max_size=100))
    def test_against_lua(cases):
        check_cases(cases)

    @settings(
        max_examples=300,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(_case)
    def test_against_port(case):
        fname, args = case
        assert run_py(fname, args) == run_py(fname, args, False)
