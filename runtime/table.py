"""Lua tables.

Rules:
- A table is a dict subclass, so generated code reads fields with plain
  subscription at C speed. Table is a table without a metatable. A table
  with a metatable has it in its `meta` slot and its class is MTable, or,
  once a metatable M serves a second table, `M.icls`: a subclass of MTable
  made for M (so a metatable used by one table only, the per-object
  metatable idiom, costs no class). setmetatable switches `__class__`. A table without a metatable that serves as one is a
  MetaTable, so that stores into it leave the generated fast path
  (`o.__class__ is Table`) and reach setindex/rawset, which keep the
  instance class in step with the `__index` field.
- The instance class's `__missing__` follows `__index`: a table's C-level
  `__getitem__` when `__index` is a table (chains run at C speed), a call
  when it is a function, None when absent. Chains that loop or run long
  use the Python walk (index_meta) with Lua's MAXTAGLOOP limit instead.
- Keys are normalised before storing: floats with an integral value become
  ints, booleans become the TRUEKEY/FALSEKEY sentinels (True == 1 in Python
  but not in Lua). nil and NaN cannot be keys. Values are never nil: storing
  nil deletes the key.
- `#t` returns a border; for proper sequences it equals Lua's answer.
- Equality and hashing are by identity (dict's content comparison would be
  wrong for Lua).
- Weak tables (runtime/weak.py): setmetatable registers a table whose new
  metatable has a weak `__mode`. Such a metatable never gets an instance
  class of its own (instance_class, _upgrade; meta_changed takes it back
  when `__mode` is stored into a metatable that has one), so the inline
  `setmetatable` paths (new_instance, baselib's fast path) always end in
  setmetatable here and cost no `__mode` check. The `aside` slot holds what
  a collection moved out of a table or a key for its duration.
"""

import weakref

from .errors import LuaError, rt_error
from .typemeta import TYPE_META, type_meta
from .values import Multi, float2int, first

MAXTAGLOOP = 2000


class BoolKey:
    """Stands for a boolean key inside a table's dict."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return "BoolKey(%r)" % self.value


TRUEKEY = BoolKey(True)
FALSEKEY = BoolKey(False)
BOOLKEYS = {True: TRUEKEY, False: FALSEKEY}


_EMPTY = {}


class Table(dict):
    """A Lua table with no metatable."""

    # `meta`: the metatable; `icls`: set on tables that are metatables;
    # `aside`: set during a collection (runtime/weak.py).
    __slots__ = ("meta", "__weakref__", "icls", "aside")
    lua_type = "table"
    __hash__ = object.__hash__
    __eq__ = object.__eq__
    __ne__ = object.__ne__
    # A C-level "return None" for missing keys: cheaper than a Python method.
    __missing__ = staticmethod(_EMPTY.get)

    # dict supports `|`; a Lua table does not.
    def __or__(self, other):
        return NotImplemented

    __ror__ = __ior__ = __or__

    def __repr__(self):
        return "<Lua table 0x%08x>" % id(self)


class MetaTable(Table):
    """A table with no metatable of its own that is the metatable of others."""

    __slots__ = ()
    __hash__ = object.__hash__


def normkey(k):
    """The dict key that stands for Lua key k (raises for nil and NaN)."""
    cls = k.__class__
    if cls is float:
        i = float2int(k)
        if i is not None:
            return i
        if k != k:
            rt_error("table index is NaN")
        return k
    if cls is bool:
        return TRUEKEY if k else FALSEKEY
    if k is None:
        rt_error("table index is nil")
    return k


def readkey(k):
    """The dict key to look up for Lua key k (never raises)."""
    cls = k.__class__
    if cls is bool:
        return TRUEKEY if k else FALSEKEY
    if cls is float:
        i = float2int(k)
        if i is not None:
            return i
    return k


def luakey(k):
    """The Lua value of a dict key (inverse of normkey)."""
    if k.__class__ is BoolKey:
        return k.value
    return k


def rawget(t, k):
    return dict.get(t, readkey(k))


def rawset(t, k, v):
    k = normkey(k)
    if v is None:
        dict.pop(t, k, None)
    else:
        dict.__setitem__(t, k, v)
    if k.__class__ is str and k[:2] == "__" and t.__class__ is not Table:
        meta_changed(t)


class MTable(Table):
    """A Lua table with a metatable (`self.meta`); the base of every
    metatable's instance class."""

    __slots__ = ()
    __hash__ = object.__hash__

    def __missing__(self, key):
        if self.__class__ is MTable:
            # A table that got its metatable before the metatable had a class
            # of its own takes that class now, and looks up through it.
            cls = getattr(self.meta, "icls", MTable)
            if cls is not MTable:
                self.__class__ = meta_variant(cls) if hasattr(self, "icls") else cls
                return self[key]
        return index_meta(self, key)

    def __call__(self, *args):
        h = self.meta.get("__call")
        if h is None:
            # (runtime.frames turns this into Lua's message, naming the
            # table by its metatable's __name when that is a string)
            name = dict.get(self.meta, "__name")
            name = "lua:" + name if name.__class__ is str else "table"
            raise TypeError("'%s' object is not callable" % name)
        args = (self,) + args
        # A chain of __call tables is followed here, not by recursion, so
        # that long chains in tail calls do not grow the stack.
        while isinstance(h, MTable):
            h2 = h.meta.get("__call")
            if h2 is None:
                break
            args = (h,) + args
            h = h2
        return h(*args)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Table):
            return False
        h = self.meta.get("__eq")
        if h is None and isinstance(other, MTable):
            h = other.meta.get("__eq")
        if h is None:
            return False
        r = first(h(self, other))
        return r is not None and r is not False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return _ops().lt_meta(self, other)

    def __le__(self, other):
        return _ops().le_meta(self, other)

    def __gt__(self, other):
        return _ops().lt_meta(other, self)

    def __ge__(self, other):
        return _ops().le_meta(other, self)

    def __repr__(self):
        return "<Lua table 0x%08x with metatable>" % id(self)


