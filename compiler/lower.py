"""Lowering of a resolved Lua tree to a Python module AST.

One lowering function per Lua node type, registered with @stmt_lowering or
@expr_lowering (lower_stmt.py, lower_expr.py, lower_ops.py). A statement
lowering returns a list of Python statements; an expression lowering
returns one Python expression and may push statements that must run first
(hoisted function definitions) onto `lw.pre`.

Every Python statement is stamped with `lua_line`, the line of the Lua
statement it comes from; emit.py turns those into "# L<n>" markers.
"""

import ast

from luaparser import astnodes as A

from .types import single_result
from . import pyast as P
from .errors import CompilerBug

STMT = {}
EXPR = {}


def int_literal(e):
    """The value of an integer literal (`3`, `-3`), else None."""
    if isinstance(e, A.Number) and isinstance(e.n, int):
        return e.n
    if isinstance(e, A.UMinusOp) and isinstance(e.operand, A.Number):
        if isinstance(e.operand.n, int):
            return -e.operand.n
    return None


def _fixed_local(e):
    """The LocalVar of a name that is never assigned after its declaration."""
    v = getattr(e, "var", None) if isinstance(e, A.Name) else None
    if v is None or v.assigned or v.mode != "plain":
        return None
    return v


def _error_line(e):
    """The line Lua gives the runtime errors of expression e, if e can
    raise any itself (operators, indexing, calls)."""
    line = getattr(e, "lua_op_line", None)
    if line is None and isinstance(e, (A.Call, A.Invoke)):
        line = getattr(e, "lua_line", None)
    return line


def bound_after(s):
    """(var, K) when statement s is `if x < K then ... return/break end`
    (or x <= K, K > x, K >= x) without else: after it, x >= K."""
    if not (isinstance(s, A.If) and s.orelse is None and s.body.body):
        return None
    if not isinstance(s.body.body[-1], (A.Return, A.Break)):
        return None
    t = s.test
    if isinstance(t, (A.LessThanOp, A.LessOrEqThanOp)):
        var, k = _fixed_local(t.left), int_literal(t.right)
        strict = isinstance(t, A.LessThanOp)
    elif isinstance(t, (A.GreaterThanOp, A.GreaterOrEqThanOp)):
        var, k = _fixed_local(t.right), int_literal(t.left)
        strict = isinstance(t, A.GreaterThanOp)
    else:
        return None
    if var is None or k is None:
        return None
    return var, k if strict else k + 1


def stmt_lowering(*classes):
    def deco(fn):
        for c in classes:
            STMT[c] = fn
        return fn

    return deco


def expr_lowering(*classes):
    def deco(fn):
        for c in classes:
            EXPR[c] = fn
        return fn

    return deco


class JumpTarget:
    """A Python loop that gotos and breaks may have to leave or restart.

    kind: "loop" (a Lua loop), "dispatch" (a block with labels).
    """

    def __init__(self, kind, lua_node=None):
        self.kind = kind
        self.lua_node = lua_node
        self.var = None  # jump variable (dispatch: label index; loop: continue flag)
        self.brk = None  # break flag for breaks crossing this dispatcher
        self.labels = {}  # label name -> segment index (dispatch) / True (continue)
        self.escapes = []  # (var, target) pairs that must propagate outwards


