"""The run-time side of a package written by `moonlet compile`.

    python -m PKG run [--debug] NAME [args]   NAME: "a.b" or "a/b.lua"
    python -m PKG run [--debug] [--virtual-time] ENTRY [args]
                                              an app entry ("app:main")
    python -m PKG test [--debug] [--real-time]   the app's test entries
    python -m PKG list                        the app's entries, or the Lua
                                              module names

Rules:
- Imports only the runtime and the standard library: a compiled package runs
  without the compiler, luaparser or black (only `load` of new source text
  needs them).
- The package's `_moonlet_manifest.json` maps each Lua module name ("a.b") to
  its Python module ("a.b", or a safe name when a folder or file name is not
  a Python identifier), and each source path ("a/b.lua") to its entry.
- Modules are imported relative to the package's real name, so a package
  still works when its folder is renamed.
- `require` finds the package's modules first (a searcher in
  baselib.STATE["searchers"]), then package.path as usual; "a" also finds
  "a/init.lua", like Lua's "./?/init.lua".
- Each module defines `lua_chunk(_ENV)`, which returns the chunk's main
  function; Lua positions come from its banner and "# L<n>" markers, read
  from the imported file by runtime.frames.
- The manifest's "app" holds the parsed _index.yaml files of the compiled
  folder ("indexes": [[yaml path, data]], paths relative to the folder):
  PackageApp is runtime.apps.App over them, with the compiled modules in
  place of the source files, so `run ENTRY` and `test` behave like
  `moonlet run APP ENTRY` and `moonlet test APP` (same require limits,
  hosts, exit statuses; messages start with the package name). With no
  _index.yaml, every a/b/c.lua is the entry "a.b:c". A NAME with a ":" is
  an entry ID.
"""

import importlib
import json
import os
import pkgutil
import sys
import warnings

from . import script
from .apps import App, AppEntry, AppError, parse_test_options, run_entry, run_tests
from .node import Entry, FolderEntries

MANIFEST = "_moonlet_manifest.json"
USAGE = (
    "usage: python -m %(p)s run [--debug] NAME [args]   (NAME: a.b or a/b.lua)\n"
    "       python -m %(p)s run [--debug] [--virtual-time] ENTRY [args]\n"
    "                                  (an app entry, e.g. app:main)\n"
    "       python -m %(p)s test [--debug] [--real-time]   (the test entries)\n"
    "       python -m %(p)s list          (the entries, or the Lua module names)\n"
)


class Package:
    """The modules of one compiled package."""

    def __init__(self, pkgname, manifest):
        self.pkgname = pkgname
        self.name = manifest.get("name") or pkgname
        self.modules = manifest["modules"]  # Lua name -> Python module
        self.files = manifest["files"]  # source path -> entry
        self._paths = {e["module"]: path for path, e in self.files.items()}
        app = manifest.get("app") or {}
        self.indexes = [(path, data) for path, data in app.get("indexes", ())]

    def find(self, name):
        """(Python module, source path) of a Lua module name or a source
        path, or None."""
        if name.endswith(".lua") or "/" in name or "\\" in name:
            path = name.replace("\\", "/")
            while path.startswith("./"):
                path = path[2:]
            entry = self.files.get(path)
            if entry is None:
                return None
            return entry["module"], script.lua_string(path)
        for key in (name, name + ".init"):
            pymod = self.modules.get(key)
            if pymod is not None:
                return pymod, script.lua_string(self._paths.get(pymod, pymod))
        return None

    def load(self, pymod, env):
        """The main function of a module's chunk, with `env` as its _ENV."""
        with warnings.catch_warnings():
            # `None["x"]` is legal generated code for Lua's `(nil).x`.
            warnings.simplefilter("ignore", SyntaxWarning)
            mod = importlib.import_module("%s.%s" % (self.pkgname, pymod))
        return mod.lua_chunk(env)

    def has_source(self, path):
        """True if source path `path` ("a/b.lua") was compiled."""
        return path.replace(os.sep, "/") in self.files

    def load_source(self, path, env):
        """The main function of the chunk of source path `path`."""
        return self.load(self.files[path.replace(os.sep, "/")]["module"], env)

    def searcher(self, name):
        """A require searcher: (loader, source path) or None."""
        found = self.find(name)
        if found is None:
            return None
        from moonlet.stdlib.baselib import STATE

        pymod, path = found
        return self.load(pymod, STATE["globals"]), path


# Apps.


class CompiledChunk:
    """An entry whose chunk is the compiled module of its source path."""

    def chunk(self, env):
        return self.pkg.load_source(self.path, env)


class PackageEntry(CompiledChunk, Entry):
    """A file of a package without _index.yaml as an entry (method main)."""

    def __init__(self, pkg, id, path):
        Entry.__init__(self, id)
        self.pkg = pkg
        self.path = path


class PackageAppEntry(CompiledChunk, AppEntry):
    """A declared entry of a compiled app."""

    def __init__(self, pkg, *args):
        AppEntry.__init__(self, *args)
        self.pkg = pkg


class PackageFolder(FolderEntries):
    """The zero-config entries of a package: "a.b:c" is its a/b/c.lua."""

    def __init__(self, pkg):
        FolderEntries.__init__(self, "")
        self.pkg = pkg

    def exists(self, path):
        return self.pkg.has_source(path)

    def make_entry(self, entry_id, path):
        return PackageEntry(self.pkg, entry_id, path)


