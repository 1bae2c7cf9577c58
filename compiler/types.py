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
# Values that Python cannot subscript: indexing them is an error unless their
# type has a metatable (runtime.typemeta), so they always take the helper.
NOT_INDEXABLE = frozenset(["int", "float", "bool", "nil", "func"])
# Values that Python cannot call, likewise (strings through their metatable).
NOT_CALLABLE = frozenset(["int", "float", "bool", "nil", "str"])


def never(t, kinds):
    """Is every value of type t one of `kinds` (t known, not ANY)?"""
    return bool(t) and t <= kinds


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
    fixed = getattr(e, "static_types", None)
    if fixed is not None:
        return fixed
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
    if isinstance(e, A.Call):
        fn = known_function(e)
        if fn is not None and fn.ret_single:
            spec = getattr(fn, "spec_params", None)
            if spec and all(_value_type(e.args, i) == INT for i in spec):
                return fn.spec_ret
            return fn.ret_types
    return ANY


def known_function(call):
    """The function node a call always reaches: its callee is a local
    variable whose only assignment is one function definition."""
    f = call.func
    if isinstance(f, A.Name):
        v = getattr(f, "var", None)
        if v is not None:
            return getattr(v, "fn_node", None)
    return None


def single_result(call):
    """True if the call always gives exactly one value."""
    fn = known_function(call) if isinstance(call, A.Call) else None
    return fn is not None and fn.ret_single


def _value_type(values, i):
    """Type of the i-th value of an expression list (with expansion)."""
    if i < len(values):
        e = values[i]
        if i == len(values) - 1 and _multi(e) and not single_result(e):
            return ANY
        return expr_type(e)
    if values and _multi(values[-1]) and not single_result(values[-1]):
        return ANY
    return NIL


def _multi(e):
    return isinstance(e, (A.Call, A.Invoke, A.Varargs)) and not getattr(
        e, "wrapped", False
    )


def infer(funcs, sites):
    """Fixpoint over all assignment sites: (var, thunk giving a type), and
    over the return types of known single-result functions; then the
    integer versions of functions (plan_versions)."""
    _infer(funcs, sites)
    plan_versions(sites)


def _infer(funcs, sites):
    sites, fns, typed_params = sites
    for f in funcs:
        for v in f.locals:
            untyped = v.is_param and v not in typed_params
            v.types = ANY if untyped or v.name == "_ENV" else None
    for _ in range(12):
        changed = False
        for fn in fns:
            t = fn.ret_types
            for r in fn.returns:
                t = join(t, expr_type(r.values[0]))
            if t != fn.ret_types:
                fn.ret_types = t
                changed = True
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
        for fn in fns:
            fn.ret_types = ANY
    for fn in fns:
        if not fn.ret_types:
            fn.ret_types = ANY
    for f in funcs:
        for v in f.locals:
            if v.types is None or not v.types:
                v.types = ANY


