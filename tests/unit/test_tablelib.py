"""The table library against lua5.4's answers (expected values were obtained
by running the same expressions with `lua5.4 -e`)."""

import importlib.util

import pytest

from moonlet.runtime.errors import NOARG, LuaError
from moonlet.runtime.ops import tostring
from moonlet.runtime.table import Table, setmetatable
from moonlet.runtime.values import MAXINT, Multi, first
from moonlet.stdlib import tablelib
from luacall import error_of, lua_print  # noqa: F401
from moonlet.stdlib.tablelib import (
    tbl_concat,
    tbl_insert,
    tbl_move,
    tbl_pack,
    tbl_remove,
    tbl_sort,
    tbl_unpack,
)


def T(*items, **fields):
    """A table constructor: T(1, 2, x=3) is {1, 2, x = 3}."""
    t = Table({i: v for i, v in enumerate(items, 1) if v is not None})
    t.update(fields)
    return t


def seq(t, n=None):
    n = len(t) if n is None else n
    return [t[i] for i in range(1, n + 1)]


def test_lib_table():
    assert sorted(tablelib.LIB) == [
        "concat",
        "insert",
        "move",
        "pack",
        "remove",
        "sort",
        "unpack",
    ]
    assert tablelib.LUA_VISIBLE is True


# insert


def test_insert_append_and_positions():
    t = T()
    tbl_insert(t, 1, "a")
    tbl_insert(t, 1, "b")
    tbl_insert(t, 3, "c")
    # table.concat(t, ",") after the same inserts
    assert tbl_concat(t, ",") == "b,a,c"
    t = T(1, 2, 3)
    assert tbl_insert(t, "x") == ()
    assert seq(t) == [1, 2, 3, "x"]
    tbl_insert(t, 2.0, "y")
    assert seq(t) == [1, "y", 2, 3, "x"]


def test_insert_nil_at_end_is_noop():
    t = T(1, 2)
    tbl_insert(t, None)
    assert dict(t) == {1: 1, 2: 2}
    tbl_insert(t, 1, None)
    assert dict(t) == {2: 1, 3: 2}


def test_insert_errors():
    assert error_of(tbl_insert, T(), 5, 2) == (
        "bad argument #2 to 'insert' (position out of bounds)"
    )
    assert error_of(tbl_insert, T(), 0, 2) == (
        "bad argument #2 to 'insert' (position out of bounds)"
    )
    assert error_of(tbl_insert, None, 2) == (
        "bad argument #1 to 'insert' (table expected, got nil)"
    )
    assert error_of(tbl_insert) == (
        "bad argument #1 to 'insert' (table expected, got no value)"
    )
    assert error_of(tbl_insert, T()) == "wrong number of arguments to 'insert'"
    assert error_of(tbl_insert, T(), 1, 2, 3) == (
        "wrong number of arguments to 'insert'"
    )
    assert error_of(tbl_insert, T(), 1.5, 1) == (
        "bad argument #2 to 'insert' (number has no integer representation)"
    )
    assert error_of(tbl_insert, T(), "2", 1) == (
        "bad argument #2 to 'insert' (position out of bounds)"
    )
    assert error_of(tbl_insert, T(), "x", 1) == (
        "bad argument #2 to 'insert' (number expected, got string)"
    )


def test_insert_len_wraps_around():
    # table.insert(setmetatable({}, {__len = function() return
    # math.maxinteger end}), 1) succeeds: #t + 1 wraps to mininteger.
    t = setmetatable(Table(), T(__len=lambda t, *_: MAXINT))
    tbl_insert(t, 1)
    assert dict(t) == {-MAXINT - 1: 1}


def test_len_must_be_integer():
    t = setmetatable(Table(), T(__len=lambda t, *_: 2.5))
    assert error_of(tbl_insert, t, 1) == "object length is not an integer"
    t = setmetatable(Table(), T(__len=lambda t, *_: "3"))
    assert error_of(tbl_concat, t) == (
        "invalid value (nil) at index 1 in table for 'concat'"
    )


def make_proxy(store, log):
    def index(t, k):
        log.append("get%s" % k)
        return store.get(k)

    def newindex(t, k, v):
        log.append("set%s=%s" % (k, tostring(v)))
        if v is None:
            store.pop(k, None)
        else:
            store[k] = v

    def length(t, *_):  # Lua passes the table twice
        return len(store)

    return setmetatable(Table(), T(__index=index, __newindex=newindex, __len=length))