class Lowerer:
    def __init__(self, chunkname, source=None):
        self.chunkname = chunkname
        self.source = source
        # (def name, Lua line, "function" text, upvalue names) of each Lua
        # function, for string.dump (see lower_func.dump_entry).
        self.dumps = []
        self.helpers = set()
        self.pre = []
        self.func = None
        self.line = 0
        self.targets = []  # stack of JumpTarget (innermost last)
        self.op_depth = 0  # inside an expression tagged with its own line
        self.op_tagged = False  # some expression has its own line

    def h(self, helper):
        """A reference to a runtime helper, recorded for the import line."""
        self.helpers.add(helper)
        return P.name(helper)

    def temp(self, prefix="t"):
        return self.func.new_temp(prefix)

    # statements

    def block(self, block):
        """Lower a Lua block (list of statements) to Python statements."""
        body = block.body if isinstance(block, A.Block) else block
        if getattr(block, "has_label", False) and self._needs_dispatch(block):
            from .lower_goto import dispatch_block

            return dispatch_block(self, block)
        return self.stmts(body)

    def _needs_dispatch(self, block):
        return not getattr(block, "continue_labels", None)

    def stmts(self, body):
        out = []
        bounded = []
        for i, s in enumerate(body):
            out.extend(self.stmt(s))
            if isinstance(s, A.LocalAssign) and any(
                getattr(t, "lua_attrib", None) == "close" for t in s.targets
            ):
                from .lower_stmt import close_scope

                out.extend(close_scope(self, s, body[i + 1 :]))
                break
            fact = bound_after(s)
            if fact is not None and not any(isinstance(x, A.Label) for x in body[i:]):
                var, low = fact
                bounded.append((var, var.lower))
                var.lower = low if var.lower is None else max(var.lower, low)
        for var, old in reversed(bounded):
            var.lower = old
        return out

    def stmt(self, s):
        fn = STMT.get(type(s))
        if fn is None:
            raise CompilerBug("no lowering for statement %s" % type(s).__name__)
        saved_line = self.line
        self.line = getattr(s, "lua_line", None) or self.line
        saved_pre = self.pre
        self.pre = []
        out = fn(self, s)
        out = self.pre + out
        self.pre = saved_pre
        for p in out:
            if not hasattr(p, "lua_line"):
                p.lua_line = self.line
        self.line = saved_line
        return out

    # expressions

    def expr(self, e):
        """Lower an expression to a Python expression (raw call results)."""
        fn = EXPR.get(type(e))
        if fn is None:
            raise CompilerBug("no lowering for expression %s" % type(e).__name__)
        line = _error_line(e)
        if line is None or (line == self.line and not self.op_depth):
            return fn(self, e)
        # The operation's errors belong to another line than its statement's
        # (a multi-line expression): tag it and everything inside it, for
        # emit's table of operation lines (runtime.frames reads it).
        self.op_depth += 1
        try:
            r = fn(self, e)
        finally:
            self.op_depth -= 1
        r.lua_op_line = line
        self.op_tagged = True
        return r

    def expr1(self, e):
        """Lower an expression in a one-value context."""
        if isinstance(e, A.Varargs):
            v = P.name("varargs")
            return P.ifexp(v, P.subscript(v, P.const(0)), P.const(None))
        r = self.expr(e)
        if is_multi(e) or (
            isinstance(e, (A.Call, A.Invoke))
            and getattr(e, "wrapped", False)
            and not single_result(e)
        ):
            return self.truncate(r)
        return r

    def truncate(self, call):
        """The first value of a raw call result."""
        t = "_r"
        return P.ifexp(
            P.is_not(P.cls_of(P.walrus(t, call)), self.h("Multi")),
            P.name(t),
            # (first(_r) inlined: a call costs more than the test)
            P.ifexp(P.name(t), P.subscript(P.name(t), P.const(0)), P.const(None)),
        )

    def explist(self, exprs):
        """Lower an expression list whose last item expands (arguments,
        constructors, returns): a list of Python expressions, the last one
        possibly Starred."""
        out = []
        for i, e in enumerate(exprs):
            if i == len(exprs) - 1 and is_multi(e):
                if isinstance(e, A.Varargs):
                    out.append(ast.Starred(value=P.name("varargs"), ctx=ast.Load()))
                else:
                    out.append(
                        ast.Starred(
                            value=P.call(self.h("values"), [self.expr(e)]),
                            ctx=ast.Load(),
                        )
                    )
            else:
                out.append(self.expr1(e))
        return out

    def multi_value(self, exprs):
        """An expression list as one raw call result (a value or a Multi)."""
        if len(exprs) == 1 and is_multi(exprs[0]):
            e = exprs[0]
            if isinstance(e, A.Varargs):
                return P.call(self.h("Multi"), [P.name("varargs")])
            return self.expr(e)
        if len(exprs) == 1:
            return self.expr1(exprs[0])
        if not exprs:
            return self.h("NONE")
        return P.call(self.h("Multi"), [P.tuple_(self.explist(exprs))])

    # functions

    def function_def(self, node, pyname, args, body, method=False):
        """A Python def for a Lua function (returns the list of statements)."""
        from .lower_func import function_def

        return function_def(self, node, pyname, args, body, method)


def is_multi(e):
    """Can this expression produce several values (unless truncated)?
    Calls of known single-result functions cannot."""
    return (
        isinstance(e, (A.Call, A.Invoke, A.Varargs))
        and not getattr(e, "wrapped", False)
        and not single_result(e)
    )
