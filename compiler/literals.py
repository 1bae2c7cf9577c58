"""Lua 5.4 lexer: source text to tokens, with numerals and strings decoded.

Rules:
- The source is a latin-1 view of the file's bytes (one str character per
  byte); decoded strings are latin-1 views too (`"\\xff"` is one character).
- This lexer replaces luaparser's ANTLR lexer. It follows llex.c of Lua 5.4.4
  rule for rule (what a numeral is, escapes, long brackets of any level,
  newline pairs) and produces Lua's own lexical error messages. The tokens
  are ANTLR `CommonToken`s with luaparser's token types, so luaparser's
  generated parser reads them directly.
- A lexical error does not raise here: the token list ends with an ERROR
  token carrying the message, at the place where Lua's lexer would have
  stopped. The recognizer (checks.py) raises it when the parse reaches it, so
  a syntax error that comes earlier in the file wins, as in Lua.
- Every token knows the line where it starts (`line`, used for the tree) and
  the line where it ends (`endline`: Lua's `linenumber` after reading it,
  used in error messages).
"""

import re

from antlr4.Token import CommonToken, Token
from luaparser.parser.LuaLexer import LuaLexer as _L

# Token types (luaparser's, so the generated parser accepts them).
EOF = Token.EOF
NAME = _L.NAME
INT = _L.INT
FLOAT = _L.FLOAT
HEX = _L.HEX
HEX_FLOAT = _L.HEX_FLOAT
NORMALSTRING = _L.NORMALSTRING
CHARSTRING = _L.CHARSTRING
LONGSTRING = _L.LONGSTRING
OTHER = 1000  # a character that is no Lua token ('$', '@', '\1', ...)
ERROR = 1001  # a lexical error; always the last token

NUMBER_TYPES = frozenset((INT, FLOAT, HEX, HEX_FLOAT))
STRING_TYPES = frozenset((NORMALSTRING, CHARSTRING, LONGSTRING))

KEYWORDS = {
    "and": _L.AND,
    "break": _L.BREAK,
    "do": _L.DO,
    "else": _L.ELSE,
    "elseif": _L.ELSEIF,
    "end": _L.END,
    "false": _L.FALSE,
    "for": _L.FOR,
    "function": _L.FUNCTION,
    "goto": _L.GOTO,
    "if": _L.IF,
    "in": _L.IN,
    "local": _L.LOCAL,
    "nil": _L.NIL,
    "not": _L.NOT,
    "or": _L.OR,
    "repeat": _L.REPEAT,
    "return": _L.RETURN,
    "then": _L.THEN,
    "true": _L.TRUE,
    "until": _L.UNTIL,
    "while": _L.WHILE,
}

SYMBOLS = {
    "...": _L.DDD,
    "..": _L.DD,
    "==": _L.EE,
    "~=": _L.SQEQ,
    "<=": _L.LE,
    ">=": _L.GE,
    "<<": _L.LL,
    ">>": _L.GG,
    "//": _L.SS,
    "::": _L.CC,
    "-": _L.MINUS,
    "+": _L.PLUS,
    "*": _L.STAR,
    "/": _L.SLASH,
    "%": _L.PER,
    "^": _L.CARET,
    "#": _L.POUND,
    "&": _L.AMP,
    "~": _L.SQUIG,
    "|": _L.PIPE,
    "<": _L.LT,
    ">": _L.GT,
    "=": _L.EQ,
    "(": _L.OP,
    ")": _L.CP,
    "{": _L.OCU,
    "}": _L.CCU,
    "[": _L.OB,
    "]": _L.CB,
    ";": _L.SEMI,
    ":": _L.COL,
    ",": _L.COMMA,
    ".": _L.DOT,
}


def raw_string(tok):
    """The source text of a string token between its delimiters."""
    text = tok._text
    if tok.type == LONGSTRING:
        level = text.index("[", 1) + 1
        return text[level:-level]
    return text[1:-1]


