"""Shared parts of the conformance runner: where the suites are, how to run a file,
the TAP parser and the committed skip list.

The suites themselves are not part of the repository (see README.md, "Conformance
suites"); their folders come from environment variables:

    MOONLET_LUA_TESTS      the `testes/` folder of Lua 5.4.4 (github.com/lua/lua, v5.4.4)
    MOONLET_LUA_HARNESS    lua-Harness (`test/lua-Harness-tests/` of tarantool/luajit)

Optional:

    MOONLET_CONFORMANCE_LUA      command that runs Lua instead of moonlet, e.g. `lua5.4`
                                 (to check the runner and the suites themselves)
    MOONLET_CONFORMANCE_TIMEOUT  seconds per file (default 600)
"""

import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIPS_FILE = HERE / "skips.txt"

TESTES_ENV = "MOONLET_LUA_TESTS"
HARNESS_ENV = "MOONLET_LUA_HARNESS"
LUA_ENV = "MOONLET_CONFORMANCE_LUA"
TIMEOUT_ENV = "MOONLET_CONFORMANCE_TIMEOUT"

# The official Lua 5.4.4 test files, as all.lua runs them (with _soft, _port and
# _nomsg set). all.lua itself, its helper modules (bwcoercion.lua, tracegc.lua) and
# heavy.lua (memory exhaustion; all.lua does not run it) are not run.
TESTES_OPTIONS = "_soft=true;_port=true;_nomsg=true"
TESTES_CORE = [
    "bitwise", "tpack", "utf8", "vararg", "pm", "sort", "math", "nextvar",
    "strings", "verybig", "big", "literals", "constructs", "closure", "calls",
    "events", "goto", "locals", "coroutine", "attrib", "errors",
]  # fmt: skip
TESTES_OTHER = ["api", "code", "cstack", "db", "files", "gc", "gengc", "main"]
TESTES_FILES = [n + ".lua" for n in TESTES_CORE + TESTES_OTHER]

# lua-Harness, run with the Lua 5.4 profile. The core files test the language and the
# libraries moonlet has; the others test the standalone interpreter, luac, io, os,
# debug, stdin and LuaJIT extensions (most of them skip themselves under Lua 5.4).
HARNESS_PROFILE = "profile_lua54"
HARNESS_CORE = [
    "000-sanity", "001-if", "002-table", "011-while", "012-repeat", "014-fornum",
    "015-forlist", "090-tap", "091-profile", "101-boolean", "102-function",
    "103-nil", "104-number", "105-string", "106-table", "107-thread",
    "108-userdata", "200-examples", "201-assign", "202-expr", "203-lexico",
    "204-grammar", "211-scope", "212-function", "213-closure", "214-coroutine",
    "221-table", "222-constructor", "223-iterator", "231-metatable", "232-object",
    "301-basic", "303-package", "304-string", "305-utf8", "306-table", "307-math",
    "314-regex",
]  # fmt: skip
HARNESS_OTHER = [
    "241-standalone", "242-luac", "308-io", "309-os", "310-debug", "311-bit32",
    "320-stdin", "401-bitop", "402-ffi", "403-jit", "404-ext", "411-luajit",
]  # fmt: skip
HARNESS_FILES = [n + ".t" for n in HARNESS_CORE + HARNESS_OTHER]

# Tests each file plans under lua5.4 (5.4.4) with profile_lua54: the denominator when a
# file dies before printing its plan (several print it at the end). The 38 core files
# plan 1,854 tests; lua5.4 passes 1,852 (304-string.t 93-94 expect 5.4.6 messages).
HARNESS_PLANS = {
    "000-sanity": 9, "001-if": 6, "002-table": 8, "011-while": 11, "012-repeat": 8,
    "014-fornum": 36, "015-forlist": 18, "090-tap": 3, "091-profile": 3,
    "101-boolean": 31, "102-function": 65, "103-nil": 31, "104-number": 96,
    "105-string": 85, "106-table": 36, "107-thread": 32, "108-userdata": 32,
    "200-examples": 5, "201-assign": 38, "202-expr": 44, "203-lexico": 50,
    "204-grammar": 28, "211-scope": 10, "212-function": 68, "213-closure": 15,
    "214-coroutine": 36, "221-table": 25, "222-constructor": 16, "223-iterator": 8,
    "231-metatable": 100, "232-object": 18, "301-basic": 210, "303-package": 39,
    "304-string": 230, "305-utf8": 96, "306-table": 52, "307-math": 94,
    "314-regex": 162, "308-io": 93, "309-os": 62, "310-debug": 53, "311-bit32": 1,
    "320-stdin": 12,
}  # fmt: skip

