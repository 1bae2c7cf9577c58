"""Tests for the frontend: luaparser behind our wrapper (compiler/frontend.py).

Expected values and messages were checked by hand with Debian's lua5.4 and
luac5.4 (Lua 5.4.4). The tests at the end compare with those programs
directly and are skipped when they are not installed.
"""

import random
import shutil
import subprocess
import sys
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from luaparser import ast as luaparser_ast
from luaparser import astnodes as A

from luatree import nodes
from moonlet.compiler import antlr_tree, frontend, literals
from moonlet.compiler.errors import CompilerBug, LuaSyntaxError
from moonlet.compiler.frontend import parse

LUA = shutil.which("lua5.4")
LUAC = shutil.which("luac5.4")
needs_lua = pytest.mark.skipif(LUA is None, reason="lua5.4 is not installed")
needs_luac = pytest.mark.skipif(LUAC is None, reason="luac5.4 is not installed")


def chunk(src, name="t.lua"):
    return parse(src, name)


def stats(src):
    return chunk(src).body.body


def expr(src):
    """The tree of one expression."""
    return stats("return " + src)[0].values[0]


def message(src, name="t.lua", **kw):
    with pytest.raises(LuaSyntaxError) as info:
        parse(src, name, **kw)
    return info.value.message


_BIN = {
    A.AddOp: "+",
    A.SubOp: "-",
    A.MultOp: "*",
    A.FloatDivOp: "/",
    A.FloorDivOp: "//",
    A.ModOp: "%",
    A.ExpoOp: "^",
    A.Concat: "..",
    A.EqToOp: "==",
    A.NotEqToOp: "~=",
    A.LessThanOp: "<",
    A.LessOrEqThanOp: "<=",
    A.GreaterThanOp: ">",
    A.GreaterOrEqThanOp: ">=",
    A.AndLoOp: "and",
    A.OrLoOp: "or",
    A.BAndOp: "&",
    A.BOrOp: "|",
    A.BXorOp: "~",
    A.BShiftLOp: "<<",
    A.BShiftROp: ">>",
}
_UN = {A.UMinusOp: "-", A.ULNotOp: "not ", A.UBNotOp: "~", A.ULengthOP: "#"}


def paren(e):
    """Fully parenthesised Lua text of an operator tree."""
    c = type(e)
    if c in _BIN:
        return "(%s %s %s)" % (paren(e.left), _BIN[c], paren(e.right))
    if c in _UN:
        return "(%s%s)" % (_UN[c], paren(e.operand))
    if c is A.Number:
        return repr(e.n)
    if c is A.String:
        return '"%s"' % e.s
    if c is A.Name:
        return e.id
    if c is A.TrueExpr:
        return "true"
    if c is A.FalseExpr:
        return "false"
    if c is A.Nil:
        return "nil"
    raise AssertionError(c)


# ---------------------------------------------------------------------------
# API


def test_parse_returns_a_luaparser_chunk():
    tree = chunk("x = 1")
    assert isinstance(tree, A.Chunk)
    assert isinstance(tree.body, A.Block)
    assert isinstance(tree.body.body[0], A.Assign)


def test_syntax_error_is_an_exception_with_luas_message():
    with pytest.raises(LuaSyntaxError) as info:
        parse("x = = 1", '[string "x = = 1"]')
    err = info.value
    assert isinstance(err, Exception)
    assert err.message == "[string \"x = = 1\"]:1: unexpected symbol near '='"
    assert str(err) == err.message
    assert err.line == 1


def test_compiler_bug_is_not_a_syntax_error():
    assert issubclass(CompilerBug, Exception)
    assert not issubclass(CompilerBug, LuaSyntaxError)


# ---------------------------------------------------------------------------
# Numerals: Number.n is Lua's value


@pytest.mark.parametrize(
    "text, value",
    [
        ("0", 0),
        ("00012", 12),
        ("9223372036854775807", 9223372036854775807),
        ("9223372036854775808", 9.223372036854775808e18),
        ("18446744073709551616", 1.8446744073709552e19),
        ("0xffffffffffffffff", -1),
        ("0x7fffffffffffffff", 9223372036854775807),
        ("0x8000000000000000", -9223372036854775808),
        ("0x10000000000000000", 0),
        ("0x123456789abcdef0123", 0x456789ABCDEF0123),
        ("0XAbC", 2748),
        ("0x1p4", 16.0),
        ("0x.8", 0.5),
        ("0xA.8p-1", 5.25),
        ("0x1.8", 1.5),
        ("0x1p+4", 16.0),
        ("0x.1p-2", 0.015625),
        ("0x1P-1074", 5e-324),
        ("0x1p-1080", 0.0),
        ("0x1p99999", float("inf")),
        ("0x1.fffffffffffffp1023", 1.7976931348623157e308),
        ("3.0", 3.0),
        ("3.", 3.0),
        (".3", 0.3),
        ("3e2", 300.0),
        ("3E-2", 0.03),
        ("1.5e+10", 15000000000.0),
        ("1e309", float("inf")),
        ("1e-400", 0.0),
        ("08", 8),
        ("0009.5", 9.5),
        ("9007199254740993", 9007199254740993),
        ("9007199254740993.0", 9007199254740992.0),
    ],
)
def test_numeral_values(text, value):
    n = expr(text).n
    assert type(n) is type(value)
    assert n == value


def test_hex_float_forms_need_no_exponent_or_no_integer_part():
    assert [expr(t).n for t in ("0x.8", "0x8.", "0x8.8")] == [0.5, 8.0, 8.5]


