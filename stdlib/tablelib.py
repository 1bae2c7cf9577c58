"""The Lua table library (ltablib.c).

Rules:
- Every function reads and writes elements like lua_geti/lua_seti, so
  __index, __newindex and __len are honoured; plain tables (exact class
  Table) take a fast path with dict operations.
- sort is ltablib's quicksort (median of three, same pivots), so the
  comparator sees the same calls in the same order as in lua5.4 and
  non-strict comparators give the same results.
- Errors raised by helpers must not come from frames of this module (it is
  LUA_VISIBLE, and `where` counts visible frames): helpers live in _checks or
  signal the entry function, which raises.
"""

import math
import time
from operator import lt as _op_lt

from moonlet.runtime.errors import NOARG, arg_error, rt_error, type_error
from moonlet.runtime.ops import eq
from moonlet.runtime.table import Table, length
from moonlet.runtime.values import MAXINT, NONE, Multi, fmt_float, type_name, wrap_int

from .corolib import c_boundary
from ._checks import (
    TAB_R,
    TAB_RW,
    TAB_W,
    aux_getn,
    c_index,
    c_lt,
    c_setindex,
    check_int,
    check_tab,
    luaL_len,
    opt_int,
    opt_str,
)

LUA_VISIBLE = True

_U64 = 0xFFFFFFFFFFFFFFFF
_INT_MAX = 0x7FFFFFFF
# lua_checkstack fails a little below LUAI_MAXSTACK (1,000,000 slots).
_MAX_UNPACK = 999980


def _store(t, i, v):
    """t[i] = v on a plain table."""
    if v is None:
        dict.pop(t, i, None)
    else:
        t[i] = v


def tbl_insert(t=NOARG, pos=NOARG, v=NOARG, *extra):
    if v is NOARG and t.__class__ is Table and pos is not NOARG and not extra:
        # The common append to a proper sequence.
        n = len(t)
        if (n in t or not n) and n + 1 not in t:
            if pos is not None:
                t[n + 1] = pos
            return NONE
    plain = t.__class__ is Table
    if plain:
        e = length(t) + 1
    else:
        e = wrap_int(aux_getn(t, 1, "insert", TAB_RW) + 1)
    if v is NOARG:
        if pos is NOARG or extra:
            rt_error("wrong number of arguments to 'insert'")
        # Append: t[#t + 1] = pos.
        if plain:
            if pos is not None:
                t[e] = pos
        else:
            c_setindex(t, e, pos)
        return NONE
    if extra:
        rt_error("wrong number of arguments to 'insert'")
    if pos.__class__ is not int:
        pos = check_int(pos, 2, "insert")
    if ((pos - 1) & _U64) >= (e & _U64):
        arg_error(2, "insert", "position out of bounds")
    if plain:
        if pos < e:
            get = t.get
            vals = [get(i) for i in range(pos, e)]
            if None in vals:
                for i in range(e, pos, -1):
                    _store(t, i, get(i - 1))
            else:
                t.update(zip(range(pos + 1, e + 1), vals))
        _store(t, pos, v)
    else:
        for i in range(e, pos, -1):
            c_setindex(t, i, c_index(t, i - 1))
        c_setindex(t, pos, v)
    return NONE


def tbl_remove(t=NOARG, pos=NOARG, *_):
    if pos is NOARG and t.__class__ is Table:
        # The common pop from a proper sequence (len(t) is then its border).
        n = len(t)
        if n in t and n + 1 not in t:
            return dict.pop(t, n)
    plain = t.__class__ is Table
    if plain:
        size = length(t)
    else:
        size = aux_getn(t, 1, "remove", TAB_RW)
    if pos is NOARG or pos is None:
        pos = size
    elif pos.__class__ is not int:
        pos = check_int(pos, 2, "remove")
    if pos != size and ((pos - 1) & _U64) > (size & _U64):
        arg_error(1, "remove", "position out of bounds")
    if plain:
        get = t.get
        result = get(pos)
        if pos < size:
            vals = [get(i) for i in range(pos + 1, size + 1)]
            if None in vals:
                for i in range(pos, size):
                    _store(t, i, get(i + 1))
            else:
                t.update(zip(range(pos, size), vals))
            pos = size
        dict.pop(t, pos, None)
        return result
    result = c_index(t, pos)
    while pos < size:
        c_setindex(t, pos, c_index(t, pos + 1))
        pos += 1
    c_setindex(t, pos, None)
    return result


