"""A node: hosts, processes, the name registry, and running a root process.

Rules:
- One hub (runtime.sched) runs every process of the node. A PID looks like
  the reference runtime's, "{app:processes|0x00001}": the host and a
  per-node counter in hex (a node part, "{node@host|...}", is parsed and
  refused as "node not found" until there are several nodes).
- Entries are found by `resolver(entry_id)`, which returns an Entry or
  None. An Entry gives the main function of its chunk for a globals table
  (`chunk(env)`) and names the method to call in what the chunk returns.
- Spawning runs the chunk and picks the method before spawn returns, so a
  chunk error or a missing method makes spawn fail; routing, monitor and
  link exist before the child runs; the child's main task is queued.
- Every process has its own globals, package, package.loaded and
  package.preload tables; the first three are copies of node-wide
  prototypes (one C-level dict copy each), preload starts empty. The
  library tables (string, table, math, ...) and the runtime modules
  (`process`, `channel`, `time`, `errors`, `json`) are shared by the
  processes of a node, as in the reference runtime (which makes them
  immutable; here a change is seen by every process): package.loaded
  holds them all, so `require("time")` or `require("json")` finds them
  there. `time` is also a global, so that the user guide's snippets that
  use it without require run as written.
- An entry's chunk is compiled and its module executed once per node;
  each process only calls its `lua_chunk` with the process's globals.
- `run(entry, args)` runs entry as the root process until it ends, then
  stops what is left. Exit status: 0 when the root returns normally, 1 when
  it fails (its error and Lua traceback go to stderr), os.exit's code, or 1
  after a deadlock report.
"""

import abc
import os
import re
import types

from . import sched
from .clock import RealClock, VirtualClock
from .errors import LuaError
from .loader import syntax_error_class
from .pytext import compile_text
from .process import (
    EVENTS,
    EXIT,
    LINK_DOWN,
    Process,
    Task,
    exit_event,
)
from .table import Table
from .values import Multi, first, type_name

from moonlet.stdlib.corolib import Coroutine

DEFAULT_HOST = "app:processes"
PID_RE = re.compile(r"^\{(?:([^{}@|]*)@)?([^{}|]+)\|([^{}|]+)\}$")

# Library tables in package.loaded (shared by the processes of a node).
SHARED_LIBS = ("string", "table", "math", "os", "io", "utf8", "coroutine", "debug")


class SpawnError(Exception):
    """Why a spawn failed (the message spawn returns)."""


# Entries.


class Entry(abc.ABC):
    """Something a process can run. `method` names the function to call in
    the table the chunk returns (a chunk returning a function is that
    function); with `lenient`, a chunk that returns neither is the body of
    the process itself (a plain script)."""

    def __init__(self, id, method="main", lenient=False):
        self.id = id
        self.method = method
        self.lenient = lenient

    @abc.abstractmethod
    def chunk(self, env):
        """The main function of the entry's chunk with globals env."""


class SourceEntry(Entry):
    """An entry whose chunk is Lua source text, compiled once per node."""

    def __init__(self, id, source, chunkname, method="main", lenient=False):
        Entry.__init__(self, id, method, lenient)
        self.source = source
        self.chunkname = chunkname
        self.code = None
        self.lua_chunk = None

    def get_source(self):
        return self.source

    def chunk(self, env):
        fn = self.lua_chunk
        if fn is None:
            if self.code is None:
                self.code = compile_chunk(self.get_source(), self.chunkname)
            # A module's namespace: PyPy's JIT reads its globals as constants.
            ns = types.ModuleType("moonlet_chunk").__dict__
            ns["__file__"] = self.code.co_filename
            exec(self.code, ns)
            fn = self.lua_chunk = ns["lua_chunk"]
        return fn(env)


class FileEntry(SourceEntry):
    def __init__(self, id, path, chunkname=None, method="main", lenient=False):
        from .script import lua_string

        SourceEntry.__init__(
            self, id, None, chunkname or "@" + lua_string(path), method, lenient
        )
        self.path = path

    def get_source(self):
        from moonlet.stdlib.baselib import read_source

        return read_source(self.path)


