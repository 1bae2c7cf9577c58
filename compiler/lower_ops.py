"""Lowering of Lua operators.

The fast cases run as plain Python operators; a guard tests the operand
types first when the compiler cannot prove them, and everything else
(strings, metamethods, overflow, errors) goes to a runtime.ops helper:

    a + b   (a, b unknown)
    ->  (_r1 if (_c1 := (_a1 := a).__class__) is (_b1 := b).__class__ is int
              and MININT <= (_r1 := _a1 + _b1) <= MAXINT   (bounds as literals)
         else (_a1 + _b1 if _c1 is float is _b1.__class__ else arith_add(_a1, _b1)))

Operands are evaluated once, left to right, into fresh temporaries.
"""

import ast
import copy

from luaparser import astnodes as A

from . import pyast as P
from . import types as T
from .lower import expr_lowering
from .types import expr_type

# The 64-bit bounds are written as literals: a constant load is cheaper than
# a global one in the overflow test of every integer operation.
MAXINT = (1 << 63) - 1
MININT = -(1 << 63)

_PYOP = {
    A.AddOp: (ast.Add, "arith_add"),
    A.SubOp: (ast.Sub, "arith_sub"),
    A.MultOp: (ast.Mult, "arith_mul"),
}


def _bare(x):
    """An operand's first-use form without its temporary, for code that
    uses the operand once."""
    return x.value if isinstance(x, ast.NamedExpr) else x


def _operand(lw, e, prefix):
    """(first-use expression, later-use expression) for an operand."""
    x = lw.expr1(e)
    if P.is_simple(x):
        return x, x
    tmp = lw.temp(prefix)
    return P.walrus(tmp, x), P.name(tmp)


def _in_range(lw, r):
    return ast.Compare(
        left=P.const(MININT),
        ops=[ast.LtE(), ast.LtE()],
        comparators=[r, P.const(MAXINT)],
    )


def _int_check(lw, op, ka, kb, res):
    """The no-overflow test of an integer result: one-sided when an operand
    is a literal integer of known sign."""
    k = kb if kb is not None else ka
    if isinstance(k, int):
        if op is ast.Add and k >= 0 or op is ast.Sub and kb is not None and k <= 0:
            return P.compare(res, ast.LtE(), P.const(MAXINT))
        if op is ast.Sub and kb is not None and k >= 0 or op is ast.Add and k <= 0:
            return P.compare(P.const(MININT), ast.LtE(), res)
    return _in_range(lw, res)


def _type(x):
    # `x.__class__` is cheaper than `type(x)` (no global lookup or call).
    return P.cls_of(x)


def _same_type_is(x1, y1, kind, cvar=None):
    """`type(x) is type(y) is kind`, evaluating both operands first (a
    chain `type(x) is kind is type(y)` would skip y when x fails)."""
    tx = _type(x1) if cvar is None else P.walrus(cvar, _type(x1))
    return ast.Compare(
        left=tx, ops=[ast.Is(), ast.Is()], comparators=[_type(y1), P.name(kind)]
    )


def _floaty(lw):
    """Does the current function compute with floats (float literals, `/`
    or `^`)? Then unknown operands are tested for float first."""
    f = lw.func
    r = getattr(f, "floaty", None)
    if r is None:
        r = f.floaty = _has_float_ops(f.node)
    return r


def _has_float_ops(node):
    if isinstance(node, (A.FloatDivOp, A.ExpoOp)):
        return True
    if isinstance(node, A.Number) and isinstance(node.n, float):
        return True
    return any(_has_float_ops(c) for c in T.children(node))


def _bounded(left, op, k):
    """Is `x - k` / `x + k` (k a literal) free of overflow because x has a
    known lower bound (compiler.lower.bound_after, numeric for loops)?"""
    v = getattr(left, "var", None) if isinstance(left, A.Name) else None
    if v is None or v.lower is None or not isinstance(k, int):
        return False
    if op is ast.Sub:
        return k >= 0 and v.lower - k >= -(2**63)
    if op is ast.Add:
        return k <= 0 and v.lower + k >= -(2**63)
    return False


def _const_num(e):
    if isinstance(e, A.Number):
        return e.n
    return None


class Lowered(A.Expression):
    """An operand already lowered to Python (a temporary), of known type."""

    def __init__(self, py, types):
        super().__init__("Lowered")
        self.py = py
        self.static_types = types


@expr_lowering(Lowered)
def lower_lowered(lw, e):
    return copy.deepcopy(e.py)


