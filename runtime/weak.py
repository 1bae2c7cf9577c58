"""Weak tables: tables whose metatable has a `__mode` holding "k" or "v".

Rules:
- A weak table keeps its entries as ordinary strong dict entries, so every
  reader (generated code, next, rawget, the libraries) sees a plain dict.
  Entries are removed only at collection points, by the functions below;
  removing an unreachable entry at any moment is what Lua allows.
- TRACKED holds (weakly) the tables that table.setmetatable gave a weak
  metatable. The inline paths of `setmetatable` never see a weak
  metatable: a metatable with a weak `__mode` gets no instance class of
  its own (runtime/table.py), so its tables always take table.setmetatable.
  `__mode` is read when setmetatable is called; giving a metatable a weak
  `__mode` later affects the tables it is given to from then on.
- Collectable keys and values are tables, functions, coroutines and
  userdata that support weak references; strings, numbers and booleans
  are never removed (as in Lua), nor are objects Python cannot weakly
  refer to (built-in functions).
- full() (collectgarbage "collect" and "step", CPython and PyPy): every
  tracked table moves its entries from the first collectable one on into
  its `aside` slot (collectable weak parts as weakref.ref holders), Python
  collects (cycles included), and the entries whose weak parts survived
  go back in their old order, so the order of the surviving keys is kept
  for traversals. Only weak references to the tables themselves are held
  meanwhile, so a weak table that is garbage does not survive. In a table
  with weak keys only, a value is kept alive through its key (ephemeron)
  when the key is a table or a Python function (the value waits in the
  key's `aside`); for other keys (coroutines, userdata) the value is held
  strongly while its key is tested, so a value that refers to its own key
  keeps the entry. The key snapshot of a `next` traversal (table.py's
  _traversals) is set aside the same way; the key list of a running
  `for ... in pairs(t)` loop keeps its keys alive until the loop ends.
- prune() (CPython only, where sys.getrefcount exists): drops the entries
  whose collectable weak key or value nothing but the table refers to. It
  runs when setmetatable makes a table weak and after each full
  (generation 2) Python collection (a gc.callbacks hook installed with
  the first weak table). The hook runs amid arbitrary code: it skips the
  tables a Python dict iterator or view refers to (a library loop over
  `dict.items(t)` would fail if t changed size), and does nothing while
  full() or prune() runs (a lock: the hook runs in whichever thread
  allocates, and Lua runs in a thread of its own). PyPy has neither
  refcounts nor gc.callbacks: there only full() clears weak tables, so a
  Lua loop that waits for the collector to clear an entry without calling
  collectgarbage never ends.
- full() runs from Lua code (collectgarbage), where no library loop over
  a table's dict is under way (none of them calls Lua code), so it moves
  entries of any tracked table. Lua code that Python runs meanwhile (a
  collected coroutine unwinding) sees the moved entries missing. A weak
  metatable with an instance class of its own has the class's
  `__missing__` made generic while Python collects (it would keep the
  `__index` value alive) and rebuilt by table.meta_changed afterwards, as
  after any sweep that removed `__` fields.
- Python variables of running compiled functions (temporaries, the
  variables of finished loops) are references like any other: what they
  hold stays.
"""

import gc
import sys
import threading
import weakref

from .table import MTable, StringIndex, Table, TRUEKEY, _traversals, meta_changed

# Set when setmetatable gives a table a metatable with a weak __mode.
TRACKED = weakref.WeakSet()

# Classes whose values are never removed from weak tables.
_ATOMIC = frozenset((type(None), bool, int, float, str, type(TRUEKEY)))

# The attribute under which a Python function carries its _Aside.
_ATTR = "\0moonlet_aside"

_state = {"busy": False, "hooked": False}

# Taken with `busy` by full(), prune() and prune_all(): the gc hook may run
# in another thread than Lua's (any thread that allocates can collect).
_lock = threading.RLock()


def _enter(blocking=True):
    """Take the lock and the busy flag; False if a sweep is under way (in
    this thread, or in another one when not `blocking`)."""
    if not _lock.acquire(blocking):
        return False
    if _state["busy"]:
        _lock.release()
        return False
    _state["busy"] = True
    return True


def _leave():
    _state["busy"] = False
    _lock.release()


def mode_of(t):
    """(weak keys, weak values) of table t's metatable, or None."""
    if not isinstance(t, MTable):
        return None
    return weak_mode(t.meta)


def weak_mode(mt):
    """(weak keys, weak values) for metatable mt, or None when not weak."""
    m = dict.get(mt, "__mode")
    if m.__class__ is not str:
        return None
    wk = "k" in m
    wv = "v" in m
    if wk or wv:
        return wk, wv
    return None


def track(t):
    """Table t got a metatable with a weak __mode (table.setmetatable)."""
    TRACKED.add(t)
    if PRUNE_LIMITS is not None:
        if not _state["hooked"]:
            _state["hooked"] = True
            gc.callbacks.append(_on_gc)
        prune(t)


