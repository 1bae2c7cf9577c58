"""The io library against lua5.4's answers (expected values were obtained
by running the same operations in a Lua script with lua5.4; argument numbers
and function names in messages are those of a direct call, e.g. f:read(x))."""

import os


import pytest

from moonlet.runtime.errors import LuaError
from moonlet.runtime.ops import index, tostring
from moonlet.runtime.table import Table
from moonlet.runtime.values import Multi, first, type_name
from moonlet.stdlib import iolib
from moonlet.stdlib.iolib import LIB as IO
from luacall import error_of, for_error_of, lua_print  # noqa: F401


def m(f, name, *args):
    """f:name(...)"""
    return f[name](f, *args)


def loop(it):
    """The values a generic for over iterator `it` sees."""
    out = []
    while True:
        r = it()
        if r is None or r == ():
            return out
        out.append(r)


@pytest.fixture(autouse=True)
def restore_defaults():
    saved = dict(iolib._default)
    yield
    iolib._default.update(saved)


@pytest.fixture
def name(tmp_path):
    return str(tmp_path / "io_t.txt")


def write_file(path, data):
    with open(path, "wb") as f:
        f.write(data)


def read_file(path):
    with open(path, "rb") as f:
        return f.read()


def test_lib_table():
    assert sorted(IO) == [
        "close",
        "flush",
        "input",
        "lines",
        "open",
        "output",
        "popen",
        "read",
        "stderr",
        "stdin",
        "stdout",
        "tmpfile",
        "type",
        "write",
    ]
    assert iolib.LUA_VISIBLE is True


def test_handles_are_userdata_with_file_metatable():
    f = IO["stdout"]
    assert type_name(f) == "userdata"
    meta = f.lua_meta
    assert meta["__name"] == "FILE*"
    assert sorted(meta) == ["__close", "__gc", "__index", "__name", "__tostring"]
    assert sorted(meta["__index"]) == [
        "close",
        "flush",
        "lines",
        "read",
        "seek",
        "setvbuf",
        "write",
    ]
    # f.read == io.stdin.read; io.read ~= io.stdin.read
    assert f["read"] is IO["stdin"]["read"]
    assert f["read"] is not IO["read"]
    assert f["nope"] is None
    assert index(f, "write") is f["write"]
    assert tostring(f).startswith("file (0x")


def test_open_errors(name):
    assert lua_print(IO["open"]("/nonexistent/nope")) == (
        "nil\t/nonexistent/nope: No such file or directory\t2"
    )
    assert lua_print(IO["open"]("/nonexistent/dir/x", "w")) == (
        "nil\t/nonexistent/dir/x: No such file or directory\t2"
    )
    assert lua_print(IO["open"]("/tmp", "w")) == "nil\t/tmp: Is a directory\t21"
    for mode in ("rb+", "z", "+", "", "r+x"):
        assert error_of(IO["open"], name, mode) == (
            "bad argument #2 to 'open' (invalid mode)"
        )
    write_file(name, b"")
    for mode in ("r", "rb", "r+bb", "w", "a", "r+", "w+", "a+", "ab", "w+b"):
        f = IO["open"](name, mode)
        assert IO["type"](f) == "file"
        m(f, "close")
    assert error_of(IO["open"]) == (
        "bad argument #1 to 'open' (string expected, got no value)"
    )


def test_write_and_read_back(name):
    f = IO["open"](name, "w")
    inf = float("inf")
    r = m(f, "write", 1.0, " ", -0.0, " ", 1e100, " ", -float("nan"), " ", inf)
    assert r is f
    m(f, "write", " ", 2.0**63, " ", -7, " ", 0.1, "\n")
    assert m(f, "seek", "cur") == 48
    assert m(f, "close") is True
    assert read_file(name) == b"1 -0 1e+100 -nan inf 9.2233720368548e+18 -7 0.1\n"
    f = IO["open"](name, "r")
    assert m(f, "read", "L") == "1 -0 1e+100 -nan inf 9.2233720368548e+18 -7 0.1\n"
    assert m(f, "read", "l") is None
    assert m(f, "read", "l", "l") is None
    assert lua_print(m(f, "read", 0), m(f, "read", "a"), m(f, "read", "n")) == (
        "nil\t\tnil"
    )
    m(f, "close")


def test_bytes_round_trip(name):
    f = IO["open"](name, "wb")
    m(f, "write", "h\xc3\xa4\x00\xff")
    m(f, "close")
    assert read_file(name) == b"h\xc3\xa4\x00\xff"
    f = IO["open"](name, "rb")
    assert m(f, "read", "a") == "h\xc3\xa4\x00\xff"
    m(f, "close")


