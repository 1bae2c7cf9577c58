"""The debug library, read off Python frames and closures (ldblib.c).

Rules:
- Levels, function facts, locals and upvalues come from
  runtime.debuginfo; hooks from runtime.hooks. Argument checks and results
  follow ldblib.c.
- Metatables of numbers, booleans, nil, functions and threads are kept per
  type in runtime.typemeta (consulted on the runtime's slow paths only).
- What Python cannot do is a Lua error that says so, never a silent
  no-op: upvaluejoin outside CPython or between variables kept in
  different ways (see README, Differences).
"""

import sys

from moonlet.runtime import debuginfo as D
from moonlet.runtime import hooks
from moonlet.runtime.errors import NOARG, arg_error, rt_error, type_error
from moonlet.runtime.frames import HANDLER_TRACEBACKS, traceback_text
from moonlet.runtime.ops import STRING_META, tostring
from moonlet.runtime.table import (
    Table,
    getmetatable_raw,
    install_string_meta,
    setmetatable,
)
from moonlet.runtime.typemeta import set_type_meta
from moonlet.runtime.values import NONE, Multi, type_name
from moonlet.stdlib._checks import check_int, check_str, opt_int, opt_str

LUA_VISIBLE = True


def _corolib():
    from moonlet.stdlib import corolib

    return corolib


def _thread_arg(args):
    """ldblib's getthread: (thread or None for the running one, the other
    arguments, offset of their numbers). (Callers keep `args` itself: it
    shows as their "(C temporary)" values.)"""
    co = _corolib()
    if args and isinstance(args[0], co.Coroutine):
        t = args[0]
        return (None if t is co._current[0] else t), args[1:], 1
    return None, args, 0


def _arg(args, i):
    return args[i] if i < len(args) else NOARG


def _levels(thread, frame):
    if thread is None:
        return D.current_levels(frame)
    return D.thread_levels(thread)


def _is_function(v):
    return v is not NOARG and type_name(v) == "function"


# getinfo

_OPTIONS = frozenset("SlutnrLf")


def dbg_getinfo(*args):
    thread, rest, a = _thread_arg(args)
    what = opt_str(_arg(rest, 1), a + 2, "getinfo", "flnSrtu")
    if what[:1] == ">":
        arg_error(a + 2, "getinfo", "invalid option '>'")
    target = _arg(rest, 0)
    level = None
    if _is_function(target):
        fn = target
    else:
        n = check_int(target, a + 1, "getinfo")
        levels = _levels(thread, sys._getframe(0))
        if not 0 <= n < len(levels):
            return None
        level = levels[n]
        fn = None
    if not _OPTIONS.issuperset(what):
        arg_error(a + 2, "getinfo", "invalid option")
    return _info_table(what, fn, level)


def _info_table(what, fn, level):
    if level is not None:
        code = level.code if level.kind != "C" else None
        globs = level.frame.f_globals if level.frame is not None else None
        lc = (code, level.info) if level.kind == "lua" else None
    else:
        lc = D.lua_code(fn)
        code = getattr(fn, "__code__", None)
        globs = getattr(fn, "__globals__", None)
    t = Table()
    if "S" in what:
        if lc is None:
            t["source"] = "=[C]"
            t["short_src"] = "[C]"
            t["linedefined"] = -1
            t["lastlinedefined"] = -1
            t["what"] = "C"
        else:
            c, info = lc
            t["source"] = D.source_of(globs, info)
            t["short_src"] = info.chunk
            t["linedefined"] = D.linedefined(c, info)
            t["lastlinedefined"] = D.lastlinedefined(c, info, globs)
            t["what"] = "main" if c.co_name == "lua_main" else "Lua"
    if "l" in what:
        t["currentline"] = level.currentline() if level is not None else -1
    if "u" in what:
        if lc is None:
            if fn is not None:
                t["nups"] = len(getattr(fn, "__closure__", None) or ())
            else:
                t["nups"] = len(code.co_freevars) if code is not None else 0
            t["nparams"] = 0
            t["isvararg"] = True
        else:
            c = lc[0]
            t["nups"] = len(c.co_freevars) + c.co_kwonlyargcount
            t["nparams"] = c.co_argcount
            t["isvararg"] = D.is_vararg(c)
    if "n" in what:
        nw = level.funcname() if level is not None else None
        if nw is None:
            t["namewhat"] = ""
        else:
            t["namewhat"] = nw[0]
            t["name"] = nw[1]
    if "r" in what:
        first, count, _ = D.transfer(level) if level is not None else (0, 0, ())
        t["ftransfer"] = first
        t["ntransfer"] = count
    if "t" in what:
        t["istailcall"] = level.tail if level is not None else False
    if "L" in what and lc is not None:
        lines = D.active_lines(lc[0], lc[1], globs)
        t["activelines"] = Table({n: True for n in lines})
    if "f" in what:
        f = level.function() if level is not None else fn
        if f is not None:
            t["func"] = f
    return t


