"""The coroutine library, on greenlets.

Rules:
- A Lua coroutine is a greenlet; resume switches into it and yield
  switches back to the greenlet that resumed it, so yields work from any
  depth: nested calls, pcall, metamethods, for-loop iterators.
- The coroutine's greenlet reports back with tagged tuples: ("yield",
  values), ("done", values) or ("error", LuaError).
- Errors inside a coroutine are translated to Lua errors there, so the
  message carries the coroutine's positions.
"""

import greenlet

from moonlet.runtime.errors import NOARG, LuaError, arg_error, rt_error, type_error
from moonlet.runtime.frames import lua_error_from
from moonlet.runtime.ops import index
from moonlet.runtime.table import getmetafield, luakey
from moonlet.runtime.values import NONE, Multi, values

LUA_VISIBLE = True


class Coroutine:
    lua_type = "thread"
    __slots__ = ("fn", "glet", "status", "prev", "error", "nny", "__weakref__")

    def __init__(self, fn, glet=None, status="suspended"):
        self.fn = fn
        self.glet = glet
        self.status = status
        self.prev = None
        # Library functions running Lua callbacks (a C-call boundary: the
        # callbacks cannot yield), as Lua's nny count.
        self.nny = 0
        # The LuaError that killed the coroutine, until close reports it.
        self.error = None

    def lua_repr(self):
        return "thread: 0x%014x" % id(self)

    def __getitem__(self, key):
        # co[k] in generated code: the __index of the thread type
        # (runtime.typemeta), else the TypeError that runtime.frames turns
        # into Lua's "attempt to index a thread value".
        if getmetafield(self, "__index") is None:
            raise TypeError("'Coroutine' object is not subscriptable")
        return index(self, luakey(key))


_main = Coroutine(None, None, "running")
# [running coroutine, main coroutine] of the running Lua state; a process's
# task has its own (runtime.process.Task.co_cur), made current by the
# scheduler with a single store.
_current = [_main, _main]


def current():
    return _current[0]


def _run(co):
    def body(*args):
        try:
            r = co.fn(*args)
        except greenlet.GreenletExit:
            raise
        except BaseException as e:
            if isinstance(e, Exception):
                return ("error", lua_error_from(e))
            return ("fatal", e)
        return ("done", values(r))

    return body


def co_create(f=NOARG, *_):
    if not callable(f) or f.__class__ is str:
        type_error(1, "create", "function", f)
    co = Coroutine(f)
    return co


# Lua's LUAI_MAXCCALLS: coroutines resumed inside coroutines nest on the C
# stack (here: greenlets started inside greenlets), so deep nesting fails.
MAX_NESTING = 200
_nesting = [0]


def _resume(co, args):
    if co.status == "dead":
        return False, "cannot resume dead coroutine"
    if co.status != "suspended":
        return False, "cannot resume non-suspended coroutine"
    if _nesting[0] >= MAX_NESTING:
        return False, "C stack overflow"
    prev = _current[0]
    if co.glet is None:
        co.glet = greenlet.greenlet(_run(co))
    co.glet.parent = greenlet.getcurrent()
    prev.status = "normal"
    co.status = "running"
    co.prev = prev
    _current[0] = co
    _nesting[0] += 1
    try:
        # A started greenlet receives the values as one tuple (yield's
        # return value); a new one receives them as its arguments.
        tag, val = co.glet.switch(args) if co.glet else co.glet.switch(*args)
    finally:
        _nesting[0] -= 1
        _current[0] = prev
        prev.status = "running"
    if tag == "yield":
        co.status = "suspended"
        return True, val
    co.status = "dead"
    if tag == "done":
        return True, val
    if tag == "fatal":
        raise val
    co.error = val
    return False, val


def co_resume(co=NOARG, *args):
    if not isinstance(co, Coroutine):
        type_error(1, "resume", "thread", co)
    ok, val = _resume(co, args)
    if ok:
        return Multi((True,) + tuple(val))
    if isinstance(val, LuaError):
        return Multi((False, val.value))
    return Multi((False, val))


def c_boundary():
    """Mark the running coroutine as inside a library function that calls
    Lua code (table.sort's comparator, gsub's replacement): yields fail
    until the returned coroutine's `nny` is decremented again."""
    co = _current[0]
    co.nny += 1
    return co


def co_yield(*args):
    co = _current[0]
    if co is _current[1] or co.glet is None:
        # luaG_runerror in the C function yield: no position.
        raise LuaError("attempt to yield from outside a coroutine")
    if co.nny:
        raise LuaError("attempt to yield across a C-call boundary")
    parent = co.glet.parent
    got = parent.switch(("yield", args))
    return Multi(got)


def co_status(co=NOARG, *_):
    if not isinstance(co, Coroutine):
        type_error(1, "status", "thread", co)
    return co.status


def co_running(*_):
    co = _current[0]
    return Multi((co, co is _current[1]))


def co_isyieldable(co=NOARG, *_):
    if co is NOARG:
        co = _current[0]
    elif not isinstance(co, Coroutine):
        type_error(1, "isyieldable", "thread", co)
    return co is not _current[1] and not co.nny


def co_wrap(f=NOARG, *_):
    if not callable(f) or f.__class__ is str:
        type_error(1, "wrap", "function", f)
    co = Coroutine(f)

    def wrapped(*args):
        ok, val = _resume(co, args)
        if ok:
            return Multi(tuple(val)) if len(val) != 1 else val[0]
        co.error = None  # auxwrap closes the failed coroutine at once
        err = val.value if isinstance(val, LuaError) else val
        if err.__class__ is str:
            from moonlet.runtime.frames import where

            err = where(1) + err
        if isinstance(val, LuaError):
            raise LuaError(err, val.lua_traceback)
        raise LuaError(err)

    return wrapped


def co_close(co=NOARG, *_):
    if not isinstance(co, Coroutine):
        type_error(1, "close", "thread", co)
    if co.status in ("suspended", "dead"):
        if co.status == "suspended" and co.glet is not None and not co.glet.dead:
            prev = _current[0]
            co.glet.parent = greenlet.getcurrent()
            _current[0] = co
            # Its __close handlers run in it: it is the running coroutine.
            co.status = "running"
            prev.status = "normal"
            try:
                r = co.glet.throw(greenlet.GreenletExit)
            except Exception as e:
                co.status = "dead"
                return Multi((False, lua_error_from(e).value))
            finally:
                _current[0] = prev
                prev.status = "running"
            if isinstance(r, tuple) and r and r[0] == "error":
                co.status = "dead"
                return Multi((False, r[1].value))
        co.status = "dead"
        err = co.error
        if err is not None:
            # The error that killed it, reported once (lua_closethread
            # resets the coroutine's status).
            co.error = None
            return Multi((False, err.value))
        return True
    rt_error("cannot close a %s coroutine" % co.status)


LIB = {
    "create": co_create,
    "resume": co_resume,
    "yield": co_yield,
    "status": co_status,
    "running": co_running,
    "isyieldable": co_isyieldable,
    "wrap": co_wrap,
    "close": co_close,
}
