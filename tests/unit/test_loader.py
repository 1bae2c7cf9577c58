"""runtime.loader: Python's refusal of generated code is the user's error
only when it is one of Python's nesting limits; anything else is a
compiler bug."""

import pytest

from moonlet.compiler.errors import CompilerBug, LuaSyntaxError
from moonlet.runtime import loader
from moonlet.runtime.table import Table


def _load_with(monkeypatch, text):
    monkeypatch.setattr(loader, "compile_to_python", lambda *a, **k: text)
    return loader.load_lua("return 1", "=test", Table())


def test_nesting_limit_is_a_lua_syntax_error(monkeypatch):
    deep = "def lua_chunk(_ENV):\n" + "".join(
        " " * (i + 1) + "while x:\n" for i in range(25)
    )
    deep += " " * 26 + "pass\n"
    with pytest.raises(LuaSyntaxError) as e:
        _load_with(monkeypatch, deep)
    assert "too many nested blocks for Python" in e.value.message
    assert e.value.message.startswith("test:")


def test_other_syntax_errors_are_compiler_bugs(monkeypatch):
    with pytest.raises(CompilerBug) as e:
        _load_with(monkeypatch, "def lua_chunk(_ENV):\n    return (x if  else y)\n")
    assert "does not compile" in str(e.value)