def test_metamethods_order_of_accesses():
    log = []
    store = {1: 10, 2: 20, 3: 30}
    proxy = make_proxy(store, log)
    tbl_insert(proxy, 2, 15)
    assert " ".join(log) == "get3 set4=30 get2 set3=20 set2=15"
    del log[:]
    assert tbl_remove(proxy, 1) == 10
    assert " ".join(log) == ("get1 get2 set1=15 get3 set2=20 get4 set3=30 set4=nil")
    del log[:]
    tbl_insert(proxy, 99)
    assert " ".join(log) == "set4=99"
    del log[:]
    assert tbl_concat(proxy, ",") == "15,20,30,99"
    assert " ".join(log) == "get1 get2 get3 get4"
    del log[:]
    tbl_sort(proxy, lambda a, b: a > b)
    assert " ".join(log) == (
        "get1 get4 set1=99 set4=15 get2 get1 get4 get2 get3 set2=30 set3=20 "
        "get2 get3 get2 set3=20 set3=20 get1 get2"
    )
    del log[:]
    assert lua_print(tbl_unpack(proxy)) == "99\t30\t20\t15"
    del log[:]
    tbl_move(proxy, 1, 3, 2)
    assert " ".join(log) == "get3 set4=20 get2 set3=30 get1 set2=99"
    assert [store[i] for i in range(1, 5)] == [99, 99, 30, 20]


def test_move_into_table_with_newindex():
    log = []

    def newindex(t, k, v):
        log.append("dst%d" % k)
        dict.__setitem__(t, k, v)

    dst = setmetatable(Table(), T(__newindex=newindex))
    assert tbl_move(T(1, 2, 3), 1, 3, 1, dst) is dst
    assert log == ["dst1", "dst2", "dst3"]


# remove


def test_remove():
    r = T(1, 2, 3)
    assert tbl_remove(r, 1) == 1
    assert seq(r, 3) == [2, 3, None]
    r = T(1, 2, 3)
    assert tbl_remove(r, 4) is None
    assert len(r) == 3
    assert tbl_remove(r) == 3
    assert dict(r) == {1: 1, 2: 2}
    assert tbl_remove(T()) is None
    # table.remove({[0] = "z"}) returns "z"
    z = Table({0: "z"})
    assert tbl_remove(z) == "z"
    assert dict(z) == {}
    assert tbl_remove(T(), 0) is None


def test_remove_errors():
    assert error_of(tbl_remove, T(1, 2, 3), 5) == (
        "bad argument #1 to 'remove' (position out of bounds)"
    )
    assert error_of(tbl_remove, T(1, 2, 3), 0) == (
        "bad argument #1 to 'remove' (position out of bounds)"
    )
    assert error_of(tbl_remove, "abc") == (
        "bad argument #1 to 'remove' (table expected, got string)"
    )


# concat


def test_concat():
    assert tbl_concat(T(1.0, 2, "x"), "-") == "1.0-2-x"
    assert tbl_concat(T(1, 2, 3), ", ", 2, 3) == "2, 3"
    assert tbl_concat(T(), "x", 5, 4) == ""
    assert tbl_concat(T("a", "b"), 1) == "a1b"
    assert tbl_concat(T("a", "b", "c")) == "abc"


def test_concat_errors():
    assert error_of(tbl_concat, T(T())) == (
        "invalid value (table) at index 1 in table for 'concat'"
    )
    assert error_of(tbl_concat, T(1, 2, T()), ",") == (
        "invalid value (table) at index 3 in table for 'concat'"
    )
    assert error_of(tbl_concat, T(), "", 1, 1) == (
        "invalid value (nil) at index 1 in table for 'concat'"
    )
    assert error_of(tbl_concat, T(), 1, 2, 3) == (
        "invalid value (nil) at index 2 in table for 'concat'"
    )
    assert error_of(tbl_concat, T(1, 2), T()) == (
        "bad argument #2 to 'concat' (string expected, got table)"
    )
    assert error_of(tbl_concat, "abc") == (
        "bad argument #1 to 'concat' (table expected, got string)"
    )


# pack and unpack


def test_pack():
    assert dict(tbl_pack()) == {"n": 0}
    assert dict(tbl_pack(None, None)) == {"n": 2}
    assert dict(tbl_pack(1, None, 3)) == {1: 1, 3: 3, "n": 3}