_CHAIN = (A.AddOp, A.SubOp, A.MultOp, A.FloatDivOp, A.FloorDivOp, A.ModOp)
_CHAIN_MAX = 40


def _long_chain(lw, e):
    """a1 + a2 + ... + a200 nests each operation in the previous one, past
    Python's parser limits; a long chain becomes a tuple of steps instead,
    `((_k1 := a1 + a2), (_k2 := _k1 + a3), ...)[-1]`, evaluated in Lua's
    order. None for short chains."""
    nodes = []
    x = e
    while isinstance(x, _CHAIN):
        nodes.append(x)
        x = x.left
    if len(nodes) <= _CHAIN_MAX:
        return None
    steps = []
    left = x
    for node in reversed(nodes):
        step = copy.copy(node)
        step.left = left
        tmp = lw.temp("k")
        steps.append(P.walrus(tmp, lw.expr(step)))
        left = Lowered(P.name(tmp), expr_type(step))
    return P.subscript(P.tuple_(steps), P.const(-1))


@expr_lowering(A.AddOp, A.SubOp, A.MultOp)
def lower_arith(lw, e):
    """a + b, a - b, a * b with integer wraparound and coercions."""
    chain = _long_chain(lw, e)
    if chain is not None:
        return chain
    op, helper = _PYOP[type(e)]
    ta = expr_type(e.left)
    tb = expr_type(e.right)
    a1, a2 = _operand(lw, e.left, "a")
    b1, b2 = _operand(lw, e.right, "b")
    if T.is_num(ta) and T.is_num(tb) and ("int" not in ta or "int" not in tb):
        return P.binop(_bare(a1), op(), _bare(b1))  # a float: no overflow
    ka = _const_num(e.left)
    kb = _const_num(e.right)
    safe = _bounded(e.left, op, kb)
    if T.is_int(ta) and T.is_int(tb):
        if safe:
            return P.binop(_bare(a1), op(), _bare(b1))
        r = lw.temp("r")
        return P.ifexp(
            _int_check(
                lw, op, ka, kb, P.walrus(r, P.binop(_bare(a1), op(), _bare(b1)))
            ),
            P.name(r),
            P.call(lw.h("wrap_int"), [P.name(r)]),
        )
    r = lw.temp("r")
    c = lw.temp("c")
    # An operand that is a literal or a plain variable of a known number
    # type needs no test: test only the other one.
    known_b = P.is_simple(b1) and (kb is not None or T.is_int(tb) or T.is_float(tb))
    known_a = P.is_simple(a1) and (ka is not None or T.is_int(ta) or T.is_float(ta))
    if known_a or known_b:
        x1, x2 = (a1, a2) if known_b else (b1, b2)
        k = kb if known_b else ka
        if isinstance(k, float) or T.is_float(tb if known_b else ta):
            return P.ifexp(
                P.or_(
                    P.is_(P.walrus(c, _type(x1)), P.name("float")),
                    P.is_(P.name(c), P.name("int")),
                ),
                P.binop(a2, op(), b2),
                P.call(lw.h(helper), [a2, b2]),
            )
        if safe:
            return P.ifexp(
                P.is_(P.walrus(c, _type(x1)), P.name("int")),
                P.binop(a2, op(), b2),
                P.ifexp(
                    P.is_(P.name(c), P.name("float")),
                    P.binop(a2, op(), b2),
                    P.call(lw.h(helper), [a2, b2]),
                ),
            )
        check = _int_check(lw, op, ka, kb, P.walrus(r, P.binop(a2, op(), b2)))
        return P.ifexp(
            P.and_(P.is_(P.walrus(c, _type(x1)), P.name("int")), check),
            P.name(r),
            P.ifexp(
                P.is_(P.name(c), P.name("float")),
                P.binop(a2, op(), b2),
                P.call(lw.h(helper), [a2, b2]),
            ),
        )
    float_path = P.ifexp(
        ast.Compare(
            left=P.name(c),
            ops=[ast.Is(), ast.Is()],
            comparators=[P.name("float"), _type(b2)],
        ),
        P.binop(a2, op(), b2),
        P.call(lw.h(helper), [a2, b2]),
    )
    if (
        ("float" in ta or "float" in tb) and not ("int" in ta or "int" in tb)
    ) or _floaty(lw):
        int_path = P.ifexp(
            P.and_(
                ast.Compare(
                    left=P.name(c),
                    ops=[ast.Is(), ast.Is()],
                    comparators=[P.name("int"), _type(b2)],
                ),
                _in_range(lw, P.walrus(r, P.binop(a2, op(), b2))),
            ),
            P.name(r),
            P.call(lw.h(helper), [a2, b2]),
        )
        return P.ifexp(
            _same_type_is(a1, b1, "float", c),
            P.binop(a2, op(), b2),
            int_path,
        )
    # Integers first: a Lua program's unknown operands are mostly integers.
    return P.ifexp(
        P.and_(
            _same_type_is(a1, b1, "int", c),
            _in_range(lw, P.walrus(r, P.binop(a2, op(), b2))),
        ),
        P.name(r),
        float_path,
    )


