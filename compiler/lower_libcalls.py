"""Calls of library functions whose common case runs inline.

A call such as `s:byte(i)` or `setmetatable({...}, M)` names a library
function only by convention: the program may have replaced it. So the
callee is looked up as usual, compared with the library's function object
(fetched from runtime.prelude), and only when it is that function, and the
arguments are in its common case, does the inline code run; otherwise the
call happens as written. Lua's order of evaluation is kept: callee first,
then the arguments once each, left to right.

    s:sub(i, j)
    ->  ((s[_a1 - 1:_a2] if (_a1 := i).__class__ is (_a2 := j).__class__ is int
                              and s.__class__ is str and _a1 > 0 and _a2 >= 0
          else _f(s, _a1, _a2))
         if (_f := (s if s.__class__ is not str else STRINGS)["sub"]) is STR_SUB
         else _f(s, i, j))
"""

import ast
import copy

from luaparser import astnodes as A

from . import pyast as P
from . import types as T
from .lower import is_multi
from .types import expr_type


def _int_arg(lw, e):
    """(first use, later use, goes in the class-test chain) for an integer
    argument: evaluated there into a temporary unless simple, tested
    unless known to be an integer."""
    x = lw.expr1(e)
    if _neg_literal(x) is not None:
        return x, x, False
    if P.is_simple(x):
        return x, x, not (isinstance(x, ast.Constant) or T.is_int(expr_type(e)))
    tmp = lw.temp("a")
    return P.walrus(tmp, x), P.name(tmp), True


def _byte_fast(lw, s, args):
    """s:byte(i) for 0 < i <= #s: (test, value)."""
    (i,) = args
    in_range = ast.Compare(
        left=P.const(0),
        ops=[ast.Lt(), ast.LtE()],
        comparators=[i, P.call(P.name("len"), [s])],
    )
    return in_range, P.call(P.name("ord"), [P.subscript(s, _minus1(i))])


def _sub_fast(lw, s, args):
    """s:sub(i) and s:sub(i, j) for i > 0 and j >= 0: Python's slice clips
    as Lua's sub does."""
    i = args[0]
    tests = [_positive(i, ast.Gt())]
    upper = None
    if len(args) == 2:
        upper = args[1]
        k = _neg_literal(upper)
        if k is not None:
            # s:sub(i, -1) is s[i - 1:]; s:sub(i, -k) is s[i - 1:-k + 1]
            # (Python's negative index counts from the end as Lua's does,
            # and clips alike).
            upper = None if k == -1 else P.const(k + 1)
        else:
            tests.append(_positive(upper, ast.GtE()))
    tests = [t for t in tests if t is not True]
    sl = ast.Slice(lower=_minus1(i), upper=upper, step=None)
    return (P.and_(*tests) if tests else None), P.subscript(s, sl)


def _neg_literal(x):
    """The value of a negative integer literal (lowered as -(k)), or None."""
    if (
        isinstance(x, ast.UnaryOp)
        and isinstance(x.op, ast.USub)
        and isinstance(x.operand, ast.Constant)
        and x.operand.value.__class__ is int
    ):
        return -x.operand.value
    return None


def _positive(x, op):
    if isinstance(x, ast.Constant):
        return x.value > 0 if isinstance(op, ast.Gt) else x.value >= 0
    return P.compare(x, op, P.const(0))


def _minus1(x):
    if isinstance(x, ast.Constant):
        return P.const(x.value - 1)
    return P.binop(x, ast.Sub(), P.const(1))


# method name -> (library function in runtime.prelude, arities, fast path)
STRING_METHODS = {
    "byte": ("STR_BYTE", (1,), _byte_fast),
    "sub": ("STR_SUB", (1, 2), _sub_fast),
}


def _literal(e):
    """The value of a numeric literal argument (`2`, `-2`), else None."""
    if isinstance(e, A.Number):
        return e.n
    if isinstance(e, A.UMinusOp) and isinstance(e.operand, A.Number):
        return -e.operand.n
    return None


def _literals_ok(name, arg_nodes):
    """Can literal arguments take the fast path at all?"""
    for k, a in enumerate(arg_nodes):
        if isinstance(a, (A.String, A.Nil, A.TrueExpr, A.FalseExpr, A.Table)):
            return False
        v = _literal(a)
        if v is None:
            continue
        if not isinstance(v, int):
            return False
        if (name, k) != ("sub", 1) and v < 1:
            return False
    return True


def string_method(name, arg_nodes):
    """The STRING_METHODS entry for a call of method `name` with these
    arguments, when it can run inline, else None."""
    spec = STRING_METHODS.get(name)
    if spec is None or len(arg_nodes) not in spec[1]:
        return None
    if arg_nodes and is_multi(arg_nodes[-1]):
        return None
    if not _literals_ok(name, arg_nodes):
        return None
    return spec