# The token types the recognizer (checks.py) and the tree builder
# (parser.py) test for, by name.
SEMI = SYMBOLS[";"]
EQ = SYMBOLS["="]
COMMA = SYMBOLS[","]
DOT = SYMBOLS["."]
COL = SYMBOLS[":"]
CC = SYMBOLS["::"]
OP = SYMBOLS["("]
CP = SYMBOLS[")"]
OB = SYMBOLS["["]
CB = SYMBOLS["]"]
OCU = SYMBOLS["{"]
CCU = SYMBOLS["}"]
LT = SYMBOLS["<"]
GT = SYMBOLS[">"]
DDD = SYMBOLS["..."]
IF = KEYWORDS["if"]
THEN = KEYWORDS["then"]
ELSE = KEYWORDS["else"]
ELSEIF = KEYWORDS["elseif"]
END = KEYWORDS["end"]
WHILE = KEYWORDS["while"]
DO = KEYWORDS["do"]
FOR = KEYWORDS["for"]
IN = KEYWORDS["in"]
REPEAT = KEYWORDS["repeat"]
UNTIL = KEYWORDS["until"]
FUNCTION = KEYWORDS["function"]
LOCAL = KEYWORDS["local"]
RETURN = KEYWORDS["return"]
BREAK = KEYWORDS["break"]
GOTO = KEYWORDS["goto"]

# Display form of every fixed token, as luaX_token2str gives it.
TOKEN_TEXT = {t: "'%s'" % s for s, t in list(KEYWORDS.items()) + list(SYMBOLS.items())}
TOKEN_TEXT[EOF] = "<eof>"
TOKEN_TEXT[NAME] = "<name>"
TOKEN_TEXT[NORMALSTRING] = "<string>"
TOKEN_TEXT[INT] = "<integer>"
TOKEN_TEXT[FLOAT] = "<number>"

_EMPTY_SOURCE = CommonToken.EMPTY_SOURCE


class LuaToken(CommonToken):
    """A token: ANTLR fields plus the decoded `value` and the `endline`.

    `value` is the name for NAME, the int/float for numerals, the decoded str
    for strings, the character for OTHER and a LexError for ERROR.
    """

    __slots__ = ("value", "endline")

    def __init__(self, type, text, start, line, endline, column, value, index):
        self.source = _EMPTY_SOURCE
        self.type = type
        self.channel = 0
        self.start = start
        self.stop = start + len(text) - 1
        self.tokenIndex = index
        self.line = line
        self.column = column
        self._text = text
        self.value = value
        self.endline = endline

    def near(self):
        """The token as Lua shows it after "near" in an error message."""
        t = self.type
        if t == NAME or t in NUMBER_TYPES:
            return "'%s'" % self._text
        if t in STRING_TYPES:
            text = self._text
            if t == LONGSTRING:
                level = text.index("[", 1) + 1
                buf = text[:level] + self.value + text[-level:]
            else:
                buf = text[0] + self.value + text[0]
            # Lua formats its buffer with %s: it stops at the first NUL.
            return "'%s'" % buf.split("\0", 1)[0]
        if t == OTHER:
            c = ord(self.value)
            if 32 <= c < 127:
                return "'%s'" % self.value
            return "'<\\%d>'" % c
        return TOKEN_TEXT[t]


class LexError:
    """A lexical error: Lua's message, its line and the "near" part."""

    __slots__ = ("msg", "line", "near")

    def __init__(self, msg, line, near):
        self.msg = msg
        self.line = line
        self.near = near  # already formatted ("'\"abc'", "<eof>"), or None

    def text(self):
        if self.near is None:
            return self.msg
        return "%s near %s" % (self.msg, self.near)


class _LexFail(Exception):
    def __init__(self, msg, line, near):
        Exception.__init__(self, msg)
        self.error = LexError(msg, line, near)


def _buffer_near(buf):
    return "'%s'" % buf.split("\0", 1)[0]


# ---------------------------------------------------------------------------
# Numerals