class ScriptEntry(Entry):
    """A script run as the root process, the way lua.c runs one: the
    global `arg` holds the script name and arguments, the -e/-l actions
    ("-e", code) / ("-l", module) run first, and the chunk is the body of
    the process unless it returns a function or a table with `main`, which
    is then called with the arguments. source None: only the actions."""

    def __init__(self, id, source, chunkname, arg0="moonlet", args=(), actions=()):
        Entry.__init__(self, id, "main", lenient=True)
        self.source = source
        self.chunkname = chunkname
        self.arg0 = arg0
        self.args = tuple(args)
        self.actions = tuple(actions)

    def chunk(self, env):
        from . import loader

        arg = Table()
        arg[0] = self.arg0
        for i, a in enumerate(self.args, 1):
            arg[i] = a
        env["arg"] = arg

        def main(*args):
            from moonlet.compiler.errors import LuaSyntaxError

            try:
                for kind, val in self.actions:
                    if kind == "-e":
                        loader.load_lua(val, "=(command line)", env)()
                    else:
                        env["require"](val)
                if self.source is None:
                    return None
                fn = loader.load_lua(self.source, self.chunkname, env)
            except LuaSyntaxError as e:
                raise LuaError(e.message, "")
            return fn(*args)

        return main


def compile_chunk(source, chunkname):
    """The Python code object of a Lua chunk (raises LuaSyntaxError)."""
    from . import frames, loader

    text = loader.compile_to_python(source, loader.chunkid(chunkname))
    filename = "<lua chunk %d>" % next(loader._counter)
    frames.register_source(filename, text)
    return compile_text(text, filename)


class FolderEntries:
    """Entries of a folder without _index.yaml: "a.b:c" is a/b/c.lua with
    method main (":c" is a top-level c.lua)."""

    def __init__(self, root):
        self.root = root
        self.cache = {}

    def __call__(self, entry_id):
        e = self.cache.get(entry_id)
        if e is not None:
            return e
        ns, sep, name = entry_id.rpartition(":")
        if not sep or not name or "/" in entry_id or ".." in ns.split("."):
            return None
        parts = [p for p in ns.split(".") if p] + [name + ".lua"]
        path = os.path.join(self.root, *parts)
        if not self.exists(path):
            return None
        e = self.make_entry(entry_id, path)
        self.cache[entry_id] = e
        return e

    # Where the Lua code comes from: the folder's files (a compiled package
    # overrides these).

    def exists(self, path):
        return os.path.isfile(path)

    def make_entry(self, entry_id, path):
        rel = os.path.relpath(path)
        return FileEntry(
            entry_id, path, "@" + (rel if not rel.startswith("..") else path)
        )


# States.


class StateTemplate:
    """The library tables new process states are made of."""

    def __init__(self, node):
        from moonlet.stdlib import (
            baselib,
            channellib,
            corolib,
            errorslib,
            jsonlib,
            processlib,
            timelib,
        )

        from .state import new_state

        from .ops import STRING_META
        from .table import install_string_meta

        saved = dict(baselib.STATE), STRING_META[0]
        self.proto = proto = new_state()
        self.string_meta = STRING_META[0]
        baselib.STATE.clear()
        baselib.STATE.update(saved[0])
        if saved[1] is not None:
            STRING_META[0] = saved[1]
            install_string_meta(saved[1])
        self.package = proto["package"]
        self.process = processlib.make_lib()
        self.channel = Table(channellib.LIB)
        self.time = timelib.make_lib()
        self.errors = errorslib.make_lib()
        errorslib.install()
        self.co_spawn = processlib.co_spawn
        self.extra_globals = {
            "process": self.process,
            "channel": self.channel,
            "time": self.time,
            "errors": self.errors,
            "subscribe": processlib.lua_subscribe,
            "unsubscribe": processlib.lua_unsubscribe,
        }
        self.corolib = corolib
        self.json = jsonlib.make_lib()
        proto["coroutine"]["spawn"] = self.co_spawn
        g = dict(proto)
        g.update(self.extra_globals)
        # The per-process entries, so that copies of these prototypes have
        # every key already (no table grows while a process is made).
        g["_G"] = g["package"] = True
        self.proto_globals = g
        loaded = {name: proto[name] for name in SHARED_LIBS if proto[name] is not None}
        loaded["process"] = self.process
        loaded["channel"] = self.channel
        loaded["errors"] = self.errors
        loaded["time"] = self.time
        loaded["json"] = self.json
        loaded["_G"] = loaded["package"] = True
        self.proto_loaded = loaded
        package = dict(self.package)
        package["loaded"] = package["preload"] = True
        self.proto_package = package

    def new_globals(self):
        """A fresh globals table and package table for a process."""
        g = Table(self.proto_globals)
        loaded = Table(self.proto_loaded)
        package = Table(self.proto_package)
        g["_G"] = loaded["_G"] = g
        g["package"] = loaded["package"] = package
        package["loaded"] = loaded
        package["preload"] = Table()
        return g, package


