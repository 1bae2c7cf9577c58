"""Lowering of Lua expressions other than operators (see lower_ops.py)."""

import ast
import copy

from luaparser import astnodes as A

from . import pyast as P
from . import lower_libcalls as libcalls
from . import types as T
from .lower import expr_lowering, is_multi
from .types import expr_type


def var_load(v):
    """Read a local variable (boxed ones through [0])."""
    if v.mode == "box":
        return P.subscript(P.name(v.pyname), P.const(0))
    return P.name(v.pyname)


def var_store(v):
    if v.mode == "box":
        return P.subscript(P.name(v.pyname), P.const(0), ast.Store())
    return P.store(v.pyname)


@expr_lowering(A.Nil)
def lower_nil(lw, e):
    """nil -> None"""
    return P.const(None)


@expr_lowering(A.TrueExpr)
def lower_true(lw, e):
    return P.const(True)


@expr_lowering(A.FalseExpr)
def lower_false(lw, e):
    return P.const(False)


@expr_lowering(A.Number)
def lower_number(lw, e):
    """3 -> 3, 0x10 -> 16, 1e2 -> 100.0"""
    return P.const(e.n)


@expr_lowering(A.String)
def lower_string(lw, e):
    """ "a\\n" -> 'a\\n' (one char per byte)"""
    s = e.s
    if isinstance(s, bytes):
        s = s.decode("latin-1")
    return P.const(s)


@expr_lowering(A.Varargs)
def lower_varargs(lw, e):
    """... -> the tuple `varargs` (callers expand or truncate it)."""
    return P.call(lw.h("Multi"), [P.name("varargs")])


@expr_lowering(A.Name)
def lower_name(lw, e):
    """local x -> x; global x -> _ENV["x"]"""
    v = e.var
    if v is None:
        return P.subscript(var_load(e.env), P.const(e.id))
    return var_load(v)


def field_key(e):
    """The Lua key of an Index node as a Python constant, or None."""
    if e.notation == A.IndexNotation.DOT:
        return e.idx.id
    k = e.idx
    if isinstance(k, A.String):
        s = k.s
        return s.decode("latin-1") if isinstance(s, bytes) else s
    if isinstance(k, A.Number):
        n = k.n
        if isinstance(n, float) and n.is_integer() and abs(n) < 2**63:
            return int(n)
        return n
    return None


def lower_key(lw, e):
    """The Python subscript for the key of Index node e (for reads)."""
    k = field_key(e)
    if k is not None and not (isinstance(k, float) and k != k):
        return P.const(k)
    key = lw.expr1(e.idx)
    t = expr_type(e.idx)
    if "any" not in t and "bool" not in t and (t <= T.STR | T.INT | T.TABLE | T.FUNC):
        return key
    # Booleans are stored under sentinel keys (True == 1 in Python).
    if not P.is_simple(key):
        tmp = lw.temp("k")
        return P.ifexp(
            P.is_not(P.cls_of(P.walrus(tmp, key)), P.name("bool")),
            P.name(tmp),
            P.subscript(lw.h("BOOLKEYS"), P.name(tmp)),
        )
    return P.ifexp(
        P.is_not(P.cls_of(key), P.name("bool")),
        key,
        P.subscript(lw.h("BOOLKEYS"), key),
    )


def _shadow(e):
    """The Python name holding local e's value or STRINGS, if it has one."""
    if isinstance(e, A.Name):
        v = getattr(e, "var", None)
        if v is not None and v.shadow.__class__ is str:
            return v.shadow
    return None


def _raw_key(lw, e):
    """The Lua value of the key of Index node e (for the index helper)."""
    k = field_key(e)
    if k is not None and not (isinstance(k, float) and k != k):
        return P.const(k)
    return lw.expr1(e.idx)


