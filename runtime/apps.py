"""App folders: entries declared by `_index.yaml` files, or by the files.

Rules:
- An app folder holds `_index.yaml` files in the reference runtime's
  format, anywhere below it: `namespace`, `entries` with `name`, `kind`,
  `source: file://PATH` (relative to the yaml file), `method` (default
  "main"), `modules`, `imports` ({alias: library entry id}) and `meta`.
  Entry kinds: `process.lua` (spawnable, runnable), `function.lua`
  (runnable: `moonlet run`, `moonlet test`), `library.lua` (importable),
  `process.host` (a host processes can be spawned on). Other kinds
  (process.service, workflow.lua, ...) are kept but not run.
- The host `app:processes` always exists.
- A folder with no `_index.yaml` at all: every `a/b/c.lua` is a
  `process.lua` entry `a.b:c` with method `main`, and require works as in
  plain Lua (node.FolderEntries).
- For a declared entry, `require(name)` works only for names listed in its
  `modules` (time, json, errors, and the standard libraries) or keys of its
  `imports`; a library loaded through `imports` requires with its own
  lists. An imported library is loaded once per process.
- Spawning something that is not a `process.lua` entry is "factory not
  found"; an unknown host is "host not found" (node.spawn).
- A compiled package is the same App over the parsed _index.yaml data its
  manifest carries, with its modules in place of the source files
  (runtime.package.PackageApp overrides source_exists, make_entry and
  folder_entries); run_entry and run_tests serve both command lines.
"""

import os

from .errors import NOARG, LuaError
from .node import DEFAULT_HOST, FileEntry, FolderEntries, Node

INDEX = "_index.yaml"
RUNNABLE = ("process.lua", "function.lua")
KINDS = ("process.lua", "function.lua", "library.lua", "process.host")


class AppError(Exception):
    """A bad app folder or _index.yaml (the message says where)."""


class AppEntry(FileEntry):
    """A declared entry with a Lua source file."""

    def __init__(self, id, kind, path, chunkname, method, modules, imports, meta):
        FileEntry.__init__(self, id, path, chunkname, method or "main")
        self.kind = kind
        self.modules = tuple(modules)
        self.imports = dict(imports)
        self.meta = meta


class Decl:
    """A declared entry without Lua source (hosts, services, ...)."""

    def __init__(self, id, kind, data):
        self.id = id
        self.kind = kind
        self.data = data
        self.meta = data.get("meta") or {}


def _chunkname(path):
    rel = os.path.relpath(path)
    return "@" + (path if rel.startswith("..") else rel)


def _str_list(v, where):
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise AppError("%s: modules must be a list of names" % where)
    return v


def parse_index(path, data, exists=os.path.isfile, make_entry=AppEntry):
    """The entries (AppEntry or Decl) declared by one _index.yaml's data.
    `exists(path)` tells whether a source file is there; `make_entry` makes
    the entries with Lua source (AppEntry's arguments)."""
    if data is None:
        return []
    if not isinstance(data, dict):
        raise AppError("%s: expected a mapping at the top level" % path)
    ns = data.get("namespace")
    if not isinstance(ns, str) or not ns:
        raise AppError("%s: namespace is missing" % path)
    entries = data.get("entries") or []
    if not isinstance(entries, list):
        raise AppError("%s: entries must be a list" % path)
    folder = os.path.dirname(path)
    out = []
    for i, e in enumerate(entries):
        where = "%s: entry %d" % (path, i + 1)
        if not isinstance(e, dict):
            raise AppError("%s: expected a mapping" % where)
        name = e.get("name")
        kind = e.get("kind")
        if not isinstance(name, str) or not name:
            raise AppError("%s: name is missing" % where)
        where = "%s: entry %s" % (path, name)
        if not isinstance(kind, str) or not kind:
            raise AppError("%s: kind is missing" % where)
        eid = "%s:%s" % (ns, name)
        if kind in ("process.lua", "function.lua", "library.lua"):
            src = e.get("source")
            if not isinstance(src, str) or not src:
                raise AppError("%s: source is missing" % where)
            if src.startswith("file://"):
                src = src[len("file://") :]
            else:
                raise AppError("%s: source must be a file:// path" % where)
            fpath = os.path.normpath(os.path.join(folder, src))
            if not exists(fpath):
                raise AppError("%s: source file not found: %s" % (where, src))
            imports = e.get("imports") or {}
            if not isinstance(imports, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in imports.items()
            ):
                raise AppError("%s: imports must map names to entry IDs" % where)
            method = e.get("method")
            if kind == "library.lua":
                method = None
            elif method is not None and not isinstance(method, str):
                raise AppError("%s: method must be a string" % where)
            out.append(
                make_entry(
                    eid,
                    kind,
                    fpath,
                    _chunkname(fpath),
                    method,
                    _str_list(e.get("modules"), where),
                    imports,
                    e.get("meta") or {},
                )
            )
        else:
            out.append(Decl(eid, kind, e))
    return out


