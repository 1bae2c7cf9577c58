"""Lua operators: the slow paths behind the inline code the compiler emits.

Rules:
- Generated code handles the common cases inline (ints, floats, plain
  tables) and calls these functions for everything else: string coercion,
  integer overflow, division by zero, metamethods and errors.
- Every function here implements the full Lua 5.4 semantics of its operator,
  so calling it directly is always correct, only slower.
- Errors name the operand with runtime.frames.varinfo, which reads the
  calling Lua frame.
"""

import math
from types import FunctionType

from .errors import LuaError, rt_error
from .table import (
    MAXTAGLOOP,
    MTable,
    Table,
    getmetafield,
    index_meta,
    length,
    meta_changed,
    normkey,
    readkey,
)
from .typemeta import TYPE_META
from .values import (
    MAXINT,
    MININT,
    Multi,
    first,
    float2int,
    fmt_float,
    str2number,
    tostr_number,
    type_name,
    wrap_int,
)

# The string metatable: set by the string library when a state is created.
STRING_META = [None]

ARITH_EVENTS = {
    "__add": "add",
    "__sub": "sub",
    "__mul": "mul",
    "__mod": "mod",
    "__pow": "pow",
    "__div": "div",
    "__idiv": "idiv",
    "__unm": "unm",
}


def _varinfo(idx):
    from .frames import varinfo

    return varinfo(idx)


def objtypename(v):
    """The type name in runtime error messages (luaT_objtypename): the
    `__name` of the metatable of a table or full userdata when that is a
    string (never of a type's metatable, runtime.typemeta)."""
    if isinstance(v, MTable):
        n = dict.get(v.meta, "__name")
    elif v is None or v.__class__ in (bool, int, float, str) or isinstance(v, Table):
        return type_name(v)
    else:
        mt = getattr(v, "lua_meta", None)
        n = dict.get(mt, "__name") if mt is not None else None
    return n if n.__class__ is str else type_name(v)


def _num(v):
    """Number value of v for arithmetic (strings convert), else None."""
    cls = v.__class__
    if cls is int or cls is float:
        return v
    if cls is str:
        return str2number(v)
    return None


def callmeta(h, event, *args):
    """The first result of metamethod h for `event` (e.g. "__add"); a value
    that cannot be called gets Lua's "(metamethod 'add')" message."""
    if h.__class__ is str or not callable(h):
        rt_error(
            "attempt to call a %s value (metamethod '%s')" % (objtypename(h), event[2:])
        )
    r = h(*args)
    return r if r.__class__ is not Multi else first(r)


def _meta2(event, a, b):
    h = getmetafield(a, event)
    if h is None:
        h = getmetafield(b, event)
    return h


def _arith(event, a, b):
    """Arithmetic on operands that are not both numbers: metamethods or error."""
    h = dict.get(a.meta, event) if isinstance(a, MTable) else None
    if h is None:
        h = _meta2(event, a, b)
    if h.__class__ is FunctionType:
        # Lua functions, the common case, skip callmeta's checks.
        r = h(a, b)
        return r if r.__class__ is not Multi else first(r)
    if h is not None:
        return callmeta(h, event, a, b)
    # luaG_opinterror blames the second operand when the first is numeric.
    bad, idx = (b, 2) if _num(a) is not None else (a, 1)
    rt_error(
        "attempt to perform arithmetic on a %s value%s"
        % (objtypename(bad), _varinfo(idx))
    )


def _numeric(a, b):
    ca = a.__class__
    cb = b.__class__
    return (ca is int or ca is float) and (cb is int or cb is float)


def string_arith_meta(event, op):
    """The string metatable's arithmetic metamethod for `event` (lstrlib's)."""

    def mm(a, b):
        x = _num(a)
        y = _num(b)
        if x is not None and y is not None:
            return op(x, y)
        if b.__class__ is not str:
            h = getmetafield(b, event)
            if h is not None:
                return first(h(a, b))
        rt_error(
            "attempt to %s a '%s' with a '%s'" % (event[2:], type_name(a), type_name(b))
        )

    mm.__name__ = event
    return mm


def arith_add(a, b):
    ca = a.__class__
    cb = b.__class__
    if not ((ca is int or ca is float) and (cb is int or cb is float)):
        return _arith("__add", a, b)
    p = a, b
    x, y = p
    if x.__class__ is int and y.__class__ is int:
        return wrap_int(x + y)
    return float(x) + float(y)


def arith_sub(a, b):
    ca = a.__class__
    cb = b.__class__
    if not ((ca is int or ca is float) and (cb is int or cb is float)):
        return _arith("__sub", a, b)
    p = a, b
    x, y = p
    if x.__class__ is int and y.__class__ is int:
        return wrap_int(x - y)
    return float(x) - float(y)