# Local variables


def _level_arg(thread, rest, a, i, fname):
    n = check_int(_arg(rest, i), a + i + 1, fname)
    levels = _levels(thread, sys._getframe(1))
    if not 0 <= n < len(levels):
        arg_error(a + i + 1, fname, "level out of range")
    return levels[n]


def dbg_getlocal(*args):
    thread, rest, a = _thread_arg(args)
    n = check_int(_arg(rest, 1), a + 2, "getlocal")
    target = _arg(rest, 0)
    if _is_function(target):
        return D.param_name(target, n)
    level = _level_arg(thread, rest, a, 0, "getlocal")
    got = D.get_local(level, n)
    if got is None:
        return None
    return Multi(got)


def dbg_setlocal(*args):
    thread, rest, a = _thread_arg(args)
    level = _level_arg(thread, rest, a, 0, "setlocal")
    n = check_int(_arg(rest, 1), a + 2, "setlocal")
    value = _arg(rest, 2)
    if value is NOARG:
        arg_error(a + 3, "setlocal", "value expected")
    try:
        return D.set_local(level, n, value)
    except D.Unsupported as e:
        rt_error("setlocal: %s" % e)


# Upvalues


def _upvalue(f, n, fname, fn_arg=1):
    n = check_int(n, fn_arg + 1, fname)
    if not _is_function(f):
        type_error(fn_arg, fname, "function", f)
    ups = D.upvalues(f)
    if 0 < n <= len(ups):
        return ups[n - 1]
    return None


def dbg_getupvalue(f=NOARG, n=NOARG, *_):
    up = _upvalue(f, n, "getupvalue")
    if up is None:
        return NONE
    return Multi((up.name, up.get()))


def dbg_setupvalue(f=NOARG, n=NOARG, v=NOARG, *_):
    if v is NOARG:
        arg_error(3, "setupvalue", "value expected")
    up = _upvalue(f, n, "setupvalue")
    if up is None:
        return NONE
    up.set(v)
    return up.name


def dbg_upvalueid(f=NOARG, n=NOARG, *_):
    up = _upvalue(f, n, "upvalueid")
    return up.ident() if up is not None else None


def dbg_upvaluejoin(f1=NOARG, n1=NOARG, f2=NOARG, n2=NOARG, *_):
    up1 = _upvalue(f1, n1, "upvaluejoin")
    if up1 is None:
        arg_error(2, "upvaluejoin", "invalid upvalue index")
    up2 = _upvalue(f2, n2, "upvaluejoin", 3)
    if up2 is None:
        arg_error(4, "upvaluejoin", "invalid upvalue index")
    if D.lua_code(f1) is None:
        arg_error(1, "upvaluejoin", "Lua function expected")
    if D.lua_code(f2) is None:
        arg_error(3, "upvaluejoin", "Lua function expected")
    if up1.cell is not None and up2.cell is not None:
        cells = f1.__closure__
        i = next(k for k, c in enumerate(cells) if c is up1.cell)
        try:
            D.replace_cell(f1, i, up2.cell)
        except D.Unsupported as e:
            rt_error("upvaluejoin: %s" % e)
        return NONE
    if up1.cell is None and up2.cell is None:
        box1 = f1.__kwdefaults__[up1.key]
        box2 = f2.__kwdefaults__[up2.key]
        if box1.__class__ is list and box2.__class__ is list:
            f1.__kwdefaults__[up1.key] = box2
            return NONE
    rt_error(
        "upvaluejoin: cannot join upvalues that moonlet keeps in different ways "
        "(a variable captured per loop iteration is a copy, not a shared cell)"
    )


