"""Metatables of whole types: numbers, booleans, nil, functions and threads.

Rules:
- As in Lua (G(L)->mt), all values of one of these types share one metatable,
  set by debug.setmetatable(v, mt) and removed by debug.setmetatable(v, nil).
  TYPE_META maps the Lua type name ("number", "boolean", "nil", "function",
  "thread") to it and holds no entry for a type without one. Strings keep
  theirs in runtime.ops.STRING_META (generated code reaches it through
  STRINGS); tables and full userdata have their own.
- Nothing on a hot path reads TYPE_META. Generated code never does; the
  runtime consults it only where it is about to raise ("attempt to index a
  number value", "attempt to perform arithmetic on a nil value", ...):
  runtime.table.getmetatable_raw falls back on `type_meta` for a value with
  no metatable of its own, so every getmetafield user (the metamethod
  dispatch of runtime.ops, __close, __pairs, __name in argument errors,
  getmetatable and its __metatable) sees these metatables; runtime.ops's
  tostring tests the dict once before its fast cases (for __tostring).
- Lua's messages stay Lua's: a metatable that lacks the event gives the
  usual error, and runtime error messages name these values by their type,
  never by a __name (luaT_objtypename), while tostring and argument errors
  do use __name where Lua does.
- Generated code sends an index, call or order comparison to runtime.ops
  (index, call, lt, le) when the compiler knows the operand to be a number,
  boolean, nil or function (compiler.types.NOT_INDEXABLE, NOT_CALLABLE),
  since Python would raise TypeError on it; the generic for, pcall and
  thread objects (stdlib.corolib) catch that TypeError at no cost before
  looking here. Where the compiler does not know the type, Python's
  subscription, call or comparison raises TypeError on these values and the
  error is reported as Lua's (runtime.frames) without consulting these
  metatables (see README, Differences).
- One registry per Python process, like the string metatable: the processes
  of an app share it.
"""

from .values import type_name

TYPE_META = {}


def type_key(v):
    """The TYPE_META key of value v, or None for values that have
    metatables of their own (tables, strings, full userdata)."""
    t = type_name(v)
    return t if t in _SHARED else None


_SHARED = frozenset(["nil", "boolean", "number", "function", "thread"])


def type_meta(v):
    """The metatable of v's type, or None."""
    key = type_key(v)
    return TYPE_META.get(key) if key is not None else None


def set_type_meta(v, mt):
    """Give v's whole type metatable mt (None removes it); False when v's type
    cannot take one here."""
    key = type_key(v)
    if key is None:
        return False
    if mt is None:
        TYPE_META.pop(key, None)
    else:
        TYPE_META[key] = mt
    return True


def reset():
    """Forget every type metatable (a fresh Lua state)."""
    TYPE_META.clear()