# The node.


class Node:
    def __init__(self, virtual=False, clock=None, resolver=None, name=None):
        if clock is None:
            clock = VirtualClock() if virtual else RealClock()
        self.clock = clock
        self.hub = sched.Hub(clock)
        self.name = name
        self.resolver = resolver
        self.hosts = {DEFAULT_HOST}
        self.procs = {}
        self.names = {}
        self.counter = 0
        self.root = None
        self.exit_code = None
        self.debug = False
        self.progname = "moonlet"
        # Called as state_hook(entry, globals, package) for every new process
        # (the app layer restricts require to an entry's modules/imports).
        self.state_hook = None
        self.template = StateTemplate(self)

    # Identity and lookup.

    def new_pid(self, host):
        self.counter += 1
        return "{%s|0x%05x}" % (host, self.counter)

    def parse_pid(self, s):
        """(node part, host, id) of a PID string, or None."""
        m = PID_RE.match(s)
        if m is None:
            return None
        return m.groups()

    def lookup(self, dest, dead_pid_error="process not found"):
        """(process, None) for a live PID or registered name, else (None,
        message)."""
        p = self.procs.get(dest)
        if p is not None:
            return p, None
        if dest[:1] == "{":
            parts = self.parse_pid(dest)
            if parts is not None:
                nodepart, host, _ = parts
                if nodepart and nodepart != self.name:
                    return None, "node not found"
                if host not in self.hosts:
                    return None, "host not found"
                p = self.procs.get(dest)
                if p is None:
                    return None, dead_pid_error
                return p, None
        p = self.names.get(dest)
        if p is None:
            return None, "could not resolve '%s' as PID or registered name" % dest
        return p, None

    def wall_seconds(self):
        return self.clock.wall_ns() // 1000000000

    # Spawning.

    def _new_process(self, entry, host, parent):
        self.counter += 1
        proc = Process(self, "{%s|0x%05x}" % (host, self.counter), entry.id, parent)
        proc.globals, proc.package = g, package = self.template.new_globals()
        if self.state_hook is not None:
            self.state_hook(entry, g, package)
        proc.co_main = Coroutine(None, None, "running")
        return proc

    def spawn(self, entry_id, host, args=(), parent=None, monitor=False, link=False):
        """Start a process of entry_id on host with exported args (a
        tuple); return it, or raise SpawnError."""
        if host not in self.hosts:
            raise SpawnError("host not found")
        entry = self.resolver(entry_id) if self.resolver is not None else None
        if entry is None:
            raise SpawnError("factory not found")
        proc = self._new_process(entry, host, parent.pid if parent else None)
        task = Task(proc, None, args, proc.co_main)
        fn = self._init(proc, entry, task)
        self.procs[proc.pid] = proc
        if parent is not None:
            if monitor:
                parent.monitor(proc)
            if link:
                parent.link(proc)
        proc.main = proc.start_task(fn, args, None, task, True)
        return proc

    def _init(self, proc, entry, task=None):
        """Run the entry's chunk in proc's state (as `task`, which has no
        greenlet yet) and return the function to call (raises
        SpawnError)."""
        prev = sched.CUR.task
        sched.enter(task or Task(proc, None, (), proc.co_main))
        try:
            try:
                chunk = entry.chunk(proc.globals)
                r = first(chunk())
            except syntax_error_class() as e:
                raise SpawnError(e.message)
            except OSError as e:
                raise SpawnError("cannot read %s: %s" % (entry.id, e.strerror or e))
            except Exception as e:
                from .frames import lua_error_from

                raise SpawnError(lua_error_from(e).value)
        finally:
            if prev is not None:
                sched.enter(prev)
            else:
                sched.CUR.task = sched.CUR.proc = None
        fn = pick_method(r, entry.method)
        if fn is None:
            raise SpawnError('method "%s" not found in module' % entry.method)
        return fn

    def start_root(self, entry, args=(), host=DEFAULT_HOST):
        """Make entry the root process (its chunk runs in its main task)."""
        self.hub.activate()
        proc = self._new_process(entry, host, None)
        self.procs[proc.pid] = proc
        self.root = proc

        def root_main(*a):
            chunk = entry.chunk(proc.globals)
            r = chunk(*a)
            v = (r[0] if r else None) if r.__class__ is Multi else r
            fn = pick_method(v, entry.method)
            if fn is None:
                if entry.lenient:
                    return r
                raise LuaError('method "%s" not found in module' % entry.method)
            return fn(*a)

        proc.main = proc.start_task(root_main, tuple(args), proc.co_main, None, True)
        return proc

    # Exits.

    def returned(self, proc, r):
        """The main task of proc returned r."""
        if r.__class__ is Multi:
            value = r[0] if r else None
            second = r[1] if len(r) > 1 else None
        else:
            value, second = r, None
        if second is not None and (
            second.__class__ is str
            or getattr(second.__class__, "lua_passthrough", False)
        ):
            self.finish(proc, None, second)
        else:
            self.finish(proc, value, None)

    def fail(self, proc, err):
        """A task of proc raised the LuaError err."""
        self.finish(proc, None, err.value, err)

    def finish(self, proc, value, error, exc=None):
        """End proc with its exit value or error (a Lua value; exc is the
        LuaError behind it, for the report)."""
        if proc.dead:
            return
        proc.dead = True
        pid = proc.pid
        self.procs.pop(pid, None)
        proc.exit = (value, error, exc)
        if proc.names:
            for name in proc.names:
                if self.names.get(name) is proc:
                    del self.names[name]
            proc.names = None
        if proc.timers:
            for t in proc.timers:
                t.cancel()
            proc.timers = None
        proc.kill_tasks()
        proc.drop_mailbox()
        hooks = proc.exit_hooks
        if hooks:
            proc.exit_hooks = None
            for h in hooks:
                h(value, error)
        watchers = proc.watchers
        links = proc.links
        unwatched = not watchers and not links and not hooks
        if watchers:
            at = self.wall_seconds()
            for w in watchers.values():
                w.watching.pop(pid, None)
                ev = exit_event(EXIT, pid, at, value, error)
                w.post(EVENTS, (ev,), pid)
            proc.watchers = None
        if links:
            at = self.wall_seconds()
            for lp in links.values():
                lp.links.pop(pid, None)
                if error is not None:
                    ev = exit_event(LINK_DOWN, pid, at, None, error)
                    lp.post(EVENTS, (ev,), pid, True)
                    if lp.link_cause is None:
                        lp.link_cause = proc
            proc.links = None
        if proc.watching:
            for target in proc.watching.values():
                target.watchers.pop(pid, None)
            proc.watching = None
        proc.release()
        if proc is self.root:
            self.hub.stop()
        elif error is not None and unwatched and error != "process terminated":
            self.report_crash(proc, error, exc)

    def report_crash(self, proc, error, exc):
        from .script import write_err

        text = "%s: process %s failed: %s\n" % (
            self.progname,
            proc.pid,
            describe(error),
        )
        if exc is not None and exc.lua_traceback:
            text += exc.lua_traceback + "\n"
        write_err(text + self.link_causes(proc))
        if self.debug and exc is not None and exc.__cause__ is not None:
            import traceback

            c = exc.__cause__
            traceback.print_exception(type(c), c, c.__traceback__)

    def link_causes(self, proc):
        """What made proc fail with "linked process failed", for reports:
        the chain of linked processes back to the first failure."""
        lines = []
        seen = set()
        cause = proc.link_cause if proc.exit_error == "linked process failed" else None
        while cause is not None and cause.pid not in seen:
            seen.add(cause.pid)
            lines.append(
                "\tlinked process %s (%s) failed: %s\n"
                % (cause.pid, cause.entry_id, describe(cause.exit_error))
            )
            exc = cause.exit_exc
            if exc is not None and exc.lua_traceback:
                lines.append("\t" + exc.lua_traceback.replace("\n", "\n\t") + "\n")
            if cause.exit_error != "linked process failed":
                break
            cause = cause.link_cause
        return "".join(lines)

    def os_exit(self, code):
        self.exit_code = code
        self.hub.stop()

    # Running.

    def run(self, entry, args=()):
        """Run entry as the root process; return the exit status."""
        from moonlet.stdlib import corolib

        from moonlet.stdlib import baselib

        from .ops import STRING_META
        from .table import install_string_meta

        saved = (corolib._current, corolib._main, dict(baselib.STATE), STRING_META[0])
        if STRING_META[0] is not self.template.string_meta:
            STRING_META[0] = self.template.string_meta
            install_string_meta(STRING_META[0])
        try:
            self.start_root(entry, args)
            idle = self.hub.run()
            root = self.root
            if self.exit_code is not None:
                return self.exit_code
            if not root.dead:
                if idle:
                    self.report_deadlock()
                return 1
            if root.exit_error is not None:
                self.report_root_error(root)
                return 1
            return 0
        finally:
            self.shutdown()
            corolib._current, corolib._main = saved[0], saved[1]
            baselib.STATE.clear()
            baselib.STATE.update(saved[2])
            if saved[3] is not None and STRING_META[0] is not saved[3]:
                STRING_META[0] = saved[3]
                install_string_meta(saved[3])
            sched.CUR.task = sched.CUR.proc = None

    def report_root_error(self, root):
        from .script import report, write_err

        exc = root.exit_exc
        if exc is None:
            exc = LuaError(root.exit_error)
        report(exc, self.debug, self.progname)
        causes = self.link_causes(root)
        if causes:
            write_err(causes)

    def report_deadlock(self):
        from .script import write_err

        lines = [
            "%s: deadlock: every process is blocked and no timer is pending"
            % self.progname
        ]
        for pid, p in self.procs.items():
            whats = []
            for t in p.live_tasks():
                w = t.parked_on()
                if w is not None and not w.done:
                    whats.append(w.describe())
            lines.append(
                "\t%s %s: %s" % (pid, p.entry_id, ", ".join(whats) or "blocked")
            )
        write_err("\n".join(lines) + "\n")

    def shutdown(self):
        """Stop every process left (no events, no reports) and let their
        tasks unwind."""
        hub = self.hub
        for proc in list(self.procs.values()):
            proc.dead = True
            if proc.timers:
                for t in proc.timers:
                    t.cancel()
            proc.kill_tasks()
        self.procs.clear()
        self.names.clear()
        hub.stopping = False
        while hub.runq:
            g, v = hub.runq.popleft()
            if g.__class__ is sched._GREENLET:
                if not g.dead:
                    try:
                        sched._val = v
                        g.switch(v)
                    except BaseException:  # pragma: no cover - defensive
                        pass
            # Callbacks (mailbox steps) of dead processes do nothing.
        hub.timers = []
        hub.drop_pool()