def _as_float(x, t):
    if T.is_float(t):
        return x
    if isinstance(x, ast.Constant) and isinstance(x.value, (int, float)):
        return P.const(float(x.value))
    return P.call(P.name("float"), [x])


@expr_lowering(A.FloatDivOp)
def lower_div(lw, e):
    """a / b: float division; division by zero gives inf or nan."""
    chain = _long_chain(lw, e)
    if chain is not None:
        return chain
    ta = expr_type(e.left)
    tb = expr_type(e.right)
    a1, a2 = _operand(lw, e.left, "a")
    b1, b2 = _operand(lw, e.right, "b")
    if T.is_num(ta) and T.is_num(tb):
        if isinstance(e.right, A.Number) and e.right.n != 0:
            if "int" in ta and isinstance(e.right.n, int):
                return P.binop(P.call(P.name("float"), [_bare(a1)]), ast.Div(), b1)
            return P.binop(_bare(a1), ast.Div(), _bare(b1))
        # Python's int / int is not Lua's float(a) / float(b) beyond 2**53.
        # float / int and int / float need no conversion (Python converts the
        # int exactly as Lua does); int / int does.
        fa = a1 if T.is_float(tb) else _as_float(a1, ta)
        fb = b1 if T.is_float(ta) else _as_float(b1, tb)
        if not P.is_simple(fa):
            t = lw.temp("a")
            fa = P.walrus(t, fa)
            a_again = P.name(t)
        else:
            a_again = fa
        b = lw.temp("b")
        # Division by a zero float gives inf or nan through fdiv.
        test = P.walrus(b, fb)
        if not P.is_simple(fa):
            test = P.and_(P.is_not(fa, P.const(None)), test)
            return P.ifexp(
                test,
                P.binop(a_again, ast.Div(), P.name(b)),
                P.call(lw.h("fdiv"), [a_again, P.name(b)]),
            )
        return P.ifexp(
            test,
            P.binop(fa, ast.Div(), P.name(b)),
            P.call(lw.h("fdiv"), [fa, P.name(b)]),
        )
    return P.ifexp(
        P.and_(_same_type_is(a1, b1, "float"), b2),
        P.binop(a2, ast.Div(), b2),
        P.call(lw.h("arith_div"), [a2, b2]),
    )


@expr_lowering(A.FloorDivOp, A.ModOp)
def lower_idiv_mod(lw, e):
    """a // b, a % b: floor semantics; integer division by zero errors."""
    chain = _long_chain(lw, e)
    if chain is not None:
        return chain
    is_mod = isinstance(e, A.ModOp)
    op = ast.Mod if is_mod else ast.FloorDiv
    helper = "arith_mod" if is_mod else "arith_idiv"
    ta = expr_type(e.left)
    tb = expr_type(e.right)
    a1, a2 = _operand(lw, e.left, "a")
    b1, b2 = _operand(lw, e.right, "b")
    if T.is_int(ta) and T.is_int(tb):
        rconst = e.right.n if isinstance(e.right, A.Number) else None
        if is_mod or (rconst is not None and rconst > 0):
            # ZeroDivisionError becomes Lua's "attempt to perform 'n%%0'".
            return P.binop(_bare(a1), op(), _bare(b1))
        r = lw.temp("r")
        return P.ifexp(
            P.compare(
                P.walrus(r, P.binop(_bare(a1), op(), _bare(b1))),
                ast.LtE(),
                P.const(MAXINT),
            ),
            P.name(r),
            P.call(lw.h("wrap_int"), [P.name(r)]),
        )
    k = _const_num(e.right)
    if isinstance(k, int) and k not in (0, -1):
        # A literal divisor: only the dividend needs a test.
        return P.ifexp(
            P.is_(_type(a1), P.name("int")),
            P.binop(a2, op(), b2),
            P.call(lw.h(helper), [a2, b2]),
        )
    c = lw.temp("c")
    return P.ifexp(
        P.and_(
            _same_type_is(a1, b1, "int", c),
            b2,
            P.compare(b2, ast.NotEq(), P.const(-1)),
        ),
        P.binop(a2, op(), b2),
        P.call(lw.h(helper), [a2, b2]),
    )


