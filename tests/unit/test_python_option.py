"""`moonlet run --python PY` (moonlet/launch.py): compiled here, run by
another Python with the runtime only. Everything a program shows (stdout,
stderr, exit status, `arg`) must be what it shows under one Python.
Run with PyPy when `pypy3` is installed, else with this Python itself
(the same path: a child Python, the compile server)."""

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
OTHER = shutil.which("pypy3") or sys.executable


def moonlet(args, cwd, stdin=None, python=None, env=None, cmd="run"):
    extra = ["--python", python] if python else []
    return subprocess.run(
        [sys.executable, "-m", "moonlet.cli", cmd, *extra, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=300,
        env=env,
    )


def same(cwd, args, stdin=None, cmd="run"):
    """Run `moonlet run ARGS` here and under OTHER; both must agree."""
    here = moonlet(args, cwd, stdin, cmd=cmd)
    there = moonlet(args, cwd, stdin, OTHER, cmd=cmd)
    assert there.stdout == here.stdout
    assert there.stderr == here.stderr
    assert there.returncode == here.returncode
    return there


@pytest.fixture
def scripts(tmp_path):
    files = {
        "hello.lua": "print('hello', 1/3, 2^53, math.maxinteger, 10 // 3)\n"
        "print(string.format('%5.2f %g %f', 3.14159, 1e300, 1e300):sub(1, 40))\n",
        "args.lua": "print(#arg, arg[0], arg[1], arg[2], ...)\n"
        "for i = -4, -1 do print(i, arg[i] ~= nil) end\n",
        "boom.lua": "local function f(t)\n  return t.x.y\nend\nf({})\n",
        "syntax.lua": "local x = = 1\n",
        "obj.lua": "error(setmetatable({}, {__tostring = function() return 'E!' end}))\n",
        "exit.lua": "io.write('bye')\nos.exit(7)\n",
        "deep.lua": "local function f(n) return 1 + f(n + 1) end\n"
        "print(pcall(f, 1))\n"
        "local function g(n) if n == 0 then return 0 end return g(n - 1) end\n"
        "print(g(30000))\n",
        "loads.lua": "print(load('return 1 + ...')(41))\n"
        "print(load('x = = 1'))\n"
        "package.path = './?.lua'\n"
        "print(require('mod').x)\n"
        "print(pcall(load('local t = nil; return t.field')))\n",
        "mod.lua": "return {x = 7}\n",
        "co.lua": "local co = coroutine.wrap(function(a)\n"
        "  local b = coroutine.yield(a + 1)\n"
        "  error('in coroutine ' .. b)\nend)\n"
        "print(co(1))\nprint(pcall(co, 5))\n"
        "local t = setmetatable({}, {__index = function(t, k) return k * 2 end})\n"
        "print(t[21], select('#', table.unpack({1, 2, nil, 4}, 1, 4)))\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def test_scripts(scripts):
    for name in ("hello.lua", "boom.lua", "syntax.lua", "obj.lua", "exit.lua"):
        same(scripts, [name])
    r = same(scripts, ["loads.lua"])
    assert b"42" in r.stdout and b"unexpected symbol" in r.stdout
    assert b"attempt to index a nil value (local 't')" in r.stdout
    r = same(scripts, ["co.lua"])
    assert b"in coroutine 5" in r.stdout
    r = same(scripts, ["deep.lua"])
    assert b"stack overflow" in r.stdout and r.stdout.endswith(b"\n0\n")


def test_arguments_and_options(scripts):
    here = moonlet(["args.lua", "a", "b c", "é"], scripts)
    there = moonlet(["args.lua", "a", "b c", "é"], scripts, python=OTHER)
    assert there.returncode == here.returncode == 0
    # arg[-1] and arg[-2] are the --python option, as lua.c's arg holds
    # the interpreter's options.
    lines = here.stdout.splitlines()
    other = there.stdout.splitlines()
    assert other[0] == lines[0]
    assert other[1:] == [b"-4\tfalse", b"-3\ttrue", b"-2\ttrue", b"-1\ttrue"]
    assert lines[1:] == [b"-4\tfalse", b"-3\tfalse", b"-2\tfalse", b"-1\ttrue"]
    same(scripts, ["-e", "x = 5", "-e", "print(x * 2)"])
    same(scripts, ["-l", "mod", "-e", "print(package.loaded.mod.x)"])
    same(scripts, ["-e", "print(1 +)"])
    same(scripts, ["-"], stdin=b"print('from stdin', ...)\nerror('x')\n")
    r = moonlet(["-v"], scripts, python=OTHER)  # names the Python that runs
    assert r.returncode == 0 and r.stdout.startswith(b"Lua 5.4 on moonlet ")
    same(scripts, ["missing.lua"])
    # --debug adds the Python traceback, the other Python's own.
    r = moonlet(["--debug", "boom.lua"], scripts, python=OTHER)
    assert r.returncode == 1 and b"Traceback (most recent call last)" in r.stderr
    assert r.stderr.startswith(moonlet(["boom.lua"], scripts).stderr)


def test_apps():
    samples = ROOT / "samples"
    r = same(samples, ["--virtual-time", "jobqueue", "app:main"])
    assert r.returncode == 0 and r.stdout
    r = same(samples, ["jobqueue"], cmd="test")
    assert b"passed" in r.stdout
    same(samples, ["jobqueue", "app:nothing"])
    same(samples, ["hello.lua"])


def test_bad_python(scripts):
    r = moonlet(["hello.lua"], scripts, python="no-such-python-here")
    assert r.returncode == 1
    assert b"cannot run Python 'no-such-python-here'" in r.stderr
    r = moonlet(["--python"], scripts)
    assert r.returncode == 1 and b"needs argument" in r.stderr


def test_compiled_package_under_other_python(scripts, tmp_path_factory):
    (scripts / "syntax.lua").unlink()
    out = tmp_path_factory.mktemp("build") / "pkg"
    p = moonlet([str(scripts), "-o", str(out), "-q"], scripts, cmd="compile")
    assert p.returncode == 0, p.stderr
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("MOONLET_COMPILER_PYTHON", None)

    def run(python, name, extra_env=None):
        return subprocess.run(
            [python, "-m", "pkg", "run", name, "x"],
            cwd=str(out.parent),
            capture_output=True,
            timeout=300,
            env=dict(env, **(extra_env or {})),
        )

    for name in ("hello", "boom", "co", "exit"):
        here = run(sys.executable, name)
        there = run(OTHER, name)
        assert (there.returncode, there.stdout, there.stderr) == (
            here.returncode,
            here.stdout,
            here.stderr,
        )
    # load of new source text needs a compiler: a Python named by
    # MOONLET_COMPILER_PYTHON, else a clear error.
    if OTHER != sys.executable:
        r = run(OTHER, "loads")
        assert r.returncode == 1
        assert b"set MOONLET_COMPILER_PYTHON" in r.stderr
    here = run(sys.executable, "loads")
    there = run(OTHER, "loads", {"MOONLET_COMPILER_PYTHON": sys.executable})
    assert (there.returncode, there.stdout, there.stderr) == (
        here.returncode,
        here.stdout,
        here.stderr,
    )
