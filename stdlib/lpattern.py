"""Lua 5.4 pattern matching: a port of the matcher of lstrlib.c.

Rules:
- This is Lua's backtracking matcher, not a translation to Python's `re`:
  the same recursion (and the same "pattern too complex" limit of 200
  nested calls), the same captures, the same errors raised at the same
  moment (a malformed item only fails when the matcher reaches it).
- Speed comes from compiling each pattern item lazily, the first time the
  matcher reaches it, into a tuple cached per pattern: a class becomes a
  frozenset of characters, runs of plain characters become one literal
  compared with `str.startswith`, repetitions of one class find their
  extent with a cached `re` character-class span (only as a scanning
  primitive), and unanchored searches jump to the positions where the
  first item can match. None of this changes results, errors or depth.
- Subjects and patterns are str with one character per byte (0-255).
- Patterns that Python's `re` runs exactly like Lua (no possible error,
  no %b, far from the depth limit) are handed to stdlib.lpattern_re once
  they have been used enough to pay for their compilation; this matcher
  stays the reference and runs everything else.
- This module does not set LUA_VISIBLE: its frames are internals of the
  string library functions, so errors are blamed on their caller.
"""

import re

from moonlet.runtime.errors import rt_error
from moonlet.runtime.table import readkey
from moonlet.runtime.values import Multi, NONE, first, tostr_number, type_name

from . import lpattern_re

# Patterns that Python's `re` runs exactly like Lua go to lpattern_re (see
# there); set to False to always use this matcher (tests compare both).
USE_RE = True
_re_find_cache = lpattern_re.find_cache

MAXCAPTURES = 32
MAXCCALLS = 200
SPECIALS = "^$*+?.([%-"
CAP_UNFINISHED = -1
CAP_POSITION = -2

# Item kinds (first element of a compiled item tuple).
_LIT = 0  # (kind, literal, length, next)
_ONE = 1  # (kind, charset, None, next)
_OPT = 2  # class?
_STAR = 3  # class*  (kind, charset, span, next)
_PLUS = 4  # class+
_MIN = 5  # class-
_OPEN = 6  # (
_POS = 7  # ()
_CLOSE = 8  # )
_DOLLAR = 9  # final $
_BAL = 10  # %bxy  (kind, x, y, next)
_FRONT = 11  # %f[set]  (kind, charset, None, next)
_BACK = 12  # %1-%9  (kind, index, None, next)

# Character classes in the C locale, built from code point ranges (a
# predicate tested on all 256 characters per class costs PyPy several
# milliseconds of start-up).
_ALL = [chr(i) for i in range(256)]


def _cset(*ranges):
    """The characters of the inclusive code point ranges (lo, hi)."""
    return frozenset(chr(c) for lo, hi in ranges for c in range(lo, hi + 1))


_UPPER = (65, 90)
_LOWER = (97, 122)
_DIGIT = (48, 57)
_PUNCT = ((33, 47), (58, 64), (91, 96), (123, 126))

_CLASSES = {
    "a": _cset(_UPPER, _LOWER),
    "c": _cset((0, 31), (127, 127)),
    "d": _cset(_DIGIT),
    "g": _cset((33, 126)),
    "l": _cset(_LOWER),
    "p": _cset(*_PUNCT),
    "s": _cset((9, 13), (32, 32)),
    "u": _cset(_UPPER),
    "w": _cset(_UPPER, _LOWER, _DIGIT),
    "x": _cset(_DIGIT, (97, 102), (65, 70)),
    "z": frozenset("\0"),
}
_FULL = frozenset(_ALL)
for _k in list(_CLASSES):
    _CLASSES[_k.upper()] = _FULL - _CLASSES[_k]
del _k

_ALNUM = _CLASSES["w"]


def _class_set(cl):
    """match_class: the characters that %cl matches."""
    s = _CLASSES.get(cl)
    if s is None:
        return frozenset(cl)
    return s


def _error(msg):
    rt_error(msg)


class _Pattern:
    """A pattern string with its lazily compiled items."""

    __slots__ = ("pat", "pend", "items", "filters", "tails")

    def __init__(self, pat):
        self.pat = pat + "\0"  # C strings end with a NUL the matcher may read
        self.pend = len(pat)
        self.items = [None] * (len(pat) + 1)
        self.filters = {}
        self.tails = {}


_pattern_cache = {}


def _get_pattern(pat):
    ent = _pattern_cache.get(pat)
    if ent is None:
        if len(_pattern_cache) >= 512:
            _pattern_cache.clear()
        ent = _pattern_cache[pat] = _Pattern(pat)
    return ent


