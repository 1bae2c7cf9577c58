"""Lua 5.4 parser: our tokens to luaparser's tree, by recursive descent.

    build(tokens) -> luaparser.astnodes.Chunk

Rules:
- It only runs on token lists that checks.check_chunk accepted, so it
  validates nothing and has no error recovery: the recognizer owns every
  syntax error and its message.
- The tree is the one luaparser's ANTLR parser and antlr_tree._Builder made
  before (they remain as frontend.parse_antlr, the oracle of
  tests/unit/test_parser.py): same node classes, fields, extra attributes and
  even the order of the attributes, since the lowering walks `vars(node)`.
  One deliberate difference: luaparser drops the calls that follow a method
  call on a parenthesised object (`(o):m()()` lost its last call); they are
  kept here.
- Token spans (`_first_token`, `_last_token`) are those of the ANTLR rule
  that made the node, because positions and some lines come from them:
  an expression spans all of its tokens, parentheses included; in a suffix
  chain that is not the whole expression (`a.b.c`, statement calls,
  assignment targets), `t.k`/`t[k]` spans its suffix, a call its suffixes
  since the previous call plus its arguments, a method call the chain from
  its start to the end of the plain calls right after it (luaparser's
  grammar puts them in the method call's rule), and a parenthesised chain
  root keeps the span of the expression inside the parentheses.
- Nodes are made as object.__new__ plus their attribute dict: twice as fast
  as the constructors' chains of super().__init__ calls, and node making is
  most of the build's time.
- Long `a + b + ...`, `a .. b .. ...` and `f()()...`/`a.b.c...` chains are
  built with loops (Lua's subexpr as an explicit operator stack). Recursion
  is per nesting level only, which check_chunk bounds like Lua does ("C
  stack overflow").
"""

from luaparser.astnodes import (
    AddOp,
    AndLoOp,
    AnonymousFunction,
    Assign,
    Attribute,
    BAndOp,
    Block,
    BOrOp,
    Break,
    BShiftLOp,
    BShiftROp,
    BXorOp,
    Call,
    CallStyle,
    Chunk,
    Concat,
    Do,
    ElseIf,
    EqToOp,
    ExpoOp,
    FalseExpr,
    Field,
    FloatDivOp,
    FloorDivOp,
    Forin,
    Fornum,
    Function,
    Goto,
    GreaterOrEqThanOp,
    GreaterThanOp,
    If,
    Index,
    IndexNotation,
    Invoke,
    Label,
    LessOrEqThanOp,
    LessThanOp,
    LocalAssign,
    LocalFunction,
    Method,
    ModOp,
    MultOp,
    Name,
    Nil,
    NotEqToOp,
    Number,
    OrLoOp,
    Repeat,
    Return,
    SemiColon,
    String,
    StringDelimiter,
    SubOp,
    Table,
    TrueExpr,
    UBNotOp,
    ULengthOP,
    ULNotOp,
    UMinusOp,
    Varargs,
    While,
)

from . import literals as L
from .literals import (
    CC,
    CCU,
    COL,
    COMMA,
    CP,
    DDD,
    DOT,
    ELSE,
    ELSEIF,
    END,
    EQ,
    FUNCTION,
    LT,
    OB,
    OCU,
    OP,
    RETURN,
    SEMI,
    UNTIL,
)

__all__ = ["build"]

_new = object.__new__

_S = L.SYMBOLS
_K = L.KEYWORDS
NAME = L.NAME
EOF = L.EOF

_DOT = IndexNotation.DOT
_SQUARE = IndexNotation.SQUARE
_PAREN = CallStyle.DEFAULT
_NO_PAREN = CallStyle.NO_PARENTHESIS

_BLOCK_END = frozenset((ELSE, ELSEIF, END, UNTIL, EOF))
_NUMBERS = L.NUMBER_TYPES
_STRINGS = L.STRING_TYPES
_ARGS_START = frozenset((OP, OCU)) | _STRINGS
_SUFFIX_START = _ARGS_START | {DOT, OB, COL}
_DELIMITERS = {
    L.NORMALSTRING: StringDelimiter.DOUBLE_QUOTE,
    L.CHARSTRING: StringDelimiter.SINGLE_QUOTE,
    L.LONGSTRING: StringDelimiter.DOUBLE_SQUARE,
}