def test_append_and_update_modes(name):
    write_file(name, b"first\n")
    f = IO["open"](name, "a+")
    m(f, "write", "tail\n")
    assert m(f, "seek", "set", 0) == 0
    assert m(f, "read", "*l") == "first"
    m(f, "write", "more\n")
    assert m(f, "seek", "cur") == 16
    m(f, "seek", "set")
    assert m(f, "read", "*a") == "first\ntail\nmore\n"
    m(f, "close")
    f = IO["open"](name, "r+")
    assert m(f, "read", 3) == "fir"
    m(f, "write", "XY")
    m(f, "seek", "set")
    assert m(f, "read", "a") == "firXY\ntail\nmore\n"
    m(f, "close")


def test_read_formats(name):
    write_file(name, b"hello\n42 1.5\n12 0x1F -3.5e2 .5 nan 0x\n")
    f = IO["open"](name)
    assert lua_print(m(f, "read", "l", "n", "n", "L")) == "hello\t42\t1.5\t\n"
    assert lua_print(m(f, "read", "n", "n", "n", "n")) == "12\t31\t-350.0\t0.5"
    assert m(f, "read", "a") == " nan 0x\n"
    assert lua_print(
        m(f, "read", "a"), m(f, "read", "l"), m(f, "read", 0), m(f, "read", 5)
    ) == ("\tnil\tnil\tnil")
    m(f, "close")


def test_read_numbers_like_lua(name):
    write_file(
        name,
        b"  0x1p4 1e+2x -.5e-1 +- 1e 0xgg 00012 1.2.3 99999999999999999999 "
        b"0x7fffffffffffffffff",
    )
    f = IO["open"](name)
    out = ""
    for _ in range(14):
        v = m(f, "read", "n")
        kind = {int: "integer", float: "float"}.get(v.__class__, "")
        out += tostring(v) + kind + "|"
        if v is None:
            out += "<" + tostring(m(f, "read", 1)) + ">"
    assert out == (
        "16.0float|100.0float|nil|<x>-0.05float|nil|<->nil|< >nil|<g>nil|<g>"
        "12integer|1.2float|0.3float|1e+20float|-1integer|nil|<nil>"
    )
    m(f, "close")


def test_read_errors(name):
    write_file(name, b"abc")
    f = IO["open"](name)
    assert error_of(f["read"], f, "x") == "bad argument #1 to 'read' (invalid format)"
    assert error_of(f["read"], f, "l", Table()) == (
        "bad argument #2 to 'read' (string expected, got table)"
    )
    assert error_of(f["read"], f, 1.5) == (
        "bad argument #1 to 'read' (number has no integer representation)"
    )
    assert error_of(f["read"], f, -1) == "not enough memory"
    # The line was read before the bad format was reached.
    assert m(f, "read", 1) is None
    m(f, "seek", "set")
    assert m(f, "read", 2.0) == "ab"
    # Writing a file opened for reading fails like C's fwrite.
    assert lua_print(m(f, "write", "x")) == "nil\tBad file descriptor\t9"
    m(f, "close")
    w = IO["open"](name, "w")
    assert lua_print(m(w, "read")) == "nil\tBad file descriptor\t9"
    m(w, "close")
    d = IO["open"]("/tmp")
    assert lua_print(m(d, "read", "a")) == "nil\tIs a directory\t21"
    m(d, "close")


def test_seek(name):
    write_file(name, b"line1\nline2\n\nline4")
    f = IO["open"](name, "r")
    assert lua_print(m(f, "seek", "end", -2), m(f, "read", "a")) == "16\te4"
    assert lua_print(
        m(f, "seek", "set", 1000), m(f, "read", 1), m(f, "read", "a"), m(f, "read", 0)
    ) == ("1000\tnil\t\tnil")
    assert lua_print(m(f, "seek", "set", -1)) == "nil\tInvalid argument\t22"
    assert m(f, "seek", "set", 2) == 2
    assert m(f, "read", 2) == "ne"
    assert m(f, "seek") == 4
    assert m(f, "seek", "cur", -1) == 3
    assert m(f, "read", 1) == "e"
    assert error_of(f["seek"], f, "bad") == (
        "bad argument #1 to 'seek' (invalid option 'bad')"
    )
    assert error_of(f["seek"], f, "set", 1.5) == (
        "bad argument #2 to 'seek' (number has no integer representation)"
    )
    m(f, "close")