def pick_method(r, method):
    """The function a process runs: r itself if it is a function, else
    r[method] if r is a table holding a function there, else None."""
    if r is None:
        return None
    if isinstance(r, Table):
        if method:
            fn = dict.get(r, method)
            if fn.__class__ is _FUNCTION or (
                fn is not None and type_name(fn) == "function"
            ):
                return fn
        return None
    if r.__class__ is _FUNCTION or type_name(r) == "function":
        return r
    return None


_FUNCTION = type(pick_method)


def describe(v):
    """An error value as text for reports (like lua.c's msghandler)."""
    from .ops import tostring
    from .table import getmetafield

    if v.__class__ is str:
        return v
    if v.__class__ in (int, float) or getmetafield(v, "__tostring") is not None:
        try:
            return tostring(v)
        except LuaError:
            pass
    return "(error object is a %s value)" % type_name(v)


def run_file(path, args=(), virtual=False, debug=False, actions=(), source=None):
    """Run the Lua file at path (or the given source text, named after path)
    as the root process of a new node whose entries are the .lua files of
    the file's folder, like `moonlet run --actors`; return the exit status.
    Raises OSError if the file cannot be read."""
    from moonlet.stdlib.baselib import read_source

    from .script import lua_string

    if source is None:
        source = read_source(path)
    name = lua_string(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    node = Node(virtual=virtual, resolver=FolderEntries(os.path.dirname(path) or "."))
    node.debug = debug
    entry = ScriptEntry(":" + stem, source, "@" + name, name, args, actions)
    return node.run(entry, args)
