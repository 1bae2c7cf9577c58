"""Small constructors for Python AST nodes used by the lowering."""

import ast
import math


def name(id_):
    return ast.Name(id=id_, ctx=ast.Load())


def store(id_):
    return ast.Name(id=id_, ctx=ast.Store())


def const(v):
    """A literal; negative numbers become unary minus so that the
    unparse/parse round trip keeps the same tree shape."""
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return ast.Constant(value=v)
    if isinstance(v, float) and v != v:
        return ast.BinOp(
            left=const(math.inf), op=ast.Sub(), right=const(math.inf)
        )  # pragma: no cover - Lua literals are never NaN
    if v < 0 or (isinstance(v, float) and math.copysign(1.0, v) < 0):
        return ast.UnaryOp(op=ast.USub(), operand=ast.Constant(value=-v))
    return ast.Constant(value=v)


def call(func, args=(), starred=None):
    args = list(args)
    if starred is not None:
        args.append(ast.Starred(value=starred, ctx=ast.Load()))
    return ast.Call(func=func, args=args, keywords=[])


def walrus(id_, value):
    return ast.NamedExpr(target=store(id_), value=value)


def ifexp(test, body, orelse):
    return ast.IfExp(test=test, body=body, orelse=orelse)


def is_(a, b):
    return ast.Compare(left=a, ops=[ast.Is()], comparators=[b])


def is_not(a, b):
    return ast.Compare(left=a, ops=[ast.IsNot()], comparators=[b])


def compare(a, op, b):
    return ast.Compare(left=a, ops=[op], comparators=[b])


def and_(*vals):
    vals = [v for v in vals if v is not None]
    if len(vals) == 1:
        return vals[0]
    return ast.BoolOp(op=ast.And(), values=list(vals))


def or_(*vals):
    if len(vals) == 1:
        return vals[0]
    return ast.BoolOp(op=ast.Or(), values=list(vals))


def not_(v):
    return ast.UnaryOp(op=ast.Not(), operand=v)


def binop(a, op, b):
    return ast.BinOp(left=a, op=op, right=b)


def attr(v, a):
    return ast.Attribute(value=v, attr=a, ctx=ast.Load())


def cls_of(v):
    """`v.__class__`"""
    return attr(v, "__class__")


def subscript(v, key, ctx=None):
    return ast.Subscript(value=v, slice=key, ctx=ctx or ast.Load())


def assign(target_id, value):
    return ast.Assign(targets=[store(target_id)], value=value, lineno=0)


def assign_to(target, value):
    return ast.Assign(targets=[target], value=value, lineno=0)


def expr_stmt(e):
    return ast.Expr(value=e)


def tuple_(elts, ctx=None):
    return ast.Tuple(elts=list(elts), ctx=ctx or ast.Load())


def if_(test, body, orelse=()):
    return ast.If(test=test, body=list(body) or [ast.Pass()], orelse=list(orelse))


def while_(test, body):
    return ast.While(test=test, body=list(body) or [ast.Pass()], orelse=[])


def is_simple(e):
    """An expression that can be evaluated twice without effect or cost."""
    return isinstance(e, (ast.Name, ast.Constant))


def def_(name_, body, args=(), vararg=None, kwonly=(), kw_defaults=(), defaults=()):
    """`def name_(args, *vararg, kwonly...): body` (names given as strings)."""
    return ast.FunctionDef(
        name=name_,
        args=ast.arguments(
            posonlyargs=[],
            args=[ast.arg(arg=a, annotation=None) for a in args],
            vararg=None if vararg is None else ast.arg(arg=vararg, annotation=None),
            kwonlyargs=[ast.arg(arg=a, annotation=None) for a in kwonly],
            kw_defaults=list(kw_defaults),
            kwarg=None,
            defaults=list(defaults),
        ),
        body=body,
        decorator_list=[],
        returns=None,
        type_comment=None,
    )