# Metatables and user values


def dbg_getmetatable(v=NOARG, *_):
    if v is NOARG:
        arg_error(1, "getmetatable", "value expected")
    return getmetatable_raw(v)


def dbg_setmetatable(v=NOARG, mt=NOARG, *_):
    if not (mt is None or isinstance(mt, Table)):
        type_error(2, "setmetatable", "nil or table", mt)
    if isinstance(v, Table):
        setmetatable(v, mt)
        return v
    if v.__class__ is str:
        if mt is None:
            rt_error("debug.setmetatable: moonlet strings always have a metatable")
        STRING_META[0] = mt
        install_string_meta(mt)
        return v
    if _full_userdata(v):
        try:
            v.lua_meta = mt
            return v
        except AttributeError:
            rt_error(
                "debug.setmetatable: moonlet cannot give this userdata a "
                "metatable of its own (its class holds the metatable)"
            )
    if v is not NOARG and set_type_meta(v, mt):
        # Numbers, booleans, nil, functions, threads: the whole type's.
        return v
    tn = type_name(v) if v is not NOARG else "no value"
    rt_error("debug.setmetatable: moonlet cannot give %s values a metatable" % tn)


def _full_userdata(v):
    return (
        v is not NOARG
        and not isinstance(v, D.LightUserdata)
        and type_name(v) == "userdata"
    )


def dbg_getuservalue(u=NOARG, n=NOARG, *_):
    opt_int(n, 2, "getuservalue", 1)
    # moonlet's userdata have no user values (like Lua's FILE* handles).
    return None


def dbg_setuservalue(u=NOARG, v=NOARG, n=NOARG, *_):
    opt_int(n, 3, "setuservalue", 1)
    if isinstance(u, D.LightUserdata):
        arg_error(1, "setuservalue", "userdata expected, got light userdata")
    if not _full_userdata(u):
        type_error(1, "setuservalue", "userdata", u)
    if v is NOARG:
        arg_error(2, "setuservalue", "value expected")
    return None


def dbg_getregistry(*_):
    return _registry()


def _registry():
    from moonlet.stdlib.baselib import STATE

    reg = STATE.get("registry")
    if reg is None:
        reg = Table()
        reg[1] = _corolib()._current[1]
        reg[2] = STATE.get("globals")
        pkg = STATE.get("package")
        if isinstance(pkg, Table):
            reg["_LOADED"] = dict.get(pkg, "loaded")
            reg["_PRELOAD"] = dict.get(pkg, "preload")
        STATE["registry"] = reg
    return reg


# Hooks


def dbg_sethook(*args):
    thread, rest, a = _thread_arg(args)
    fn = _arg(rest, 0)
    if fn is NOARG or fn is None:
        fn, mask, count = None, "", 0
    else:
        mask = check_str(_arg(rest, 1), a + 2, "sethook")
        if not _is_function(fn):
            type_error(a + 1, "sethook", "function", fn)
        count = opt_int(_arg(rest, 2), a + 3, "sethook", 0)
    # ldblib keeps the hook functions in registry._HOOKKEY, a table with
    # weak keys (the threads) that is its own metatable.
    reg = _registry()
    table = dict.get(reg, "_HOOKKEY")
    if table is None:
        table = Table({"__mode": "k"})
        setmetatable(table, table)
        reg["_HOOKKEY"] = table
    co = thread if thread is not None else _corolib()._current[0]
    if fn is None:
        dict.pop(table, co, None)
    else:
        table[co] = fn
    hooks.set_hook(thread, fn, mask, count)
    return NONE