# ---- full collections (collectgarbage)


class _Aside:
    """What a collection moved out of a weak table: `entries` (its entries
    from the first collectable one on, weak parts as weakref holders),
    `snap` (its traversal snapshot), `values` (the ephemeron values whose
    key it is, or None) and `refresh` (its instance class needs
    meta_changed)."""

    __slots__ = ("entries", "snap", "values", "refresh")

    def __init__(self, values=None):
        self.entries = None
        self.snap = None
        self.values = values
        self.refresh = False


# A key's attachment (Table.aside, or the _ATTR item of a function's
# __dict__) is the list of ephemeron values it keeps alive, or the _Aside
# of a weak table that is a key too.


def _get(obj):
    if isinstance(obj, Table):
        return getattr(obj, "aside", None)
    d = getattr(obj, "__dict__", None)
    return d.get(_ATTR) if d.__class__ is dict else None


def _clear(obj):
    if isinstance(obj, Table):
        try:
            del obj.aside
        except AttributeError:
            pass
    else:
        d = getattr(obj, "__dict__", None)
        if d.__class__ is dict:
            d.pop(_ATTR, None)


def _table_aside(t):
    """Weak table t's _Aside, made on demand."""
    a = getattr(t, "aside", None)
    if a.__class__ is not _Aside:
        a = t.aside = _Aside(a)
    return a


def _attach(k, v, r, keys):
    """Keep v alive through key k (weakly referred to by r): the index of v
    among k's values, or -1 if k cannot carry values."""
    if isinstance(k, Table):
        a = getattr(k, "aside", None)
        if a is None:
            k.aside = [v]
            keys.append(r)
            return 0
    else:
        d = getattr(k, "__dict__", None)
        if d.__class__ is not dict:
            return -1
        a = d.get(_ATTR)
        if a is None:
            d[_ATTR] = [v]
            keys.append(r)
            return 0
    if a.__class__ is not list:
        if a.values is None:
            a.values = []
            keys.append(r)
        a = a.values
    a.append(v)
    return len(a) - 1


def _values(k):
    a = _get(k)
    return a if a.__class__ is list else a.values


# Entry flags: the key is a weakref; the value is a weakref; the value is
# an index into the key's values.
_WK = 1
_WV = 2
_EPH = 4


def full():
    """A full collection that clears the weak tables (collectgarbage)."""
    if not _enter():
        # (Lua code run by the collection of a full() under way)
        gc.collect()
        return
    tables = []
    keys = []
    try:
        try:
            _set_aside(tables, keys)
            gc.collect()
        finally:
            _restore(tables, keys)
    finally:
        _leave()


def _set_aside(tables, keys):
    """Move the weak entries of every tracked table aside, appending weak
    references to the tables and to the keys given values to the lists."""
    for t in list(TRACKED):
        mode = mode_of(t)
        if mode is None:
            TRACKED.discard(t)
            continue
        tables.append(weakref.ref(t))
        _move_entries(t, mode[0], mode[1], keys)
        _move_snapshot(t, mode[0])


def _move_entries(t, wk, wv, keys):
    items = list(dict.items(t))
    atomic = _ATOMIC
    start = None
    for i, (k, v) in enumerate(items):
        if (wk and k.__class__ not in atomic) or (wv and v.__class__ not in atomic):
            start = i
            break
    if start is None:
        return
    h = _table_aside(t)
    entries = h.entries = []
    add = entries.append
    cls = getattr(t, "icls", MTable)
    if cls is not MTable and cls is not StringIndex:
        # t is a metatable whose instance class looks up through its
        # __index value: the class would keep that value alive.
        cls.__missing__ = MTable.__dict__["__missing__"]
        h.refresh = True
    ref = weakref.ref
    pop = dict.pop
    for k, v in items[start:]:
        flags = 0
        kk = k
        vv = v
        if wk and k.__class__ not in atomic:
            try:
                kk = ref(k)
                flags = _WK
            except TypeError:
                pass
            if flags and not wv and v.__class__ not in atomic:
                i = _attach(k, v, kk, keys)
                if i >= 0:
                    flags = _WK | _EPH
                    vv = i
        if wv and v.__class__ not in atomic:
            try:
                vv = ref(v)
                flags |= _WV
            except TypeError:
                pass
        add((flags, kk, vv))
        pop(t, k, None)


def _move_snapshot(t, wk):
    """Set aside the key snapshot of a next() traversal of t, which would
    keep collectable keys alive."""
    if not wk:
        return
    state = _traversals.get(t)
    if state is None:
        return
    snap = []
    weak = False
    for k in state[0]:
        if k.__class__ not in _ATOMIC:
            try:
                snap.append((True, weakref.ref(k)))
                weak = True
                continue
            except TypeError:
                pass
        snap.append((False, k))
    if weak:
        del _traversals[t]
        _table_aside(t).snap = snap


