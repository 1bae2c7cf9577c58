"""The Lua io library (liolib.c) and file handles.

Rules:
- Files are binary: a Lua string is written as `s.encode("latin-1")` and
  bytes read come back decoded with latin-1.
- A file handle is a LuaFile (Lua type "userdata", metatable `lua_meta` with
  __name "FILE*"); `f["read"]` gives the method function, called as
  `f["read"](f, ...)`.
- Files opened by io.open are C-like streams over a file descriptor
  (_FdStream): buffered, with the C library's error behaviour (reading a
  directory or a write-only file fails with errno, EOF is sticky until the
  next read call, f:read("n") reads like liolib's l_getn).
- Standard output and error write into Python's sys.stdout.buffer and
  sys.stderr.buffer, looked up at each write; `print` (stdout_write) and
  io.write share that buffer, so their output interleaves. stdout is line
  buffered on a terminal and fully buffered otherwise, stderr unbuffered.
  `flush_all` flushes everything (the runner calls it at exit).
- Errors come back as nil, message, errno (luaL_fileresult), with strerror
  texts; misuse raises Lua errors worded like lua5.4's. Method argument
  numbers count the file as argument 1, as liolib does; arg_error discounts
  it when Lua code made a method call (`f:read(x)`).
- Helpers of this module raise _ArgErr, which the entry function turns into
  the Lua error.
"""

import errno as _errno
import os
import sys

from moonlet.runtime.errors import NOARG, LuaError, arg_error, rt_error, type_error
from moonlet.runtime.table import Table
from moonlet.runtime.values import NONE, Multi, fmt_float, str2number, type_name

from ._checks import (
    check_any,
    check_option,
    check_str,
    fileresult,
    opt_int,
    opt_str,
)

LUA_VISIBLE = True

BUFSIZE = 4096  # glibc's buffer: st_blksize of most file systems
_LUAL_BUFFERSIZE = 16 * 8 * 8  # luaconf's LUAL_BUFFERSIZE on 64-bit Linux
_MAXLENNUM = 200
_MAXARGLINE = 250
_SPACES = b" \t\n\v\f\r"


class _ArgErr(Exception):
    """A bad argument found by a helper: (argument number, message)."""

    def __init__(self, n, msg):
        Exception.__init__(self, msg)
        self.n = n
        self.msg = msg


def _oserror(code):
    return OSError(code, os.strerror(code))


