"""Compile-time benchmark: a folder of 100 Lua files of 500 lines.

    python bench/compile.py [--files N] [--lines N] [--json FILE] [-- ARGS]

The folder is made from the repository's own Lua code (tests/lua/*.lua and
bench/programs/*.lua, in name order), each program wrapped in a
`local function partN(...) ... end` and appended to a file until it has at
least --lines lines, so the code is real Lua of every kind the tests hold.

Two whole runs of `moonlet compile SRC -o OUT -q ARGS` (in a child Python
pinned to one CPU where the system allows it):

- cold: OUT does not exist, so every file is compiled;
- warm: the same command again, nothing changed, so nothing is compiled.

Targets of issue 5: cold under 20 s, warm under 1 s. It is a report: the
exit status is 0 unless a compile fails.
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGETS = {"cold": 20.0, "warm": 1.0}


def sources():
    paths = sorted(glob.glob(os.path.join(ROOT, "tests", "lua", "*.lua")))
    paths += sorted(glob.glob(os.path.join(ROOT, "bench", "programs", "*.lua")))
    texts = []
    for p in paths:
        with open(p, encoding="latin-1") as f:
            texts.append(f.read().rstrip("\n").split("\n"))
    return texts


def make_folder(folder, nfiles, nlines):
    """Write nfiles files of at least nlines lines; returns the line count."""
    texts = sources()
    k = total = 0
    for i in range(nfiles):
        lines = []
        part = 0
        while len(lines) < nlines:
            lines.append("local function part%d(...)" % part)
            lines.extend(texts[k % len(texts)])
            lines.append("end")
            part += 1
            k += 1
        total += len(lines)
        path = os.path.join(folder, "m%03d.lua" % i)
        with open(path, "w", encoding="latin-1") as f:
            f.write("\n".join(lines) + "\n")
    return total


def one_core():
    """A preexec function pinning the child to one CPU, or None."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    return lambda: os.sched_setaffinity(0, {cpu})


def compile_run(src, out, args):
    cmd = [sys.executable, "-m", "moonlet.cli", "compile", src, "-o", out, "-q"]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [ROOT, env.get("PYTHONPATH")]))
    t = time.perf_counter()
    p = subprocess.run(
        cmd + args, env=env, preexec_fn=one_core(), capture_output=True, text=True
    )
    elapsed = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit("compile failed (%d):\n%s%s" % (p.returncode, p.stdout, p.stderr))
    return elapsed


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=100)
    ap.add_argument("--lines", type=int, default=500)
    ap.add_argument("--json", metavar="FILE", help="also write the results here")
    ap.add_argument("args", nargs="*", help="more arguments for moonlet compile")
    opts = ap.parse_args(argv)
    tmp = tempfile.mkdtemp(prefix="moonlet-compile-bench-")
    try:
        src = os.path.join(tmp, "src")
        out = os.path.join(tmp, "out")
        os.mkdir(src)
        lines = make_folder(src, opts.files, opts.lines)
        cold = compile_run(src, out, opts.args)
        warm = compile_run(src, out, opts.args)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    results = {"files": opts.files, "lines": lines, "cold": cold, "warm": warm}
    print(
        "moonlet compile, Python %s: %d files, %d Lua lines%s"
        % (
            sys.version.split()[0],
            opts.files,
            lines,
            (" (" + " ".join(opts.args) + ")") if opts.args else "",
        )
    )
    print()
    print("metric                      seconds  per file  target   met")
    print("--------------------------  -------  --------  -------  ---")
    standard = opts.files == 100 and opts.lines == 500
    for key, label in (
        ("cold", "cold (nothing compiled)"),
        ("warm", "warm (nothing changed)"),
    ):
        v = results[key]
        met = ("yes" if v < TARGETS[key] else "no") if standard else "-"
        print(
            "%-26s  %7.2f  %7.3fs  < %3.0f s  %s"
            % (label, v, v / opts.files, TARGETS[key], met)
        )
    if not standard:
        print("\n(the targets are for 100 files of 500 lines)")
    results["args"] = opts.args
    results["met"] = {k: results[k] < TARGETS[k] for k in TARGETS} if standard else None
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump(results, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