@expr_lowering(A.ExpoOp)
def lower_pow(lw, e):
    """a ^ b: always a float."""
    ta = expr_type(e.left)
    tb = expr_type(e.right)
    a = lw.expr1(e.left)
    b = lw.expr1(e.right)
    if T.is_num(ta) and T.is_num(tb):
        if isinstance(e.right, A.Number) and e.right.n == 2:
            if P.is_simple(a):
                return P.binop(P.call(P.name("float"), [a]), ast.Mult(), a)
        return P.call(
            lw.h("fpow"), [P.call(P.name("float"), [a]), P.call(P.name("float"), [b])]
        )
    return P.call(lw.h("arith_pow"), [a, b])


@expr_lowering(A.UMinusOp)
def lower_unm(lw, e):
    """-a"""
    if isinstance(e.operand, A.Number):
        n = e.operand.n
        if isinstance(n, int):
            return P.const(-n if n != -(2**63) else n)
        return P.const(-n)
    t = expr_type(e.operand)
    a1, a2 = _operand(lw, e.operand, "a")
    if T.is_float(t):
        return ast.UnaryOp(op=ast.USub(), operand=a1)
    if T.is_int(t):
        r = lw.temp("r")
        return P.ifexp(
            P.compare(
                P.walrus(r, ast.UnaryOp(op=ast.USub(), operand=a1)),
                ast.LtE(),
                P.const(MAXINT),
            ),
            P.name(r),
            P.const(MININT),
        )
    return P.ifexp(
        P.is_(_type(a1), P.name("float")),
        ast.UnaryOp(op=ast.USub(), operand=a2),
        P.call(lw.h("arith_unm"), [a2]),
    )


_BITOPS = {
    A.BAndOp: (ast.BitAnd, "bit_and"),
    A.BOrOp: (ast.BitOr, "bit_or"),
    A.BXorOp: (ast.BitXor, "bit_xor"),
}


@expr_lowering(A.BAndOp, A.BOrOp, A.BXorOp)
def lower_bitop(lw, e):
    """a & b, a | b, a ~ b on integers (and integral floats, via helpers)."""
    op, helper = _BITOPS[type(e)]
    ta = expr_type(e.left)
    tb = expr_type(e.right)
    a1, a2 = _operand(lw, e.left, "a")
    b1, b2 = _operand(lw, e.right, "b")
    if T.is_int(ta) and T.is_int(tb):
        return P.binop(_bare(a1), op(), _bare(b1))
    return P.ifexp(
        _same_type_is(a1, b1, "int"),
        P.binop(a2, op(), b2),
        P.call(lw.h(helper), [a2, b2]),
    )


@expr_lowering(A.BShiftLOp, A.BShiftROp)
def lower_shift(lw, e):
    helper = "bit_shl" if isinstance(e, A.BShiftLOp) else "bit_shr"
    return P.call(lw.h(helper), [lw.expr1(e.left), lw.expr1(e.right)])


@expr_lowering(A.UBNotOp)
def lower_bnot(lw, e):
    """~a"""
    t = expr_type(e.operand)
    a1, a2 = _operand(lw, e.operand, "a")
    if T.is_int(t):
        return ast.UnaryOp(op=ast.Invert(), operand=a1)
    return P.ifexp(
        P.is_(_type(a1), P.name("int")),
        ast.UnaryOp(op=ast.Invert(), operand=a2),
        P.call(lw.h("bit_not"), [a2]),
    )


def _concat_operands(e):
    if isinstance(e, A.Concat) and not getattr(e, "wrapped", False):
        return _concat_operands(e.left) + _concat_operands(e.right)
    return [e]


