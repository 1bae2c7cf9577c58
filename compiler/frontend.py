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
   with luaparser's generated ANTLR parser on our tokens and a subclass of
   luaparser's BuilderVisitor (compiler/antlr_tree.py, imported only then:
   the generated parser takes tens of milliseconds to load); about ten
   times slower than step 4, it is the oracle of tests/unit/test_parser.py
   (parser.py's header states the one known difference).

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
works around its builder's defects in the oracle (antlr_tree.py):
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
    """parse() with the tree made by luaparser's ANTLR parser (antlr_tree).

    The former pipeline, kept as the oracle of parser.build's tree in the
    tests; the compiler does not use it.
    """
    if from_file:
        source = _skip_header(source)
    from .antlr_tree import build as antlr_build

    return _in_big_stack(_parse, source, chunkname, antlr_build)


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