_OPS = []


def _ops():
    if not _OPS:
        from . import ops

        _OPS.append(ops)
    return _OPS[0]


def index_meta(t, key):
    """Follow __index from table t, whose raw lookup of `key` missed (the
    general walk, with Lua's loop limit)."""
    for _ in range(MAXTAGLOOP):
        h = t.meta.get("__index")
        if h is None:
            return None
        if isinstance(h, MTable):
            if key in h:
                return dict.__getitem__(h, key)
            t = h
            continue
        if isinstance(h, Table):
            return dict.get(h, key)
        if h.__class__ is not str and callable(h):
            return first(h(t, luakey(key)))
        return _ops().index(h, luakey(key))
    rt_error("'__index' chain too long; possible loop")


# Instance classes: one per metatable, kept in the metatable's `icls` slot.

# Chains longer than this are walked in Python, which counts to MAXTAGLOOP.
_CHAIN_LIMIT = 100


# Classes whose tables take stores of non-nil values as plain dict stores:
# Table and the instance classes of metatables without __newindex.
RAWSET = {Table}


def instance_class(mt):
    """The class of tables whose metatable is mt: MTable the first time,
    a class of mt's own from the second table on."""
    try:
        cls = mt.icls
    except AttributeError:
        mt.icls = MTable
        return MTable
    if cls is not MTable:
        return cls
    if _weak_meta(mt):
        # Its tables must all reach setmetatable (see the header).
        return MTable
    return _own_class(mt)


def _weak_meta(mt):
    """True if metatable mt has a `__mode` with "k" or "v"."""
    m = dict.get(mt, "__mode")
    return m.__class__ is str and ("k" in m or "v" in m)


def _own_class(mt):
    # Instance classes stay alive with RAWSET (and keep their __index
    # table): one per metatable that serves several tables, or that serves
    # a table other metatables' __index leads to (class hierarchies).
    cls = type("MTable", (MTable,), {"__slots__": (), "__hash__": object.__hash__})
    mt.icls = cls
    if mt.__class__ is Table:
        mt.__class__ = MetaTable
    elif isinstance(mt, MTable):
        mt.__class__ = meta_variant(mt.__class__)
    meta_changed(mt)
    return cls


def meta_variant(cls):
    """A subclass of instance class cls for tables that are metatables
    themselves: never in RAWSET, so stores into them reach setindex."""
    if cls is MTable:
        return cls  # caches nothing and is not in RAWSET
    v = cls.__dict__.get("variant")
    if v is None:
        v = type("MTable", (cls,), {"__slots__": (), "__hash__": object.__hash__})
        cls.variant = v
        v.variant = v
    return v


