"""`moonlet run --python PY`: compile here, run under another Python.

    moonlet run --python pypy3 script.lua [args]
    moonlet run --python pypy3 APP_DIR ENTRY [args]
    moonlet test --python pypy3 APP_DIR

Rules:
- The first Python (the one running `moonlet`, which has the compiler)
  compiles what it can know in advance, through the cache
  (runtime.loader), and hands the results over (loader.PRECOMPILED): the
  script, the -e chunks, an app's declared entries (or the entry run from a
  folder without _index.yaml). It also reads the app's _index.yaml
  files, so the other Python needs neither the compiler, luaparser, black
  nor yaml. Syntax errors are left for the program to meet at run time,
  where and when it would meet them under one Python.
- Then it replaces itself (exec) with PY running moonlet's own command line
  again with the same arguments (`moonlet.cli` with `cli.CHILD` set), so
  the exit status, signals, stdin/stdout/stderr, `arg` (whose negative
  indices name the first command, as lua.c's do), messages and tracebacks
  are those of a run under one Python. PY imports moonlet from the same
  folders as the first Python (a finder installed by BOOT; nothing else of
  the first Python's sys.path), and the interpreter's own greenlet.
- Lua source that was not compiled in advance (a `require`d file, `load`
  of new text, a script read from stdin) is compiled at run time by a
  compile server: the first Python again (MOONLET_COMPILER_PYTHON), started
  once on the first such need and fed over a pipe (serve; the client is
  runtime.loader.RemoteCompiler). Its results go to the cache too, so the
  next run starts at once.
- The arguments go to PY in a temporary file that PY deletes as soon as it
  has read it. PY's environment gets MOONLET_COMPILER_PYTHON and, unless
  set, PYPY_GC_NURSERY (PYPY_GC_NURSERY below).
"""

import os
import pickle
import sys

COMPILER_ENV = "MOONLET_COMPILER_PYTHON"
# PyPy's young generation (its default is the L2 cache size, 1 MB here):
# Lua programs allocate many small tables, and a larger nursery makes
# bench/binarytrees 1.7x and bench/tables 1.2x faster on PyPy (the
# counterpart of runtime.state.tune_gc, which PyPy cannot take at run time).
PYPY_GC_NURSERY = "32MB"

# Run by `PY -c`: import moonlet (and its runtime, stdlib and compiler
# folders, which a checkout keeps beside it) from the folders of the Python
# that wrote it, then run TAIL.
BOOT = """import sys
if sys.path and sys.path[0] == "":
    del sys.path[0]
def _moonlet_finder(dirs):
    import importlib.util, os
    class MoonletFinder:
        @staticmethod
        def find_spec(name, path=None, target=None):
            d = dirs.get(name)
            if d is None:
                return None
            return importlib.util.spec_from_file_location(
                name, os.path.join(d, "__init__.py"), submodule_search_locations=[d]
            )
    sys.meta_path.insert(0, MoonletFinder)
_moonlet_finder(%r)
del _moonlet_finder
%s
"""

PACKAGES = ("moonlet", "moonlet.runtime", "moonlet.stdlib", "moonlet.compiler")


def package_dirs():
    """{package name: folder} of moonlet's packages in this Python."""
    import importlib

    out = {}
    for name in PACKAGES:
        mod = importlib.import_module(name)
        out[name] = os.path.dirname(os.path.abspath(mod.__file__))
    return out


def boot_command(python, tail, argv=()):
    """The command running the Python code `tail` under `python` with
    moonlet's packages importable."""
    return [python, "-c", BOOT % (package_dirs(), tail)] + list(argv)


def server_command(python):
    """The command of a compile server run by `python`."""
    return boot_command(python, "from moonlet.launch import serve\nserve()")


# ---------------------------------------------------------------------------
# The first Python.


def _precompile(sources):
    """{loader.PRECOMPILED key: Python text} of [(source, chunk name)],
    compiled through the cache; what does not compile is left for run
    time."""
    from moonlet.runtime import loader

    out = {}

    def work():
        for source, chunkname in sources:
            display = loader.chunkid(chunkname)
            try:
                text = loader.compile_to_python(source, display)
            except Exception:
                continue
            out[(source, display, False, True)] = text

    from moonlet.runtime import script

    sys.setrecursionlimit(script.RECURSION_LIMIT)
    script.in_big_stack(work)
    return out


def _read(path):
    """The Lua source of a file (as baselib.read_source), or None."""
    try:
        with open(path, "rb") as f:
            return f.read().decode("latin-1")
    except OSError:
        return None


def _app_sources(folder, entry_ids, indexes):
    """[(source, chunk name)] of the entries of the app worth compiling in
    advance: all declared entries with Lua source, or those of entry_ids
    in a folder without _index.yaml."""
    from moonlet.runtime.apps import App, AppError

    try:
        app = App(folder, indexes)
        if app.entries:
            entries = list(app.entries.values())
        else:
            entries = [app.entry(e) for e in entry_ids]
    except (AppError, OSError, ValueError):
        return []
    out = []
    for e in entries:
        path = getattr(e, "path", None)
        chunkname = getattr(e, "chunkname", None)
        if path is None or chunkname is None:
            continue
        source = _read(path)
        if source is not None:
            out.append((source, chunkname))
    return out