def test_unpack():
    assert lua_print(tbl_unpack(T(1, 2, 3), -1, 1)) == "nil\tnil\t1"
    assert tbl_unpack(T(1, 2, 3), 2) == Multi((2, 3))
    assert tbl_unpack(T(1, 2, 3), 2, 2) == 2
    assert tbl_unpack(T(), 3, 2) == ()
    assert tbl_unpack(T(1, 2, 3)) == Multi((1, 2, 3))


def test_unpack_errors():
    # Errors raised "inside" the C function carry no position.
    assert error_of(tbl_unpack) == "attempt to get length of a nil value"
    assert error_of(tbl_unpack, None, 1, 2) == "attempt to index a nil value"
    assert error_of(tbl_unpack, T(), 1.5) == (
        "bad argument #2 to 'unpack' (number has no integer representation)"
    )
    assert error_of(tbl_unpack, T(), 1, 1e8) == "too many results to unpack"
    assert error_of(tbl_unpack, T(), 1, 1e6) == "too many results to unpack"


# move


def test_move():
    assert dict(tbl_move(T(1, 2, 3), 1, 3, 2)) == {1: 1, 2: 1, 3: 2, 4: 3}
    assert dict(tbl_move(T(1, 2, 3), 2, 3, 1)) == {1: 2, 2: 3, 3: 3}
    dst = T(9, 9, 9, 9)
    assert tbl_move(T(1, 2, 3), 1, 3, 1, dst) is dst
    assert dict(dst) == {1: 1, 2: 2, 3: 3, 4: 9}
    # Holes are copied as nils.
    dst = T(9, 9, 9, 9)
    tbl_move(T(1, None, 3), 1, 3, 2, dst)
    assert dict(dst) == {1: 9, 2: 1, 4: 3}
    # A sparse range copies what exists and clears the rest.
    dst = T(7, 7, 7)
    src = Table({1: "a", 1000: "b"})
    tbl_move(src, 1, 1000, 1, dst)
    assert dict(dst) == {1: "a", 1000: "b"}
    src = T(1)
    assert tbl_move(src, 2, 1, 5) is src
    assert dict(src) == {1: 1}


def test_move_errors():
    assert error_of(tbl_move, T(1), 1, 2) == (
        "bad argument #4 to 'move' (number expected, got no value)"
    )
    assert error_of(tbl_move, T(1), 1, MAXINT, 2) == (
        "bad argument #4 to 'move' (destination wrap around)"
    )
    assert error_of(tbl_move, T(1), -1, MAXINT, 2) == (
        "bad argument #3 to 'move' (too many elements to move)"
    )
    assert error_of(tbl_move, 1, 1, 1, 2) == (
        "bad argument #1 to 'move' (table expected, got number)"
    )
    assert error_of(tbl_move, T(), 1, 1, 2, 3) == (
        "bad argument #5 to 'move' (table expected, got number)"
    )
    assert error_of(tbl_move, T(), 1, 2, 3, "x") == (
        "bad argument #5 to 'move' (table expected, got string)"
    )


# sort


def test_sort_comparator_call_order():
    # local t = {5, 3, 8, 1, 9, 2, 7}; table.sort(t, function(a, b) ... end)
    calls = []

    def cmp(a, b):
        calls.append("(%d, %d)" % (a, b))
        return a < b

    t = T(5, 3, 8, 1, 9, 2, 7)
    assert tbl_sort(t, cmp) == ()
    assert seq(t) == [1, 2, 3, 5, 7, 8, 9]
    assert ", ".join(calls) == (
        "(7, 5), (1, 5), (3, 5), (8, 5), (5, 9), (5, 2), (8, 5), (5, 2), "
        "(7, 9), (8, 7), (9, 8), (2, 1), (3, 1), (2, 3)"
    )


def test_sort_comparator_call_order_strings():
    calls = []

    def cmp(a, b):
        calls.append(a + b)
        return a > b

    t = T("d", "b", "e", "a", "c")
    tbl_sort(t, cmp)
    assert "".join(seq(t)) == "edcba"
    assert " ".join(calls) == "cd ed bd da db de ca bc ab"


def test_sort_non_strict_comparator():
    # The partially sorted table after the error is Lua's.
    t = T(3, 1, 2, 3, 1, 2, 3, 3, 1)
    assert error_of(tbl_sort, t, lambda a, b: a <= b) == (
        "invalid order function for sorting"
    )
    assert seq(t) == [1, 1, 2, 3, 3, 2, 3, 1, 3]
    t = T(*range(1, 13))
    tbl_sort(t, lambda a, b: a <= b)
    assert seq(t) == list(range(1, 13))
    assert error_of(tbl_sort, T(5, 5, 5, 5, 5), lambda a, b: a <= b) == (
        "invalid order function for sorting"
    )
    assert error_of(tbl_sort, T(3, 2, 1, 5, 4), lambda a, b: True) == (
        "invalid order function for sorting"
    )