@expr_lowering(A.Concat)
def lower_concat(lw, e):
    """a .. b .. c -> a + b + c for strings, concat helpers otherwise."""
    parts = _concat_operands(e.left) + _concat_operands(e.right)
    types = [expr_type(p) for p in parts]
    vals = [lw.expr1(p) for p in parts]
    if all(t == T.STR for t in types):
        if all(isinstance(v, ast.Constant) for v in vals):
            if sum(len(v.value) for v in vals) > 40:
                # Python would fold this into the literal it equals, but Lua
                # makes a new long string (a new address for "%p").
                return P.call(P.attr(P.const(""), "join"), [P.tuple_(vals)])
        r = vals[0]
        for v in vals[1:]:
            r = P.binop(r, ast.Add(), v)
        return r
    if all(t == T.STR or T.is_int(t) for t in types):
        conv = [
            v if t == T.STR else P.call(P.name("str"), [v]) for v, t in zip(vals, types)
        ]
        r = conv[0]
        for v in conv[1:]:
            r = P.binop(r, ast.Add(), v)
        return r
    if len(vals) == 2:
        a1, a2 = _simple_or_temp(lw, vals[0], "a")
        b1, b2 = _simple_or_temp(lw, vals[1], "b")
        return P.ifexp(
            _same_type_is(a1, b1, "str"),
            P.binop(a2, ast.Add(), b2),
            P.call(lw.h("concat"), [a2, b2]),
        )
    return P.call(lw.h("concat_list"), vals)


def _simple_or_temp(lw, x, prefix):
    if P.is_simple(x):
        return x, x
    tmp = lw.temp(prefix)
    return P.walrus(tmp, x), P.name(tmp)


@expr_lowering(A.ULengthOP)
def lower_len(lw, e):
    """#a"""
    t = expr_type(e.operand)
    a = lw.expr1(e.operand)
    if t == T.STR:
        return P.call(P.name("len"), [a])
    if "any" in t or "str" in t:
        # Strings inline; tables (border, __len) and errors in lua_len.
        x1, x2 = a, a
        if not P.is_simple(a):
            tmp = lw.temp("x")
            x1, x2 = P.walrus(tmp, a), P.name(tmp)
        return P.ifexp(
            P.is_(P.cls_of(x1), P.name("str")),
            P.call(P.name("len"), [x2]),
            P.call(lw.h("lua_len"), [x2]),
        )
    return P.call(lw.h("lua_len"), [a])


# comparisons

_CMP = {
    A.LessThanOp: ast.Lt,
    A.GreaterThanOp: ast.Gt,
    A.LessOrEqThanOp: ast.LtE,
    A.GreaterOrEqThanOp: ast.GtE,
}


@expr_lowering(A.LessThanOp, A.GreaterThanOp, A.LessOrEqThanOp, A.GreaterOrEqThanOp)
def lower_order(lw, e):
    """a < b -> a < b (tables compare through MTable's rich comparisons)."""
    ta = expr_type(e.left)
    tb = expr_type(e.right)
    a = lw.expr1(e.left)
    b = lw.expr1(e.right)
    # Python orders booleans where Lua raises an error: only operands known
    # to hold booleans take the helpers (see README, Differences). So do
    # operands that Python cannot order at all (nil, tables, functions, or a
    # number with a string), which only metamethods can compare.
    if "bool" not in ta and "bool" not in tb and not _unordered(ta, tb):
        return P.compare(a, _CMP[type(e)](), b)
    if isinstance(e, A.LessThanOp):
        return P.call(lw.h("lt"), [a, b])
    if isinstance(e, A.LessOrEqThanOp):
        return P.call(lw.h("le"), [a, b])
    # a > b is b < a, evaluated left to right.
    a1, a2 = _simple_or_temp(lw, a, "a")
    b1, b2 = _simple_or_temp(lw, b, "b")
    helper = "lt" if isinstance(e, A.GreaterThanOp) else "le"
    if a1 is a2:
        return P.call(lw.h(helper), [b1, a1])
    return P.subscript(P.tuple_([a1, P.call(lw.h(helper), [b1, a2])]), P.const(1))


_UNORDERED = frozenset(["nil", "table", "func"])


def _unordered(ta, tb):
    """Can these operands be compared only through metamethods (tables', or
    those of runtime.typemeta)?"""
    if T.never(ta, _UNORDERED) or T.never(tb, _UNORDERED):
        return True
    return (T.is_num(ta) and tb == T.STR) or (ta == T.STR and T.is_num(tb))


def _may_be_bool(t):
    return "any" in t or "bool" in t