def dbg_gethook(*args):
    thread, _, _ = _thread_arg(args)
    got = hooks.get_hook(thread)
    if got is None:
        return None
    fn, mask, count = got
    return Multi((fn, mask, count))


# traceback


_C_BOTTOM = "\n\t[C]: in ?"  # the C function under lua.c's main chunk


def dbg_traceback(*args):
    thread, rest, a = _thread_arg(args)
    msg = _arg(rest, 0)
    if msg is not NOARG and msg is not None and msg.__class__ not in (str, int, float):
        return msg
    level = opt_int(_arg(rest, 1), a + 2, "traceback", 1 if thread is None else 0)
    if thread is None and level == 1 and HANDLER_TRACEBACKS and HANDLER_TRACEBACKS[-1]:
        # Inside an xpcall message handler: Lua's stack still holds the
        # frames of the error, which Python has unwound into a traceback.
        text = traceback_text(tb=HANDLER_TRACEBACKS[-1])
    elif thread is None and level == 1:
        text = traceback_text(frame=sys._getframe(1))
    elif thread is not None and D.dead_traceback(thread) is not None:
        # A coroutine killed by an error: the frames the error went through.
        lines = traceback_text(tb=D.dead_traceback(thread)).split("\n")
        text = "\n".join(lines[:1] + lines[1 + max(level, 0) :])
    else:
        levels = _levels(thread, sys._getframe(0))
        frame = levels[level].frame if 0 <= level < len(levels) else None
        if frame is not None:
            text = traceback_text(frame=frame)
        elif 0 <= level < len(levels):
            text = "stack traceback:" + _C_BOTTOM
        else:
            text = "stack traceback:"
    if text.endswith(_C_BOTTOM) and (thread is not None or _in_coroutine()):
        text = text[: -len(_C_BOTTOM)]  # a coroutine's stack has no C bottom
    if msg is NOARG or msg is None:
        return text
    return tostring(msg) + "\n" + text


def _in_coroutine():
    co = _corolib()
    return co._current[0] is not co._current[1]


def dbg_setcstacklimit(limit=NOARG, *_):
    check_int(limit, 1, "setcstacklimit")
    return 200  # deprecated in Lua 5.4: does nothing, returns LUAI_MAXCCALLS


def dbg_debug(*_):
    from moonlet.runtime import loader
    from moonlet.runtime.frames import lua_error_from
    from moonlet.stdlib.baselib import STATE

    while True:
        sys.stderr.write("lua_debug> ")
        sys.stderr.flush()
        line = sys.stdin.readline()
        if not line or line == "cont\n":
            return NONE
        try:
            loader.load_lua(line, "=(debug command)", STATE["globals"])()
        except Exception as e:  # reported like lua_pcall's error
            sys.stderr.write(tostring(lua_error_from(e).value) + "\n")


LIB = {
    "debug": dbg_debug,
    "getuservalue": dbg_getuservalue,
    "gethook": dbg_gethook,
    "getinfo": dbg_getinfo,
    "getlocal": dbg_getlocal,
    "getregistry": dbg_getregistry,
    "getmetatable": dbg_getmetatable,
    "getupvalue": dbg_getupvalue,
    "upvaluejoin": dbg_upvaluejoin,
    "upvalueid": dbg_upvalueid,
    "setuservalue": dbg_setuservalue,
    "sethook": dbg_sethook,
    "setlocal": dbg_setlocal,
    "setmetatable": dbg_setmetatable,
    "setupvalue": dbg_setupvalue,
    "traceback": dbg_traceback,
    "setcstacklimit": dbg_setcstacklimit,
}
