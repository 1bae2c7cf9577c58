"""Lowering of Lua statements."""

import ast

from luaparser import astnodes as A

from . import pyast as P
from . import lower_libcalls as libcalls
from . import types as T
from .lower import JumpTarget, int_literal, is_multi, stmt_lowering
from .lower_expr import field_key, fresh_name, var_load, var_store
from .lower_goto import continue_labels, escape_checks, loop_inits
from .lower_ops import lower_test
from .types import expr_type


def shadow_of(lw, var):
    """`_oN = x if x.__class__ is not str else STRINGS` for a local that is
    indexed often (types.collect_sites marks it), so that its t.k and t:m()
    need no string test each time. Statements, maybe none."""
    if var.shadow is None:
        return []
    t = var.types or T.ANY
    if t <= T.TABLE or t == T.STR or T.never(t, T.NOT_INDEXABLE):
        var.shadow = None
        return []
    name = lw.temp("o")
    var.shadow = name
    x = var_load(var)
    value = P.ifexp(P.is_not(P.cls_of(x), P.name("str")), x, lw.h("STRINGS"))
    return [P.assign(name, value)]


def _simple_or_assign(lw, x, out, prefix):
    if P.is_simple(x):
        return x
    tmp = lw.temp(prefix)
    out.append(P.assign(tmp, x))
    return P.name(tmp)


def store_index(lw, obj, key, key_t, val, val_t):
    """Statements for obj[key] = val:

    if obj.__class__ in RAWSET and val is not None: obj[key] = val
    else: setindex(obj, key, val)
    """
    out = []
    obj = _simple_or_assign(lw, obj, out, "o")
    key = _simple_or_assign(lw, key, out, "k")
    val = _simple_or_assign(lw, val, out, "v")
    conds = [P.compare(P.cls_of(obj), ast.In(), lw.h("RAWSET"))]
    if T.may_be_nil(val_t):
        conds.append(P.is_not(val, P.const(None)))
    raw_key = isinstance(key, ast.Constant) and type(key.value) in (str, int)
    if not raw_key and not (key_t and key_t <= T.INT | T.STR):
        conds.append(
            P.or_(
                P.is_(P.cls_of(key), P.name("int")),
                P.is_(P.cls_of(key), P.name("str")),
            )
        )
    fast = P.assign_to(P.subscript(obj, key, ast.Store()), val)
    slow = P.expr_stmt(P.call(lw.h("setindex"), [obj, key, val]))
    out.append(P.if_(P.and_(*conds), [fast], [slow]))
    return out


def _target_parts(lw, target, out, snapshot=False):
    """Evaluate the table and key of an assignment target into simple
    expressions. With `snapshot` even variables are copied: in `i, t[i] =
    i + 1, v` Lua evaluates `t[i]`'s i before assigning i."""
    if isinstance(target, A.Name):
        if target.var is None:
            env = var_load(target.env)
            return ("index", env, P.const(target.id), T.STR)
        return ("local", target.var, None, None)
    keep = _assign_temp if snapshot else _simple_or_assign
    obj = keep(lw, lw.expr1(target.value), out, "o")
    k = field_key(target)
    if k is not None:
        key = P.const(k)
        kt = T.STR if isinstance(k, str) else T.NUM
    else:
        key = keep(lw, lw.expr1(target.idx), out, "k")
        kt = expr_type(target.idx)
    return ("index", obj, key, kt)


def _assign_temp(lw, x, out, prefix):
    if isinstance(x, ast.Constant):
        return x
    tmp = lw.temp(prefix)
    out.append(P.assign(tmp, x))
    return P.name(tmp)


def _store(lw, parts, val, val_t):
    kind, a, b, kt = parts
    if kind == "local":
        return [P.assign_to(var_store(a), val)]
    return store_index(lw, a, b, kt, val, val_t)


