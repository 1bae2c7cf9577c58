"""`moonlet run --virtual-time FILE.lua` / `--actors`: a single-file worker
program run as the root process, end to end in a subprocess."""

import subprocess
import sys


def moonlet(args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "moonlet.cli", "run", *args],
        cwd=cwd,
        capture_output=True,
        timeout=120,
    )


def test_virtual_time_worker_program(tmp_path):
    """The root runs the file; process and channel are globals, time comes
    from require("time"); the script's folder holds the entries; arguments
    reach both `arg` and main; sleeping an hour takes no real time."""
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "double.lua").write_text(
        "return { main = function(x) return x * 2 end }\n"
    )
    (tmp_path / "prog.lua").write_text("""local time = require("time")
local function main(a)
  print("arg", arg[0], arg[1], a)
  local ev = process.events()
  process.spawn_monitored("w:double", "app:processes", 21)
  time.sleep("1h")
  print(process.pid(), ev:receive().result.value)
end
return { main = main }
""")
    r = moonlet(["--virtual-time", "prog.lua", "x"], tmp_path)
    assert r.stdout == b"arg\tprog.lua\tx\tx\n{app:processes|0x00001}\t42\n", r
    assert (r.returncode, r.stderr) == (0, b""), r


def test_failures_and_exit_status(tmp_path):
    """Exit status 1 and the Lua error with a traceback when the root fails;
    os.exit's status; a deadlock is reported, not a hang."""
    (tmp_path / "fail.lua").write_text("local x = nil\nprint(x.y)\n")
    r = moonlet(["--virtual-time", "fail.lua"], tmp_path)
    assert r.returncode == 1
    assert r.stderr.startswith(
        b"moonlet: fail.lua:2: attempt to index a nil value (local 'x')\nstack traceback:\n"
    ), r
    r = moonlet(["--virtual-time", "-e", "os.exit(4)"], tmp_path)
    assert r.returncode == 4, r
    (tmp_path / "dead.lua").write_text("process.inbox():receive()\n")
    r = moonlet(["--virtual-time", "dead.lua"], tmp_path)
    assert r.returncode == 1
    assert b"deadlock" in r.stderr and b"{app:processes|0x00001}" in r.stderr, r
    (tmp_path / "syntax.lua").write_text("print(1\n")
    r = moonlet(["--virtual-time", "syntax.lua"], tmp_path)
    assert (r.returncode, r.stderr) == (
        1,
        b"moonlet: syntax.lua:2: ')' expected (to close '(' at line 1) near <eof>\n",
    ), r


def test_real_clock_mode_and_plain_mode(tmp_path):
    """--actors uses the real clock; without a flag a script runs as plain
    Lua (no process global), like lua5.4."""
    (tmp_path / "p.lua").write_text(
        'local t = require("time")\nt.sleep("1ms")\nprint(type(process), type(channel))\n'
    )
    r = moonlet(["--actors", "p.lua"], tmp_path)
    assert (r.returncode, r.stdout) == (0, b"table\ttable\n"), r
    (tmp_path / "q.lua").write_text("print(type(process), type(channel))\n")
    r = moonlet(["q.lua"], tmp_path)
    assert (r.returncode, r.stdout) == (0, b"nil\tnil\n"), r
