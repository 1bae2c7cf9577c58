"""runtime.temps: which Python locals collectgarbage() lets go of."""

import weakref

from moonlet.runtime import loader
from moonlet.runtime.state import new_state
from moonlet.runtime.table import Table


def _run(src):
    """Run src; `keep(t)` watches t, `check()` says which are alive."""
    g = new_state()
    seen, alive = [], []
    g["keep"] = lambda t: seen.append(weakref.ref(t))
    g["check"] = lambda: alive.append([r() is not None for r in seen])
    fn = loader.load_lua(src, "=t", g)
    return fn(), alive


def test_finished_statements_let_go_and_the_running_one_keeps():
    src = """
        local t = {}
        keep(t)
        for i = 1, 2 do local inner = {} keep(inner) end
        keep({})                      -- a temporary argument, then gone
        local alive = {}
        keep(alive)
        collectgarbage()
        check()
        return t, alive
    """
    result, alive = _run(src)
    # the function's own locals stay; the loop's and the argument's go
    assert alive == [[True, False, False, False, True]]
    assert isinstance(result[0], Table) and isinstance(result[1], Table)


def test_a_value_in_the_statement_that_collects_stays():
    src = """
        local function id(x) return x end
        return id({1}) [1] + (collectgarbage() or 0) + #id({2, 3})
    """
    result, _ = _run(src)
    assert result == 3
