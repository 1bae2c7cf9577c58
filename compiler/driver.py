"""Lua source text to Python source text: parse, resolve, infer, lower, emit."""

import ast

from . import lower_expr, lower_goto, lower_ops, lower_stmt  # noqa: F401 (registration)
from .emit import emit
from .lower import Lowerer
from .lower_func import chunk_module
from .scope import Resolver
from .types import collect_sites, infer

PRELUDE = "moonlet.runtime.prelude"


def parse(source, chunkname):
    try:
        from .frontend import parse as frontend_parse
    except ImportError:  # TEMPORARY until the frontend lands
        return _raw_parse(source)
    return frontend_parse(source, chunkname)


def _raw_parse(source):
    from luaparser import ast as lpast
    from luaparser import astnodes as A

    tree = lpast.parse(source)

    def stamp(node, line):
        tok = getattr(node, "_first_token", None)
        ln = tok.line if tok is not None and getattr(tok, "line", None) else line
        node.lua_line = ln
        for key, val in list(vars(node).items()):
            if key.startswith("_"):
                continue
            if isinstance(val, A.Node):
                stamp(val, ln)
            elif isinstance(val, list):
                for x in val:
                    if isinstance(x, A.Node):
                        stamp(x, ln)
        if isinstance(node, A.Fornum) and not isinstance(node.step, A.Node):
            node.step = None
        if isinstance(node, A.String) and isinstance(node.s, bytes):
            node.s = node.s.decode("latin-1")
        if isinstance(node, A.Name):
            at = getattr(node, "attribute", None)
            node.lua_attrib = at.name.id if at is not None else None

    stamp(tree, 1)
    return tree


def compile_lua(source, chunkname, source_name=None, use_black=True):
    """Python module source for a Lua chunk (raises LuaSyntaxError)."""
    chunk = parse(source, chunkname)
    r = Resolver()
    r._refs = []
    main = r.resolve(chunk)
    infer(r.funcs, collect_sites(chunk))
    lw = Lowerer(chunkname)
    chunk_def = chunk_module(lw, chunk, main)
    body = []
    if lw.helpers:
        imp = ast.ImportFrom(
            module=PRELUDE,
            names=[ast.alias(name=n, asname=None) for n in sorted(lw.helpers)],
            level=0,
        )
        body.append(imp)
    body.append(chunk_def)
    module = ast.Module(body=body, type_ignores=[])
    return emit(module, source_name or chunkname, chunkname, use_black)
