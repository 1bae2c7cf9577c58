"""Everything generated code imports, in one place.

Rules:
- Generated modules import only from here (`from moonlet.runtime.prelude
  import ...`), so this module is the whole interface between compiled Lua
  and the runtime.
- The helpers here are the ones that need to know about generated code's
  conventions (multiple results, loops, to-be-closed variables); the
  operators live in runtime.ops.
"""

import sys
from itertools import compress, count
from operator import itemgetter
from types import GeneratorType

from .errors import LuaError, LuaExit, rt_error
from .frames import lua_error_from
from .ops import (
    STRING_META,
    arith_add,
    arith_div,
    arith_idiv,
    arith_mod,
    arith_mul,
    arith_pow,
    arith_sub,
    arith_unm,
    bit_and,
    bit_not,
    bit_or,
    bit_shl,
    bit_shr,
    bit_xor,
    call,
    concat,
    concat_list,
    eq,
    fdiv,
    ffloor,
    fmod_lua,
    fpow,
    index,
    le,
    lt,
    lua_len,
    setindex,
    table_append,
)
from .table import (
    BOOLKEYS,
    FALSEKEY,
    TRUEKEY,
    BoolKey,
    MTable,
    RAWSET,
    STRINGS,
    Table,
    getmetafield,
    lua_next,
    mktable,
    mktable_kv,
    mktable_multi,
    mktable_seq,
    new_instance,
)
from .values import (
    MAXINT,
    MININT,
    NONE,
    Multi,
    first,
    float2int,
    str2number,
    tostr_number,
    values,
    wrap_int,
)


def adjust(r, n):
    """Exactly n values of call result r, as a tuple."""
    if r.__class__ is Multi:
        k = len(r)
        if k == n:
            return r
        if k > n:
            return r[:n]
        return r + (None,) * (n - k)
    if n == 1:
        return (r,)
    return (r,) + (None,) * (n - 1)


# Numeric for loops.


def _forval(v, what):
    if v.__class__ is int or v.__class__ is float:
        return v
    if v.__class__ is str:
        n = str2number(v)
        if n is not None:
            return float(n)
    from .ops import objtypename

    rt_error("bad 'for' %s (number expected, got %s)" % (what, objtypename(v)))


def numfor(a, b, c=1):
    """The values of `for i = a, b, c` (a range for integer loops)."""
    a = _forval(a, "initial value")
    b = _forval(b, "limit")
    c = _forval(c, "step")
    if a.__class__ is int and c.__class__ is int:
        if c == 0:
            rt_error("'for' step is zero")
        if b.__class__ is float:
            if b != b:
                return ()
            if c > 0:
                if b >= 9.3e18:
                    b = MAXINT
                elif b < -9.3e18:
                    return ()
                else:
                    import math

                    b = min(math.floor(b), MAXINT)
            else:
                if b <= -9.3e18:
                    b = MININT
                elif b > 9.3e18:
                    return ()
                else:
                    import math

                    b = max(math.ceil(b), MININT)
        if c > 0:
            return range(a, b + 1, c)
        return range(a, b - 1, c)
    if c == 0:
        rt_error("'for' step is zero")
    return _float_for(float(a), float(b), float(c))


def _float_for(a, b, c):
    # Lua 5.4.4 enters the loop unless the limit is past the start (so a NaN
    # limit runs the body once), then continues while i <= limit.
    if (b < a) if c > 0 else (a < b):
        return
    yield a
    i = a + c
    if c > 0:
        while i <= b:
            yield i
            i += c
    else:
        while i >= b:
            yield i
            i += c


# Generic for loops.


def forin(n, r):
    """An iterator of n-tuples for `for v1, ..., vn in explist`. Plain
    `pairs` and `ipairs` loops over tables iterate at C level; everything
    else runs Lua's generic for protocol (_forin)."""
    if n == 2 and r.__class__ is Multi and len(r) == 3:
        f, s, c = r
        if f is lua_next and c is None and isinstance(s, Table):
            if TRUEKEY not in s and FALSEKEY not in s:
                # Values are read as the loop reaches them and keys deleted
                # meanwhile are skipped, as with next.
                keys = list(s)
                return compress(zip(keys, map(s.get, keys)), map(s.__contains__, keys))
        elif f is ipairs_iter and c == 0 and s.__class__ is Table:
            return zip(count(1), iter(map(s.get, count(1)).__next__, None))
    return _forin(n, r)


