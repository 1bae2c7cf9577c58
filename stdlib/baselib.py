"""The basic library: print, type, pairs, pcall, load, require, ...

Rules:
- Functions follow the library conventions of README (NOARG defaults,
  Multi for several results, Lua's argument errors).
- `load`, `dofile` and `require` compile source text through
  runtime.loader; the environment of every chunk is the state's globals
  unless `load` is given another one.
"""

import errno
import gc
import os
import sys

from moonlet.runtime import loader
from moonlet.runtime.errors import NOARG, LuaError, arg_error, rt_error, type_error
from moonlet.runtime.frames import HANDLER_TRACEBACKS, lua_error_from, where
from moonlet.runtime.ops import eq, index, tostring
from moonlet.runtime.libstate import LibState
from moonlet.runtime.prelude import ipairs_iter
from moonlet.runtime.table import (
    MTable,
    MetaTable,
    Table,
    getmetafield,
    getmetatable_raw,
    length,
    lua_next,
    rawget,
    rawset,
    setmetatable,
)
from moonlet.runtime.values import NONE, Multi, first, str2number, tointeger, type_name

from ._checks import check_str, opt_str

LUA_VISIBLE = True


def _out():
    try:
        from moonlet.stdlib.iolib import stdout_write
    except ImportError:  # pragma: no cover - iolib is part of the library
        return lambda s: sys.stdout.buffer.write(s.encode("latin-1"))
    return stdout_write


def lua_print(*args):
    _out()("\t".join([tostring(a) for a in args]) + "\n")
    return NONE


def lua_type(v=NOARG, *_):
    if v is NOARG:
        arg_error(1, "type", "value expected")
    return type_name(v)


def lua_tostring(v=NOARG, *_):
    if v is NOARG:
        arg_error(1, "tostring", "value expected")
    return tostring(v)


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def lua_tonumber(v=NOARG, base=NOARG, *_):
    if base is NOARG or base is None:
        if v is NOARG:
            arg_error(1, "tonumber", "value expected")
        if v.__class__ is int or v.__class__ is float:
            return v
        if v.__class__ is str:
            return str2number(v)
        return None
    b = tointeger(base) if base.__class__ in (int, float, str) else None
    if b is None:
        type_error(2, "tonumber", "number", base)
    if v.__class__ is not str:
        type_error(1, "tonumber", "string", v)
    if not 2 <= b <= 36:
        arg_error(2, "tonumber", "base out of range")
    s = v.strip(" \f\n\r\t\v").lower()
    neg = s[:1] == "-"
    if s[:1] in ("-", "+"):
        s = s[1:]
    if not s:
        return None
    n = 0
    for ch in s:
        d = _DIGITS.find(ch)
        if d < 0 or d >= b:
            return None
        n = n * b + d
    from moonlet.runtime.values import wrap_int

    n = wrap_int(n)
    return wrap_int(-n) if neg else n


def lua_ipairs(t=NOARG, *_):
    if t is NOARG:
        arg_error(1, "ipairs", "value expected")
    return Multi((ipairs_iter, t, 0))


def lua_pairs(t=NOARG, *_):
    if t is NOARG:
        arg_error(1, "pairs", "value expected")
    h = getmetafield(t, "__pairs")
    if h is not None:
        r = h(t)
        if r.__class__ is Multi:
            r = (r + (None, None, None))[:3]
            return Multi(r)
        return Multi((r, None, None))
    # Any value: next complains when the loop calls it.
    return Multi((lua_next, t, None))


def lua_select(n=NOARG, *args):
    if n == "#":
        return len(args)
    i = tointeger(n) if n.__class__ in (int, float, str) else None
    if i is None:
        type_error(1, "select", "number", n)
    if i < 0:
        i = len(args) + i
        if i < 0:
            arg_error(1, "select", "index out of range")
        return Multi(args[i:])
    if i == 0:
        arg_error(1, "select", "index out of range")
    return Multi(args[i - 1 :])


def _check_table(t, n, fname):
    if not isinstance(t, Table):
        type_error(n, fname, "table", t)


def lua_rawget(t=NOARG, k=NOARG, *_):
    _check_table(t, 1, "rawget")
    if k is NOARG:
        arg_error(2, "rawget", "value expected")
    return rawget(t, k)


