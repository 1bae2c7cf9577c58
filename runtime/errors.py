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
    """os.exit: unwinds everything and ends the program with a status."""

    def __init__(self, code):
        BaseException.__init__(self, code)
        self.code = code


def rt_error(msg, level=1):
    """Raise a runtime error with the position of the running Lua code."""
    from .frames import where

    raise LuaError(where(level) + msg)


def arg_error(n, fname, extramsg):
    """luaL_argerror: "bad argument #n to 'f' (extramsg)"."""
    rt_error("bad argument #%d to '%s' (%s)" % (n, fname, extramsg))


class _NoArg:
    """Default of library parameters, so messages can say "no value"."""

    __slots__ = ()

    def __repr__(self):
        return "NOARG"


NOARG = _NoArg()


def type_error(n, fname, expected, got):
    """luaL_typeerror for library argument checks."""
    from .values import type_name

    tn = "no value" if got is NOARG else type_name(got)
    arg_error(n, fname, "%s expected, got %s" % (expected, tn))