def _chain_ok(h):
    """True if following __index tables from h ends without a loop within
    _CHAIN_LIMIT steps."""
    seen = set()
    while isinstance(h, MTable):
        if id(h) in seen or len(seen) > _CHAIN_LIMIT:
            return False
        seen.add(id(h))
        h = dict.get(h.meta, "__index")
        if not isinstance(h, Table):
            return True
    return True


def _call_missing(h):
    def __missing__(self, key):
        return first(h(self, luakey(key)))

    return __missing__


def meta_changed(mt):
    """Bring mt's instance class in step with mt's __index field."""
    try:
        cls = mt.icls
    except AttributeError:
        return
    if cls is MTable:
        return
    if cls is not StringIndex and _weak_meta(mt):
        _drop_class(mt, cls)
        return
    h = dict.get(mt, "__index")
    if cls is StringIndex and not isinstance(h, Table):
        m = _string_missing
    elif h is None:
        m = Table.__dict__["__missing__"]
    elif isinstance(h, Table):
        if h.__class__ is MTable:
            _upgrade(h)
        m = staticmethod(h.__getitem__) if _chain_ok(h) else MTable.__missing__
    elif h.__class__ is not str and callable(h):
        m = _call_missing(h)
    else:
        m = MTable.__missing__
    cls.__missing__ = m
    if dict.get(mt, "__newindex") is None:
        RAWSET.add(cls)
    else:
        RAWSET.discard(cls)


def _drop_class(mt, cls):
    """Metatable mt, which has the instance class cls, got a weak `__mode`:
    it goes back to having none, and the tables of class cls look up and
    store through the generic paths, which read mt as it is."""
    cls.__missing__ = MTable.__dict__["__missing__"]
    RAWSET.discard(cls)
    mt.icls = MTable
    if mt.__class__ is MetaTable:
        mt.__class__ = Table


def _upgrade(t):
    """Give table t, which has the generic MTable class, the class of its
    metatable, so that __index chains through t run at C speed."""
    mt = t.meta
    cls = getattr(mt, "icls", None)
    if cls is None or cls is MTable:
        if _weak_meta(mt):
            return
        cls = _own_class(mt)
    if t.__class__ is MTable:
        t.__class__ = meta_variant(cls) if hasattr(t, "icls") else cls


class StringIndex(MTable):
    """The class of STRINGS, through which generated code looks up string
    methods (`s:upper()` is `(s if s.__class__ is not str else
    STRINGS)["upper"](s)`): an empty table whose metatable is the string
    metatable, so that the lookup follows its `__index` at C speed."""

    __slots__ = ()
    __hash__ = object.__hash__


def _string_missing(self, key):
    # No string metatable, or an __index that is not a table: the general
    # path (which cannot see the string itself).
    return _ops().index("", luakey(key))


StringIndex.__missing__ = _string_missing
STRINGS = StringIndex()


def install_string_meta(mt):
    """Make mt the metatable STRINGS follows."""
    mt.icls = StringIndex
    if mt.__class__ is Table:
        mt.__class__ = MetaTable
    elif isinstance(mt, MTable):
        mt.__class__ = meta_variant(mt.__class__)
    STRINGS.meta = mt
    meta_changed(mt)


def getmetafield(v, name):
    """The raw metafield `name` of any value, or None."""
    mt = getmetatable_raw(v)
    if mt is None:
        return None
    return dict.get(mt, name)


def getmetatable_raw(v):
    cls = v.__class__
    if cls is Table:
        return None
    if isinstance(v, MTable):
        return v.meta
    if cls is MetaTable:
        return None
    if cls is str:
        from .ops import STRING_META

        return STRING_META[0]
    mt = getattr(v, "lua_meta", None)
    if mt is None and TYPE_META:
        # Numbers, booleans, nil, functions, threads: their type's (slow
        # paths only, see runtime.typemeta).
        return type_meta(v)
    return mt


def setmetatable(t, mt):
    if mt is None:
        if isinstance(t, MTable):
            t.__class__ = MetaTable if hasattr(t, "icls") else Table
    else:
        cls = instance_class(mt)
        t.__class__ = meta_variant(cls) if hasattr(t, "icls") else cls
        t.meta = mt
        h = dict.get(mt, "__index")
        if isinstance(h, MTable) or h is t:
            # t may now close a loop of __index tables.
            meta_changed(mt)
        if "__mode" in mt and _weak_meta(mt):
            _weak().track(t)
    return t