def test_negative_literal_is_unary_minus_of_a_float():
    # -9223372036854775808 is -(float): lua5.4 prints -9.2233720368548e+18
    e = expr("-9223372036854775808")
    assert isinstance(e, A.UMinusOp)
    assert e.operand.n == 9.223372036854775808e18
    assert type(e.operand.n) is float


# ---------------------------------------------------------------------------
# Strings: String.s is the decoded latin-1 view of the bytes


@pytest.mark.parametrize(
    "text, value",
    [
        ('"abc"', "abc"),
        ("'abc'", "abc"),
        ('"a\\tb\\nc\\\\d\\"e\\\'f"', "a\tb\nc\\d\"e'f"),
        ('"\\a\\b\\f\\n\\r\\t\\v"', "\a\b\f\n\r\t\v"),
        ('"\\x00\\x41\\xff\\xFf"', "\x00A\xff\xff"),
        ('"\\0\\00\\000\\1\\12\\123\\255"', "\x00\x00\x00\x01\x0c\x7b\xff"),
        ('"\\0001"', "\x001"),
        ('"\\2555"', "\xff5"),
        ('"a\\\nb"', "a\nb"),
        ('"a\\\r\nb"', "a\nb"),
        ('"a\\\n\rb"', "a\nb"),
        ('"a\\\rb"', "a\nb"),
        ('"\\u{0}\\u{7F}\\u{80}"', "\x00\x7f\xc2\x80"),
        ('"\\u{7FF}\\u{800}\\u{FFFF}"', "\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf"),
        ('"\\u{10000}\\u{10FFFF}"', "\xf0\x90\x80\x80\xf4\x8f\xbf\xbf"),
        ('"\\u{110000}"', "\xf4\x90\x80\x80"),
        ('"\\u{7FFFFFFF}"', "\xfd\xbf\xbf\xbf\xbf\xbf"),
        ('"\\u{0000041}"', "A"),
        ('"a\\z   \n\n \t b"', "ab"),
        ('"a\\z"', "a"),
        ('"\xc3\xa9\xff"', "\xc3\xa9\xff"),
        ("[[abc]]", "abc"),
        ("[[\nabc]]", "abc"),
        ("[[\r\nabc]]", "abc"),
        ("[[\n\rabc]]", "abc"),
        ("[[\n\nabc]]", "\nabc"),
        ("[[\r\rabc]]", "\nabc"),
        ("[[a\r\nb\n\rc\rd\ne]]", "a\nb\nc\nd\ne"),
        ("[==[a]]b]=]c]==]", "a]]b]=]c"),
        ("[=========[x]=========]", "x"),
        ("[==========[x]]==========]", "x]"),
        ("[[]]", ""),
        ("[[\n]]", ""),
        ("[=[\n\n]=]", "\n"),
        ("[[\\n]]", "\\n"),
        ("[[a--b]]", "a--b"),
    ],
)
def test_string_values(text, value):
    s = expr(text)
    assert isinstance(s, A.String)
    assert type(s.s) is str
    assert s.s == value


def test_string_delimiter_and_raw_text():
    s = expr('"a\\tb"')
    assert s.delimiter == A.StringDelimiter.DOUBLE_QUOTE
    assert s.raw == "a\\tb"
    assert expr("'x'").delimiter == A.StringDelimiter.SINGLE_QUOTE
    long = expr("[==[\nab]==]")
    assert long.delimiter == A.StringDelimiter.DOUBLE_SQUARE
    assert long.raw == "\nab"


def test_string_arguments_and_table_keys_are_decoded_too():
    call = stats('f"\\65"')[0]
    assert call.args[0].s == "A"
    table = expr("{['\\x41'] = 1}")
    assert table.fields[0].key.s == "A"


# ---------------------------------------------------------------------------
# Header of a file: BOM and '#' first line


def test_bom_is_skipped():
    assert message("\xef\xbb\xbfx = = 1") == "t.lua:1: unexpected symbol near '='"
    assert isinstance(chunk("\xef\xbb\xbfx = 1").body.body[0], A.Assign)


def test_first_line_starting_with_hash_is_skipped_and_lines_kept():
    assert message("#!/usr/bin/lua\nx = = 1") == "t.lua:2: unexpected symbol near '='"
    assert (
        message("\xef\xbb\xbf#!lua\nx = = 1") == "t.lua:2: unexpected symbol near '='"
    )
    assert message("#!lua\r\n\nx = = 1") == "t.lua:3: unexpected symbol near '='"
    assert chunk("# only a comment").body.body == []
    assert stats("#x\nreturn 1")[0].lua_line == 2


def test_header_is_kept_for_strings_given_to_load():
    msg = message("#!x\nreturn 1", '[string "#!x..."]', from_file=False)
    assert msg == "[string \"#!x...\"]:1: unexpected symbol near '#'"


# ---------------------------------------------------------------------------
# Tree shapes that we fix or rely on


def test_fornum_without_step_has_step_none():
    loop = stats("for i = 1, 10 do end")[0]
    assert isinstance(loop, A.Fornum)
    assert loop.step is None
    loop = stats("for i = 10, 1, -1 do end")[0]
    assert isinstance(loop.step, A.UMinusOp)
    assert loop.step.operand.n == 1


def test_local_attributes_are_normalised_to_lua_attrib():
    local = stats("local x <const>, y <close>, z = 1, nil")[0]
    assert [n.id for n in local.targets] == ["x", "y", "z"]
    assert [n.lua_attrib for n in local.targets] == ["const", "close", None]
    assert local.targets[0].attribute.name.id == "const"  # luaparser's form kept


def test_parenthesised_expressions_are_wrapped():
    assert expr("(f())").wrapped is True
    assert expr("f()").wrapped is False
    assert expr("((a))").wrapped is True
    assert expr("(a).b").value.wrapped is True