class _FdStream:
    """A C stdio stream over a file descriptor."""

    def __init__(self, fd, readable, writable):
        self.fd = fd
        self.readable = readable
        self.writable = writable
        self.rbuf = b""
        self.rpos = 0
        self.wbuf = bytearray()
        self.eof = False
        self.err = None
        self.bufmode = "full"
        self.bufsize = BUFSIZE

    # Reading.

    def clearerr(self):
        self.eof = False
        self.err = None

    def _fill(self):
        """Refill the read buffer; False at end of file or on error."""
        if self.eof or self.err is not None:
            return False
        if not self.readable:
            self.err = _oserror(_errno.EBADF)
            return False
        if self.wbuf and not self._flush_w():
            return False
        if self.fd == 0:
            _flush_interactive()
        try:
            data = os.read(self.fd, BUFSIZE)
        except OSError as e:
            self.err = e
            return False
        if not data:
            self.eof = True
            return False
        self.rbuf = data
        self.rpos = 0
        return True

    def getc(self):
        if self.rpos >= len(self.rbuf) and not self._fill():
            return -1
        c = self.rbuf[self.rpos]
        self.rpos += 1
        return c

    def ungetc(self, c):
        if c >= 0:
            self.rpos -= 1

    def read_line(self, chop):
        """A line (None when nothing at all could be read)."""
        parts = []
        while True:
            if self.rpos >= len(self.rbuf) and not self._fill():
                break
            buf = self.rbuf
            i = buf.find(b"\n", self.rpos)
            if i >= 0:
                parts.append(buf[self.rpos : i if chop else i + 1])
                self.rpos = i + 1
                return b"".join(parts).decode("latin-1")
            parts.append(buf[self.rpos :])
            self.rpos = len(buf)
        if not parts:
            return None
        data = b"".join(parts)
        if not data:
            return None
        return data.decode("latin-1")

    def read_all(self):
        parts = [self.rbuf[self.rpos :]]
        self.rpos = len(self.rbuf)
        while self._fill():
            parts.append(self.rbuf)
            self.rpos = len(self.rbuf)
        return b"".join(parts).decode("latin-1")

    def read_chars(self, n):
        parts = []
        while n > 0:
            if self.rpos >= len(self.rbuf) and not self._fill():
                break
            chunk = self.rbuf[self.rpos : self.rpos + n]
            self.rpos += len(chunk)
            n -= len(chunk)
            parts.append(chunk)
        if not parts:
            return None
        return b"".join(parts).decode("latin-1")

    def test_eof(self):
        c = self.getc()
        self.ungetc(c)
        return "" if c >= 0 else None

    def read_number(self):
        """liolib's read_number: the longest prefix of a numeral, converted."""
        buf = bytearray()
        state = [self.getc()]

        def nextc():
            if len(buf) >= _MAXLENNUM:
                buf[:] = b"\0"
                return False
            buf.append(state[0])
            state[0] = self.getc()
            return True

        def test2(chars):
            if state[0] >= 0 and state[0] in chars:
                return nextc()
            return False

        def readdigits(hexa):
            digits = b"0123456789abcdefABCDEF" if hexa else b"0123456789"
            count = 0
            while state[0] >= 0 and state[0] in digits and nextc():
                count += 1
            return count

        while state[0] >= 0 and state[0] in _SPACES:
            state[0] = self.getc()
        count = 0
        hexa = False
        test2(b"-+")
        if test2(b"0"):
            if test2(b"xX"):
                hexa = True
            else:
                count = 1
        count += readdigits(hexa)
        if test2(b"."):
            count += readdigits(hexa)
        if count > 0 and test2(b"pP" if hexa else b"eE"):
            test2(b"-+")
            readdigits(False)
        self.ungetc(state[0])
        if b"\0" in buf:
            return None
        return str2number(buf.decode("latin-1"))

    # Writing.

    def write(self, data):
        if not self.writable:
            self.err = _oserror(_errno.EBADF)
            return False
        if self.rpos < len(self.rbuf):
            # Switching from reading to writing: drop the read-ahead.
            try:
                os.lseek(self.fd, self.rpos - len(self.rbuf), os.SEEK_CUR)
            except OSError:
                pass
        self.rbuf = b""
        self.rpos = 0
        self.eof = False
        buf = self.wbuf
        mode = self.bufmode
        if mode == "full":
            # glibc: a full buffer goes out, then whole blocks; the rest waits.
            total = len(buf) + len(data)
            buf += data
            if total > self.bufsize:
                r = total - self.bufsize
                return self._flush_w(total - r % self.bufsize)
            return True
        buf += data
        if mode == "no":
            return self._flush_w()
        if b"\n" in data:
            # Line buffered: everything up to the last newline goes out.
            return self._flush_w(buf.rfind(b"\n") + 1)
        if len(buf) >= self.bufsize:
            return self._flush_w()
        return True

    def _flush_w(self, upto=None):
        """Write out the buffer (its first `upto` bytes); False on error."""
        buf = self.wbuf
        if upto is None:
            upto = len(buf)
        try:
            while upto > 0:
                n = os.write(self.fd, buf[:upto])
                del buf[:n]
                upto -= n
        except OSError as e:
            self.err = e
            del buf[:]
            return False
        return True

    def flush(self):
        if not self._flush_w():
            return self.err
        return None

    # Positioning and buffering.

    def seek(self, whence, offset):
        """The new position; raises OSError."""
        if self.wbuf and not self._flush_w():
            raise self.err
        if whence == os.SEEK_CUR:
            offset -= len(self.rbuf) - self.rpos
        pos = os.lseek(self.fd, offset, whence)
        self.rbuf = b""
        self.rpos = 0
        self.eof = False
        return pos

    def setvbuf(self, mode, size):
        if not self._flush_w():
            return self.err
        # glibc ignores the size when it allocates the buffer itself.
        self.bufmode = mode
        return None

    def close(self):
        """Close the descriptor; the error, or None."""
        err = None
        if not self._flush_w():
            err = self.err
        _open_streams.discard(self)
        try:
            os.close(self.fd)
        except OSError as e:
            err = err or e
        return err