# Character sets of classes, with the helpers that scan for them.


class _Set:
    __slots__ = ("chars", "span", "search")


_set_cache = {}


def _regex_class(chars):
    if len(chars) > 128:
        rest = [c for c in _ALL if c not in chars]
        return "[^" + "".join(re.escape(c) for c in rest) + "\u0100-\U0010ffff]"
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _make_set(chars):
    info = _set_cache.get(chars)
    if info is None:
        info = _Set()
        info.chars = chars
        if not chars:
            empty = re.compile("")
            info.span = empty.match
            info.search = _never
        else:
            rc = _regex_class(chars)
            info.span = re.compile(rc + "*").match
            info.search = re.compile(rc).search
        if len(_set_cache) > 1024:
            _set_cache.clear()
        _set_cache[chars] = info
    return info


def _never(s, pos=0, endpos=0):
    return None


def _classend(pd, p):
    pat = pd.pat
    pend = pd.pend
    c = pat[p]
    p += 1
    if c == "%":
        if p == pd.pend:
            _error("malformed pattern (ends with '%')")
        return p + 1
    if c == "[":
        if pat[p] == "^":
            p += 1
        while True:  # look for a ']'
            if p == pend:
                _error("malformed pattern (missing ']')")
            cc = pat[p]
            p += 1
            if cc == "%" and p < pend:
                p += 1  # skip escapes (e.g. '%]')
            if pat[p] == "]":
                break
        return p + 1
    return p


def _bracket_set(pat, p, ec):
    """matchbracketclass as a set: p at '[', ec at the closing ']'."""
    sig = True
    if pat[p + 1] == "^":
        sig = False
        p += 1
    acc = set()
    p += 1
    while p < ec:
        c = pat[p]
        if c == "%":
            p += 1
            acc.update(_class_set(pat[p]))
        elif pat[p + 1] == "-" and p + 2 < ec:
            lo = ord(c)
            hi = ord(pat[p + 2])
            acc.update(chr(i) for i in range(lo, min(hi, 255) + 1))
            p += 2
        else:
            acc.add(c)
        p += 1
    if sig:
        return frozenset(acc)
    return _FULL - acc


def _single_set(pd, p, ep):
    pat = pd.pat
    c = pat[p]
    if c == ".":
        return _FULL
    if c == "%":
        return _class_set(pat[p + 1])
    if c == "[":
        return _bracket_set(pat, p, ep - 1)
    return frozenset(c)


def _literal_at(pd, q):
    """(char, next) if the item at q is one plain character without a
    suffix, else None."""
    pend = pd.pend
    if q >= pend:
        return None
    pat = pd.pat
    c = pat[q]
    if c in "([.)":
        return None
    if c == "$":
        if q + 1 == pend:
            return None
        nxt = q + 1
    elif c == "%":
        if q + 1 >= pend:
            return None
        c = pat[q + 1]
        if c in _ALNUM:
            return None
        nxt = q + 2
    else:
        nxt = q + 1
    if nxt < pend and pat[nxt] in "*+?-":
        return None
    return c, nxt


def _compile(pd, p):
    """The item at pattern position p (raising Lua's errors for it)."""
    pat = pd.pat
    pend = pd.pend
    c = pat[p]
    if c == "(":
        if pat[p + 1] == ")":
            it = (_POS, None, None, p + 2)
        else:
            it = (_OPEN, None, None, p + 1)
    elif c == ")":
        it = (_CLOSE, None, None, p + 1)
    elif c == "$" and p + 1 == pend:
        it = (_DOLLAR, None, None, p + 1)
    elif c == "%" and pat[p + 1] == "b":
        if p + 2 >= pend - 1:
            _error("malformed pattern (missing arguments to '%b')")
        it = (_BAL, pat[p + 2], pat[p + 3], p + 4)
    elif c == "%" and pat[p + 1] == "f":
        q = p + 2
        if pat[q] != "[":
            _error("missing '[' after '%f' in pattern")
        ep = _classend(pd, q)
        it = (_FRONT, _bracket_set(pat, q, ep - 1), None, ep)
    elif c == "%" and "0" <= pat[p + 1] <= "9":
        it = (_BACK, ord(pat[p + 1]) - 49, None, p + 2)
    else:
        lit = _literal_at(pd, p)
        if lit is not None:
            chars = []
            q = p
            while lit is not None:
                chars.append(lit[0])
                q = lit[1]
                lit = _literal_at(pd, q)
            s = "".join(chars)
            it = (_LIT, s, len(s), q)
        else:
            ep = _classend(pd, p)
            cs = _single_set(pd, p, ep)
            suffix = pat[ep] if ep < pend else ""
            if suffix == "?":
                it = (_OPT, cs, None, ep + 1)
            elif suffix == "*":
                it = (_STAR, cs, _make_set(cs).span, ep + 1)
            elif suffix == "+":
                it = (_PLUS, cs, _make_set(cs).span, ep + 1)
            elif suffix == "-":
                it = (_MIN, cs, _make_set(cs).span, ep + 1)
            else:
                it = (_ONE, cs, None, ep)
    pd.items[p] = it
    return it


