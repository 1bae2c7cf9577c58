"""The `moonlet` command.

    moonlet run [options] script.lua [args]   like `lua5.4 script.lua args`
        -e CODE   run CODE first        -l MOD   require MOD first
        -v        print the version     --debug  show Python tracebacks
        -W        turn warnings on
        --python PY     compile here, then run the program under the Python
                        PY (e.g. pypy3) with the runtime only (moonlet/launch.py)
        --actors        run the script as the root process of the actor
                        runtime (globals process and channel, require("time"))
        --virtual-time  the same, with a virtual clock: sleeps and timers
                        take no real time
    moonlet run [--debug] [--virtual-time] [--python PY] APP_DIR ENTRY [args]
        run ENTRY (e.g. app:main) of the app folder APP_DIR as the root
        process (entries from its _index.yaml files, or a/b/c.lua is a.b:c)
    moonlet test [--debug] [--real-time] [--python PY] APP_DIR
        run every entry with meta.type test (on a virtual clock unless
        --real-time): PASS/FAIL per entry, then "N passed, M failed"
    moonlet compile DIR -o OUT [--name PKG] [--plain] [-q] [-j N]
        write a Python package: every DIR/a/b.lua becomes module OUT/a/b.py;
        run one with `python -m OUT run a.b [args]`, an app entry with
        `python -m OUT run app:main [args]` (see moonlet/package.py)

A Lua error ends the program with its message and a Lua traceback on
stderr and exit status 1; Ctrl-C ends it with status 130. Python
tracebacks are shown only with --debug.
"""

import os
import shlex
import sys

from moonlet.runtime import script as lua_script

USAGE = """usage: moonlet run [--debug] [--actors|--virtual-time] [-e CODE] [-l MOD] [-v] [-W]
                   [--python PY] [script [args]]
       moonlet run [--debug] [--virtual-time] [--python PY] APP_DIR ENTRY [args]
       moonlet test [--debug] [--real-time] [--python PY] APP_DIR
       moonlet compile DIR -o OUT [--name PKG] [--plain] [-q] [-j N]
"""

VERSION_TEXT = "Lua 5.4 on moonlet %s (Python %s)"

# Set by moonlet.launch in a program run under another Python (`--python`):
# {"interpreter": the command that ran moonlet, "apps": {folder: the
# _index.yaml data the first Python read, or an AppError message}}.
CHILD = None


def python_option(args, i):
    """(value, next index) if args[i] is `--python PY` or `--python=PY`,
    else None."""
    a = args[i]
    if a.startswith("--python="):
        return a[len("--python=") :], i + 1
    if a == "--python":
        return (args[i + 1] if i + 1 < len(args) else None), i + 2
    return None


def run_script(args):
    debug = False
    actions = []
    script = None
    rest = []
    i = 0
    show_version = False
    warnings_on = False
    actors = None
    python = None
    while i < len(args):
        a = args[i]
        opt = python_option(args, i)
        if opt is not None:
            python, i = opt
            if python is None:
                sys.stderr.write("moonlet: '--python' needs argument\n%s" % USAGE)
                return 1
            continue
        if a == "--debug":
            debug = True
        elif a == "--actors":
            actors = "real"
        elif a == "--virtual-time":
            actors = "virtual"
        elif a == "-v":
            show_version = True
        elif a == "-W":
            warnings_on = True
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
    if python is not None and CHILD is None:
        from moonlet import launch

        return launch.run_elsewhere(python, ["run"] + args, script, rest, actions)
    if warnings_on:
        from moonlet.stdlib import baselib

        baselib.lua_warn("@on")
    if show_version:
        from moonlet import __version__

        print(VERSION_TEXT % (__version__, sys.version.split()[0]))
        if script is None and not actions:
            return 0

    if script is not None and script != "-" and os.path.isdir(script):
        if actions:
            sys.stderr.write("moonlet: -e and -l do not apply to an app\n")
            return 1
        if not rest:
            sys.stderr.write("moonlet: run %s needs an entry ID\n%s" % (script, USAGE))
            return 1
        return lua_script.in_big_stack(
            lambda: run_app(script, rest[0], rest[1:], debug, actors == "virtual")
        )

    # lua.c's arg table: the interpreter and its options at negative
    # indices. The interpreter is the command that runs moonlet again.
    if CHILD is not None:
        interpreter = CHILD["interpreter"]
    else:
        interpreter = "%s -m moonlet.cli run" % shlex.quote(sys.executable)
    pre_args = [interpreter] + args[:i]

    def body():
        if actors is not None:
            return _run_actors(script, rest, actions, debug, actors == "virtual")
        return _run(script, rest, actions, debug, pre_args)

    return lua_script.in_big_stack(body)


