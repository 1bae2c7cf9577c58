r"""Frontend: Lua 5.4 source text to a luaparser tree, or Lua's syntax error.

    parse(source, chunkname) -> luaparser.astnodes.Chunk

`source` is a latin-1 view of the file's bytes; `chunkname` is the display
name that prefixes messages ("foo.lua", '[string "x = 1"]').

Pipeline (all of it in a thread with a large stack, see _in_big_stack):
1. skip a UTF-8 BOM and a first line starting with '#' (as luaL_loadfile);
2. literals.tokenize: our own lexer, faithful to llex.c;
3. checks.check_chunk: a recognizer with lparser.c's structure; every
   syntax, lexical and static error is found here, with luac's message;
4. parser.build: a recursive-descent builder on the same tokens, run only
   on chunks that step 3 accepted, makes the luaparser (astnodes) tree;
5. (tests only) parse_antlr makes the same tree the way it was made before,
   with luaparser's generated ANTLR parser on our tokens and _Builder, a
   subclass of luaparser's BuilderVisitor; about ten times slower than
   step 4, it is the oracle of tests/unit/test_parser.py (parser.py's header
   states the one known difference).

Guarantees of the returned tree (the lowering relies on them):
- every node has an int `lua_line`: the line of its first token (for calls,
  method calls and indexing, the first token of the whole prefix expression:
  Lua reports call errors there);
- operators and indexing also carry `lua_op_line`, the line Lua gives their
  runtime errors: the operator's line for arithmetic, bitwise, concatenation
  and unary operators; the line of the last token for comparisons and for
  indexing (`t.k`, `t[k]`);
- `Number.n` is Lua's value (int in 64-bit range or float);
- `String.s` is a str holding the decoded bytes (latin-1 view); `raw` is the
  source text between the delimiters;
- `Fornum.step` is None when the loop has no step;
- each target Name of a LocalAssign has `lua_attrib`: None, "const" or
  "close" (luaparser's Attribute node stays in `attribute`);
- parenthesised expressions have `wrapped = True` (luaparser's flag);
- `...` is a Varargs node, in expressions as in parameter lists (luaparser
  makes a Dots node in expressions);
- comments are not collected (`comments` is always empty).

luaparser 4.2.0 defects (each measured) that never reach the tree: steps 2-4
replace luaparser's lexer, error reporting and tree building, and _Builder
works around its builder's defects in the oracle:
- hex float literals (0x1p4, 0x.8, 0xA.8p-1) crash its builder (ValueError);
- integer literals are not wrapped or turned into floats as Lua does
  (0xffffffffffffffff must be -1, 9223372036854775808 a float);
- strings are bytes; `\xff`/`\200` become two bytes (UTF-8 encoded) instead
  of one; a backslash-newline escape loses the newline; `\|` and other
  escapes Lua rejects are accepted;
- the first newline of a long string is kept; long brackets with 9 or more
  '=' do not lex; a UTF-8 BOM is rejected;
- its messages are ANTLR's ("no viable alternative at input", "token
  recognition error") or "syntax errors: None";
- `Fornum.step` is the Python int 1 when absent;
- many nodes carry no position: Names, Varargs, SemiColon, Attribute, the
  Index chain of `function a.b:c()`, table keys; calls and indexing get the
  position of their argument list or suffix instead of the expression's
  start;
- it does no static checks (break/goto/labels/const/vararg/limits);
- its parse uses full LL prediction, which is very slow on long call
  chains; its builder recurses once per operand of `a + b + c + ...`
  (RecursionError on long chains): our visitExp walks that spine in a loop;
- `(o):m()()` loses the calls after the method call (parser.build keeps
  them);
- deep nesting raises RecursionError in a default thread.
"""

import gc
import sys
import threading

from antlr4 import CommonTokenStream
from antlr4.atn.PredictionMode import PredictionMode
from antlr4.error.ErrorListener import ErrorListener
from antlr4.error.ErrorStrategy import BailErrorStrategy, DefaultErrorStrategy
from antlr4.error.Errors import ParseCancellationException
from antlr4.ParserRuleContext import ParserRuleContext
from antlr4.tree.Tree import TerminalNode
from luaparser import astnodes
from luaparser.astnodes import (
    Attribute,
    Break,
    Call,
    CallStyle,
    FalseExpr,
    Field,
    Fornum,
    Index,
    IndexNotation,
    Method,
    Name,
    Nil,
    Number,
    SemiColon,
    String,
    StringDelimiter,
    TrueExpr,
    Varargs,
)
from luaparser.builder import BuilderVisitor
from luaparser.parser.LuaParser import LuaParser