# The only reasons a part of a suite may be skipped.
SKIP_CATEGORIES = {
    "debug": "needs the debug library",
    "T": "needs Lua's internal C test library (T)",
    "gc": "depends on garbage-collector timing",
}


def suite_dir(env):
    """The folder named by environment variable `env`, or None with the reason."""
    value = os.environ.get(env)
    if not value:
        return None, "%s is not set (see README.md, 'Conformance suites')" % env
    path = Path(value).expanduser()
    if not path.is_dir():
        return None, "%s=%s is not a folder" % (env, value)
    return path, None


def timeout():
    return float(os.environ.get(TIMEOUT_ENV) or 600)


def lua_command():
    """argv prefix of the Lua under test: moonlet, or MOONLET_CONFORMANCE_LUA."""
    other = os.environ.get(LUA_ENV)
    if other:
        return shlex.split(other)
    return [sys.executable, "-m", "moonlet.cli", "run"]


def lua_name():
    return os.environ.get(LUA_ENV) or "moonlet"


@dataclass
class Run:
    returncode: object  # int, or "timeout"
    stdout: str
    stderr: str
    seconds: float

    def first_error(self):
        """The first non-empty line of stderr (the Lua error message)."""
        if self.returncode == "timeout":
            return "timed out"
        for line in self.stderr.splitlines():
            if line.strip():
                return line.strip()
        return ""


