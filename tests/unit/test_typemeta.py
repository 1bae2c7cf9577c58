"""runtime.typemeta: the metatables of numbers, booleans, nil, functions and
threads, and the runtime paths that consult them."""

import pytest

from moonlet.runtime import ops, typemeta
from moonlet.runtime.errors import LuaError
from moonlet.runtime.table import Table, getmetafield, getmetatable_raw
from moonlet.stdlib.corolib import Coroutine


@pytest.fixture(autouse=True)
def clean_registry():
    typemeta.reset()
    yield
    typemeta.reset()


def lua_fn(a=None, b=None, *_):
    return a


def test_type_keys():
    assert typemeta.type_key(1) == "number"
    assert typemeta.type_key(1.5) == "number"
    assert typemeta.type_key(True) == "boolean"
    assert typemeta.type_key(None) == "nil"
    assert typemeta.type_key(lua_fn) == "function"
    assert typemeta.type_key(print) == "function"
    assert typemeta.type_key(Coroutine(lua_fn)) == "thread"
    # Values with metatables of their own.
    assert typemeta.type_key("s") is None
    assert typemeta.type_key(Table()) is None


def test_set_and_remove():
    mt = Table()
    assert typemeta.set_type_meta(7, mt)
    assert getmetatable_raw(2.5) is mt
    assert getmetatable_raw(True) is None
    assert not typemeta.set_type_meta(Table(), mt)
    assert typemeta.set_type_meta(0, None)
    assert getmetatable_raw(2.5) is None
    assert typemeta.TYPE_META == {}


def test_tables_and_strings_unaffected():
    typemeta.set_type_meta(lua_fn, Table({"__index": Table()}))
    assert getmetatable_raw(Table()) is None
    assert getmetafield(Table(), "__index") is None


def test_slow_paths_use_type_metatables():
    mt = Table({"__index": Table({"x": 42}), "__add": lambda a, b: "added"})
    typemeta.set_type_meta(None, mt)
    assert ops.index(None, "x") == 42
    assert ops.arith_add(None, 1) == "added"
    assert ops.arith_add(1, None) == "added"
    mt["__tostring"] = lambda v: "NIL"
    assert ops.tostring(None) == "NIL"
    assert ops.tostring(1) == "1"


def test_runtime_messages_ignore_type_names():
    typemeta.set_type_meta(1, Table({"__name": "NUM"}))
    assert ops.objtypename(1) == "number"
    with pytest.raises(LuaError, match="attempt to index a number value"):
        ops.index(1, "x")


def test_index_follows_non_function_handlers():
    # __index = 5: index the number 5 in turn (luaV_finishget).
    typemeta.set_type_meta(1, Table({"__index": Table({"k": "v"})}))
    typemeta.set_type_meta(True, Table({"__index": 5}))
    assert ops.index(True, "k") == "v"