def read_indexes(root):
    """[(path, data)] of the _index.yaml files under root, in walk order
    (raises AppError for one that is not valid YAML)."""
    import yaml

    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        if INDEX in filenames:
            path = os.path.join(dirpath, INDEX)
            try:
                with open(path, "rb") as f:
                    out.append((path, yaml.safe_load(f)))
            except yaml.YAMLError as e:
                raise AppError("%s: %s" % (path, e))
    return out


class App:
    """The entries of an app folder: `indexes` [(yaml path, data)] are its
    _index.yaml files, read from `root` when not given (an app compiled
    into a package carries them; runtime.package.PackageApp)."""

    def __init__(self, root, indexes=None):
        if indexes is None:
            if not os.path.isdir(root):
                raise AppError("%s: not a folder" % root)
            indexes = read_indexes(root)
        self.root = root
        self.indexes = indexes
        self.entries = {}
        self.hosts = {DEFAULT_HOST}
        self.folder = None if indexes else self.folder_entries()
        for path, data in indexes:
            for e in parse_index(path, data, self.source_exists, self.make_entry):
                if e.id in self.entries:
                    raise AppError("%s: entry %s is declared twice" % (path, e.id))
                self.entries[e.id] = e
                if e.kind == "process.host":
                    self.hosts.add(e.id)

    # Where the entries' Lua code comes from: the folder's files.

    def source_exists(self, path):
        return os.path.isfile(path)

    def make_entry(self, *args):
        return AppEntry(*args)

    def folder_entries(self):
        """The resolver of a folder without _index.yaml."""
        return FolderEntries(self.root)

    # Lookup.

    def entry(self, entry_id):
        """Any entry by ID, or None."""
        if self.folder is not None:
            return self.folder(entry_id)
        return self.entries.get(entry_id)

    def resolve_process(self, entry_id):
        """The resolver of the node: process.lua entries only."""
        e = self.entry(entry_id)
        if e is None or getattr(e, "kind", "process.lua") != "process.lua":
            return None
        return e

    def runnable(self, entry_id):
        """A process.lua or function.lua entry, or None."""
        e = self.entry(entry_id)
        if e is None or getattr(e, "kind", "process.lua") not in RUNNABLE:
            return None
        return e

    def tests(self):
        """The entries with meta.type test, in ID order."""
        out = []
        for eid in sorted(self.entries):
            e = self.entries[eid]
            meta = e.meta if isinstance(e.meta, dict) else {}
            if meta.get("type") == "test" and getattr(e, "kind", None) in RUNNABLE:
                out.append(e)
        return out

    # Nodes.

    def new_node(self, virtual=False, debug=False):
        node = Node(virtual=virtual, resolver=self.resolve_process)
        node.hosts = set(self.hosts)
        node.debug = debug
        node.app = self
        if self.folder is None:
            node.state_hook = self.state_hook
        return node

    def state_hook(self, entry, g, package):
        if isinstance(entry, AppEntry):
            g["require"] = make_require(self, entry, g, package)


# {module name: fn(state globals, node template) -> module value} for
# `modules:` (package.loaded has them already, unless a program took them out).
_LOADERS = {
    "time": lambda g, t: t.time,
    "json": lambda g, t: t.json,
    "errors": lambda g, t: g["errors"],
}


class _RequireState:
    """What the require of one process works with (kept small: every
    process of a declared entry has one)."""

    __slots__ = ("app", "entry", "g", "package", "stack", "libs")

    def __init__(self, app, entry, g, package):
        self.app = app
        self.entry = entry
        self.g = g
        self.package = package
        self.stack = None  # the library entries being loaded, innermost last
        self.libs = None  # {library entry id: its value} once one is loaded