def _eq(lw, e):
    ta = expr_type(e.left)
    tb = expr_type(e.right)
    left, right = e.left, e.right
    # Put a literal on the right.
    if isinstance(left, (A.Nil, A.TrueExpr, A.FalseExpr, A.Number, A.String)):
        if not isinstance(right, (A.Nil, A.TrueExpr, A.FalseExpr, A.Number, A.String)):
            left, right = right, left
            ta, tb = tb, ta
    a = lw.expr1(left)
    if isinstance(right, A.Nil):
        return P.is_(a, P.const(None))
    if isinstance(right, A.TrueExpr):
        return P.is_(a, P.const(True))
    if isinstance(right, A.FalseExpr):
        return P.is_(a, P.const(False))
    b = lw.expr1(right)
    if isinstance(right, A.Number):
        if right.n in (0, 1) and _may_be_bool(ta):
            a1, a2 = _simple_or_temp(lw, a, "a")
            return P.and_(
                P.compare(a1, ast.Eq(), b),
                P.is_not(P.cls_of(a2), P.name("bool")),
            )
        return P.compare(a, ast.Eq(), b)
    if isinstance(right, A.String):
        return P.compare(a, ast.Eq(), b)
    numbool = {"int", "float", "bool", "any"}
    if (
        not (numbool & ta)
        or not (numbool & tb)
        or (not _may_be_bool(ta) and not _may_be_bool(tb))
        or (ta <= T.BOOL and tb <= T.BOOL)
    ):
        return P.compare(a, ast.Eq(), b)
    a1, a2 = _simple_or_temp(lw, a, "a")
    b1, b2 = _simple_or_temp(lw, b, "b")
    # True == 1 in Python but not in Lua.
    return P.and_(
        P.compare(a1, ast.Eq(), b1),
        P.is_(
            P.is_(P.cls_of(a2), P.name("bool")),
            P.is_(P.cls_of(b2), P.name("bool")),
        ),
    )


@expr_lowering(A.EqToOp)
def lower_eq(lw, e):
    """a == b"""
    return _eq(lw, e)


@expr_lowering(A.NotEqToOp)
def lower_ne(lw, e):
    """a ~= b"""
    return P.not_(_eq(lw, e))


# logic


def truthy(lw, x, t):
    """A Python bool test of Lua truthiness of the lowered value x."""
    if t == T.BOOL:
        return x
    if not T.may_be_falsy(t):
        return P.const(True) if P.is_simple(x) else P.and_(P.tuple_([x]), P.const(True))
    if P.is_simple(x):
        if "bool" not in t and "any" not in t:
            return P.is_not(x, P.const(None))
        if "nil" not in t and "any" not in t:
            return P.is_not(x, P.const(False))
        return P.and_(P.is_not(x, P.const(None)), P.is_not(x, P.const(False)))
    tmp = lw.temp("t")
    return P.and_(
        P.is_not(P.walrus(tmp, x), P.const(None)),
        P.is_not(P.name(tmp), P.const(False)),
    )


def lower_test(lw, e):
    """Lower e in a condition (if/while/until): a Python boolean expression."""
    if isinstance(e, A.AndLoOp) and not _wrapped_multi(e):
        return P.and_(lower_test(lw, e.left), lower_test(lw, e.right))
    if isinstance(e, A.OrLoOp):
        return P.or_(lower_test(lw, e.left), lower_test(lw, e.right))
    if isinstance(e, A.ULNotOp):
        return P.not_(lower_test(lw, e.operand))
    if isinstance(e, (A.Nil, A.FalseExpr)):
        return P.const(False)
    if isinstance(e, A.TrueExpr):
        return P.const(True)
    return truthy(lw, lw.expr1(e), expr_type(e))


def _wrapped_multi(e):
    return False


@expr_lowering(A.AndLoOp)
def lower_and(lw, e):
    """a and b -> (b if a is truthy else a)"""
    ta = expr_type(e.left)
    a = lw.expr1(e.left)
    b = lw.expr1(e.right)
    if ta == T.BOOL:
        return P.and_(a, b)
    a1, a2 = _simple_or_temp(lw, a, "t")
    return P.ifexp(truthy(lw, a1, ta), b, a2)


@expr_lowering(A.OrLoOp)
def lower_or(lw, e):
    """a or b -> (a if a is truthy else b)"""
    ta = expr_type(e.left)
    a = lw.expr1(e.left)
    b = lw.expr1(e.right)
    if ta == T.BOOL:
        return P.or_(a, b)
    a1, a2 = _simple_or_temp(lw, a, "t")
    return P.ifexp(truthy(lw, a1, ta), a2, b)


@expr_lowering(A.ULNotOp)
def lower_not(lw, e):
    """not a"""
    return P.not_(lower_test(lw, e.operand))
