"""The conformance runner itself: TAP parsing, the skip list and line blanking.
These run in the normal test suite (no suite folders needed) and take milliseconds."""

import pytest

import lua_suites as ls


def test_skip_list_is_well_formed():
    skips = ls.load_skips()
    assert skips
    for s in skips:
        assert s.category in ls.SKIP_CATEGORIES
        assert s.reason
        if s.suite == "testes":
            assert s.file in ls.TESTES_FILES, s.file
            if s.part != "*":
                assert s.token
        else:
            assert s.file in ls.HARNESS_FILES, s.file


@pytest.mark.parametrize(
    "line",
    [
        "testes calls.lua * io needs io",  # category outside the three allowed
        "testes calls.lua 10-12 debug no token",
        "testes calls.lua 7 debug",  # no reason
        "harness 301-basic.t 3-4 debug [x] ranges are for testes",
        "other calls.lua * debug unknown suite",
    ],
)
def test_skip_list_rejects(tmp_path, line):
    p = tmp_path / "skips.txt"
    p.write_text("# comment\n" + line + "\n")
    with pytest.raises(ValueError):
        ls.load_skips(p)


def test_skip_list_line_ranges(tmp_path):
    p = tmp_path / "skips.txt"
    p.write_text(
        "testes goto.lua 5 debug [upvalueid] one line\n"
        "testes goto.lua 7-9 gc [while] three lines\n"
    )
    a, b = ls.load_skips(p)
    assert (ls.line_range(a), a.token, a.reason) == ((5, 5), "upvalueid", "one line")
    assert ls.line_range(b) == (7, 9)


def test_blank_lines_keeps_numbering_and_checks_token():
    text = "a\nb = debug.x\nc\nd"
    assert ls.blank_lines(text, [(2, 3, "debug.x")]) == "a\n\n\nd"
    with pytest.raises(ValueError):
        ls.blank_lines(text, [(3, 4, "debug.x")])
    with pytest.raises(ValueError):
        ls.blank_lines(text, [(4, 9, "d")])


def test_parse_tap():
    out = "\n".join(
        [
            "1..7",
            "ok 1 -",
            "ok\t2\t- list",
            "not ok 3 - concat",
            "#     got: 'x'",
            "ok 4 - # skip no io.popen",
            "not ok 5 - later # TODO # not with 5.1",
            "ok 6 - name with # hash",
        ]
    )
    tap = ls.parse_tap(out)
    assert tap.plan == 7
    assert [tap.status(n) for n in tap.numbers()] == [
        "pass", "pass", "fail", "skip", "todo", "pass", "missing"
    ]  # fmt: skip
    assert tap.tests[2] == (True, "list", "")
    assert tap.tests[6][1] == "name with # hash"


def test_parse_tap_skip_all():
    tap = ls.parse_tap("1..0 # SKIP only with LuaJIT\n")
    assert tap.plan == 0 and tap.skip_all == "only with LuaJIT"


def test_parse_tap_plan_at_end():
    tap = ls.parse_tap("ok 1\nok 2 - x\n1..2\n")
    assert tap.plan == 2 and [tap.status(n) for n in tap.numbers()] == ["pass", "pass"]


def test_suite_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.delenv(ls.TESTES_ENV, raising=False)
    path, why = ls.suite_dir(ls.TESTES_ENV)
    assert path is None and ls.TESTES_ENV in why
    monkeypatch.setenv(ls.TESTES_ENV, str(tmp_path / "absent"))
    assert ls.suite_dir(ls.TESTES_ENV)[0] is None
    monkeypatch.setenv(ls.TESTES_ENV, str(tmp_path))
    assert ls.suite_dir(ls.TESTES_ENV) == (tmp_path, None)