class _PyStream:
    """Standard output or error: writes into a Python binary stream."""

    def __init__(self, name, fd, bufmode):
        self.name = name
        self.fd = fd
        self.bufmode = bufmode
        self.err = None
        self.eof = False

    def out(self):
        stream = getattr(sys, self.name)
        return getattr(stream, "buffer", stream)

    def clearerr(self):
        self.eof = False
        self.err = None

    def _bad_read(self):
        self.err = _oserror(_errno.EBADF)
        return None

    def read_line(self, chop):
        return self._bad_read()

    def read_all(self):
        self._bad_read()
        return ""

    def read_chars(self, n):
        return self._bad_read()

    def test_eof(self):
        return self._bad_read()

    def read_number(self):
        return self._bad_read()

    def write(self, data):
        out = self.out()
        try:
            if hasattr(out, "encoding"):
                out.write(data.decode("latin-1"))
            else:
                out.write(data)
            if self.bufmode == "no" or (self.bufmode == "line" and b"\n" in data):
                out.flush()
        except OSError as e:
            self.err = e
            return False
        except ValueError:
            self.err = _oserror(_errno.EBADF)
            return False
        return True

    def flush(self):
        try:
            self.out().flush()
        except OSError as e:
            return e
        except ValueError:
            return _oserror(_errno.EBADF)
        return None

    def seek(self, whence, offset):
        e = self.flush()
        if e is not None:
            raise e
        return os.lseek(self.fd, offset, whence)

    def setvbuf(self, mode, size):
        self.flush()
        self.bufmode = mode
        return None

    def close(self):
        return self.flush()


_open_streams = set()


def _isatty(fd):
    try:
        return os.isatty(fd)
    except OSError:
        return False


_STDOUT = _PyStream("stdout", 1, "line" if _isatty(1) else "full")
_STDERR = _PyStream("stderr", 2, "no")


def _flush_interactive():
    """Reading the terminal flushes a line-buffered standard output first."""
    if _STDOUT.bufmode != "full":
        _STDOUT.flush()


def stdout_write(s):
    """print's output: the same buffer as io.stdout."""
    stream = sys.stdout
    out = getattr(stream, "buffer", None)
    if out is None:
        stream.write(s)
        return
    out.write(s.encode("latin-1"))
    mode = _STDOUT.bufmode
    if mode != "full" and (mode == "no" or "\n" in s):
        out.flush()


def flush_all():
    """Flush every open stream (C's exit does this)."""
    for st in list(_open_streams):
        try:
            st.flush()
        except Exception:
            pass
    for st in (_STDOUT, _STDERR):
        try:
            st.flush()
        except Exception:
            pass


# File handles.


class LuaFile:
    """A Lua file handle (userdata with the FILE* metatable)."""

    __slots__ = ("stream", "kind", "proc", "__weakref__")
    lua_type = "userdata"
    lua_meta = None  # set below

    def __init__(self, stream, kind="file", proc=None):
        self.stream = stream
        self.kind = kind
        self.proc = proc

    def __getitem__(self, key):
        return _METHODS.get(key)

    def lua_repr(self):
        if self.stream is None:
            return "file (closed)"
        return "file (0x%x)" % id(self)

    def __repr__(self):
        return "<Lua %s>" % self.lua_repr()

    def __del__(self):
        st = self.stream
        if st is not None and self.kind != "std":
            self.stream = None
            try:
                st.close()
                if self.proc is not None:
                    self.proc.wait()
            except Exception:
                pass


STDIN = LuaFile(_FdStream(0, True, False), "std")
STDOUT = LuaFile(_STDOUT, "std")
STDERR = LuaFile(_STDERR, "std")

