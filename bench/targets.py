"""The four performance targets of issue 5, measured in one run.

    python bench/targets.py [--quick] [--pypy PY] [--write FILE]

Runs, each in a child process, and reads back their --json results:

1. bench/run.py: compiled code on this CPython against the hand-written
   Python programs (geometric mean at most 1.5x, no program above 2.5x,
   every output equal to lua5.4's);
2. bench/run.py --python PY (default pypy3): moonlet on PyPy against
   lua5.4 (geometric mean below 1);
3. bench/runtime.py: round trips and spawns at least 50% of a bare greenlet
   scheduler's rate, at most 8 KB RSS per idle process, and 1,000,000 idle
   processes fitting in this machine's memory (that many times the RSS per
   process, against MemTotal);
4. bench/compile.py: 100 files of 500 lines compiled cold in under 20 s and
   in under 1 s when nothing changed, with `moonlet compile` as it is and
   with `--plain` (no black).

It prints one table (target, figure, met) and, with --write, also writes it
as Markdown with the machine, the Python versions and the command. --quick
uses small sizes (a smoke test; its figures mean little). The exit status
is 0: it is a report.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def child(script, args, tmp, name):
    """Run bench/SCRIPT with ARGS and --json; its output goes to stderr."""
    path = os.path.join(tmp, name + ".json")
    cmd = [sys.executable, os.path.join(HERE, script), "--json", path] + args
    print("$ " + " ".join(cmd[1:]), file=sys.stderr, flush=True)
    p = subprocess.run(cmd, stdout=sys.stderr)
    if p.returncode != 0 or not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def mem_total():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def version_of(cmd):
    try:
        out = subprocess.run(
            [
                cmd,
                "-c",
                "import sys, platform; print(platform.python_implementation(),"
                " sys.version.split()[0])",
            ],
            capture_output=True,
            text=True,
        ).stdout.strip()
        return out or None
    except OSError:
        return None


def _fmt_ratio(x, digits=2):
    return "n/a" if x is None else "%.*fx" % (digits, x)


def program_rows(cpy, pypy):
    """(program, moonlet/python on CPython, moonlet/lua5.4 on PyPy)."""
    by_name = {}
    for key, r, ratio in (
        (0, cpy, "moonlet_over_python"),
        (1, pypy, "moonlet_over_lua"),
    ):
        for p in (r or {}).get("programs", []):
            row = by_name.setdefault(p["name"], ["n/a", "n/a"])
            row[key] = _fmt_ratio(p.get(ratio)) if p.get("ok") else "failed"
    return [(name,) + tuple(v) for name, v in by_name.items()]


def cpython_rows(r):
    if r is None:
        return [("1", "CPython: bench/run.py", "did not run", "no")]
    s = r["summary"]
    progs = r["programs"]
    ok = [p for p in progs if p.get("ok")]
    worst = max(ok, key=lambda p: p["moonlet_over_python"]) if ok else None
    all_ok = s["ok"] == s["programs"]
    gm = s["geomean_moonlet_over_python"]
    return [
        (
            "1",
            "CPython: geomean moonlet/python <= 1.5x",
            _fmt_ratio(gm, 3),
            "yes" if gm is not None and gm <= 1.5 else "no",
        ),
        (
            "1",
            "CPython: no program above 2.5x",
            (
                "%s (%s)" % (_fmt_ratio(worst["moonlet_over_python"]), worst["name"])
                if worst
                else "n/a"
            ),
            "yes" if worst and worst["moonlet_over_python"] <= 2.5 else "no",
        ),
        (
            "1",
            "CPython: every output equal to lua5.4's",
            "%d of %d" % (s["ok"], s["programs"]),
            "yes" if all_ok else "no",
        ),
    ]


def pypy_rows(r, py):
    if r is None:
        return [("2", "%s: bench/run.py --python %s" % (py, py), "did not run", "no")]
    s = r["summary"]
    gm = s["geomean_moonlet_over_lua"]
    met = gm is not None and gm < 1.0 and s["ok"] == s["programs"]
    return [
        (
            "2",
            "%s: geomean moonlet/lua5.4 < 1 (%d of %d ok)"
            % (py, s["ok"], s["programs"]),
            _fmt_ratio(gm, 3),
            "yes" if met else "no",
        )
    ]


def runtime_rows(r):
    if r is None:
        return [("3", "runtime: bench/runtime.py", "did not run", "no")]
    res = r["results"]
    rows = []
    for key, label in (("pingpong", "round trips/s"), ("spawn", "spawns/s")):
        moon, bare = res[key]
        ratio = moon / bare
        rows.append(
            (
                "3",
                "%s >= 50%% of bare greenlets" % label,
                "%s (%.0f%%)" % ("{:,.0f}".format(moon), ratio * 100),
                "yes" if ratio >= 0.5 else "no",
            )
        )
    kb = res["idle_rss"][0] / 1024.0
    rows.append(("3", "RSS per idle process <= 8 KB", "%.2f KB" % kb, _yes(kb <= 8)))
    total = mem_total()
    need = res["idle_rss"][0] * 1e6
    rows.append(
        (
            "3",
            "1,000,000 idle processes fit in memory",
            "%.1f GB of %s"
            % (need / 1e9, "%.1f GB" % (total / 1e9) if total else "unknown"),
            _yes(total is not None and need < total),
        )
    )
    return rows


def _yes(b):
    return "yes" if b else "no"


def compile_rows(r, label):
    if r is None:
        return [("4", "compile%s" % label, "did not run", "no")]
    standard = r.get("met") is not None
    return [
        (
            "4",
            "compile%s: 100 x 500 lines cold < 20 s" % label,
            "%.1f s" % r["cold"],
            _yes(standard and r["cold"] < 20),
        ),
        (
            "4",
            "compile%s: nothing changed < 1 s" % label,
            "%.2f s" % r["warm"],
            _yes(standard and r["warm"] < 1),
        ),
    ]


TARGET_HEAD = ("#", "target", "measured", "met")
PROGRAM_HEAD = ("program", "CPython: moonlet/python", "PyPy: moonlet/lua5.4")


def render(rows, markdown, head=TARGET_HEAD):
    n = len(head)
    widths = [max(len(str(x[i])) for x in rows + [head]) for i in range(n)]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * n]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    fmt = "  ".join("%%-%ds" % w for w in widths)
    lines = [fmt % head, fmt % tuple("-" * w for w in widths)]
    lines += [fmt % r for r in rows]
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes: a smoke test")
    ap.add_argument("--pypy", default="pypy3", help="the PyPy to run (default pypy3)")
    ap.add_argument("--write", metavar="FILE", help="also write the report here")
    opts = ap.parse_args(argv)
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="moonlet-targets-") as tmp:
        small = ["--sizes", "small", "--repeat", "1"] if opts.quick else []
        cpy = child("run.py", small + ["--quiet"], tmp, "cpython")
        pypy = child("run.py", small + ["--quiet", "--python", opts.pypy], tmp, "pypy")
        rt = child("runtime.py", ["--quick"] if opts.quick else [], tmp, "runtime")
        size = ["--files", "10"] if opts.quick else []
        comp = child("compile.py", size, tmp, "compile")
        plain = child("compile.py", size + ["--", "--plain"], tmp, "plain")
    rows = (
        cpython_rows(cpy)
        + pypy_rows(pypy, opts.pypy)
        + runtime_rows(rt)
        + compile_rows(comp, "")
        + compile_rows(plain, " --plain")
    )
    met = sum(r[3] == "yes" for r in rows)
    programs = program_rows(cpy, pypy)
    print()
    print(render(programs, False, PROGRAM_HEAD))
    print()
    print(render(rows, False))
    print()
    print("%d of %d met (%.0f s)" % (met, len(rows), time.time() - started))
    if opts.write:
        meta = [
            "Date: %s" % time.strftime("%Y-%m-%d"),
            "Command: `python bench/targets.py%s`" % (" --quick" if opts.quick else ""),
            "Machine: %s, %d CPUs, %s"
            % (platform.machine(), os.cpu_count() or 0, platform.platform()),
            "CPython: %s; PyPy: %s"
            % (sys.version.split()[0], version_of(opts.pypy) or "not found"),
            "lua5.4: %s"
            % ((cpy or {}).get("meta", {}).get("lua_version") or "not found"),
        ]
        with open(opts.write, "w") as f:
            f.write("# Issue 5 targets\n\n")
            f.write("\n".join("- " + m for m in meta) + "\n\n")
            f.write(render(rows, True) + "\n\n")
            f.write("%d of %d met.\n\n" % (met, len(rows)))
            f.write("Per program (best of 3 whole runs, start-up included):\n\n")
            f.write(render(programs, True, PROGRAM_HEAD) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
