"""The official Lua 5.4.4 test files (`testes/`), one test per file.

Each file runs from the suite folder as `-e "_soft=true;_port=true;_nomsg=true" FILE.lua`
(as all.lua runs them) and passes when it exits with status 0. Whole files or line
ranges listed in skips.txt (debug library, C test library T, GC timing only) are
skipped. test_core covers the project's target files, test_other the rest."""

import pytest

import lua_suites as ls

pytestmark = pytest.mark.conformance

FOLDER, WHY = ls.suite_dir(ls.TESTES_ENV)
if FOLDER is None:
    # one skip for the whole module, so normal runs stay quiet and fast
    pytest.skip(WHY, allow_module_level=True)


def check(name):
    ls.skip_unless_runnable(FOLDER, "testes", name)
    r = ls.run_testes_file(FOLDER, name)
    if r.returncode != 0:
        tail = "\n".join(r.stderr.splitlines()[:20])
        pytest.fail(
            "%s exited with %s after %.0fs under %s\n%s"
            % (name, r.returncode, r.seconds, ls.lua_name(), tail or r.stdout[-2000:]),
            pytrace=False,
        )


@pytest.mark.parametrize("name", [n + ".lua" for n in ls.TESTES_CORE])
def test_core(name):
    check(name)


@pytest.mark.parametrize("name", [n + ".lua" for n in ls.TESTES_OTHER])
def test_other(name):
    check(name)