# Lua's priorities (lparser.c); luaparser's grammar has the same levels.
_UNARY_PRIORITY = 12
# token -> (left priority, right priority, class, luaparser's node name,
# whether Lua reports its errors at the right operand's last line)
_BINARY = {
    _S["^"]: (14, 13, ExpoOp, "ExpoOp", False),
    _S["*"]: (11, 11, MultOp, "MultOp", False),
    _S["/"]: (11, 11, FloatDivOp, "FloatDivOp", False),
    _S["%"]: (11, 11, ModOp, "ModOp", False),
    _S["//"]: (11, 11, FloorDivOp, "FloorDivOp", False),
    _S["+"]: (10, 10, AddOp, "AddOp", False),
    _S["-"]: (10, 10, SubOp, "SubOp", False),
    _S[".."]: (9, 8, Concat, "Concat", False),
    _S["<<"]: (7, 7, BShiftLOp, "BShiftLOp", False),
    _S[">>"]: (7, 7, BShiftROp, "BShiftROp", False),
    _S["&"]: (6, 6, BAndOp, "BAndOp", False),
    _S["~"]: (5, 5, BXorOp, "BXorOp", False),
    _S["|"]: (4, 4, BOrOp, "BOrOp", False),
    _S["<"]: (3, 3, LessThanOp, "RLtOp", True),
    _S[">"]: (3, 3, GreaterThanOp, "RGtOp", True),
    _S["<="]: (3, 3, LessOrEqThanOp, "RLtEqOp", True),
    _S[">="]: (3, 3, GreaterOrEqThanOp, "RGtEqOp", True),
    _S["~="]: (3, 3, NotEqToOp, "RNotEqOp", True),
    _S["=="]: (3, 3, EqToOp, "REqOp", True),
    _K["and"]: (2, 2, AndLoOp, "LAndOp", False),
    _K["or"]: (1, 1, OrLoOp, "LOrOp", False),
}
_UNARY = {
    _K["not"]: (ULNotOp, "ULNotOp"),
    _S["#"]: (ULengthOP, "ULengthOp"),
    _S["-"]: (UMinusOp, "UMinusOp"),
    _S["~"]: (UBNotOp, "UBNotOp"),
}


def build(tokens):
    """The Chunk of `tokens`, a list that check_chunk accepted."""
    block = _Parser(tokens).block()
    first = tokens[0]
    node = _new(Chunk)
    node.__dict__ = {
        "_name": "Chunk",
        "comments": [],
        "_first_token": first,
        "_last_token": tokens[-2] if len(tokens) > 1 else None,
        "body": block,
        "lua_line": first.line,
    }
    return node


# ---------------------------------------------------------------------------
# Leaves


def _node(cls, name, first, last, fields):
    """A node whose attributes are luaparser's common ones, then `fields`."""
    node = _new(cls)
    d = {
        "_name": name,
        "comments": [],
        "_first_token": first,
        "_last_token": last,
        "wrapped": False,
    }
    d.update(fields)
    d["lua_line"] = first.line
    node.__dict__ = d
    return node


def _name(tok):
    return _node(Name, "Name", tok, tok, {"id": tok.value, "attribute": None})


def _string(tok):
    fields = {
        "s": tok.value,
        "raw": L.raw_string(tok),
        "delimiter": _DELIMITERS[tok.type],
    }
    return _node(String, "String", tok, tok, fields)


def _number(tok):
    return _node(Number, "Number", tok, tok, {"n": tok.value})


def _constant(cls, name, tok, value):
    return _node(cls, name, tok, tok, {} if value is None else {"value": value})


def _nil(tok):
    return _constant(Nil, "Nil", tok, None)


def _true(tok):
    return _constant(TrueExpr, "True", tok, True)


def _false(tok):
    return _constant(FalseExpr, "False", tok, False)


def _varargs(tok):
    return _constant(Varargs, "Varargs", tok, None)