_default = {"input": STDIN, "output": STDOUT}


def _close(f):
    """aux_close: close handle f; the Lua results."""
    st = f.stream
    if f.kind == "std":
        return Multi((None, "cannot close standard file"))
    f.stream = None
    if f.kind == "popen":
        st.close()
        return _wait_result(f.proc)
    err = st.close()
    if err is not None:
        return fileresult(err)
    return True


def _wait_result(proc):
    from .oslib import _execresult

    proc.wait()
    code = proc.returncode
    if code < 0:
        return _execresult(-code)  # killed by a signal: wait status
    return _execresult(code << 8)


def _g_read(st, fmts, base):
    """Read the formats `fmts` (argument numbers from `base`)."""
    st.clearerr()
    if not fmts:
        r = st.read_line(True)
        if st.err is not None:
            return fileresult(st.err)
        return r
    results = []
    for k, fmt in enumerate(fmts):
        cls = fmt.__class__
        if cls is int or cls is float:
            if cls is float:
                n = int(fmt) if fmt.is_integer() and abs(fmt) < 2.0**63 else None
                if n is None:
                    raise _ArgErr(base + k, "number has no integer representation")
            else:
                n = fmt
            if n < 0:
                raise LuaError("not enough memory")
            v = st.test_eof() if n == 0 else st.read_chars(n)
        else:
            if cls is not str:
                raise _ArgErr(base + k, "string expected, got %s" % type_name(fmt))
            p = fmt[1:2] if fmt[:1] == "*" else fmt[:1]
            if p == "n":
                v = st.read_number()
            elif p == "l":
                v = st.read_line(True)
            elif p == "L":
                v = st.read_line(False)
            elif p == "a":
                v = st.read_all()
            else:
                raise _ArgErr(base + k, "invalid format")
        results.append(v)
        if v is None:
            break
    if st.err is not None:
        return fileresult(st.err)
    if len(results) == 1:
        return results[0]
    return Multi(results)


def _fmt_float(v):
    """fprintf's "%.14g" (LUA_NUMBER_FMT)."""
    if v != v or v in (_INF, -_INF):
        return fmt_float(v)
    return "%.14g" % v


_INF = float("inf")


def _g_write(f, st, args, base):
    """Write args (argument numbers from `base`); f, or nil/message/errno."""
    parts = []
    for k, v in enumerate(args):
        cls = v.__class__
        if cls is str:
            parts.append(v)
        elif cls is int:
            parts.append(str(v))
        elif cls is float:
            parts.append(_fmt_float(v))
        else:
            if parts:
                st.write("".join(parts).encode("latin-1"))
            raise _ArgErr(base + k, "string expected, got %s" % type_name(v))
    if st.write("".join(parts).encode("latin-1")):
        return f
    return fileresult(st.err)


# Methods (f:read(...) etc.).


def _stream(f, fname):
    """liolib's tofile: the open stream of file f."""
    st = f.stream if isinstance(f, LuaFile) else None
    if st is None:
        if not isinstance(f, LuaFile):
            type_error(1, fname, "FILE*", f)
        rt_error("attempt to use a closed file")
    return st


def f_read(f=NOARG, *fmts):
    st = _stream(f, "read")
    try:
        return _g_read(st, fmts, 2)
    except _ArgErr as e:
        arg_error(e.n, "read", e.msg)


def f_write(f=NOARG, *args):
    st = _stream(f, "write")
    try:
        return _g_write(f, st, args, 2)
    except _ArgErr as e:
        arg_error(e.n, "write", e.msg)


def _lines_iter(f, fmts, toclose):
    def lines_iter(*_):
        st = f.stream
        if st is None:
            rt_error("file is already closed")
        try:
            r = _g_read(st, fmts, 2)
        except _ArgErr as e:
            arg_error(e.n, "for iterator", e.msg)
        if r.__class__ is Multi:
            if r[0] is not None:
                return r
            # nil, message, errno: a read error.
            rt_error(r[1])
        if r is not None:
            return r
        if toclose:
            _close(f)
        return NONE

    return lines_iter