def test_lines_methods(name):
    write_file(name, b"line1\nline2\n\nline4")
    f = IO["open"](name)
    assert loop(m(f, "lines")) == ["line1", "line2", "", "line4"]
    m(f, "seek", "set")
    assert loop(m(f, "lines", "L")) == ["line1\n", "line2\n", "\n", "line4"]
    m(f, "seek", "set")
    pairs = ["[%s|%s]" % (a, tostring(b)) for a, b in loop(m(f, "lines", 2, "l"))]
    assert "".join(pairs) == "[li|ne1][li|ne2][\nl|ine4]"
    m(f, "seek", "set")
    assert lua_print(m(f, "read", "l", "n", "l")) == "line1\tnil"
    it = m(f, "lines")
    m(f, "close")
    assert error_of(it) == "file is already closed"
    assert error_of(f["lines"], f) == "attempt to use a closed file"


def test_io_lines(name):
    write_file(name, b"hello\n42 1.5\n")
    r = IO["lines"](name)
    assert len(r) == 4
    it, a, b, fh = r
    assert (a, b, IO["type"](fh)) == (None, None, "file")
    assert loop(it) == ["hello", "42 1.5"]
    # The file opened by io.lines is closed at the end of the loop.
    assert IO["type"](fh) == "closed file"
    assert error_of(it) == "file is already closed"
    it = IO["lines"](name, 1, "n")[0]
    got = [lua_print(v) for v in loop(it)]
    assert got[:6] == ["h\tnil", "e\tnil", "l\tnil", "l\tnil", "o\t42", " \t1.5"]
    it = IO["lines"](name, "x")[0]
    assert for_error_of(it) == "bad argument #2 to 'for iterator' (invalid format)"
    assert error_of(IO["lines"], "/nonexistent/nope") == (
        "cannot open file '/nonexistent/nope' (No such file or directory)"
    )


def test_lines_read_error_raises():
    d = IO["open"]("/tmp")
    it = m(d, "lines")
    assert error_of(it) == "Is a directory"
    m(d, "close")


def test_close_and_type(name):
    f = IO["open"](name, "w")
    assert lua_print(f, IO["type"](f), IO["type"](42)) == (
        "%s\tfile\tnil" % f.lua_repr()
    )
    assert m(f, "close") is True
    assert lua_print(IO["type"](f), tostring(f)) == "closed file\tfile (closed)"
    for method in ("read", "write", "close", "seek", "flush", "lines"):
        assert error_of(f[method], f) == "attempt to use a closed file"
    assert error_of(f["setvbuf"], f, "no") == "attempt to use a closed file"
    assert error_of(IO["type"]) == "bad argument #1 to 'type' (value expected)"
    assert error_of(IO["close"], None) == (
        "bad argument #1 to 'close' (FILE* expected, got nil)"
    )
    assert error_of(f["read"], 42) == (
        "bad argument #1 to 'read' (FILE* expected, got number)"
    )
    # Standard files cannot be closed.
    assert lua_print(m(IO["stdout"], "close")) == "nil\tcannot close standard file"
    assert lua_print(IO["close"]()) == "nil\tcannot close standard file"
    assert IO["type"](IO["stdout"]) == "file"


def test_gc_closes(name):
    f = IO["open"](name, "w")
    m(f, "write", "data")
    f.lua_meta["__close"](f, None)
    assert IO["type"](f) == "closed file"
    assert read_file(name) == b"data"
    f.lua_meta["__gc"](f)


def test_setvbuf_and_flush(name):
    f = IO["open"](name, "w")
    assert lua_print(
        m(f, "setvbuf", "no"), m(f, "setvbuf", "full", 10), m(f, "setvbuf", "line")
    ) == ("true\ttrue\ttrue")
    # Line buffering writes out up to the last newline (glibc).
    m(f, "write", "ab")
    assert read_file(name) == b""
    m(f, "write", "c\nd")
    assert read_file(name) == b"abc\n"
    m(f, "write", "e", "\n", "f")
    assert read_file(name) == b"abc\nde\n"
    m(f, "setvbuf", "no")
    assert read_file(name) == b"abc\nde\nf"
    m(f, "write", "!")
    assert read_file(name) == b"abc\nde\nf!"
    # Full buffering: glibc ignores the size and uses its own buffer.
    m(f, "setvbuf", "full", 10)
    m(f, "write", "12345", "678901")
    assert read_file(name) == b"abc\nde\nf!"
    assert m(f, "flush") is True
    assert read_file(name) == b"abc\nde\nf!12345678901"
    m(f, "write", "x" * 5000)
    assert len(read_file(name)) == 20 + 4096
    assert error_of(f["setvbuf"], f, "bad") == (
        "bad argument #1 to 'setvbuf' (invalid option 'bad')"
    )
    assert error_of(f["setvbuf"], f) == (
        "bad argument #1 to 'setvbuf' (string expected, got no value)"
    )
    m(f, "close")
    assert len(read_file(name)) == 20 + 5000


