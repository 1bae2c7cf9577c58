"""Lua 5.4's own parse rules, as a recognizer over our tokens.

Rules:
- This module decides whether a chunk compiles and, when it does not, which
  message `luac5.4 -p` prints. It walks the tokens with the structure of
  lparser.c (Lua 5.4.4) - same functions, same order of checks, same
  one-token lookahead - so the first error found is the one Lua reports, with
  Lua's wording and line (Lua's line is the lexer's line after reading the
  current token: our tokens' `endline`).
- It builds nothing. luaparser builds the tree afterwards, only for chunks
  that passed here; its grammar then never has to produce error messages.
- Besides syntax it does the static checks luac does while parsing: `break`
  outside a loop, goto/label visibility and scope rules (including the rule
  that a label at the end of a block is outside the scope of the block's
  locals), repeated labels, `...` outside a vararg function, assignment to a
  `<const>` or `<close>` variable (also from nested functions), unknown
  attributes, several to-be-closed variables in one list, the limits of 200
  locals and 255 upvalues per function, and the parser nesting limit of the C
  implementation ("C stack overflow").
- Register overflow ("function or expression needs too many registers") is
  checked where long expression lists fill registers: call arguments, return
  and assignment lists, table constructors. The count is a lower bound of
  lcode.c's (other temporaries are not counted), so a chunk Lua accepts is never
  rejected.
- Not checked (they come from Lua's code generator, not its parser): jumps or
  constant tables too large for the bytecode format.
"""

from antlr4.Token import Token

from . import literals as L
from .errors import LuaSyntaxError
from .literals import (
    BREAK,
    CB,
    CC,
    COL,
    COMMA,
    CP,
    DDD,
    DO,
    DOT,
    ELSE,
    ELSEIF,
    END,
    EQ,
    FOR,
    FUNCTION,
    GOTO,
    GT,
    IF,
    IN,
    LOCAL,
    LT,
    OB,
    OCU,
    CCU,
    OP,
    REPEAT,
    RETURN,
    SEMI,
    THEN,
    UNTIL,
    WHILE,
)

_T = L.SYMBOLS
_K = L.KEYWORDS
NAME = L.NAME
EOF = Token.EOF
ERROR = L.ERROR

# Lua's limits (llimits.h, lparser.c, luaconf.h).
MAXVARS = 200
MAXUPVAL = 255
MAXCCALLS = 200
MAXREGS = 255
LFIELDS_PER_FLUSH = 50
# nCcalls when the parser starts, for `lua5.4 file.lua` and `luac5.4 -p`.
BASE_CCALLS = 1

# Variable kinds (lparser.h): regular, <const>, <close>.
VDKREG = 0
RDKCONST = 1
RDKTOCLOSE = 2

# Multiple results of the last expression of a list.
CALL = 1
VARARG = 2

# Expression kinds, as far as the checks need them.
E_OTHER = 0  # a value: constant, parenthesised expression, operation
E_VAR = 1  # a local, upvalue or global name
E_INDEXED = 2  # t.k or t[k]
E_CALL = 3  # f(...) or o:m(...)

_BLOCK_FOLLOW = frozenset((ELSE, ELSEIF, END, EOF))
_SIMPLE_VALUES = frozenset(
    (
        L.INT,
        L.HEX,
        L.FLOAT,
        L.HEX_FLOAT,
        L.NORMALSTRING,
        L.CHARSTRING,
        L.LONGSTRING,
        _K["nil"],
        _K["true"],
        _K["false"],
    )
)
_STRINGS = L.STRING_TYPES
_UNARY = frozenset((_K["not"], _T["-"], _T["~"], _T["#"]))
UNARY_PRIORITY = 12
# token -> (left priority, right priority)
_BINARY = {
    _T["+"]: (10, 10),
    _T["-"]: (10, 10),
    _T["*"]: (11, 11),
    _T["%"]: (11, 11),
    _T["^"]: (14, 13),
    _T["/"]: (11, 11),
    _T["//"]: (11, 11),
    _T["&"]: (6, 6),
    _T["|"]: (4, 4),
    _T["~"]: (5, 5),
    _T["<<"]: (7, 7),
    _T[">>"]: (7, 7),
    _T[".."]: (9, 8),
    _T["=="]: (3, 3),
    _T["<"]: (3, 3),
    _T["<="]: (3, 3),
    _T["~="]: (3, 3),
    _T[">"]: (3, 3),
    _T[">="]: (3, 3),
    _K["and"]: (2, 2),
    _K["or"]: (1, 1),
}


