"""Argument checks and C-API-like helpers for the library modules.

Rules:
- These are the luaL_check*/luaL_opt* of lauxlib: each takes the Lua value,
  the argument number and the function name used in messages, and returns
  the converted value or raises the Lua error.
- This module does not set LUA_VISIBLE: its frames are runtime internals, so
  `where` blames the Lua code that called the library function, not a helper.
- The `c_*` helpers behave like the C API calls a C library function makes
  (lua_geti, lua_seti, lua_len, lua_compare): their errors carry no position,
  because in Lua the running function is a C function.
"""

from moonlet.runtime.errors import NOARG, LuaError, arg_error, rt_error, type_error
from moonlet.runtime.table import (
    MTable,
    Table,
    getmetafield,
    getmetatable_raw,
    length,
    readkey,
)
from moonlet.runtime.values import (
    Multi,
    first,
    float2int,
    fmt_float,
    str2number,
    type_name,
)


def check_any(v, n, fname):
    if v is NOARG:
        arg_error(n, fname, "value expected")


def check_int(v, n, fname):
    """luaL_checkinteger."""
    cls = v.__class__
    if cls is int:
        return v
    if cls is float:
        i = float2int(v)
        if i is None:
            arg_error(n, fname, "number has no integer representation")
        return i
    if cls is str:
        x = str2number(v)
        if x is not None:
            if x.__class__ is int:
                return x
            i = float2int(x)
            if i is None:
                arg_error(n, fname, "number has no integer representation")
            return i
    type_error(n, fname, "number", v)


def opt_int(v, n, fname, default):
    """luaL_optinteger: nil and no value give `default`."""
    if v is None or v is NOARG:
        return default
    if v.__class__ is int:
        return v
    return check_int(v, n, fname)


def check_num(v, n, fname):
    """luaL_checknumber: numbers and numeric strings."""
    cls = v.__class__
    if cls is int or cls is float:
        return v
    if cls is str:
        x = str2number(v)
        if x is not None:
            return x
    type_error(n, fname, "number", v)


def check_float(v, n, fname):
    """luaL_checknumber as a C double."""
    if v.__class__ is float:
        return v
    return float(check_num(v, n, fname))


def opt_num(v, n, fname, default):
    if v is None or v is NOARG:
        return default
    return check_num(v, n, fname)


def check_str(v, n, fname):
    """luaL_checklstring: strings, and numbers converted to strings."""
    cls = v.__class__
    if cls is str:
        return v
    if cls is int:
        return str(v)
    if cls is float:
        return fmt_float(v)
    sv = getattr(cls, "lua_strval", None)
    if sv is not None:
        return sv(v)  # error values are accepted as strings
    type_error(n, fname, "string", v)


def opt_str(v, n, fname, default):
    if v is None or v is NOARG:
        return default
    return check_str(v, n, fname)


def check_table(v, n, fname):
    if not isinstance(v, Table):
        type_error(n, fname, "table", v)
    return v


def check_option(v, n, fname, default, options):
    """luaL_checkoption: the index of the option named by v."""
    if default is not None:
        name = opt_str(v, n, fname, default)
    else:
        name = check_str(v, n, fname)
    try:
        return options.index(name)
    except ValueError:
        arg_error(n, fname, "invalid option '%s'" % name)


def to_boolean(v):
    return v is not None and v is not False and v is not NOARG


# Tables and objects that behave like tables (ltablib's checktab/aux_getn).

TAB_R = 1
TAB_W = 2
TAB_L = 4
TAB_RW = TAB_R | TAB_W


def check_tab(t, n, fname, what):
    """ltablib's checktab: a table, or a value whose metatable has the
    metamethods needed for `what`."""
    if isinstance(t, Table):
        return
    mt = getmetatable_raw(t)
    if (
        mt is not None
        and (not (what & TAB_R) or dict.get(mt, "__index") is not None)
        and (not (what & TAB_W) or dict.get(mt, "__newindex") is not None)
        and (not (what & TAB_L) or dict.get(mt, "__len") is not None)
    ):
        return
    type_error(n, fname, "table", t)


def aux_getn(t, n, fname, what):
    """checktab followed by luaL_len."""
    if t.__class__ is Table:
        return length(t)
    check_tab(t, n, fname, what | TAB_L)
    return luaL_len(t)


def luaL_len(v):
    r = c_len(v)
    if r.__class__ is int:
        return r
    if r.__class__ is float:
        i = float2int(r)
        if i is not None:
            return i
    elif r.__class__ is str:
        x = str2number(r)
        if x is not None:
            i = x if x.__class__ is int else float2int(x)
            if i is not None:
                return i
    rt_error("object length is not an integer")


def c_len(v):
    """lua_len called from a C function."""
    cls = v.__class__
    if cls is str:
        return len(v)
    if cls is Table:
        return length(v)
    h = getmetafield(v, "__len")
    if h is not None:
        # luaV_objlen calls __len with the operand twice.
        return first(h(v, v))
    if isinstance(v, Table):
        return length(v)
    raise LuaError("attempt to get length of a %s value" % type_name(v))


def c_index(o, k):
    """lua_geti/lua_getfield called from a C function."""
    cls = o.__class__
    if isinstance(o, Table):
        return o[readkey(k)]
    if cls is not str and getmetafield(o, "__index") is None:
        raise LuaError("attempt to index a %s value" % type_name(o))
    from moonlet.runtime.ops import index

    return index(o, k)


def c_setindex(o, k, v):
    """lua_seti/lua_setfield called from a C function."""
    if not isinstance(o, Table) and getmetafield(o, "__newindex") is None:
        raise LuaError("attempt to index a %s value" % type_name(o))
    from moonlet.runtime.ops import setindex

    setindex(o, k, v)


def c_lt(a, b):
    """lua_compare(LUA_OPLT) called from a C function."""
    ca = a.__class__
    cb = b.__class__
    if (ca is int or ca is float) and (cb is int or cb is float):
        return a < b
    if ca is str and cb is str:
        return a < b
    h = getmetafield(a, "__lt")
    if h is None:
        h = getmetafield(b, "__lt")
    if h is None:
        ta = type_name(a)
        tb = type_name(b)
        if ta == tb:
            raise LuaError("attempt to compare two %s values" % ta)
        raise LuaError("attempt to compare %s with %s" % (ta, tb))
    r = first(h(a, b))
    return r is not None and r is not False


def fileresult(exc, fname=None):
    """luaL_fileresult for a failed operation: (nil, message, errno)."""
    code = getattr(exc, "errno", None) or 0
    msg = getattr(exc, "strerror", None) or str(exc)
    if fname is not None:
        msg = "%s: %s" % (fname, msg)
    return Multi((None, msg, code))