def f_lines(f=NOARG, *fmts):
    st = _stream(f, "lines")
    if len(fmts) > _MAXARGLINE:
        arg_error(_MAXARGLINE + 2, "lines", "too many arguments")
    return _lines_iter(f, fmts, False)


def f_seek(f=NOARG, whence=NOARG, offset=NOARG):
    st = _stream(f, "seek")
    op = check_option(whence, 2, "seek", "cur", ["set", "cur", "end"])
    offset = opt_int(offset, 3, "seek", 0)
    try:
        return st.seek((os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)[op], offset)
    except OverflowError:
        return fileresult(_oserror(_errno.EINVAL))
    except OSError as e:
        return fileresult(e)


def f_setvbuf(f=NOARG, mode=NOARG, size=NOARG):
    st = _stream(f, "setvbuf")
    op = check_option(mode, 2, "setvbuf", None, ["no", "full", "line"])
    size = opt_int(size, 3, "setvbuf", _LUAL_BUFFERSIZE)
    err = st.setvbuf(("no", "full", "line")[op], size)
    if err is not None:
        return fileresult(err)
    return True


def f_flush(f=NOARG):
    st = _stream(f, "flush")
    err = st.flush()
    if err is not None:
        return fileresult(err)
    return True


def f_close(f=NOARG):
    st = _stream(f, "close")
    return _close(f)


def f_gc(f=NOARG, *_):
    if not isinstance(f, LuaFile):
        type_error(1, "__gc", "FILE*", f)
    if f.stream is not None:
        _close(f)
    return NONE


def f_tostring(f=NOARG):
    if not isinstance(f, LuaFile):
        type_error(1, "tostring", "FILE*", f)
    return f.lua_repr()


# Functions usually called as methods (f:read(...)): where the call cannot be
# seen, their argument errors do not count the file (runtime.frames).
LUA_METHODS = frozenset(
    ("f_read", "f_write", "f_lines", "f_seek", "f_setvbuf", "f_flush", "f_close")
)

_METHODS = Table(
    {
        "close": f_close,
        "flush": f_flush,
        "lines": f_lines,
        "read": f_read,
        "seek": f_seek,
        "setvbuf": f_setvbuf,
        "write": f_write,
    }
)

LuaFile.lua_meta = Table(
    {
        "__close": f_gc,
        "__gc": f_gc,
        "__index": _METHODS,
        "__name": "FILE*",
        "__tostring": f_tostring,
    }
)


# The io functions.


def _valid_mode(mode):
    if not mode or mode[0] not in "rwa":
        return False
    rest = mode[1:]
    if rest[:1] == "+":
        rest = rest[1:]
    return rest.strip("b") == ""


_FLAGS = {
    "r": os.O_RDONLY,
    "w": os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
    "a": os.O_WRONLY | os.O_CREAT | os.O_APPEND,
    "r+": os.O_RDWR,
    "w+": os.O_RDWR | os.O_CREAT | os.O_TRUNC,
    "a+": os.O_RDWR | os.O_CREAT | os.O_APPEND,
}


def _fopen(name, mode):
    """fopen: a LuaFile; raises OSError."""
    key = mode[:2] if mode[1:2] == "+" else mode[:1]
    fd = os.open(name.encode("latin-1"), _FLAGS[key], 0o666)
    st = _FdStream(fd, key != "w" and key != "a", key != "r")
    _open_streams.add(st)
    return LuaFile(st)


def io_open(name=NOARG, mode=NOARG, *_):
    name = check_str(name, 1, "open")
    mode = opt_str(mode, 2, "open", "r")
    if not _valid_mode(mode):
        arg_error(2, "open", "invalid mode")
    try:
        return _fopen(name, mode)
    except OSError as e:
        return fileresult(e, name)


def io_close(f=NOARG, *_):
    if f is NOARG:
        f = _default["output"]
    st = _stream(f, "close")
    return _close(f)


def io_type(f=NOARG, *_):
    check_any(f, 1, "type")
    if isinstance(f, LuaFile):
        return "closed file" if f.stream is None else "file"
    return None


