"""Turning Lua source text into callable Lua functions at run time.

Rules:
- The compiler is imported only here and only when new source text has to
  be compiled (`load`, `dofile`, `require` of a .lua file, `moonlet run`);
  compiled packages never need it.
- Compiled Python text is cached on disk by a hash of the source, the chunk
  name and the compiler version ($MOONLET_CACHE, default
  ~/.cache/moonlet), so unchanged files are not compiled again.
- Each compiled chunk gets its own synthetic file name, registered with
  runtime.frames, so that errors show Lua positions.
- Under another Python (`moonlet run --python PY`, moonlet/launch.py), or
  when this Python has no compiler and MOONLET_COMPILER_PYTHON names one
  that has it, source text missing from the cache is compiled by a compile
  server run by that Python (RemoteCompiler). Without either, compiling
  raises a Lua error that says so.
"""

import itertools
import os
import re
import sys
import threading
import types

from . import frames
from .pytext import compile_text

_counter = itertools.count(1)
VERSION = "moonlet-0.1.0-c1"


def chunkid(source):
    """Lua's luaO_chunkid: the display name of a chunk name."""
    # Lua's chunk names are C strings.
    source = source.split("\0", 1)[0]
    idsize = 60
    if source.startswith("="):
        return source[1:idsize]
    if source.startswith("@"):
        s = source[1:]
        if len(s) <= idsize - 1:
            return s
        return "..." + s[-(idsize - 4) :]
    nl = source.find("\n")
    bufflen = idsize - 15
    if len(source) < bufflen and nl < 0:
        return '[string "%s"]' % source
    s = source[:nl] if nl >= 0 else source
    if len(s) > bufflen:
        s = s[:bufflen]
    return '[string "%s..."]' % s


class _NotRaised(Exception):
    """Stands for LuaSyntaxError before the compiler is imported."""


def syntax_error_class():
    """The compiler's LuaSyntaxError, for `except` clauses on paths that
    compiled packages take too: until the compiler has been imported nothing
    can have raised one, and a class nothing raises stands in for it (so
    catching it never imports the compiler)."""
    mod = sys.modules.get("moonlet.compiler.errors")
    return _NotRaised if mod is None else mod.LuaSyntaxError


def cache_dir():
    d = os.environ.get("MOONLET_CACHE")
    if d:
        return d
    return os.path.join(os.path.expanduser("~"), ".cache", "moonlet")


_stamp = []


def compiler_stamp():
    """A digest of the compiler's own source: part of every cache key, so
    that a changed compiler never reuses old output."""
    if not _stamp:
        import moonlet.compiler as pkg

        import hashlib

        h = hashlib.sha256(VERSION.encode())
        d = os.path.dirname(pkg.__file__)
        for name in sorted(os.listdir(d)):
            if name.endswith(".py"):
                with open(os.path.join(d, name), "rb") as f:
                    h.update(name.encode() + b"\0" + f.read())
        _stamp.append(h.hexdigest())
    return _stamp[0]


def compile_to_python(
    source, chunkname, use_black=False, use_cache=True, from_file=True
):
    """Python source for Lua source (raises LuaSyntaxError)."""
    if PRECOMPILED:
        text = PRECOMPILED.get((source, chunkname, use_black, from_file))
        if text is not None:
            return text
    import hashlib  # (slow to import on PyPy: only when needed)

    key = hashlib.sha256(
        (
            "%s\0%s\0%s\0%s\0%s"
            % (compiler_stamp(), chunkname, use_black, from_file, source)
        ).encode("latin-1", "replace")
    ).hexdigest()
    path = os.path.join(cache_dir(), key[:2], key + ".py")
    if use_cache:
        try:
            with open(path, encoding="latin-1") as f:
                return f.read()
        except OSError:
            pass
    compile_lua = compiler()
    text = compile_lua(source, chunkname, use_black=use_black, from_file=from_file)
    if use_cache:
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            tmp = path + ".%d.tmp" % os.getpid()
            with open(tmp, "w", encoding="latin-1") as f:
                f.write(text)
            os.replace(tmp, path)
        except OSError:
            pass
    return text


# {(source, chunkname, use_black, from_file): Python text} compiled in
# advance by the Python that started this one (moonlet.launch).
PRECOMPILED = {}

COMPILER_ENV = "MOONLET_COMPILER_PYTHON"
# The RemoteCompiler in use, if any (set by moonlet.launch.child_main).
REMOTE = []


def compiler():
    """compile_lua(source, chunkname, use_black=, from_file=): the
    compiler of this process, or a compile server's (see the rules)."""
    if REMOTE:
        return REMOTE[0].compile
    try:
        from moonlet.compiler.driver import compile_lua

        return compile_lua
    except (ImportError, SyntaxError) as e:
        python = os.environ.get(COMPILER_ENV)
        if not python:
            from .errors import LuaError

            raise LuaError(
                "cannot compile Lua source text: moonlet's compiler does not run"
                " on this Python (%s: %s); set %s to a Python that has it"
                % (type(e).__name__, e, COMPILER_ENV)
            )
    from moonlet.launch import server_command

    REMOTE[:] = [RemoteCompiler(server_command(python))]
    return REMOTE[0].compile


