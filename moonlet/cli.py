"""The `moonlet` command.

    moonlet run [options] script.lua [args]   like `lua5.4 script.lua args`
        -e CODE   run CODE first        -l MOD   require MOD first
        -v        print the version     --debug  show Python tracebacks
    moonlet compile DIR -o OUT               write a Python package

A Lua error ends the program with its message and a Lua traceback on
stderr and exit status 1; Ctrl-C ends it with status 130. Python
tracebacks are shown only with --debug.
"""

import os
import sys
import threading

USAGE = """usage: moonlet run [--debug] [-e CODE] [-l MOD] [-v] [script [args]]
       moonlet compile DIR -o OUT
"""

VERSION_TEXT = "Lua 5.4 on moonlet %s (Python %s)"

# Lua calls nest as Python calls; give them room, like Lua's own limits.
RECURSION_LIMIT = 260000
STACK_SIZE = 1024 * 1024 * 1024


def _in_big_stack(fn):
    """Run fn() in a thread with a large C stack; return its result."""
    result = []

    def target():
        result.append(fn())

    old = threading.stack_size()
    try:
        threading.stack_size(STACK_SIZE)
    except (ValueError, RuntimeError):  # pragma: no cover - platform limits
        pass
    t = threading.Thread(target=target, name="lua-main", daemon=True)
    t.start()
    threading.stack_size(old)
    try:
        while t.is_alive():
            t.join(0.05)
    except KeyboardInterrupt:
        sys.stderr.write("moonlet: interrupted!\n")
        _flush()
        os._exit(130)
    return result[0] if result else 1


def _flush():
    try:
        from moonlet.stdlib.iolib import flush_all

        flush_all()
    except ImportError:  # pragma: no cover
        pass
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass


def _report(err, debug):
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
    sys.stderr.write("moonlet: %s\n" % msg)
    if err.lua_traceback:
        sys.stderr.write(err.lua_traceback + "\n")
    if debug and err.__cause__ is not None:
        import traceback

        traceback.print_exception(
            type(err.__cause__), err.__cause__, err.__cause__.__traceback__
        )


def run_script(args):
    debug = False
    actions = []
    script = None
    rest = []
    i = 0
    show_version = False
    while i < len(args):
        a = args[i]
        if a == "--debug":
            debug = True
        elif a == "-v":
            show_version = True
        elif a in ("-e", "-l"):
            if i + 1 >= len(args):
                sys.stderr.write("moonlet: '%s' needs argument\n%s" % (a, USAGE))
                return 1
            actions.append((a, args[i + 1]))
            i += 1
        elif a.startswith("-e") or a.startswith("-l"):
            actions.append((a[:2], a[2:]))
        elif a == "--":
            script = args[i + 1] if i + 1 < len(args) else None
            rest = args[i + 2 :]
            break
        elif a == "-":
            script = "-"
            rest = args[i + 1 :]
            break
        elif a.startswith("-"):
            sys.stderr.write("moonlet: unrecognized option '%s'\n%s" % (a, USAGE))
            return 1
        else:
            script = a
            rest = args[i + 1 :]
            break
        i += 1
    if show_version:
        from moonlet import __version__

        print(VERSION_TEXT % (__version__, sys.version.split()[0]))
        if script is None and not actions:
            return 0

    def body():
        return _run(script, rest, actions, debug)

    return _in_big_stack(body)


def _run(script, rest, actions, debug):
    from moonlet.compiler.errors import LuaSyntaxError
    from moonlet.runtime import loader
    from moonlet.runtime.errors import LuaError, LuaExit
    from moonlet.runtime.frames import lua_error_from
    from moonlet.runtime.state import new_state
    from moonlet.stdlib.baselib import read_source

    sys.setrecursionlimit(RECURSION_LIMIT)
    g = new_state(script if script is not None else "moonlet", rest)
    status = 0
    try:
        try:
            for kind, val in actions:
                if kind == "-e":
                    fn = loader.load_lua(val, "=(command line)", g)
                    fn()
                else:
                    g["require"](val)
            if script is not None:
                if script == "-":
                    source = sys.stdin.buffer.read().decode("latin-1")
                    name = "=stdin"
                else:
                    try:
                        source = read_source(script)
                    except OSError:
                        sys.stderr.write("moonlet: cannot open %s\n" % script)
                        return 1
                    name = "@" + script
                fn = loader.load_lua(source, name, g)
                fn(*rest)
        except LuaSyntaxError as e:
            sys.stderr.write("moonlet: %s\n" % e.message)
            status = 1
        except LuaExit as e:
            status = e.code
        except LuaError as e:
            _report(lua_error_from(e), debug)
            status = 1
        except RecursionError as e:
            _report(lua_error_from(e), debug)
            status = 1
        except Exception as e:  # a fast path's Python error, translated
            _report(lua_error_from(e), debug)
            if debug:
                import traceback

                traceback.print_exc()
            status = 1
    finally:
        _flush()
    return status


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        sys.stdout.write(USAGE)
        return 0 if argv else 1
    cmd = argv[0]
    if cmd == "run":
        return run_script(argv[1:])
    if cmd == "compile":
        sys.stderr.write("moonlet: 'compile' is not available in this version yet\n")
        return 2
    sys.stderr.write("moonlet: unknown command '%s'\n%s" % (cmd, USAGE))
    return 1


if __name__ == "__main__":
    sys.exit(main())