def string_invoke(lw, spec, lookup, obj, obj_is_str, arg_nodes):
    """`o:byte(i)`, `o:sub(i, j)`, where `lookup` finds the method and has
    evaluated o into the simple expression `obj`."""
    libfn, _, fast = spec
    lowered = [_int_arg(lw, a) for a in arg_nodes]
    refs = [later for _, later, _ in lowered]
    range_test, value = fast(lw, obj, refs)
    tested = [first for first, _, test in lowered if test]
    tests = []
    if tested:
        # One chain evaluates every argument before any test can fail, so
        # the fallback call can use their temporaries.
        tests.append(
            ast.Compare(
                left=P.cls_of(tested[0]),
                ops=[ast.Is()] * len(tested),
                comparators=[P.cls_of(x) for x in tested[1:]] + [P.name("int")],
            )
        )
    if not obj_is_str:
        tests.append(P.is_(P.cls_of(obj), P.name("str")))
    if range_test is not None:
        tests.append(range_test)
    f = lw.temp("f")
    inner = value
    if tests:
        slow = P.call(P.name(f), [obj] + copy.deepcopy(refs))
        inner = P.ifexp(P.and_(*tests), value, slow)
    plain_args = [_bare(first) for first, _, _ in lowered]
    return P.ifexp(
        P.is_(P.walrus(f, lookup), lw.h(libfn)),
        inner,
        P.call(P.name(f), [copy.deepcopy(obj)] + copy.deepcopy(plain_args)),
    )


def string_call(lw, e):
    """`string.byte(s, i)`, `string.sub(s, i, j)` with s a local, or None."""
    f = e.func
    if not (
        isinstance(f, A.Index)
        and f.notation == A.IndexNotation.DOT
        and isinstance(f.value, A.Name)
        and f.value.id == "string"
        and f.value.var is None
        and e.args
        and isinstance(e.args[0], A.Name)
        and e.args[0].var is not None
    ):
        return None
    spec = string_method(f.idx.id, e.args[1:])
    if spec is None:
        return None
    lookup = lw.expr1(f)
    obj = lw.expr1(e.args[0])
    is_str = expr_type(e.args[0]) == T.STR
    return string_invoke(lw, spec, lookup, obj, is_str, e.args[1:])


def _bare(x):
    return x.value if isinstance(x, ast.NamedExpr) else x


# setmetatable({...}, M)


def is_new_instance(e):
    f = e.func
    return (
        isinstance(f, A.Name)
        and f.id == "setmetatable"
        and f.var is None
        and len(e.args) == 2
        and isinstance(e.args[0], A.Table)
        and not is_multi(e.args[1])
    )


def new_instance(lw, e):
    """setmetatable({...}, M) -> new_instance({...}, M) if `setmetatable`
    is the base library's, else the plain call: objects are made without
    a class switch."""
    func = lw.expr1(e.func)
    t = lw.expr1(e.args[0])
    mt = lw.expr1(e.args[1])
    fast = _ctor_dict(t)
    if fast is None:
        return P.call(func, [t, mt])
    d, guard = fast
    f = lw.temp("f")
    test = P.is_(P.walrus(f, func), lw.h("SETMETATABLE"))
    plain = P.call(P.name(f), [t, mt])
    return P.ifexp(
        P.and_(test, guard),
        P.call(lw.h("new_instance"), [d, copy.deepcopy(mt), P.name(f)]),
        copy.deepcopy(plain),
    )


def _ctor_dict(t):
    """(dict, guard) for a lowered constructor `Table(d)` or `Table()`, or
    `Table(d) if <non-nil tests> else mktable(d)`; None for other forms."""
    guard = None
    if isinstance(t, ast.IfExp):
        guard, t = t.test, t.body
    if not (isinstance(t, ast.Call) and isinstance(t.func, ast.Name)):
        return None
    if t.func.id != "Table":
        return None
    d = copy.deepcopy(t.args[0]) if t.args else ast.Dict(keys=[], values=[])
    return d, guard


# table.insert(t, v) as a statement


def is_table_insert(s):
    f = s.func
    return (
        isinstance(s, A.Call)
        and isinstance(f, A.Index)
        and f.notation == A.IndexNotation.DOT
        and f.idx.id == "insert"
        and isinstance(f.value, A.Name)
        and f.value.id == "table"
        and f.value.var is None
        and len(s.args) == 2
        and not is_multi(s.args[1])
    )


def table_insert(lw, s, append, simple_or_assign):
    """table.insert(t, v): the append runs inline when `table.insert` is
    the library's and t a proper sequence without a metatable.

    _f = table.insert; _a = t; _v = v
    if _f is TBL_INSERT and <t[#t + 1] = v is a plain append>: t[n + 1] = v
    else: _f(_a, _v)
    """
    out = [P.assign(lw.temp("f"), lw.expr1(s.func))]
    f = out[0].targets[0].id
    tab = simple_or_assign(lw, lw.expr1(s.args[0]), out, "a")
    val = lw.expr1(s.args[1])
    stmts = append(lw, tab, val, expr_type(s.args[1]))
    out.extend(stmts[:-1])
    test = stmts[-1]
    test.test = P.and_(P.is_(P.name(f), lw.h("TBL_INSERT")), test.test)
    val = test.body[0].value
    test.orelse = [P.expr_stmt(P.call(P.name(f), [tab, val]))]
    out.append(test)
    return out
