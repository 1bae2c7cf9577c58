"""Python locals that hold values Lua would already have let go.

Rules:
- A Lua register is reused once its value is dead; a Python local keeps its
  value until the function returns. Generated code keeps intermediate values
  in locals (`_o5`, `_t3`) that are assigned and read within the Python
  statements of one Lua statement, and Lua locals of a loop's block stay
  bound after the loop. A full collection could not free what they hold (a
  file never flushed by its finalizer, a weak-table entry never cleared).
- drop_dead(frame) sets to None, in every running Lua frame from `frame`
  outward, the locals whose every use lies within one Lua statement (see
  _spans) that the frame is not running (its current line is not among the
  statement's lines). Parameters, variables shared with closures (cells)
  and locals used across statements (a Lua local of the function's own
  block, the string-test shadow kept for a local's whole scope) are left
  alone. A goto cannot enter a Lua statement halfway, so a dropped local is
  always assigned again before it is read.
- collectgarbage("collect") calls it before collecting. It writes frames as
  debug.setlocal does (CPython's PyFrame_LocalsToFast, PyPy's
  locals_to_fast); elsewhere it does nothing. The frame's f_locals snapshot
  is left full: when a debug hook collects, CPython writes the traced
  frame's snapshot back after the hook, unbinding what it lacks.
"""

import ast
import linecache
import weakref

from .frames import chunk_info
from .pytext import parse_text

# code -> _spans(code, info)
_spans_of = weakref.WeakKeyDictionary()


def drop_dead(frame):
    from .debuginfo import Unsupported, store_locals

    f = frame
    while f is not None:
        code = f.f_code
        info = chunk_info(code.co_filename)
        if info is not None:
            spans = _spans(code, info)
            if spans:
                line = f.f_lineno
                local = f.f_locals
                dead = [
                    n
                    for n, (first, last) in spans.items()
                    if not first <= line <= last and local.get(n) is not None
                ]
                if dead:
                    for n in dead:
                        local[n] = None
                    try:
                        store_locals(f)
                    except Unsupported:
                        return  # (a Python that cannot: nothing is dropped)
        f = f.f_back


def _spans(code, info):
    """{local: (first line, last line)} for the locals of code's def used
    within one Lua statement (_one_statement). A compound statement's own
    parts (tests, iterators) count as the whole statement, so what they bind
    lives through its blocks."""
    if code in _spans_of:
        return _spans_of[code]
    found = {}
    try:
        tree = parse_text("".join(linecache.getlines(code.co_filename)))
    except (SyntaxError, ValueError):
        tree = None
    for node in ast.walk(tree) if tree is not None else ():
        if (
            isinstance(node, ast.FunctionDef)
            and node.name == code.co_name
            and node.lineno == code.co_firstlineno
        ):
            a = code.co_argcount + code.co_kwonlyargcount
            a += bool(code.co_flags & 4) + bool(code.co_flags & 8)  # *args, **kw
            # Not parameters, nor variables that closures share (cells).
            names = set(code.co_varnames[a:]) - set(code.co_cellvars)
            where = {}
            _collect(node.body, where, names)
            for name, places in where.items():
                span = _one_statement(places, info)
                if span is not None:
                    found[name] = span
            break
    _spans_of[code] = found
    return found


def _one_statement(paths, info):
    """The lines of the Lua statement that the statements at `paths` (each
    [(block, index)] from the def's body down) all belong to, or None: a
    run of statements of one block that come from one Lua line, else
    the innermost compound statement holding them all (a loop, an `if`: a
    Lua statement too, whose locals and temporaries are assigned afresh
    before they are read whenever it runs again)."""
    d = 0
    outer = None  # the innermost statement holding all of them
    while True:
        block = paths[0][d][0]
        indexes = {p[d][1] for p in paths}
        if len(indexes) > 1 or any(len(p) == d + 1 for p in paths):
            break
        outer = block[paths[0][d][1]]
        d += 1
    stmts = block[min(indexes) : max(indexes) + 1]
    lua_lines = {info.lines[st.lineno] for st in stmts}
    if len(stmts) == 1 or (len(lua_lines) == 1 and 0 not in lua_lines):
        return stmts[0].lineno, stmts[-1].end_lineno
    if outer is not None:
        return outer.lineno, outer.end_lineno
    return None


_BLOCKS = ("body", "orelse", "finalbody", "handlers")


def _collect(body, where, names, path=()):
    for i, st in enumerate(body):
        here = path + ((body, i),)
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            # Only its defaults and decorators run here (and its name binds).
            own = _outer_parts(st) + [ast.Name(id=st.name)]
        else:
            own = [v for k, v in ast.iter_fields(st) if k not in _BLOCKS]
        for n in set(_names_in(own, names)):
            where.setdefault(n, []).append(here)
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for field in ("body", "orelse", "finalbody"):
            sub = getattr(st, field, None)
            if isinstance(sub, list) and sub and isinstance(sub[0], ast.stmt):
                _collect(sub, where, names, here)
        for h in getattr(st, "handlers", ()) or ():
            _collect(h.body, where, names, here)


def _outer_parts(node):
    """The parts of a def, lambda or class evaluated in the enclosing scope."""
    parts = list(getattr(node, "decorator_list", ())) + list(getattr(node, "bases", ()))
    args = getattr(node, "args", None)
    if args is not None:
        parts += [d for d in args.defaults + args.kw_defaults if d is not None]
    return parts


def _names_in(values, names):
    """The names among `names` used in these fields' nodes (of nested defs
    and lambdas, only the parts evaluated here)."""
    stack = []
    for v in values:
        stack.extend(v if isinstance(v, list) else [v])
    while stack:
        n = stack.pop()
        if not isinstance(n, ast.AST):
            continue
        if isinstance(n, ast.Name) and n.id in names:
            yield n.id
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            stack.extend(_outer_parts(n))
            continue
        stack.extend(ast.iter_child_nodes(n))