def _values(lw, values, n):
    """Python expressions for the n values of a Lua expression list (the
    last may be a Starred adjust(...)), followed by the surplus values,
    which are evaluated (in order) and dropped."""
    m = len(values)
    exprs = []
    if m and is_multi(values[-1]) and m < n:
        exprs = [lw.expr1(e) for e in values[:-1]]
        last = values[-1]
        raw = (
            P.call(lw.h("Multi"), [P.name("varargs")])
            if isinstance(last, A.Varargs)
            else lw.expr(last)
        )
        exprs.append(
            ast.Starred(
                value=P.call(lw.h("adjust"), [raw, P.const(n - m + 1)]),
                ctx=ast.Load(),
            )
        )
        return exprs
    for i, e in enumerate(values):
        if i >= n and is_multi(e):
            exprs.append(lw.expr(e))
        else:
            exprs.append(lw.expr1(e))
    exprs.extend(P.const(None) for _ in range(n - m))
    return exprs


def _targets_with_surplus(lw, names, exprs, n):
    """Store targets for a tuple assignment, with throwaway temporaries for
    surplus values."""
    extra = (
        max(0, len(exprs) - n)
        if not any(isinstance(x, ast.Starred) for x in exprs)
        else 0
    )
    return list(names) + [P.store(lw.temp("d")) for _ in range(extra)]


def _value_types(values, n):
    return [T._value_type(values, i) for i in range(n)]


@stmt_lowering(A.LocalAssign)
def lower_local(lw, s):
    """local a, b = 1, f() -> a, b = 1, *adjust(f(), 1)"""
    targets = s.targets
    n = len(targets)
    out = []
    if n == 1 and len(s.values) == 1 and _small_constructor(s.values[0]):
        out, t = _build_table(lw, s.values[0])
        exprs = [t]
    else:
        exprs = _values(lw, s.values, n)
    boxed = any(t.var.mode == "box" for t in targets)
    if n == 1 and len(exprs) == 1 and not isinstance(exprs[0], ast.Starred):
        v = exprs[0]
        if boxed:
            v = ast.List(elts=[v], ctx=ast.Load())
        out.append(P.assign(targets[0].var.pyname, v))
    elif boxed:
        tmps = [lw.temp("v") for _ in targets]
        names = _targets_with_surplus(lw, [P.store(x) for x in tmps], exprs, n)
        out.append(P.assign_to(P.tuple_(names, ast.Store()), P.tuple_(exprs)))
        for t, x in zip(targets, tmps):
            v = P.name(x)
            if t.var.mode == "box":
                v = ast.List(elts=[v], ctx=ast.Load())
            out.append(P.assign(t.var.pyname, v))
    else:
        names = [P.store(t.var.pyname) for t in targets]
        names = _targets_with_surplus(lw, names, exprs, n)
        out.append(P.assign_to(P.tuple_(names, ast.Store()), P.tuple_(exprs)))
    for t in targets:
        out.extend(shadow_of(lw, t.var))
    for t in targets:
        if getattr(t, "lua_attrib", None) == "close":
            out.append(
                P.expr_stmt(
                    P.call(lw.h("check_close"), [var_load(t.var), P.const(t.id)])
                )
            )
    return out


def close_scope(lw, s, rest):
    """The rest of a block after `local x <close> = v`:

    _e = None
    try: rest
    except Exception as _x: _e = lua_error_from(_x); raise _e
    finally: close_var(x, _e)
    """
    var = [t for t in s.targets if getattr(t, "lua_attrib", None) == "close"][0].var
    err = lw.temp("e")
    exc = lw.temp("x")
    body = lw.stmts(rest) or [ast.Pass()]
    handler = ast.ExceptHandler(
        type=P.name("Exception"),
        name=exc,
        body=[
            P.assign(err, P.call(lw.h("lua_error_from"), [P.name(exc)])),
            ast.Raise(exc=P.name(err), cause=None),
        ],
    )
    final = [P.expr_stmt(P.call(lw.h("close_var"), [var_load(var), P.name(err)]))]
    out = [
        P.assign(err, P.const(None)),
        ast.Try(body=body, handlers=[handler], orelse=[], finalbody=final),
    ]
    for st in out + handler.body + final:
        st.lua_line = lw.line
    return out