class MatchState:
    __slots__ = ("src", "n", "pd", "level", "cinit", "clen")

    def __init__(self, src, pd):
        self.src = src
        self.n = len(src)
        self.pd = pd
        self.level = 0
        self.cinit = [0] * MAXCAPTURES
        self.clen = [0] * MAXCAPTURES


def _match(ms, s, p, d):
    """match(): the end of the match of pattern position p at subject
    position s, or None. `d` is the remaining match depth."""
    if d == 0:
        _error("pattern too complex")
    d -= 1
    src = ms.src
    n = ms.n
    pd = ms.pd
    items = pd.items
    pend = pd.pend
    while p != pend:
        it = items[p]
        if it is None:
            it = _compile(pd, p)
        k = it[0]
        if k == _LIT:
            if src.startswith(it[1], s):
                s += it[2]
                p = it[3]
                continue
            return None
        if k == _ONE:
            if s < n and src[s] in it[1]:
                s += 1
                p = it[3]
                continue
            return None
        if k == _STAR or k == _PLUS or k == _MIN:
            if not (s < n and src[s] in it[1]):
                if k == _PLUS:
                    return None
                p = it[3]  # accept empty
                continue
            if d == 0:
                _error("pattern too complex")
            nxt = it[3]
            if k == _MIN:
                if nxt == pend:
                    return s
                nit = items[nxt]
                if nit is None:
                    nit = _compile(pd, nxt)
                if nit[0] == _LIT:
                    lit = nit[1]
                    lim = it[2](src, s).end() + nit[2]
                    j = src.find(lit, s, lim)
                    while j >= 0:
                        r = _match(ms, j, nxt, d)
                        if r is not None:
                            return r
                        j = src.find(lit, j + 1, lim)
                    return None
                r = _match(ms, s, nxt, d)
                if r is not None:
                    return r
                ti = pd.tails.get(nxt, False)
                if ti is False:
                    ti = _tail_info(pd, nxt)
                if ti is not None and d > _TAIL_ITEMS:
                    # Only positions where the rest can start are tried.
                    search, endok = ti[0], ti[1]
                    e = it[2](src, s).end()  # the last position to try
                    lim = e + 1 if e < n else n
                    j = s + 1
                    while True:
                        m = search(src, j, lim)
                        if m is None:
                            break
                        j = m.start()
                        r = _match(ms, j, nxt, d)
                        if r is not None:
                            return r
                        j += 1
                    if e == n and endok and n > s:
                        return _match(ms, n, nxt, d)
                    return None
                cs = it[1]
                while True:
                    if s < n and src[s] in cs:
                        s += 1
                    else:
                        return None
                    r = _match(ms, s, nxt, d)
                    if r is not None:
                        return r
            # max_expand ('+' has matched once already)
            e = it[2](src, s + 1).end()
            if k == _PLUS:
                s += 1
            if nxt == pend:
                return e
            nit = items[nxt]
            if nit is None:
                nit = _compile(pd, nxt)
            if nit[0] == _LIT:
                lit = nit[1]
                j = src.rfind(lit, s, e + nit[2])
                while j >= 0:
                    r = _match(ms, j, nxt, d)
                    if r is not None:
                        return r
                    if j == s:
                        return None
                    j = src.rfind(lit, s, j - 1 + nit[2])
                return None
            r = _match(ms, e, nxt, d)
            if r is not None:
                return r
            ti = pd.tails.get(nxt, False)
            if ti is False:
                ti = _tail_info(pd, nxt)
            if ti is not None and d > _TAIL_ITEMS:
                # Only positions where the rest can start are tried.
                cset = ti[2]
                e -= 1
                while e >= s:
                    if src[e] in cset:
                        r = _match(ms, e, nxt, d)
                        if r is not None:
                            return r
                    e -= 1
                return None
            e -= 1
            while e >= s:
                r = _match(ms, e, nxt, d)
                if r is not None:
                    return r
                e -= 1
            return None
        if k == _OPT:
            if s < n and src[s] in it[1]:
                r = _match(ms, s + 1, it[3], d)
                if r is not None:
                    return r
            p = it[3]
            continue
        if k == _OPEN or k == _POS:
            level = ms.level
            if level >= MAXCAPTURES:
                _error("too many captures")
            ms.cinit[level] = s
            ms.clen[level] = CAP_UNFINISHED if k == _OPEN else CAP_POSITION
            ms.level = level + 1
            r = _match(ms, s, it[3], d)
            if r is None:
                ms.level -= 1
            return r
        if k == _CLOSE:
            clen = ms.clen
            lv = ms.level - 1
            while lv >= 0:
                if clen[lv] == CAP_UNFINISHED:
                    break
                lv -= 1
            else:
                _error("invalid pattern capture")
            clen[lv] = s - ms.cinit[lv]
            r = _match(ms, s, it[3], d)
            if r is None:
                clen[lv] = CAP_UNFINISHED
            return r
        if k == _DOLLAR:
            return s if s == n else None
        if k == _BAL:
            if s >= n or src[s] != it[1]:
                return None
            b = it[1]
            e = it[2]
            cont = 1
            i = s + 1
            found = False
            while i < n:
                c = src[i]
                if c == e:
                    cont -= 1
                    if cont == 0:
                        found = True
                        break
                elif c == b:
                    cont += 1
                i += 1
            if not found:
                return None
            s = i + 1
            p = it[3]
            continue
        if k == _FRONT:
            cs = it[1]
            prev = src[s - 1] if s > 0 else "\0"
            cur = src[s] if s < n else "\0"
            if prev not in cs and cur in cs:
                p = it[3]
                continue
            return None
        # _BACK
        lv = it[1]
        if lv < 0 or lv >= ms.level or ms.clen[lv] == CAP_UNFINISHED:
            _error("invalid capture index %%%d" % (lv + 1))
        ln = ms.clen[lv]
        if ln < 0:  # a position capture: its huge size_t length never fits
            return None
        i0 = ms.cinit[lv]
        if src.startswith(src[i0 : i0 + ln], s):
            s += ln
            p = it[3]
            continue
        return None
    return s