@pytest.mark.parametrize(
    "src, tree",
    [
        ("2^3^2", "(2 ^ (3 ^ 2))"),
        ("-2^2", "(-(2 ^ 2))"),
        ("2^-3^2", "(2 ^ (-(3 ^ 2)))"),
        ("a..b..c", "(a .. (b .. c))"),
        ("a < b == c", "((a < b) == c)"),
        ("a == b ~= c", "((a == b) ~= c)"),
        ("not a == b", "((not a) == b)"),
        ("not not a", "(not (not a))"),
        ("1 + 2 * 3 - 4 / 5", "((1 + (2 * 3)) - (4 / 5))"),
        ("a // b % c * d", "(((a // b) % c) * d)"),
        ("1 .. 2 + 3", "(1 .. (2 + 3))"),
        ("a | b ~ c & d << e .. f", "(a | (b ~ (c & (d << (e .. f)))))"),
        ("~a ~ ~b", "((~a) ~ (~b))"),
        ("x << 1 >> 2", "((x << 1) >> 2)"),
        ("#t + 1", "((#t) + 1)"),
        ("- - x", "(-(-x))"),
        ('"a" .. "b" == "ab"', '(("a" .. "b") == "ab")'),
        ("a or b and c", "(a or (b and c))"),
        ("a and b or c and d", "((a and b) or (c and d))"),
        ("1 < 2 and 2 < 3", "((1 < 2) and (2 < 3))"),
        ("a + b + c + d", "(((a + b) + c) + d)"),
    ],
)
def test_operator_precedence_and_associativity(src, tree):
    assert paren(expr(src)) == tree


def test_operator_classes():
    assert isinstance(expr("a // b"), A.FloorDivOp)
    assert isinstance(expr("a ~ b"), A.BXorOp)
    assert isinstance(expr("~a"), A.UBNotOp)
    assert isinstance(expr("a << b"), A.BShiftLOp)
    assert isinstance(expr("a >> b"), A.BShiftROp)
    assert isinstance(expr("a & b"), A.BAndOp)
    assert isinstance(expr("a | b"), A.BOrOp)
    assert isinstance(expr("a ~= b"), A.NotEqToOp)


def test_long_operand_chains_do_not_recurse():
    e = expr("1" + " + 1" * 20000)
    depth = 0
    while isinstance(e, A.AddOp):
        e, depth = e.left, depth + 1
    assert depth == 20000


def test_call_chain_shape():
    call = stats('a.b.c:m(x)"str"{t}')[0]
    assert isinstance(call, A.Call) and call.style == A.CallStyle.NO_PARENTHESIS
    assert isinstance(call.args[0], A.Table)
    inner = call.func
    assert isinstance(inner, A.Call) and inner.args[0].s == "str"
    invoke = inner.func
    assert isinstance(invoke, A.Invoke)
    assert invoke.func.id == "m" and invoke.args[0].id == "x"
    source = invoke.source
    assert isinstance(source, A.Index) and source.idx.id == "c"
    assert source.value.idx.id == "b" and source.value.value.id == "a"
    assert source.notation == A.IndexNotation.DOT


def test_index_notations_and_calls_on_results():
    e = expr("f()[1].x")
    assert e.notation == A.IndexNotation.DOT and e.idx.id == "x"
    assert e.value.notation == A.IndexNotation.SQUARE and e.value.idx.n == 1
    assert isinstance(e.value.value, A.Call)
    e = expr('("x"):rep(2)')
    assert isinstance(e, A.Invoke) and e.source.wrapped and e.source.s == "x"


def test_method_and_function_definitions():
    method = stats("function a.b.c:m(x, ...) end")[0]
    assert isinstance(method, A.Method)
    assert method.name.id == "m"
    assert method.source.idx.id == "c" and method.source.value.idx.id == "b"
    assert [type(p) for p in method.args] == [A.Name, A.Varargs]
    func = stats("function a.b() end")[0]
    assert isinstance(func, A.Function) and isinstance(func.name, A.Index)
    func = stats("local function f() end")[0]
    assert isinstance(func, A.LocalFunction) and func.name.id == "f"


def test_dots_are_varargs_nodes_everywhere():
    func = expr("function(a, ...) return ... end")
    assert isinstance(func.args[1], A.Varargs)
    assert isinstance(func.body.body[0].values[0], A.Varargs)
    assert isinstance(expr("{...}").fields[0].value, A.Varargs)
    assert expr("(...)").wrapped is True


def test_goto_labels_and_semicolons():
    body = stats("goto l; ::l:: ; x = 1")
    assert [type(s) for s in body] == [
        A.Goto,
        A.SemiColon,
        A.Label,
        A.SemiColon,
        A.Assign,
    ]
    assert body[0].label.id == "l" and body[2].id.id == "l"


def test_table_constructor_fields():
    fields = expr("{1, [2] = 3; x = 4, f()}").fields
    assert fields[0].key is None and fields[0].value.n == 1
    assert fields[1].between_brackets and fields[1].key.n == 2
    assert fields[2].key.id == "x" and not fields[2].between_brackets
    assert isinstance(fields[3].value, A.Call)


def test_sll_failure_falls_back_to_full_ll():
    # SLL prediction cannot decide this statement (from the Lua test suite).
    src = "a[1], f(a)[2], b, c = {['alo']=assert}, 10, a[1], a[f], 6, 10, 23, f(a), 2"
    assign = stats(src)[0]
    assert isinstance(assign, A.Assign)
    assert len(assign.targets) == 4 and len(assign.values) == 9
    assert isinstance(assign.targets[1].value, A.Call)