def lua_rawset(t=NOARG, k=NOARG, v=NOARG, *_):
    _check_table(t, 1, "rawset")
    if k is NOARG:
        arg_error(2, "rawset", "value expected")
    if v is NOARG:
        arg_error(3, "rawset", "value expected")
    rawset(t, k, v)
    return t


def lua_rawequal(a=NOARG, b=NOARG, *_):
    if a is NOARG:
        arg_error(1, "rawequal", "value expected")
    if b is NOARG:
        arg_error(2, "rawequal", "value expected")
    if isinstance(a, Table) or isinstance(b, Table):
        return a is b
    return eq(a, b)


def lua_rawlen(v=NOARG, *_):
    if isinstance(v, Table):
        return length(v)
    if v.__class__ is str:
        return len(v)
    type_error(1, "rawlen", "table or string", v)


def lua_setmetatable(t=NOARG, mt=NOARG, *_):
    if t.__class__ is Table and mt.__class__ is MetaTable:
        # The common `setmetatable({}, Class)`: Class is already a metatable.
        h = dict.get(mt, "__index")
        if h is not t and not isinstance(h, MTable):
            t.__class__ = mt.icls
            t.meta = mt
            return t
    _check_table(t, 1, "setmetatable")
    if mt is NOARG or not (mt is None or isinstance(mt, Table)):
        type_error(2, "setmetatable", "nil or table", mt)
    if isinstance(t, MTable) and dict.get(t.meta, "__metatable") is not None:
        rt_error("cannot change a protected metatable")
    return setmetatable(t, mt)


def lua_getmetatable(v=NOARG, *_):
    if v is NOARG:
        arg_error(1, "getmetatable", "value expected")
    mt = getmetatable_raw(v)
    if mt is None:
        return None
    protected = dict.get(mt, "__metatable")
    if protected is not None:
        return protected
    return mt


def lua_assert(*args):
    if not args:
        arg_error(1, "assert", "value expected")
    v = args[0]
    if v is None or v is False:
        if len(args) < 2:
            rt_error("assertion failed!")
        msg = args[1]
        if msg.__class__ is str:
            rt_error(msg)
        raise LuaError(msg)
    return Multi(args) if len(args) != 1 else v


def lua_error(msg=None, level=1, *_):
    if msg is NOARG:
        msg = None
    lv = tointeger(level) if level.__class__ in (int, float, str) else None
    if lv is None:
        type_error(2, "error", "number", level)
    if msg.__class__ is str and lv > 0:
        msg = where(lv) + msg
    raise LuaError(msg)


def lua_pcall(f=NOARG, *args):
    if f is NOARG:
        arg_error(1, "pcall", "value expected")
    try:
        r = f(*args)
    except LuaError as e:
        return Multi((False, e.value))
    except Exception as e:
        if e.__class__ is TypeError and not callable(f):
            # Not a function: its type's __call (runtime.typemeta).
            h = getmetafield(f, "__call")
            if h is not None:
                return lua_pcall(h, f, *args)
        return Multi((False, lua_error_from(e).value))
    if r.__class__ is Multi:
        return Multi((True,) + r)
    return Multi((True, r))


def lua_xpcall(f=NOARG, handler=NOARG, *args):
    if handler is NOARG or type_name(handler) != "function":
        type_error(2, "xpcall", "function", handler)
    try:
        r = f(*args)
    except Exception as e:
        value = lua_error_from(e).value
        # Lua calls the handler again on its own errors, until its C stack
        # runs out. debug.traceback in the handler sees the error's frames.
        HANDLER_TRACEBACKS.append(e.__traceback__)
        try:
            for _ in range(10):
                try:
                    return Multi((False, first(handler(value))))
                except Exception as e2:
                    value = lua_error_from(e2).value
                    HANDLER_TRACEBACKS[-1] = e2.__traceback__
        finally:
            HANDLER_TRACEBACKS.pop()
        return Multi((False, "error in error handling"))
    if r.__class__ is Multi:
        return Multi((True,) + r)
    return Multi((True, r))


def _globals_of(fn):
    return STATE.get("globals")


STATE = LibState()