_TAIL_ITEMS = 8


def _tail_info(pd, p):
    """What a match of the pattern from position p needs at its start:
    (search, endok, chars) where a match at j < n needs src[j] in chars
    (`search` finds such positions) and a match at n needs endok; None
    when anything could match. Only items that the matcher always reaches
    on its first try are compiled (nullable ones, up to _TAIL_ITEMS); the
    callers always make that first try, so errors stay the same."""
    chars = set()
    info = None
    q = p
    for _ in range(_TAIL_ITEMS):
        if q == pd.pend:
            break
        it = pd.items[q]
        if it is None:
            it = _compile(pd, q)
        k = it[0]
        if k == _LIT:
            chars.add(it[1][0])
            info = False
        elif k == _ONE or k == _PLUS:
            chars.update(it[1])
            info = False
        elif k == _BAL:
            chars.add(it[1])
            info = False
        elif k == _DOLLAR:
            info = True
        elif k == _STAR or k == _MIN or k == _OPT:
            chars.update(it[1])
            q = it[3]
            continue
        elif k == _OPEN or k == _POS or k == _CLOSE:
            q = it[3]
            continue
        break
    if info is None:
        res = None
    else:
        cs = frozenset(chars)
        res = (_make_set(cs).search, info, cs)
    pd.tails[p] = res
    return res


def _first_filter(pd, p):
    """A function (src, pos) -> the first position >= pos where a match
    starting at pattern position p could begin (or -1), or None when any
    position could. Compiles the leading items (as the first try would)."""
    try:
        return pd.filters[p]
    except KeyError:
        pass
    flt = None
    q = p
    opens = 0
    while q != pd.pend and opens < MAXCAPTURES:
        it = pd.items[q]
        if it is None:
            it = _compile(pd, q)
        k = it[0]
        if k == _OPEN or k == _POS:
            opens += 1
            q = it[3]
            continue
        if k == _LIT:
            lit = it[1]

            def flt(src, pos, lit=lit):
                return src.find(lit, pos)

        elif k == _BAL:
            b = it[1]

            def flt(src, pos, b=b):
                return src.find(b, pos)

        elif k == _ONE or k == _PLUS:
            search = _make_set(it[1]).search

            def flt(src, pos, search=search):
                m = search(src, pos)
                return -1 if m is None else m.start()

        break
    pd.filters[p] = flt
    return flt