def test_luaparser_grammar_failure_becomes_a_lua_style_error():
    # Feed an invalid token list to the ANTLR stage directly (the recognizer
    # normally rejects it before): the message still has Lua's form.
    tokens = literals.tokenize("x = = 1")
    with pytest.raises(LuaSyntaxError) as info:
        antlr_tree._antlr_parse(tokens, "t.lua")
    assert info.value.message == "t.lua:1: unexpected symbol near '='"


def test_internal_failures_become_syntax_errors(monkeypatch):
    def boom(tokens):
        raise ValueError("boom")

    monkeypatch.setattr(frontend.parser, "build", boom)
    msg = message("x = 1")
    assert msg.startswith("t.lua: cannot parse this chunk (ValueError: boom)")


# ---------------------------------------------------------------------------
# Lines

LINES_PROGRAM = """\
local a <const>, b = 1,
  2
function t.x:m(p, ...)
  return p
    + a
end
f
(
1)
x = obj
  .field
  [1]
y = a
<
b
z = obj
:m
(
)
"""


def test_statement_and_expression_lines():
    body = stats(LINES_PROGRAM)
    local, method, call, assign, compare, invoke = body
    assert local.lua_line == 1
    assert [v.lua_line for v in local.values] == [1, 2]
    assert method.lua_line == 3
    assert method.source.lua_line == 3 and method.name.lua_line == 3
    assert method.args[1].lua_line == 3
    ret = method.body.body[0]
    assert ret.lua_line == 4
    add = ret.values[0]
    assert (add.lua_line, add.lua_op_line) == (4, 5)
    assert add.right.lua_line == 5
    # a call is on the line of its first token, as Lua reports call errors
    assert call.lua_line == 7 and call.args[0].lua_line == 9
    outer = assign.values[0]
    assert outer.lua_line == 10 and outer.lua_op_line == 12
    assert outer.value.lua_line == 10 and outer.value.lua_op_line == 11
    # comparison errors are reported at the right operand's last line
    cmp_ = compare.values[0]
    assert (cmp_.lua_line, cmp_.lua_op_line) == (13, 15)
    assert invoke.values[0].lua_line == 16


def test_lines_after_multiline_tokens():
    body = stats('x = [[\n\n]] y = "a\\\nb" z = 1')
    assert [s.lua_line for s in body] == [1, 3, 4]


def test_lines_with_all_newline_forms():
    body = stats("a = 1\r\nb = 2\n\rc = 3\rd = 4\n\ne = 5")
    assert [s.lua_line for s in body] == [1, 2, 3, 4, 6]


EVERYTHING = """\
#!/usr/bin/env lua
local a <const>, b <close> = 1, nil
local function f(x, y, ...) return x, ..., #y, -x, not x, ~x end
function g.h.i:j(...) local t = {...} return t end
function k() end
x, y.z, w[1] = 1, 2.5, "s"
t = {1, 2; [3] = 4, k = v, f(), ...}
for i = 1, 10, 2 do if i then break elseif j then goto c else end ::c:: end
for i = 1, 2 do end
for k, v in pairs(t) do repeat local q = 1 until q end
while x do x = x - 1 ::c:: end
do ; end
goto e
::e::
f(a)(b)"c"{d}:e(f)
print(a .. b .. c, a + b * c ^ d // e % f, a & b | c ~ d << e >> f)
print(a == b, a ~= b, a < b, a <= b, a > b, a >= b, a and b or c)
print(function(...) return select("#", ...) end, nil, true, false)
print(("x"):rep(3), (f)(), #[[long]], 0x1p4, 0xff)
return
"""


def test_every_node_has_an_int_lua_line():
    all_nodes = nodes(chunk(EVERYTHING))
    assert len(all_nodes) > 200
    missing = [type(n).__name__ for n in all_nodes if type(n.lua_line) is not int]
    assert missing == []
    assert {type(n) for n in all_nodes} >= {
        A.Chunk,
        A.Block,
        A.LocalAssign,
        A.Attribute,
        A.LocalFunction,
        A.Method,
        A.Function,
        A.Assign,
        A.Table,
        A.Field,
        A.Fornum,
        A.Forin,
        A.If,
        A.ElseIf,
        A.Break,
        A.Goto,
        A.Label,
        A.Repeat,
        A.While,
        A.Do,
        A.SemiColon,
        A.Call,
        A.Invoke,
        A.Index,
        A.Varargs,
        A.AnonymousFunction,
        A.Nil,
        A.TrueExpr,
        A.FalseExpr,
        A.Number,
        A.String,
        A.Return,
    }
    # line 1 is the skipped "#!" line: the first token is on line 2
    assert min(n.lua_line for n in all_nodes) == 2


def test_trees_can_be_pickled():
    import pickle

    tree = pickle.loads(pickle.dumps(chunk(EVERYTHING)))
    assert tree.body.body[0].values[0].n == 1


# ---------------------------------------------------------------------------
# Errors: luac5.4's messages