from . import literals, parser
from .checks import check_chunk
from .errors import LuaSyntaxError

__all__ = ["parse", "parse_antlr", "LuaSyntaxError"]

_BOM = "\xef\xbb\xbf"


def parse(source, chunkname, *, from_file=True):
    """Parse Lua source into a luaparser Chunk; raise LuaSyntaxError.

    `from_file` applies luaL_loadfile's header rules (skip a UTF-8 BOM and a
    first line starting with '#'); pass False for `load` of a string, which
    Lua parses as is.
    """
    if from_file:
        source = _skip_header(source)
    return _in_big_stack(_parse, source, chunkname, _build)


def parse_antlr(source, chunkname, *, from_file=True):
    """parse() with the tree made by luaparser's ANTLR parser and _Builder.

    The former pipeline, kept as the oracle of parser.build's tree in the
    tests; the compiler does not use it.
    """
    if from_file:
        source = _skip_header(source)
    return _in_big_stack(_parse, source, chunkname, _antlr_build)


def _skip_header(source):
    if source.startswith(_BOM):
        source = source[3:]
    if source.startswith("#"):
        # The line is dropped but its newline kept, so lines keep their
        # numbers (luaL_loadfilex skips up to '\n' and adds one back).
        nl = source.find("\n")
        source = "\n" if nl < 0 else source[nl:]
    return source


# ---------------------------------------------------------------------------
# Running in a thread with a large stack

_STACK_SIZE = 256 * 1024 * 1024
_RECURSION_LIMIT = 100000
_lock = threading.Lock()


def _in_big_stack(fn, *args):
    result = []

    def run():
        try:
            result.append((True, fn(*args)))
        except BaseException as e:  # handed to the calling thread
            result.append((False, e))

    with _lock:
        # The parse makes many objects and no garbage cycles: the cyclic GC
        # only costs time here (about 40% of ANTLR's time).
        gc_enabled = gc.isenabled()
        gc.disable()
        old_limit = sys.getrecursionlimit()
        if old_limit < _RECURSION_LIMIT:
            sys.setrecursionlimit(_RECURSION_LIMIT)
        try:
            old_size = threading.stack_size()
            try:
                threading.stack_size(_STACK_SIZE)
                thread = threading.Thread(target=run, name="moonlet-parse", daemon=True)
                thread.start()
            except (ValueError, RuntimeError):
                thread = None  # no big threads here: parse in this one
            finally:
                threading.stack_size(old_size)
            if thread is None:
                run()
            else:
                thread.join()
        finally:
            if old_limit < _RECURSION_LIMIT:
                sys.setrecursionlimit(old_limit)
            if gc_enabled:
                gc.enable()
    ok, value = result[0]
    if ok:
        return value
    raise value


def _parse(source, chunkname, make_tree):
    try:
        tokens = literals.tokenize(source)
        check_chunk(tokens, chunkname)
        return make_tree(tokens, chunkname)
    except LuaSyntaxError:
        raise
    except RecursionError:
        raise LuaSyntaxError("C stack overflow") from None
    except Exception as e:
        # Never a Python traceback for the user: a builder failing on code
        # our checks accepted is reported as a syntax error of that chunk.
        raise LuaSyntaxError(
            "%s: cannot parse this chunk (%s: %s)" % (chunkname, type(e).__name__, e)
        ) from e


def _build(tokens, chunkname):
    """The tree of `tokens`, which check_chunk accepted."""
    return parser.build(tokens)


# ---------------------------------------------------------------------------
# ANTLR


class _FirstError(ErrorListener):
    """Stop at the first syntax error, keeping the offending token."""

    def syntaxError(self, recognizer, offendingSymbol, line, column, msg, e):
        raise _AntlrFailure(offendingSymbol, line, msg)


class _AntlrFailure(Exception):
    def __init__(self, token, line, msg):
        Exception.__init__(self, msg)
        self.token = token
        self.line = line


def _antlr_build(tokens, chunkname):
    tree, stream = _antlr_parse(tokens, chunkname)
    return _Builder(stream).visit(tree)