def nospecials(p):
    for c in SPECIALS:
        if c in p:
            return False
    return True


def _capture(ms, i, s, e):
    """get_onecapture: capture i (or the whole match s..e)."""
    if i >= ms.level:
        if i != 0:
            _error("invalid capture index %%%d" % (i + 1))
        return ms.src[s:e]
    ln = ms.clen[i]
    if ln == CAP_UNFINISHED:
        _error("unfinished capture")
    init = ms.cinit[i]
    if ln == CAP_POSITION:
        return init + 1
    return ms.src[init : init + ln]


def _captures(ms, s, e, whole):
    """push_captures as a tuple (`whole`: a match without captures gives
    the matched text)."""
    level = ms.level
    if level == 0:
        return (ms.src[s:e],) if whole else ()
    return tuple([_capture(ms, i, s, e) for i in range(level)])


def _result(vals):
    if len(vals) == 1:
        return vals[0]
    return Multi(vals)


def _posrelat_init(init, ls):
    """posrelatI(init, ls) - 1 (a 0-based start, possibly > ls)."""
    if init > 0:
        return init - 1
    if init == 0 or init < -ls:
        return 0
    return ls + init


def find_aux(s, pattern, init, plain, find):
    """str_find_aux: string.find (find=True) or string.match (find=False).
    `init` is the Lua integer start position, `plain` a Python bool."""
    ls = len(s)
    if init > 0:
        i0 = init - 1
        if i0 > ls:
            return None
    elif init == 0 or init < -ls:
        i0 = 0
    else:
        i0 = ls + init
    if USE_RE and not plain:
        ent = _re_find_cache.get(pattern)
        if ent:  # a translated pattern seen before (the hot path)
            return ent.find(s, i0) if find else ent.match_(s, i0)
    if find and (plain or nospecials(pattern)):
        j = s.find(pattern, i0)
        if j < 0:
            return None
        return Multi((j + 1, j + len(pattern)))
    if not find and ")" not in pattern and nospecials(pattern):
        j = s.find(pattern, i0)
        if j < 0:
            return None
        return pattern
    if USE_RE:
        ent = lpattern_re.for_find(pattern, 1 + (ls >> 5))
        if ent:
            return ent.find(s, i0) if find else ent.match_(s, i0)
    anchor = pattern[:1] == "^"
    p0 = 1 if anchor else 0
    pd = _get_pattern(pattern)
    ms = MatchState(s, pd)
    s1 = i0
    if anchor:
        e = _match(ms, s1, p0, MAXCCALLS)
    else:
        flt = _first_filter(pd, p0)
        while True:
            if flt is not None:
                s1 = flt(s, s1)
                if s1 < 0:
                    return None
            ms.level = 0
            e = _match(ms, s1, p0, MAXCCALLS)
            if e is not None:
                break
            if s1 >= ls:
                return None
            s1 += 1
    if e is None:
        return None
    if find:
        return Multi((s1 + 1, e) + _captures(ms, s1, e, False))
    return _result(_captures(ms, s1, e, True))


class GMatch:
    """The state of a string.gmatch iterator (gmatch_aux)."""

    __slots__ = ("ms", "src", "p", "lastmatch", "flt")

    def __init__(self, s, pattern, init):
        ls = len(s)
        i0 = _posrelat_init(init, ls)
        if i0 > ls:
            i0 = ls + 1
        pd = _get_pattern(pattern)
        self.ms = MatchState(s, pd)
        self.src = i0
        self.p = pattern
        self.lastmatch = -1
        self.flt = False  # not computed yet

    def step(self):
        """The captures of the next match, or NONE at the end."""
        ms = self.ms
        n = ms.n
        src = self.src
        if src > n:
            return NONE
        flt = self.flt
        if flt is False:
            flt = self.flt = _first_filter(ms.pd, 0)
        s = ms.src
        while src <= n:
            if flt is not None:
                src = flt(s, src)
                if src < 0:
                    break
            ms.level = 0
            e = _match(ms, src, 0, MAXCCALLS)
            if e is not None and e != self.lastmatch:
                self.src = self.lastmatch = e
                return _result(_captures(ms, src, e, True))
            src += 1
        self.src = n + 1
        return NONE