def run_elsewhere(python, argv, script=None, rest=(), actions=(), app=None):
    """`moonlet ARGV` (run or test, ARGV holding the --python option, which
    the other side skips) under the Python `python`; does not return unless
    that Python cannot be started (exit status 1)."""
    import shlex
    import shutil
    import tempfile

    from moonlet.cli import USAGE
    from moonlet.runtime import script as lua_script

    exe = shutil.which(python)
    if exe is None:
        sys.stderr.write(
            "moonlet: cannot run Python '%s': not found\n%s" % (python, USAGE)
        )
        return 1
    lua_string = lua_script.lua_string
    sources = []
    apps = {}
    if script is not None and script != "-" and os.path.isdir(script):
        app, entry_ids = script, list(rest[:1])
    elif app is not None:
        entry_ids = []
    if app is not None:
        # (apps imports the whole runtime: only when there is an app)
        from moonlet.runtime.apps import AppError, read_indexes

        try:
            indexes = read_indexes(app) if os.path.isdir(app) else None
        except AppError as e:
            indexes = str(e)
        if indexes is not None:
            apps[app] = indexes
            if not isinstance(indexes, str):
                sources += _app_sources(app, entry_ids, indexes)
    else:
        for kind, val in actions:
            if kind == "-e":
                sources.append((lua_string(val), "=(command line)"))
        if script is not None and script != "-":
            source = _read(script)
            if source is not None:
                sources.append((source, "@" + lua_string(script)))
    precompiled = _precompile(sources)

    from moonlet.runtime import loader

    spec = {
        "argv": list(argv),
        "interpreter": "%s -m moonlet.cli run" % shlex.quote(sys.executable),
        "apps": apps,
        "stamp": loader.compiler_stamp(),
        "precompiled": precompiled,
    }
    fd, path = tempfile.mkstemp(prefix="moonlet-run-", suffix=".pickle")
    with os.fdopen(fd, "wb") as f:
        pickle.dump(spec, f, protocol=4)
    env = dict(os.environ)
    env[COMPILER_ENV] = sys.executable
    env.setdefault("PYPY_GC_NURSERY", PYPY_GC_NURSERY)
    cmd = boot_command(
        exe, "from moonlet.launch import child_main\nchild_main(sys.argv[1])", [path]
    )
    lua_script.flush()
    try:
        os.execve(exe, cmd, env)
    except OSError as e:
        os.unlink(path)
        sys.stderr.write("moonlet: cannot run Python '%s': %s\n" % (python, e))
        return 1


# ---------------------------------------------------------------------------
# The other Python.


def child_main(spec_path):
    """Run moonlet's command line as the first Python asked (BOOT's tail)."""
    with open(spec_path, "rb") as f:
        spec = pickle.load(f)
    try:
        os.unlink(spec_path)
    except OSError:
        pass
    from moonlet import cli
    from moonlet.runtime import loader

    loader._stamp[:] = [spec["stamp"]]
    loader.PRECOMPILED.update(spec["precompiled"])
    python = os.environ.get(COMPILER_ENV)
    if python:
        loader.REMOTE[:] = [loader.RemoteCompiler(server_command(python))]
    cli.CHILD = {"interpreter": spec["interpreter"], "apps": spec["apps"]}
    sys.exit(cli.main(spec["argv"]))


# ---------------------------------------------------------------------------
# The compile server (the first Python again).


def serve():
    """Compile requests from stdin, one JSON object a line ({"source",
    "chunkname", "use_black", "from_file"}), answered on stdout, one a line:
    {"text": Python source}, {"syntax": message, "line": n} for a Lua syntax
    error, or {"error": exception class name, "message": text}. Ends at the
    end of its input."""
    import json
    import signal

    from moonlet.runtime import loader, script

    # Ctrl-C is for the program; the server ends when its input does.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    stdin = sys.stdin.buffer
    stdout = sys.stdout.buffer

    def answer(req):
        from moonlet.compiler.errors import LuaSyntaxError

        try:
            text = loader.compile_to_python(
                req["source"],
                req["chunkname"],
                use_black=req.get("use_black", False),
                from_file=req.get("from_file", True),
            )
            return {"text": text}
        except LuaSyntaxError as e:
            return {"syntax": e.message, "line": e.line}
        except (RecursionError, MemoryError, SyntaxError) as e:
            return {"error": type(e).__name__, "message": getattr(e, "msg", "")}
        except Exception as e:
            return {"error": "CompilerBug", "message": "%s: %s" % (type(e).__name__, e)}

    def loop():
        for line in stdin:
            reply = answer(json.loads(line.decode("utf-8")))
            stdout.write(json.dumps(reply).encode("utf-8") + b"\n")
            stdout.flush()

    sys.setrecursionlimit(script.RECURSION_LIMIT)
    script.in_big_stack(loop)
