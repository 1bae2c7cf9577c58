"""Lua 5.4 patterns run by Python's `re`, when that is exactly equivalent.

stdlib.lpattern (the port of lstrlib.c's matcher) stays the reference: it
asks this module for a translation of each pattern and falls back to its
own matcher whenever there is none.

Rules:
- A pattern is translated only if nothing in it can raise a Lua error
  (malformed items, unbalanced or more than 32 captures, back-references
  to captures that are open, missing or %0) and it cannot reach Lua's
  "pattern too complex" limit: the C matcher nests one call per capture
  open/close and per quantified item it passes, so at most
  1 + (number of such items) calls; patterns with _MAX_NESTING or more
  of them are left to the port. %b is never translated.
- Items map one to one: a class becomes an explicit character set over
  0-255 (C locale; never \\w, \\d, \\s or IGNORECASE), `.` is `.` under
  DOTALL, `*` `+` `?` stay greedy, `-` is the lazy `*?`, a final `$` is
  \\Z, captures are groups (a position capture is an empty group whose
  start is reported), %1-%9 are back-references (one to a position
  capture never matches, as in C where its length is a huge size_t),
  %f[set] becomes a pair of lookarounds with Lua's '\\0' at both ends of
  the subject. Python's backtracking tries the alternatives of these
  items in the same order as Lua's matcher, so the first match found at
  each start position is the same, captures included (no group is ever
  repeated or alternated).
- The drivers reproduce Lua's loops: a search from each position, and in
  gmatch/gsub Lua 5.4's rule that an (empty) match ending where the
  previous match ended is skipped. Python's own finditer/subn, which
  treat empty matches differently, are only used for patterns that
  cannot match the empty string.
- Subjects are str with one character per byte (0-255).
"""

import re

from moonlet.runtime.errors import rt_error
from moonlet.runtime.table import readkey
from moonlet.runtime.values import Multi, NONE, first, tostr_number, type_name

_MAXCAPTURES = 32
_MAX_NESTING = 150  # well under Lua's MAXCCALLS (200)

# Character classes come from the port (stdlib.lpattern) as sets of
# characters; the translation works on code points 0-255.

_FULL = frozenset(range(256))
_CODES = {}


def _codes(chars):
    r = _CODES.get(chars)
    if r is None:
        r = _CODES[chars] = frozenset(map(ord, chars))
    return r


def _class_set(cl):
    """match_class: the code points %cl matches."""
    from . import lpattern  # (lpattern imports this module)

    return _codes(lpattern._class_set(cl))


def _class_end(pat, p, n):
    """classEnd: the end of the single class at p, or None if malformed."""
    c = pat[p]
    p += 1
    if c == "%":
        return None if p >= n else p + 1
    if c == "[":
        if p < n and pat[p] == "^":
            p += 1
        while True:  # look for a ']'
            if p >= n:
                return None
            cc = pat[p]
            p += 1
            if cc == "%" and p < n:
                p += 1  # skip escapes (e.g. '%]')
            if p >= n:
                return None
            if pat[p] == "]":
                return p + 1
    return p


def _bracket_set(pat, p, ec):
    """matchbracketclass as code points: p at '[', ec at the closing ']'."""
    from . import lpattern

    return _codes(lpattern._bracket_set(pat, p, ec))


def _single_set(pat, p, ep):
    c = pat[p]
    if c == ".":
        return _FULL
    if c == "%":
        return _class_set(pat[p + 1])
    if c == "[":
        return _bracket_set(pat, p, ep - 1)
    return frozenset([ord(c)])


def _rx_char(i):
    c = chr(i)
    if c.isalnum() and i < 128:
        return c
    return "\\x%02x" % i


def _rx_set(cs):
    """A regex for one character of the non-empty set cs."""
    if len(cs) == 256:
        return "."  # under DOTALL
    if len(cs) == 1:
        for i in cs:
            return _rx_char(i)
    parts = []
    pts = sorted(cs)
    k = 0
    while k < len(pts):
        lo = pts[k]
        while k + 1 < len(pts) and pts[k + 1] == pts[k] + 1:
            k += 1
        hi = pts[k]
        k += 1
        if hi == lo:
            parts.append(_rx_char(lo))
        elif hi == lo + 1:
            parts.append(_rx_char(lo) + _rx_char(hi))
        else:
            parts.append(_rx_char(lo) + "-" + _rx_char(hi))
    return "[" + "".join(parts) + "]"


_NEVER = "(?!)"


