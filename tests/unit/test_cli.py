"""The `moonlet run` command end to end, against lua5.4 where both apply.

lua5.4 prefixes its messages with "lua5.4:", moonlet with "moonlet:";
everything else (output, messages, exit status) must agree."""

import os
import shutil
import signal
import subprocess
import sys

import pytest

LUA = shutil.which("lua5.4")
needs_lua = pytest.mark.skipif(LUA is None, reason="lua5.4 not installed")


def moonlet(args, cwd, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "moonlet.cli", "run", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def lua(args, cwd, stdin=None):
    return subprocess.run(
        ["lua5.4", *args], cwd=cwd, input=stdin, capture_output=True, timeout=60
    )


def same_as_lua(tmp_path, args, stdin=None, traceback=True):
    m = moonlet(args, tmp_path, stdin)
    r = lua(args, tmp_path, stdin)
    assert m.stdout == r.stdout
    assert m.returncode == r.returncode
    merr = m.stderr.replace(b"moonlet:", b"lua5.4:")
    if traceback:
        assert merr == r.stderr
    else:
        assert merr.split(b"\n")[0] == r.stderr.split(b"\n")[0]
    return m


@pytest.fixture
def scripts(tmp_path):
    (tmp_path / "args.lua").write_text(
        "print(#arg, arg[0], arg[1], arg[2], arg[3], ...)\n" "print(select('#', ...))\n"
    )
    (tmp_path / "mod.lua").write_text(
        "print('loading mod', ...)\nmodvalue = 42\nreturn {x = 1}\n"
    )
    (tmp_path / "usemod.lua").write_text("print(modvalue, package.loaded.mod.x)\n")
    (tmp_path / "boom.lua").write_text(
        "local function f(t)\n  return t.x.y\nend\nf({})\n"
    )
    (tmp_path / "syntax.lua").write_text("local x = = 1\n")
    (tmp_path / "obj.lua").write_text("error({code = 1})\n")
    (tmp_path / "exit.lua").write_text("io.write('bye')\nos.exit(7)\n")
    (tmp_path / "deep.lua").write_text(
        "local function f(n) return 1 + f(n + 1) end\n" "print(pcall(f, 1))\nf(1)\n"
    )
    return tmp_path


@needs_lua
def test_arguments(scripts):
    same_as_lua(scripts, ["args.lua", "a", "b c", "é"])
    same_as_lua(scripts, ["args.lua"])


@needs_lua
def test_e_and_l_options(scripts):
    same_as_lua(scripts, ["-e", "x = 5", "-e", "print(x * 2)"])
    same_as_lua(scripts, ["-l", "mod", "usemod.lua", "1"])
    same_as_lua(scripts, ["-e", "print(1 +)"])


def test_version(scripts):
    m = moonlet(["-v"], scripts)
    assert m.returncode == 0
    assert m.stdout.startswith(b"Lua 5.4 on moonlet")


@needs_lua
def test_errors_exit_1_with_lua_message(scripts):
    m = same_as_lua(scripts, ["boom.lua"], traceback=False)
    assert b"stack traceback:" in m.stderr
    assert b"Traceback (most recent call last)" not in m.stderr
    same_as_lua(scripts, ["syntax.lua"])
    same_as_lua(scripts, ["obj.lua"], traceback=False)
    same_as_lua(scripts, ["missing.lua"], traceback=False)


@needs_lua
def test_os_exit(scripts):
    same_as_lua(scripts, ["exit.lua"])


@needs_lua
def test_script_from_stdin(scripts):
    same_as_lua(scripts, ["-", "x"], stdin=b"print('stdin', ...)\n")


@needs_lua
def test_stack_overflow_is_a_lua_error(scripts):
    m = moonlet(["deep.lua"], scripts)
    r = lua(["deep.lua"], scripts)
    assert m.returncode == r.returncode == 1
    assert m.stdout.startswith(b"false\t") and r.stdout.startswith(b"false\t")
    assert b"stack overflow" in m.stdout and b"stack overflow" in m.stderr
    assert b"Traceback (most recent call last)" not in m.stderr


def test_debug_shows_python_traceback(scripts):
    m = moonlet(["--debug", "boom.lua"], scripts)
    assert m.returncode == 1
    assert b"Traceback (most recent call last)" in m.stderr


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals")
def test_ctrl_c_exits_130(scripts):
    (scripts / "loop.lua").write_text(
        "io.stderr:write('started\\n')\nwhile true do end\n"
    )
    p = subprocess.Popen(
        [sys.executable, "-m", "moonlet.cli", "run", "loop.lua"],
        cwd=scripts,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert p.stderr.readline() == b"started\n"
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == 130
    assert b"interrupted" in err
    assert b"Traceback" not in err


@needs_lua
def test_tracebacks_match_lua(scripts):
    # Names from call sites (local, upvalue, field, method, global,
    # metamethod, for iterator), proper tail calls, library frames, and
    # debug.traceback as an xpcall handler.
    (scripts / "tb.lua").write_text(
        "local function lf(x) return x + nil end\n"
        "local T = {}\n"
        "function T.field(x) return lf(x) end\n"
        "function T:meth(x) local r = T.field(x); return r end\n"
        "function glob(x) local r = T:meth(x); return r end\n"
        "local mt = setmetatable({}, {__add = function(a, b) return glob(1) end})\n"
        "local function iter() local r = mt + 1; return r end\n"
        "local co = function() for x in iter do end end\n"
        "local function up() co() end\n"
        "print(select(2, xpcall(up, debug.traceback)))\n"
        "local function deep(n) return 1 + deep(n + 1) end\n"
        "print(pcall(deep, 1))\n"
        "local function e() error('boom') end\n"
        ";(function() e() up() end)()\n"
    )
    same_as_lua(scripts, ["tb.lua"])


@needs_lua
def test_negative_arg_indices_and_warnings(scripts):
    (scripts / "neg.lua").write_text(
        "print(arg[-2], arg[-1], arg[0], arg[1])\nwarn('shown')\n"
    )
    m = moonlet(["-W", "-e", "x=1", "neg.lua", "a"], scripts)
    r = lua(["-W", "-e", "x=1", "neg.lua", "a"], scripts)
    assert m.returncode == r.returncode == 0
    # arg[-4] is the interpreter: lua5.4 there, the moonlet command here.
    assert m.stdout == r.stdout == b"-e\tx=1\tneg.lua\ta\n"
    assert m.stderr == r.stderr == b"Lua warning: shown\n"
