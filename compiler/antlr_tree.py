"""The oracle of compiler/parser.py: luaparser's ANTLR parser and builder.

    build(tokens, chunkname) -> luaparser.astnodes.Chunk

Only tests use it (frontend.parse_antlr): it makes, from tokens that
checks.check_chunk accepted, the tree luaparser's generated ANTLR parser
and a BuilderVisitor fixed where luaparser loses values or positions make,
which is the tree parser.build must make too. ANTLR runs in SLL mode with
the bail strategy first, then in full LL mode only if SLL fails; a failure
of both becomes a LuaSyntaxError built from ANTLR's offending token.
"""

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

from . import literals
from .errors import LuaSyntaxError

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


def build(tokens, chunkname):
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
        raw = literals.raw_string(tok)
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