_CONSTANTS = {
    _K["nil"]: _nil,
    _K["true"]: _true,
    _K["false"]: _false,
    DDD: _varargs,
}


# ---------------------------------------------------------------------------
# The parser


class _Parser:
    __slots__ = ("toks", "p")

    def __init__(self, tokens):
        self.toks = tokens
        self.p = 0

    # -- blocks and statements ---------------------------------------------

    def block(self):
        toks = self.toks
        first = toks[self.p]
        body = []
        append = body.append
        statements = _STATEMENTS
        exprstat = self.exprstat
        while True:
            t = toks[self.p].type
            if t == NAME or t == OP:
                append(exprstat())
            elif t in _BLOCK_END:
                break
            elif t == RETURN:
                append(self.retstat())
                break
            else:
                append(statements[t](self))
        p = self.p
        node = _new(Block)
        node.__dict__ = {
            "_name": "Block",
            "comments": [],
            "_first_token": first,
            # an empty block ends before it starts, as ANTLR's contexts do
            "_last_token": toks[p - 1] if p else None,
            "body": body,
            "lua_line": first.line,
        }
        return node

    def exprstat(self):
        toks = self.toks
        first = toks[self.p]
        node = self.chain()
        t = toks[self.p].type
        if t != EQ and t != COMMA:
            return node  # a call statement keeps the call's own span
        targets = [node]
        while toks[self.p].type == COMMA:
            self.p += 1
            targets.append(self.chain())
        self.p += 1  # '='
        values = self.explist()
        return _node(
            Assign,
            "Assign",
            first,
            toks[self.p - 1],
            {"targets": targets, "values": values},
        )

    def retstat(self):
        toks = self.toks
        first = toks[self.p]
        self.p += 1
        t = toks[self.p].type
        if t in _BLOCK_END or t == SEMI:
            values = []
        else:
            values = self.explist()
        if toks[self.p].type == SEMI:
            self.p += 1
        return _node(Return, "Return", first, toks[self.p - 1], {"values": values})

    def stat_semi(self):
        tok = self.toks[self.p]
        self.p += 1
        return _node(SemiColon, "SemiColon", tok, tok, ())

    def stat_break(self):
        tok = self.toks[self.p]
        self.p += 1
        return _node(Break, "Break", tok, tok, ())

    def stat_goto(self):
        toks = self.toks
        first = toks[self.p]
        label = toks[self.p + 1]
        self.p += 2
        return _node(Goto, "Goto", first, label, {"label": _name(label)})

    def stat_label(self):
        toks = self.toks
        p = self.p
        self.p = p + 3
        return _node(Label, "Label", toks[p], toks[p + 2], {"id": _name(toks[p + 1])})

    def stat_do(self):
        toks = self.toks
        first = toks[self.p]
        self.p += 1
        body = self.block()
        self.p += 1  # 'end'
        return _node(Do, "Do", first, toks[self.p - 1], {"body": body})

    def stat_while(self):
        toks = self.toks
        first = toks[self.p]
        self.p += 1
        test = self.expr()
        self.p += 1  # 'do'
        body = self.block()
        self.p += 1  # 'end'
        return _node(
            While, "While", first, toks[self.p - 1], {"test": test, "body": body}
        )

    def stat_repeat(self):
        toks = self.toks
        first = toks[self.p]
        self.p += 1
        body = self.block()
        self.p += 1  # 'until'
        test = self.expr()
        return _node(
            Repeat, "Repeat", first, toks[self.p - 1], {"body": body, "test": test}
        )

    def stat_if(self):
        toks = self.toks
        first = toks[self.p]
        self.p += 1
        test = self.expr()
        self.p += 1  # 'then'
        body = self.block()
        elseifs = []
        while toks[self.p].type == ELSEIF:
            tok = toks[self.p]
            self.p += 1
            etest = self.expr()
            self.p += 1  # 'then'
            ebody = self.block()
            # luaparser spans an elseif from its keyword to its block's end
            elseifs.append(
                _node(
                    ElseIf,
                    "ElseIf",
                    tok,
                    toks[self.p - 1],
                    {"test": etest, "body": ebody, "orelse": None},
                )
            )
        orelse = None
        if toks[self.p].type == ELSE:
            self.p += 1
            orelse = self.block()
        self.p += 1  # 'end'
        for node in reversed(elseifs):
            node.orelse = orelse
            orelse = node
        return _node(
            If,
            "If",
            first,
            toks[self.p - 1],
            {"test": test, "body": body, "orelse": orelse},
        )

    def stat_for(self):
        toks = self.toks
        p = self.p
        first = toks[p]
        if toks[p + 2].type == EQ:
            target = _name(toks[p + 1])
            self.p = p + 3
            start = self.expr()
            self.p += 1  # ','
            stop = self.expr()
            step = None
            if toks[self.p].type == COMMA:
                self.p += 1
                step = self.expr()
            self.p += 1  # 'do'
            body = self.block()
            self.p += 1  # 'end'
            return _node(
                Fornum,
                "Fornum",
                first,
                toks[self.p - 1],
                {
                    "target": target,
                    "start": start,
                    "stop": stop,
                    "step": step,
                    "body": body,
                },
            )
        p += 1
        targets = [_name(toks[p])]
        p += 1
        while toks[p].type == COMMA:
            targets.append(_name(toks[p + 1]))
            p += 2
        self.p = p + 1  # 'in'
        iters = self.explist()
        self.p += 1  # 'do'
        body = self.block()
        self.p += 1  # 'end'
        return _node(
            Forin,
            "Forin",
            first,
            toks[self.p - 1],
            {"body": body, "iter": iters, "targets": targets},
        )

    def stat_function(self):
        toks = self.toks
        p = self.p
        first = toks[p]
        tok0 = toks[p + 1]
        name = _name(tok0)
        p += 2
        while toks[p].type == DOT:
            # luaparser gives these Index nodes the first name's position
            # and no lua_op_line
            index = _new(Index)
            index.__dict__ = {
                "_name": "Index",
                "comments": [],
                "_first_token": tok0,
                "_last_token": tok0,
                "wrapped": False,
                "idx": _name(toks[p + 1]),
                "value": name,
                "notation": _DOT,
                "lua_line": tok0.line,
            }
            name = index
            p += 2
        method = None
        if toks[p].type == COL:
            method = _name(toks[p + 1])
            p += 2
        self.p = p
        args, body = self.funcbody()
        last = toks[self.p - 1]
        if method is None:
            return _node(
                Function,
                "Function",
                first,
                last,
                {"name": name, "args": args, "body": body},
            )
        return _node(
            Method,
            "Method",
            first,
            last,
            {"source": name, "name": method, "args": args, "body": body},
        )

    def stat_local(self):
        toks = self.toks
        p = self.p
        first = toks[p]
        if toks[p + 1].type == FUNCTION:
            name = _name(toks[p + 2])
            self.p = p + 3
            args, body = self.funcbody()
            return _node(
                LocalFunction,
                "LocalFunction",
                first,
                toks[self.p - 1],
                {"name": name, "args": args, "body": body},
            )
        p += 1
        targets = []
        while True:
            name = _name(toks[p])
            p += 1
            if toks[p].type == LT:
                lt = toks[p]
                attrib = _new(Attribute)
                attrib.__dict__ = {
                    "_name": "Attribute",
                    "comments": [],
                    "_first_token": lt,
                    "_last_token": toks[p + 2],
                    "name": _name(toks[p + 1]),
                    "lua_line": lt.line,
                }
                name.attribute = attrib
                name.lua_attrib = toks[p + 1].value
                p += 3
            else:
                name.lua_attrib = None
            targets.append(name)
            if toks[p].type != COMMA:
                break
            p += 1
        self.p = p
        values = []
        if toks[p].type == EQ:
            self.p = p + 1
            values = self.explist()
        return _node(
            LocalAssign,
            "LocalAssign",
            first,
            toks[self.p - 1],
            {"targets": targets, "values": values},
        )

    def funcbody(self):
        """'(' parlist ')' block 'end' -> (parameters, body)."""
        toks = self.toks
        p = self.p + 1
        params = []
        while True:
            tok = toks[p]
            t = tok.type
            if t == NAME:
                params.append(_name(tok))
            elif t == DDD:
                params.append(_varargs(tok))
            elif t != COMMA:
                break  # ')'
            p += 1
        self.p = p + 1
        body = self.block()
        self.p += 1  # 'end'
        return params, body

    # -- expressions -----------------------------------------------------------

    def explist(self):
        values = [self.expr()]
        toks = self.toks
        while toks[self.p].type == COMMA:
            self.p += 1
            values.append(self.expr())
        return values

    def expr(self, limit=0):
        """Lua's subexpr(limit), with its recursion on right operands turned
        into an explicit stack."""
        toks = self.toks
        binary = _BINARY
        node = self.operand()
        prio = binary.get(toks[self.p].type)
        if prio is None or prio[0] <= limit:
            return node  # the common case: no operator
        stack = []
        while True:
            op = toks[self.p]
            prio = binary.get(op.type)
            if prio is not None and prio[0] > limit:
                self.p += 1
                stack.append((node, op, prio, limit))
                limit = prio[1]
                node = self.operand()
                continue
            if not stack:
                return node
            left, op, prio, limit = stack.pop()
            first = left._first_token
            last = toks[self.p - 1]
            right = node
            node = _new(prio[2])
            node.__dict__ = {
                "_name": prio[3],
                "comments": [],
                "_first_token": first,
                "_last_token": last,
                "wrapped": False,
                "left": left,
                "right": right,
                "lua_line": first.line,
                "lua_op_line": last.line if prio[4] else op.line,
            }

    def operand(self):
        """A simple expression or a unary operation, spanning all its tokens."""
        toks = self.toks
        p = self.p
        tok = toks[p]
        t = tok.type
        if t == NAME:
            if toks[p + 1].type not in _SUFFIX_START:
                self.p = p + 1
                return _name(tok)
            node = self.chain()
            node._first_token = tok
            node._last_token = toks[self.p - 1]
            node.lua_line = tok.line
            return node
        if t == OP:
            node = self.chain()
            node._first_token = tok
            node._last_token = toks[self.p - 1]
            node.lua_line = tok.line
            return node
        if t in _NUMBERS:
            self.p = p + 1
            return _number(tok)
        if t in _STRINGS:
            self.p = p + 1
            return _string(tok)
        if t == OCU:
            return self.table()
        if t == FUNCTION:
            self.p = p + 1
            args, body = self.funcbody()
            return _node(
                AnonymousFunction,
                "AnonymousFunction",
                tok,
                toks[self.p - 1],
                {"args": args, "body": body},
            )
        constant = _CONSTANTS.get(t)
        if constant is not None:
            self.p = p + 1
            return constant(tok)
        cls, name = _UNARY[t]
        self.p = p + 1
        operand = self.expr(_UNARY_PRIORITY)
        node = _new(cls)
        node.__dict__ = {
            "_name": name,
            "comments": [],
            "_first_token": tok,
            "_last_token": toks[self.p - 1],
            "wrapped": False,
            "operand": operand,
            "lua_op_line": tok.line,
            "lua_line": tok.line,
        }
        return node

    def chain(self):
        """A name or parenthesised expression and its suffixes, with the
        spans luaparser gives inside a chain (the caller widens the outer
        node's span when the chain is an expression)."""
        toks = self.toks
        p = self.p
        first = toks[p]
        if first.type == NAME:
            node = _name(first)
            p += 1
        else:
            self.p = p + 1
            node = self.expr()
            node.wrapped = True
            p = self.p + 1  # ')'
        # Lua reports errors of calls and indexing at the chain's start;
        # luaparser's chain start is the inner expression for `(e)...`, but
        # the '(' once a method call was made.
        line = node.lua_line
        group = None  # first suffix of the call being read
        invoke = None  # the last method call: its span covers calls after it
        while True:
            tok = toks[p]
            t = tok.type
            if t == DOT:
                key = toks[p + 1]
                index = _new(Index)
                index.__dict__ = {
                    "_name": "Index",
                    "comments": [],
                    "_first_token": tok,
                    "_last_token": key,
                    "wrapped": False,
                    "idx": _name(key),
                    "value": node,
                    "notation": _DOT,
                    "lua_line": line,
                    "lua_op_line": key.line,
                }
                node = index
                if group is None:
                    group = tok
                p += 2
            elif t == OB:
                self.p = p + 1
                key = self.expr()
                p = self.p
                close = toks[p]
                index = _new(Index)
                index.__dict__ = {
                    "_name": "Index",
                    "comments": [],
                    "_first_token": tok,
                    "_last_token": close,
                    "wrapped": False,
                    "idx": key,
                    "value": node,
                    "notation": _SQUARE,
                    "lua_line": line,
                    "lua_op_line": close.line,
                }
                node = index
                if group is None:
                    group = tok
                p += 1
            elif t == COL:
                method = _name(toks[p + 1])
                self.p = p + 2
                args, style = self.args()
                p = self.p
                line = first.line
                invoke = _new(Invoke)
                invoke.__dict__ = {
                    "_name": "Invoke",
                    "comments": [],
                    "_first_token": first,
                    "_last_token": toks[p - 1],
                    "wrapped": False,
                    "source": node,
                    "func": method,
                    "args": args,
                    "style": style,
                    "lua_line": line,
                }
                node = invoke
                group = None
            elif t in _ARGS_START:
                self.p = p
                args, style = self.args()
                p = self.p
                last = toks[p - 1]
                call = _new(Call)
                call.__dict__ = {
                    "_name": "Call",
                    "comments": [],
                    "_first_token": tok if group is None else group,
                    "_last_token": last,
                    "wrapped": False,
                    "func": node,
                    "args": args,
                    "style": style,
                    "lua_line": line,
                }
                node = call
                group = None
                if invoke is not None:
                    invoke._last_token = last
            else:
                self.p = p
                return node

    def args(self):
        """Call arguments -> (list of expressions, call style)."""
        toks = self.toks
        p = self.p
        tok = toks[p]
        t = tok.type
        if t == OP:
            if toks[p + 1].type == CP:
                self.p = p + 2
                return [], _PAREN
            self.p = p + 1
            values = self.explist()
            self.p += 1  # ')'
            return values, _PAREN
        if t == OCU:
            return [self.table()], _NO_PAREN
        self.p = p + 1
        return [_string(tok)], _NO_PAREN

    def table(self):
        toks = self.toks
        first = toks[self.p]
        self.p += 1
        fields = []
        index = 1
        while True:
            tok = toks[self.p]
            t = tok.type
            if t == CCU:
                break
            if t == OB:
                self.p += 1
                key = self.expr()
                self.p += 2  # ']' '='
                value = self.expr()
                brackets = True
                position = None
            elif t == NAME and toks[self.p + 1].type == EQ:
                key = _name(tok)
                self.p += 2
                value = self.expr()
                brackets = False
                position = None
            else:
                key = None
                value = self.expr()
                brackets = False
                position = index
                index += 1
            field = _new(Field)
            field.__dict__ = {
                "_name": "Field",
                "comments": [],
                "_first_token": tok,
                "_last_token": toks[self.p - 1],
                "wrapped": False,
                "key": key,
                "value": value,
                "between_brackets": brackets,
                "_index": position,
                "lua_line": tok.line,
            }
            fields.append(field)
            t = toks[self.p].type
            if t == COMMA or t == SEMI:
                self.p += 1
        last = toks[self.p]
        self.p += 1
        return _node(Table, "Table", first, last, {"fields": fields})


_STATEMENTS = {
    SEMI: _Parser.stat_semi,
    _K["if"]: _Parser.stat_if,
    _K["while"]: _Parser.stat_while,
    _K["do"]: _Parser.stat_do,
    _K["for"]: _Parser.stat_for,
    _K["repeat"]: _Parser.stat_repeat,
    FUNCTION: _Parser.stat_function,
    _K["local"]: _Parser.stat_local,
    CC: _Parser.stat_label,
    _K["break"]: _Parser.stat_break,
    _K["goto"]: _Parser.stat_goto,
}
