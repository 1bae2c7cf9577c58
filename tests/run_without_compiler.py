"""Run a compiled package like `python -m PKG ARGS`, with moonlet's compiler
and its dependencies blocked (the tests' check that a package needs only
the runtime):

    python tests/run_without_compiler.py PKG_DIR [ARGS]

The exit status is the package's, or 99 when a blocked module got loaded
anyway (their names go to stderr)."""

import os
import runpy
import sys

BLOCKED = ("moonlet.compiler", "luaparser", "black", "antlr4")


class Block:
    def find_spec(self, name, path=None, target=None):
        if name.startswith(BLOCKED):
            raise ImportError("blocked: " + name)
        return None


def main(argv):
    pkg_dir = os.path.abspath(argv[0])
    name = os.path.basename(pkg_dir)
    sys.path.insert(0, os.path.dirname(pkg_dir))
    sys.meta_path.insert(0, Block())
    sys.argv = [name] + argv[1:]
    try:
        runpy.run_module(name, run_name="__main__", alter_sys=True)
        status = 0
    except SystemExit as e:
        status = e.code
    loaded = [m for m in sys.modules if m.startswith(BLOCKED)]
    if loaded:
        sys.stderr.write("compiler modules loaded: %r\n" % loaded)
        return 99
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