def lua_load(chunk=NOARG, chunkname=NOARG, mode=NOARG, env=NOARG, *_):
    if chunk.__class__ in (int, float):
        chunk = tostring(chunk)
    if chunk.__class__ is str:
        source = chunk
        name = chunk if chunkname in (NOARG, None) else chunkname
    elif callable(chunk):
        # generic_reader: errors of the reader (and its own) make load
        # return nil and the message.
        pieces = []
        while True:
            try:
                piece = first(chunk())
            except Exception as e:
                return Multi((None, lua_error_from(e).value))
            if piece is None or piece == "":
                break
            cls = piece.__class__
            if cls is int or cls is float:
                piece = tostring(piece)
            elif cls is not str:
                # luaL_error: the position of load's caller.
                return Multi((None, where(1) + "reader function must return a string"))
            pieces.append(piece)
        source = "".join(pieces)
        name = "=(load)" if chunkname in (NOARG, None) else chunkname
    else:
        type_error(1, "load", "function", chunk)
    if name.__class__ is not str:
        name = tostring(name)
    m = "bt" if mode in (NOARG, None) else mode
    if source.startswith("\x1b"):
        if "b" not in m:
            return Multi((None, "attempt to load a binary chunk (mode is '%s')" % m))
        g = STATE["globals"] if env is NOARG else env
        return _load_dump(source, name, g)
    if "t" not in m:
        return Multi((None, "attempt to load a text chunk (mode is '%s')" % m))
    g = STATE["globals"] if env is NOARG else env
    return _load(source, name, g)


def _load_dump(data, name, env):
    """load of a string.dump result: compile the function's source again.
    Its upvalues start as nil (globals still go through env), as in Lua."""
    from moonlet.stdlib.stringlib import undump

    fields = undump(data)
    if fields.__class__ is str:
        # lundump's message names the chunk without its '@' or '='.
        if name[:1] in ("@", "="):
            where_ = name[1:]
        elif name[:1] == "\x1b":
            where_ = "binary string"
        else:
            where_ = name
        return Multi((None, "%s: bad binary format (%s)" % (where_, fields)))
    kind, chunkname, line, ups, text = fields
    kind, _, flags = kind.partition(",")
    stripped = flags == "stripped"
    if kind == "chunk":
        return _load(text, chunkname, env, stripped)
    # The function's text at its own line, after locals for its upvalues.
    decl = "local %s; " % ", ".join(ups.split(",")) if ups else ""
    wrapper = "\n" * (max(int(line), 1) - 1) + decl + "return " + text
    r = _load(wrapper, chunkname, env, stripped)
    if r.__class__ is Multi:
        return r  # nil and a message
    return r()


def _load(source, name, env, stripped=False):
    from moonlet.compiler.errors import LuaSyntaxError

    try:
        return loader.load_lua(source, name, env, from_file=False, stripped=stripped)
    except LuaSyntaxError as e:
        return Multi((None, e.message))


def read_source(path):
    with open(path, "rb") as f:
        data = f.read()
    return data.decode("latin-1")


def source_error(filename, e):
    """luaL_loadfilex's message for a file that cannot be read."""
    # C's fopen succeeds on a directory and the read fails; Python's open fails.
    what = "read" if e.errno == errno.EISDIR else "open"
    return "cannot %s %s: %s" % (what, filename, e.strerror or e)


def lua_dofile(filename=None, *_):
    from moonlet.compiler.errors import LuaSyntaxError

    if filename is None or filename is NOARG:
        source = sys.stdin.buffer.read().decode("latin-1")
        name = "=stdin"
    else:
        try:
            source = read_source(filename)
        except OSError as e:
            rt_error(source_error(filename, e))
        name = "@" + filename
    binary = _binary_chunk(source)
    if binary is not None:
        fn = _load_dump(binary, name, STATE["globals"])
        if fn.__class__ is Multi:
            raise LuaError(fn[1])
        return fn()
    try:
        fn = loader.load_lua(source, name, STATE["globals"])
    except LuaSyntaxError as e:
        raise LuaError(e.message)
    return fn()