class RemoteCompiler:
    """compile_lua through a compile server (moonlet.launch.serve), started
    on the first request; it ends when this process does."""

    def __init__(self, command):
        self.command = command
        self.proc = None
        self.lock = threading.Lock()

    def compile(self, source, chunkname, use_black=False, from_file=True):
        import json
        import subprocess

        request = {
            "source": source,
            "chunkname": chunkname,
            "use_black": use_black,
            "from_file": from_file,
        }
        with self.lock:
            if self.proc is None:
                self.proc = subprocess.Popen(
                    self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE
                )
            line = b""
            try:
                self.proc.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
                self.proc.stdin.flush()
                line = self.proc.stdout.readline()
            except OSError:
                pass
            if not line:
                self.proc = None
                raise RuntimeError("the compile server (%s) ended" % self.command[0])
        reply = json.loads(line.decode("utf-8"))
        if "text" in reply:
            return reply["text"]
        if "syntax" in reply:
            from moonlet.compiler.errors import LuaSyntaxError

            raise LuaSyntaxError(reply["syntax"], reply.get("line"))
        kind, message = reply.get("error"), reply.get("message") or ""
        if kind == "RecursionError":
            raise RecursionError(message)
        if kind == "MemoryError":
            raise MemoryError(message)
        if kind == "SyntaxError":
            raise SyntaxError(message)
        raise RuntimeError("moonlet compiler: %s" % message)


def _constants_shared():
    code = compile(
        "def f(): return 'one constant, longer than twenty characters'\n"
        "def g(): return 'one constant, longer than twenty characters'\n",
        "<test>",
        "exec",
    )
    f, g = [c for c in code.co_consts if hasattr(c, "co_consts")]
    return f.co_consts[-1] is g.co_consts[-1]


# CPython makes equal constants of one module one object, so that a string
# literal is the same string in every Lua function of a chunk, as in Lua
# (string.format("%p") tells); PyPy gives each function its own copy.
_SHARED_CONSTANTS = _constants_shared()


def share_constants(code, seen):
    """`code` with its string constants (and those of the functions it
    defines) replaced by the first equal one in `seen`."""
    consts = []
    changed = False
    for c in code.co_consts:
        if c.__class__ is str:
            new = seen.setdefault(c, c)
        elif hasattr(c, "co_consts"):
            new = share_constants(c, seen)
        else:
            new = c
        changed = changed or new is not c
        consts.append(new)
    return code.replace(co_consts=tuple(consts)) if changed else code


def load_python(text, env, filename=None, stripped=False, source=None):
    """The main function of a compiled chunk, with `env` as its _ENV.
    `source` is Lua's chunk name ("@f.lua", "=stdin", the text...), kept
    as LUA_SOURCE for debug.getinfo (the banner holds only its display
    form)."""
    if filename is None:
        filename = "<lua chunk %d>" % next(_counter)
    frames.register_source(filename, text, stripped)
    code = compile_text(text, filename)
    if not _SHARED_CONSTANTS:
        code = share_constants(code, {})
    # A module's namespace rather than a plain dict: PyPy's JIT reads the
    # globals of a module dict as constants (5x faster calls and helpers).
    ns = types.ModuleType("moonlet_chunk").__dict__
    ns["__file__"] = filename
    if source is not None:
        ns["LUA_SOURCE"] = source
    exec(code, ns)
    return ns["lua_chunk"](env)


def load_lua(source, chunkname, env, from_file=True, stripped=False):
    """Compile Lua source (chunkname is Lua's, e.g. "@foo.lua" or "=stdin")
    and return its main function. Raises LuaSyntaxError."""
    display = chunkid(chunkname)
    try:
        text = compile_to_python(source, display, from_file=from_file)
        return load_python(text, env, stripped=stripped, source=chunkname)
    except (SyntaxError, RecursionError, MemoryError) as e:
        msg = getattr(e, "msg", None) or type(e).__name__
        if isinstance(e, SyntaxError) and not _NESTING.search(msg):
            # Generated code that Python rejects for another reason is a
            # compiler bug, not the user's error.
            from moonlet.compiler.errors import CompilerBug

            raise CompilerBug(
                "generated code for %s does not compile: %s (line %s)"
                % (display, msg, e.lineno)
            )
        # Python's own limits (100 levels of indentation, 20 nested loops)
        # are lower than Lua's for deeply nested blocks.
        from moonlet.compiler.errors import LuaSyntaxError

        raise LuaSyntaxError(
            "%s: too many nested blocks for Python (%s)" % (display, msg)
        )


# Python's messages for its nesting limits.
_NESTING = re.compile(r"too many|too deeply|nested|too complex|recursion", re.I)