ERRORS = [
    ("x = = 1", "t.lua:1: unexpected symbol near '='"),
    ("x = 1 +", "t.lua:1: unexpected symbol near <eof>"),
    ("local function 1() end", "t.lua:1: <name> expected near '1'"),
    ("for x y", "t.lua:1: '=' or 'in' expected near 'y'"),
    ("if x then", "t.lua:1: 'end' expected near <eof>"),
    ("f(", "t.lua:1: unexpected symbol near <eof>"),
    ("x", "t.lua:1: syntax error near <eof>"),
    ("return return", "t.lua:1: unexpected symbol near 'return'"),
    ("x = {1, 2", "t.lua:1: '}' expected near <eof>"),
    ("x = (1", "t.lua:1: ')' expected near <eof>"),
    ("a:b", "t.lua:1: function arguments expected near <eof>"),
    ("x = a:b.c()", "t.lua:1: function arguments expected near '.'"),
    ("x.y:z = 1", "t.lua:1: function arguments expected near '='"),
    ("f() = 1", "t.lua:1: syntax error near '='"),
    ("(a) = 1", "t.lua:1: syntax error near '='"),
    ("local t = {} t.x.y", "t.lua:1: syntax error near <eof>"),
    ("return 1;;", "t.lua:1: <eof> expected near ';'"),
    ("end", "t.lua:1: <eof> expected near 'end'"),
    ("x = a.1", "t.lua:1: unexpected symbol near '.1'"),
    ("x = function(a, 1) end", "t.lua:1: <name> or '...' expected near '1'"),
    ("x = function(a, ..., b) end", "t.lua:1: ')' expected near ','"),
    ("for i = 1 do end", "t.lua:1: ',' expected near 'do'"),
    ("for i = 1, 2, 3, 4 do end", "t.lua:1: 'do' expected near ','"),
    ("for a, b = 1, 2 do end", "t.lua:1: 'in' expected near '='"),
    ("goto 1", "t.lua:1: <name> expected near '1'"),
    ("::a", "t.lua:1: '::' expected near <eof>"),
    ("x = {[1] 2}", "t.lua:1: '=' expected near '2'"),
    ("x = {a = }", "t.lua:1: unexpected symbol near '}'"),
    ("x = $", "t.lua:1: unexpected symbol near '$'"),
    ("x = \x01", "t.lua:1: unexpected symbol near '<\\1>'"),
    ("x = \xc3\xa9", "t.lua:1: unexpected symbol near '<\\195>'"),
    ('x = 1 "a\\tb"', "t.lua:1: unexpected symbol near '\"a\tb\"'"),
    ('x = 1 "a\\0b"', "t.lua:1: unexpected symbol near '\"a'"),
    ("x = 1 [==[\nab]==]", "t.lua:2: unexpected symbol near '[==[ab]==]'"),
    (
        "function f()\n  x = 1\n\n",
        "t.lua:4: 'end' expected (to close 'function' at line 1) near <eof>",
    ),
    (
        "if x then\n  y()\nelse\n",
        "t.lua:4: 'end' expected (to close 'if' at line 1) near <eof>",
    ),
    (
        "x = {\n1,\n2\n\ny = 3",
        "t.lua:5: '}' expected (to close '{' at line 1) near 'y'",
    ),
    ("f(\n1,\n2\n\n", "t.lua:5: ')' expected (to close '(' at line 1) near <eof>"),
    ("x = 1\n  + \n", "t.lua:3: unexpected symbol near <eof>"),
    ('x = "abc', "t.lua:1: unfinished string near <eof>"),
    ('x = "abc\ndef"', "t.lua:1: unfinished string near '\"abc'"),
    ("x = 3x", "t.lua:1: malformed number near '3x'"),
    ("x = 1..2", "t.lua:1: malformed number near '1..2'"),
    ("x = 0x", "t.lua:1: malformed number near '0x'"),
    ("x = 1e", "t.lua:1: malformed number near '1e'"),
    ("x = 3e+", "t.lua:1: malformed number near '3e+'"),
    ("x = 0x1p", "t.lua:1: malformed number near '0x1p'"),
    ("x = .5.5", "t.lua:1: malformed number near '.5.5'"),
    ('x = "a\\q"', "t.lua:1: invalid escape sequence near '\"a\\q'"),
    ('x = "\\300"', "t.lua:1: decimal escape too large near '\"\\300\"'"),
    ("x = '\\9999'", "t.lua:1: decimal escape too large near ''\\9999'"),
    ('x = "\\x4"', "t.lua:1: hexadecimal digit expected near '\"\\x4\"'"),
    ('x = "\\xzz"', "t.lua:1: hexadecimal digit expected near '\"\\xz'"),
    ('x = "\\u{zz}"', "t.lua:1: hexadecimal digit expected near '\"\\u{z'"),
    ('x = "\\u{12"', "t.lua:1: missing '}' near '\"\\u{12\"'"),
    ('x = "\\u12"', "t.lua:1: missing '{' near '\"\\u1'"),
    ('x = "\\u{110000000}"', "t.lua:1: UTF-8 value too large near '\"\\u{110000000'"),
    ('x = "\\', "t.lua:1: unfinished string near <eof>"),
    ("x = [==[ abc", "t.lua:1: unfinished long string (starting at line 1) near <eof>"),
    (
        "x = [[\nabc\n\n",
        "t.lua:4: unfinished long string (starting at line 1) near <eof>",
    ),
    (
        "--[[\nabc\n\n",
        "t.lua:4: unfinished long comment (starting at line 1) near <eof>",
    ),
    ("x = [=x", "t.lua:1: invalid long string delimiter near '[='"),
    ('x = "abc\\\ndef\\q"', "t.lua:2: invalid escape sequence near '\"abc\ndef\\q'"),
    ("x = 5 y = 6 z", "t.lua:1: syntax error near <eof>"),
    ("break", "t.lua:1: break outside loop at line 1"),
    (
        "while x do\n  break\nend\nbreak\n\n\nx=1",
        "t.lua:7: break outside loop at line 4",
    ),
    ("function f()\n  break\nend\n\nx = 1", "t.lua:5: break outside loop at line 2"),
    (
        "while x do local function f() break end end",
        "t.lua:1: break outside loop at line 1",
    ),
    ("goto foo", "t.lua:1: no visible label 'foo' for <goto> at line 1"),
    (
        "function f()\n  goto q\nend\n\nx = 1\n",
        "t.lua:5: no visible label 'q' for <goto> at line 2",
    ),
    ("::a:: ::a::", "t.lua:1: label 'a' already defined on line 1"),
    ("::l1:: do ::l1:: end", "t.lua:1: label 'l1' already defined on line 1"),
    ("goto l1; do ::l1:: end", "t.lua:1: no visible label 'l1' for <goto> at line 1"),
    (
        "do goto l; local y = 1; ::l:: print(y) end",
        "t.lua:1: <goto l> at line 1 jumps into the scope of local 'y'",
    ),
    (
        "repeat\n goto l\n local z = 1\n ::l::\nuntil z",
        "t.lua:5: <goto l> at line 2 jumps into the scope of local 'z'",
    ),
    (
        "repeat\n local z = 1\n ::l::\nuntil z\ngoto l",
        "t.lua:5: no visible label 'l' for <goto> at line 5",
    ),
    (
        "while true do goto continue; local x = 1; ::continue:: x = 1 end",
        "t.lua:1: <goto continue> at line 1 jumps into the scope of local 'x'",
    ),
    (
        "repeat goto continue; local x = 1; ::continue:: until x",
        "t.lua:1: <goto continue> at line 1 jumps into the scope of local 'x'",
    ),
    (
        "function f() return ... end",
        "t.lua:1: cannot use '...' outside a vararg function near '...'",
    ),
    (
        "local function f(...)\n return function() return ... end\nend",
        "t.lua:2: cannot use '...' outside a vararg function near '...'",
    ),
    ("local x <const> = 1; x = 2", "t.lua:1: attempt to assign to const variable 'x'"),
    (
        "local x <const> = 1\nfunction g()\n x = 2\nend",
        "t.lua:3: attempt to assign to const variable 'x'",
    ),
    (
        "local x <close> = nil\nx\n=\n1",
        "t.lua:3: attempt to assign to const variable 'x'",
    ),
    (
        "local x <const> = 1; function x() end",
        "t.lua:1: attempt to assign to const variable 'x'",
    ),
    (
        "local x <const> = 1; local function f() local function g() x = 1 end end",
        "t.lua:1: attempt to assign to const variable 'x'",
    ),
    (
        "local x; x = 1; local x <const> = 2; do local x = 3; x = 4 end; x = 5",
        "t.lua:1: attempt to assign to const variable 'x'",
    ),
    ("local x <foo> = 1", "t.lua:1: unknown attribute 'foo'"),
    ("local x <\nfoo\n>\n= 1", "t.lua:4: unknown attribute 'foo'"),
    (
        "local a <close>, b <close> = 1",
        "t.lua:1: multiple to-be-closed variables in local list",
    ),
]


