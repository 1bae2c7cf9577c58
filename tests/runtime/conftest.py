"""Running small Lua programs on the actor runtime, for the runtime tests.

`lua_run(main, files={...}, args=())` writes main.lua and the other files
into a fresh folder, runs main.lua as the root process of a node with a
virtual clock (entries "a.b:c" are the folder's a/b/c.lua), and returns
the exit status and the bytes written to stdout and stderr (decoded as
latin-1). Nothing really sleeps: the virtual clock jumps."""

import io
import os
import sys
import textwrap

import pytest

from moonlet.runtime.node import run_file


class Result:
    def __init__(self, status, out, err):
        self.status = status
        self.out = out
        self.err = err

    def __repr__(self):
        return "Result(status=%r, out=%r, err=%r)" % (self.status, self.out, self.err)

    @property
    def lines(self):
        return self.out.splitlines()


def _write(root, name, text):
    path = os.path.join(root, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = textwrap.dedent(text)
    try:
        data = text.encode("latin-1")  # "\xc2\xb5" in a test is those 2 bytes
    except UnicodeEncodeError:
        data = text.encode("utf-8")  # real Unicode text (the guide's comments)
    with open(path, "wb") as f:
        f.write(data)


def run_in(folder, main="main.lua", args=(), virtual=True):
    """Run folder/main as the root process; a Result."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    err = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    saved = sys.stdout, sys.stderr, os.getcwd(), sys.getrecursionlimit()
    sys.stdout, sys.stderr = out, err
    os.chdir(folder)
    sys.setrecursionlimit(max(saved[3], 20000))
    try:
        status = run_file(main, [str(a) for a in args], virtual=virtual)
    finally:
        from moonlet.stdlib.iolib import flush_all

        flush_all()
        sys.stdout, sys.stderr = saved[0], saved[1]
        os.chdir(saved[2])
        sys.setrecursionlimit(saved[3])
    out.flush()
    err.flush()
    return Result(
        status,
        out.buffer.getvalue().decode("latin-1"),
        err.buffer.getvalue().decode("latin-1"),
    )


@pytest.fixture
def lua_run(tmp_path):
    def run(main, files=None, args=(), virtual=True):
        _write(str(tmp_path), "main.lua", main)
        for name, text in (files or {}).items():
            _write(str(tmp_path), name, text)
        return run_in(str(tmp_path), "main.lua", args, virtual)

    return run