def _append(lw, tab, val, val_t):
    """t[#t + 1] = v for a proper sequence t:

    if t.__class__ is Table and v is not None and (n := len(t)) + 1 not in t
       and (n in t or not n): t[n + 1] = v
    else: table_append(t, v)
    """
    out = []
    val = _simple_or_assign(lw, val, out, "v")
    n = lw.temp("n")
    conds = [P.is_(P.cls_of(tab), lw.h("Table"))]
    if T.may_be_nil(val_t):
        conds.append(P.is_not(val, P.const(None)))
    size = P.walrus(n, P.call(P.name("len"), [tab]))
    conds.append(P.compare(P.binop(size, ast.Add(), P.const(1)), ast.NotIn(), tab))
    conds.append(
        P.or_(
            P.compare(P.name(n), ast.In(), tab),
            ast.UnaryOp(op=ast.Not(), operand=P.name(n)),
        )
    )
    key = P.binop(P.name(n), ast.Add(), P.const(1))
    fast = P.assign_to(P.subscript(tab, key, ast.Store()), val)
    slow = P.expr_stmt(P.call(lw.h("table_append"), [tab, val]))
    out.append(P.if_(P.and_(*conds), [fast], [slow]))
    return out


def _is_append(t):
    """Is the target `x[#x + 1]` for a local variable x?"""
    if not (isinstance(t, A.Index) and isinstance(t.value, A.Name)):
        return False
    if t.value.var is None or t.notation == A.IndexNotation.DOT:
        return False
    k = t.idx
    if not (isinstance(k, A.AddOp) and isinstance(k.right, A.Number)):
        return False
    if k.right.n != 1 or not isinstance(k.right.n, int):
        return False
    n = k.left
    return (
        isinstance(n, A.ULengthOP)
        and isinstance(n.operand, A.Name)
        and getattr(n.operand, "var", None) is t.value.var
    )


_PURE_OPS = (A.AddOp, A.SubOp, A.MultOp, A.FloatDivOp, A.FloorDivOp, A.ModOp, A.Concat)


def _pure(e):
    """An expression whose evaluation cannot run Lua code (no calls, no
    indexing, operators only on numbers and strings) or raise."""
    if isinstance(e, (A.Number, A.String, A.Nil, A.TrueExpr, A.FalseExpr)):
        return True
    if isinstance(e, A.Name):
        return e.var is not None
    if isinstance(e, _PURE_OPS):
        if isinstance(e, (A.FloorDivOp, A.ModOp)):
            # n // 0 and n % 0 raise: only a nonzero literal divisor.
            if not (isinstance(e.right, A.Number) and e.right.n != 0):
                return False
        # Numbers never fail arithmetic; numbers and strings never fail `..`.
        ok = T.NUM | T.STR if isinstance(e, A.Concat) else T.NUM
        ta, tb = expr_type(e.left), expr_type(e.right)
        return (
            bool(ta and tb)
            and ta <= ok
            and tb <= ok
            and _pure(e.left)
            and _pure(e.right)
        )
    if isinstance(e, A.Table):
        return all(
            (f.key is None or not f.between_brackets) and _pure(f.value)
            for f in e.fields
        )
    return False


@stmt_lowering(A.Assign)
def lower_assign(lw, s):
    """x = v; t.k = v; a, b = b, a"""
    targets = s.targets
    n = len(targets)
    if n == 1 and len(s.values) == 1:
        t = targets[0]
        v = s.values[0]
        vt = expr_type(v)
        if isinstance(t, A.Name) and t.var is not None:
            return [P.assign_to(var_store(t.var), lw.expr1(v))]
        if _is_append(t) and _pure(v):
            # t[#t + 1] = v: one helper call instead of #, + and a store.
            # (v cannot change t, so evaluating it first is not observable.)
            return _append(lw, lw.expr1(t.value), lw.expr1(v), vt)
        out = []
        parts = _target_parts(lw, t, out)
        val = lw.expr1(v)
        return out + _store(lw, parts, val, vt)
    out = []
    parts = [_target_parts(lw, t, out, snapshot=True) for t in targets]
    exprs = _values(lw, s.values, n)
    types = _value_types(s.values, n)
    tmps = [lw.temp("v") for _ in targets]
    names = _targets_with_surplus(lw, [P.store(x) for x in tmps], exprs, n)
    out.append(P.assign_to(P.tuple_(names, ast.Store()), P.tuple_(exprs)))
    for p, x, t in zip(parts, tmps, types):
        out.extend(_store(lw, p, P.name(x), t))
    return out