def _antlr_parse(tokens, chunkname):
    stream = CommonTokenStream(None)
    stream.tokens = tokens
    stream.fetchedEOF = True
    parser = LuaParser(stream)
    parser.removeErrorListeners()
    parser._errHandler = BailErrorStrategy()
    parser._interp.predictionMode = PredictionMode.SLL
    try:
        return parser.start_(), stream
    except ParseCancellationException:
        pass
    # SLL could not decide: full LL, reporting the first error.
    stream.seek(0)
    parser.reset()
    parser.addErrorListener(_FirstError())
    parser._errHandler = DefaultErrorStrategy()
    parser._interp.predictionMode = PredictionMode.LL
    try:
        return parser.start_(), stream
    except _AntlrFailure as e:
        tok = e.token
        near = tok.near() if isinstance(tok, literals.LuaToken) else "<eof>"
        line = getattr(tok, "endline", e.line)
        raise LuaSyntaxError(
            "%s:%d: unexpected symbol near %s" % (chunkname, line, near), line
        ) from None


# ---------------------------------------------------------------------------
# Tree building

_BINARY = {
    LuaParser.CARET: astnodes.ExpoOp,
    LuaParser.STAR: astnodes.MultOp,
    LuaParser.SLASH: astnodes.FloatDivOp,
    LuaParser.PER: astnodes.ModOp,
    LuaParser.SS: astnodes.FloorDivOp,
    LuaParser.PLUS: astnodes.AddOp,
    LuaParser.MINUS: astnodes.SubOp,
    LuaParser.DD: astnodes.Concat,
    LuaParser.LT: astnodes.LessThanOp,
    LuaParser.GT: astnodes.GreaterThanOp,
    LuaParser.LE: astnodes.LessOrEqThanOp,
    LuaParser.GE: astnodes.GreaterOrEqThanOp,
    LuaParser.SQEQ: astnodes.NotEqToOp,
    LuaParser.EE: astnodes.EqToOp,
    LuaParser.AND: astnodes.AndLoOp,
    LuaParser.OR: astnodes.OrLoOp,
    LuaParser.AMP: astnodes.BAndOp,
    LuaParser.PIPE: astnodes.BOrOp,
    LuaParser.SQUIG: astnodes.BXorOp,
    LuaParser.LL: astnodes.BShiftLOp,
    LuaParser.GG: astnodes.BShiftROp,
}
_COMPARE = frozenset(
    (
        LuaParser.LT,
        LuaParser.GT,
        LuaParser.LE,
        LuaParser.GE,
        LuaParser.SQEQ,
        LuaParser.EE,
    )
)
_UNARY = {
    LuaParser.NOT: astnodes.ULNotOp,
    LuaParser.POUND: astnodes.ULengthOP,
    LuaParser.MINUS: astnodes.UMinusOp,
    LuaParser.SQUIG: astnodes.UBNotOp,
}
_CONSTANTS = {
    LuaParser.NIL: Nil,
    LuaParser.TRUE: TrueExpr,
    LuaParser.FALSE: FalseExpr,
    LuaParser.DDD: Varargs,  # luaparser uses Dots here, Varargs in parameters
}
_DELIMITERS = {
    literals.NORMALSTRING: StringDelimiter.DOUBLE_QUOTE,
    literals.CHARSTRING: StringDelimiter.SINGLE_QUOTE,
    literals.LONGSTRING: StringDelimiter.DOUBLE_SQUARE,
}


def _mark(node, token):
    """Give `node` the position of `token`."""
    node._first_token = node._last_token = token
    node.lua_line = token.line
    return node