def _run(script_name, rest, actions, debug, pre_args=()):
    from moonlet.compiler.errors import LuaSyntaxError
    from moonlet.runtime import loader
    from moonlet.runtime.state import new_state
    from moonlet.stdlib.baselib import read_source, source_error

    lua_string = lua_script.lua_string
    arg0 = lua_string(script_name) if script_name is not None else "moonlet"
    rest = [lua_string(a) for a in rest]
    g = new_state(arg0, rest, [lua_string(a) for a in pre_args])

    def body():
        try:
            for kind, val in actions:
                if kind == "-e":
                    fn = loader.load_lua(lua_string(val), "=(command line)", g)
                    fn()
                else:
                    g["require"](lua_string(val))
            if script_name is not None:
                if script_name == "-":
                    source = sys.stdin.buffer.read().decode("latin-1")
                    name = "=stdin"
                else:
                    try:
                        source = read_source(script_name)
                    except OSError as e:
                        lua_script.write_err("moonlet: %s\n" % source_error(arg0, e))
                        return 1
                    name = "@" + arg0
                fn = loader.load_lua(source, name, g)
                fn(*rest)
        except LuaSyntaxError as e:
            lua_script.write_err("moonlet: %s\n" % e.message)
            return 1
        return 0

    return lua_script.run_protected(body, debug)


def _run_actors(script_name, rest, actions, debug, virtual):
    """Run the script as the root process of a node whose entries are the
    .lua files of the script's folder ("a.b:c" is a/b/c.lua)."""
    import os

    from moonlet.runtime.node import FolderEntries, Node, ScriptEntry
    from moonlet.stdlib.baselib import read_source, source_error

    lua_string = lua_script.lua_string
    arg0 = lua_string(script_name) if script_name is not None else "moonlet"
    rest = [lua_string(a) for a in rest]
    actions = [(kind, lua_string(val)) for kind, val in actions]
    source = name = None
    folder = "."
    if script_name == "-":
        source = sys.stdin.buffer.read().decode("latin-1")
        name = "=stdin"
    elif script_name is not None:
        try:
            source = read_source(script_name)
        except OSError as e:
            lua_script.write_err("moonlet: %s\n" % source_error(arg0, e))
            return 1
        name = "@" + arg0
        folder = os.path.dirname(script_name) or "."
    stem = os.path.splitext(os.path.basename(script_name or "stdin"))[0]
    node = Node(virtual=virtual, resolver=FolderEntries(folder))
    node.debug = debug
    entry = ScriptEntry(":" + stem, source, name, arg0, rest, actions)
    return lua_script.run_protected(lambda: node.run(entry, rest), debug)


def _load_app(folder):
    from moonlet.runtime.apps import App, AppError

    try:
        if CHILD is not None and folder in CHILD["apps"]:
            indexes = CHILD["apps"][folder]
            if isinstance(indexes, str):
                raise AppError(indexes)
            return App(folder, indexes)
        return App(folder)
    except AppError as e:
        lua_script.write_err("moonlet: %s\n" % e)
        return None


def run_app(folder, entry_id, rest, debug=False, virtual=False):
    """Run an entry of an app folder as the root process; exit status."""
    from moonlet.runtime.apps import run_entry

    app = _load_app(folder)
    if app is None:
        return 1
    args = [lua_script.lua_string(a) for a in rest]
    return run_entry(app, entry_id, args, debug, virtual)


def test_app(args):
    """moonlet test [--real-time] [--debug] APP_DIR: run every entry with
    meta.type test (runtime.apps.run_tests)."""
    from moonlet.runtime.apps import parse_test_options, run_tests

    python = None
    i = 0
    while i < len(args):
        opt = python_option(args, i)
        if opt is None:
            i += 1
            continue
        python, j = opt
        if python is None:
            sys.stderr.write("moonlet: '--python' needs argument\n%s" % USAGE)
            return 1
        args = args[:i] + args[j:]
    debug, virtual, rest = parse_test_options(args)
    folders = [a for a in rest if not a.startswith("-")]
    unexpected = [a for a in rest if a.startswith("-")] + folders[1:]
    if unexpected:
        sys.stderr.write(
            "moonlet: unexpected argument '%s'\n%s" % (unexpected[0], USAGE)
        )
        return 1
    if not folders:
        sys.stderr.write("moonlet: test needs an app folder\n%s" % USAGE)
        return 1
    if python is not None and CHILD is None:
        from moonlet import launch

        return launch.run_elsewhere(python, ["test"] + args, app=folders[0])
    app = _load_app(folders[0])
    if app is None:
        return 1
    return lua_script.in_big_stack(lambda: run_tests(app, debug, virtual))


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        sys.stdout.write(USAGE)
        return 0 if argv else 1
    cmd = argv[0]
    if cmd == "run":
        return run_script(argv[1:])
    if cmd == "test":
        return test_app(argv[1:])
    if cmd == "compile":
        from moonlet import package

        return package.main(argv[1:])
    sys.stderr.write("moonlet: unknown command '%s'\n%s" % (cmd, USAGE))
    return 1


if __name__ == "__main__":
    sys.exit(main())