def _binary_chunk(source):
    """luaL_loadfilex: a file is a binary chunk when, after a BOM and a first
    line starting with '#', it starts with the signature's ESC; that chunk."""
    s = source[3:] if source.startswith("\xef\xbb\xbf") else source
    if s.startswith("#"):
        end = s.find("\n")
        s = "" if end < 0 else s[end + 1 :]
    return s if s.startswith("\x1b") else None


def lua_loadfile(filename=None, mode=NOARG, env=NOARG, *_):
    from moonlet.compiler.errors import LuaSyntaxError

    if filename is None or filename is NOARG:
        source = sys.stdin.buffer.read().decode("latin-1")
        name = "=stdin"
    else:
        try:
            source = read_source(filename)
        except OSError as e:
            return Multi((None, source_error(filename, e)))
        name = "@" + filename
    m = "bt" if mode in (NOARG, None) else mode
    g = STATE["globals"] if env is NOARG else env
    binary = _binary_chunk(source)
    if binary is not None:
        if "b" not in m:
            return Multi((None, "attempt to load a binary chunk (mode is '%s')" % m))
        return _load_dump(binary, name, g)
    if "t" not in m:
        return Multi((None, "attempt to load a text chunk (mode is '%s')" % m))
    try:
        return loader.load_lua(source, name, g)
    except LuaSyntaxError as e:
        return Multi((None, e.message))


_GC_MODE = ["generational"]


def lua_collectgarbage(opt="collect", arg=None, *_):
    if opt is NOARG or opt is None:
        opt = "collect"
    if opt == "collect":
        # A full collection that also clears weak tables, after letting go
        # of what finished statements of the running Lua code still hold.
        from moonlet.runtime.temps import drop_dead
        from moonlet.runtime.weak import full

        drop_dead(sys._getframe(1))
        full()
        return 0
    if opt == "count":
        n = sys.getallocatedblocks() if hasattr(sys, "getallocatedblocks") else 0
        kb = n * 64 / 1024.0
        return kb
    if opt == "step":
        from moonlet.runtime.weak import full

        full()
        return True
    if opt == "isrunning":
        return gc.isenabled()
    if opt == "stop":
        gc.disable()
        return 0
    if opt == "restart":
        gc.enable()
        return 0
    if opt in ("incremental", "generational"):
        # Only reported: Python's collector has one mode. lua.c starts Lua
        # in generational mode.
        previous = _GC_MODE[0]
        _GC_MODE[0] = opt
        return previous
    if opt == "setpause":
        return 200
    if opt == "setstepmul":
        return 100
    arg_error(1, "collectgarbage", "invalid option '%s'" % tostring(opt))


# package / require


def _searchpath(name, path, sep=".", rep=os.sep):
    fname = name.replace(sep, rep) if sep else name
    tried = []
    # As loadlib.c's getnextfilename: empty templates count (";;", a
    # trailing ";"), an empty path has none.
    for template in path.split(";") if path else ():
        p = template.replace("?", fname)
        if os.path.isfile(p):
            return p, None
        tried.append("\n\tno file '%s'" % p)
    return None, "".join(tried)


def pkg_searchpath(name=NOARG, path=NOARG, sep=NOARG, rep=NOARG, *_):
    name = check_str(name, 1, "searchpath")
    path = check_str(path, 2, "searchpath")
    sep = opt_str(sep, 3, "searchpath", ".")
    rep = opt_str(rep, 4, "searchpath", os.sep)
    found, tried = _searchpath(name, path, sep, rep)
    if found is not None:
        return found
    return Multi((None, tried[2:]))


def pkg_loadlib(path=NOARG, init=NOARG, *_):
    check_str(path, 1, "loadlib")
    check_str(init, 2, "loadlib")
    # moonlet runs no C code: like a Lua built without dynamic libraries.
    return Multi(
        (None, "dynamic libraries not enabled; check your Lua installation", "absent")
    )


# The package table's functions (runtime.state adds them to `package`).
PACKAGE_LIB = {"loadlib": pkg_loadlib, "searchpath": pkg_searchpath}


_WARN = {"on": False, "parts": []}


