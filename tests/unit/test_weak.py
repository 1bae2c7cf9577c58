"""Weak tables (runtime/weak.py): the sweep rules of full collections, the
refcount pruning of CPython and how weak metatables keep off the inline
setmetatable paths."""

import gc
import threading
import sys

import pytest

from moonlet.runtime import weak
from moonlet.runtime.ops import setindex
from moonlet.runtime.table import (
    MTable,
    MetaTable,
    Table,
    instance_class,
    lua_next,
    new_instance,
    setmetatable,
)
from moonlet.runtime.values import Multi
from moonlet.stdlib.baselib import lua_collectgarbage, lua_setmetatable

CPYTHON = weak.PRUNE_LIMITS is not None


def weak_table(mode, items=()):
    """A table with metatable {__mode = mode}, filled after it is weak."""
    t = setmetatable(Table(), Table({"__mode": mode}))
    for k, v in items:
        t[k] = v
    return t


def fill(t, make):
    """t[k] = v for the pairs make() returns (their only other references
    die with this call)."""
    for k, v in make():
        t[k] = v


@pytest.fixture
def no_prune(monkeypatch):
    """The PyPy path: no refcounts, no pruning."""
    monkeypatch.setattr(weak, "PRUNE_LIMITS", None)


def test_weak_values_full(no_prune):
    keep = Table()
    t = weak_table("v")
    fill(t, lambda: [(1, keep), (2, Table()), (3, "s"), (4, 4.5), ("f", lambda: 1)])
    t["b"] = True
    assert len(t) == 6  # nothing pruned on the PyPy path
    weak.full()
    assert dict(t) == {1: keep, 3: "s", 4: 4.5, "b": True}
    assert weak.TRACKED.__contains__(t)


def test_weak_keys_full(no_prune):
    keep = Table()
    t = weak_table("k")
    fill(t, lambda: [(keep, 1), (Table(), 2), ("s", Table()), (7, Table())])
    weak.full()
    assert list(t) == [keep, "s", 7]


def test_weak_kv_full(no_prune):
    keep = Table()
    t = weak_table("kv")
    fill(
        t,
        lambda: [(keep, Table()), (1, keep), (Table(), keep), ("s", "t"), (keep, keep)],
    )
    weak.full()
    assert dict(t) == {1: keep, "s": "t", keep: keep}