def arith_mul(a, b):
    ca = a.__class__
    cb = b.__class__
    if not ((ca is int or ca is float) and (cb is int or cb is float)):
        return _arith("__mul", a, b)
    p = a, b
    x, y = p
    if x.__class__ is int and y.__class__ is int:
        return wrap_int(x * y)
    return float(x) * float(y)


def fdiv(x, y):
    """C division of two floats (IEEE: no exception on zero)."""
    try:
        return x / y
    except ZeroDivisionError:
        if x != x or x == 0:
            return -math.nan
        return math.copysign(math.inf, x) * math.copysign(1.0, y)


def arith_div(a, b):
    if not _numeric(a, b):
        return _arith("__div", a, b)
    p = a, b
    return fdiv(float(p[0]), float(p[1]))


def ffloor(x):
    """C floor of a float, staying a float."""
    if x != x or x in (math.inf, -math.inf):
        return x
    r = float(math.floor(x))
    return r if r else math.copysign(0.0, x)


def fmod_lua(a, b):
    """Lua's float modulo (luai_nummod)."""
    if b == 0:
        return -math.nan
    if b in (math.inf, -math.inf):
        if a != a or a in (math.inf, -math.inf):
            return -math.nan
        if a == 0 or (a > 0) == (b > 0):
            return a
        return b
    if a != a or b != b or a in (math.inf, -math.inf):
        return -math.nan
    m = math.fmod(a, b)
    if (m > 0 and b < 0) or (m < 0 and b > 0):
        m += b
    return m


