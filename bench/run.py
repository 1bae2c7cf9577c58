"""Benchmark moonlet against hand-written Python and the reference lua5.4.

For every program in bench/programs/ (NAME.lua with its hand-written twin NAME.py) this
runs, as whole processes and interleaved round-robin for each repetition:

    moonlet:  moonlet run [--python PY] bench/programs/NAME.lua [SIZE]
    python:   PY bench/programs/NAME.py [SIZE]
    lua5.4:   lua5.4 bench/programs/NAME.lua [SIZE]

keeps the best (minimum) wall time of --repeat runs, checks that the outputs of moonlet
and Python equal lua5.4's byte for byte, and prints a table with the ratios and their
geometric means. It always exits with status 0: it is a report, failures are counted
and listed in the summary.

    python bench/run.py [--repeat N] [--only NAME,...] [--python PYTHON]
                        [--sizes default|small] [--json FILE]
"""

import argparse
import json
import math
import os
import platform
import shlex
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAM_DIR = os.path.join("bench", "programs")

# Benchmark order. Default sizes are the programs' own defaults (no argument), chosen so
# that the Python version runs 1-2 s on CPython 3.11.
PROGRAMS = [
    "fib",
    "loop",
    "tables",
    "strings",
    "oop",
    "nbody",
    "binarytrees",
    "spectralnorm",
]

# Sizes for quick smoke tests (--sizes small).
SMALL_SIZES = {
    "fib": 20,
    "loop": 100000,
    "tables": 20000,
    "strings": 5000,
    "oop": 20000,
    "nbody": 2000,
    "binarytrees": 8,
    "spectralnorm": 60,
}

RUNNERS = ["moonlet", "python", "lua5.4"]


def moonlet_base_command(override):
    """The command that runs `moonlet`, without the `run` subcommand."""
    if override:
        return shlex.split(override)
    # The same interpreter binary as the hand-written programs, run directly:
    # a `moonlet` script on PATH may sit behind a shim (pyenv's costs ~0.1 s
    # per start) that would be measured as moonlet's time.
    return [sys.executable, "-m", "moonlet.cli"]


def build_commands(name, size, args):
    lua_file = os.path.join(PROGRAM_DIR, name + ".lua")
    py_file = os.path.join(PROGRAM_DIR, name + ".py")
    extra = [] if size is None else [str(size)]
    moonlet = moonlet_base_command(args.moonlet) + ["run"]
    if args.python_given:
        moonlet += ["--python", args.python]
    return {
        "moonlet": moonlet + [lua_file] + extra,
        "python": [args.python, py_file] + extra,
        "lua5.4": [args.lua, lua_file] + extra,
    }


def run_once(cmd, timeout):
    """Run one command; return (elapsed seconds or None, stdout bytes, error or None)."""
    start = time.perf_counter()
    try:
        # A session of its own, so that a timeout also ends the processes the
        # command started (moonlet may run the compiled program in a child Python).
        proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as exc:
        return None, b"", "cannot start: %s" % exc
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (AttributeError, OSError):
            proc.kill()
        proc.communicate()
        return None, b"", "timed out after %g s" % timeout
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        message = "exit status %d: %s" % (proc.returncode, error_message(stderr))
        return None, stdout, message
    return elapsed, stdout, None