def io_read(*fmts):
    f = _default["input"]
    if f.stream is None:
        rt_error("default input file is closed")
    try:
        return _g_read(f.stream, fmts, 1)
    except _ArgErr as e:
        arg_error(e.n, "read", e.msg)


def io_write(*args):
    f = _default["output"]
    if f.stream is None:
        rt_error("default output file is closed")
    try:
        return _g_write(f, f.stream, args, 1)
    except _ArgErr as e:
        arg_error(e.n, "write", e.msg)


def io_flush(*_):
    f = _default["output"]
    if f.stream is None:
        rt_error("default output file is closed")
    err = f.stream.flush()
    if err is not None:
        return fileresult(err)
    return True


def _g_iofile(which, mode, fname, f):
    """io.input/io.output; returns (handle, None) or (None, error args)."""
    if f is not NOARG and f is not None:
        cls = f.__class__
        if cls is str or cls is int or cls is float:
            name = check_str(f, 1, fname)
            try:
                _default[which] = _fopen(name, mode)
            except OSError as e:
                return None, "cannot open file '%s' (%s)" % (name, e.strerror)
        elif isinstance(f, LuaFile):
            if f.stream is None:
                return None, "attempt to use a closed file"
            _default[which] = f
        else:
            return None, f
    return _default[which], None


def io_input(f=NOARG, *_):
    r, err = _g_iofile("input", "r", "input", f)
    if r is None:
        if err.__class__ is str:
            rt_error(err)
        type_error(1, "input", "FILE*", err)
    return r


def io_output(f=NOARG, *_):
    r, err = _g_iofile("output", "w", "output", f)
    if r is None:
        if err.__class__ is str:
            rt_error(err)
        type_error(1, "output", "FILE*", err)
    return r


def io_lines(name=NOARG, *fmts):
    if len(fmts) > _MAXARGLINE:
        arg_error(_MAXARGLINE + 2, "lines", "too many arguments")
    if name is NOARG or name is None:
        f = _default["input"]
        if f.stream is None:
            rt_error("attempt to use a closed file")
        return _lines_iter(f, fmts, False)
    name = check_str(name, 1, "lines")
    try:
        f = _fopen(name, "r")
    except OSError as e:
        rt_error("cannot open file '%s' (%s)" % (name, e.strerror))
    return Multi((_lines_iter(f, fmts, True), None, None, f))


def io_tmpfile(*_):
    import tempfile

    try:
        fd, path = tempfile.mkstemp(prefix="lua_")
        os.unlink(path)
    except OSError as e:
        return fileresult(e)
    st = _FdStream(fd, True, True)
    _open_streams.add(st)
    return LuaFile(st)


def io_popen(prog=NOARG, mode=NOARG, *_):
    prog = check_str(prog, 1, "popen")
    mode = opt_str(mode, 2, "popen", "r")
    if mode not in ("r", "w"):
        arg_error(2, "popen", "invalid mode")
    flush_all()
    import subprocess  # only here: slow to import, on PyPy above all

    try:
        if mode == "r":
            proc = subprocess.Popen(
                prog.encode("latin-1"), shell=True, stdout=subprocess.PIPE
            )
            fd = os.dup(proc.stdout.fileno())
            proc.stdout.close()
            st = _FdStream(fd, True, False)
        else:
            proc = subprocess.Popen(
                prog.encode("latin-1"), shell=True, stdin=subprocess.PIPE
            )
            fd = os.dup(proc.stdin.fileno())
            proc.stdin.close()
            st = _FdStream(fd, False, True)
    except OSError as e:
        return fileresult(e, prog)
    _open_streams.add(st)
    return LuaFile(st, "popen", proc)


LIB = {
    "close": io_close,
    "flush": io_flush,
    "input": io_input,
    "lines": io_lines,
    "open": io_open,
    "output": io_output,
    "popen": io_popen,
    "read": io_read,
    "stderr": STDERR,
    "stdin": STDIN,
    "stdout": STDOUT,
    "tmpfile": io_tmpfile,
    "type": io_type,
    "write": io_write,
}