def arith_idiv(a, b):
    if not _numeric(a, b):
        return _arith("__idiv", a, b)
    p = a, b
    x, y = p
    if x.__class__ is int and y.__class__ is int:
        if y == 0:
            rt_error("attempt to divide by zero")
        return wrap_int(x // y)
    return ffloor(fdiv(float(x), float(y)))


def arith_mod(a, b):
    if not _numeric(a, b):
        return _arith("__mod", a, b)
    p = a, b
    x, y = p
    if x.__class__ is int and y.__class__ is int:
        if y == 0:
            rt_error("attempt to perform 'n%0'")
        return x % y
    return fmod_lua(float(x), float(y))


def fpow(x, y):
    try:
        return math.pow(x, y)
    except OverflowError:
        if x < 0 and y == int(y) and int(y) % 2 == 1:
            return -math.inf
        return math.inf
    except ValueError:
        if x == 0:
            # C's pow(±0, y < 0): ±inf for odd integers y, +inf otherwise.
            odd = y == int(y) and int(y) % 2 == 1
            return math.copysign(math.inf, x) if odd else math.inf
        return -math.nan


def arith_pow(a, b):
    if not _numeric(a, b):
        return _arith("__pow", a, b)
    p = a, b
    return fpow(float(p[0]), float(p[1]))


def arith_unm(a):
    cls = a.__class__
    if cls is int:
        return wrap_int(-a)
    if cls is float:
        return -a
    h = getmetafield(a, "__unm")
    if h is not None:
        return callmeta(h, "__unm", a, a)
    if cls is str:
        n = str2number(a)
        if n is not None:
            return arith_unm(n)
        rt_error("attempt to unm a 'string' with a 'string'")
    rt_error(
        "attempt to perform arithmetic on a %s value%s" % (objtypename(a), _varinfo(1))
    )


# Bitwise operators work on integers and on floats with an integral value.


def _toint_bit(event, a, b):
    x = a if a.__class__ is int else None
    y = b if b.__class__ is int else None
    if x is None and a.__class__ is float:
        x = float2int(a)
    if y is None and b.__class__ is float:
        y = float2int(b)
    if x is not None and y is not None:
        return x, y
    h = _meta2(event, a, b)
    if h is not None:
        return (callmeta(h, event, a, b),)
    for v, i in ((a, 1), (b, 2)):
        if v.__class__ not in (int, float):
            rt_error(
                "attempt to perform bitwise operation on a %s value%s"
                % (objtypename(v), _varinfo(i))
            )
    rt_error("number%s has no integer representation" % _varinfo(1 if x is None else 2))


def bit_and(a, b):
    p = _toint_bit("__band", a, b)
    return p[0] if len(p) == 1 else p[0] & p[1]


def bit_or(a, b):
    p = _toint_bit("__bor", a, b)
    return p[0] if len(p) == 1 else p[0] | p[1]


def bit_xor(a, b):
    p = _toint_bit("__bxor", a, b)
    return p[0] if len(p) == 1 else p[0] ^ p[1]


def shift_left(x, n):
    if n <= -64 or n >= 64:
        return 0
    if n >= 0:
        return wrap_int(x << n)
    return (x & 0xFFFFFFFFFFFFFFFF) >> -n


def bit_shl(a, b):
    p = _toint_bit("__shl", a, b)
    return p[0] if len(p) == 1 else shift_left(p[0], p[1])


def bit_shr(a, b):
    p = _toint_bit("__shr", a, b)
    return p[0] if len(p) == 1 else shift_left(p[0], -p[1])


def bit_not(a):
    if a.__class__ is int:
        return ~a
    if a.__class__ is float:
        x = float2int(a)
        if x is not None:
            return ~x
    h = getmetafield(a, "__bnot")
    if h is not None:
        return callmeta(h, "__bnot", a, a)
    if a.__class__ is float:
        rt_error("number%s has no integer representation" % _varinfo(1))
    rt_error(
        "attempt to perform bitwise operation on a %s value%s"
        % (objtypename(a), _varinfo(1))
    )


# Concatenation, length, comparison.


def _concat_piece(v):
    cls = v.__class__
    if cls is str:
        return v
    if cls is int:
        return str(v)
    if cls is float:
        return fmt_float(v)
    return None


def concat(a, b):
    x = _concat_piece(a)
    y = _concat_piece(b)
    if x is not None and y is not None:
        return x + y
    h = _meta2("__concat", a, b)
    if h is not None:
        return callmeta(h, "__concat", a, b)
    bad, idx = (b, 2) if x is not None else (a, 1)
    rt_error("attempt to concatenate a %s value%s" % (objtypename(bad), _varinfo(idx)))


def concat_list(*vals):
    """a .. b .. c ...: right-associative, with metamethods where needed."""
    parts = [_concat_piece(v) for v in vals]
    if None not in parts:
        return "".join(parts)
    n = len(vals)
    r = vals[-1]
    for i in range(n - 2, -1, -1):
        v = vals[i]
        x = _concat_piece(v)
        y = _concat_piece(r)
        if x is not None and y is not None:
            r = x + y
            continue
        h = _meta2("__concat", v, r)
        if h is not None:
            r = callmeta(h, "__concat", v, r)
            continue
        # Lua blames the right operand unless the left is the bad one; only
        # the last operand of the chain is still a named variable.
        if x is None:
            bad, info = v, _varinfo(i + 1)
        else:
            bad, info = r, (_varinfo(n) if i == n - 2 else "")
        rt_error("attempt to concatenate a %s value%s" % (objtypename(bad), info))
    return r


def lua_len(v):
    cls = v.__class__
    if cls is Table:
        n = len(v)
        # A proper sequence: its border is its size.
        if (n in v or not n) and n + 1 not in v:
            return n
        return length(v)
    if cls is str:
        return len(v)
    h = getmetafield(v, "__len")
    if h is not None:
        # luaV_objlen passes the operand twice.
        return callmeta(h, "__len", v, v)
    if isinstance(v, Table):
        return length(v)
    rt_error("attempt to get length of a %s value%s" % (objtypename(v), _varinfo(1)))


def _cmp_error(a, b):
    ta = objtypename(a)
    tb = objtypename(b)
    if ta == tb:
        rt_error("attempt to compare two %s values" % ta)
    rt_error("attempt to compare %s with %s" % (ta, tb))


def _is_num(v):
    return v.__class__ is int or v.__class__ is float


def table_append(t, v):
    """t[#t + 1] = v"""
    if t.__class__ is Table and v is not None:
        n = len(t)
        if (n in t or not n) and n + 1 not in t:
            t[n + 1] = v
            return
    n = lua_len(t)
    setindex(t, n + 1 if n.__class__ is int and n < MAXINT else arith_add(n, 1), v)


def lt(a, b):
    if (_is_num(a) and _is_num(b)) or (a.__class__ is str and b.__class__ is str):
        return a < b
    return lt_meta(a, b)


def le(a, b):
    if (_is_num(a) and _is_num(b)) or (a.__class__ is str and b.__class__ is str):
        return a <= b
    return le_meta(a, b)


def lt_meta(a, b):
    h = _meta2("__lt", a, b)
    if h is None:
        _cmp_error(a, b)
    r = callmeta(h, "__lt", a, b)
    return r is not None and r is not False


def le_meta(a, b):
    h = _meta2("__le", a, b)
    if h is None:
        # LUA_COMPAT_LT_LE (on in lua5.4 5.4.4 builds): a <= b is not (b < a).
        h = _meta2("__lt", b, a)
        if h is None:
            _cmp_error(a, b)
        r = callmeta(h, "__lt", b, a)
        return r is None or r is False
    r = callmeta(h, "__le", a, b)
    return r is not None and r is not False


def eq(a, b):
    """Lua ==, for any two values."""
    if a is b:
        return True
    ca = a.__class__
    cb = b.__class__
    if ca is bool or cb is bool:
        return False
    if isinstance(a, MTable) and isinstance(b, Table):
        return a == b
    if isinstance(b, MTable) and isinstance(a, Table):
        return b == a
    if isinstance(a, Table) or isinstance(b, Table):
        return False
    return a == b


# Indexing.


def index(o, k):
    """o[k] for any value o (luaV_finishget: an __index that is neither a
    table nor a function is indexed in turn)."""
    if isinstance(o, Table):
        return o[readkey(k)]
    for i in range(MAXTAGLOOP):
        if o.__class__ is str:
            mt = STRING_META[0]
            h = dict.get(mt, "__index") if mt is not None else None
        else:
            h = getmetafield(o, "__index")
        if h is None:
            # Only the indexed operand itself can be a named variable.
            info = _varinfo(1) if i == 0 else ""
            rt_error("attempt to index a %s value%s" % (objtypename(o), info))
        if isinstance(h, Table):
            return h[readkey(k)]
        if h.__class__ is not str and callable(h):
            return first(h(o, k))
        o = h
    rt_error("'__index' chain too long; possible loop")


def setindex(o, k, v):
    """o[k] = v for any value o, with __newindex."""
    for i in range(2000):
        if isinstance(o, MTable):
            key = readkey(k)
            if key not in o:
                h = dict.get(o.meta, "__newindex")
                if h is not None:
                    if isinstance(h, Table):
                        o = h
                        continue
                    h(o, k, v)
                    return
        elif not isinstance(o, Table):
            h = getmetafield(o, "__newindex")
            if h is None:
                info = _varinfo(1) if i == 0 else ""
                rt_error("attempt to index a %s value%s" % (objtypename(o), info))
            if isinstance(h, Table) or h.__class__ is str or not callable(h):
                # luaV_finishset: an __newindex that is not a function is
                # assigned to in turn.
                o = h
                continue
            h(o, k, v)
            return
        key = normkey(k)
        if v is None:
            dict.pop(o, key, None)
        else:
            dict.__setitem__(o, key, v)
        if key.__class__ is str and o.__class__ is not Table and key[:2] == "__":
            meta_changed(o)
        return
    rt_error("'__newindex' chain too long; possible loop")


def strindex(s, k):
    """The value of s[k] for a string s (method lookup through its metatable)."""
    return index(s, k)


def call(f, *args):
    """f(...) for any value f (tables and others through __call)."""
    if callable(f) and f.__class__ is not str:
        return f(*args)
    h = getmetafield(f, "__call")
    if h is None:
        rt_error("attempt to call a %s value%s" % (objtypename(f), _varinfo(1)))
    return h(f, *args)


def _plain_tostring(v, cls):
    """tostring of a number, boolean or nil without metamethods, else None."""
    if cls is int:
        return str(v)
    if cls is float:
        return fmt_float(v)
    if v is None:
        return "nil"
    if cls is bool:
        return "true" if v else "false"
    return None


def tostring(v):
    """Lua's tostring, with __tostring and __name."""
    cls = v.__class__
    if cls is str:
        return v
    if not TYPE_META:
        # (Numbers, booleans and nil have no metatable: runtime.typemeta.)
        r = _plain_tostring(v, cls)
        if r is not None:
            return r
    h = getmetafield(v, "__tostring")
    if h is not None:
        r = first(h(v))
        if r.__class__ is not str:
            if r.__class__ in (int, float):
                return tostr_number(r)
            # luaL_error in luaL_tolstring: the position of the Lua code
            # that called the library function (tostring, print, ...).
            from .frames import where

            raise LuaError(where(1) + "'__tostring' must return a string")
        return r
    r = _plain_tostring(v, cls)
    if r is not None:
        return r
    name = getmetafield(v, "__name")
    tn = name if name.__class__ is str else type_name(v)
    rep = getattr(v, "lua_repr", None)
    if rep is not None and not (tn is name and type_name(v) == "thread"):
        return rep()
    if tn == "function" and getattr(v, "__module__", "") in (None, "builtins"):
        return "builtin: %s" % _addr(v)
    return "%s: %s" % (tn, _addr(v))


def _addr(v):
    return "0x%014x" % id(v)


def truth(v):
    return v is not None and v is not False


def tointeger_or_error(v):
    """Integer value for a numeric for loop or an API taking integers."""
    if v.__class__ is int:
        return v
    if v.__class__ is float:
        i = float2int(v)
        if i is not None:
            return i
    return None


__all__ = [n for n in dir() if not n.startswith("_")] + ["MAXINT", "MININT"]