def _forin(n, r):
    if r.__class__ is Multi:
        r = r + (None, None, None, None)
        f, s, c, closing = r[0], r[1], r[2], r[3]
    else:
        f, s, c, closing = r, None, None, None
    pad = (None,) * (n - 2) if n > 2 else ()
    if f is lua_next and c is None and isinstance(s, Table):
        for k in list(s):
            v = dict.get(s, k)
            if v is not None:
                if k.__class__ is BoolKey:
                    k = k.value
                yield (k, v) + pad
        return
    if f is ipairs_iter and c == 0 and s.__class__ is Table:
        i = 1
        get = s.get
        while True:
            v = get(i)
            if v is None:
                return
            yield (i, v) + pad
            i += 1
    if closing is not None and closing is not False:
        check_close(closing, "(for state)")
    try:
        while True:
            try:
                vals = f(s, c)
            except TypeError:
                # An iterator that is not a function: its type's __call
                # (runtime.typemeta), else Lua's error from the TypeError.
                h = None if callable(f) else getmetafield(f, "__call")
                if h is None:
                    raise
                f = _bind_call(h, f)
                vals = f(s, c)
            if vals.__class__ is not Multi:
                if vals is None:
                    return
                c = vals
                yield (vals, None) + pad
                continue
            if not vals or vals[0] is None:
                return
            c = vals[0]
            k = len(vals)
            if k == n:
                yield vals
            elif k > n:
                yield vals[:n]
            else:
                yield vals + (None,) * (n - k)
    finally:
        if closing is not None and closing is not False:
            close_var(closing, None)


def _bind_call(h, f):
    def via_call(*args):
        return h(f, *args)

    return via_call


def forin1(r):
    """An iterator of the values of `for v in explist`."""
    if r.__class__ is Multi and len(r) == 3:
        f, s, c = r
        if f is lua_next and c is None and isinstance(s, Table):
            if TRUEKEY not in s and FALSEKEY not in s:
                keys = list(s)
                return compress(keys, map(s.__contains__, keys))
        elif f is ipairs_iter and c == 0 and s.__class__ is Table:
            return map(_FIRST, zip(count(1), iter(map(s.get, count(1)).__next__, None)))
    return _forin1(r)


_FIRST = itemgetter(0)


def _forin1(r):
    it = _forin(2, r)
    try:
        for t in it:
            yield t[0]
    finally:
        it.close()


def forin_close(it):
    """End the iterator of a generic for left by break, goto or return, so
    that its closing value is closed now (see compiler.lower_stmt)."""
    if it.__class__ is GeneratorType:
        it.close()


def ipairs_iter(t, i):
    i = i + 1 if i != MAXINT else MININT
    v = t[i] if isinstance(t, Table) else index(t, i)
    if v is None:
        return None
    return Multi((i, v))


# To-be-closed variables.


def check_close(v, name):
    if v is None or v is False:
        return
    if getmetafield(v, "__close") is None:
        rt_error("variable '%s' got a non-closable value" % name)


def close_var(v, err):
    """Run v's __close with the error value (nil on a normal exit)."""
    if v is None or v is False:
        return
    if err is None:
        # os.exit without `close` unwinds past the variable: C's exit()
        # closes nothing.
        e = sys.exc_info()[1]
        if e.__class__ is LuaExit and not e.close:
            return
    h = getmetafield(v, "__close")
    if h is None:
        rt_error("metamethod 'close'")
    h(v, err.value if err is not None else None)


# Library functions that generated code compares callees with, to run
# their common case inline; the libraries import this module, so they are
# fetched on first use.
_LIB_FUNCS = {
    "SETMETATABLE": ("baselib", "lua_setmetatable"),
    "TBL_INSERT": ("tablelib", "tbl_insert"),
    "STR_BYTE": ("stringlib", "str_byte"),
    "STR_SUB": ("stringlib", "str_sub"),
}


def __getattr__(name):
    where = _LIB_FUNCS.get(name)
    if where is None:
        raise AttributeError("module %r has no attribute %r" % (__name__, name))
    import importlib

    return getattr(importlib.import_module("moonlet.stdlib." + where[0]), where[1])
