"""Run the conformance suites and print per-file figures and totals.

    python tests/conformance/summary.py [testes|harness|all] [-j N] [--lua CMD]
                                        [--core] [-v] [FILE ...]

The suite folders come from MOONLET_LUA_TESTS and MOONLET_LUA_HARNESS (README.md,
"Conformance suites"). --lua CMD runs another Lua (e.g. lua5.4) instead of moonlet;
--core runs only the files of the project's targets; -v lists every failing TAP test;
FILE names (e.g. calls.lua 214-coroutine.t) restrict the run."""

import argparse
import os
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import lua_suites as ls  # noqa: E402


def run_all(fn, items, jobs):
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(fn, items))


def summary_testes(folder, names, jobs):
    skips = ls.load_skips()

    def one(name):
        if not (folder / name).is_file():
            return name, "absent", None
        s = ls.whole_file_skip("testes", name, skips)
        if s:
            return name, "skip", "[%s] %s" % (s.category, s.reason)
        return name, "run", ls.run_testes_file(folder, name, skips)

    print("Official Lua 5.4.4 tests under %s (%s)" % (ls.lua_name(), folder))
    passed = ran = 0
    core = {n + ".lua" for n in ls.TESTES_CORE}
    core_run = core_passed = core_clean = 0
    for name, kind, r in run_all(one, names, jobs):
        parts = [p for p in ls.skips_for("testes", name, skips) if p.part != "*"]
        if name in core and kind == "run":
            core_run += 1
            core_passed += r.returncode == 0
            core_clean += r.returncode == 0 and not parts
        note = (
            " (lines skipped: %s)" % ", ".join(p.part for p in parts) if parts else ""
        )
        if kind != "run":
            print("  %-16s %-6s %s" % (name, kind, r or ""))
            continue
        ran += 1
        if r.returncode == 0:
            passed += 1
            print("  %-16s ok     %5.0fs%s" % (name, r.seconds, note))
        else:
            print(
                "  %-16s FAIL   %5.0fs%s  %s" % (name, r.seconds, note, r.first_error())
            )
    print("  %d of %d files run pass" % (passed, ran))
    if core_run:
        print(
            "  target files: %d of %d pass, %d of them with no skip"
            % (core_passed, core_run, core_clean)
        )
    return passed == ran


def summary_harness(folder, names, jobs, verbose, core_names):
    skips = ls.load_skips()

    def one(name):
        if not (folder / name).is_file():
            return name, None
        if ls.whole_file_skip("harness", name, skips):
            return name, "skip"
        return name, ls.run_harness_file(folder, name, skips)

    print("lua-Harness under %s (%s)" % (ls.lua_name(), folder))
    totals = {"core": [0, 0], "other": [0, 0]}
    all_ok = True
    for name, out in run_all(one, names, jobs):
        if out is None:
            print("  %-20s absent" % name)
            continue
        if out == "skip":
            s = ls.whole_file_skip("harness", name, skips)
            print("  %-20s skip   [%s] %s" % (name, s.category, s.reason))
            continue
        group = "core" if name in core_names else "other"
        if out.tap.skip_all is not None:
            print("  %-20s skip   (skips itself: %s)" % (name, out.tap.skip_all))
            continue
        totals[group][0] += len(out.passed)
        totals[group][1] += out.planned
        extra = []
        if out.listed:
            extra.append("%d skipped by skips.txt" % len(out.listed))
        if out.todo:
            extra.append("%d todo" % len(out.todo))
        if out.failed:
            extra.append("failed: %s" % compact(out.failed))
        if out.missing:
            extra.append("never ran: %s" % compact(out.missing))
        if out.tap.plan is None:
            extra.append("no plan")
        if out.run.returncode not in (0,) and (out.missing or out.tap.plan is None):
            extra.append("exit %s: %s" % (out.run.returncode, out.run.first_error()))
        status = "ok" if out.ok else "FAIL"
        all_ok = all_ok and out.ok
        print(
            "  %-20s %-5s %4d/%-4d %s"
            % (name, status, len(out.passed), out.planned, "; ".join(extra))
        )
        if verbose and out.failed:
            for n in out.failed:
                print("      not ok %d - %s" % (n, out.tap.tests[n][1]))
                for d in out.tap.diag.get(n, [])[:4]:
                    print("          " + d)
    for group, label in (("core", "core files"), ("other", "other files")):
        p, t = totals[group]
        if t:
            print("  %s: %d of %d TAP tests pass" % (label, p, t))
    return all_ok


def compact(numbers):
    """[1, 2, 3, 7] -> '1-3,7'"""
    out, start, prev = [], None, None
    for n in numbers + [None]:
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append(str(start) if start == prev else "%d-%d" % (start, prev))
            start = prev = n
    return ",".join(out)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "suite", nargs="?", default="all", choices=["all", "testes", "harness"]
    )
    p.add_argument(
        "files", nargs="*", help="only these files (e.g. calls.lua 214-coroutine.t)"
    )
    p.add_argument("-j", "--jobs", type=int, default=2)
    p.add_argument(
        "--lua", help="run this Lua command instead of moonlet (e.g. lua5.4)"
    )
    p.add_argument("--core", action="store_true", help="only the target files")
    p.add_argument(
        "-v", "--verbose", action="store_true", help="list failing TAP tests"
    )
    a = p.parse_intermixed_args(argv)
    if a.lua:
        os.environ[ls.LUA_ENV] = a.lua
    ok = True
    did = False
    if a.suite in ("all", "testes"):
        folder, why = ls.suite_dir(ls.TESTES_ENV)
        names = [n + ".lua" for n in ls.TESTES_CORE] if a.core else ls.TESTES_FILES
        if a.files:
            names = [n for n in a.files if n.endswith(".lua")]
        if folder is None:
            print("Official tests: skipped, " + why)
        elif names:
            ok = summary_testes(folder, names, a.jobs) and ok
            did = True
    if a.suite in ("all", "harness"):
        folder, why = ls.suite_dir(ls.HARNESS_ENV)
        names = [n + ".t" for n in ls.HARNESS_CORE] if a.core else ls.HARNESS_FILES
        if a.files:
            names = [n for n in a.files if n.endswith(".t")]
        if folder is None:
            print("lua-Harness: skipped, " + why)
        elif names:
            core = {n + ".t" for n in ls.HARNESS_CORE}
            ok = summary_harness(folder, names, a.jobs, a.verbose, core) and ok
            did = True
    return 0 if ok and did else 1


if __name__ == "__main__":
    sys.exit(main())