def translate(pat, p):
    """The regex equivalent to the Lua pattern pat matched from position
    p, as (source, kinds, nullable) where kinds[i] is True for a position
    capture; None when the pattern must be left to the port."""
    n = len(pat)
    out = []
    kinds = []  # per capture: True for a position capture
    open_caps = []
    closed = set()
    nesting = 0
    nullable = True
    while p < n:
        c = pat[p]
        if c == "(":
            if len(kinds) >= _MAXCAPTURES:
                return None
            nesting += 1
            if p + 1 < n and pat[p + 1] == ")":
                closed.add(len(kinds))
                kinds.append(True)
                out.append("()")
                p += 2
            else:
                open_caps.append(len(kinds))
                kinds.append(False)
                out.append("(")
                p += 1
            continue
        if c == ")":
            if not open_caps:
                return None
            closed.add(open_caps.pop())
            nesting += 1
            out.append(")")
            p += 1
            continue
        if c == "$" and p + 1 == n:
            out.append("\\Z")
            p += 1
            continue
        if c == "%" and p + 1 < n:
            d = pat[p + 1]
            if d == "b":
                return None
            if d == "f":
                q = p + 2
                if q >= n or pat[q] != "[":
                    return None
                ep = _class_end(pat, q, n)
                if ep is None:
                    return None
                cs = _bracket_set(pat, q, ep - 1)
                rest = _FULL - cs
                if not cs:
                    out.append(_NEVER)
                    nullable = False
                elif 0 in cs:
                    # previous char (or '\0' at the start) not in cs
                    if not rest:
                        out.append(_NEVER)
                        nullable = False
                    else:
                        rx = _rx_set(rest)
                        out.append("(?<=" + rx + ")(?!" + rx + ")")
                else:
                    # current char (or '\0' at the end) in cs
                    rx = _rx_set(cs)
                    out.append("(?<!" + rx + ")(?=" + rx + ")")
                p = ep
                continue
            if "0" <= d <= "9":
                k = ord(d) - 49
                if k < 0 or k not in closed:
                    return None
                if kinds[k]:
                    out.append(_NEVER)
                    nullable = False
                else:
                    out.append("(?:\\%d)" % (k + 1))
                p += 2
                continue
        # a single class with an optional suffix
        ep = _class_end(pat, p, n)
        if ep is None:
            return None
        cs = _single_set(pat, p, ep)
        suffix = pat[ep] if ep < n else ""
        if suffix in ("*", "+", "-", "?"):
            nesting += 1
            ep += 1
            if not cs:
                if suffix == "+":
                    out.append(_NEVER)
                    nullable = False
            else:
                rx = _rx_set(cs)
                if suffix == "-":
                    out.append(rx + "*?")
                else:
                    out.append(rx + suffix)
                    if suffix == "+":
                        nullable = False
        else:
            out.append(_rx_set(cs) if cs else _NEVER)
            nullable = False
        p = ep
    if open_caps or nesting >= _MAX_NESTING:
        return None
    return "".join(out), tuple(kinds), nullable


# Compiled translations.


class RePattern:
    """A translated pattern: the compiled regex and how to report its
    captures."""

    __slots__ = (
        "rx",
        "anchored",
        "run",
        "search",
        "ncap",
        "poscaps",
        "nullable",
        "subs",
    )

    def __init__(self, rx, anchored, kinds, nullable):
        self.rx = rx
        self.anchored = anchored
        # the match at the first position tried from a start, if any
        self.run = rx.match if anchored else rx.search
        self.search = rx.search
        self.ncap = len(kinds)
        self.poscaps = tuple(i + 1 for i, k in enumerate(kinds) if k)
        self.nullable = nullable
        self.subs = {}  # replacement string -> what re.subn takes, or None

    def find(self, s, i0):
        """string.find from 0-based i0 <= len(s)."""
        m = self.run(s, i0)
        if m is None:
            return None
        if not self.ncap:
            return Multi((m.start() + 1, m.end()))
        if not self.poscaps:
            return Multi((m.start() + 1, m.end()) + m.groups())
        return Multi((m.start() + 1, m.end()) + self.captures(m))

    def match_(self, s, i0):
        """string.match from 0-based i0 <= len(s)."""
        m = self.run(s, i0)
        if m is None:
            return None
        if not self.poscaps:
            ncap = self.ncap
            if ncap == 0:
                return m.group()
            if ncap == 1:
                return m.group(1)
            return Multi(m.groups())
        if self.ncap == 1:
            return m.start(1) + 1
        return Multi(self.captures(m))

    def captures(self, m):
        """push_captures as a tuple (the whole match when there are no
        captures)."""
        if not self.ncap:
            return (m.group(),)
        if not self.poscaps:
            return m.groups()
        caps = list(m.groups())
        for g in self.poscaps:
            caps[g - 1] = m.start(g) + 1
        return tuple(caps)

    def capture(self, m, i):
        """get_onecapture: capture i (0-based) or the whole match."""
        if i >= self.ncap:
            if i != 0:
                rt_error("invalid capture index %%%d" % (i + 1))
            return m.group()
        if i + 1 in self.poscaps:
            return m.start(i + 1) + 1
        return m.group(i + 1)