class PackageApp(App):
    """The app compiled into a package (see the module rules)."""

    def __init__(self, pkg):
        self.pkg = pkg
        App.__init__(self, "", pkg.indexes)

    def source_exists(self, path):
        return self.pkg.has_source(path)

    def make_entry(self, *args):
        return PackageAppEntry(self.pkg, *args)

    def folder_entries(self):
        return PackageFolder(self.pkg)


_packages = {}


def open_package(pkgname):
    """The Package of an importable compiled package (cached)."""
    pkg = _packages.get(pkgname)
    if pkg is None:
        data = pkgutil.get_data(pkgname, MANIFEST)
        if data is None:
            raise OSError("no %s in package %s" % (MANIFEST, pkgname))
        pkg = Package(pkgname, json.loads(data.decode("utf-8")))
        _packages[pkgname] = pkg
    return pkg


def install(pkg):
    """Let `require` find the modules of `pkg` before package.path."""
    from moonlet.stdlib.baselib import STATE

    searchers = [s for s in STATE.get("searchers", ()) if s != pkg.searcher]
    STATE["searchers"] = [pkg.searcher] + searchers


def new_state(pkgname, script_name=None, script_args=()):
    """A fresh Lua state (the current one) whose `require` finds the modules
    of package `pkgname`."""
    from .state import new_state as fresh_state

    pkg = open_package(pkgname)
    g = fresh_state(script_name, script_args)
    install(pkg)
    return g


def run(pkgname, name, args=(), debug=False):
    """Run module `name` of package `pkgname` as a script with arguments
    `args` (like `moonlet run a/b.lua args`); return the exit status."""
    try:
        pkg = open_package(pkgname)
    except (OSError, ValueError, KeyError) as e:
        sys.stderr.write("%s: cannot open package: %s\n" % (pkgname, e))
        return 1
    prog = pkg.name
    found = pkg.find(name) or pkg.find(script.lua_string(name))
    if found is None:
        sys.stderr.write("%s: no module '%s' in package %s\n" % (prog, name, prog))
        return 1
    sys.setrecursionlimit(script.RECURSION_LIMIT)
    args = [script.lua_string(a) for a in args]
    g = new_state(pkgname, script.lua_string(name), args)

    def body():
        fn = pkg.load(found[0], g)
        fn(*args)

    return script.run_protected(body, debug, prog)


def open_app(pkgname):
    """(Package, PackageApp) of a compiled package, or None after saying
    why not on stderr."""
    try:
        pkg = open_package(pkgname)
        return pkg, PackageApp(pkg)
    except (OSError, ValueError, KeyError, AppError) as e:
        sys.stderr.write("%s: cannot open package: %s\n" % (pkgname, e))
        return None


def run_app(pkgname, entry_id, args=(), debug=False, virtual=False):
    """Run app entry `entry_id` of package `pkgname` as the root process
    (like `moonlet run APP ENTRY args`); return the exit status."""
    opened = open_app(pkgname)
    if opened is None:
        return 1
    pkg, app = opened
    install(pkg)  # plain require in zero-config entries finds the modules
    args = [script.lua_string(a) for a in args]
    return run_entry(app, entry_id, args, debug, virtual, pkg.name)


def test_app(pkgname, debug=False, virtual=True):
    """Run the test entries of package `pkgname` (like `moonlet test APP`)."""
    opened = open_app(pkgname)
    if opened is None:
        return 1
    pkg, app = opened
    install(pkg)
    return run_tests(app, debug, virtual, pkg.name)


def list_package(pkgname):
    """Print the app's entries ("ID<tab>kind", "<tab>test" for tests), or
    the Lua module names of a package without _index.yaml."""
    opened = open_app(pkgname)
    if opened is None:
        return 1
    pkg, app = opened
    if not app.entries:
        for name in sorted(pkg.modules):
            # Lua names hold the file names' bytes: show them as the OS does.
            sys.stdout.write(os.fsdecode(name.encode("latin-1")) + "\n")
        return 0
    tests = {e.id for e in app.tests()}
    for eid in sorted(app.entries):
        mark = "\ttest" if eid in tests else ""
        sys.stdout.write("%s\t%s%s\n" % (eid, app.entries[eid].kind, mark))
    return 0


def main(pkgname, argv):
    """`python -m PKG ...`: the command line of a compiled package."""
    usage = USAGE % {"p": pkgname}
    if not argv or argv[0] in ("-h", "--help"):
        sys.stdout.write(usage)
        return 0 if argv else 1
    cmd, args = argv[0], argv[1:]
    if cmd == "list":
        return list_package(pkgname)
    if cmd == "test":
        debug, virtual, rest = parse_test_options(args)
        if rest:
            sys.stderr.write("%s: unexpected argument '%s'\n" % (pkgname, rest[0]))
            sys.stderr.write(usage)
            return 1
        return script.in_big_stack(lambda: test_app(pkgname, debug, virtual), pkgname)
    if cmd != "run":
        sys.stderr.write("%s: unknown command '%s'\n" % (pkgname, cmd))
        sys.stderr.write(usage)
        return 1
    debug = virtual = False
    while args and args[0] in ("--debug", "--virtual-time", "--"):
        a, args = args[0], args[1:]
        if a == "--":
            break
        if a == "--debug":
            debug = True
        else:
            virtual = True
    if not args:
        sys.stderr.write(usage)
        return 1
    name, rest = args[0], args[1:]
    if ":" in name:
        return script.in_big_stack(
            lambda: run_app(pkgname, name, rest, debug, virtual), pkgname
        )
    if virtual:
        sys.stderr.write("%s: --virtual-time runs app entries only\n" % pkgname)
        return 1
    return script.in_big_stack(lambda: run(pkgname, name, rest, debug), pkgname)
