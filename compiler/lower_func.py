"""Lowering of Lua functions and of the whole chunk.

A Lua function becomes `def NAME(a=None, b=None, *varargs, cap=cap)`:
missing arguments are nil, extra ones land in `varargs` (or `_` when the
function is not vararg) and are ignored; variables captured per loop
iteration arrive as keyword-only defaults (see scope.py). A function that
does not end in `return` returns NONE (no results), so that callers can tell
"no value" from nil.

A chunk becomes

    def lua_chunk(_ENV):
        def lua_main(*varargs):
            ...
        return lua_main

so `_ENV` is the main function's upvalue, as in Lua.
"""

import ast
import re

from luaparser import astnodes as A

from . import pyast as P
from .lower_stmt import shadow_of


def function_def(lw, node, pyname, args, body, method=False):
    f = node.finfo
    f.pyname = pyname
    saved = lw.func, lw.targets, lw.line
    lw.func = f
    lw.targets = []
    params = [v.pyname for v in f.params]
    defaults = [P.const(None) for _ in f.params]
    if f.is_vararg:
        vararg = "varargs"
    else:
        vararg = None if getattr(node, "fixed_arity", False) else "_"
    kwonly = [v.pyname for v in f.capture_params]
    kw_defaults = [P.name(v.pyname) for v in f.capture_params]
    out = []
    if f.nonlocals:
        out.append(ast.Nonlocal(names=sorted(v.pyname for v in f.nonlocals)))
    for v in f.params:
        out.extend(shadow_of(lw, v))
    spec_types = getattr(node, "spec_types", None)
    if spec_types is not None:
        out.append(_versions(lw, node, f, body, spec_types))
    else:
        out.extend(lw.block(body))
    if not out or not isinstance(out[-1], ast.Return):
        ret = ast.Return(value=lw.h("NONE"))
        ret.lua_line = _end_line(node, lw.line)
        out.append(ret)
    lw.func, lw.targets, lw.line = saved
    fdef = P.def_(pyname, out, params, vararg, kwonly, kw_defaults, defaults)
    fdef.lua_line = getattr(node, "lua_line", lw.line)
    entry = dump_entry(lw, node, f)
    if entry is not None:
        lw.dumps.append((pyname, fdef.lua_line) + entry)
    return [fdef]


_NEWLINE = re.compile(r"\r\n|\n\r|\n|\r")


def _line_starts(source):
    starts = [0, 0]  # Lua lines count from 1
    for m in _NEWLINE.finditer(source):
        starts.append(m.end())
    return starts


def dump_entry(lw, node, f):
    """(source text of the function as a `function` expression, names of
    its upvalues) for string.dump, or None when the text is unknown."""
    first = getattr(node, "_first_token", None)
    last = getattr(node, "_last_token", None)
    if lw.source is None or first is None or last is None:
        return None
    starts = getattr(lw, "_line_starts", None)
    if starts is None:
        starts = lw._line_starts = _line_starts(lw.source)
    if not (0 < first.line < len(starts) and 0 < last.line < len(starts)):
        return None
    a = starts[first.line] + first.column
    b = starts[last.line] + last.column + len(last.text)
    text = lw.source[a:b]
    if not isinstance(node, A.AnonymousFunction):
        i = text.find("(")
        if i < 0:
            return None
        rest = text[i + 1 :]
        if isinstance(node, A.Method):
            sep = "" if rest.lstrip().startswith(")") else ", "
            text = "function(self" + sep + rest
        else:
            text = "function(" + rest
    ups = sorted(v.name for v in f.free if v.name != "_ENV")
    return text, tuple(ups)


def _versions(lw, node, f, body, spec_types):
    """`if <int arguments>: <integer body> else: <general body>` (see
    compiler.types.plan_versions)."""
    general = lw.block(body)
    saved = {v: v.types for v in spec_types}
    for v, t in spec_types.items():
        v.types = t
    try:
        special = lw.block(body)
    finally:
        for v, t in saved.items():
            v.types = t
    test = P.and_(
        *[
            P.is_(P.cls_of(P.name(f.params[i].pyname)), P.name("int"))
            for i in node.spec_params
        ]
    )
    branch = ast.If(test=test, body=special, orelse=general)
    branch.lua_line = getattr(node, "lua_line", lw.line)
    return branch


def _end_line(node, default):
    tok = getattr(node, "_last_token", None)
    if tok is not None and getattr(tok, "line", None):
        return tok.line
    return default


def chunk_module(lw, chunk, main):
    """The module body for a resolved chunk."""
    lw.func = main
    body = []
    if main.nonlocals:
        body.append(ast.Nonlocal(names=sorted(v.pyname for v in main.nonlocals)))
    body.extend(lw.block(chunk.body))
    if not body or not isinstance(body[-1], ast.Return):
        ret = ast.Return(value=lw.h("NONE"))
        ret.lua_line = lw.line
        body.append(ret)
    main_def = P.def_("lua_main", body, vararg="varargs")
    main_def.lua_line = 0
    ret = ast.Return(value=P.name("lua_main"))
    ret.lua_line = 0
    chunk_def = P.def_("lua_chunk", [main_def, ret], ["_ENV"])
    chunk_def.lua_line = 0
    return chunk_def