def _restore(tables, keys):
    for tr in tables:
        t = tr()
        if t is None:
            continue
        h = getattr(t, "aside", None)
        if h.__class__ is not _Aside:
            continue
        changed = False
        if h.entries is not None:
            changed = _put_back(t, h.entries)
        if h.snap is not None and t not in _traversals:
            _traversals[t] = (
                [k() if w else k for w, k in h.snap if not w or k() is not None],
                None,
            )
        h.entries = h.snap = None
        if h.refresh or (changed and hasattr(t, "icls")):
            h.refresh = False
            meta_changed(t)
    for r in keys:
        k = r()
        if k is not None:
            a = _get(k)
            if a.__class__ is _Aside:
                a.values = None
            else:
                _clear(k)
    for tr in tables:
        t = tr()
        if t is not None and getattr(t, "aside", None).__class__ is _Aside:
            del t.aside


def _put_back(t, entries):
    """Store the surviving entries again; True if a `__` field is gone."""
    lost = False
    for flags, k, v in entries:
        if flags & _WK:
            k = k()
            if k is None:
                continue
            if flags & _EPH:
                v = _values(k)[v]
        if flags & _WV:
            v = v()
        if v is None:
            if k.__class__ is str and k[:2] == "__":
                lost = True
            continue
        if k not in t:
            # (a key stored while Python collected keeps its new value)
            dict.__setitem__(t, k, v)
    return lost


# ---- prompt clearing on CPython


def _unshared(t, wk, wv, klimit, vlimit):
    """The keys of t's entries whose weak key or value has a reference
    count showing that nothing but t refers to it."""
    rc = sys.getrefcount
    out = []
    v = None
    for k in list(t):
        if wk and k.__class__ not in _ATOMIC and rc(k) <= klimit:
            out.append(k)
        elif wv:
            v = dict.get(t, k)
            if v.__class__ not in _ATOMIC and rc(v) <= vlimit:
                out.append(k)
    return out


def _calibrate():
    """The counts _unshared sees for a key and for a value held by a table
    only (measured, so that they follow the interpreter), or None."""
    if not hasattr(sys, "getrefcount") or not hasattr(gc, "callbacks"):
        return None
    limits = []
    for wk, wv in ((True, False), (False, True)):
        for n in range(1, 32):
            t = Table({Table(): 1}) if wk else Table({1: Table()})
            if _unshared(t, wk, wv, n, n):
                limits.append(n)
                break
        else:
            return None
    klim, vlim = limits
    # A second reference must count.
    x = Table()
    if _unshared(Table({x: 1}), True, False, klim, vlim):
        return None
    if _unshared(Table({1: x}), False, True, klim, vlim):
        return None
    return klim, vlim


PRUNE_LIMITS = _calibrate()


def prune(t):
    """CPython: drop t's entries whose collectable weak key or value only t
    refers to. Returns the number of entries dropped."""
    if PRUNE_LIMITS is None:
        return 0
    mode = mode_of(t)
    if mode is None or not _enter():
        return 0
    try:
        dead = _unshared(t, mode[0], mode[1], PRUNE_LIMITS[0], PRUNE_LIMITS[1])
        if dead:
            _drop(t, dead)
        return len(dead)
    finally:
        _leave()


def _drop(t, dead):
    lost = False
    for k in dead:
        dict.pop(t, k, None)
        if k.__class__ is str and k[:2] == "__":
            lost = True
    if lost and hasattr(t, "icls"):
        meta_changed(t)


# The types of the objects through which Python code iterates over a dict.
_ITER_TYPES = frozenset(
    type(x)
    for x in (
        iter({}),
        iter({}.values()),
        iter({}.items()),
        reversed({}),
        reversed({}.values()),
        reversed({}.items()),
        {}.keys(),
        {}.values(),
        {}.items(),
    )
)


def _iterated(tables):
    """The ids of the tables among `tables` that a dict iterator or view
    refers to (a Python loop over them is under way)."""
    ids = set()
    for r in gc.get_referrers(*tables):
        if type(r) in _ITER_TYPES:
            for o in gc.get_referents(r):
                ids.add(id(o))
    return ids


def prune_all():
    """prune() every tracked table that no Python loop is iterating."""
    if PRUNE_LIMITS is None or not _enter(False):
        return
    try:
        found = []
        for t in list(TRACKED):
            mode = mode_of(t)
            if mode is None:
                TRACKED.discard(t)
                continue
            dead = _unshared(t, mode[0], mode[1], PRUNE_LIMITS[0], PRUNE_LIMITS[1])
            if dead:
                found.append((t, dead))
        if not found:
            return
        skip = _iterated([t for t, _ in found])
        for t, dead in found:
            if id(t) not in skip:
                _drop(t, dead)
    finally:
        _leave()


def _on_gc(phase, info):
    """The gc.callbacks hook: prune_all() after full Python collections."""
    if phase != "stop" or info["generation"] != 2:
        return
    try:
        if TRACKED:
            prune_all()
    except Exception:  # pragma: no cover - never fail inside the collector
        pass