def collect_sites(chunk):
    """All (LocalVar, type-thunk) assignment sites of a resolved chunk, and
    the function definitions that local variables always hold."""
    sites = []
    defs = {}  # LocalVar -> list of function nodes, None for other values

    def define(var, fn):
        if var is not None:
            defs.setdefault(var, []).append(fn)

    calls = {}  # LocalVar -> calls with the variable as callee
    escapes = set()  # variables read other than as a callee
    typed_params = set()
    skip = set()  # ids of Name nodes that are definitions, not reads

    indexed = {}  # LocalVar -> number of t.k / t:m() uses

    def visit(node):
        base = (
            node.value
            if isinstance(node, A.Index)
            else node.source if isinstance(node, A.Invoke) else None
        )
        if isinstance(base, A.Name) and getattr(base, "var", None) is not None:
            indexed[base.var] = indexed.get(base.var, 0) + 1
        if isinstance(node, A.Name):
            if getattr(node, "var", None) is not None and id(node) not in skip:
                escapes.add(node.var)
            return
        if isinstance(node, A.Call) and isinstance(node.func, A.Name):
            v = getattr(node.func, "var", None)
            if v is not None:
                calls.setdefault(v, []).append(node)
                skip.add(id(node.func))
        if isinstance(node, (A.LocalAssign, A.Assign, A.LocalFunction)):
            targets = [node.name] if isinstance(node, A.LocalFunction) else node.targets
            skip.update(id(t) for t in targets if isinstance(t, A.Name))
        elif isinstance(node, A.Function) and isinstance(node.name, A.Name):
            skip.add(id(node.name))
        if isinstance(node, A.LocalAssign):
            for i, t in enumerate(node.targets):
                sites.append((t.var, _thunk(node.values, i)))
                v = node.values[i] if i < len(node.values) else None
                define(t.var, v if isinstance(v, A.AnonymousFunction) else None)
        elif isinstance(node, A.Assign):
            for i, t in enumerate(node.targets):
                if isinstance(t, A.Name) and t.var is not None:
                    sites.append((t.var, _thunk(node.values, i)))
                    define(t.var, None)
        elif isinstance(node, A.LocalFunction):
            sites.append((node.name.var, lambda: FUNC))
            define(node.name.var, node)
        elif isinstance(node, A.Function) and isinstance(node.name, A.Name):
            if node.name.var is not None:
                sites.append((node.name.var, lambda: FUNC))
                define(node.name.var, node)
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
    fns = []
    for var, nodes in defs.items():
        if len(nodes) == 1 and nodes[0] is not None:
            fn = nodes[0]
            returns = []
            _returns(fn.body, returns)
            fn.returns = returns
            fn.ret_types = BOTTOM
            fn.ret_single = _ends_in_return(fn.body) and all(
                len(r.values) == 1 and not _multi(r.values[0]) for r in returns
            )
            var.fn_node = fn
            if fn.ret_single:
                fns.append(fn)
    for var, nodes in defs.items():
        fn = var.fn_node
        if fn is not None:
            # Only ever called, never with surplus arguments: the def needs
            # no `*_` to swallow extra ones (a cheaper Python call).
            fn.fixed_arity = var not in escapes and all(
                len(c.args) <= len(fn.args)
                and not (
                    c.args and _multi(c.args[-1]) and not single_result(c.args[-1])
                )
                for c in calls.get(var, ())
            )
            if fn.fixed_arity:
                _param_sites(fn, calls.get(var, ()), sites, typed_params)
    for var, n in indexed.items():
        # Indexed twice or more, never assigned again and used only in
        # its own function: test once for a string, not at every index.
        if n >= 2 and var.mode == "plain" and not var.assigned and not var.captured:
            var.shadow = True
    return sites, fns, typed_params


def _param_sites(fn, calls, sites, typed_params):
    """The parameters of a function reached only through known calls get
    the types of the arguments passed at those calls."""
    params = [a.var for a in fn.args if isinstance(a, A.Name)]
    if fn.args and isinstance(fn.args[-1], A.Varargs) or None in params:
        return
    if isinstance(fn, A.Method):
        return
    for i, v in enumerate(params):
        typed_params.add(v)
        if not calls:
            sites.append((v, _entry(lambda: NIL)))
        for c in calls:
            sites.append((v, _entry(_thunk(c.args, i))))


def _entry(thunk):
    """Marks a site that gives a parameter its value on entry."""
    thunk.entry = True
    return thunk


def _returns(node, out):
    """The return statements of a function body (not of nested functions)."""
    if isinstance(node, A.Return):
        out.append(node)
    for child in _children(node):
        if not isinstance(
            child, (A.AnonymousFunction, A.LocalFunction, A.Function, A.Method)
        ):
            _returns(child, out)


def _ends_in_return(block):
    """True if control cannot run off the end of the block."""
    body = block.body if isinstance(block, A.Block) else block
    if not body:
        return False
    last = body[-1]
    if isinstance(last, A.Return):
        return True
    if isinstance(last, A.Do):
        return _ends_in_return(last.body)
    if isinstance(last, (A.If, A.ElseIf)):
        if not _ends_in_return(last.body):
            return False
        if last.orelse is None:
            return False
        if isinstance(last.orelse, A.ElseIf):
            return _ends_in_return(A.Block([last.orelse]))
        return _ends_in_return(last.orelse)
    return False


def _thunk(values, i):
    return lambda: _value_type(values, i)