@expr_lowering(A.Index)
def lower_index(lw, e):
    """t.x -> t["x"]; t[k] -> t[k] (the table's __missing__ does __index)."""
    obj = lw.expr1(e.value)
    t = expr_type(e.value)
    if T.never(t, T.NOT_INDEXABLE):
        # A number, boolean, nil or function: its type's metatable or an
        # error, in the helper (Python would raise TypeError).
        return P.call(lw.h("index"), [obj, _raw_key(lw, e)])
    key = lower_key(lw, e)
    shadow = _shadow(e.value)
    if shadow is not None:
        return P.subscript(P.name(shadow), key)
    t = expr_type(e.value)
    if t == T.STR:
        return P.subscript(lw.h("STRINGS"), key)
    if t and t <= T.TABLE:
        return P.subscript(obj, key)
    # Strings index their metatable's __index (the string library).
    if P.is_simple(obj):
        test_obj = ref = obj
    else:
        tmp = lw.temp("o")
        test_obj = P.walrus(tmp, obj)
        ref = P.name(tmp)
    target = P.ifexp(P.is_not(P.cls_of(test_obj), P.name("str")), ref, lw.h("STRINGS"))
    return P.subscript(target, key)


@expr_lowering(A.Call)
def lower_call(lw, e):
    """f(a, g()) -> f(a, *values(g()))"""
    if libcalls.is_new_instance(e):
        return libcalls.new_instance(lw, e)
    inline = libcalls.string_call(lw, e)
    if inline is not None:
        return inline
    if T.never(expr_type(e.func), T.NOT_CALLABLE):
        # Not a function: its type's __call or an error, in the helper.
        return P.call(lw.h("call"), [lw.expr1(e.func)] + lw.explist(e.args))
    return P.call(lw.expr1(e.func), lw.explist(e.args))


@expr_lowering(A.Invoke)
def lower_invoke(lw, e):
    """o:m(a) -> (o if o.__class__ is not str else STRINGS)["m"](o, a)"""
    obj = lw.expr1(e.source)
    name = e.func.id
    t = expr_type(e.source)
    if T.never(t, T.NOT_INDEXABLE):
        # The method of a number, boolean, nil or function: through its
        # type's metatable (or an error) in the helper.
        if not P.is_simple(obj):
            tmp = lw.temp("o")
            lookup = P.call(lw.h("index"), [P.walrus(tmp, obj), P.const(name)])
            obj = P.name(tmp)
        else:
            lookup = P.call(lw.h("index"), [obj, P.const(name)])
        return P.call(lookup, [obj] + lw.explist(e.args))
    inline = libcalls.string_method(name, e.args)
    shadow = _shadow(e.source)
    if shadow is not None:
        if inline:
            lookup = P.subscript(P.name(shadow), P.const(name))
            return libcalls.string_invoke(lw, inline, lookup, obj, False, e.args)
        args = lw.explist(e.args)
        return P.call(P.subscript(P.name(shadow), P.const(name)), [obj] + args)
    if t <= T.TABLE and t:
        args = lw.explist(e.args)
        if not P.is_simple(obj):
            tmp = lw.temp("o")
            return P.call(
                P.subscript(P.walrus(tmp, obj), P.const(name)), [P.name(tmp)] + args
            )
        return P.call(P.subscript(obj, P.const(name)), [obj] + args)
    if t == T.STR:
        if inline and P.is_simple(obj):
            lookup = P.subscript(lw.h("STRINGS"), P.const(name))
            return libcalls.string_invoke(lw, inline, lookup, obj, True, e.args)
        args = lw.explist(e.args)
        if not P.is_simple(obj):
            tmp = lw.temp("o")
            return P.call(
                P.subscript(lw.h("STRINGS"), P.const(name)),
                [P.walrus(tmp, obj)] + args,
            )
        return P.call(P.subscript(lw.h("STRINGS"), P.const(name)), [obj] + args)
    if P.is_simple(obj):
        test_obj = ref = obj
    else:
        tmp = lw.temp("o")
        test_obj = P.walrus(tmp, obj)
        ref = P.name(tmp)
    target = P.ifexp(P.is_not(P.cls_of(test_obj), P.name("str")), ref, lw.h("STRINGS"))
    lookup = P.subscript(target, P.const(name))
    if inline:
        return libcalls.string_invoke(lw, inline, lookup, ref, False, e.args)
    return P.call(lookup, [ref] + lw.explist(e.args))


