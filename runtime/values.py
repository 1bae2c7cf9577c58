"""Lua values as Python objects, and the conversions between them.

Rules:
- nil is None, booleans are bool, integers are int kept in the signed 64-bit
  range, floats are float, strings are str holding one character per byte
  (a latin-1 view of the bytes), tables are runtime.table.Table, functions are
  Python callables, coroutines are runtime.coro.Coroutine.
- A Lua call returns either a plain value (exactly one result) or a Multi,
  a tuple subclass holding any number of results (usually 0 or 2+).
  Callers that need one value take `r[0]` of a Multi (or nil when it is empty).
- Nothing here raises Python exceptions for bad Lua input: errors are LuaError.
"""

import math

MAXINT = 0x7FFFFFFFFFFFFFFF
MININT = -0x8000000000000000


class Multi(tuple):
    """Zero or several results of a Lua call (see the module rules)."""

    __slots__ = ()


NONE = Multi()


def first(r):
    """The first value of a call result: what a one-value context sees."""
    if r.__class__ is Multi:
        return r[0] if r else None
    return r


def values(r):
    """A call result as a tuple of all its values (for expansion)."""
    if r.__class__ is Multi:
        return r
    return (r,)


def wrap_int(i):
    """Bring a Python int back into the signed 64-bit range (two's complement)."""
    return ((i + 0x8000000000000000) & 0xFFFFFFFFFFFFFFFF) - 0x8000000000000000


def fmt_float(f):
    """Lua's "%.14g" rendering of a float, with ".0" for integral values."""
    if f != f:
        # Linux C libraries print the sign of a NaN; 0/0 is negative there.
        return "-nan" if math.copysign(1.0, f) < 0 else "nan"
    if f == math.inf:
        return "inf"
    if f == -math.inf:
        return "-inf"
    s = "%.14g" % f
    if "." in s or "e" in s or "n" in s or "i" in s:
        return s
    return s + ".0"


def tostr_number(n):
    if n.__class__ is float:
        return fmt_float(n)
    return str(n)


def type_name(v):
    """Lua's type() of a value."""
    if v is None:
        return "nil"
    cls = v.__class__
    if cls is bool:
        return "boolean"
    if cls is int or cls is float:
        return "number"
    if cls is str:
        return "string"
    name = getattr(cls, "lua_type", None)
    if name is not None:
        return name
    if callable(v):
        return "function"
    return "userdata"


_WS = " \f\n\r\t\v"


def str2number(s):
    """Convert a string to a number following Lua's lexer rules, or None."""
    if s.isdigit() and s.isascii() and len(s) < 19:
        return int(s)  # the common case: a short decimal integer
    s = s.strip(_WS)
    if not s:
        return None
    neg = False
    body = s
    if body[0] in "+-":
        neg = body[0] == "-"
        body = body[1:]
    if body[:2] in ("0x", "0X"):
        return _hex2number(body[2:], neg)
    # Decimal: only digits, one dot, optional exponent; no inf/nan/underscores.
    i = 0
    n = len(body)
    digits = 0
    while i < n and body[i].isdigit() and body[i] < "\x80":
        i += 1
        digits += 1
    isfloat = False
    if i < n and body[i] == ".":
        isfloat = True
        i += 1
        while i < n and body[i] in "0123456789":
            i += 1
            digits += 1
    if digits == 0:
        return None
    if i < n and body[i] in "eE":
        isfloat = True
        i += 1
        if i < n and body[i] in "+-":
            i += 1
        if i >= n or body[i] not in "0123456789":
            return None
        while i < n and body[i] in "0123456789":
            i += 1
    if i != n:
        return None
    if not isfloat:
        v = int(body)
        if v > MAXINT + (1 if neg else 0):
            # Decimal integers that overflow become floats in Lua.
            f = float(body)
            return -f if neg else f
        return -v if neg else v
    try:
        f = float(body)
    except ValueError:
        return None
    return -f if neg else f


def _hex2number(body, neg):
    mant = 0
    exp = 0
    any_digit = False
    i = 0
    n = len(body)
    isfloat = False
    while i < n and body[i] in "0123456789abcdefABCDEF":
        mant = mant * 16 + int(body[i], 16)
        any_digit = True
        i += 1
    if i < n and body[i] == ".":
        isfloat = True
        i += 1
        while i < n and body[i] in "0123456789abcdefABCDEF":
            mant = mant * 16 + int(body[i], 16)
            exp -= 4
            any_digit = True
            i += 1
    if not any_digit:
        return None
    if i < n and body[i] in "pP":
        isfloat = True
        i += 1
        esign = 1
        if i < n and body[i] in "+-":
            esign = -1 if body[i] == "-" else 1
            i += 1
        if i >= n or body[i] not in "0123456789":
            return None
        e = 0
        while i < n and body[i] in "0123456789":
            e = e * 10 + int(body[i])
            i += 1
        exp += esign * e
    if i != n:
        return None
    if not isfloat:
        # Hex integers wrap around modulo 2^64.
        v = wrap_int(mant)
        return wrap_int(-v) if neg else v
    try:
        f = (
            math.ldexp(float(mant), exp)
            if mant < (1 << 1000)
            else _big_ldexp(mant, exp)
        )
    except OverflowError:
        f = math.inf
    return -f if neg else f


def _big_ldexp(mant, exp):
    shift = mant.bit_length() - 64
    return math.ldexp(float(mant >> shift), exp + shift)


def tonumber(v):
    """Number coercion used by arithmetic: numbers pass, strings convert."""
    cls = v.__class__
    if cls is int or cls is float:
        return v
    if cls is str:
        return str2number(v)
    return None


def float2int(f):
    """The integer with the exact value of float f, or None."""
    if f.is_integer() and -9.3e18 < f < 9.3e18:
        i = int(f)
        if MININT <= i <= MAXINT:
            return i
    return None


def tointeger(v):
    """Lua's lua_tointeger on numbers and numeric strings (no rounding)."""
    cls = v.__class__
    if cls is int:
        return v
    if cls is float:
        return float2int(v)
    if cls is str:
        n = str2number(v)
        if n is None:
            return None
        return tointeger(n)
    return None