def test_sort_default_order():
    t = T(3, 1.0, 2, 1, 2.0, 0.5)
    tbl_sort(t)
    # for i = 1, #t do io.write(tostring(t[i]), " ") end
    assert " ".join(tostring(v) for v in seq(t)) == "0.5 1.0 1 2 2.0 3"
    t = T("b", "a", "c", "B", "", "ab")
    tbl_sort(t)
    assert ",".join(seq(t)) == ",B,a,ab,b,c"
    t = T(1.0, 1, 0.5)
    tbl_sort(t)
    assert lua_print(tbl_unpack(t)) == "0.5\t1\t1.0"


def test_sort_large_matches_python_sorted():
    import random

    rnd = random.Random(5)
    for n in (0, 1, 2, 3, 4, 50, 99, 100, 101, 500):
        values = [rnd.randint(0, 20) for _ in range(n)]
        t = T(*values)
        tbl_sort(t, lambda a, b: a < b)
        assert seq(t, n) == sorted(values)
        t = T(*[float(v) for v in values])
        tbl_sort(t)
        assert seq(t, n) == sorted(values)


def test_sort_lt_metamethod():
    mt = T(__lt=lambda a, b: a["v"] < b["v"])
    objs = T(*[setmetatable(T(v=v), mt) for v in (5, 2, 8, 1)])
    tbl_sort(objs)
    assert [o["v"] for o in seq(objs)] == [1, 2, 5, 8]


def test_sort_errors():
    assert error_of(tbl_sort, T(T(), T())) == "attempt to compare two table values"
    assert error_of(tbl_sort, T(3, 1, "x")) == "attempt to compare string with number"
    assert error_of(tbl_sort, T(3, 1, None, 4)) == "attempt to compare nil with number"
    assert error_of(tbl_sort, T(1, 2, 3), 3) == (
        "bad argument #2 to 'sort' (function expected, got number)"
    )
    assert error_of(tbl_sort, T(1, 2), "x") == (
        "bad argument #2 to 'sort' (function expected, got string)"
    )
    big = setmetatable(Table(), T(__len=lambda t, *_: MAXINT))
    assert error_of(tbl_sort, big) == "bad argument #1 to 'sort' (array too big)"
    big = setmetatable(Table(), T(__len=lambda t, *_: 2**31 - 1))
    assert error_of(tbl_sort, big) == "bad argument #1 to 'sort' (array too big)"
    assert tbl_sort(T(1), "not checked") == ()


def test_sort_holes_with_comparator():
    t = Table({1: 3, 3: 1, 4: 2})

    def cmp(a, b):
        return (a or 0) < (b or 0)

    tbl_sort(t, cmp)
    assert seq(t, 4) == [None, 1, 2, 3]
    assert None not in dict.values(t)


# Positions of errors: the Lua code that called the library function.


GENERATED = """# Generated by moonlet
# chunk: test.lua
from moonlet.stdlib import tablelib
from moonlet.runtime.table import Table


def bad_insert():
    tablelib.LIB["insert"](None, 1)  # L3


def bad_order():
    tablelib.tbl_sort(Table({1: 3, 2: 2, 3: 1, 4: 5, 5: 4}), lambda a, b: True)  # L4


def bad_compare():
    tablelib.tbl_sort(Table({1: Table(), 2: Table()}))  # L5


def bad_concat():
    tablelib.tbl_concat(Table({1: Table()}))  # L6
"""


def raw_error(f):
    with pytest.raises(LuaError) as info:
        f()
    return info.value.value


def test_error_positions(tmp_path):
    path = tmp_path / "generated_chunk.py"
    path.write_text(GENERATED)
    spec = importlib.util.spec_from_file_location("generated_chunk", str(path))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert raw_error(mod.bad_insert) == (
        "test.lua:3: bad argument #1 to 'insert' (table expected, got nil)"
    )
    assert raw_error(mod.bad_order) == "test.lua:4: invalid order function for sorting"
    assert raw_error(mod.bad_compare) == "attempt to compare two table values"
    assert raw_error(mod.bad_concat) == (
        "test.lua:6: invalid value (table) at index 1 in table for 'concat'"
    )


def test_noarg_defaults():
    assert tbl_concat(T("a"), NOARG, NOARG, NOARG) == "a"