def gmatch_iter(s, pattern, init):
    """An object whose step() gives the next match of string.gmatch."""
    if USE_RE:
        ent = lpattern_re.for_gmatch(pattern, 1 + (len(s) >> 5))
        if ent:
            ls = len(s)
            i0 = _posrelat_init(init, ls)
            if i0 > ls:
                i0 = ls + 1
            return lpattern_re.ReGMatch(ent, s, i0)
    return GMatch(s, pattern, init)


# Replacement strings of gsub: tokens are literal text (str), an int
# capture number (0 is the whole match) or _BADESC.

_BADESC = object()
_repl_cache = {}


def _repl_tokens(repl):
    toks = _repl_cache.get(repl)
    if toks is not None:
        return toks
    raw = []
    i = 0
    n = len(repl)
    while True:
        j = repl.find("%", i)
        if j < 0:
            raw.append(repl[i:])
            break
        raw.append(repl[i:j])
        c = repl[j + 1] if j + 1 < n else "\0"
        if c == "%":
            raw.append("%")
        elif "0" <= c <= "9":
            raw.append(ord(c) - 48)
        else:
            raw.append(_BADESC)
            break
        i = j + 2
    toks = []
    for t in raw:
        if t.__class__ is str:
            if not t:
                continue
            if toks and toks[-1].__class__ is str:
                toks[-1] += t
                continue
        toks.append(t)
    if len(_repl_cache) > 256:
        _repl_cache.clear()
    _repl_cache[repl] = toks
    return toks


def _add_value(ms, out, s, e, repl, tr, toks):
    """add_value: append the replacement of the match s..e to out."""
    if tr == 0:  # a string
        for t in toks:
            if t.__class__ is str:
                out.append(t)
            elif t is _BADESC:
                _error("invalid use of '%' in replacement string")
            elif t == 0:
                out.append(ms.src[s:e])
            else:
                v = _capture(ms, t - 1, s, e)
                out.append(v if v.__class__ is str else str(v))
        return True
    if tr == 1:  # a function
        v = first(repl(*_captures(ms, s, e, True)))
    else:  # a table
        v = repl[readkey(_capture(ms, 0, s, e))]
    if v is None or v is False:
        out.append(ms.src[s:e])
        return False
    cls = v.__class__
    if cls is str:
        out.append(v)
    elif cls is int or cls is float:
        out.append(tostr_number(v))
    else:
        _error("invalid replacement value (a %s)" % type_name(v))
    return True


def gsub(src, pattern, repl, max_s, tr):
    """str_gsub after the argument checks: `repl` is a str (tr=0), a
    function (tr=1) or a table (tr=2). Returns Multi((result, count))."""
    ls = len(src)
    if max_s <= 0:
        return Multi((src, 0))
    if tr == 0:
        toks = _repl_tokens(repl)
        if (
            len(toks) <= 1
            and pattern
            and ")" not in pattern
            and nospecials(pattern)
            and (not toks or toks[0].__class__ is str)
        ):
            # Plain pattern, plain replacement: a literal replace.
            cnt = src.count(pattern)
            if cnt == 0:
                return Multi((src, 0))
            if cnt > max_s:
                cnt = max_s
            rep = toks[0] if toks else ""
            return Multi((src.replace(pattern, rep, cnt), cnt))
    else:
        toks = None
    if USE_RE:
        ent = lpattern_re.for_find(pattern, 1 + (ls >> 5))
        if ent:
            return lpattern_re.gsub(ent, src, repl, max_s, tr, toks)
    anchor = pattern[:1] == "^"
    p0 = 1 if anchor else 0
    pd = _get_pattern(pattern)
    ms = MatchState(src, pd)
    out = []
    pos = 0  # current position
    copied = 0  # src[:copied] is already in out
    lastmatch = -1
    n = 0
    changed = False
    flt = None if anchor else _first_filter(pd, p0)
    while n < max_s:
        if flt is not None:
            j = flt(src, pos)
            if j < 0:
                break
            pos = j
        ms.level = 0
        e = _match(ms, pos, p0, MAXCCALLS)
        if e is not None and e != lastmatch:
            n += 1
            if copied < pos:
                out.append(src[copied:pos])
            changed = _add_value(ms, out, pos, e, repl, tr, toks) or changed
            pos = lastmatch = copied = e
        elif pos < ls:
            pos += 1
        else:
            break
        if anchor:
            break
    if not changed:
        return Multi((src, n))
    out.append(src[copied:])
    return Multi(("".join(out), n))
