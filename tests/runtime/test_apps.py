"""App folders: _index.yaml entries, hosts, the zero-config convention,
require limited to modules/imports, `moonlet run APP ENTRY` and `moonlet
test APP` exit codes and output."""

import io
import os
import subprocess
import sys
import textwrap

import pytest

from moonlet.runtime.apps import App, AppError, parse_index


def write(root, files):
    for name, text in files.items():
        path = os.path.join(str(root), name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(textwrap.dedent(text))


def run_entry(root, entry_id, args=()):
    """(status, stdout, stderr) of an app entry run in-process on a
    virtual clock."""
    app = App(str(root))
    entry = app.runnable(entry_id)
    assert entry is not None, entry_id
    out = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    err = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    saved = sys.stdout, sys.stderr, os.getcwd()
    sys.stdout, sys.stderr = out, err
    os.chdir(str(root))
    try:
        node = app.new_node(virtual=True)
        status = node.run(entry, list(args))
    finally:
        from moonlet.stdlib.iolib import flush_all

        flush_all()
        sys.stdout, sys.stderr = saved[0], saved[1]
        os.chdir(saved[2])
    out.flush()
    err.flush()
    return (
        status,
        out.buffer.getvalue().decode("latin-1"),
        err.buffer.getvalue().decode("latin-1"),
    )


def cli(*args, cwd=None):
    p = subprocess.run(
        [sys.executable, "-m", "moonlet.cli"] + list(args),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    return p.returncode, p.stdout.decode("latin-1"), p.stderr.decode("latin-1")


BASIC = {
    "_index.yaml": """
        version: "1.0"
        namespace: app
        entries:
          - name: main
            kind: process.lua
            source: file://main.lua
            method: start
            modules: [time, json]
            imports:
              util: app.lib:util
          - name: worker
            kind: process.lua
            source: file://worker.lua
            modules: [time]
          - name: fn
            kind: function.lua
            source: file://worker.lua
            method: main
          - name: jobs
            kind: process.host
            host: {workers: 2}
          - name: svc
            kind: process.service
            process: app:worker
            host: app:processes
        """,
    "lib/_index.yaml": """
        namespace: app.lib
        entries:
          - name: util
            kind: library.lua
            source: file://util.lua
            modules: [json]
            imports:
              deep: app.lib:deep
          - name: deep
            kind: library.lua
            source: file://deep.lua
        """,
    "lib/util.lua": """
        local json = require("json")
        local deep = require("deep")
        loads = (loads or 0) + 1
        return { enc = json.encode, twice = deep.twice, name = ... }
        """,
    "lib/deep.lua": """
        local ok = pcall(require, "json")
        return { twice = function(x) return x * 2 end, json_ok = ok }
        """,
    "worker.lua": """
        local function main(x)
            return (x or 1) + 1
        end
        return { main = main }
        """,
    "main.lua": """
        local util = require("util")
        local again = require("util")
        local function start(...)
            print("args", ...)
            print(util == again, loads, util.name, util.twice(21), util.enc({1, 2}))
            print(pcall(require, "deep"))
            print(pcall(require, "string"))
            print(process.id())
            print(process.spawn("app:nope", "app:processes"))
            print(process.spawn("app:worker", "app:nohost"))
            print(process.spawn("app:fn", "app:processes"))
            print(process.spawn("app.lib:util", "app:processes"))
            print(process.spawn("app:worker", "app:jobs") ~= nil)
            print(process.exec("app:worker", "app:processes", 41))
            return 0
        end
        return { start = start }
        """,
}


def test_yaml_entries_and_kinds(tmp_path):
    write(tmp_path, BASIC)
    app = App(str(tmp_path))
    assert sorted(app.entries) == [
        "app.lib:deep",
        "app.lib:util",
        "app:fn",
        "app:jobs",
        "app:main",
        "app:svc",
        "app:worker",
    ]
    main = app.entries["app:main"]
    assert main.kind == "process.lua" and main.method == "start"
    assert main.modules == ("time", "json")
    assert main.imports == {"util": "app.lib:util"}
    assert app.entries["app:worker"].method == "main"
    assert app.entries["app.lib:util"].path == os.path.join(
        str(tmp_path), "lib", "util.lua"
    )
    assert app.hosts == {"app:processes", "app:jobs"}
    assert app.resolve_process("app:worker") is not None
    assert app.resolve_process("app:fn") is None  # not spawnable
    assert app.runnable("app:fn") is not None
    assert app.runnable("app.lib:util") is None
    assert app.runnable("app:svc") is None


def test_run_entry_modules_imports_and_errors(tmp_path):
    write(tmp_path, BASIC)
    status, out, err = run_entry(tmp_path, "app:main", ["a", "b"])
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "args\ta\tb",
        "true\t1\tutil\t42\t[1,2]",
        "false\tmodule 'deep' not found: not in the modules or imports of entry app:main",
        "false\tmodule 'string' not found: not in the modules or imports of entry app:main",
        "app:main",
        "nil\tfactory not found",
        "nil\thost not found",
        "nil\tfactory not found",
        "nil\tfactory not found",
        "true",
        "42",
    ]


def test_library_requires_with_its_own_lists(tmp_path):
    write(tmp_path, BASIC)
    write(
        tmp_path,
        {
            "main.lua": """
                local deep_ok = require("util") and nil
                return { start = function()
                    -- deep.lua ran under deep's (empty) lists: json refused
                    local u = require("util")
                    print(u.twice(2))
                end }
                """,
            "lib/deep.lua": """
                print("deep sees json:", (pcall(require, "json")))
                return { twice = function(x) return x * 2 end }
                """,
        },
    )
    status, out, _ = run_entry(tmp_path, "app:main")
    assert status == 0
    assert out == "deep sees json:\tfalse\n4\n"


def test_unlisted_module_in_spawned_process(tmp_path):
    write(
        tmp_path,
        {
            "_index.yaml": """
                namespace: app
                entries:
                  - name: main
                    kind: process.lua
                    source: file://main.lua
                    modules: [time]
                  - name: w
                    kind: process.lua
                    source: file://w.lua
                """,
            "w.lua": """
                local time = require("time")
                return { main = function() end }
                """,
            "main.lua": """
                return { main = function()
                    print(process.spawn("app:w", "app:processes"))
                end }
                """,
        },
    )
    status, out, _ = run_entry(tmp_path, "app:main")
    assert status == 0
    assert out.startswith("nil\t")
    assert "module 'time' not found" in out and "app:w" in out


def test_zero_config_folder(tmp_path):
    write(
        tmp_path,
        {
            "a/b/c.lua": """
                return { main = function(x) return x * 3 end }
                """,
            "main.lua": """
                return { main = function(n)
                    print(process.exec("a.b:c", "app:processes", tonumber(n)))
                    print(require("string") == string)
                end }
                """,
        },
    )
    app = App(str(tmp_path))
    assert app.folder is not None and app.entries == {}
    assert app.runnable("a.b:c") is not None
    status, out, _ = run_entry(tmp_path, ":main", ["5"])
    assert (status, out) == (0, "15\ntrue\n")


@pytest.mark.parametrize(
    "text, message",
    [
        ("entries: []", "namespace is missing"),
        ("namespace: app\nentries: {a: 1}", "entries must be a list"),
        ("namespace: app\nentries:\n  - kind: process.lua", "name is missing"),
        ("namespace: app\nentries:\n  - name: x", "entry x: kind is missing"),
        (
            "namespace: app\nentries:\n  - {name: x, kind: process.lua}",
            "entry x: source is missing",
        ),
        (
            "namespace: app\nentries:\n  - {name: x, kind: process.lua, source: x.lua}",
            "source must be a file:// path",
        ),
        (
            "namespace: app\nentries:\n  - {name: x, kind: process.lua, source: file://no.lua}",
            "source file not found: no.lua",
        ),
        (
            "namespace: app\nentries:\n  - {name: x, kind: library.lua, "
            "source: file://ok.lua, imports: [a]}",
            "imports must map names to entry IDs",
        ),
    ],
)
def test_bad_index(tmp_path, text, message):
    write(tmp_path, {"_index.yaml": text, "ok.lua": "return {}"})
    with pytest.raises(AppError) as e:
        App(str(tmp_path))
    assert message in str(e.value)


def test_duplicate_entry(tmp_path):
    entry = "namespace: app\nentries:\n  - {name: x, kind: process.host}\n"
    write(tmp_path, {"_index.yaml": entry, "sub/_index.yaml": entry})
    with pytest.raises(AppError, match="declared twice"):
        App(str(tmp_path))


def test_parse_index_empty_file():
    assert parse_index("x/_index.yaml", None) == []


# The command line.

CLI_APP = {
    "_index.yaml": """
        namespace: app
        entries:
          - name: main
            kind: process.lua
            source: file://main.lua
            modules: [time]
          - name: boom
            kind: process.lua
            source: file://main.lua
            method: boom
            modules: [time]
          - name: soft
            kind: process.lua
            source: file://main.lua
            method: soft
            modules: [time]
        """,
    "tests/_index.yaml": """
        namespace: app.test
        entries:
          - {name: a_ok, kind: function.lua, source: file://t.lua, method: ok,
             meta: {type: test}}
          - {name: b_false, kind: function.lua, source: file://t.lua, method: nope,
             meta: {type: test}}
          - {name: c_err, kind: function.lua, source: file://t.lua, method: err,
             meta: {type: test}}
          - {name: d_ret_err, kind: process.lua, source: file://t.lua, method: ret,
             meta: {type: test}}
          - {name: e_nil, kind: function.lua, source: file://t.lua, method: none,
             meta: {type: test}}
          - {name: helper, kind: function.lua, source: file://t.lua, method: nope}
        """,
    "tests/t.lua": """
        return {
            ok = function() return true end,
            nope = function() return false end,
            err = function() error("kaput") end,
            ret = function() return nil, "bad result" end,
            none = function() end,
        }
        """,
    "main.lua": """
        local time = require("time")
        return {
            main = function(...)
                time.sleep("5s")
                print("main", select("#", ...), ...)
            end,
            boom = function() error("boom!") end,
            soft = function() return nil, errors.new("soft failure") end,
        }
        """,
}


def test_cli_run_app(tmp_path):
    write(tmp_path, CLI_APP)
    st, out, err = cli("run", "--virtual-time", str(tmp_path), "app:main", "x", "y")
    assert (st, out, err) == (0, "main\t2\tx\ty\n", "")


def test_cli_run_app_failures(tmp_path):
    write(tmp_path, CLI_APP)
    st, out, err = cli("run", ".", "app:boom", cwd=str(tmp_path))
    assert st == 1 and out == ""
    assert err.startswith("moonlet: main.lua:8: boom!\nstack traceback:\n")
    assert "Traceback" not in err
    st, out, err = cli("run", ".", "app:soft", cwd=str(tmp_path))
    assert (st, out) == (1, "")
    assert err.startswith("moonlet: soft failure")
    st, out, err = cli("run", ".", "app:nope", cwd=str(tmp_path))
    assert (st, err) == (1, "moonlet: app:nope: factory not found\n")
    st, out, err = cli("run", ".", cwd=str(tmp_path))
    assert st == 1 and "needs an entry ID" in err


def test_cli_run_bad_yaml(tmp_path):
    write(tmp_path, {"_index.yaml": "namespace: [\n"})
    st, out, err = cli("run", str(tmp_path), "app:main")
    assert st == 1 and err.startswith("moonlet: ") and "_index.yaml" in err


def test_cli_test(tmp_path):
    write(tmp_path, CLI_APP)
    st, out, err = cli("test", ".", cwd=str(tmp_path))
    assert st == 1
    assert out.splitlines() == [
        "PASS app.test:a_ok",
        "FAIL app.test:b_false: returned false",
        "FAIL app.test:c_err: tests/t.lua:5: kaput",
        "FAIL app.test:d_ret_err: bad result",
        "PASS app.test:e_nil",
        "2 passed, 3 failed",
    ]
    assert "kaput" in err


def test_cli_test_all_pass(tmp_path):
    write(
        tmp_path,
        {
            "_index.yaml": """
                namespace: app
                entries:
                  - {name: t, kind: function.lua, source: file://t.lua,
                     meta: {type: test}, modules: [time]}
                """,
            "t.lua": """
                local time = require("time")
                return { main = function() time.sleep("1h") return 1 end }
                """,
        },
    )
    st, out, err = cli("test", str(tmp_path))
    assert (st, out) == (0, "PASS app:t\n1 passed, 0 failed\n")
    st, out, err = cli("test")
    assert st == 1 and "needs an app folder" in err


def test_cli_script_still_runs(tmp_path):
    write(tmp_path, {"s.lua": "print(#arg, arg[1])"})
    st, out, err = cli("run", "s.lua", "q", cwd=str(tmp_path))
    assert (st, out, err) == (0, "1\tq\n", "")
