"""The run-time side of a package written by `moonlet compile`.

    python -m PKG run [--debug] NAME [args]   NAME: "a.b" or "a/b.lua"
    python -m PKG list                        the Lua module names

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
"""

import importlib
import json
import os
import pkgutil
import sys
import warnings

from . import script

MANIFEST = "_moonlet_manifest.json"
USAGE = (
    "usage: python -m %s run [--debug] NAME [args]   (NAME: a.b or a/b.lua)\n"
    "       python -m %s list                        (the Lua module names)\n"
)


class Package:
    """The modules of one compiled package."""

    def __init__(self, pkgname, manifest):
        self.pkgname = pkgname
        self.name = manifest.get("name") or pkgname
        self.modules = manifest["modules"]  # Lua name -> Python module
        self.files = manifest["files"]  # source path -> entry
        self._paths = {e["module"]: path for path, e in self.files.items()}

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

    def searcher(self, name):
        """A require searcher: (loader, source path) or None."""
        found = self.find(name)
        if found is None:
            return None
        from moonlet.stdlib.baselib import STATE

        pymod, path = found
        return self.load(pymod, STATE["globals"]), path


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


def main(pkgname, argv):
    """`python -m PKG ...`: the command line of a compiled package."""
    if not argv or argv[0] in ("-h", "--help"):
        sys.stdout.write(USAGE % (pkgname, pkgname))
        return 0 if argv else 1
    if argv[0] == "list":
        pkg = open_package(pkgname)
        for name in sorted(pkg.modules):
            # Lua names hold the file names' bytes: show them as the OS does.
            sys.stdout.write(os.fsdecode(name.encode("latin-1")) + "\n")
        return 0
    if argv[0] != "run":
        sys.stderr.write("%s: unknown command '%s'\n" % (pkgname, argv[0]))
        sys.stderr.write(USAGE % (pkgname, pkgname))
        return 1
    args = argv[1:]
    debug = False
    while args and args[0] in ("--debug", "--"):
        if args[0] == "--":
            args = args[1:]
            break
        debug = True
        args = args[1:]
    if not args:
        sys.stderr.write(USAGE % (pkgname, pkgname))
        return 1
    name, rest = args[0], args[1:]
    return script.in_big_stack(lambda: run(pkgname, name, rest, debug), pkgname)
