"""bench/runtime.py still runs (tiny sizes; nothing is timed here)."""

import pathlib
import subprocess
import sys

BENCH = pathlib.Path(__file__).resolve().parents[2] / "bench" / "runtime.py"


def test_runtime_bench_quick():
    p = subprocess.run(
        [sys.executable, str(BENCH), "--quick"]
        + ["--pingpong", "20", "--spawn", "100", "--idle", "10"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    out = p.stdout.decode()
    assert p.returncode == 0, p.stderr.decode()
    assert "metric  " in out and "bare greenlet" in out
    lines = out.splitlines()
    for row in ("round trips/s", "spawn + exit /s", "KB per idle process (trace"):
        line = next(s for s in lines if s.startswith(row))
        assert "n/a" not in line, line
    assert any(s.startswith("KB per idle process (RSS)") for s in lines)
