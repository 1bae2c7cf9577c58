"""pytest plugin: golden-output tests for Lua programs.

Every `NAME.lua` with a sibling `NAME.expected` becomes two test items:
- `NAME.lua::moonlet` runs the program with `moonlet run` (in the file's
  folder, so chunk names in messages are bare file names) and compares its
  standard output with the expected file;
- `NAME.lua::lua5.4` runs the reference interpreter the same way, so the
  expected files stay honest (skipped when `lua5.4` is not installed).

`--update-golden` rewrites the expected files from moonlet's output.
`--moonlet-python PY` (or the environment variable MOONLET_PYTHON=PY) runs
the programs with `moonlet run --python PY` (compiled by this Python, run
by PY, e.g. pypy3) and leaves out the `lua5.4` items, which do not depend
on it; programs listed in a sibling `KNOWN_FAILURES.pypy` file are
expected failures when PY is PyPy. Without PY on the PATH, the moonlet
items are skipped.
Programs listed in a sibling `KNOWN_FAILURES` file (name and reason per
line) are expected failures until fixed.
A program may take arguments from a sibling `NAME.args` file (one line,
split on spaces).

App folders: a folder `NAME/` with a sibling `NAME.expected` is an app;
`NAME.expected::moonlet` runs `moonlet run --virtual-time NAME ENTRY args`
in the parent folder, where `NAME.args` gives the entry and its arguments
(default `app:main`). Apps use the process runtime, which `lua5.4` does
not have, so they are never run under `lua5.4`.
"""

import difflib
import os
import shutil
import subprocess
import sys

import pytest

TIMEOUT = 120
PYTHON_ENV = "MOONLET_PYTHON"


def pytest_addoption(parser):
    group = parser.getgroup("moonlet")
    group.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite .expected files of Lua golden tests from moonlet's output",
    )
    group.addoption(
        "--moonlet-python",
        metavar="PY",
        default=None,
        help="run the golden programs with `moonlet run --python PY` "
        "(default: $%s; unset: in this Python)" % PYTHON_ENV,
    )


def pytest_configure(config):
    if config.getoption("update_golden") and moonlet_python(config):
        raise pytest.UsageError(
            "--update-golden writes the expected files from this Python's runs:"
            " not with --moonlet-python or $%s" % PYTHON_ENV
        )


_OTHER = {}


def moonlet_python(config=None):
    """The Python that runs the golden programs (`--python`), or None."""
    py = config.getoption("moonlet_python") if config is not None else None
    return py or os.environ.get(PYTHON_ENV) or None


def python_kind(python):
    """ "pypy" or "cpython" (or None if it cannot be run) for a Python."""
    if python not in _OTHER:
        try:
            p = subprocess.run(
                [python, "-c", "import sys; print(sys.implementation.name)"],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                timeout=60,
            )
            _OTHER[python] = p.stdout.decode().strip() or None
        except (OSError, subprocess.TimeoutExpired):
            _OTHER[python] = None
    return _OTHER[python]


def pytest_collect_file(parent, file_path):
    if file_path.suffix == ".lua" and file_path.with_suffix(".expected").exists():
        return LuaGoldenFile.from_parent(parent, path=file_path)
    if file_path.suffix == ".expected" and file_path.with_suffix("").is_dir():
        return AppGoldenFile.from_parent(parent, path=file_path)
    return None


def known_failures(folder, config=None):
    """{file name: reason} from a KNOWN_FAILURES file in the folder (and,
    for programs run by PyPy, KNOWN_FAILURES.pypy)."""
    out = _known_failures(folder / "KNOWN_FAILURES")
    python = moonlet_python(config)
    if python is not None and python_kind(python) == "pypy":
        out.update(_known_failures(folder / "KNOWN_FAILURES.pypy"))
    return out


def _known_failures(path):
    out = {}
    if path.exists():
        for line in path.read_text().splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, reason = line.partition(" ")
                out[name] = reason.strip()
    return out


class LuaGoldenFile(pytest.File):
    def collect(self):
        item = LuaGoldenItem.from_parent(self, name="moonlet", runner="moonlet")
        reason = known_failures(self.path.parent, self.config).get(self.path.name)
        if reason:
            item.add_marker(pytest.mark.xfail(reason=reason, strict=False))
        yield item
        if moonlet_python(self.config) is None:
            yield LuaGoldenItem.from_parent(self, name="lua5.4", runner="lua5.4")


class AppGoldenFile(pytest.File):
    def collect(self):
        item = LuaGoldenItem.from_parent(self, name="moonlet", runner="moonlet-app")
        name = self.path.with_suffix("").name
        reason = known_failures(self.path.parent, self.config).get(name)
        if reason:
            item.add_marker(pytest.mark.xfail(reason=reason, strict=False))
        yield item


def moonlet_command(python=None):
    """`moonlet run` (with `--python PY` for another Python)."""
    cmd = [sys.executable, "-m", "moonlet.cli", "run"]
    return cmd + ["--python", python] if python else cmd


def app_command(path, python=None):
    """The command running the app golden program whose .expected is path
    (run in its parent folder)."""
    app = path.with_suffix("")
    args = _args(app) or ["app:main"]
    return moonlet_command(python) + ["--virtual-time", app.name] + args


def _args(path):
    a = path.with_suffix(".args")
    if a.exists():
        return a.read_text().split()
    return []


def run_program(runner, path, timeout=TIMEOUT, python=None):
    """(exit status, stdout bytes, stderr bytes) of a Lua program (run by
    `moonlet run --python PYTHON` when `python` is given)."""
    if runner == "moonlet-app":
        cmd = app_command(path, python)
    elif runner == "moonlet":
        cmd = moonlet_command(python) + [path.name] + _args(path)
    else:
        cmd = [runner, path.name] + _args(path)
    p = subprocess.run(
        cmd,
        cwd=str(path.parent),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
    return p.returncode, p.stdout, p.stderr


class GoldenMismatch(Exception):
    pass


class LuaGoldenItem(pytest.Item):
    def __init__(self, *, runner, **kwargs):
        super().__init__(**kwargs)
        self.runner = runner

    def runtest(self):
        path = self.path
        expected_path = path.with_suffix(".expected")
        if not self.runner.startswith("moonlet") and shutil.which(self.runner) is None:
            pytest.skip("%s is not installed" % self.runner)
        python = None
        if self.runner.startswith("moonlet"):
            python = moonlet_python(self.config)
            if python is not None and shutil.which(python) is None:
                pytest.skip("%s is not installed" % python)
        status, out, err = run_program(self.runner, path, python=python)
        if self.runner.startswith("moonlet") and self.config.getoption("update_golden"):
            expected_path.write_bytes(out)
            return
        expected = expected_path.read_bytes()
        if out != expected:
            diff = "".join(
                difflib.unified_diff(
                    expected.decode("latin-1").splitlines(True),
                    out.decode("latin-1").splitlines(True),
                    "expected",
                    self.runner,
                )
            )
            raise GoldenMismatch(
                "%s output differs from %s (exit %d)\n%s\nstderr:\n%s"
                % (self.runner, expected_path.name, status, diff, err.decode("latin-1"))
            )

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, GoldenMismatch):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        runner = self.runner
        python = moonlet_python(self.config) if runner.startswith("moonlet") else None
        if python:
            runner += " --python " + python
        return self.path, 0, "golden: %s [%s]" % (self.path.name, runner)
