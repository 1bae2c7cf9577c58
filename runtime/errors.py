"""Lua errors as Python exceptions.

Rules:
- LuaError carries any Lua value (`.value`); pcall, xpcall and
  coroutine.resume catch it (and the Python exceptions that fast paths raise,
  after translating them with `lua_error_from`).
- Exceptions that end or kill a process derive from BaseException, so that
  pcall cannot swallow them.
- Messages use Lua's wording; positions ("chunk:line:") come from the Lua
  frames found on the Python stack (see runtime.frames).
"""

import sys


class LuaError(Exception):
    """An error raised by Lua code or by the runtime on its behalf."""

    def __init__(self, value, traceback=None):
        Exception.__init__(self, value)
        self.value = value
        # Lua-style traceback text, captured where the error was first caught.
        self.lua_traceback = traceback

    def __str__(self):
        from .values import type_name, tostr_number

        v = self.value
        if v.__class__ is str:
            return v
        if v.__class__ in (int, float):
            return tostr_number(v)
        if v is None:
            return "nil"
        return "(error object is a %s value)" % type_name(v)


class LuaExit(BaseException):
    """os.exit: unwinds everything and ends the program with a status.
    Without `close` (C's exit()), pending to-be-closed variables are not
    closed on the way out; with it (lua_close), they are."""

    def __init__(self, code, close=True):
        BaseException.__init__(self, code)
        self.code = code
        self.close = close


# Modules whose errors are those of Lua's virtual machine (luaG_runerror):
# they carry a position only when a Lua function performed the operation.
_VM_MODULES = frozenset(
    (
        "moonlet.runtime.ops",
        "moonlet.runtime.table",
        "moonlet.runtime.prelude",
        "moonlet.runtime.values",
    )
)


def rt_error(msg, level=1):
    """Raise a runtime error with Lua's position: for errors of library
    functions (luaL_error), that of the Lua code at `level` (1: the caller of
    the library function); for errors of operations, that of the running
    function if it is a Lua function."""
    from .frames import vm_where, where

    if sys._getframe(1).f_globals.get("__name__") in _VM_MODULES:
        raise LuaError(vm_where() + msg)
    raise LuaError(where(level) + msg)


def arg_error(n, fname, extramsg):
    """luaL_argerror: "bad argument #n to 'f' (extramsg)", where n counts
    the arguments of the running library function (self included) and f is
    the name Lua gives the function: the called name when Lua code called it
    (without self for method calls), else its name in package.loaded, like
    'table.insert'; `fname` is the fallback."""
    from .frames import called_as

    name, method = called_as(fname)
    if method is None:
        # A method (LUA_METHODS) called in a way that cannot be seen
        # (Python without code positions): assume `o:m(...)`, but keep
        # errors about self itself as they are.
        method = n > 1
    if method:
        n -= 1
        if n == 0:
            rt_error("calling '%s' on bad self (%s)" % (name, extramsg))
    rt_error("bad argument #%d to '%s' (%s)" % (n, name, extramsg))


class _NoArg:
    """Default of library parameters, so messages can say "no value"."""

    __slots__ = ()

    def __repr__(self):
        return "NOARG"


NOARG = _NoArg()


def type_error(n, fname, expected, got):
    """luaL_typeerror for library argument checks: the type of the
    argument is its metatable's __name when that is a string."""
    from .table import getmetafield
    from .values import type_name

    if got is NOARG:
        tn = "no value"
    else:
        tn = getmetafield(got, "__name") if got is not None else None
        if tn.__class__ is not str:
            tn = type_name(got)
        if got is None:
            # Functions whose missing arguments arrive as nil (next).
            from .frames import argument_absent

            if argument_absent(n):
                tn = "no value"
    arg_error(n, fname, "%s expected, got %s" % (expected, tn))
