"""Static type facts about Lua expressions, for choosing inline operators.

A type is a frozenset of tags: "int", "float", "str", "bool", "nil",
"table", "func", or ANY (every value). Local variables get the union of the
types of everything ever assigned to them (flow-insensitive, so sound:
every assignment anywhere, closures included, is counted). Numeric for loop
variables are ints when the start and the step are ints.
"""

from luaparser import astnodes as A

ANY = frozenset(["any"])
INT = frozenset(["int"])
FLOAT = frozenset(["float"])
NUM = frozenset(["int", "float"])
STR = frozenset(["str"])
BOOL = frozenset(["bool"])
NIL = frozenset(["nil"])
TABLE = frozenset(["table"])
FUNC = frozenset(["func"])
BOTTOM = frozenset()


def join(a, b):
    if "any" in a or "any" in b:
        return ANY
    return a | b


def is_num(t):
    return bool(t) and t <= NUM


def is_int(t):
    return t == INT


def is_float(t):
    return t == FLOAT


def may_be_nil(t):
    return "any" in t or "nil" in t or not t


def may_be_falsy(t):
    return "any" in t or "nil" in t or "bool" in t or not t


_ARITH = (A.AddOp, A.SubOp, A.MultOp)
_BIT = (A.BAndOp, A.BOrOp, A.BXorOp, A.BShiftLOp, A.BShiftROp)
_REL = (
    A.LessThanOp,
    A.GreaterThanOp,
    A.LessOrEqThanOp,
    A.GreaterOrEqThanOp,
    A.EqToOp,
    A.NotEqToOp,
)


def expr_type(e):
    """The type of expression e given the current variable types."""
    if isinstance(e, A.Number):
        return INT if isinstance(e.n, int) else FLOAT
    if isinstance(e, A.String):
        return STR
    if isinstance(e, (A.TrueExpr, A.FalseExpr)):
        return BOOL
    if isinstance(e, A.Nil):
        return NIL
    if isinstance(e, A.Table):
        return TABLE
    if isinstance(e, A.AnonymousFunction):
        return FUNC
    if isinstance(e, A.Name):
        v = getattr(e, "var", None)
        if v is None:
            return ANY
        return v.types if v.types is not None else BOTTOM
    if isinstance(e, _ARITH) or isinstance(e, (A.FloorDivOp, A.ModOp)):
        a = expr_type(e.left)
        b = expr_type(e.right)
        if not (a and b):
            return BOTTOM
        if not (is_num(a) and is_num(b)):
            return ANY
        r = set()
        if "int" in a and "int" in b:
            r.add("int")
        if "float" in a or "float" in b:
            r.add("float")
        return frozenset(r)
    if isinstance(e, (A.FloatDivOp, A.ExpoOp)):
        a = expr_type(e.left)
        b = expr_type(e.right)
        if not (a and b):
            return BOTTOM
        return FLOAT if is_num(a) and is_num(b) else ANY
    if isinstance(e, _BIT):
        a = expr_type(e.left)
        b = expr_type(e.right)
        if not (a and b):
            return BOTTOM
        return INT if is_num(a) and is_num(b) else ANY
    if isinstance(e, _REL):
        return BOOL
    if isinstance(e, A.ULNotOp):
        return BOOL
    if isinstance(e, A.UMinusOp):
        t = expr_type(e.operand)
        return t if is_num(t) or not t else ANY
    if isinstance(e, A.UBNotOp):
        t = expr_type(e.operand)
        return INT if is_num(t) else (t if not t else ANY)
    if isinstance(e, A.ULengthOP):
        t = expr_type(e.operand)
        return INT if t == STR else ANY
    if isinstance(e, A.Concat):
        a = expr_type(e.left)
        b = expr_type(e.right)
        if not (a and b):
            return BOTTOM
        ok = STR | NUM
        return STR if a <= ok and b <= ok else ANY
    if isinstance(e, (A.AndLoOp, A.OrLoOp)):
        return join(expr_type(e.left), expr_type(e.right))
    return ANY


def _value_type(values, i):
    """Type of the i-th value of an expression list (with expansion)."""
    if i < len(values):
        e = values[i]
        if i == len(values) - 1 and _multi(e):
            return ANY
        return expr_type(e)
    if values and _multi(values[-1]):
        return ANY
    return NIL


def _multi(e):
    return isinstance(e, (A.Call, A.Invoke, A.Varargs)) and not getattr(
        e, "wrapped", False
    )


def infer(funcs, sites):
    """Fixpoint over all assignment sites: (var, thunk giving a type)."""
    for f in funcs:
        for v in f.locals:
            v.types = ANY if v.is_param or v.name == "_ENV" else None
    for _ in range(12):
        changed = False
        for v, thunk in sites:
            if v.types is not None and "any" in v.types:
                continue
            t = thunk()
            old = v.types if v.types is not None else BOTTOM
            new = join(old, t)
            if new != old or v.types is None:
                if new != old:
                    changed = True
                v.types = new
        if not changed:
            break
    else:
        for v, _ in sites:
            v.types = ANY
    for f in funcs:
        for v in f.locals:
            if v.types is None or not v.types:
                v.types = ANY


def collect_sites(chunk):
    """All (LocalVar, type-thunk) assignment sites of a resolved chunk."""
    sites = []

    def visit(node):
        if isinstance(node, A.LocalAssign):
            for i, t in enumerate(node.targets):
                sites.append((t.var, _thunk(node.values, i)))
        elif isinstance(node, A.Assign):
            for i, t in enumerate(node.targets):
                if isinstance(t, A.Name) and t.var is not None:
                    sites.append((t.var, _thunk(node.values, i)))
        elif isinstance(node, A.LocalFunction):
            sites.append((node.name.var, lambda: FUNC))
        elif isinstance(node, A.Function) and isinstance(node.name, A.Name):
            if node.name.var is not None:
                sites.append((node.name.var, lambda: FUNC))
        elif isinstance(node, A.Fornum):
            start = node.start
            step = node.step if isinstance(node.step, A.Node) else None

            def fornum_type(start=start, step=step):
                a = expr_type(start)
                c = expr_type(step) if step is not None else INT
                if not (a and c):
                    return BOTTOM
                if a == INT and c == INT:
                    return INT
                if "float" in a and a <= NUM or "float" in c and c <= NUM:
                    return FLOAT if (a == FLOAT or c == FLOAT) else NUM
                return NUM

            sites.append((node.target.var, fornum_type))
        elif isinstance(node, A.Forin):
            for t in node.targets:
                sites.append((t.var, lambda: ANY))
        for child in _children(node):
            visit(child)

    visit(chunk)
    return sites


def _thunk(values, i):
    return lambda: _value_type(values, i)


def _children(node):
    for key, val in vars(node).items():
        if key.startswith("_") or key in ("var", "env", "finfo", "types"):
            continue
        if isinstance(val, A.Node):
            yield val
        elif isinstance(val, list):
            for x in val:
                if isinstance(x, A.Node):
                    yield x