# Attributes the compiler adds to nodes; they do not hold child nodes.
_NOT_CHILDREN = frozenset(
    [
        "var",
        "env",
        "finfo",
        "types",
        "returns",
        "ret_types",
        "ret_single",
        "fn_node",
        "fixed_arity",
        "spec_params",
        "spec_ret",
        "spec_types",
    ]
)


def children(node):
    """The child nodes of a Lua AST node."""
    return _children(node)


def _children(node):
    for key, val in vars(node).items():
        if key.startswith("_") or key in _NOT_CHILDREN:
            continue
        if isinstance(val, A.Node):
            yield val
        elif isinstance(val, list):
            for x in val:
                if isinstance(x, A.Node):
                    yield x


# Function versions. A function whose parameters the compiler cannot type
# but uses in arithmetic gets a second body for integer arguments:
#
#     def fib(n=None):
#         if n.__class__ is int:
#             ...  # body lowered with n: int (plain, overflow-checked ops)
#         else:
#             ...  # the general body
#
# Inside the integer body, a recursive call with integer arguments has the
# integer body's result type, so `fib(n - 1) + fib(n - 2)` needs no guard.

_VERSION_MAX_NODES = 300
_NESTED = (A.AnonymousFunction, A.LocalFunction, A.Function, A.Method)


def plan_versions(sites):
    sites, fns, _ = sites
    all_sites = sites
    seen = set()
    for var_sites in all_sites:
        var = var_sites[0]
        fn = getattr(var, "fn_node", None)
        if fn is None or id(fn) in seen:
            continue
        seen.add(id(fn))
        _plan(fn, all_sites)


def _plan(fn, all_sites):
    finfo = getattr(fn, "finfo", None)
    if finfo is None or finfo.is_vararg or not fn.ret_single:
        return
    params = [a.var for a in fn.args if isinstance(a, A.Name)]
    if len(params) != len(fn.args):
        return
    count = [0]
    operands = set()
    if not _versionable(fn.body, count, operands):
        return
    spec = [
        i
        for i, v in enumerate(params)
        if "any" in v.types and v in operands and v.mode == "plain"
    ]
    if not spec:
        return
    local_vars = list(finfo.locals)
    mine = set(local_vars)
    saved = {v: v.types for v in local_vars}
    # Entry values are what the version tests; assignments in the body count.
    fsites = [
        (v, th) for v, th in all_sites if v in mine and not getattr(th, "entry", 0)
    ]
    for v in local_vars:
        v.types = None
    for i in spec:
        params[i].types = INT
    for i, v in enumerate(params):
        if i not in spec:
            v.types = saved[v]
    fn.spec_params = spec
    fn.spec_ret = BOTTOM
    for _ in range(12):
        changed = False
        for v, thunk in fsites:
            if v.types is not None and "any" in v.types:
                continue
            old = v.types if v.types is not None else BOTTOM
            new = join(old, thunk())
            if new != old or v.types is None:
                changed = changed or new != old
                v.types = new
        t = fn.spec_ret
        for r in fn.returns:
            t = join(t, expr_type(r.values[0]))
        if t != fn.spec_ret:
            fn.spec_ret = t
            changed = True
        if not changed:
            break
    else:
        fn.spec_ret = ANY
    spec_types = {v: (v.types if v.types else ANY) for v in local_vars}
    for v in local_vars:
        v.types = saved[v]
    if any(spec_types[params[i]] != INT for i in spec):
        fn.spec_params = None
        return
    if not fn.spec_ret:
        fn.spec_ret = ANY
    fn.spec_types = spec_types


def _versionable(node, count, operands):
    """Small, no nested functions, gotos or to-be-closed variables; collects
    the variables used directly as arithmetic operands."""
    count[0] += 1
    if count[0] > _VERSION_MAX_NODES:
        return False
    if isinstance(node, _NESTED + (A.Goto, A.Label)):
        return False
    if isinstance(node, A.LocalAssign) and any(
        getattr(getattr(t, "var", None), "attrib", None) for t in node.targets
    ):
        return False
    if isinstance(node, _ARITH + (A.FloorDivOp, A.ModOp)):
        for side in (node.left, node.right):
            if isinstance(side, A.Name) and getattr(side, "var", None) is not None:
                operands.add(side.var)
    return all(_versionable(c, count, operands) for c in _children(node))