@stmt_lowering(A.Call, A.Invoke)
def lower_call_stmt(lw, s):
    """f(x) as a statement: its results are dropped."""
    if libcalls.is_table_insert(s):
        return libcalls.table_insert(lw, s, _append, _simple_or_assign)
    return [P.expr_stmt(lw.expr(s))]


@stmt_lowering(A.SemiColon)
def lower_semicolon(lw, s):
    return []


@stmt_lowering(A.Do)
def lower_do(lw, s):
    """do ... end -> the block's statements (locals are renamed apart)."""
    return lw.block(s.body) or [ast.Pass()]


def _loop(lw, node, make):
    """Lower a Lua loop: `make(body_stmts)` builds the Python loop."""
    tgt = JumpTarget("loop", node)
    labels = continue_labels(node.body) if not isinstance(node, A.Repeat) else None
    if labels:
        node.body.continue_labels = labels
        for n in labels:
            tgt.labels[n] = True
    lw.targets.append(tgt)
    body = lw.block(node.body)
    built = make(body)
    lw.targets.pop()
    return loop_inits(tgt) + built + escape_checks(lw, tgt)


@stmt_lowering(A.While)
def lower_while(lw, s):
    """while c do ... end -> while <c is truthy>: ..."""
    test = lower_test(lw, s.test)
    return _loop(lw, s, lambda body: [P.while_(test, body)])


@stmt_lowering(A.Repeat)
def lower_repeat(lw, s):
    """repeat ... until c -> while True: ...; if c: break"""

    def make(body):
        saved = lw.pre
        lw.pre = []
        test = lower_test(lw, s.test)
        pre = lw.pre
        lw.pre = saved
        brk = P.if_(test, [ast.Break()])
        brk.lua_line = getattr(s.test, "lua_line", lw.line)
        return [P.while_(P.const(True), body + pre + [brk])]

    return _loop(lw, s, make)


@stmt_lowering(A.If)
def lower_if(lw, s):
    """if/elseif/else -> if/elif/else"""
    test = lower_test(lw, s.test)
    body = lw.block(s.body)
    orelse = []
    o = s.orelse
    if isinstance(o, A.ElseIf):
        orelse = lw.stmt(o)
    elif o is not None:
        orelse = lw.block(o)
    return [P.if_(test, body, orelse)]


from .lower import STMT  # noqa: E402

STMT[A.ElseIf] = lower_if


def _int_range(lw, s, start, stop, c, a_int, b_int):
    """`range(a, b + 1, c)` for a literal step c: directly when a and b are
    known integers, else behind a test of their types, with numfor (floats,
    strings, errors) as the other branch."""
    b_const = int_literal(s.stop)

    def make(a, b):
        if b_const is not None:
            lim = P.const(b_const + 1 if c > 0 else b_const - 1)
        else:
            lim = P.binop(b, ast.Add() if c > 0 else ast.Sub(), P.const(1))
        return P.call(P.name("range"), [a, lim] + ([P.const(c)] if c != 1 else []))

    if a_int and b_int:
        return make(start, stop)
    # Both bounds are evaluated, in order, by the test.
    tested = []
    args = []
    for e, known, prefix in ((start, a_int, "fa"), (stop, b_int, "fb")):
        if P.is_simple(e):
            args.append(e)
            if not known:
                tested.append(e)
        else:
            tmp = lw.temp(prefix)
            args.append(P.name(tmp))
            tested.append(P.walrus(tmp, e))
    test = ast.Compare(
        left=P.cls_of(tested[0]),
        ops=[ast.Is()] * len(tested),
        comparators=[P.cls_of(x) for x in tested[1:]] + [P.name("int")],
    )
    slow = args + ([P.const(c)] if c != 1 else [])
    return P.ifexp(test, make(*args), P.call(lw.h("numfor"), slow))


