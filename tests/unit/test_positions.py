"""runtime.positions recovers the code positions that runtime.frames needs
on Pythons without co_positions (PyPy). Checked here on CPython 3.11
against co_positions itself, over the generated code of the golden
programs."""

import dis
import pathlib
import sys
import types
import warnings

import pytest

from moonlet.runtime import frames, loader, positions

LUA = pathlib.Path(__file__).resolve().parents[1] / "lua"

needs_positions = pytest.mark.skipif(
    not hasattr(types.CodeType, "co_positions"), reason="needs co_positions"
)


def _codes(code):
    todo = [code]
    while todo:
        c = todo.pop()
        yield c
        todo.extend(k for k in c.co_consts if isinstance(k, types.CodeType))


def _generated(path, n):
    text = loader.compile_to_python(path.read_text(encoding="latin-1"), path.name)
    filename = "<positions test %d>" % n
    frames.register_source(filename, text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        return compile(text, filename, "exec"), text.splitlines()


@needs_positions
def test_positions_agree_with_co_positions():
    placed = 0
    wrong = []
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 20000))
    try:
        for n, path in enumerate(sorted(LUA.glob("*.lua"))):
            code, lines = _generated(path, n)
            for c in _codes(code):
                mine = positions.code_positions(c)
                if mine is None:
                    continue
                real = list(c.co_positions())
                for ins in dis.get_instructions(c):
                    i = ins.offset // 2
                    if positions._kind(ins) is None or mine[i] is None:
                        continue
                    line = lines[mine[i][0] - 1].lstrip()
                    if line.startswith("while "):
                        continue  # CPython 3.11 copies loop tests; PyPy does not
                    placed += 1
                    if mine[i] != real[i]:
                        wrong.append(
                            (path.name, c.co_name, ins.opname, mine[i], real[i])
                        )
    finally:
        sys.setrecursionlimit(old)
    assert placed > 10000
    assert wrong == []


def test_unknown_code_has_no_positions():
    code = compile("def f(a):\n    return a[1] + a[2]\n", "<not generated>", "exec")
    assert positions.code_positions(code) is None


def test_folded_constants_and_copied_finally():
    src = (
        "def f(a, b):\n"
        "    x = 1 + 2 + a[1]\n"
        "    try:\n"
        "        return a[2]\n"
        "    finally:\n"
        "        b[3] + b[4]\n"
    )
    filename = "<positions folded>"
    frames.register_source(filename, src)
    code = compile(src, filename, "exec")
    f = [c for c in code.co_consts if isinstance(c, types.CodeType)][0]
    mine = positions.code_positions(f)
    subs = [
        mine[ins.offset // 2]
        for ins in dis.get_instructions(f)
        if ins.opname == "BINARY_SUBSCR"
    ]
    # a[1], a[2], then b[3] and b[4] once per copy of the finally body.
    assert subs[:2] == [(2, 2, 16, 20), (4, 4, 15, 19)]
    assert set(subs[2:]) == {(6, 6, 8, 12), (6, 6, 15, 19)}
    assert len(subs) >= 4
