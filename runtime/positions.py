"""Code positions of generated code on Pythons without co_positions.

runtime.frames names variables in error messages ("local 'x'") and finds
Lua lines of operations from the source position of the failing
instruction, which CPython 3.11 gives (code.co_positions). Python 3.9 and
PyPy give only the line of each instruction; this module recovers the rest
for the code objects of generated modules.

Rules:
- Only instructions that runtime.frames asks about are placed: calls,
  subscripts (load, store, delete), binary, in-place, unary and comparison
  operators, and FOR_ITER. Every other instruction has no position.
- An instruction's line is the first line of the AST node that made it
  (Python 3.9 and PyPy number lines that way). Within one line, the
  instructions of one kind come in the order in which the compiler visits
  the nodes of that kind, which `_Walker` reproduces: the k-th such
  instruction is the k-th node.
- What the compiler folds (operators on constants) makes no instruction and
  is left out; what it copies (finally bodies) repeats the line's sequence.
  When the counts still disagree, that line's instructions get no position
  rather than a wrong one: a message then lacks a variable name, as it did
  before.
- Results are cached per code object; nothing runs until an error needs a
  position.
"""

import ast
import dis
import linecache

from .pytext import parse_text

_CALLS = {
    "CALL",
    "CALL_FUNCTION",
    "CALL_FUNCTION_KW",
    "CALL_FUNCTION_EX",
    "CALL_METHOD",
    "CALL_METHOD_KW",
}
_UNARY = {"UNARY_NEGATIVE", "UNARY_INVERT", "UNARY_POSITIVE"}
_COMPARE = {"COMPARE_OP", "IS_OP", "CONTAINS_OP"}


def _kind(ins):
    """The kind of node that makes an instruction, or None."""
    opname = ins.opname
    if opname in _CALLS:
        return "call"
    if opname == "BINARY_OP":  # CPython 3.11 (where the tests check this)
        return "inplace" if ins.argrepr.endswith("=") else "binop"
    if opname == "BINARY_SUBSCR":
        return "subscr"
    if opname == "STORE_SUBSCR":
        return "store_subscr"
    if opname == "DELETE_SUBSCR":
        return "del_subscr"
    if opname.startswith("BINARY_"):
        return "binop"
    if opname.startswith("INPLACE_"):
        return "inplace"
    if opname in _UNARY:
        return "unary"
    if opname in _COMPARE:
        return "compare"
    if opname == "FOR_ITER":
        return "for"
    return None


def _key(node):
    return (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)


def _constant(node):
    """Whether the compiler folds `node` into a constant: operators on
    constants, unless computing them fails or makes a long sequence."""
    if isinstance(node, ast.Constant):
        return True
    if not isinstance(node, (ast.UnaryOp, ast.BinOp, ast.Tuple, ast.Subscript)):
        return False
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return False
    if not all(_constant(c) for c in ast.iter_child_nodes(node) if _is_expr(c)):
        return False
    if isinstance(node, ast.Tuple):
        return True
    if isinstance(node, ast.BinOp) and not _cheap(node):
        return False
    try:
        value = eval(compile(ast.Expression(node), "<fold>", "eval"), {})
    except Exception:
        return False
    return not (isinstance(value, (str, bytes, tuple)) and len(value) > 20)


def _cheap(node):
    """Whether computing a BinOp of constants is quick (no huge powers,
    shifts or repetitions)."""
    left, right = node.left, node.right
    if not (isinstance(left, ast.Constant) and isinstance(right, ast.Constant)):
        return not isinstance(node.op, (ast.Pow, ast.LShift, ast.Mult))
    a, b = left.value, right.value
    if isinstance(node.op, (ast.Pow, ast.LShift)):
        return not (isinstance(b, int) and b > 4096)
    if isinstance(node.op, ast.Mult):
        return (
            not (
                isinstance(a, (str, bytes, tuple)) or isinstance(b, (str, bytes, tuple))
            )
            or (isinstance(a, int) and a < 100)
            or (isinstance(b, int) and b < 100)
        )
    return True


def _is_expr(node):
    return isinstance(node, ast.expr) and not isinstance(node, ast.expr_context)


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_COMPS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