# What read_numeral consumes: an optional leading '.', then a digit; after
# '0x' the exponent mark is p/P, otherwise e/E; an exponent mark may be
# followed by a sign; hex digits and dots continue the numeral; one letter
# (or '_') touching it is taken too, to make the numeral malformed.
_NUMERAL = re.compile(
    r"\.?(?:0[xX](?:[pP][-+]?|[0-9a-fA-F.])*|[0-9](?:[eE][-+]?|[0-9a-fA-F.])*)"
    r"[A-Za-z_]?"
)
_DEC_INT = re.compile(r"[0-9]+\Z")
_HEX_INT = re.compile(r"0[xX]([0-9a-fA-F]+)\Z")
_DEC_FLOAT = re.compile(r"(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_HEX_FLOAT = re.compile(
    r"0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][-+]?[0-9]+)?\Z"
)

_MAXINT = (1 << 63) - 1


def str2number(text):
    """Convert a numeral's text as Lua's lexer does; None when malformed.

    Decimal integers that fit in 64 bits are ints, larger ones are floats;
    hexadecimal integers wrap around modulo 2^64; everything else goes
    through the C `strtod` rules (hex floats included; overflow gives inf).
    """
    if _DEC_INT.match(text):
        v = int(text)
        if v <= _MAXINT:
            return v
        return float(text)
    m = _HEX_INT.match(text)
    if m:
        v = int(m.group(1), 16) & 0xFFFFFFFFFFFFFFFF
        return v - (1 << 64) if v > _MAXINT else v
    if _DEC_FLOAT.match(text):
        return float(text)
    if _HEX_FLOAT.match(text):
        try:
            return float.fromhex(text)
        except OverflowError:
            return float("inf")
    return None


# ---------------------------------------------------------------------------
# Strings

_SIMPLE_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\\": "\\",
    '"': '"',
    "'": "'",
}
_HEXDIGITS = frozenset("0123456789abcdefABCDEF")
_DIGITS = frozenset("0123456789")
_SPACES = frozenset(" \t\n\v\f\r")


def utf8_escape(x):
    """The bytes Lua's `\\u{X}` produces (up to 2^31, 6-byte forms), as str."""
    if x < 0x80:
        return chr(x)
    out = []
    mfb = 0x3F  # maximum that fits in the first byte
    while x > mfb:
        out.append(chr(0x80 | (x & 0x3F)))
        x >>= 6
        mfb >>= 1
    out.append(chr(((~mfb << 1) & 0xFF) | x))
    return "".join(reversed(out))


def read_string(src, pos, line):
    """Read a quoted string starting at `src[pos]` (the delimiter).

    Returns (value, end position, line at the end). Raises _LexFail with
    Lua's message, line and "near" text.
    """
    delim = src[pos]
    n = len(src)
    i = pos + 1
    buf = [delim]  # Lua's buffer, kept for error messages
    while True:
        if i >= n:
            raise _LexFail("unfinished string", line, "<eof>")
        c = src[i]
        if c == delim:
            break
        if c == "\n" or c == "\r":
            raise _LexFail("unfinished string", line, _buffer_near("".join(buf)))
        if c != "\\":
            j = i + 1
            while j < n and src[j] not in ("\\", delim, "\n", "\r"):
                j += 1
            buf.append(src[i:j])
            i = j
            continue
        # escape sequence
        i += 1
        if i >= n:
            raise _LexFail("unfinished string", line, "<eof>")
        c = src[i]
        simple = _SIMPLE_ESCAPES.get(c)
        if simple is not None:
            buf.append(simple)
            i += 1
        elif c == "\n" or c == "\r":
            i += 1
            if i < n and src[i] in "\n\r" and src[i] != c:
                i += 1
            line += 1
            buf.append("\n")
        elif c == "x":
            r = 0
            for k in (1, 2):
                d = src[i + k] if i + k < n else ""
                if d not in _HEXDIGITS or d == "":
                    raise _LexFail(
                        "hexadecimal digit expected",
                        line,
                        _buffer_near("".join(buf) + "\\" + src[i : i + k + 1]),
                    )
                r = r * 16 + int(d, 16)
            buf.append(chr(r))
            i += 3
        elif c == "u":
            start = i - 1  # the backslash
            i += 1
            if i >= n or src[i] != "{":
                raise _LexFail(
                    "missing '{'", line, _buffer_near("".join(buf) + src[start : i + 1])
                )
            i += 1
            if i >= n or src[i] not in _HEXDIGITS:
                raise _LexFail(
                    "hexadecimal digit expected",
                    line,
                    _buffer_near("".join(buf) + src[start : i + 1]),
                )
            r = int(src[i], 16)
            i += 1
            while i < n and src[i] in _HEXDIGITS:
                if r > (0x7FFFFFFF >> 4):
                    raise _LexFail(
                        "UTF-8 value too large",
                        line,
                        _buffer_near("".join(buf) + src[start : i + 1]),
                    )
                r = r * 16 + int(src[i], 16)
                i += 1
            if i >= n or src[i] != "}":
                raise _LexFail(
                    "missing '}'", line, _buffer_near("".join(buf) + src[start : i + 1])
                )
            i += 1
            buf.append(utf8_escape(r))
        elif c == "z":
            i += 1
            while i < n and src[i] in _SPACES:
                c = src[i]
                i += 1
                if c == "\n" or c == "\r":
                    if i < n and src[i] in "\n\r" and src[i] != c:
                        i += 1
                    line += 1
        elif c in _DIGITS:
            j = i
            r = 0
            while j < i + 3 and j < n and src[j] in _DIGITS:
                r = r * 10 + ord(src[j]) - 48
                j += 1
            if r > 255:
                raise _LexFail(
                    "decimal escape too large",
                    line,
                    _buffer_near("".join(buf) + src[i - 1 : j + 1]),
                )
            buf.append(chr(r))
            i = j
        else:
            raise _LexFail(
                "invalid escape sequence",
                line,
                _buffer_near("".join(buf) + src[i - 1 : i + 1]),
            )
    return "".join(buf[1:]), i + 1, line