_WEAK = []


def _weak():
    if not _WEAK:
        from . import weak

        _WEAK.append(weak)
    return _WEAK[0]


def new_instance(d, mt, setmeta):
    """`setmetatable({...}, mt)` where `setmetatable` is the base library's
    (`setmeta`) and the constructor's contents are the dict d (non-nil
    values, normalised keys). A fresh table closes no `__index` loop, so a
    metatable with a class of its own needs no checks."""
    try:
        cls = mt.icls
    except AttributeError:
        cls = MTable
    if cls is MTable:
        return setmeta(Table(d), mt)
    t = cls(d)
    t.meta = mt
    return t


def length(t):
    """A border of table t (raw, no __len)."""
    n = dict.__len__(t)
    if n == 0:
        return 0
    if n in t:
        if n + 1 not in t:
            return n
        # More positive integer keys than entries elsewhere: search upward.
        i = n + 1
        j = i * 2
        while j in t:
            i = j
            if j > 0x3FFFFFFFFFFFFFFF:
                return _linear_border(t, i)
            j *= 2
        return _bisect_border(t, i, j)
    if 1 not in t:
        return 0
    i, j = 1, 2
    while j in t:
        i = j
        j *= 2
    return _bisect_border(t, i, j)


def _bisect_border(t, i, j):
    # t[i] present, t[j] absent.
    while j - i > 1:
        m = (i + j) // 2
        if m in t:
            i = m
        else:
            j = m
    return i


def _linear_border(t, i):
    while i + 1 in t:
        i += 1
    return i


_traversals = weakref.WeakKeyDictionary()


def lua_next(t=None, k=None):
    """next(t, k): the entry after key k, or None at the end.

    Keys deleted during a traversal (assigning nil to an existing field) do
    not disturb it: each traversal keeps a snapshot of the key order.
    """
    if not isinstance(t, Table):
        from .errors import type_error

        type_error(1, "next", "table", t)
    if k is None:
        keys = list(t)
        if not keys:
            return None
        _traversals[t] = (keys, None)
        for key in keys:
            v = dict.get(t, key)
            if v is not None:
                return Multi((luakey(key), v))
        return None
    key = readkey(k)
    state = _traversals.get(t)
    if state is None or (state[1] is None and len(state[0]) > 64):
        keys = list(t) if state is None else state[0]
        state = (keys, {kk: i for i, kk in enumerate(keys)})
        _traversals[t] = state
    keys, pos = state
    if pos is None:
        # Short traversals: a linear search beats building the index.
        try:
            i = keys.index(key)
        except ValueError:
            i = -1
    else:
        i = pos.get(key, -1)
    if i < 0:
        if key in t:
            keys = list(t)
            _traversals[t] = (keys, None)
            i = keys.index(key)
        else:
            raise LuaError("invalid key to 'next'")
    for j in range(i + 1, len(keys)):
        kk = keys[j]
        v = dict.get(t, kk)
        if v is not None:
            return Multi((luakey(kk), v))
    return None


# Table constructors used by generated code.


def mktable(d):
    """{k = v, ...} with constant keys; nil values are left out."""
    return Table({k: v for k, v in d.items() if v is not None})


def mktable_kv(flat, positional=()):
    """{[k] = v, ...} with computed keys, given as (k1, v1, k2, v2, ...);
    the pairs numbered in `positional` are list items, stored last."""
    t = Table()
    order = [i for i in range(len(flat) // 2) if i not in positional]
    order.extend(positional)
    for i in order:
        k = normkey(flat[2 * i])
        v = flat[2 * i + 1]
        if v is None:
            dict.pop(t, k, None)
        else:
            dict.__setitem__(t, k, v)
    return t


def mktable_multi(t, n, r):
    """Append the values of call result r to t from index n on."""
    if r.__class__ is not Multi:
        if r is not None:
            dict.__setitem__(t, n, r)
        return t
    for v in r:
        if v is not None:
            dict.__setitem__(t, n, v)
        n += 1
    return t


def mktable_seq(seq):
    """{...}"""
    return Table({i: v for i, v in enumerate(seq, 1) if v is not None})