def test_survivors_keep_their_order(no_prune):
    keep = [Table() for _ in range(5)]
    t = weak_table("v")

    def make():
        out = []
        for i in range(10):
            out.append(("a%d" % i, keep[i // 2] if i % 2 == 0 else Table()))
            out.append(("s%d" % i, "x"))
        return out

    fill(t, make)
    before = [k for k in t if k[0] == "s" or int(k[1:]) % 2 == 0]
    weak.full()
    assert list(t) == before
    assert not hasattr(t, "aside") or t.aside is None


def test_cycles_are_collected(no_prune):
    t = weak_table("v")

    def make():
        a, b = Table(), Table()
        a["b"] = b
        b["a"] = a
        return [(1, a)]

    fill(t, make)
    weak.full()
    assert len(t) == 0


def test_ephemeron_value_refers_to_key(no_prune):
    t = weak_table("k")

    def make():
        out = []
        for _ in range(3):
            k = Table()
            out.append((k, Table({1: k})))
        f = lambda: None  # noqa: E731 - a function key carries its value too
        out.append((f, Table({1: f})))
        return out

    fill(t, make)
    weak.full()
    assert len(t) == 0


def test_ephemeron_chain_kept_while_head_lives(no_prune):
    t = weak_table("k")
    head = None
    for _ in range(50):
        n = Table()
        t[n] = Table({1: head}) if head is not None else Table()
        head = n
    weak.full()
    assert len(t) == 50
    n, steps = head, 0
    while n is not None:
        n = t[n].get(1)
        steps += 1
    assert steps == 50
    head = n = None
    weak.full()
    assert len(t) == 0


def test_key_kept_values_come_back(no_prune):
    t = weak_table("k")
    k = Table()
    v = Table({"x": 1})
    t[k] = v
    del v
    weak.full()
    assert t[k]["x"] == 1
    # nothing left behind on the key or the table
    assert getattr(k, "aside", None) is None and getattr(t, "aside", None) is None


def test_weak_table_reachable_only_from_weak_table(no_prune):
    outer = weak_table("v")

    def make():
        inner = weak_table("k")
        inner[Table()] = 1
        return [("inner", inner)]

    fill(outer, make)
    weak.full()
    assert "inner" not in outer


def test_metatable_weak_values_index_function(no_prune):
    meta = weak_table("v")
    meta["__index"] = lambda t, k: k + "!"
    a = setmetatable(Table(), meta)
    b = setmetatable(Table(), meta)
    assert a["x"] == "x!" and b["y"] == "y!"
    weak.full()
    assert "__index" not in meta
    assert a["x"] is None and b["y"] is None


def test_next_traversal_across_full(no_prune):
    t = weak_table("k")
    keep = [Table() for _ in range(4)]
    fill(t, lambda: [(k, i) for i, k in enumerate(keep)])
    fill(t, lambda: [(Table(), -1) for _ in range(6)])
    r = lua_next(t)
    seen = [r[0]]
    first = r[0]
    weak.full()
    # the snapshot no longer holds the dead keys
    assert len(t) == 4 + (first not in keep)
    k = first
    while True:
        r = lua_next(t, k)
        if r is None:
            break
        k = r[0]
        seen.append(k)
    assert all(x in seen for x in keep)
    assert len(seen) == len(t)


def test_full_inside_full_and_step(no_prune):
    assert lua_collectgarbage("collect") == 0
    assert lua_collectgarbage("step") is True
    assert weak._enter()
    try:
        weak.full()  # a plain collection
        assert weak.prune(Table()) == 0
        assert not weak._enter()
    finally:
        weak._leave()
    assert not weak._state["busy"]


def test_mode_read_at_collection(no_prune):
    mt = Table({"__mode": "v"})
    t = setmetatable(Table(), mt)
    fill(t, lambda: [(1, Table())])
    mt["__mode"] = "x"
    weak.full()
    assert len(t) == 1
    assert t not in weak.TRACKED
    setmetatable(t, None)
    weak.full()
    assert len(t) == 1


# ---- the setmetatable paths


def test_weak_metatable_gets_no_class():
    mt = Table({"__mode": "k"})
    for _ in range(3):
        assert instance_class(mt) is MTable
    a = new_instance({}, mt, lua_setmetatable)
    b = lua_setmetatable(Table(), mt)
    assert a in weak.TRACKED and b in weak.TRACKED
    assert mt.__class__ is Table


def test_mode_given_to_a_class_later():
    cls_meta = Table()
    cls_meta["__index"] = cls_meta
    cls_meta["f"] = 1
    old = [new_instance({}, cls_meta, lua_setmetatable) for _ in range(3)]
    assert cls_meta.__class__ is MetaTable
    setindex(cls_meta, "__mode", "v")
    assert cls_meta.icls is MTable and cls_meta.__class__ is Table
    # old instances still look up through the metatable as it is now
    assert old[2]["f"] == 1
    cls_meta["f"] = 2
    assert old[2]["f"] == 2
    new = new_instance({}, cls_meta, lua_setmetatable)
    newer = lua_setmetatable(Table(), cls_meta)
    assert new in weak.TRACKED and newer in weak.TRACKED
    assert new["f"] == 2


# ---- CPython: refcounts


needs_refcounts = pytest.mark.skipif(not CPYTHON, reason="CPython refcounts")


@needs_refcounts
def test_setmetatable_prunes_unshared_entries():
    keep = Table()
    t = Table({1: Table(), 2: keep, Table(): 3, keep: 4, "s": "x"})
    setmetatable(t, Table({"__mode": "kv"}))
    assert dict(t) == {2: keep, keep: 4, "s": "x"}


@needs_refcounts
def test_prune_counts():
    t = weak_table("k")
    shared = Table()
    t[shared] = 1
    fill(t, lambda: [(Table(), 2)])
    assert weak.prune(t) == 1
    assert list(t) == [shared]


@needs_refcounts
def test_gc_hook_prunes(monkeypatch):
    t = weak_table("v")
    fill(t, lambda: [(1, Table()), (2, "s")])
    assert weak._on_gc in gc.callbacks
    gc.collect()
    assert dict(t) == {2: "s"}


@needs_refcounts
def test_gc_hook_skips_tables_being_iterated():
    t = weak_table("v")
    fill(t, lambda: [(i, Table()) for i in range(5)])
    it = iter(dict.items(t))
    next(it)
    weak.prune_all()
    assert len(t) == 5
    assert len(list(it)) == 4  # the loop goes on undisturbed
    del it
    weak.prune_all()
    assert len(t) == 0


@needs_refcounts
def test_calibration():
    klim, vlim = weak.PRUNE_LIMITS
    assert 1 <= klim < 16 and 1 <= vlim < 16
    assert sys.getrefcount is not None


def test_lua_next_result_is_multi():
    t = weak_table("k")
    t["a"] = 1
    assert lua_next(t).__class__ is Multi


@needs_refcounts
def test_hook_in_another_thread_skips_a_sweep_under_way():
    t = weak_table("v")
    fill(t, lambda: [(1, Table())])
    assert weak._enter()
    try:
        th = threading.Thread(target=weak.prune_all)
        th.start()
        th.join(10)
        assert not th.is_alive()
        assert len(t) == 1
    finally:
        weak._leave()
    weak.prune_all()
    assert len(t) == 0