def error_message(stderr):
    """The informative part of a failed run's stderr, on one line."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return "(no stderr)"
    # Lua-style errors: the message comes before "stack traceback:".
    for i, text in enumerate(lines):
        if text == "stack traceback:" and i > 0:
            return lines[i - 1][:300]
    # Python tracebacks and most others: the message is the last line.
    return lines[-1][:300]


def first_difference(got, want):
    """A short description of where two outputs first differ."""
    got_lines = got.decode("latin-1").splitlines()
    want_lines = want.decode("latin-1").splitlines()
    for i, (g, w) in enumerate(zip(got_lines, want_lines)):
        if g != w:
            return "line %d: got %r, expected %r" % (i + 1, g[:80], w[:80])
    if len(got_lines) != len(want_lines):
        return "got %d lines, expected %d" % (len(got_lines), len(want_lines))
    return "outputs differ in line endings or trailing bytes"


def bench_program(name, size, args):
    commands = build_commands(name, size, args)
    state = {
        r: {
            "command": commands[r],
            "times": [],
            "status": "ok",
            "error": None,
            "outputs": [],
        }
        for r in RUNNERS
    }
    reference = None
    for rep in range(args.repeat):
        # Round-robin, rotating which runner goes first in each repetition.
        order = RUNNERS[rep % 3 :] + RUNNERS[: rep % 3]
        for runner in order:
            st = state[runner]
            if st["status"] != "ok":
                continue  # failed earlier: do not waste time repeating it
            elapsed, out, error = run_once(st["command"], args.timeout)
            if error is not None:
                st["status"] = "FAILED"
                st["error"] = error
                progress(
                    "  %-12s %-8s rep %d: FAILED (%s)" % (name, runner, rep + 1, error)
                )
                continue
            st["times"].append(elapsed)
            st["outputs"].append(out)
            progress("  %-12s %-8s rep %d: %.3f s" % (name, runner, rep + 1, elapsed))
            if runner == "lua5.4" and reference is None:
                reference = out
        # Check outputs against lua5.4's as soon as it is known.
        if reference is not None:
            for runner in ("moonlet", "python"):
                st = state[runner]
                if st["status"] != "ok":
                    continue
                for out in st["outputs"]:
                    if out != reference:
                        st["status"] = "MISMATCH"
                        st["error"] = first_difference(out, reference)
                        progress(
                            "  %-12s %-8s MISMATCH: %s" % (name, runner, st["error"])
                        )
                        break
    if state["lua5.4"]["status"] == "ok":
        for out in state["lua5.4"]["outputs"]:
            if out != reference:
                state["lua5.4"]["status"] = "MISMATCH"
                state["lua5.4"]["error"] = "lua5.4 output differs between repetitions"

    result = {"name": name, "size": size, "runners": {}}
    for runner in RUNNERS:
        st = state[runner]
        ok = st["status"] == "ok"
        result["runners"][runner] = {
            "command": st["command"],
            "status": st["status"],
            "error": st["error"],
            "times": st["times"],
            "best": min(st["times"]) if ok and st["times"] else None,
        }
    best = {r: result["runners"][r]["best"] for r in RUNNERS}
    result["ok"] = all(b is not None for b in best.values())
    result["moonlet_over_python"] = ratio(best["moonlet"], best["python"])
    result["moonlet_over_lua"] = ratio(best["moonlet"], best["lua5.4"])
    result["python_over_lua"] = ratio(best["python"], best["lua5.4"])
    result["output"] = reference.decode("latin-1") if reference is not None else None
    return result


def ratio(a, b):
    if a is None or b is None or b <= 0:
        return None
    return a / b


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def progress(text):
    if not QUIET:
        print(text, file=sys.stderr, flush=True)


QUIET = False


def fmt_time(runner_result):
    if runner_result["best"] is not None:
        return "%.3f" % runner_result["best"]
    return runner_result["status"] if runner_result["status"] != "ok" else "-"


def fmt_ratio(value):
    return "-" if value is None else "%.2fx" % value


def status_text(result):
    bad = [
        "%s %s" % (r, result["runners"][r]["status"])
        for r in RUNNERS
        if result["runners"][r]["status"] != "ok"
    ]
    return "ok" if not bad else ", ".join(bad)


def print_table(results):
    header = [
        "program",
        "moonlet s",
        "python s",
        "lua5.4 s",
        "moonlet/python",
        "moonlet/lua",
        "python/lua",
        "status",
    ]
    rows = []
    for res in results:
        rows.append(
            [
                res["name"],
                fmt_time(res["runners"]["moonlet"]),
                fmt_time(res["runners"]["python"]),
                fmt_time(res["runners"]["lua5.4"]),
                fmt_ratio(res["moonlet_over_python"]),
                fmt_ratio(res["moonlet_over_lua"]),
                fmt_ratio(res["python_over_lua"]),
                status_text(res),
            ]
        )
    widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]

    def line(cells):
        out = [cells[0].ljust(widths[0])]
        out += [c.rjust(w) for c, w in zip(cells[1:-1], widths[1:-1])]
        out.append(cells[-1])
        return "  ".join(out)

    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def tool_version(cmd):
    try:
        proc = subprocess.run(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout.decode("utf-8", "replace").strip() or None


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Benchmark moonlet against hand-written Python and lua5.4."
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        metavar="N",
        help="runs per program and runner; the best is kept (default 3)",
    )
    parser.add_argument(
        "--only", metavar="NAME,...", help="comma-separated list of programs to run"
    )
    parser.add_argument(
        "--python",
        metavar="PYTHON",
        help="Python for the hand-written programs, also passed to `moonlet run "
        "--python` (default: the Python running this script; moonlet's own default)",
    )
    parser.add_argument(
        "--sizes",
        choices=["default", "small"],
        default="default",
        help="problem sizes: the programs' defaults (1-2 s of CPython each) or small "
        "ones for smoke tests",
    )
    parser.add_argument("--json", metavar="FILE", help="also write the results here")
    parser.add_argument(
        "--lua", default="lua5.4", help="reference interpreter (default lua5.4)"
    )
    parser.add_argument(
        "--moonlet",
        metavar="CMD",
        help="command that runs moonlet, without `run` (default: `%s -m moonlet.cli`)"
        % os.path.basename(sys.executable),
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="time limit per run (default 300)",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="no per-run progress on stderr"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    args.python_given = args.python is not None
    if args.python is None:
        args.python = sys.executable
    if args.only:
        names = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in names if n not in PROGRAMS]
        if unknown:
            parser.error(
                "unknown program(s): %s (known: %s)"
                % (", ".join(unknown), ", ".join(PROGRAMS))
            )
        args.programs = [n for n in PROGRAMS if n in names]
    else:
        args.programs = list(PROGRAMS)
    return args


def main(argv=None):
    global QUIET
    args = parse_args(argv)
    QUIET = args.quiet

    python_version = tool_version(
        [
            args.python,
            "-c",
            "import sys; print(sys.version.split()[0], sys.implementation.name)",
        ]
    )
    lua_version = tool_version([args.lua, "-v"])
    moonlet_cmd = " ".join(moonlet_base_command(args.moonlet) + ["run"])
    if args.python_given:
        moonlet_cmd += " --python " + args.python
    print("moonlet: %s" % moonlet_cmd)
    print("python:  %s (%s)" % (args.python, python_version or "not found"))
    print("lua:     %s (%s)" % (args.lua, lua_version or "not found"))
    print(
        "repeat %d, best time kept, sizes: %s, machine: %s, %s"
        % (args.repeat, args.sizes, platform.machine(), platform.platform(terse=True))
    )
    print()
    sys.stdout.flush()

    results = []
    for name in args.programs:
        size = SMALL_SIZES[name] if args.sizes == "small" else None
        results.append(bench_program(name, size, args))

    print_table(results)
    print()

    ok = [r for r in results if r["ok"]]
    failed = [r for r in results if not r["ok"]]
    gm_py = geomean([r["moonlet_over_python"] for r in ok])
    gm_lua = geomean([r["moonlet_over_lua"] for r in ok])
    gm_py_lua = geomean([r["python_over_lua"] for r in ok])
    print(
        "geometric mean over %d correct program(s): moonlet/python %s, "
        "moonlet/lua %s (python/lua %s)"
        % (len(ok), fmt_ratio(gm_py), fmt_ratio(gm_lua), fmt_ratio(gm_py_lua))
    )
    for res in failed:
        for runner in RUNNERS:
            rr = res["runners"][runner]
            if rr["status"] != "ok":
                print(
                    "%s: %s %s: %s" % (res["name"], runner, rr["status"], rr["error"])
                )
    print(
        "SUMMARY: %d program(s), %d ok, %d failed%s"
        % (
            len(results),
            len(ok),
            len(failed),
            " (%s)" % ", ".join(r["name"] for r in failed) if failed else "",
        )
    )

    if args.json:
        report = {
            "meta": {
                "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "moonlet": moonlet_cmd,
                "python": args.python,
                "python_version": python_version,
                "lua": args.lua,
                "lua_version": lua_version,
                "repeat": args.repeat,
                "sizes": args.sizes,
                "machine": platform.machine(),
                "platform": platform.platform(),
            },
            "programs": results,
            "summary": {
                "programs": len(results),
                "ok": len(ok),
                "failed": len(failed),
                "failed_programs": [r["name"] for r in failed],
                "geomean_moonlet_over_python": gm_py,
                "geomean_moonlet_over_lua": gm_lua,
                "geomean_python_over_lua": gm_py_lua,
            },
        }
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