class _Walker:
    """The nodes that make the instructions of one code object, in the
    order of the compiler: [(kind, node)]."""

    def __init__(self):
        self.out = []

    def emit(self, kind, node):
        self.out.append((kind, node))

    def body(self, stmts):
        for s in stmts:
            self.visit(s)

    def visit(self, node):
        if isinstance(node, ast.expr) and _constant(node):
            return
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method is not None:
            method(node)
        else:
            self.generic(node)

    def generic(self, node):
        for child in ast.iter_child_nodes(node):
            self.visit(child)

    # Nested scopes: only what runs in the enclosing code.

    def visit_FunctionDef(self, node):
        for d in node.decorator_list:
            self.visit(d)
        self.arguments(node.args)
        for _ in node.decorator_list:
            self.emit("call", node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self.arguments(node.args)

    def arguments(self, args):
        for d in args.defaults:
            self.visit(d)
        for d in args.kw_defaults:
            if d is not None:
                self.visit(d)

    def visit_ClassDef(self, node):
        raise _Unsupported

    def comprehension(self, node):
        self.visit(node.generators[0].iter)
        self.emit("call", node)

    visit_ListComp = visit_SetComp = visit_DictComp = comprehension
    visit_GeneratorExp = comprehension

    # Statements whose parts run out of their field order.

    def visit_Assign(self, node):
        self.visit(node.value)
        for t in node.targets:
            self.visit(t)

    def visit_AnnAssign(self, node):
        if node.value is not None:
            self.visit(node.value)
            self.visit(node.target)

    def visit_AugAssign(self, node):
        t = node.target
        if isinstance(t, ast.Subscript):
            self.visit(t.value)
            self.visit(t.slice)
            self.emit("subscr", t)
            self.visit(node.value)
            self.emit("inplace", node)
            self.emit("store_subscr", t)
        elif isinstance(t, ast.Attribute):
            self.visit(t.value)
            self.visit(node.value)
            self.emit("inplace", node)
        else:
            self.visit(node.value)
            self.emit("inplace", node)

    def visit_For(self, node):
        self.visit(node.iter)
        self.emit("for", node)
        self.visit(node.target)
        self.body(node.body)
        self.body(node.orelse)

    def visit_AsyncFor(self, node):
        raise _Unsupported

    def visit_Dict(self, node):
        for k, v in zip(node.keys, node.values):
            if k is not None:
                self.visit(k)
            self.visit(v)

    # Expressions that make an instruction.

    def visit_Call(self, node):
        self.generic(node)
        self.emit("call", node)

    def visit_Subscript(self, node):
        self.visit(node.value)
        self.visit(node.slice)
        ctx = node.ctx
        if isinstance(ctx, ast.Store):
            self.emit("store_subscr", node)
        elif isinstance(ctx, ast.Del):
            self.emit("del_subscr", node)
        else:
            self.emit("subscr", node)

    def visit_BinOp(self, node):
        self.visit(node.left)
        self.visit(node.right)
        self.emit("binop", node)

    def visit_UnaryOp(self, node):
        self.visit(node.operand)
        if not isinstance(node.op, ast.Not):
            self.emit("unary", node)

    def visit_Compare(self, node):
        self.visit(node.left)
        for c in node.comparators:
            self.visit(c)
            self.emit("compare", node)


class _Unsupported(Exception):
    pass


_trees = {}
_cache = {}


def _tree(filename):
    if filename not in _trees:
        text = "".join(linecache.getlines(filename))
        try:
            _trees[filename] = parse_text(text) if text else None
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            _trees[filename] = None
    return _trees[filename]


def _scope_of(tree, code):
    """The AST node whose body `code` runs (a def or the module), or None."""
    if code.co_name == "<module>":
        return tree
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.decorator_list[0].lineno if node.decorator_list else None
            if node.name == code.co_name and code.co_firstlineno in (
                node.lineno,
                first,
            ):
                found.append(node)
        elif isinstance(node, ast.Lambda) and code.co_name == "<lambda>":
            if node.lineno == code.co_firstlineno:
                found.append(node)
    return found[0] if len(found) == 1 else None


def _walk_scope(scope):
    w = _Walker()
    if isinstance(scope, ast.Module):
        w.body(scope.body)
    elif isinstance(scope, ast.Lambda):
        w.visit(scope.body)
    else:
        w.body(scope.body)
    return w.out


def code_positions(code):
    """[position or None] per instruction slot (offset // 2) of a code
    object of generated code, like list(code.co_positions()) on CPython
    3.11 for the instructions named in the rules; None when unknown."""
    try:
        return _cache[code]
    except KeyError:
        pass
    result = None
    try:
        result = _positions(code)
    except (_Unsupported, RecursionError, ValueError, TypeError):
        result = None
    _cache[code] = result
    return result


def _positions(code):
    tree = _tree(code.co_filename)
    if tree is None:
        return None
    scope = _scope_of(tree, code)
    if scope is None:
        return None
    nodes = {}
    for kind, node in _walk_scope(scope):
        nodes.setdefault((kind, node.lineno), []).append(node)
    instrs = {}
    line = code.co_firstlineno
    size = 0
    for ins in dis.get_instructions(code):
        if ins.starts_line is not None:
            line = ins.starts_line
        size = ins.offset // 2 + 1
        kind = _kind(ins)
        if kind is not None:
            instrs.setdefault((kind, line), []).append(ins.offset // 2)
    out = [None] * size
    for group, slots in instrs.items():
        candidates = nodes.get(group)
        if not candidates:
            continue
        n = len(candidates)
        if len(slots) % n:
            continue  # the compiler did something else: no guess
        for i, slot in enumerate(slots):
            out[slot] = _key(candidates[i % n])
    return out
