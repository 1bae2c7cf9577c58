"""bench/compile.py and bench/targets.py still work (tiny sizes; nothing is
timed here)."""

import importlib.util
import json
import pathlib
import subprocess
import sys

BENCH = pathlib.Path(__file__).resolve().parents[2] / "bench"
# (loaded by path: bench/ on sys.path would shadow the runtime package)
_spec = importlib.util.spec_from_file_location("bench_targets", BENCH / "targets.py")
targets = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(targets)


def _compile_bench(tmp_path, *args):
    out = tmp_path / "r.json"
    p = subprocess.run(
        [sys.executable, str(BENCH / "compile.py"), "--json", str(out)] + list(args),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert p.returncode == 0, p.stderr
    return p.stdout, json.loads(out.read_text())


def test_compile_bench_small_folder(tmp_path):
    stdout, r = _compile_bench(
        tmp_path, "--files", "2", "--lines", "60", "--", "--plain"
    )
    assert r["files"] == 2 and r["lines"] >= 120
    assert r["args"] == ["--plain"]
    assert r["cold"] > 0 and r["warm"] > 0
    assert r["met"] is None  # the targets are for 100 files of 500 lines
    assert "cold (nothing compiled)" in stdout


def test_targets_verdicts():
    run = {
        "summary": {
            "programs": 2,
            "ok": 2,
            "geomean_moonlet_over_python": 1.49,
            "geomean_moonlet_over_lua": 1.02,
        },
        "programs": [
            {
                "name": "a",
                "ok": True,
                "moonlet_over_python": 2.6,
                "moonlet_over_lua": 0.9,
            },
            {
                "name": "b",
                "ok": True,
                "moonlet_over_python": 1.1,
                "moonlet_over_lua": 1.2,
            },
        ],
    }
    rows = targets.cpython_rows(run)
    assert [r[3] for r in rows] == ["yes", "no", "yes"]
    assert rows[1][2] == "2.60x (a)"
    assert targets.pypy_rows(run, "pypy3")[0][3] == "no"
    runtime = {
        "results": {
            "pingpong": [300.0, 700.0],
            "spawn": [120.0, 100.0],
            "idle_traced": [5000.0, 3000.0],
            "idle_rss": [8 * 1024.0, 7000.0],
        }
    }
    assert [r[3] for r in targets.runtime_rows(runtime)][:3] == ["no", "yes", "yes"]
    compiled = {"cold": 19.0, "warm": 1.5, "met": {"cold": True, "warm": False}}
    assert [r[3] for r in targets.compile_rows(compiled, "")] == ["yes", "no"]
    assert targets.program_rows(run, None)[0] == ("a", "2.60x", "n/a")
    assert "| # | target |" in targets.render(rows, True)
