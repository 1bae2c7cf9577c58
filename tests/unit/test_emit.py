"""compiler.emit without black: the positions the unparser notes as it writes
(line markers, LUA_OP_LINES) equal those of parsing its text again, as the
black path does it."""

import ast
import glob
import os
import pathlib

import pytest

from moonlet.compiler import driver, emit
from moonlet.compiler.errors import LuaSyntaxError

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _lua_files():
    files = []
    for pattern in ("tests/lua/*.lua", "samples/**/*.lua", "bench/programs/*.lua"):
        files += sorted(glob.glob(str(ROOT / pattern), recursive=True))
    for env, pattern in (
        ("MOONLET_LUA_TESTS", "*.lua"),
        ("MOONLET_LUA_HARNESS", "*.t"),
    ):
        folder = os.environ.get(env)
        if folder:
            files += sorted(glob.glob(os.path.join(folder, pattern)))
    return files


def _by_parsing(module, source_name, chunkname):
    """The text of emit's black path with black left out."""
    banner = emit.BANNER % (emit.banner_text(source_name), emit.banner_text(chunkname))
    text = emit._unparse(module) + "\n"
    tree = emit.parse_text(text)
    lines = emit._marked_lines(module, tree, text)
    shift = banner.count("\n")
    return banner + "\n".join(lines) + emit._op_lines(module, tree, shift)


def test_noted_positions_equal_parsed_ones(monkeypatch):
    pairs = []

    def both(module, source_name, chunkname, use_black=True):
        if emit.graft(module) is not None:
            return ""
        pairs.append(
            (
                emit.emit(module, source_name, chunkname, use_black=False),
                _by_parsing(module, source_name, chunkname),
            )
        )
        return ""

    monkeypatch.setattr(driver, "emit", both)
    files = _lua_files()
    assert len(files) > 150
    for path in files:
        with open(path, encoding="latin-1") as f:
            source = f.read()
        del pairs[:]
        try:
            driver.compile_lua(source, "x.lua", use_black=False)
        except LuaSyntaxError:
            continue
        ((noted, parsed),) = pairs
        assert noted == parsed, path


def test_op_lines_of_a_multiline_expression():
    src = "local t = {}\nlocal x = 1 +\n  t.a.b\n"
    text = driver.compile_lua(src, "x.lua", use_black=False)
    table = text.split("LUA_OP_LINES = ", 1)[1]
    lines = set(ast.literal_eval(table).values())
    assert lines == {3}  # the indexing; '+' is on its statement's line
    assert "# L2" in text


@pytest.mark.parametrize("use_black", [True, False])
def test_generated_text_compiles(use_black):
    src = 'local s = "caf\xe9\\n"\nif #s > 9 then print(1) elseif s then print(2) end\n'
    text = driver.compile_lua(src, "x.lua", use_black=use_black)
    compile(text, "x", "exec")
    marked = [line.split()[0] for line in text.splitlines() if line.endswith("# L2")]
    assert marked[0] == "if" and "elif" in marked
