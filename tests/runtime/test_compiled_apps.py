"""Apps compiled by `moonlet compile APP -o PKG`: `python -m PKG run ENTRY`,
`python -m PKG test` and `python -m PKG list` do what `moonlet run APP
ENTRY` and `moonlet test APP` do on the source folder, without the
source folder and without the compiler (every run of a package here blocks
the compiler's imports)."""

import io
import pathlib
import subprocess
import sys

import pytest

from moonlet import package as writer
from test_apps import BASIC, CLI_APP, cli, write

SAMPLES = pathlib.Path(__file__).resolve().parents[2] / "samples"
SAMPLE_APPS = sorted(
    p.stem for p in SAMPLES.glob("*.expected") if p.with_suffix("").is_dir()
)

# `python -m PKG ARGS` with the compiler blocked (exit status 99 if it loads).
NO_COMPILER = pathlib.Path(__file__).resolve().parents[1] / "run_without_compiler.py"


def compile_app(src, out):
    """`moonlet compile SRC -o OUT` in this process: (status, stdout, stderr)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    status = writer.main([str(src), "-o", str(out)], stdout=stdout, stderr=stderr)
    return status, stdout.getvalue(), stderr.getvalue()


def run_pkg(out, *args):
    """(status, stdout, stderr) of `python -m PKG ARGS`, run from a folder
    that holds only the package, with the compiler blocked; "PKG: " at the
    start of stderr lines becomes "moonlet: " (the program's name)."""
    p = subprocess.run(
        [sys.executable, str(NO_COMPILER), str(out)] + list(args),
        cwd=str(out.parent),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    stderr = p.stderr.decode("latin-1")
    assert p.returncode != 99, stderr
    prefix = out.name + ": "
    stderr = "".join(
        "moonlet: " + s[len(prefix) :] if s.startswith(prefix) else s
        for s in stderr.splitlines(True)
    )
    return p.returncode, p.stdout.decode("latin-1"), stderr


def moonlet(src, *args):
    """(status, stdout, stderr) of `moonlet ARGS` run in the app folder."""
    return cli(*args, cwd=str(src))


@pytest.fixture
def compiled(tmp_path):
    """compiled(files) -> (source folder, package folder)."""

    def make(files, name="app_pkg"):
        src = tmp_path / "src"
        write(src, files)
        out = tmp_path / "build" / name
        status, stdout, stderr = compile_app(src, out)
        assert (status, stderr) == (0, ""), stderr
        return src, out

    return make


@pytest.mark.parametrize("name", SAMPLE_APPS)
def test_sample_app(tmp_path, name):
    src = SAMPLES / name
    out = tmp_path / (name + "_pkg")
    status, stdout, stderr = compile_app(src, out)
    assert (status, stderr) == (0, "")
    expected = moonlet(src, "run", "--virtual-time", ".", "app:main")
    assert expected[0] == 0, expected[2]
    assert run_pkg(out, "run", "--virtual-time", "app:main") == expected


def test_sample_app_tests_and_list(tmp_path):
    src = SAMPLES / "jobqueue"
    out = tmp_path / "jq"
    assert compile_app(src, out)[0] == 0
    expected = moonlet(src, "test", ".")
    assert expected[1].endswith("3 passed, 0 failed\n")
    assert run_pkg(out, "test") == expected
    status, stdout, _ = run_pkg(out, "list")
    assert status == 0
    assert stdout.splitlines() == [
        "app.lib:jobs\tlibrary.lua",
        "app.tests:jobs_errors\tfunction.lua\ttest",
        "app.tests:jobs_run\tfunction.lua\ttest",
        "app.tests:queue_report\tfunction.lua\ttest",
        "app:main\tprocess.lua",
        "app:processes\tprocess.host",
        "app:worker\tprocess.lua",
    ]


def test_modules_imports_and_hosts(compiled):
    src, out = compiled(BASIC)
    expected = moonlet(src, "run", ".", "app:main", "a", "b")
    assert expected[0] == 0 and "not in the modules or imports" in expected[1]
    assert run_pkg(out, "run", "app:main", "a", "b") == expected


def test_failing_entries_and_tests(compiled):
    src, out = compiled(CLI_APP)
    for opts, entry, args in (
        (["--virtual-time"], "app:main", ["x", "y"]),
        ([], "app:boom", []),
        ([], "app:soft", []),
        ([], "app:nope", []),
        ([], "app.test:c_err", []),
        ([], "app.test:helper", []),
    ):
        expected = moonlet(src, "run", *opts, ".", entry, *args)
        assert run_pkg(out, "run", *opts, entry, *args) == expected, entry
    status, stdout, stderr = run_pkg(out, "run", "app:boom")
    assert status == 1 and stdout == ""
    assert stderr.startswith("moonlet: main.lua:8: boom!\nstack traceback:\n")
    assert "Traceback" not in stderr
    expected = moonlet(src, "test", ".")
    assert expected[0] == 1 and expected[1].endswith("2 passed, 3 failed\n")
    assert run_pkg(out, "test") == expected


def test_zero_config_folder(compiled):
    files = {
        "a/b/c.lua": """
            local util = require("util")
            return { main = function(x) return util.triple(x) end }
            """,
        "util.lua": """
            return { triple = function(x) return x * 3 end }
            """,
        "main.lua": """
            return { main = function(n)
                print(process.exec("a.b:c", "app:processes", tonumber(n)))
                print(process.spawn("a.b:nope", "app:processes"))
                error("done with " .. n)
            end }
            """,
    }
    src, out = compiled(files)
    expected = moonlet(src, "run", ".", ":main", "5")
    assert expected[:2] == (1, "15\nnil\tfactory not found\n")
    assert run_pkg(out, "run", ":main", "5") == expected
    # No _index.yaml: list shows the Lua module names, as for any package.
    assert run_pkg(out, "list") == (0, "a.b.c\nmain\nutil\n", "")


def test_recompile_unchanged_and_changed_index(compiled):
    src, out = compiled(CLI_APP)
    files = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    status, stdout, stderr = compile_app(src, out)
    assert (status, stdout, stderr) == (
        0,
        "compiled 0 files, 2 unchanged -> %s\n" % out,
        "",
    )
    assert {p: p.stat().st_mtime_ns for p in files} == files
    # Only the yaml changes: no Lua file is compiled again, the package
    # follows the new declaration.
    index = src / "_index.yaml"
    index.write_text(index.read_text().replace("method: boom", "method: soft"))
    assert compile_app(src, out)[:2] == (
        0,
        "compiled 0 files, 2 unchanged -> %s\n" % out,
    )
    status, _, stderr = run_pkg(out, "run", "app:boom")
    assert status == 1 and stderr.startswith("moonlet: soft failure")


def test_compile_checks_the_app(tmp_path):
    write(tmp_path / "bad", {"_index.yaml": "namespace: [\n"})
    status, _, stderr = compile_app(tmp_path / "bad", tmp_path / "out1")
    assert status == 1 and stderr.startswith("moonlet: ") and "_index.yaml" in stderr
    write(
        tmp_path,
        {
            "shared.lua": "return {}",
            "app/_index.yaml": """
                namespace: app
                entries:
                  - {name: main, kind: process.lua, source: file://../shared.lua}
                """,
        },
    )
    status, _, stderr = compile_app(tmp_path / "app", tmp_path / "out2")
    assert status == 1
    assert "entry app:main: source " in stderr
    assert "is not a .lua file inside" in stderr


def test_package_command_line(compiled):
    _, out = compiled(CLI_APP)
    status, _, stderr = run_pkg(out, "run", "--virtual-time", "tests.t")
    assert (status, stderr) == (1, "moonlet: --virtual-time runs app entries only\n")
    status, _, stderr = run_pkg(out, "test", "extra")
    assert status == 1 and "unexpected argument 'extra'" in stderr
    status, stdout, _ = run_pkg(out, "--help")
    assert status == 0 and "run [--debug] [--virtual-time] ENTRY" in stdout