@stmt_lowering(A.Fornum)
def lower_fornum(lw, s):
    """for i = a, b, c do -> for i in range(a, b + 1, c) (ints) or numfor(a, b, c)"""
    step = s.step if isinstance(s.step, A.Node) else None
    start = lw.expr1(s.start)
    stop = lw.expr1(s.stop)
    stepv = lw.expr1(step) if step is not None else None
    ta = expr_type(s.start)
    tb = expr_type(s.stop)
    c = int_literal(step) if step is not None else 1
    if c is not None and c != 0:
        it = _int_range(lw, s, start, stop, c, T.is_int(ta), T.is_int(tb))
    else:
        args = [start, stop] + ([stepv] if stepv is not None else [])
        it = P.call(lw.h("numfor"), args)
    v = s.target.var
    start_k = int_literal(s.start)
    if start_k is not None and c is not None and c > 0 and not v.assigned:
        # The loop variable never goes below its start.
        v.lower = start_k

    def make(body):
        if v.mode == "box":
            tmp = lw.temp("i")
            init = P.assign(v.pyname, ast.List(elts=[P.name(tmp)], ctx=ast.Load()))
            init.lua_line = lw.line
            return [
                ast.For(target=P.store(tmp), iter=it, body=[init] + body, orelse=[])
            ]
        return [
            ast.For(
                target=P.store(v.pyname), iter=it, body=body or [ast.Pass()], orelse=[]
            )
        ]

    return _loop(lw, s, make)


@stmt_lowering(A.Forin)
def lower_forin(lw, s):
    """for k, v in explist do -> for k, v in forin(2, explist):"""
    n = len(s.targets)
    src = lw.multi_value(s.iter)
    if n == 1:
        it = P.call(lw.h("forin1"), [src])
    else:
        it = P.call(lw.h("forin"), [P.const(n), src])
    line = getattr(s.iter[0], "lua_line", None)
    if line is not None and line != lw.line:
        # Lua reports the iterator's errors at the line of its expressions.
        it.lua_op_line = line
        lw.op_tagged = True
    vars_ = [t.var for t in s.targets]

    def make(body):
        inits = []
        names = []
        for v in vars_:
            if v.mode == "box":
                tmp = lw.temp("i")
                names.append(tmp)
                st = P.assign(v.pyname, ast.List(elts=[P.name(tmp)], ctx=ast.Load()))
                st.lua_line = lw.line
                inits.append(st)
            else:
                names.append(v.pyname)
        target = (
            P.store(names[0])
            if n == 1
            else P.tuple_([P.store(x) for x in names], ast.Store())
        )
        loop = ast.For(
            target=target, iter=it, body=inits + body or [ast.Pass()], orelse=[]
        )
        if hasattr(it, "lua_op_line"):
            # (the iterator is called by the loop's FOR_ITER instruction,
            # which has the position of the whole statement)
            loop.lua_op_line = it.lua_op_line
        if not _leaves_early(body):
            return [loop]
        # Leaving by break, goto or return closes the loop's closing value
        # (its 4th value): CPython closes the dropped iterator at once, PyPy
        # only when it collects it, so close it here.
        tmp = lw.temp("g")
        loop.iter = P.name(tmp)
        init = P.assign(tmp, it)
        init.lua_line = lw.line
        done = P.expr_stmt(P.call(lw.h("forin_close"), [P.name(tmp)]))
        done.lua_line = lw.line
        return [init, ast.Try(body=[loop], handlers=[], orelse=[], finalbody=[done])]

    return _loop(lw, s, make)


def _leaves_early(stmts):
    """Whether Python statements leave the loop around them by break or
    return."""
    for st in stmts:
        if isinstance(st, (ast.Break, ast.Return)):
            return True
        if isinstance(st, (ast.FunctionDef, ast.ClassDef)):
            continue
        if isinstance(st, (ast.For, ast.While)):
            # Their breaks are their own.
            if _leaves_early_return(st.body) or _leaves_early(st.orelse):
                return True
            continue
        for field in ("body", "orelse", "finalbody", "handlers"):
            sub = getattr(st, field, None)
            if sub and _leaves_early(sub):
                return True
    return False