find_cache = {}  # pattern -> RePattern or False (find, match, gsub)
_gmatch_cache = {}  # pattern -> RePattern or False (gmatch: '^' is literal)

# Translating and compiling a pattern costs about as much as ten short
# matches by the port, so a pattern is only compiled once it has been
# used enough: each use counts 1 + len(subject) / 32, and the pattern is
# compiled when its count reaches WARMUP (tests set 0 to always compile).
WARMUP = 16
_uses = {}  # (pattern, is gmatch) -> count so far


def _compile(pat, anchored):
    tr = translate(pat, 1 if anchored else 0)
    if tr is None:
        return False
    src, kinds, nullable = tr
    try:
        rx = re.compile(src, re.DOTALL)
    except (re.error, OverflowError, RecursionError):  # pragma: no cover
        return False
    return RePattern(rx, anchored, kinds, nullable)


def _warm(key, work):
    """Whether a pattern has now been used enough to be compiled."""
    w = _uses.get(key, 0) + work
    if w >= WARMUP:
        _uses.pop(key, None)
        return True
    if len(_uses) >= 2048:
        _uses.clear()
    _uses[key] = w
    return False


def for_find(pat, work=None):
    """The translation for find/match/gsub (a leading '^' anchors), or
    False (none, or not compiled yet). `work` is the weight of this use
    (None: compile now)."""
    ent = find_cache.get(pat)
    if ent is None:
        if work is not None and not _warm((pat, False), work):
            return False
        if len(find_cache) >= 512:
            find_cache.clear()
        ent = find_cache[pat] = _compile(pat, pat[:1] == "^")
    return ent


def for_gmatch(pat, work=None):
    """The translation for gmatch (no anchor), or False (as for_find)."""
    ent = _gmatch_cache.get(pat)
    if ent is None:
        if work is not None and not _warm((pat, True), work):
            return False
        if len(_gmatch_cache) >= 512:
            _gmatch_cache.clear()
        ent = _gmatch_cache[pat] = _compile(pat, False)
    return ent


# Drivers.


class ReGMatch:
    """A gmatch iterator (gmatch_aux) over a translated pattern."""

    __slots__ = ("ent", "s", "pos", "lastmatch", "it")

    def __init__(self, ent, s, i0):
        self.ent = ent
        self.s = s
        self.pos = i0  # may be len(s) + 1: no more matches
        self.lastmatch = -1
        self.it = None
        if not ent.nullable and i0 <= len(s):
            # No empty matches: Python's iteration is Lua's.
            self.it = ent.rx.finditer(s, i0)

    def step(self):
        it = self.it
        if it is not None:
            m = next(it, None)
            if m is None:
                self.it = None
                self.pos = len(self.s) + 1
                return NONE
        else:
            s = self.s
            n = len(s)
            pos = self.pos
            search = self.ent.search
            while True:
                if pos > n:
                    self.pos = pos
                    return NONE
                m = search(s, pos)
                if m is None:
                    self.pos = n + 1
                    return NONE
                e = m.end()
                if e != self.lastmatch:
                    break
                pos = m.start() + 1  # an empty match at the last end
            self.pos = self.lastmatch = e
        ent = self.ent
        if not ent.poscaps:
            ncap = ent.ncap
            if ncap == 0:
                return m.group()
            if ncap == 1:
                return m.group(1)
            return Multi(m.groups())
        if ent.ncap == 1:
            return m.start(1) + 1
        return Multi(ent.captures(m))


