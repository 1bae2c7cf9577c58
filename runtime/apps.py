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


def parse_index(path, data):
    """The entries (AppEntry or Decl) declared by one _index.yaml's data."""
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
            if not os.path.isfile(fpath):
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
                AppEntry(
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


class App:
    """The entries of an app folder."""

    def __init__(self, root):
        if not os.path.isdir(root):
            raise AppError("%s: not a folder" % root)
        self.root = root
        self.entries = {}
        self.hosts = {DEFAULT_HOST}
        self.indexes = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            if INDEX in filenames:
                self.indexes.append(os.path.join(dirpath, INDEX))
        self.folder = None if self.indexes else FolderEntries(root)
        for path in self.indexes:
            self._load(path)

    def _load(self, path):
        import yaml

        try:
            with open(path, "rb") as f:
                data = yaml.safe_load(f)
        except yaml.YAMLError as e:
            raise AppError("%s: %s" % (path, e))
        for e in parse_index(path, data):
            if e.id in self.entries:
                raise AppError("%s: entry %s is declared twice" % (path, e.id))
            self.entries[e.id] = e
            if e.kind == "process.host":
                self.hosts.add(e.id)

    @classmethod
    def from_data(cls, root, indexes):
        """An app from already-parsed yaml: [(yaml path, data)] (used by
        compiled packages)."""
        app = cls.__new__(cls)
        app.root = root
        app.entries = {}
        app.hosts = {DEFAULT_HOST}
        app.indexes = [p for p, _ in indexes]
        app.folder = None if indexes else FolderEntries(root)
        for path, data in indexes:
            for e in parse_index(path, data):
                app.entries[e.id] = e
                if e.kind == "process.host":
                    app.hosts.add(e.id)
        return app

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


def module_loaders():
    """{module name: fn(state globals) -> module value} for `modules:`."""
    from moonlet.stdlib import jsonlib

    return {
        "time": lambda g, t: t.time,
        "json": lambda g, t: jsonlib.make_lib(),
        "errors": lambda g, t: g["errors"],
    }


def make_require(app, entry, g, package):
    """require for a process of a declared entry (see the module rules)."""
    from moonlet.compiler.errors import LuaSyntaxError

    from moonlet.stdlib._checks import check_str

    from . import sched

    stack = [entry]
    libs = {}
    loaders = module_loaders()

    def require(name=NOARG, *_):
        name = check_str(name, 1, "require")
        cur = stack[-1]
        loaded = package["loaded"]
        if name in cur.modules:
            v = loaded[name]
            if v is not None:
                return v
            load = loaders.get(name)
            if load is None:
                raise LuaError("module '%s' not found" % name)
            proc = sched.CUR.proc
            v = load(g, proc.node.template)
            loaded[name] = v
            return v
        lib_id = cur.imports.get(name)
        if lib_id is None:
            raise LuaError(
                "module '%s' not found: not in the modules or imports of entry %s"
                % (name, cur.id)
            )
        if lib_id in libs:
            return libs[lib_id]
        lib = app.entry(lib_id)
        if lib is None or getattr(lib, "kind", None) != "library.lua":
            raise LuaError(
                "module '%s' not found: no library entry %s" % (name, lib_id)
            )
        stack.append(lib)
        try:
            try:
                fn = lib.chunk(g)
            except LuaSyntaxError as e:
                raise LuaError("error loading module '%s': %s" % (name, e.message))
            except OSError as e:
                raise LuaError(
                    "error loading module '%s': %s" % (name, e.strerror or e)
                )
            r = fn(name)
        finally:
            stack.pop()
        if r.__class__ is tuple or type(r).__name__ == "Multi":
            r = r[0] if r else None
        if r is None:
            r = True
        libs[lib_id] = r
        return r

    return require


def load_app(root):
    """The App of a folder (raises AppError)."""
    return App(root)