def run(argv, cwd, env=None, limit=None):
    """Run a command, killing its whole process group on timeout."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    start = time.monotonic()
    proc = subprocess.Popen(
        argv,
        cwd=str(cwd),
        env=full_env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=limit or timeout())
        code = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        out, err = proc.communicate()
        code = "timeout"
    return Run(
        code,
        out.decode("utf-8", "replace"),
        err.decode("utf-8", "replace"),
        time.monotonic() - start,
    )


# ---------------------------------------------------------------- skip list


@dataclass
class Skip:
    suite: str  # "testes" or "harness"
    file: str
    part: str  # "*" (whole file); testes: "A-B" or "N" (lines); harness: "N" (TAP test)
    category: str
    token: str  # for line ranges: text that must occur in the lines skipped
    reason: str
    lineno: int


def load_skips(path=SKIPS_FILE):
    """Parse skips.txt; raises ValueError on a malformed line or category."""
    skips = []
    for lineno, line in enumerate(Path(path).read_text().splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 4)
        if len(parts) < 5:
            raise ValueError(
                "%s:%d: expected SUITE FILE PART CATEGORY REASON" % (path, lineno)
            )
        suite, file, part, category, reason = parts
        token = ""
        if suite not in ("testes", "harness"):
            raise ValueError("%s:%d: unknown suite %r" % (path, lineno, suite))
        if category not in SKIP_CATEGORIES:
            raise ValueError(
                "%s:%d: category %r is not allowed (only %s)"
                % (path, lineno, category, ", ".join(SKIP_CATEGORIES))
            )
        if part == "*":
            pass
        elif suite == "testes" and re.fullmatch(r"\d+(-\d+)?", part):
            m = re.match(r"\[([^\]]+)\]\s*(.*)", reason)
            if not m:
                raise ValueError(
                    "%s:%d: a line range needs a [token] that occurs in the skipped lines"
                    % (path, lineno)
                )
            token, reason = m.group(1), m.group(2)
        elif not (suite == "harness" and part.isdigit()):
            raise ValueError("%s:%d: bad part %r" % (path, lineno, part))
        if not reason.strip():
            raise ValueError("%s:%d: a reason is required" % (path, lineno))
        skips.append(Skip(suite, file, part, category, token, reason.strip(), lineno))
    return skips


def skips_for(suite, file, skips=None):
    return [
        s
        for s in (load_skips() if skips is None else skips)
        if s.suite == suite and s.file == file
    ]


def whole_file_skip(suite, file, skips=None):
    for s in skips_for(suite, file, skips):
        if s.part == "*":
            return s
    return None


# ---------------------------------------------------------------- official tests


def skip_unless_runnable(folder, suite, name):
    """pytest.skip when a suite file is missing or skipped whole by
    skips.txt (the start of every conformance test)."""
    import pytest

    if not (folder / name).is_file():
        pytest.skip("%s not found in %s" % (name, folder))
    skip = whole_file_skip(suite, name)
    if skip:
        pytest.skip("skips.txt [%s]: %s" % (skip.category, skip.reason))


def line_range(skip):
    """(first, last) of a testes skip whose part is "N" or "A-B"."""
    a, _, b = skip.part.partition("-")
    return int(a), int(b or a)


def blank_lines(text, ranges):
    """`text` with the lines of each (first, last, token) range emptied (numbering kept).

    Raises ValueError when a range does not contain its token, so a skip cannot
    silently drift onto other code."""
    lines = text.split("\n")
    for first, last, token in ranges:
        if not (1 <= first <= last <= len(lines)):
            raise ValueError("lines %d-%d out of range" % (first, last))
        if token not in "\n".join(lines[first - 1 : last]):
            raise ValueError("lines %d-%d do not contain %r" % (first, last, token))
        for i in range(first - 1, last):
            lines[i] = ""
    return "\n".join(lines)


def run_testes_file(folder, name, skips=None):
    """Run one official test file from its folder, as all.lua would.

    Line ranges listed in skips.txt are blanked out in a copy of the file; the copy
    sits in a temporary folder that links every other file of the suite, so it runs
    under its own name with its own line numbers."""
    ranges = []
    for s in skips_for("testes", name, skips):
        if s.part != "*":
            ranges.append(line_range(s) + (s.token,))
    argv = lua_command() + ["-e", TESTES_OPTIONS, name]
    if not ranges:
        return run(argv, folder)
    text = (Path(folder) / name).read_text(encoding="latin-1")
    patched = blank_lines(text, ranges)
    with tempfile.TemporaryDirectory(prefix="moonlet-testes-") as tmp:
        for entry in Path(folder).iterdir():
            if entry.name != name:
                os.symlink(entry.resolve(), Path(tmp) / entry.name)
        (Path(tmp) / name).write_text(patched, encoding="latin-1")
        return run(argv, tmp)


# ---------------------------------------------------------------- lua-Harness / TAP

TAP_LINE = re.compile(r"^(not )?ok[ \t]+(\d+)[ \t]*(.*)$")
TAP_PLAN = re.compile(r"^1\.\.(\d+)(.*)$")


@dataclass
class TapResult:
    plan: int = None
    skip_all: str = None
    tests: dict = field(default_factory=dict)  # number -> (ok, description, directive)
    diag: dict = field(default_factory=dict)  # number -> '#' lines printed after it
    duplicates: list = field(default_factory=list)

    def status(self, n):
        """'pass', 'skip' (a '# skip' of the suite itself), 'todo', 'fail' or 'missing'."""
        if n not in self.tests:
            return "missing"
        ok, _desc, directive = self.tests[n]
        if directive.startswith("skip"):
            return "skip" if ok else "fail"
        if ok:
            return "pass"
        if directive.startswith("todo"):
            return "todo"
        return "fail"

    def numbers(self, expected=0):
        """1..N: N is the plan, else `expected`, and at least the highest number seen."""
        plan = self.plan if self.plan is not None else expected
        return range(1, max([plan] + list(self.tests)) + 1)


def parse_tap(text):
    result = TapResult()
    last = None
    for line in text.splitlines():
        if line.startswith("#"):
            if last is not None:
                result.diag.setdefault(last, []).append(line[1:].strip())
            continue
        m = TAP_PLAN.match(line)
        if m and result.plan is None:
            result.plan = int(m.group(1))
            rest = m.group(2).strip()
            if result.plan == 0 and rest.lower().startswith("# skip"):
                result.skip_all = rest[6:].strip() or "skipped"
            continue
        m = TAP_LINE.match(line)
        if not m:
            continue
        ok = m.group(1) is None
        n = int(m.group(2))
        desc = m.group(3)
        directive = ""
        # "ok 3 - # skip reason" (lua-Harness skip) or "... # TODO # reason"
        d = re.search(r"#\s*(skip|todo)\b(.*)$", desc, re.IGNORECASE)
        if d:
            directive = d.group(1).lower() + d.group(2)
            desc = desc[: d.start()].rstrip()
        if desc.startswith("- "):
            desc = desc[2:]
        elif desc == "-":
            desc = ""
        if n in result.tests:
            result.duplicates.append(n)
        result.tests[n] = (ok, desc, directive)
        last = n
    return result


@dataclass
class HarnessOutcome:
    file: str
    run: Run
    tap: TapResult
    passed: list  # TAP numbers that passed (including the suite's own '# skip')
    failed: list  # numbers that failed and are not in skips.txt
    listed: list  # numbers that failed and are in skips.txt (skipped by us)
    missing: list  # numbers of the plan never reported (the file died early)
    todo: list  # 'not ok # TODO' (not failures in TAP)

    @property
    def planned(self):
        """The plan; if none was printed, lua5.4's plan or the highest number seen."""
        if self.tap.plan is not None:
            return self.tap.plan
        expected = HARNESS_PLANS.get(self.file[:-2], 0)
        return max([expected] + list(self.tap.tests))

    @property
    def ok(self):
        return not self.failed and not self.missing and self.tap.plan is not None


