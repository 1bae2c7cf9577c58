"""A Lua state: the globals table with the standard library in it.

Rules:
- Every library module of moonlet.stdlib ends in a name-to-function table
  `LIB`; a state copies those tables into fresh Lua tables, so a program
  that changes `string.format` changes only its own state.
- Library modules that are not installed are left out (never a crash).
- Creating a state tunes Python's cyclic garbage collector for Lua's
  allocation pattern (see tune_gc).
"""

import gc
import importlib
import os

from .ops import STRING_META
from .table import Table, install_string_meta
from .values import MAXINT, MININT

LIBS = [
    ("string", "stringlib"),
    ("table", "tablelib"),
    ("math", "mathlib"),
    ("os", "oslib"),
    ("io", "iolib"),
    ("utf8", "utf8lib"),
    ("coroutine", "corolib"),
    ("debug", "debuglib"),
]

# The defaults of Debian's lua5.4, so that messages of require match it.
LUA_PATH_DEFAULT = (
    "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;"
    "/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;"
    "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;"
    "./?.lua;./?/init.lua"
)
LUA_CPATH_DEFAULT = (
    "/usr/local/lib/lua/5.4/?.so;/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;"
    "/usr/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so"
)


def _env_path(names, default):
    """LUA_PATH-style variables: ";;" stands for the default path."""
    for name in names:
        p = os.environ.get(name)
        if p:
            return p.replace(";;", ";" + default + ";")
    return default


def _lua_path():
    return _env_path(("LUA_PATH_5_4", "LUA_PATH"), LUA_PATH_DEFAULT)


def _lua_cpath():
    return _env_path(("LUA_CPATH_5_4", "LUA_CPATH"), LUA_CPATH_DEFAULT)


# Lua programs allocate many small tables that point at each other; with
# Python's default first-generation threshold (700) the collector rescans
# them so often that a tree-building program runs 5-10x slower. Fewer, larger
# young collections keep the cost linear: on bench/binarytrees 200,000 runs
# as fast as no collector at all (50,000: 14% slower), for at most a few tens
# of megabytes of garbage cycles waiting longer.
GC_THRESHOLDS = (200000, 20, 20)


def tune_gc():
    # PyPy has its own collector and no thresholds to set.
    if hasattr(gc, "get_threshold") and gc.get_threshold()[0] < GC_THRESHOLDS[0]:
        gc.set_threshold(*GC_THRESHOLDS)


def new_state(script_name=None, script_args=(), pre_args=()):
    """A fresh globals table (also registered as the current state)."""
    from moonlet.stdlib import baselib

    tune_gc()
    g = Table()
    for name, fn in baselib.LIB.items():
        g[name] = fn
    g["_G"] = g
    g["_VERSION"] = "Lua 5.4"
    loaded = Table()
    for luaname, modname in LIBS:
        try:
            mod = importlib.import_module("moonlet.stdlib." + modname)
        except ImportError:
            continue
        lib = Table({k: v for k, v in mod.LIB.items() if v is not None})
        g[luaname] = lib
        loaded[luaname] = lib
        if luaname == "string" and hasattr(mod, "make_string_meta"):
            STRING_META[0] = mod.make_string_meta(lib)
            install_string_meta(STRING_META[0])
    package = Table(
        {
            "loaded": loaded,
            "preload": Table(),
            "path": _lua_path(),
            "cpath": _lua_cpath(),
            "config": "/\n;\n?\n!\n-\n",
        }
    )
    for name, fn in baselib.PACKAGE_LIB.items():
        package[name] = fn
    package["searchers"] = Table(enumerate(baselib.SEARCHERS, 1))
    loaded["_G"] = g
    loaded["package"] = package
    g["package"] = package
    if script_name is not None:
        arg = Table()
        arg[0] = script_name
        for i, a in enumerate(pre_args):
            arg[-len(pre_args) + i] = a
        for i, a in enumerate(script_args, 1):
            arg[i] = a
        g["arg"] = arg
    baselib.STATE["globals"] = g
    baselib.STATE["package"] = package
    return g