@pytest.mark.parametrize("src, msg", ERRORS)
def test_error_messages_match_luac(src, msg):
    assert message(src) == msg


ACCEPTED = [
    "::l1:: function f() ::l1:: end",
    "do\n goto l\n local z = 1\n ::l::\nend",
    "do\n goto l\n local z = 1\n ::l::\n ;;\n ::m::\nend",
    "while true do goto continue; local x = 1; ::continue:: end",
    "while true do goto continue; local x = 1; ::continue:: ; end",
    "function f(...) local t = {...} return select('#', ...) end",
    "do local x <const> = 1 end x = 2",
    "local t <const> = {} t.x = 1",
    "local a <close>, b <const>, c = 1",
    "for i = 1, 2 do if x then break end end",
    "::a:: goto a",
    "do goto l end ::l::",
    "local x, x = 1, 2",
    "function f(a, a) end",
    "x = t['goto']",
    "a.b:c'x'{t}.d = 1",
]


@pytest.mark.parametrize("src", ACCEPTED)
def test_valid_chunks_are_accepted(src):
    assert isinstance(chunk(src), A.Chunk)


def test_chunkname_is_the_prefix():
    assert message("x = = 1", "=stdin") == "=stdin:1: unexpected symbol near '='"


def test_lexical_error_after_a_syntax_error_is_not_reported():
    # Lua reports the first error in reading order.
    assert message('x = = "abc') == "t.lua:1: unexpected symbol near '='"
    assert message('x = 1 "abc') == "t.lua:1: unfinished string near <eof>"


def test_error_in_table_lookahead_is_reported():
    assert message("t = {x 3x}") == "t.lua:1: malformed number near '3x'"


# ---------------------------------------------------------------------------
# Limits and deep nesting


def test_nesting_up_to_luas_limit_parses():
    n = 196  # the deepest parenthesised expression luac5.4 accepts
    e = expr("(" * n + "1" + ")" * n)
    assert e.n == 1 and e.wrapped
    e = expr("{" * 197 + "}" * 197)
    assert isinstance(e, A.Table)
    assert isinstance(chunk("do " * 198 + "end " * 198), A.Chunk)
    assert isinstance(expr("f(" * 150 + ")" * 150), A.Call)


@pytest.mark.parametrize(
    "src",
    [
        "x = " + "(" * 197 + "1" + ")" * 197,
        "do " * 199 + "end " * 199,
        "x = " + "{" * 198 + "}" * 198,
        "x = " + "- " * 197 + "1",
        "x = " + " .. ".join(["'a'"] * 198),
        ",".join(["a"] * 198) + " = 1",
    ],
)
def test_nesting_beyond_luas_limit_is_c_stack_overflow(src):
    assert message(src) == "C stack overflow"