def tbl_move(a1=NOARG, f=NOARG, e=NOARG, t=NOARG, a2=NOARG, *_):
    f = check_int(f, 2, "move")
    e = check_int(e, 3, "move")
    t = check_int(t, 4, "move")
    given = a2 is not NOARG and a2 is not None
    tt = a2 if given else a1
    check_tab(a1, 1, "move", TAB_R)
    check_tab(tt, 5 if given else 1, "move", TAB_W)
    if e >= f:
        if not (f > 0 or e < MAXINT + f):
            arg_error(3, "move", "too many elements to move")
        n = e - f + 1
        if t > MAXINT - n + 1:
            arg_error(4, "move", "destination wrap around")
        if a1.__class__ is Table and tt.__class__ is Table:
            if n > dict.__len__(a1) + dict.__len__(tt) + 64:
                # Mostly holes: move what exists and clear the rest of the
                # destination range (the same final contents).
                src = [
                    (k - f, v)
                    for k, v in dict.items(a1)
                    if k.__class__ is int and f <= k <= e
                ]
                have = {i for i, _ in src}
                end = t + n
                stale = [
                    k
                    for k in tt
                    if k.__class__ is int and t <= k < end and k - t not in have
                ]
                for k in stale:
                    del tt[k]
                for i, v in src:
                    tt[t + i] = v
            else:
                get = a1.get
                vals = [get(f + i) for i in range(n)]
                for i, v in enumerate(vals):
                    _store(tt, t + i, v)
        elif t > e or t <= f or (given and not eq(a1, tt)):
            for i in range(n):
                c_setindex(tt, t + i, c_index(a1, f + i))
        else:
            for i in range(n - 1, -1, -1):
                c_setindex(tt, t + i, c_index(a1, f + i))
    return tt


def _concat_piece(v):
    cls = v.__class__
    if cls is str:
        return v
    if cls is int:
        return str(v)
    if cls is float:
        return fmt_float(v)
    return None


def tbl_concat(t=NOARG, sep=NOARG, i=NOARG, j=NOARG, *_):
    plain = t.__class__ is Table
    if plain:
        last = length(t)
    else:
        last = aux_getn(t, 1, "concat", TAB_R)
    if sep.__class__ is not str:
        sep = opt_str(sep, 2, "concat", "")
    i = opt_int(i, 3, "concat", 1)
    last = opt_int(j, 4, "concat", last)
    if i > last:
        return ""
    if plain and last - i < dict.__len__(t):
        get = t.get
        parts = [get(k) for k in range(i, last + 1)]
        try:
            return sep.join(parts)
        except TypeError:
            pass
        for k, v in enumerate(parts):
            p = _concat_piece(v)
            if p is None:
                rt_error(
                    "invalid value (%s) at index %d in table for 'concat'"
                    % (type_name(v), i + k)
                )
            parts[k] = p
        return sep.join(parts)
    parts = []
    k = i
    while True:
        v = c_index(t, k)
        p = _concat_piece(v)
        if p is None:
            rt_error(
                "invalid value (%s) at index %d in table for 'concat'"
                % (type_name(v), k)
            )
        parts.append(p)
        if k >= last:
            break
        k += 1
    return sep.join(parts)


def tbl_pack(*args):
    t = Table(zip(range(1, len(args) + 1), args))
    if None in args:
        for k in [k for k, v in dict.items(t) if v is None]:
            del t[k]
    t["n"] = len(args)
    return t


def tbl_unpack(t=NOARG, i=NOARG, j=NOARG, *_):
    if t is NOARG:
        t = None
    i = opt_int(i, 2, "unpack", 1)
    if j is NOARG or j is None:
        e = luaL_len(t)
    else:
        e = check_int(j, 3, "unpack")
    if i > e:
        return NONE
    n = e - i
    if n >= _MAX_UNPACK:
        rt_error("too many results to unpack")
    if t.__class__ is Table:
        get = t.get
        if n == 0:
            return get(i)
        return Multi([get(k) for k in range(i, e + 1)])
    if n == 0:
        return c_index(t, i)
    return Multi([c_index(t, k) for k in range(i, e + 1)])


# Sorting: ltablib.c's auxsort, on an object `a` indexed from 1.


class _BadOrder(Exception):
    """Raised inside the sort when the order function is inconsistent."""


class _Elements:
    """lua_geti/lua_seti on a table or table-like object, as a sequence."""

    __slots__ = ("t",)

    def __init__(self, t):
        self.t = t

    def __getitem__(self, i):
        return c_index(self.t, i)

    def __setitem__(self, i, v):
        c_setindex(self.t, i, v)


_RANLIMIT = 100