def run_harness_file(folder, name, skips=None):
    argv = lua_command() + ["-l", HARNESS_PROFILE, name]
    r = run(argv, folder, env={"LUA_PATH": "./?.lua;;"})
    tap = parse_tap(r.stdout)
    listed_numbers = {
        int(s.part) for s in skips_for("harness", name, skips) if s.part.isdigit()
    }
    passed, failed, listed, missing, todo = [], [], [], [], []
    for n in tap.numbers(HARNESS_PLANS.get(name[:-2], 0)):
        st = tap.status(n)
        if st in ("pass", "skip"):
            passed.append(n)
        elif st == "todo":
            todo.append(n)
        elif n in listed_numbers:
            listed.append(n)
        elif st == "missing":
            missing.append(n)
        else:
            failed.append(n)
    return HarnessOutcome(name, r, tap, passed, failed, listed, missing, todo)


def describe_harness(outcome, limit=40):
    """Failure text: each failing TAP test with its description and diagnostics."""
    lines = []
    tap = outcome.tap
    for n in outcome.failed[:limit]:
        ok, desc, directive = tap.tests[n]
        lines.append("not ok %d - %s" % (n, desc))
        lines.extend("    " + d for d in tap.diag.get(n, [])[:4])
    if len(outcome.failed) > limit:
        lines.append("... %d more" % (len(outcome.failed) - limit))
    if outcome.missing:
        lines.append(
            "%d planned tests never ran (%d-%d)"
            % (len(outcome.missing), outcome.missing[0], outcome.missing[-1])
        )
    if tap.plan is None:
        lines.append("no TAP plan printed")
    err = outcome.run.first_error()
    if err and (outcome.missing or tap.plan is None or outcome.run.returncode != 0):
        lines.append("exit status %s: %s" % (outcome.run.returncode, err))
    return "\n".join(lines)