_NEWLINE_SEQ = re.compile(r"\r\n|\n\r|\n|\r")


def count_lines(text):
    """Number of line breaks in `text` (\\r\\n and \\n\\r count as one)."""
    if "\r" not in text:
        return text.count("\n")
    return len(_NEWLINE_SEQ.findall(text))


def read_long_bracket(src, pos, level, line, what):
    """Read a long string or comment whose opening bracket ends at `pos`.

    `src[pos]` is the character after the second '['. Returns (content with
    the first newline dropped and newlines normalised, end position, line at
    the end).
    """
    close = "]" + "=" * level + "]"
    end = src.find(close, pos)
    if end < 0:
        raise _LexFail(
            "unfinished long %s (starting at line %d)" % (what, line),
            line + count_lines(src[pos:]),
            "<eof>",
        )
    body = src[pos:end]
    nl = count_lines(body)
    if body[:1] in ("\n", "\r"):
        if body[:2] in ("\r\n", "\n\r"):
            body = body[2:]
        else:
            body = body[1:]
    if "\r" in body:
        body = _NEWLINE_SEQ.sub("\n", body)
    return body, end + len(close), line + nl


# ---------------------------------------------------------------------------
# Tokenizer

_TOKEN = re.compile(
    r"""
    (?P<ws>[ \t\f\v]+)
  | (?P<nl>\r\n?|\n\r?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<num>\.?[0-9])
  | (?P<str>"[^"\\\r\n]*"|'[^'\\\r\n]*')
  | (?P<comment>--(?!\[=*\[)[^\r\n]*)
  | (?P<lcomment>--)
  | (?P<ob>\[(?![=\[]))
  | (?P<op>\.\.\.|\.\.|==|~=|<=|>=|<<|>>|//|::|[-+*/%^\#&~|<>=(){}\];:,.])
    """,
    re.VERBOSE,
)
_LONG_OPEN = re.compile(r"\[(=*)\[")