def _randomize_pivot():
    c = int(time.process_time() * 1000000) & 0xFFFFFFFF
    t = int(time.time())
    return (c + (t & 0xFFFFFFFF) + (t >> 32)) & 0xFFFFFFFF


def _auxsort(a, lo, up, rnd, lt):
    while lo < up:
        # Sort elements a[lo], a[p], a[up].
        x = a[lo]
        y = a[up]
        if lt(y, x):
            a[lo] = y
            a[up] = x
        if up - lo == 1:
            return
        if up - lo < _RANLIMIT or rnd == 0:
            p = (lo + up) // 2
        else:
            r4 = (up - lo) // 4
            p = rnd % (r4 * 2) + (lo + r4)
        x = a[p]
        y = a[lo]
        if lt(x, y):
            a[p] = y
            a[lo] = x
        else:
            y = a[up]
            if lt(y, x):
                a[p] = y
                a[up] = x
        if up - lo == 2:
            return
        pv = a[p]
        a[p] = a[up - 1]
        a[up - 1] = pv
        # Partition: invariant a[lo .. i] <= pv <= a[j .. up].
        i = lo
        j = up - 1
        while True:
            i += 1
            ai = a[i]
            while lt(ai, pv):
                if i == up - 1:
                    raise _BadOrder
                i += 1
                ai = a[i]
            j -= 1
            aj = a[j]
            while lt(pv, aj):
                if j < i:
                    raise _BadOrder
                j -= 1
                aj = a[j]
            if j < i:
                a[up - 1] = ai
                a[i] = pv
                break
            a[i] = aj
            a[j] = ai
        p = i
        if p - lo < up - p:
            _auxsort(a, lo, p - 1, rnd, lt)
            n = p - lo
            lo = p + 1
        else:
            _auxsort(a, p + 1, up, rnd, lt)
            n = up - p
            up = p - 1
        if (up - lo) // 128 > n:
            rnd = _randomize_pivot()


def _total_order(vals):
    """True when `<` is a total order on vals under which equal values are
    indistinguishable: all strings, or numbers without NaN, without an
    integer equal to a float and without both zeros."""
    kinds = {v.__class__ for v in vals}
    if kinds == {int} or kinds == {str}:
        return True
    if not kinds <= {int, float}:
        return False
    floats = [v for v in vals if v.__class__ is float]
    if any(v != v for v in floats):
        return False
    zeros = {math.copysign(1.0, v) for v in floats if v == 0.0}
    if len(zeros) > 1:
        return False
    if kinds == {float}:
        return True
    ints = {v for v in vals if v.__class__ is int}
    return not any(v in ints for v in floats)


def tbl_sort(t=NOARG, comp=NOARG, *_):
    plain = t.__class__ is Table
    if plain:
        n = length(t)
    else:
        n = aux_getn(t, 1, "sort", TAB_RW)
    if n <= 1:
        return NONE
    if n >= _INT_MAX:
        arg_error(1, "sort", "array too big")
    if comp is NOARG or comp is None:
        comp = None
    elif type_name(comp) != "function":
        type_error(2, "sort", "function", comp)
    holes = False
    if plain:
        get = t.get
        vals = [get(i) for i in range(1, n + 1)]
        holes = None in vals
        if comp is None and not holes and _total_order(vals):
            # Equal elements are indistinguishable: the sorted result is
            # the one Lua's algorithm produces.
            vals.sort()
            t.update(zip(range(1, n + 1), vals))
            return NONE
    if comp is None:
        lt = c_lt
        if plain and not holes:
            kinds = {v.__class__ for v in vals}
            if kinds <= {int, float} or kinds == {str}:
                lt = _op_lt
    else:

        def lt(x, y):
            r = comp(x, y)
            if r.__class__ is Multi:
                return bool(r) and r[0] is not None and r[0] is not False
            return r is not None and r is not False

    a = t if plain and not holes else _Elements(t)
    co = c_boundary()
    try:
        _auxsort(a, 1, n, 0, lt)
    except _BadOrder:
        rt_error("invalid order function for sorting")
    finally:
        co.nny -= 1
        if a is t and comp is not None:
            # The comparator may have stored nils through the fast path.
            bad = [k for k, v in dict.items(t) if v is None]
            for k in bad:
                del t[k]
    return NONE


LIB = {
    "concat": tbl_concat,
    "insert": tbl_insert,
    "move": tbl_move,
    "pack": tbl_pack,
    "remove": tbl_remove,
    "sort": tbl_sort,
    "unpack": tbl_unpack,
}