def lua_warn(*args):
    if not args:
        type_error(1, "warn", "string", NOARG)
    for i, a in enumerate(args, 1):
        check_str(a, i, "warn")
    msg = "".join(tostring(a) for a in args)
    if len(args) == 1 and msg[:1] == "@":
        # Control messages, as lua.c's warnf handles them.
        if msg == "@on":
            _WARN["on"] = True
        elif msg == "@off":
            _WARN["on"] = False
        return NONE
    if _WARN["on"]:
        sys.stderr.buffer.write(
            ("Lua warning: %s\n" % msg).encode("latin-1", "replace")
        )
        sys.stderr.flush()
    return NONE


def _package_field(field, kind):
    v = dict.get(STATE["package"], field)
    ok = isinstance(v, Table) if kind == "table" else v.__class__ is str
    if not ok:
        rt_error("'package.%s' must be a %s" % (field, kind))
    return v


def searcher_preload(name=NOARG, *_):
    name = check_str(name, 1, "searcher_preload")
    f = _package_field("preload", "table")[name]
    if f is None:
        return "no field package.preload['%s']" % name
    return Multi((f, ":preload:"))


def searcher_lua(name=NOARG, *_):
    name = check_str(name, 1, "searcher_Lua")
    # Modules of a compiled package (runtime.package) come first.
    for searcher in STATE.get("searchers", ()):
        found = searcher(name)
        if found is not None:
            return Multi(found)
    fpath, tried = _searchpath(name, _package_field("path", "string"))
    if fpath is None:
        return tried[2:]
    from moonlet.compiler.errors import LuaSyntaxError

    try:
        source = read_source(fpath)
        f = loader.load_lua(source, "@" + fpath, STATE["globals"])
    except (LuaSyntaxError, OSError) as e:
        msg = e.message if isinstance(e, LuaSyntaxError) else source_error(fpath, e)
        rt_error("error loading module '%s' from file '%s':\n\t%s" % (name, fpath, msg))
    return Multi((f, fpath))


def searcher_c(name=NOARG, *_):
    # moonlet runs no C code: the C searchers only say where they looked.
    name = check_str(name, 1, "searcher_C")
    return _searchpath(name, _package_field("cpath", "string"))[1][2:]


def searcher_croot(name=NOARG, *_):
    name = check_str(name, 1, "searcher_Croot")
    if "." not in name:
        return None
    root = name.split(".", 1)[0]
    return _searchpath(root, _package_field("cpath", "string"))[1][2:]


# package.searchers is made from these when a state is created.
SEARCHERS = (searcher_preload, searcher_lua, searcher_c, searcher_croot)


def lua_require(name=NOARG, *_):
    if name.__class__ in (int, float):
        name = tostring(name)
    if name.__class__ is not str:
        type_error(1, "require", "string", name)
    package = STATE["package"]
    loaded = package["loaded"]
    v = loaded[name]
    if v is not None:
        return v
    # findloader: ask each of package.searchers in turn.
    searchers = _package_field("searchers", "table")
    msgs = []
    i = 1
    while True:
        searcher = searchers[i]
        if searcher is None:
            rt_error("module '%s' not found:%s" % (name, "".join(msgs)))
        r = searcher(name)
        if r.__class__ is Multi:
            f, extra = (r + (None, None))[:2]
        else:
            f, extra = r, None
        if type_name(f) == "function":
            break
        if f.__class__ is str:
            msgs.append("\n\t" + f)
        i += 1
    r = first(f(name, extra))
    if r is not None:
        loaded[name] = r
    if loaded[name] is None:
        loaded[name] = True
    return Multi((loaded[name], extra))


LIB = {
    "assert": lua_assert,
    "collectgarbage": lua_collectgarbage,
    "dofile": lua_dofile,
    "error": lua_error,
    "getmetatable": lua_getmetatable,
    "ipairs": lua_ipairs,
    "load": lua_load,
    "loadfile": lua_loadfile,
    "next": lua_next,  # the raw function: generic for loops recognise it
    "pairs": lua_pairs,
    "pcall": lua_pcall,
    "print": lua_print,
    "rawequal": lua_rawequal,
    "rawget": lua_rawget,
    "rawlen": lua_rawlen,
    "rawset": lua_rawset,
    "require": lua_require,
    "select": lua_select,
    "setmetatable": lua_setmetatable,
    "tonumber": lua_tonumber,
    "tostring": lua_tostring,
    "type": lua_type,
    "warn": lua_warn,
    "xpcall": lua_xpcall,
}
