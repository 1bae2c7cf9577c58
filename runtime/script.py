"""Running a Lua main chunk as a program, the way lua.c does.

Rules:
- Shared by `moonlet run` and by the `__main__` of compiled packages, so it
  imports only the runtime and the standard library, never the compiler.
- Lua calls nest as Python calls: the program runs in a thread with a large
  C stack and a high recursion limit (on PyPy, one that still allows some
  hundred thousand levels).
- A Lua error ends the program with "PROG: message" and a Lua traceback on
  stderr and exit status 1; os.exit ends it with its status; Ctrl-C with
  status 130. Python tracebacks are shown only with `debug`.
- Lua strings hold one character per byte: command-line arguments become
  Lua strings through `lua_string` (the bytes the OS gave), and messages
  are written back as those bytes.
"""

import os
import signal
import sys
import threading

RECURSION_LIMIT = 260000
if sys.implementation.name == "pypy":
    # PyPy's limit is on C stack bytes (768 per unit), not on frames: this
    # allows about 50,000 interpreted frames and up to 30 times as many once
    # the JIT has compiled a recursive function (each taking heap memory:
    # 1,000,000 frames take about 1 GB). MOONLET_RECURSION_LIMIT sets another.
    RECURSION_LIMIT = 30000
RECURSION_LIMIT = int(os.environ.get("MOONLET_RECURSION_LIMIT") or RECURSION_LIMIT)
STACK_SIZE = 1024 * 1024 * 1024


def big_stack_thread(target, name):
    """A started daemon thread running target() on a large C stack."""
    old = threading.stack_size()
    try:
        threading.stack_size(STACK_SIZE)
    except (ValueError, RuntimeError):  # pragma: no cover - platform limits
        pass
    t = threading.Thread(target=target, name=name, daemon=True)
    t.start()
    threading.stack_size(old)
    return t


def in_big_stack(fn, progname="moonlet"):
    """Run fn() in a thread with a large C stack; return its result (1 if it
    raised)."""
    # Like a C program (and lua5.4): writing to a closed pipe ends the
    # process quietly (`moonlet run x.lua | head`), not with a Lua error.
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    result = []

    def target():
        result.append(fn())

    t = big_stack_thread(target, "lua-main")
    try:
        while t.is_alive():
            t.join(0.05)
    except KeyboardInterrupt:
        sys.stderr.write("%s: interrupted!\n" % progname)
        flush()
        os._exit(130)
    return result[0] if result else 1


def lua_string(s):
    """The Lua string (latin-1 view of the bytes) of a command-line argument
    or file name."""
    return os.fsencode(s).decode("latin-1")


def write_err(text, stream=None):
    """Write Lua text (one character per byte) to stderr (or `stream`) as
    its bytes."""
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        data = text.encode("utf-8", "replace")
    err = sys.stderr if stream is None else stream
    buf = getattr(err, "buffer", None)
    if buf is None:  # a text-only stream (tests)
        err.write(data.decode("utf-8", "replace"))
        return
    err.flush()
    buf.write(data)
    buf.flush()


def flush():
    """Flush Lua's io buffers and Python's stdout."""
    try:
        from moonlet.stdlib.iolib import flush_all

        flush_all()
    except ImportError:  # pragma: no cover
        pass
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass


def report(err, debug=False, progname="moonlet"):
    """Print a Lua error like lua.c's msghandler does."""
    from moonlet.runtime.ops import tostring
    from moonlet.runtime.table import getmetafield

    v = err.value
    if v.__class__ is str or v.__class__ in (int, float):
        msg = tostring(v)
    elif getmetafield(v, "__tostring") is not None:
        msg = tostring(v)
    else:
        from moonlet.runtime.values import type_name

        msg = "(error object is a %s value)" % type_name(v)
    text = "%s: %s\n" % (progname, msg)
    if err.lua_traceback:
        text += err.lua_traceback + "\n"
    write_err(text)
    if debug and err.__cause__ is not None:
        import traceback

        traceback.print_exception(
            type(err.__cause__), err.__cause__, err.__cause__.__traceback__
        )


def run_protected(body, debug=False, progname="moonlet"):
    """Call body() and turn what ends it into an exit status: body's own
    result (None is 0), os.exit's status, or 1 after reporting a Lua error.
    Output buffers are flushed in every case."""
    from moonlet.runtime.errors import LuaError, LuaExit
    from moonlet.runtime.frames import lua_error_from

    sys.setrecursionlimit(RECURSION_LIMIT)
    try:
        try:
            status = body()
            return 0 if status is None else status
        except LuaExit as e:
            return e.code
        except (LuaError, RecursionError) as e:
            report(lua_error_from(e), debug, progname)
            return 1
        except Exception as e:  # a fast path's Python error, translated
            report(lua_error_from(e), debug, progname)
            if debug:
                import traceback

                traceback.print_exc()
            return 1
    finally:
        flush()
