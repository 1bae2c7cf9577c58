"""Deeply nested Lua code within Python's nesting limits.

Rules:
- Lua allows about 200 nested blocks; CPython allows 20 nested loops, `try`
  and `with` blocks per function (CO_MAXBLOCKS) and 100 levels of
  indentation in source text (the tokenizer's MAXINDENT). Code within both
  limits is left exactly as the lowering made it: these passes only touch
  what Python would reject.
- `outline` moves a loop or `try` that would nest too deep into a def of
  its own, called at once: `lua_blk<n>`. The def declares `nonlocal` the
  names it binds that the enclosing def also uses; its Lua `return`s return
  from it, and falling off its end returns `...` (no Lua value is
  Ellipsis), so the call site returns whatever else comes back. A region
  that binds a name the enclosing def reads but binds nowhere else cannot
  be outlined faithfully and is left as it is (Python then reports the
  nesting error, which the loader turns into a Lua syntax error).
- `graft` cuts statements deeper than GRAFT_DEPTH out of the text: the
  statement becomes a placeholder line `lua_graft_<n>` and its text follows
  the module, after a line `#@graft <n>`, starting at column 0.
  runtime.pytext parses such text piece by piece and puts the pieces back,
  so line numbers are those of the text.
"""

import ast
import copy

from . import pyast as P

# fblock costs (CPython 3.11 compile.c): a loop pushes one block; `try`
# pushes one for its body and up to two in handlers and `finally`.
_BLOCK_COST = {ast.While: 1, ast.For: 1, ast.Try: 3, ast.With: 2}
MAX_BLOCKS = 15  # below CO_MAXBLOCKS (20), with room for the lowering's own
GRAFT_DEPTH = 60  # indentation levels kept in one piece of text (MAXINDENT 100)

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_COMPS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


# ---------------------------------------------------------------------------
# Names


def _walk_scope(nodes):
    """The nodes of one Python scope: nested defs, lambdas and classes are
    yielded themselves (their names bind here) but not entered, except for
    the parts evaluated in this scope (defaults, decorators)."""
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, _SCOPES):
            inner = list(getattr(node, "decorator_list", ()))
            args = getattr(node, "args", None)
            if args is not None:
                inner += [d for d in args.defaults + args.kw_defaults if d]
            inner += getattr(node, "bases", [])
            stack.extend(reversed(inner))
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def _bound(nodes):
    names = set()
    for node in _walk_scope(nodes):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
    return names


def _comp_targets(nodes):
    """Names bound by comprehension targets (local to the comprehension)."""
    names = set()
    for node in _walk_scope(nodes):
        if isinstance(node, _COMPS):
            for gen in node.generators:
                names |= {n.id for n in ast.walk(gen.target) if isinstance(n, ast.Name)}
    return names


def _mentioned(nodes):
    """Every name used or bound in these nodes, nested scopes included."""
    names = set()
    for n in nodes:
        for node in ast.walk(n):
            if isinstance(node, ast.Name):
                names.add(node.id)
            elif isinstance(node, (ast.Nonlocal, ast.Global)):
                names.update(node.names)
    return names


def _params(fn):
    a = fn.args
    names = [x.arg for x in a.posonlyargs + a.args + a.kwonlyargs]
    names += [x.arg for x in (a.vararg, a.kwarg) if x is not None]
    return set(names)


# ---------------------------------------------------------------------------
# Outlining


class _Outliner:
    def __init__(self):
        self.count = 0

    def function(self, fn):
        self.fn = fn
        fn.body = self.block(fn.body, 0)
        self.keep_bindings(fn)
        self.nested(fn)

    def keep_bindings(self, fn):
        """A name that only outlined blocks bind still needs a binding in
        `fn` for their `nonlocal`: give it one at the start (Lua code never
        reads a local before its declaration, so the value is never seen)."""
        wanted = _block_names(fn.body)
        declared = set()
        lead = 0
        for i, node in enumerate(fn.body):
            if isinstance(node, (ast.Nonlocal, ast.Global)):
                declared.update(node.names)
                lead = i + 1
        missing = wanted - _bound(fn.body) - declared - _params(fn)
        if missing:
            init = ast.Assign(
                targets=[ast.Name(id=n, ctx=ast.Store()) for n in sorted(missing)],
                value=ast.Constant(value=None),
            )
            init.lua_line = 0
            fn.body.insert(lead, init)

    def nested(self, node):
        """Outline inside the defs nested in this one (each its own unit)."""
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.function(child)
            else:
                self.nested(child)

    def block(self, body, depth):
        out = []
        for st in body:
            cost = _BLOCK_COST.get(type(st), 0)
            if cost and depth + cost > MAX_BLOCKS:
                replaced = self.outline(st)
                if replaced is not None:
                    out.extend(replaced)
                    continue
            self.inner(st, depth + cost)
            out.append(st)
        return out

    def inner(self, st, depth):
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return
        for field in ("body", "orelse", "finalbody"):
            sub = getattr(st, field, None)
            if isinstance(sub, list) and sub and isinstance(sub[0], ast.stmt):
                setattr(st, field, self.block(sub, depth))
        for h in getattr(st, "handlers", ()) or ():
            h.body = self.block(h.body, depth)

    def outline(self, st):
        fn = self.fn
        if isinstance(st, (ast.While, ast.For)) and st.orelse:
            return None  # a `break` there leaves an enclosing loop
        inside = _bound([st]) - _comp_targets([st])
        rest = _siblings_without(fn.body, st)
        # Names of blocks outlined before stay the def's (keep_bindings).
        outside_bound = _bound(rest) | _params(fn) | _block_names(rest)
        nonlocals, globals_ = set(), set()
        for node in fn.body:
            if isinstance(node, ast.Nonlocal):
                nonlocals.update(node.names)
            elif isinstance(node, ast.Global):
                globals_.update(node.names)
        declared = nonlocals | globals_
        used_outside = _mentioned(rest)
        shared = inside & (outside_bound | declared)
        if (inside & used_outside) - shared:
            return None
        self.count += 1
        name = "lua_blk%d" % self.count
        line = getattr(st, "lua_line", 0)
        body = []
        if shared - globals_:
            body.append(ast.Nonlocal(names=sorted(shared - globals_)))
        if shared & globals_:
            body.append(ast.Global(names=sorted(shared & globals_)))
        body.append(st)
        body.append(ast.Return(value=ast.Constant(value=...)))
        fdef = P.def_(name, body)
        # The block is a unit of its own: outline inside it from depth 0.
        saved = self.fn
        self.function(fdef)
        self.fn = saved
        call = P.assign("lua_blkr", P.call(P.name(name)))
        back = P.if_(
            P.is_not(P.name("lua_blkr"), ast.Constant(value=...)),
            [ast.Return(value=P.name("lua_blkr"))],
        )
        for node in (fdef, call, back):
            node.lua_line = line
        return [fdef, call, back]