def _template(ent, toks):
    """What re.subn needs to replace matches as the Lua replacement
    tokens (str pieces, int capture numbers) say: a literal string
    (escaped for re), a function, or None when the loop must do it
    (errors, position captures)."""
    fmt = []
    idx = []
    for t in toks:
        if t.__class__ is str:
            fmt.append(t.replace("%", "%%"))
        elif t.__class__ is int:
            if t > ent.ncap:
                if t != 1:
                    return None  # an invalid capture index: raised by the loop
                t = 0  # no captures: %1 is the whole match
            if t in ent.poscaps:
                return None
            fmt.append("%s")
            idx.append(t)
        else:
            return None  # an invalid '%': raised by the loop
    fmt = "".join(fmt)
    if not idx:
        return "".join(toks).replace("\\", "\\\\")  # all literal
    if len(idx) == 1:
        g = idx[0]
        if fmt == "%s":
            return lambda m: m.group(g)
        return lambda m: fmt % m.group(g)
    idx = tuple(idx)
    return lambda m: fmt % m.group(*idx)


def _value(ent, m, repl, tr, toks):
    """add_value: the replacement text of match m, or None to keep it."""
    if tr == 0:  # a string
        out = []
        for t in toks:
            if t.__class__ is str:
                out.append(t)
            elif t.__class__ is not int:
                rt_error("invalid use of '%' in replacement string")
            elif t == 0:
                out.append(m.group())
            else:
                v = ent.capture(m, t - 1)
                out.append(v if v.__class__ is str else str(v))
        return "".join(out)
    if tr == 1:  # a function
        v = first(repl(*ent.captures(m)))
    else:  # a table
        v = repl[readkey(ent.capture(m, 0))]
    if v is None or v is False:
        return None
    cls = v.__class__
    if cls is str:
        return v
    if cls is int or cls is float:
        return tostr_number(v)
    rt_error("invalid replacement value (a %s)" % type_name(v))


def _replacer(ent, repl, tr):
    """A function for re.subn giving add_value's text for a match, for a
    function (tr=1) or table (tr=2) replacement."""
    if tr == 1:
        if not ent.ncap:

            def get(m):
                return first(repl(m.group()))

        elif not ent.poscaps:

            def get(m):
                return first(repl(*m.groups()))

        else:

            def get(m):
                return first(repl(*ent.captures(m)))

    else:

        def get(m):
            return repl[readkey(ent.capture(m, 0))]

    def value(m):
        v = get(m)
        cls = v.__class__
        if cls is str:
            value.changed = True
            return v
        if v is None or v is False:
            return m.group()
        if cls is int or cls is float:
            value.changed = True
            return tostr_number(v)
        rt_error("invalid replacement value (a %s)" % type_name(v))

    # Lua's `changed`: did any match get a replacement value?
    value.changed = False
    return value


def _unchanged(src, r):
    # With no match the result is the subject itself, as in Lua (where
    # string.format("%p") can tell).
    return Multi((src, 0)) if r[1] == 0 else Multi(r)


def gsub(ent, src, repl, max_s, tr, toks):
    """str_gsub with a translated pattern; max_s >= 1."""
    ls = len(src)
    if ent.anchored:
        m = ent.run(src, 0)
        if m is None:
            return Multi((src, 0))
        v = _value(ent, m, repl, tr, toks)
        if v is None:
            return Multi((src, 1))
        return Multi((v + src[m.end() :], 1))
    if not ent.nullable:
        if tr == 0:
            tpl = ent.subs.get(repl, False)
            if tpl is False:
                if len(ent.subs) > 64:
                    ent.subs.clear()
                tpl = ent.subs[repl] = _template(ent, toks)
            if tpl is not None:
                if max_s > ls:
                    max_s = ls + 1
                return _unchanged(src, ent.rx.subn(tpl, src, max_s))
        else:
            if max_s > ls:
                max_s = ls + 1
            value = _replacer(ent, repl, tr)
            r = ent.rx.subn(value, src, max_s)
            # Function and table replacements that gave only nil/false leave
            # the subject itself.
            return Multi(r) if value.changed else Multi((src, r[1]))
    out = []
    pos = 0  # where to search from
    copied = 0  # src[:copied] is already in out
    lastmatch = -1
    n = 0
    search = ent.search
    while n < max_s and pos <= ls:
        m = search(src, pos)
        if m is None:
            break
        st, e = m.span()
        if e == lastmatch:  # an empty match at the last end: skip a char
            pos = st + 1
            continue
        n += 1
        v = _value(ent, m, repl, tr, toks)
        if v is not None:
            if copied < st:
                out.append(src[copied:st])
            out.append(v)
            copied = e
        pos = lastmatch = e
    if not out:
        return Multi((src, n))
    out.append(src[copied:])
    return Multi(("".join(out), n))