def _leaves_early_return(stmts):
    for node in stmts:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Return):
                return True
    return False


@stmt_lowering(A.Return)
def lower_return(lw, s):
    """return a, f() -> return Multi((a, *values(f())))"""
    if len(s.values) == 1 and _small_constructor(s.values[0]):
        out, t = _build_table(lw, s.values[0])
        return out + [ast.Return(value=t)]
    return [ast.Return(value=lw.multi_value(s.values))]


def _small_constructor(e):
    """A table constructor of at most 4 list items or at most 4 named
    fields (no `[k] =`, no expanding last item)."""
    if not isinstance(e, A.Table) or not 0 < len(e.fields) <= 4:
        return False
    fields = e.fields
    if fields[-1].key is None and is_multi(fields[-1].value):
        return False
    positional = [f.key is None for f in fields]
    if all(positional):
        return True
    return not any(positional) and not any(f.between_brackets for f in fields)


def _build_table(lw, e):
    """Statements building a small constructor's table with stores, which
    beats copying a dict display into a Table for a few fields."""
    t = lw.temp("t")
    out = [P.assign(t, P.call(lw.h("Table"), []))]
    for i, f in enumerate(e.fields, 1):
        key = P.const(i if f.key is None else f.key.id)
        val = lw.expr1(f.value)
        store = P.assign_to(P.subscript(P.name(t), key, ast.Store()), val)
        if T.may_be_nil(expr_type(f.value)):
            if not P.is_simple(val):
                v = lw.temp("v")
                out.append(P.assign(v, val))
                val = P.name(v)
                store = P.assign_to(P.subscript(P.name(t), key, ast.Store()), val)
            store = P.if_(P.is_not(val, P.const(None)), [store], [])
        out.append(store)
    return out, P.name(t)


def _func_name_parts(name):
    """a.b.c -> ["a", "b", "c"] for naming the Python def."""
    parts = []
    while isinstance(name, A.Index):
        parts.append(name.idx.id if isinstance(name.idx, A.Name) else "f")
        name = name.value
    if isinstance(name, A.Name):
        parts.append(name.id)
    return list(reversed(parts))


@stmt_lowering(A.Function)
def lower_function(lw, s):
    """function a.b() ... end -> def a_b(...): ...; a["b"] = a_b"""
    parts = _func_name_parts(s.name)
    pyname = fresh_name(lw.func, "_".join(parts))
    out = lw.function_def(s, pyname, s.args, s.body)
    tgt = s.name
    if isinstance(tgt, A.Name) and tgt.var is not None:
        out.append(P.assign_to(var_store(tgt.var), P.name(pyname)))
        return out
    parts_ = _target_parts(lw, tgt, out)
    out.extend(_store(lw, parts_, P.name(pyname), T.FUNC))
    return out


@stmt_lowering(A.Method)
def lower_method(lw, s):
    """function a.b:m() ... end -> def a_b_m(self, ...): ...; a.b["m"] = a_b_m"""
    parts = _func_name_parts(s.source) + [s.name.id]
    pyname = fresh_name(lw.func, "_".join(parts))
    out = lw.function_def(s, pyname, s.args, s.body, method=True)
    obj = lw.expr1(s.source)
    out.extend(store_index(lw, obj, P.const(s.name.id), T.STR, P.name(pyname), T.FUNC))
    return out


@stmt_lowering(A.LocalFunction)
def lower_local_function(lw, s):
    """local function f() ... end -> def f(...): ..."""
    v = s.name.var
    if v.mode == "box":
        pyname = fresh_name(lw.func, v.name + "_fn")
        box = P.assign(v.pyname, ast.List(elts=[P.const(None)], ctx=ast.Load()))
        out = [box] + lw.function_def(s, pyname, s.args, s.body)
        out.append(
            P.assign_to(
                P.subscript(P.name(v.pyname), P.const(0), ast.Store()), P.name(pyname)
            )
        )
        return out
    return lw.function_def(s, v.pyname, s.args, s.body)
