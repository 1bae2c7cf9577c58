"""Values crossing process boundaries, and the objects that carry them.

Rules:
- `export(v)` is the reference runtime's ExportPayload with deep copy: nil,
  booleans, numbers (integer or float) and strings pass as they are;
  tables are copied with their nested tables and metatables, keeping cycles
  and shared references inside the copied graph; functions pass by
  reference; error values (classes with `lua_passthrough`) pass as they
  are; every other value (channels, Time, Message, Payload, coroutines,
  files) becomes nil, also as a table key or field.
- A Message is what inbox() and listen(topic, {message = true}) deliver: a
  topic, the sender's PID ("" when unknown) and the exported payload
  values. A Payload wraps one of those values. Their Lua methods live in
  stdlib.processlib.
"""

from .table import MTable, Table, setmetatable
from .values import type_name

_SCALARS = frozenset((int, float, str, bool, type(None)))


def export(v):
    """The copy of v that another process receives."""
    cls = v.__class__
    if cls in _SCALARS:
        return v
    if cls is Table and not _has_tables(v):
        return Table(v)
    return _copy(v, {})


def _has_tables(t):
    # The common flat record: one C-speed dict copy does it.
    for k, val in dict.items(t):
        if val.__class__ not in _SCALARS or k.__class__ not in _SCALARS:
            return True
    return False


def _copy(v, memo):
    cls = v.__class__
    if cls in _SCALARS:
        return v
    if isinstance(v, Table):
        new = memo.get(id(v))
        if new is not None:
            return new
        new = Table()
        memo[id(v)] = new
        for k, val in dict.items(v):
            if k.__class__ not in _SCALARS:
                k = _copy_key(k, memo)
                if k is None:
                    continue
            if val.__class__ not in _SCALARS:
                val = _copy(val, memo)
                if val is None:
                    continue
            dict.__setitem__(new, k, val)
        if isinstance(v, MTable):
            mt = _copy(v.meta, memo)
            if mt is not None:
                setmetatable(new, mt)
        return new
    if getattr(cls, "lua_passthrough", False):
        return v
    if type_name(v) == "function":
        return v
    return None


def _copy_key(k, memo):
    if isinstance(k, Table):
        return _copy(k, memo)
    if k.__class__.__name__ == "BoolKey":
        return k
    return _copy(k, memo)


def pack(payloads):
    """The raw value a listen() channel delivers for a message: nil, the
    only value, or an array of all of them."""
    n = len(payloads)
    if n == 1:
        return payloads[0]
    if n == 0:
        return None
    t = Table()
    for i, v in enumerate(payloads, 1):
        if v is not None:
            t[i] = v
    return t


class Message:
    """A message delivered as an object (inbox, listen with message=true)."""

    __slots__ = ("topic", "sender", "payloads")
    lua_type = "userdata"
    lua_meta = None  # set by stdlib.processlib
    methods = {}

    def __init__(self, topic, sender, payloads):
        self.topic = topic
        self.sender = sender
        self.payloads = payloads

    def __getitem__(self, key):
        return self.methods.get(key)

    def __repr__(self):
        return "<Lua process.Message{topic=%s}>" % self.topic


class Payload:
    """One payload value of a message."""

    __slots__ = ("value",)
    lua_type = "userdata"
    lua_meta = None  # set by stdlib.processlib
    methods = {}

    def __init__(self, value):
        self.value = value

    def __getitem__(self, key):
        return self.methods.get(key)

    def __repr__(self):
        return "<Lua payload>"