def test_deep_nesting_does_not_touch_the_callers_recursion_limit():
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        e = expr("(" * 196 + "1" + ")" * 196)
    finally:
        sys.setrecursionlimit(old)
    assert e.n == 1


def test_parse_from_several_threads():
    results = []

    def work(i):
        results.append(expr("%d + 1" % i).left.n)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [0, 1, 2, 3]


def test_local_variable_limit():
    ok = "local " + ",".join("a%d" % i for i in range(200))
    assert isinstance(chunk(ok), A.Chunk)
    bad = "local function f()\n" + "\n".join("local a%d" % i for i in range(201))
    assert message(bad + "\nend") == (
        "t.lua:203: too many local variables (limit is 200) in function at line 1"
        " near 'end'"
    )


def test_local_variable_limit_message():
    src = "local " + ",".join("a%d" % i for i in range(201))
    assert (
        message(src)
        == "t.lua:1: too many local variables (limit is 200) in main function near <eof>"
    )


def test_upvalue_limit_message():
    a = ["a%d" % i for i in range(150)]
    b = ["b%d" % i for i in range(106)]

    def src(names):
        return (
            "local "
            + ",".join(a)
            + "\nfunction g()\n local "
            + ",".join(b)
            + "\n function f()\n  "
            + " ".join("y = " + n for n in names)
            + "\n end\nend"
        )

    # 254 upvalues plus _ENV (for the global y) is the most a function has
    assert isinstance(chunk(src(a + b[:104])), A.Chunk)
    assert message(src(a + b)) == (
        "t.lua:5: too many upvalues (limit is 255) in function at line 4 near 'y'"
    )


def _xs(n):
    return "x" + ",x" * (n - 1)


# (source, the token Lua names, or None when Lua accepts it); checked with lua5.4.
REGISTER_CASES = [
    ("a = f(%s)" % _xs(253), None),
    ("a = f(%s)" % _xs(254), "<eof>"),
    ("a = f(%s)" % _xs(255), "'x'"),
    ("local a,b,c; a = f(%s)" % _xs(250), None),
    ("local a,b,c; a = f(%s)" % _xs(251), "<eof>"),
    ("local a,b,c; a = o:f(%s)" % _xs(249), None),
    ("local a,b,c; a = o:f(%s)" % _xs(250), "<eof>"),
    ("local a,b,c; a = o:f(%s)" % _xs(251), "'x'"),
    ("return %s" % _xs(254), None),
    ("return %s" % _xs(255), "<eof>"),
    ("return {%s}" % _xs(301), None),
    ("return {%s, f(%s)}" % (_xs(49), _xs(221)), "'x'"),
    ("return {%s, f(%s)}" % (_xs(50), _xs(252)), None),
    ("return {%s, f(%s)}" % (_xs(50), _xs(253)), "'}'"),
    ("return f(g(%s))" % _xs(253), "')'"),
    ("return f(y, g(%s))" % _xs(251), None),
    ("return f(y, g(%s))" % _xs(252), "')'"),
    ("local a = {f = g(%s)}" % _xs(252), None),
    ("local a = {f = g(%s)}" % _xs(253), "'}'"),
    ("return f(%s, ...)" % _xs(252), None),
    ("return f(%s, ...)" % _xs(253), "')'"),
    ("return f(%s, g())" % _xs(252), None),
    ("return f(%s, g())" % _xs(253), "'('"),
    ("return %s, ..." % _xs(253), None),
    ("return %s, ..." % _xs(254), "<eof>"),
]


@pytest.mark.parametrize("src, near", REGISTER_CASES)
def test_register_limit(src, near):
    if near is None:
        assert isinstance(chunk(src), A.Chunk)
    else:
        assert message(src) == (
            "t.lua:1: function or expression needs too many registers near " + near
        )


@needs_luac
def test_register_cases_match_luac(tmp_path):
    for src, near in REGISTER_CASES:
        msg = _luac_message(src, tmp_path)
        assert (msg is None) == (near is None), src[:40]
        assert msg is None or msg.endswith("registers near " + near)


# ---------------------------------------------------------------------------
# Literal helpers (properties)


@given(
    st.integers(min_value=0, max_value=0x10FFFF).filter(
        lambda c: not 0xD800 <= c < 0xE000
    )
)
def test_utf8_escape_is_utf8_for_unicode_code_points(cp):
    assert literals.utf8_escape(cp) == chr(cp).encode("utf-8").decode("latin-1")


@given(st.integers(min_value=0, max_value=2**70))
def test_decimal_integers_are_ints_only_in_64_bits(n):
    value = literals.str2number(str(n))
    if n < 2**63:
        assert type(value) is int and value == n
    else:
        assert type(value) is float and value == float(n)


@given(st.integers(min_value=0, max_value=2**80))
def test_hex_integers_wrap_around(n):
    value = literals.str2number(hex(n))
    assert type(value) is int
    assert value % 2**64 == n % 2**64
    assert -(2**63) <= value < 2**63


_SOUP = st.lists(
    st.sampled_from(
        "local x y = == 1 2.5 'a' \"b\" ( ) { } [ ] , ; : :: . .. ... function end"
        " if then else elseif while do for in repeat until return break goto"
        " + - * / // % ^ # & ~ | << >> < > <= >= ~= not and or <const> <close>"
        " [[ ]] -- 0x 3x \\ $ \n".split(" ")
    ),
    max_size=15,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_SOUP)
def test_any_input_gives_a_chunk_or_a_syntax_error(src):
    try:
        tree = parse(src, "t.lua")
    except LuaSyntaxError as e:
        assert e.message.startswith("t.lua:") or e.message == "C stack overflow"
    else:
        assert isinstance(tree, A.Chunk)


