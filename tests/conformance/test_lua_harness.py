"""lua-Harness, one test per `.t` file, run from the suite folder as
`-l profile_lua54 FILE.t` with LUA_PATH="./?.lua;;". A file passes when every TAP test
it plans passes or is skipped (by the suite itself, or by skips.txt: debug library,
C test library T, GC timing only). test_core covers the project's 38 target files,
test_other the rest (standalone interpreter, luac, io, os, debug, LuaJIT)."""

import pytest

import lua_suites as ls

pytestmark = pytest.mark.conformance

FOLDER, WHY = ls.suite_dir(ls.HARNESS_ENV)
if FOLDER is None:
    # one skip for the whole module, so normal runs stay quiet and fast
    pytest.skip(WHY, allow_module_level=True)


def check(name):
    ls.skip_unless_runnable(FOLDER, "harness", name)
    out = ls.run_harness_file(FOLDER, name)
    if out.tap.skip_all is not None:
        pytest.skip("the file skips itself: %s" % out.tap.skip_all)
    if not out.ok:
        pytest.fail(
            "%s under %s: %d of %d passed\n%s"
            % (
                name,
                ls.lua_name(),
                len(out.passed),
                out.planned,
                ls.describe_harness(out),
            ),
            pytrace=False,
        )


@pytest.mark.parametrize("name", [n + ".t" for n in ls.HARNESS_CORE])
def test_core(name):
    check(name)


@pytest.mark.parametrize("name", [n + ".t" for n in ls.HARNESS_OTHER])
def test_other(name):
    check(name)