class _Block:
    __slots__ = ("previous", "nactvar", "firstlabel", "firstgoto", "isloop")

    def __init__(self, previous, nactvar, firstlabel, firstgoto, isloop):
        self.previous = previous
        self.nactvar = nactvar
        self.firstlabel = firstlabel
        self.firstgoto = firstgoto
        self.isloop = isloop


class _Func:
    __slots__ = (
        "prev",
        "firstlocal",
        "firstlabel",
        "nactvar",
        "bl",
        "is_vararg",
        "upvals",
        "linedefined",
        "temps",
    )

    def __init__(self, prev, firstlocal, firstlabel, linedefined):
        self.prev = prev
        self.firstlocal = firstlocal
        self.firstlabel = firstlabel
        self.nactvar = 0
        self.bl = None
        self.is_vararg = False
        self.upvals = {}  # name -> variable kind
        self.linedefined = linedefined
        self.temps = 0  # registers above the locals' (a lower bound)


class Recognizer:
    """Check a token list as lparser.c would; raise LuaSyntaxError."""

    def __init__(self, tokens, chunkname, base_ccalls=BASE_CCALLS):
        self.toks = tokens
        self.chunk = chunkname
        self.pos = 0
        self.tok = tokens[0]
        self.t = self.tok.type
        self.level = base_ccalls
        self.fs = None
        self.actvar = []  # [name, kind] of declared variables, all functions
        self.labels = []  # [name, line, nactvar] of active labels
        self.gotos = []  # [name, line, nactvar] of pending gotos
        self.multret = False  # the last expression: False, CALL or VARARG

    # -- errors --------------------------------------------------------------

    def syntaxerror(self, msg):
        tok = self.tok
        line = tok.endline
        raise LuaSyntaxError(
            "%s:%d: %s near %s" % (self.chunk, line, msg, tok.near()), line
        )

    def semerror(self, msg):
        line = self.tok.endline
        raise LuaSyntaxError("%s:%d: %s" % (self.chunk, line, msg), line)

    def lexerror(self, tok):
        err = tok.value
        raise LuaSyntaxError("%s:%d: %s" % (self.chunk, err.line, err.text()), err.line)

    def error_expected(self, t):
        self.syntaxerror("%s expected" % L.TOKEN_TEXT[t])

    def errorlimit(self, fs, limit, what):
        line = fs.linedefined
        where = "main function" if line == 0 else "function at line %d" % line
        self.syntaxerror("too many %s (limit is %d) in %s" % (what, limit, where))

    def reserve(self, n):
        """luaK_checkstack + luaK_reserveregs: n more registers for temporaries."""
        fs = self.fs
        fs.temps += n
        if fs.temps + fs.nactvar >= MAXREGS:  # cheap test first
            first = fs.firstlocal
            locals_ = self.actvar[first : first + fs.nactvar]
            inregs = sum(1 for v in locals_ if v[1] != RDKCONST)
            if inregs + fs.temps >= MAXREGS:
                self.syntaxerror("function or expression needs too many registers")

    def enterlevel(self):
        self.level += 1
        if self.level >= MAXCCALLS:
            raise LuaSyntaxError("C stack overflow", self.tok.endline)

    # -- tokens --------------------------------------------------------------

    def next(self):
        self.pos += 1
        tok = self.tok = self.toks[self.pos]
        self.t = tok.type
        if self.t == ERROR:
            self.lexerror(tok)

    def lookahead(self):
        tok = self.toks[self.pos + 1]
        if tok.type == ERROR:
            self.lexerror(tok)
        return tok.type

    def testnext(self, t):
        if self.t == t:
            self.next()
            return True
        return False

    def check(self, t):
        if self.t != t:
            self.error_expected(t)

    def checknext(self, t):
        if self.t != t:
            self.error_expected(t)
        self.next()

    def check_match(self, what, who, where):
        if self.t == what:
            self.next()
            return
        if where == self.tok.endline:
            self.error_expected(what)
        self.syntaxerror(
            "%s expected (to close %s at line %d)"
            % (L.TOKEN_TEXT[what], L.TOKEN_TEXT[who], where)
        )

    def str_checkname(self):
        if self.t != NAME:
            self.error_expected(NAME)
        name = self.tok.value
        self.next()
        return name

    def block_follow(self, withuntil):
        t = self.t
        return t in _BLOCK_FOLLOW or (withuntil and t == UNTIL)

    # -- variables -----------------------------------------------------------

    def new_localvar(self, name):
        fs = self.fs
        if len(self.actvar) + 1 - fs.firstlocal > MAXVARS:
            self.errorlimit(fs, MAXVARS, "local variables")
        self.actvar.append([name, VDKREG])

    def adjustlocalvars(self, nvars):
        self.fs.nactvar += nvars

    def singlevaraux(self, fs, name):
        """Resolve `name` in `fs`: (E_VAR, kind) or (E_INDEXED, None)."""
        if fs is None:
            return E_INDEXED, None  # global
        actvar = self.actvar
        first = fs.firstlocal
        for i in range(first + fs.nactvar - 1, first - 1, -1):
            v = actvar[i]
            if v[0] == name:
                return E_VAR, v[1]
        kind = fs.upvals.get(name)
        if kind is not None:
            return E_VAR, kind
        k, kind = self.singlevaraux(fs.prev, name)
        if k == E_VAR:
            if len(fs.upvals) + 1 > MAXUPVAL:
                self.errorlimit(fs, MAXUPVAL, "upvalues")
            fs.upvals[name] = kind
        return k, kind

    def singlevar(self):
        """Read a name; return (expression kind, name if read-only)."""
        name = self.str_checkname()
        k, kind = self.singlevaraux(self.fs, name)
        if k == E_INDEXED:
            self.singlevaraux(self.fs, "_ENV")  # makes _ENV an upvalue
            return E_INDEXED, None
        return E_VAR, (name if kind != VDKREG else None)

    # -- blocks, labels and gotos ------------------------------------------

    def enterblock(self, isloop):
        fs = self.fs
        fs.bl = _Block(fs.bl, fs.nactvar, len(self.labels), len(self.gotos), isloop)

    def leaveblock(self):
        fs = self.fs
        bl = fs.bl
        if bl.isloop:
            self.createlabel("break", 0, False)
        fs.bl = bl.previous
        # remove the block's variables
        nremove = fs.nactvar - bl.nactvar
        if nremove:
            del self.actvar[len(self.actvar) - nremove :]
        fs.nactvar = bl.nactvar
        del self.labels[bl.firstlabel :]
        gotos = self.gotos
        if bl.previous is not None:
            for i in range(bl.firstgoto, len(gotos)):
                gotos[i][2] = bl.nactvar  # the goto now leaves the block
        elif bl.firstgoto < len(gotos):
            name, line, _ = gotos[bl.firstgoto]
            if name == "break":
                self.semerror("break outside loop at line %d" % line)
            self.semerror("no visible label '%s' for <goto> at line %d" % (name, line))

    def findlabel(self, name):
        labels = self.labels
        for i in range(self.fs.firstlabel, len(labels)):
            if labels[i][0] == name:
                return labels[i]
        return None

    def createlabel(self, name, line, last):
        fs = self.fs
        nactvar = fs.bl.nactvar if last else fs.nactvar
        self.labels.append([name, line, nactvar])
        gotos = self.gotos
        i = fs.bl.firstgoto
        while i < len(gotos):
            gt = gotos[i]
            if gt[0] == name:
                if gt[2] < nactvar:  # jumps into the scope of a local
                    var = self.actvar[fs.firstlocal + gt[2]][0]
                    self.semerror(
                        "<goto %s> at line %d jumps into the scope of local '%s'"
                        % (name, gt[1], var)
                    )
                del gotos[i]
            else:
                i += 1

    # -- functions -----------------------------------------------------------

    def open_func(self, linedefined):
        fs = _Func(self.fs, len(self.actvar), len(self.labels), linedefined)
        self.fs = fs
        self.enterblock(False)
        return fs

    def close_func(self):
        self.leaveblock()
        self.fs = self.fs.prev

    def check_chunk(self):
        """mainfunc: the whole chunk."""
        fs = self.open_func(0)
        fs.is_vararg = True
        fs.upvals["_ENV"] = VDKREG
        if self.t == ERROR:
            self.lexerror(self.tok)
        self.statlist()
        self.check(EOF)
        self.close_func()

    def body(self, ismethod, line):
        fs = self.open_func(line)
        if ismethod:
            self.new_localvar("self")
            self.adjustlocalvars(1)
        self.checknext(OP)
        # parlist
        nparams = 0
        if self.t != CP:
            while True:
                if self.t == NAME:
                    self.new_localvar(self.str_checkname())
                    nparams += 1
                elif self.t == DDD:
                    self.next()
                    fs.is_vararg = True
                    break
                else:
                    self.syntaxerror("<name> or '...' expected")
                if not self.testnext(COMMA):
                    break
        self.adjustlocalvars(nparams)
        self.checknext(CP)
        self.statlist()
        self.check_match(END, FUNCTION, line)
        self.close_func()

    # -- statements ----------------------------------------------------------

    def statlist(self):
        while not (self.t in _BLOCK_FOLLOW or self.t == UNTIL):
            if self.t == RETURN:
                self.statement()
                return
            self.statement()

    def block(self):
        self.enterblock(False)
        self.statlist()
        self.leaveblock()

    def statement(self):
        line = self.tok.endline
        self.enterlevel()
        self.fs.temps = 0
        t = self.t
        if t == SEMI:
            self.next()
        elif t == IF:
            self.ifstat(line)
        elif t == WHILE:
            self.next()
            self.expr()
            self.enterblock(True)
            self.checknext(DO)
            self.block()
            self.check_match(END, WHILE, line)
            self.leaveblock()
        elif t == DO:
            self.next()
            self.block()
            self.check_match(END, DO, line)
        elif t == FOR:
            self.forstat(line)
        elif t == REPEAT:
            self.enterblock(True)
            self.enterblock(False)
            self.next()
            self.statlist()
            self.check_match(UNTIL, REPEAT, line)
            self.expr()
            self.leaveblock()
            self.leaveblock()
        elif t == FUNCTION:
            self.next()
            k, readonly = self.singlevar()
            ismethod = False
            while self.t == DOT:
                self.next()
                self.str_checkname()
                readonly = None
            if self.t == COL:
                ismethod = True
                self.next()
                self.str_checkname()
                readonly = None
            self.body(ismethod, line)
            if readonly is not None:
                self.semerror("attempt to assign to const variable '%s'" % readonly)
        elif t == LOCAL:
            self.next()
            if self.testnext(FUNCTION):
                self.new_localvar(self.str_checkname())
                self.adjustlocalvars(1)
                self.body(False, self.tok.endline)
            else:
                self.localstat()
        elif t == CC:
            self.next()
            self.labelstat(self.str_checkname(), line)
        elif t == RETURN:
            self.next()
            if not (self.block_follow(True) or self.t == SEMI):
                n = self.explist()
                if self.multret == VARARG or (n > 1 and not self.multret):
                    self.reserve(1)  # the last value
            self.testnext(SEMI)
        elif t == BREAK:
            self.gotos.append(["break", line, self.fs.nactvar])
            self.next()
        elif t == GOTO:
            self.next()
            gline = self.tok.endline
            name = self.str_checkname()
            if self.findlabel(name) is None:  # forward jump
                self.gotos.append([name, gline, self.fs.nactvar])
        else:
            self.exprstat()
        self.level -= 1

    def ifstat(self, line):
        self.test_then_block()
        while self.t == ELSEIF:
            self.test_then_block()
        if self.testnext(ELSE):
            self.block()
        self.check_match(END, IF, line)

    def test_then_block(self):
        self.next()  # skip IF or ELSEIF
        self.expr()
        self.checknext(THEN)
        if self.t == BREAK:  # 'if x then break'
            line = self.tok.endline
            self.next()
            self.enterblock(False)
            self.gotos.append(["break", line, self.fs.nactvar])
            while self.testnext(SEMI):
                pass
            if self.block_follow(False):
                self.leaveblock()
                return
        else:
            self.enterblock(False)
        self.statlist()
        self.leaveblock()

    def forstat(self, line):
        self.enterblock(True)
        self.next()  # skip 'for'
        varname = self.str_checkname()
        if self.t == EQ:
            for _ in range(3):
                self.new_localvar("(for state)")
            self.new_localvar(varname)
            self.next()
            self.expr()
            self.checknext(COMMA)
            self.expr()
            if self.testnext(COMMA):
                self.expr()
            self.adjustlocalvars(3)
            nvars = 1
        elif self.t == COMMA or self.t == IN:
            for _ in range(4):
                self.new_localvar("(for state)")
            self.new_localvar(varname)
            nvars = 1
            while self.testnext(COMMA):
                self.new_localvar(self.str_checkname())
                nvars += 1
            self.checknext(IN)
            self.explist()
            self.adjustlocalvars(4)
        else:
            self.syntaxerror("'=' or 'in' expected")
        # forbody
        self.checknext(DO)
        self.enterblock(False)
        self.adjustlocalvars(nvars)
        self.block()
        self.leaveblock()
        self.check_match(END, FOR, line)
        self.leaveblock()

    def labelstat(self, name, line):
        self.checknext(CC)
        while self.t == SEMI or self.t == CC:
            self.statement()  # skip other no-op statements
        found = self.findlabel(name)
        if found is not None:
            self.semerror("label '%s' already defined on line %d" % (name, found[1]))
        self.createlabel(name, line, self.block_follow(False))

    def localstat(self):
        fs = self.fs
        toclose = False
        nvars = 0
        while True:
            self.new_localvar(self.str_checkname())
            if self.testnext(LT):
                attr = self.str_checkname()
                self.checknext(GT)
                if attr == "const":
                    kind = RDKCONST
                elif attr == "close":
                    kind = RDKTOCLOSE
                else:
                    self.semerror("unknown attribute '%s'" % attr)
                self.actvar[-1][1] = kind
                if kind == RDKTOCLOSE:
                    if toclose:
                        self.semerror("multiple to-be-closed variables in local list")
                    toclose = True
            nvars += 1
            if not self.testnext(COMMA):
                break
        if self.testnext(EQ):
            self.explist()
        fs.nactvar += nvars

    def exprstat(self):
        k, readonly = self.suffixedexp()
        if self.t == EQ or self.t == COMMA:
            self.restassign(k, readonly)
        elif k != E_CALL:
            self.syntaxerror("syntax error")

    def restassign(self, k, readonly):
        nested = 0
        while True:
            if k != E_VAR and k != E_INDEXED:
                self.syntaxerror("syntax error")
            if readonly is not None:
                self.semerror("attempt to assign to const variable '%s'" % readonly)
            if not self.testnext(COMMA):
                break
            k, readonly = self.suffixedexp()
            self.enterlevel()
            nested += 1
        self.checknext(EQ)
        self.explist()
        self.level -= nested

    # -- expressions ---------------------------------------------------------

    def explist(self):
        """An expression list; each value before a comma goes to a register."""
        n = 1
        self.subexpr(0)
        while self.t == COMMA:
            self.next()
            self.reserve(1)
            self.subexpr(0)
            n += 1
        return n

    def expr(self):
        self.subexpr(0)

    def subexpr(self, limit):
        self.level += 1
        if self.level >= MAXCCALLS:
            raise LuaSyntaxError("C stack overflow", self.tok.endline)
        if self.t in _UNARY:
            self.next()
            self.subexpr(UNARY_PRIORITY)
            self.multret = False
        else:
            self.simpleexp()
        prio = _BINARY.get(self.t)
        while prio is not None and prio[0] > limit:
            self.next()
            nextop = self.subexpr(prio[1])
            prio = _BINARY.get(nextop)
            self.multret = False
        self.level -= 1
        return self.t

    def simpleexp(self):
        t = self.t
        multret = False
        if t in _SIMPLE_VALUES:
            self.next()
        elif t == DDD:
            if not self.fs.is_vararg:
                self.syntaxerror("cannot use '...' outside a vararg function")
            self.next()
            multret = VARARG
        elif t == OCU:
            self.constructor()
        elif t == FUNCTION:
            self.next()
            self.body(False, self.tok.endline)
        else:
            if self.suffixedexp()[0] == E_CALL:
                multret = CALL
        self.multret = multret

    def primaryexp(self):
        if self.t == OP:
            line = self.tok.endline
            self.next()
            self.expr()
            self.check_match(CP, OP, line)
            return E_OTHER, None
        if self.t == NAME:
            return self.singlevar()
        self.syntaxerror("unexpected symbol")

    def suffixedexp(self):
        line = self.tok.endline
        k, readonly = self.primaryexp()
        while True:
            t = self.t
            if t == DOT:
                self.next()
                self.str_checkname()
                k, readonly = E_INDEXED, None
            elif t == OB:
                self.next()
                self.expr()
                self.checknext(CB)
                k, readonly = E_INDEXED, None
            elif t == COL:
                self.next()
                self.str_checkname()
                self.call(line, 2)  # the function and self
                k, readonly = E_CALL, None
            elif t == OP or t == OCU or t in _STRINGS:
                self.call(line, 1)
                k, readonly = E_CALL, None
            else:
                return k, readonly

    def call(self, line, nfunc):
        fs = self.fs
        base = fs.temps
        self.reserve(nfunc)
        self.funcargs(line)
        fs.temps = base

    def funcargs(self, line):
        t = self.t
        if t == OP:
            self.next()
            if self.t == CP:
                self.next()
            else:
                self.explist()
                multret = self.multret
                if multret == VARARG:
                    self.reserve(1)  # luaK_setmultret
                self.check_match(CP, OP, line)
                if not multret:
                    self.reserve(1)  # the last argument
        elif t == OCU:
            self.constructor()
        elif t in _STRINGS:
            self.next()
        else:
            self.syntaxerror("function arguments expected")

    def constructor(self):
        line = self.tok.endline
        self.checknext(OCU)
        fs = self.fs
        base = fs.temps
        fs.temps += 1  # the table
        tostore = 0  # list items waiting in registers for a SETLIST
        item = False  # the last field was a list item, not yet in a register
        while self.t != CCU:
            if item:  # closelistfield
                self.reserve(1)
                item = False
                if tostore == LFIELDS_PER_FLUSH:
                    fs.temps -= tostore
                    tostore = 0
            # field
            if self.t == NAME:
                if self.lookahead() != EQ:
                    self.expr()
                    tostore += 1
                    item = True
                else:
                    self.next()
                    self.next()  # skip '='
                    self.expr()
            elif self.t == OB:
                self.next()
                self.expr()
                self.checknext(CB)
                self.checknext(EQ)
                self.expr()
            else:
                self.expr()
                tostore += 1
                item = True
            if not (self.testnext(COMMA) or self.testnext(SEMI)):
                break
        self.check_match(CCU, OCU, line)
        fs.temps = base


def check_chunk(tokens, chunkname, base_ccalls=BASE_CCALLS):
    """Raise LuaSyntaxError with luac's message if the chunk does not compile."""
    Recognizer(tokens, chunkname, base_ccalls).check_chunk()