def make_require(app, entry, g, package):
    """require for a process of a declared entry (see the module rules)."""
    st = _RequireState(app, entry, g, package)

    def require(name=NOARG, *_):
        return _require(st, name)

    return require


def _require(st, name):
    from moonlet.stdlib._checks import check_str

    from . import sched
    from .loader import syntax_error_class

    name = check_str(name, 1, "require")
    stack = st.stack
    cur = stack[-1] if stack else st.entry
    loaded = st.package["loaded"]
    if name in cur.modules:
        v = loaded[name]
        if v is not None:
            return v
        load = _LOADERS.get(name)
        if load is None:
            raise LuaError("module '%s' not found" % name)
        proc = sched.CUR.proc
        v = load(st.g, proc.node.template)
        loaded[name] = v
        return v
    lib_id = cur.imports.get(name)
    if lib_id is None:
        raise LuaError(
            "module '%s' not found: not in the modules or imports of entry %s"
            % (name, cur.id)
        )
    libs = st.libs
    if libs is not None and lib_id in libs:
        return libs[lib_id]
    lib = st.app.entry(lib_id)
    if lib is None or getattr(lib, "kind", None) != "library.lua":
        raise LuaError("module '%s' not found: no library entry %s" % (name, lib_id))
    if stack is None:
        stack = st.stack = []
    stack.append(lib)
    try:
        try:
            fn = lib.chunk(st.g)
        except syntax_error_class() as e:
            raise LuaError("error loading module '%s': %s" % (name, e.message))
        except OSError as e:
            raise LuaError("error loading module '%s': %s" % (name, e.strerror or e))
        r = fn(name)
    finally:
        stack.pop()
    if r.__class__ is tuple or type(r).__name__ == "Multi":
        r = r[0] if r else None
    if r is None:
        r = True
    if st.libs is None:
        st.libs = {}
    st.libs[lib_id] = r
    return r


def load_app(root):
    """The App of a folder (raises AppError)."""
    return App(root)


# Running entries (`moonlet run APP ENTRY`, `moonlet test APP`, and the same
# commands of a compiled package).


def run_entry(app, entry_id, args=(), debug=False, virtual=False, progname="moonlet"):
    """Run a process.lua or function.lua entry as the root process of a new
    node with the Lua strings `args`; return the exit status."""
    from .script import run_protected, write_err

    entry = app.runnable(entry_id)
    if entry is None:
        write_err("%s: %s: factory not found\n" % (progname, entry_id))
        return 1
    node = app.new_node(virtual=virtual, debug=debug)
    node.progname = progname
    return run_protected(lambda: node.run(entry, args), debug, progname)


def parse_test_options(args):
    """(debug, virtual, other arguments) of the options of `test`: --debug,
    --real-time, --virtual-time (the default)."""
    debug = False
    virtual = True
    rest = []
    for a in args:
        if a == "--debug":
            debug = True
        elif a in ("--real-time", "--virtual-time"):
            virtual = a == "--virtual-time"
        else:
            rest.append(a)
    return debug, virtual, rest


def run_tests(app, debug=False, virtual=True, progname="moonlet"):
    """Run every entry with meta.type test, each as the root process of its
    own node; one passes when it ends without an error and with a result
    other than false. Prints PASS/FAIL lines and "N passed, M failed";
    returns the exit status (1 if one failed)."""
    import sys

    from moonlet.stdlib.iolib import flush_all

    from .node import describe
    from .script import run_protected

    passed = failed = 0
    for entry in app.tests():
        node = app.new_node(virtual=virtual, debug=debug)
        node.progname = progname
        status = run_protected(lambda: node.run(entry, ()), debug, progname)
        root = node.root
        why = None
        if status != 0:
            if root is not None and root.exit_error is not None:
                why = describe(root.exit_error)
            else:
                why = "exit status %d" % status
        elif root is not None and root.exit_value is False:
            why = "returned false"
        flush_all()
        if why is None:
            passed += 1
            sys.stdout.write("PASS %s\n" % entry.id)
        else:
            failed += 1
            sys.stdout.write("FAIL %s: %s\n" % (entry.id, why))
        sys.stdout.flush()
    sys.stdout.write("%d passed, %d failed\n" % (passed, failed))
    sys.stdout.flush()
    return 1 if failed else 0