def _block_names(body):
    """The names that outlined blocks in this scope declare nonlocal."""
    names = set()
    for node in _walk_scope(body):
        if isinstance(node, ast.FunctionDef) and node.name.startswith("lua_blk"):
            for d in node.body:
                if isinstance(d, ast.Nonlocal):
                    names.update(d.names)
    return names


def _siblings_without(body, st):
    """The statements of a def's body with `st` (somewhere inside) left out:
    shallow copies along the path to it."""
    out = []
    for s in body:
        if s is st:
            continue
        if any(n is st for n in ast.walk(s)):
            c = copy.copy(s)
            for field in ("body", "orelse", "finalbody"):
                sub = getattr(s, field, None)
                if isinstance(sub, list):
                    setattr(c, field, _siblings_without(sub, st))
            if getattr(s, "handlers", None):
                hs = []
                for h in s.handlers:
                    hc = copy.copy(h)
                    hc.body = _siblings_without(h.body, st)
                    hs.append(hc)
                c.handlers = hs
            out.append(c)
        else:
            out.append(s)
    return out


def _block_depth(body, depth=0):
    """The deepest fblock nesting of a def's statements (not nested defs)."""
    best = depth
    for st in body:
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        d = depth + _BLOCK_COST.get(type(st), 0)
        best = max(best, d)
        for field in ("body", "orelse", "finalbody"):
            sub = getattr(st, field, None)
            if isinstance(sub, list) and sub and isinstance(sub[0], ast.stmt):
                best = max(best, _block_depth(sub, d))
        for h in getattr(st, "handlers", ()) or ():
            best = max(best, _block_depth(h.body, d))
    return best


def _defs(body):
    """Every def in a statement list, nested ones too (defs are statements:
    no need to walk expressions)."""
    for st in body:
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield st
        for owner, field, _ in _bodies(st):
            yield from _defs(getattr(owner, field))


def outline(module):
    """Outline too deeply nested blocks in every def of the module (in place);
    True when something changed."""
    if not any(_block_depth(fn.body) > MAX_BLOCKS for fn in _defs(module.body)):
        return False
    o = _Outliner()
    for node in module.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            o.function(node)
    return True


# ---------------------------------------------------------------------------
# Grafting


def _bodies(st):
    """The statement lists of a compound statement and their depth offset."""
    out = []
    for field in ("body", "orelse", "finalbody"):
        sub = getattr(st, field, None)
        if isinstance(sub, list) and sub and isinstance(sub[0], ast.stmt):
            # `elif` keeps the depth of its `if`
            same = (
                field == "orelse"
                and isinstance(st, ast.If)
                and len(sub) == 1
                and isinstance(sub[0], ast.If)
            )
            out.append((st, field, 0 if same else 1))
    for h in getattr(st, "handlers", ()) or ():
        out.append((h, "body", 1))
    return out


def text_depth(body, depth=0):
    best = depth
    for st in body:
        for owner, field, step in _bodies(st):
            best = max(best, text_depth(getattr(owner, field), depth + step))
    return best


def graft(module):
    """(module with placeholders, [(n, statement)]) when the text of the
    module would be indented more than GRAFT_DEPTH levels, else None. The
    module given is not changed."""
    if text_depth(module.body) <= GRAFT_DEPTH:
        return None
    module = copy.deepcopy(module)
    pieces = []

    def cut(body, depth):
        out = []
        for st in body:
            if depth >= GRAFT_DEPTH and _bodies(st):
                n = len(pieces) + 1
                pieces.append((n, st))
                cut_inside(st, 0)
                out.append(
                    ast.Expr(value=ast.Name(id="lua_graft_%d" % n, ctx=ast.Load()))
                )
            else:
                cut_inside(st, depth)
                out.append(st)
        return out

    def cut_inside(st, depth):
        for owner, field, step in _bodies(st):
            setattr(owner, field, cut(getattr(owner, field), depth + step))

    module.body = cut(module.body, 0)
    return module, pieces