# ---------------------------------------------------------------------------
# Speed


def test_not_slower_than_plain_luaparser():
    src = "\n".join(
        "local t%d = {a = %d, b = f(%d, 'x'), c = function(x) return x * %d + 1 end}\n"
        "if t%d.a > 3 then print(t%d.b, t%d.c(2)) else t%d.a = t%d.a + 1 end"
        % ((i,) * 9)
        for i in range(60)
    )

    def best(fn):
        times = []
        for _ in range(3):
            start = time.perf_counter()
            fn(src)
            times.append(time.perf_counter() - start)
        return min(times)

    plain = best(luaparser_ast.parse)
    ours = best(lambda s: parse(s, "t.lua"))
    assert ours < plain


# ---------------------------------------------------------------------------
# Against the reference programs (skipped when they are missing)


def _luac_message(src, tmp_path):
    path = tmp_path / "t.lua"
    path.write_bytes(src.encode("latin-1"))
    proc = subprocess.run(
        [LUAC, "-p", "t.lua"], cwd=str(tmp_path), capture_output=True, check=False
    )
    out = proc.stderr.decode("latin-1").strip()
    prefix = LUAC + ": "  # luac names itself as it was called
    if out.startswith(prefix):
        out = out[len(prefix) :]
    return out or None


def _random_chunk(rng, depth):
    names = ["a", "b", "c"]

    def ex(d):
        r = rng.random()
        if d <= 0 or r < 0.3:
            return rng.choice(names + ["1", '"s"', "nil", "...", "x.y"])
        if r < 0.5:
            return "%s %s %s" % (
                ex(d - 1),
                rng.choice(["+", "..", "==", "and"]),
                ex(d - 1),
            )
        if r < 0.6:
            args = rng.choice(["", "a", "...", "a, ..."])
            return "function(%s) %s end" % (args, block(d - 1))
        if r < 0.7:
            return "f(%s)" % ex(d - 1)
        if r < 0.8:
            return "{%s}" % ex(d - 1)
        return "(%s)" % ex(d - 1)

    def stat(d):
        r = rng.random()
        if d <= 0 or r < 0.15:
            return "%s = %s" % (rng.choice(names), ex(d - 1))
        if r < 0.3:
            attrib = rng.choice(["", "", " <const>", " <close>"])
            return "local %s%s = %s" % (rng.choice(names), attrib, ex(d - 1))
        if r < 0.4:
            return "goto " + rng.choice(["l1", "l2"])
        if r < 0.5:
            return "::%s::" % rng.choice(["l1", "l2"])
        if r < 0.55:
            return "break"
        if r < 0.62:
            return "while %s do %s end" % (ex(d - 1), block(d - 1))
        if r < 0.68:
            return "repeat %s until %s" % (block(d - 1), ex(d - 1))
        if r < 0.74:
            return "do %s end" % block(d - 1)
        if r < 0.8:
            return "if %s then %s else %s end" % (ex(d - 1), block(d - 1), block(d - 1))
        if r < 0.85:
            return "for i = 1, 2 do %s end" % block(d - 1)
        if r < 0.9:
            args = rng.choice(["", "a", "..."])
            return "local function %s(%s) %s end" % (
                rng.choice(names),
                args,
                block(d - 1),
            )
        return "f(%s)" % ex(d - 1)

    def block(d):
        body = " ".join(stat(d) for _ in range(rng.randint(0, 3)))
        return body + rng.choice(["", "", " ;", " return", " return " + ex(1)])

    src = block(depth)
    if rng.random() < 0.3:  # break it somewhere
        words = src.split(" ")
        k = rng.randrange(len(words))
        words.insert(k, rng.choice(["end", "=", "local", "(", ")", ",", "x", "::"]))
        src = " ".join(words)
    return src.replace(" ", rng.choice([" ", "\n"]))


@needs_luac
def test_random_chunks_get_luacs_verdict_and_message(tmp_path):
    rng = random.Random(1234)
    for _ in range(150):
        src = _random_chunk(rng, 3)
        try:
            parse(src, "t.lua")
            ours = None
        except LuaSyntaxError as e:
            ours = e.message
        assert ours == _luac_message(src, tmp_path), src


@needs_luac
@pytest.mark.parametrize("src, msg", ERRORS[:20])
def test_error_table_still_matches_luac(src, msg, tmp_path):
    assert _luac_message(src, tmp_path) == msg


@needs_lua
def test_random_expressions_have_luas_precedence():
    rng = random.Random(99)
    ops = "+ - * / // % ^ .. == ~= < <= > >= and or & | ~ << >>".split()
    atoms = ["1", "2", "3", "0", "2.5", '"ab"', '"3"', "true", "nil"]

    def gen(d):
        if d == 0 or rng.random() < 0.2:
            return rng.choice(atoms)
        r = rng.random()
        if r < 0.2:
            return rng.choice(["- ", "not ", "~", "#"]) + gen(d - 1)
        if r < 0.3:
            return "(" + gen(d - 1) + ")"
        return "%s %s %s" % (gen(d - 1), rng.choice(ops), gen(d - 1))

    exprs = [gen(4) for _ in range(400)]
    prog = [
        "local function ev(s)",
        '  local ok, v = pcall(load("return " .. s, "=x"))',
        '  return tostring(ok) .. " " .. (math.type(v) or "") .. " " .. tostring(v)',
        "end",
    ]
    for e in exprs:
        prog.append("print(ev([==[%s]==]) == ev([==[%s]==]))" % (e, paren(expr(e))))
    out = subprocess.run(
        [LUA, "-"], input="\n".join(prog), capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["true"] * len(exprs)
