"""Lua source text to Python source text: parse, resolve, infer, lower, emit."""

import ast
import gc

from . import lower_expr, lower_goto, lower_ops, lower_stmt  # noqa: F401 (registration)
from .deep import outline
from .emit import emit
from .lower import Lowerer
from . import pyast as P
from .lower_func import chunk_module
from .scope import Resolver
from .types import collect_sites, infer

PRELUDE = "moonlet.runtime.prelude"


def parse(source, chunkname, from_file=True):
    from .frontend import parse as frontend_parse

    return frontend_parse(source, chunkname, from_file=from_file)


def compile_lua(source, chunkname, source_name=None, use_black=True, from_file=True):
    """Python module source for a Lua chunk (raises LuaSyntaxError).

    `from_file`: skip a BOM and a first "#" line, as Lua does for files."""
    # The passes make many objects and hardly any garbage cycles: the cyclic
    # collector would only cost time here (a third of what follows the parse).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _compile(source, chunkname, source_name, use_black, from_file)
    finally:
        if enabled:
            gc.enable()


def _compile(source, chunkname, source_name, use_black, from_file):
    chunk = parse(source, chunkname, from_file)
    r = Resolver()
    r._refs = []
    main = r.resolve(chunk)
    infer(r.funcs, collect_sites(chunk))
    lw = Lowerer(chunkname, source)
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
    body.append(_dump_table(lw, source))
    module = ast.Module(body=body, type_ignores=[])
    module.op_tagged = lw.op_tagged
    outline(module)
    return emit(module, source_name or chunkname, chunkname, use_black)


def _dump_table(lw, source):
    """LUA_DUMP = {(def name, Lua line): (kind, text, upvalues)}: the source
    of every function of the chunk, for string.dump ("chunk" for the main
    function)."""
    keys = [P.tuple_([P.const("lua_main"), P.const(0)])]
    values = [P.tuple_([P.const("chunk"), P.const(source), P.tuple_([])])]
    for name, line, text, ups in lw.dumps:
        keys.append(P.tuple_([P.const(name), P.const(line)]))
        values.append(
            P.tuple_(
                [
                    P.const("function"),
                    P.const(text),
                    P.tuple_([P.const(u) for u in ups]),
                ]
            )
        )
    assign = ast.Assign(
        targets=[P.store("LUA_DUMP")],
        value=ast.Dict(keys=keys, values=values),
        lineno=0,
    )
    assign.lua_line = 0
    return assign
