"""pytest plugin: golden-output tests for Lua programs.

Every `NAME.lua` with a sibling `NAME.expected` becomes two test items:
- `NAME.lua::moonlet` runs the program with `moonlet run` (in the file's
  folder, so chunk names in messages are bare file names) and compares its
  standard output with the expected file;
- `NAME.lua::lua5.4` runs the reference interpreter the same way, so the
  expected files stay honest (skipped when `lua5.4` is not installed).

`--update-golden` rewrites the expected files from moonlet's output.
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


def pytest_addoption(parser):
    group = parser.getgroup("moonlet")
    group.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite .expected files of Lua golden tests from moonlet's output",
    )


def pytest_collect_file(parent, file_path):
    if file_path.suffix == ".lua" and file_path.with_suffix(".expected").exists():
        return LuaGoldenFile.from_parent(parent, path=file_path)
    if file_path.suffix == ".expected" and file_path.with_suffix("").is_dir():
        return AppGoldenFile.from_parent(parent, path=file_path)
    return None


def known_failures(folder):
    """{file name: reason} from a KNOWN_FAILURES file in the folder."""
    path = folder / "KNOWN_FAILURES"
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
        reason = known_failures(self.path.parent).get(self.path.name)
        if reason:
            item.add_marker(pytest.mark.xfail(reason=reason, strict=False))
        yield item
        yield LuaGoldenItem.from_parent(self, name="lua5.4", runner="lua5.4")


class AppGoldenFile(pytest.File):
    def collect(self):
        item = LuaGoldenItem.from_parent(self, name="moonlet", runner="moonlet-app")
        reason = known_failures(self.path.parent).get(self.path.with_suffix("").name)
        if reason:
            item.add_marker(pytest.mark.xfail(reason=reason, strict=False))
        yield item


def app_command(path):
    """The command running the app golden program whose .expected is path
    (run in its parent folder)."""
    app = path.with_suffix("")
    args = _args(app) or ["app:main"]
    return [
        sys.executable,
        "-m",
        "moonlet.cli",
        "run",
        "--virtual-time",
        app.name,
    ] + args


def _args(path):
    a = path.with_suffix(".args")
    if a.exists():
        return a.read_text().split()
    return []


def run_program(runner, path, timeout=TIMEOUT):
    """(exit status, stdout bytes, stderr bytes) of a Lua program."""
    if runner == "moonlet-app":
        cmd = app_command(path)
    elif runner == "moonlet":
        cmd = [sys.executable, "-m", "moonlet.cli", "run", path.name] + _args(path)
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
        status, out, err = run_program(self.runner, path)
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
        return self.path, 0, "golden: %s [%s]" % (self.path.name, self.runner)