@expr_lowering(A.AnonymousFunction)
def lower_anon_function(lw, e):
    """function(x) ... end -> a def hoisted before the statement, then its name"""
    pyname = fresh_name(lw.func, "lua_fn_L%d" % (getattr(e, "lua_line", 0) or 0))
    lw.pre.extend(lw.function_def(e, pyname, e.args, e.body))
    return P.name(pyname)


def fresh_name(f, base):
    name = base
    i = 2
    while name in f.taken:
        name = "%s_%d" % (base, i)
        i += 1
    f.taken.add(name)
    return name


@expr_lowering(A.Table)
def lower_table(lw, e):
    """{1, x = 2, [k] = v, f()} -> Table({...}) / mktable(...)"""
    fields = e.fields
    if not fields:
        return P.call(lw.h("Table"), [])
    tail = None
    if fields[-1].key is None and is_multi(fields[-1].value):
        tail = fields[-1].value
        fields = fields[:-1]
    keys = []
    vals = []
    const_keys = True
    non_nil = True
    pos_fields = any(f.key is None for f in fields)
    pos = 0
    for fld in fields:
        if fld.key is None:
            pos += 1
            keys.append(P.const(pos))
        elif not fld.between_brackets and isinstance(fld.key, A.Name):
            keys.append(P.const(fld.key.id))
        else:
            k = fld.key
            kv = None
            if isinstance(k, A.String):
                kv = k.s.decode("latin-1") if isinstance(k.s, bytes) else k.s
            elif isinstance(k, A.Number) and not (
                isinstance(k.n, float) and not k.n.is_integer()
            ):
                kv = int(k.n)
            if kv is not None and not (isinstance(kv, int) and pos_fields):
                keys.append(P.const(kv))
            else:
                const_keys = False
                keys.append(lw.expr1(k))
        vals.append(lw.expr1(fld.value))
        if T.may_be_nil(expr_type(fld.value)):
            non_nil = False
    if not const_keys:
        flat = []
        for k, v in zip(keys, vals):
            flat.extend([k, v])
        d = P.tuple_(flat)
        # Positional items are stored after the keyed ones, as Lua's
        # SETLIST does, so {[1] = "a", "b"} has t[1] == "b".
        positional = [i for i, f in enumerate(fields) if f.key is None]
        args = [d] + (
            [P.tuple_([P.const(i) for i in positional])] if positional else []
        )
        t = P.call(lw.h("mktable_kv"), args)
        if tail is not None:
            t = P.call(lw.h("mktable_multi"), [t, P.const(pos + 1), _raw(lw, tail)])
        return t
    d = ast.Dict(keys=keys, values=vals)
    if tail is not None:
        if isinstance(tail, A.Varargs) and not keys:
            return P.call(lw.h("mktable_seq"), [P.name("varargs")])
        return P.call(
            lw.h("mktable_multi"),
            [P.call(lw.h("mktable"), [d]), P.const(pos + 1), _raw(lw, tail)],
        )
    if non_nil:
        return P.call(lw.h("Table"), [d])
    maybe_nil = [v for v, f in zip(vals, fields) if T.may_be_nil(expr_type(f.value))]
    if len(maybe_nil) <= 4 and all(P.is_simple(v) for v in maybe_nil):
        # Variables can be read twice: test them and build the dict directly.
        return P.ifexp(
            P.and_(*[P.is_not(v, P.const(None)) for v in maybe_nil]),
            P.call(lw.h("Table"), [d]),
            P.call(lw.h("mktable"), [copy.deepcopy(d)]),
        )
    return P.call(lw.h("mktable"), [d])


def _raw(lw, e):
    if isinstance(e, A.Varargs):
        return P.call(lw.h("Multi"), [P.name("varargs")])
    return lw.expr(e)