def test_write_errors(name):
    f = IO["open"](name, "w")
    assert error_of(f["write"], f, Table()) == (
        "bad argument #1 to 'write' (string expected, got table)"
    )
    assert error_of(f["write"], f, "a", None) == (
        "bad argument #2 to 'write' (string expected, got nil)"
    )
    m(f, "close")
    assert read_file(name) == b"a"


def test_default_input_and_output(name):
    IO["output"](name)
    IO["write"]("via default ", 42, "\n")
    assert IO["output"]() is not IO["stdout"]
    IO["close"]()
    assert error_of(IO["write"], "x") == "default output file is closed"
    assert error_of(IO["flush"]) == "default output file is closed"
    IO["output"](IO["stdout"])
    IO["input"](name)
    assert IO["read"]("L") == "via default 42\n"
    assert IO["read"]() is None
    IO["close"](IO["input"]())
    assert error_of(IO["read"]) == "default input file is closed"
    assert error_of(IO["lines"]) == "attempt to use a closed file"
    assert error_of(IO["input"], "/nonexistent/nope") == (
        "cannot open file '/nonexistent/nope' (No such file or directory)"
    )
    assert error_of(IO["input"], Table()) == (
        "bad argument #1 to 'input' (FILE* expected, got table)"
    )
    f = IO["open"](name)
    m(f, "close")
    assert error_of(IO["output"], f) == "attempt to use a closed file"
    IO["input"](IO["stdin"])
    assert IO["input"]() is IO["stdin"]
    assert error_of(IO["read"], "x") == "bad argument #1 to 'read' (invalid format)"
    assert error_of(IO["write"], Table()) == (
        "bad argument #1 to 'write' (string expected, got table)"
    )


def test_read_from_default_input(name):
    write_file(name, b"a\nb\n")
    IO["input"](name)
    assert loop(IO["lines"]()) == ["a", "b"]
    assert IO["type"](IO["input"]()) == "file"


def test_stdout_shared_with_print(capsysbinary):
    iolib.stdout_write("print 1\n")
    assert IO["write"]("io.write ", 2, " ", 3.5, "\n") is IO["stdout"]
    iolib.stdout_write("h\xc3\xa4\n")
    m(IO["stdout"], "write", "method\n")
    iolib.flush_all()
    assert capsysbinary.readouterr().out == (
        b"print 1\nio.write 2 3.5\nh\xc3\xa4\nmethod\n"
    )


def test_std_streams_misuse():
    assert lua_print(m(IO["stdout"], "read")) == "nil\tBad file descriptor\t9"
    assert m(IO["stdout"], "flush") is True
    assert IO["flush"]() is True


def test_stderr(capsysbinary):
    assert m(IO["stderr"], "write", "to stderr\n") is IO["stderr"]
    assert capsysbinary.readouterr().err == b"to stderr\n"


def test_tmpfile():
    t = IO["tmpfile"]()
    m(t, "write", "tmp data")
    m(t, "seek", "set")
    assert m(t, "read", "a") == "tmp data"
    assert m(t, "close") is True


def test_popen(name):
    p = IO["popen"]("echo hi; echo there")
    assert m(p, "read", "a") == "hi\nthere\n"
    assert lua_print(m(p, "close")) == "true\texit\t0"
    p = IO["popen"]("exit 3")
    assert lua_print(m(p, "close")) == "nil\texit\t3"
    assert error_of(IO["popen"], "true", "rw") == (
        "bad argument #2 to 'popen' (invalid mode)"
    )
    p = IO["popen"]("cat > '%s'" % name, "w")
    m(p, "write", "piped\n")
    assert lua_print(m(p, "close")) == "true\texit\t0"
    assert read_file(name) == b"piped\n"


def test_read_from_pipe_fd():
    r, w = os.pipe()
    os.write(w, b"12 abc\nrest")
    os.close(w)
    f = iolib.LuaFile(iolib._FdStream(r, True, False))
    assert lua_print(m(f, "read", "n", "l", "a")) == "12\t abc\trest"
    assert lua_print(m(f, "seek")) == "nil\tIllegal seek\t29"
    m(f, "close")