def tokenize(src):
    """Split `src` into LuaTokens, ending with EOF or with an ERROR token."""
    tokens = []
    append = tokens.append
    match = _TOKEN.match
    keywords = KEYWORDS
    symbols = SYMBOLS
    n = len(src)
    pos = 0
    line = 1
    linestart = 0
    index = 0
    try:
        while pos < n:
            m = match(src, pos)
            kind = m.lastgroup if m is not None else None
            if kind == "ws":
                pos = m.end()
                continue
            if kind == "nl":
                pos = m.end()
                line += 1
                linestart = pos
                continue
            if kind == "name":
                text = m.group()
                append(
                    LuaToken(
                        keywords.get(text, NAME),
                        text,
                        pos,
                        line,
                        line,
                        pos - linestart,
                        text,
                        index,
                    )
                )
                index += 1
                pos = m.end()
                continue
            if kind == "op" or kind == "ob":
                text = m.group()
                append(
                    LuaToken(
                        symbols[text],
                        text,
                        pos,
                        line,
                        line,
                        pos - linestart,
                        None,
                        index,
                    )
                )
                index += 1
                pos = m.end()
                continue
            if kind == "num":
                text = _NUMERAL.match(src, pos).group()
                value = str2number(text)
                if value is None:
                    raise _LexFail("malformed number", line, _buffer_near(text))
                if "x" in text or "X" in text:
                    t = HEX if value.__class__ is int else HEX_FLOAT
                else:
                    t = INT if value.__class__ is int else FLOAT
                append(
                    LuaToken(t, text, pos, line, line, pos - linestart, value, index)
                )
                index += 1
                pos += len(text)
                continue
            if kind == "str":
                text = m.group()
                t = NORMALSTRING if text[0] == '"' else CHARSTRING
                append(
                    LuaToken(
                        t, text, pos, line, line, pos - linestart, text[1:-1], index
                    )
                )
                index += 1
                pos = m.end()
                continue
            if kind == "comment":
                pos = m.end()
                continue
            # The slow paths.
            c = src[pos]
            if c == '"' or c == "'":
                value, end, endline = read_string(src, pos, line)
                t = NORMALSTRING if c == '"' else CHARSTRING
                append(
                    LuaToken(
                        t,
                        src[pos:end],
                        pos,
                        line,
                        endline,
                        pos - linestart,
                        value,
                        index,
                    )
                )
                index += 1
                if endline != line:
                    linestart = _last_line_start(src, pos, end)
                    line = endline
                pos = end
                continue
            if c == "[":
                lm = _LONG_OPEN.match(src, pos)
                if lm is None:
                    j = pos + 1
                    while j < n and src[j] == "=":
                        j += 1
                    if j > pos + 1:
                        raise _LexFail(
                            "invalid long string delimiter",
                            line,
                            _buffer_near(src[pos:j]),
                        )
                    append(
                        LuaToken(
                            _L.OB, "[", pos, line, line, pos - linestart, None, index
                        )
                    )
                    index += 1
                    pos += 1
                    continue
                level = len(lm.group(1))
                value, end, endline = read_long_bracket(
                    src, lm.end(), level, line, "string"
                )
                append(
                    LuaToken(
                        LONGSTRING,
                        src[pos:end],
                        pos,
                        line,
                        endline,
                        pos - linestart,
                        value,
                        index,
                    )
                )
                index += 1
                if endline != line:
                    linestart = _last_line_start(src, pos, end)
                    line = endline
                pos = end
                continue
            if c == "-" and src.startswith("--", pos):
                # a long comment (short ones matched the regex)
                lm = _LONG_OPEN.match(src, pos + 2)
                _value, end, endline = read_long_bracket(
                    src, lm.end(), len(lm.group(1)), line, "comment"
                )
                if endline != line:
                    linestart = _last_line_start(src, pos, end)
                    line = endline
                pos = end
                continue
            # Any other character is a token of its own, which the parser
            # will reject ("unexpected symbol near '$'").
            append(LuaToken(OTHER, c, pos, line, line, pos - linestart, c, index))
            index += 1
            pos += 1
    except _LexFail as e:
        append(LuaToken(ERROR, "", pos, e.error.line, e.error.line, 0, e.error, index))
        return tokens
    append(LuaToken(EOF, "<EOF>", pos, line, line, pos - linestart, None, index))
    return tokens


def _last_line_start(src, pos, end):
    """Position after the last line break in src[pos:end]."""
    i = max(src.rfind("\n", pos, end), src.rfind("\r", pos, end))
    return i + 1