class _Builder(BuilderVisitor):
    """luaparser's builder, fixed where it loses values or positions.

    Tokens are our LuaTokens: positions are set without luaparser's token
    cloning, and comments are not collected.
    """

    def add_context(self, parser_nodes, node, *args, **kwargs):
        if parser_nodes.__class__ is list:
            first, last = parser_nodes[0], parser_nodes[-1]
            start = (
                first.start if isinstance(first, ParserRuleContext) else first.symbol
            )
            stop = last.stop if isinstance(last, ParserRuleContext) else last.symbol
        else:
            start, stop = parser_nodes.start, parser_nodes.stop
        node._first_token = start
        node._last_token = stop
        node.lua_line = start.line
        return node

    def visitTerminal(self, node):
        symbol = node.symbol
        t = symbol.type
        if t == LuaParser.NAME:
            return _mark(Name(symbol.text), symbol)
        if t == LuaParser.EOF:
            return None
        return symbol.text

    def visitNumber(self, ctx):
        return _mark(Number(ctx.start.value), ctx.start)

    def visitString(self, ctx):
        tok = ctx.start
        text = tok.text
        if tok.type == literals.LONGSTRING:
            level = text.index("[", 1) + 1
            raw = text[level:-level]
        else:
            raw = text[1:-1]
        return _mark(String(tok.value, raw, _DELIMITERS[tok.type]), tok)

    def visitExp(self, ctx):
        if ctx.op is not None:
            # a op b op c ...: walk the left spine in a loop, not recursively
            spine = []
            while ctx.op is not None:
                spine.append(ctx)
                ctx = ctx.children[0]
            node = self.visitExp(ctx)
            for ctx in reversed(spine):
                op = ctx.op
                node = _BINARY[op.type](node, self.visitExp(ctx.children[2]))
                node._first_token = ctx.start
                node._last_token = ctx.stop
                node.lua_line = ctx.start.line
                # Lua reports comparison errors at the line of the last token
                # of the right operand, other operators at their own line.
                node.lua_op_line = ctx.stop.line if op.type in _COMPARE else op.line
            return node
        op = ctx.unary_op
        if op is not None:
            node = _UNARY[op.type](self.visitExp(ctx.children[1]))
            node.lua_op_line = op.line
        else:
            child = ctx.children[0]
            if isinstance(child, TerminalNode):
                node = _CONSTANTS[child.symbol.type]()
            else:
                node = child.accept(self)
        node._first_token = ctx.start
        node._last_token = ctx.stop
        node.lua_line = ctx.start.line
        return node

    def visitVar(self, ctx):
        name = ctx.NAME()
        if name is not None:
            return self.visitTerminal(name)
        return self.visit_tail_chain(self.visit(ctx.prefixexp()), [ctx.tail()])

    def visit_tail_chain(self, root_exp, tails):
        line = root_exp.lua_line
        for tail in tails:
            node = self.visit(tail)
            node.value = root_exp
            node.lua_line = line
            node.lua_op_line = tail.stop.line
            root_exp = node
        return root_exp

    def visit_call(self, root_exp, ctx):
        line = root_exp.lua_line
        func = self.visit_tail_chain(root_exp, ctx.tail())
        par, args = self.visitArgs(ctx.args())
        if args.__class__ is not list:
            args = [args]
        node = self.add_context(
            ctx,
            Call(
                func, args, style=CallStyle.DEFAULT if par else CallStyle.NO_PARENTHESIS
            ),
        )
        node.lua_line = line
        return node

    def visitFuncname(self, ctx):
        names = [self.visitTerminal(n) for n in ctx.NAME()]
        root = names[0]
        method = ctx.COL() is not None
        for name in names[1 : len(names) - 1 if method else len(names)]:
            root = Index(idx=name, value=root, notation=IndexNotation.DOT)
            _mark(root, names[0]._first_token)
        if method:
            return self.add_context(
                ctx, Method(source=root, name=names[-1], args=[], body=None)
            )
        return root

    def visitParlist(self, ctx):
        namelist = ctx.namelist()
        params = [] if namelist is None else self.visitNamelist(namelist)
        ddd = ctx.DDD()
        if ddd is not None:
            params.append(_mark(Varargs(), ddd.symbol))
        return params

    def visitField(self, ctx):
        first = ctx.children[0]
        if isinstance(first, TerminalNode):
            if first.symbol.type == LuaParser.OB:  # '[' exp ']' '=' exp
                field = Field(
                    self.visitExp(ctx.children[1]),
                    self.visitExp(ctx.children[4]),
                    between_brackets=True,
                )
            else:  # NAME '=' exp
                field = Field(self.visitTerminal(first), self.visitExp(ctx.children[2]))
        else:  # exp
            field = Field(None, self.visitExp(first))
        return self.add_context(ctx, field)

    def visitAttrib(self, ctx):
        name = self.visitTerminal(ctx.NAME())
        return self.add_context(ctx, Attribute(name))

    def visitStat_empty(self, ctx):
        return _mark(SemiColon(), ctx.start)

    def visitStat_break(self, ctx):
        return _mark(Break(), ctx.start)

    def visitStat_for(self, ctx):
        node = BuilderVisitor.visitStat_for(self, ctx)
        if node.__class__ is Fornum and ctx.exp(2) is None:
            node.step = None  # luaparser puts the Python int 1 here
        return node

    def visitStat_local(self, ctx):
        node = BuilderVisitor.visitStat_local(self, ctx)
        for name in node.targets:
            attribute = name.attribute
            name.lua_attrib = None if attribute is None else attribute.name.id
        return node
