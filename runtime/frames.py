"""Lua positions, names and tracebacks, read off Python frames.

Rules:
- Generated modules start with a banner whose second line is
  "# chunk: NAME"; a Python file with that banner is Lua code. Every Python
  line that starts a Lua statement ends with a "# L<n>" marker; a Python line
  maps to the nearest marker at or above it.
- Nothing here costs anything until an error happens: positions and
  variable names are recovered from the failing instruction (CPython's
  co_positions) and the generated source, like CPython's own tracebacks.
- Python exceptions from fast paths become LuaErrors with Lua's wording in
  `lua_error_from`, before Lua code can see them.
"""

import ast
import linecache
import re
import sys

from .errors import LuaError
from .pytext import parse_text

_MARK = re.compile(r"#\s*L(\d+)\s*$")
_info_cache = {}


class ChunkInfo:
    __slots__ = (
        "chunk",
        "filename",
        "lines",
        "stripped",
        "_oplines",
        "_tree",
        "_nodes",
        "_tails",
        "_temps",
    )

    def __init__(self, chunk, filename, lines):
        self.chunk = chunk
        self.filename = filename
        self.lines = lines
        # Loaded from string.dump(f, true): no line numbers or local names.
        self.stripped = filename in _STRIPPED
        self._oplines = None
        self._tree = None
        self._nodes = None
        self._tails = None
        self._temps = None

    def lua_line(self, pyline):
        if self.stripped:
            return -1
        return self.marked_line(pyline)

    def marked_line(self, pyline):
        """The Lua line of a Python line, even in a stripped chunk (where
        Lua still knows where functions are defined)."""
        lines = self.lines
        i = min(pyline, len(lines) - 1)
        while i > 0:
            n = lines[i]
            if n:
                return n
            i -= 1
        return 0

    def node_at(self, pos):
        """The expression node of the generated source at a code position."""
        if self._nodes is None:
            self._index()
        return self._nodes.get(pos)

    def is_tail_call(self, pos):
        if self._nodes is None:
            self._index()
        return pos in self._tails

    def temp_value(self, name, near):
        """The expression a compiler temporary was set to: temporaries are
        unique within one generated def."""
        if self._nodes is None:
            self._index()
        owner = self._temps.get(("owner", _key(near)))
        return self._temps.get((owner, name))

    def _index(self):
        self._nodes = {}
        self._tails = set()
        self._temps = {}
        self._oplines = {}
        try:
            src = "".join(linecache.getlines(self.filename))
            tree = parse_text(src)
        except (SyntaxError, ValueError):
            return
        tags = {}
        for st in tree.body:
            if (
                isinstance(st, ast.Assign)
                and isinstance(st.targets[0], ast.Name)
                and st.targets[0].id == "LUA_OP_LINES"
            ):
                tags = ast.literal_eval(st.value)
        self._walk(tree, None, tags, None)

    def op_line(self, pos):
        """The Lua line of the operation at a code position when it is not
        its statement's line (compiler.emit's LUA_OP_LINES), or None."""
        if self._nodes is None:
            self._index()
        return self._oplines.get(pos)

    def line_at(self, code, lasti, lineno):
        """The Lua line of the instruction at lasti (Python line lineno)."""
        if self.stripped:
            return -1
        pos = _position(code, lasti)
        if pos is not None and None not in pos:
            line = self.op_line(pos)
            if line is not None:
                return line
        return self.lua_line(lineno)

    def _walk(self, node, owner, tags, opline):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef):
                self._walk(child, id(child), tags, None)
                continue
            line = opline
            if isinstance(child, ast.expr):
                k = _key(child)
                self._nodes.setdefault(k, child)
                self._temps[("owner", k)] = owner
                line = tags.get(k, opline)
                if line is not None:
                    self._oplines.setdefault(k, line)
                if isinstance(child, ast.NamedExpr):
                    self._temps[(owner, child.target.id)] = child.value
            elif (
                isinstance(child, ast.Assign)
                and len(child.targets) == 1
                and isinstance(child.targets[0], ast.Name)
                and _is_temp(child.targets[0].id)
            ):
                # _o1 = t["x"] before a store into _o1
                self._temps[(owner, child.targets[0].id)] = child.value
            elif isinstance(child, ast.Return) and isinstance(child.value, ast.Call):
                # A Lua tail call, unless it calls a runtime helper.
                f = child.value.func
                if not (isinstance(f, ast.Name) and f.id in _helper_names()):
                    self._tails.add(_key(child.value))
            elif isinstance(child, ast.For) and tags:
                # A `for` over a Lua iterator: its calls happen at FOR_ITER.
                k = _key(child)
                if k in tags:
                    self._oplines[k] = tags[k]
            self._walk(child, owner, tags, line)


_helpers = []


def _helper_names():
    if not _helpers:
        from . import prelude

        _helpers.append(frozenset(n for n in vars(prelude) if not n.startswith("__")))
    return _helpers[0]


def _key(node):
    return (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)


_BANNER_UNESCAPE = re.compile(r"\\(x[0-9a-f]{2}|.)")
_BANNER_CODES = {"0": "\0", "r": "\r", "n": "\n", "v": "\x0b", "f": "\x0c"}


def unescape_banner(text):
    """The chunk name written escaped by compiler.emit.banner_text."""
    if "\\" not in text:
        return text

    def one(m):
        c = m.group(1)
        if len(c) == 3:
            return chr(int(c[1:], 16))
        return _BANNER_CODES.get(c, c)

    return _BANNER_UNESCAPE.sub(one, text)


def chunk_info(filename):
    """ChunkInfo of a generated file, or None for other Python files."""
    try:
        return _info_cache[filename]
    except KeyError:
        pass
    info = None
    lines = linecache.getlines(filename)
    if len(lines) > 1 and lines[0].startswith("# Generated by moonlet"):
        m = re.match(r"# chunk: (.*)$", lines[1].rstrip("\n"))
        if m:
            marks = [0] * (len(lines) + 2)
            for i, text in enumerate(lines, 1):
                mm = _MARK.search(text)
                if mm:
                    marks[i] = int(mm.group(1))
            info = ChunkInfo(unescape_banner(m.group(1)), filename, marks)
    _info_cache[filename] = info
    return info


_STRIPPED = set()


def register_source(filename, source, stripped=False):
    """Make generated source that has no file (from `load`) visible here."""
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    if stripped:
        _STRIPPED.add(filename)
    _info_cache.pop(filename, None)


# Library functions ("C functions" to Lua): the functions of the library
# tables (`LIB`) of the loaded stdlib modules, plus runtime functions that Lua
# code receives as values (ipairs' iterator). Keyed by code object.
_lib_codes = {}
_lib_key = [None]


def _code_of(v):
    code = getattr(v, "__code__", None)
    if code is None:
        fn = getattr(v, "__func__", None)
        code = getattr(fn, "__code__", None)
    return code


def lib_codes():
    """{code: function} of the library functions."""
    key = len(sys.modules)
    if _lib_key[0] != key:
        _lib_codes.clear()
        for name, m in list(sys.modules.items()):
            if not name.startswith("moonlet.stdlib."):
                continue
            for table in ("LIB", "PACKAGE_LIB"):
                lib = getattr(m, table, None)
                if not isinstance(lib, dict):
                    continue
                for v in lib.values():
                    code = _code_of(v)
                    if code is not None:
                        _lib_codes[code] = v
        prelude = sys.modules.get("moonlet.runtime.prelude")
        it = getattr(prelude, "ipairs_iter", None)
        if it is not None:
            _lib_codes[it.__code__] = it
        _lib_key[0] = key
    return _lib_codes


def _frame_kind(frame):
    """("lua", info) for Lua frames, ("lib", None) for library functions
    that Lua code can see, (None, None) for runtime internals.

    Library functions are those of the library tables, and the other
    functions of LUA_VISIBLE modules (closures given to Lua code, file
    methods) unless a function of the same module called them: those are
    helpers of a library function."""
    code = frame.f_code
    info = chunk_info(code.co_filename)
    if info is not None:
        return "lua", info
    if code in lib_codes():
        return "lib", None
    g = frame.f_globals
    if g.get("LUA_VISIBLE"):
        back = frame.f_back
        if back is not None and back.f_globals is g:
            return None, None
        return "lib", None
    return None, None


def current_line(frame):
    info = chunk_info(frame.f_code.co_filename)
    if info is None:
        return None
    return info.line_at(frame.f_code, frame.f_lasti, frame.f_lineno)


def where(level=1):
    """luaL_where: "chunk:line: " of the function at `level`, or ""."""
    if level <= 0:
        return ""
    f = sys._getframe(1)
    # Level 1 is the function that called the running library function; the
    # library functions themselves (error, assert, ...) are not counted when
    # they are the innermost visible frame.
    first_lib = True
    callee = None
    while f is not None:
        kind, info = _frame_kind(f)
        if kind == "lib" and first_lib:
            first_lib = False
        elif kind == "lua" and callee == "lua" and _in_tail_call(f, info):
            # Lua reused this frame for the Lua function it tail-called.
            first_lib = False
        elif kind is not None:
            first_lib = False
            level -= 1
            if level == 0:
                if kind == "lua":
                    line = info.line_at(f.f_code, f.f_lasti, f.f_lineno)
                    return "%s:%d: " % (info.chunk, line)
                return ""
        if kind is not None:
            callee = kind
        f = f.f_back
    return ""


def vm_where():
    """The position luaG_runerror adds to an error of an operation (index,
    arithmetic, ...): that of the running function when it is a Lua function,
    none when a library function performed the operation."""
    f = sys._getframe(1)
    while f is not None:
        kind, info = _frame_kind(f)
        if kind == "lua":
            line = info.line_at(f.f_code, f.f_lasti, f.f_lineno)
            return "%s:%d: " % (info.chunk, line)
        if kind == "lib":
            return ""
        f = f.f_back
    return ""


def _running_lib_frame(f):
    """The frame of the library function running at frame f or below it."""
    while f is not None:
        kind, _ = _frame_kind(f)
        if kind == "lib":
            return f
        if kind == "lua":
            return None
        f = f.f_back
    return None


_forin_codes = []


def _is_forin(code):
    if not _forin_codes:
        prelude = sys.modules.get("moonlet.runtime.prelude")
        fns = [getattr(prelude, n, None) for n in ("_forin", "_forin1")]
        _forin_codes.extend(fn.__code__ for fn in fns if fn is not None)
        if not _forin_codes:
            return False
    return code in _forin_codes


def _caller_of(f):
    """(kind, frame, via_for) of the function that called library frame f:
    runtime internals in between are skipped; via_for tells that a generic
    for loop made the call."""
    c = f.f_back
    via_for = False
    while c is not None:
        kind, _ = _frame_kind(c)
        if kind is not None:
            return kind, c, via_for
        if not str(c.f_globals.get("__name__")).startswith("moonlet."):
            # Python code that is not moonlet's (an embedding program).
            return None, c, via_for
        if _is_forin(c.f_code):
            via_for = True
        c = c.f_back
    return None, None, via_for


def global_func_name(code):
    """Lua's pushglobalfuncname: "table.insert" for the function with this
    code found in package.loaded ("print" for "_G.print"), or None."""
    try:
        from moonlet.stdlib.baselib import STATE

        loaded = dict.get(STATE["package"], "loaded")
    except (ImportError, KeyError, TypeError):
        return None
    if not isinstance(loaded, dict):
        return None
    for k, v in list(dict.items(loaded)):
        if k.__class__ is not str:
            continue
        if _code_of(v) is code:
            return k
        if isinstance(v, dict):
            for k2, v2 in list(dict.items(v)):
                if k2.__class__ is str and _code_of(v2) is code:
                    name = k + "." + k2
                    return name[3:] if name.startswith("_G.") else name
    return None


def _is_temp(name):
    return _TEMP.match(name) is not None or name == "_r"


def _unwrap(node, code):
    """The expression behind walrus targets and compiler temporaries."""
    for _ in range(20):
        if isinstance(node, ast.NamedExpr):
            node = node.value
        elif isinstance(node, ast.Name) and _is_temp(node.id):
            info = chunk_info(code.co_filename)
            value = info.temp_value(node.id, node) if info is not None else None
            if value is None:
                return node
            node = value
        else:
            return node
    return node


def call_site_name(call, code):
    """(name, is_method) that Lua's funcnamefromcode gives the function
    called by a generated Call node, or (None, False) when the called value
    has no name (the result of a call or of another expression)."""
    func = _unwrap(call.func, code)
    if isinstance(func, ast.Name):
        n = func.id
        if n in code.co_freevars or n in code.co_varnames or n in code.co_cellvars:
            return lua_name(n), False
        return None, False
    if isinstance(func, ast.Subscript):
        key = func.slice
        if isinstance(key, ast.Constant) and key.value.__class__ is str:
            # (the callee may sit in a temporary: _f(o, ...) with _f := o's
            # method, when a library call has an inline fast path)
            return key.value, _is_method_call(ast.Call(func=func, args=call.args))
        if isinstance(key, ast.Constant) and key.value.__class__ is int:
            if 0 <= key.value <= 255:
                return "integer index", False  # OP_GETI
        return "?", False
    if isinstance(func, ast.IfExp):
        # (_r if (_r := f()).__class__ is not Multi else first(_r)): a call
        # result; other conditional expressions are Lua values in registers.
        return call_site_name(ast.Call(func=func.body, args=call.args), code)
    return None, False


_HELPER_EVENTS = {
    "index": "index",
    "setindex": "newindex",
    "lua_len": "len",
    "concat": "concat",
    "concat_list": "concat",
    "lt": "lt",
    "le": "le",
    "eq": "eq",
    "arith_add": "add",
    "arith_sub": "sub",
    "arith_mul": "mul",
    "arith_div": "div",
    "arith_mod": "mod",
    "arith_idiv": "idiv",
    "arith_pow": "pow",
    "arith_unm": "unm",
    "bit_and": "band",
    "bit_or": "bor",
    "bit_xor": "bxor",
    "bit_shl": "shl",
    "bit_shr": "shr",
    "bit_not": "bnot",
    "close_var": "close",
}
_BINOP_EVENTS = {
    ast.Add: "add",
    ast.Sub: "sub",
    ast.Mult: "mul",
    ast.Div: "div",
    ast.FloorDiv: "idiv",
    ast.Mod: "mod",
    ast.Pow: "pow",
    ast.BitAnd: "band",
    ast.BitOr: "bor",
    ast.BitXor: "bxor",
    ast.LShift: "shl",
    ast.RShift: "shr",
    ast.USub: "unm",
    ast.Invert: "bnot",
    ast.Lt: "lt",
    ast.Gt: "lt",
    ast.LtE: "le",
    ast.GtE: "le",
    ast.Eq: "eq",
    ast.NotEq: "eq",
}


def _event_of(node):
    """The metamethod event of the operation a generated node performs
    (Lua's funcnamefromcode names a metamethod after its event), or None
    for calls and other nodes."""
    if isinstance(node, ast.Call):
        f = node.func
        if isinstance(f, ast.Name):
            return _HELPER_EVENTS.get(f.id)
        return None
    if isinstance(node, ast.Subscript):
        return "newindex" if isinstance(node.ctx, ast.Store) else "index"
    if isinstance(node, (ast.BinOp, ast.UnaryOp)):
        return _BINOP_EVENTS.get(type(node.op))
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        return _BINOP_EVENTS.get(type(node.ops[0]))
    return None


def called_as(default):
    """(name, is_method) of the running library function as luaL_argerror
    names it: from the calling instruction when Lua code called it, else
    the name it has in package.loaded ("table.insert"), else "?". is_method
    is None for a method (see LUA_METHODS) whose call cannot be seen."""
    f = _running_lib_frame(sys._getframe(1))
    if f is None:
        return default, False
    kind, caller, via_for = _caller_of(f)
    if kind is None and not via_for:
        # Called by Python code (an embedding program, a test).
        return default, False
    if kind == "lua":
        if via_for:
            return "for iterator", False
        node = _node_of(caller.f_code, caller.f_lasti)
        if node is None:
            # No position information (Python < 3.11, PyPy): keep the given
            # name; a function its module lists in LUA_METHODS was probably
            # called as a method (None: not known for sure).
            methods = f.f_globals.get("LUA_METHODS", ())
            return default, (None if f.f_code.co_name in methods else False)
        event = _event_of(node)
        if event is not None:
            # Called as a metamethod of the operation.
            return event, False
        if isinstance(node, ast.Call):
            name, method = call_site_name(node, caller.f_code)
            if name is not None:
                return name, method
    name = global_func_name(f.f_code)
    return (name if name is not None else "?"), False


def argument_absent(n):
    """True when the running library function got fewer than n arguments
    (for the functions whose missing arguments arrive as nil), False when it
    got them, None when that cannot be told."""
    f = _running_lib_frame(sys._getframe(1))
    if f is None:
        return None
    kind, caller, via_for = _caller_of(f)
    if via_for:
        return False
    if kind == "lua":
        node = _node_of(caller.f_code, caller.f_lasti)
        if isinstance(node, ast.Call) and not any(
            isinstance(a, ast.Starred) for a in node.args
        ):
            return len(node.args) < n
        return None
    if kind == "lib" and caller.f_back is not None:
        # pcall(f, ...) and xpcall(f, h, ...) pass their extra arguments on.
        fn = lib_codes().get(caller.f_code)
        name = getattr(fn, "__name__", "")
        if name in ("lua_pcall", "lua_xpcall"):
            args = caller.f_locals.get("args")
            if isinstance(args, tuple):
                return len(args) < n
    return None


def _in_tail_call(frame, info):
    pos = _position(frame.f_code, frame.f_lasti)
    return pos is not None and info.is_tail_call(pos)


def _position(code, lasti):
    try:
        positions = list(code.co_positions())
    except AttributeError:
        # Python < 3.11 (PyPy): recovered from the bytecode and the source.
        from .positions import code_positions

        positions = code_positions(code)
        if positions is None:
            return None
    i = lasti // 2
    if 0 <= i < len(positions):
        return positions[i]
    return None


def varinfo(operand):
    """ " (local 'x')" naming operand #`operand` of the runtime helper that the
    innermost Lua frame is calling, or ""."""
    f = sys._getframe(1)
    while f is not None:
        kind, _ = _frame_kind(f)
        if kind == "lib":
            # The operation runs in a library function: Lua names nothing.
            return ""
        if kind == "lua":
            break
        f = f.f_back
    if f is None:
        return ""
    node = _node_of(f.f_code, f.f_lasti)
    if not isinstance(node, ast.Call):
        return ""
    args = node.args
    if 0 < operand <= len(args):
        return describe(args[operand - 1], f.f_code)
    return ""


def _node_of(code, lasti):
    info = chunk_info(code.co_filename)
    pos = _position(code, lasti)
    if info is None or pos is None or None in pos:
        return None
    return info.node_at(pos)


_ENV_RE = re.compile(r"^_ENV(_\d+)?$")


def lua_name(pyname):
    """The Lua name behind a Python identifier made by the compiler
    (compiler.names.py_ident: a trailing "_" escapes a reserved name, "_2",
    "_3", ... number the later locals of the same name)."""
    if pyname.endswith("_") and len(pyname) > 1:
        return pyname[:-1]
    m = re.match(r"^(.+)_\d+$", pyname)
    return m.group(1) if m else pyname


_TEMP = re.compile(r"^_[a-z]\d+$")


def describe(node, code):
    """Lua's variable description of a generated expression, with the
    leading space and parentheses, or ""."""
    while isinstance(node, ast.NamedExpr):
        node = node.value
    if isinstance(node, ast.Name) and _is_temp(node.id):
        info = chunk_info(code.co_filename)
        value = info.temp_value(node.id, node) if info is not None else None
        return describe(value, code) if value is not None else ""
    if isinstance(node, ast.Name):
        n = node.id
        info = chunk_info(code.co_filename)
        if info is not None and info.stripped:
            return ""  # no names without debug information
        if n in code.co_freevars:
            return " (upvalue '%s')" % lua_name(n)
        if n in code.co_varnames or n in code.co_cellvars:
            return " (local '%s')" % lua_name(n)
        return ""
    if isinstance(node, ast.Subscript):
        base = node.value
        while isinstance(base, ast.NamedExpr):
            base = base.value
        if isinstance(base, ast.Name) and base.id == "varargs":
            return ""  # (...)
        key = node.slice
        if isinstance(key, ast.Constant) and key.value.__class__ is str:
            if isinstance(base, ast.Name) and _ENV_RE.match(base.id):
                return " (global '%s')" % key.value
            return " (field '%s')" % key.value
        if isinstance(key, ast.Constant) and key.value.__class__ is int:
            if 0 <= key.value <= 255:
                # OP_GETI: Lua 5.4 names the key "integer index".
                return " (field 'integer index')"
        # A key in a register: Lua names it '?'.
        return " (field '?')"
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return " (constant '%s')" % node.value
    if _is_index_call(node):
        # index(o, k): o[k] where o is known to be no table (compiler).
        return describe(ast.Subscript(value=node.args[0], slice=node.args[1]), code)
    if isinstance(node, ast.IfExp) and _is_str_test(node.test):
        # (o if o.__class__ is not str else STRINGS): the value o itself.
        # Other conditional expressions are results of `and`, `or`, calls
        # or arithmetic, which Lua does not name.
        return describe(node.body, code)
    return ""


def _is_index_call(node):
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "index"
        and len(node.args) == 2
        and not node.keywords
    )


def _is_str_test(test):
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Attribute)
        and test.left.attr == "__class__"
        and isinstance(test.ops[0], ast.IsNot)
        and isinstance(test.comparators[0], ast.Name)
        and test.comparators[0].id == "str"
    )


_PYTYPES = {
    "NoneType": "nil",
    "bool": "boolean",
    "int": "number",
    "float": "number",
    "str": "string",
    "function": "function",
    "builtin_function_or_method": "function",
    "method": "function",
    "method-wrapper": "function",
    "Table": "table",
    "table": "table",
    "MTable": "table",
    "Coroutine": "thread",
    "tuple": "nil",
    "Multi": "nil",
}


def _luatype(pyname):
    if pyname.startswith("lua:"):
        return pyname[4:]  # a __name (runtime.table.MTable.__call__)
    return _PYTYPES.get(pyname, "userdata")


def _is_method_call(call):
    """o:m(...) lowers to (o if ... else STRINGS)["m"](o, ...), to
    (_o1 := expr)["m"](_o1, ...) or t["m"](t, ...) when o is known to be a
    table, and to STRINGS["m"](s, ...) when o is known to be a string. (The
    call o.m(o, ...) has the same shape.)"""
    f = call.func
    if _is_index_call(f) and call.args:
        # index(o, "m")(o, ...): a method of a value known to be no table.
        base = f.args[0]
        if isinstance(base, ast.NamedExpr):
            base = base.target
        first = call.args[0]
        return (
            isinstance(base, ast.Name)
            and isinstance(first, ast.Name)
            and first.id == base.id
        )
    if not (isinstance(f, ast.Subscript) and call.args):
        return False
    base = f.value
    first = call.args[0]
    if isinstance(base, ast.IfExp):
        if not (isinstance(base.orelse, ast.Name) and base.orelse.id == "STRINGS"):
            return False
        base = base.body
        return (
            isinstance(base, ast.Name)
            and isinstance(first, ast.Name)
            and first.id == base.id
        )
    elif isinstance(base, ast.NamedExpr):
        base = base.target
    elif isinstance(base, ast.Name) and base.id == "STRINGS":
        return isinstance(first, ast.Name) or (
            isinstance(first, ast.Constant) and first.value.__class__ is str
        )
    if not isinstance(base, ast.Name):
        return False
    if _SHADOW.match(base.id):
        # A local's shadow (o if ... else STRINGS, kept in _oN).
        return isinstance(first, ast.Name)
    return isinstance(first, ast.Name) and first.id == base.id


_SHADOW = re.compile(r"^_o\d+$")


def _innermost_lua_tb(tb):
    found = None
    while tb is not None:
        if chunk_info(tb.tb_frame.f_code.co_filename) is not None:
            found = tb
        tb = tb.tb_next
    return found


def _prefix(tb):
    if tb is None:
        return ""
    info = chunk_info(tb.tb_frame.f_code.co_filename)
    line = info.line_at(tb.tb_frame.f_code, tb.tb_lasti, tb.tb_lineno)
    return "%s:%d: " % (info.chunk, line)


def _tb_node(tb):
    if tb is None:
        return None
    return _node_of(tb.tb_frame.f_code, tb.tb_lasti)


def _raised_in_forin(tb):
    """Whether the exception of Lua frame traceback tb was raised by the
    generic for helper itself (calling the iterator)."""
    last = tb
    while last is not None and last.tb_next is not None:
        last = last.tb_next
    return last is not None and last is not tb and _is_forin(last.tb_frame.f_code)


def _message_for(exc, tb):
    """Lua's message for a Python exception raised by generated code."""
    text = str(exc)
    node = _tb_node(tb)
    code = tb.tb_frame.f_code if tb is not None else None
    if isinstance(exc, RecursionError):
        return "stack overflow"
    if isinstance(exc, MemoryError):
        return "not enough memory"
    if isinstance(exc, ZeroDivisionError):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            return "attempt to perform 'n%0'"
        return "attempt to divide by zero"
    if isinstance(exc, TypeError):
        m = re.match(r"'(.*?)' object is not subscriptable", text) or re.match(
            r"'(.*?)' object does not support item assignment", text
        )
        if m:
            info = ""
            if isinstance(node, ast.Subscript):
                info = describe(node.value, code)
            return "attempt to index a %s value%s" % (_luatype(m.group(1)), info)
        m = re.match(r"'(.*?)' object is not callable", text)
        if m:
            info = ""
            if _raised_in_forin(tb):
                # OP_TFORCALL: the generic for calls its iterator.
                info = " (for iterator 'for iterator')"
            elif isinstance(node, ast.Call):
                info = describe(node.func, code)
                if _is_method_call(node):
                    info = info.replace("(field ", "(method ")
            return "attempt to call a %s value%s" % (_luatype(m.group(1)), info)
        m = re.match(
            r"'([<>=]+)' not supported between instances of '(.*?)' and '(.*?)'",
            text,
        )
        if m:
            a, b = _luatype(m.group(2)), _luatype(m.group(3))
            if m.group(1) in (">", ">="):
                a, b = b, a
            if a == b:
                return "attempt to compare two %s values" % a
            return "attempt to compare %s with %s" % (a, b)
        m = re.match(
            r"unsupported operand type\(s\) for .*?: '(.*?)' and '(.*?)'", text
        )
        if m:
            a, b = _luatype(m.group(1)), _luatype(m.group(2))
            bad = b if a == "number" else a
            idx = 1 if a != "number" else 2
            info = ""
            if isinstance(node, ast.BinOp):
                info = describe(node.left if idx == 1 else node.right, code)
            return "attempt to perform arithmetic on a %s value%s" % (bad, info)
        m = re.match(r"bad operand type for unary .*?: '(.*?)'", text)
        if m:
            return "attempt to perform arithmetic on a %s value" % _luatype(m.group(1))
        m = re.match(r'can only concatenate str \(not "(.*?)"\) to str', text)
        if m:
            return "attempt to concatenate a %s value" % _luatype(m.group(1))
    return "%s: %s" % (type(exc).__name__, text)


def lua_error_from(exc):
    """The LuaError that Lua code sees for any exception `exc`."""
    if isinstance(exc, LuaError):
        if exc.lua_traceback is None:
            exc.lua_traceback = traceback_text(exc.__traceback__)
        return exc
    tb = _innermost_lua_tb(exc.__traceback__)
    msg = _prefix(tb) + _message_for(exc, tb)
    err = LuaError(msg)
    err.lua_traceback = traceback_text(exc.__traceback__)
    err.__cause__ = exc
    return err


def _func_label(code, caller=None):
    """luaL_traceback's description of a Lua function: its global name,
    else how the calling instruction named it ("local 'f'", "method 'm'"),
    else main chunk or <file:line>."""
    name = code.co_name
    gname = global_func_name(code)
    if gname is not None:
        return "in function '%s'" % gname
    if caller == "hook":
        return "in hook '?'"  # called by a debug hook (runtime.hooks)
    namewhat = _namewhat(caller) if caller is not None else None
    if namewhat is not None:
        return "in %s '%s'" % namewhat
    if name == "lua_main":
        return "in main chunk"
    info = chunk_info(code.co_filename)
    return "in function <%s:%d>" % (info.chunk, info.lua_line(code.co_firstlineno))


def _lua_caller(entries, i):
    """(Lua frame, via_for) that called the function of entries[i], seen
    through runtime helpers (metamethod dispatch, for loops), or (None,
    False) when a library function or other Python code called it."""
    via_for = False
    for fr, _ in entries[i + 1 :]:
        if chunk_info(fr.f_code.co_filename) is not None:
            return fr, via_for
        if fr.f_code in HOOK_CODES:
            return None, False  # a debug hook: called by no instruction
        g = fr.f_globals
        if g.get("LUA_VISIBLE") or not str(g.get("__name__")).startswith(
            "moonlet.runtime"
        ):
            return None, False
        if _is_forin(fr.f_code):
            via_for = True
    return None, False


def _namewhat(caller):
    """(namewhat, name) of the function that Lua frame `caller` is calling,
    from its current instruction, or None."""
    if chunk_info(caller.f_code.co_filename) is None:
        return None
    node = _node_of(caller.f_code, caller.f_lasti)
    if node is None:
        return None
    event = _event_of(node)
    if event is not None:
        return "metamethod", event
    if not isinstance(node, ast.Call):
        return None
    name, method = call_site_name(node, caller.f_code)
    if name is None:
        return None
    func = _unwrap(node.func, caller.f_code)
    if isinstance(func, ast.Name):
        if func.id.startswith("lua_fn"):
            return None  # a function expression called where it is made
        if func.id in caller.f_code.co_freevars:
            return "upvalue", name
        return "local", name
    if isinstance(func, ast.Subscript):
        base = _unwrap(func.value, caller.f_code)
        if isinstance(base, ast.Name) and _ENV_RE.match(base.id):
            return "global", name
    return ("method" if method else "field"), name


# Tracebacks of the errors whose xpcall message handlers are running.
HANDLER_TRACEBACKS = []

# Code objects of the runtime functions that call debug hooks.
HOOK_CODES = set()


def greenlet_base(f):
    """Whether f is PyPy's greenlet machinery under a greenlet's first
    frame: a coroutine's stack ends there (on CPython its first frame has
    no f_back; on PyPy the chain goes on, even in a loop)."""
    return f.f_code.co_name == "_greenlet_start" and f.f_globals.get("__name__") == (
        "greenlet"
    )


def tail_callers(entries, i, follow=True):
    """(caller, via_for, tail, gone) for the function of entries[i], a list
    of (frame, line) innermost first: the Lua frame that called it (see
    _lua_caller) and whether a generic for did; with `follow`, Lua frames
    that called in a proper tail call are passed over: `tail` tells that
    there were some and `gone` lists their ids (Lua no longer has them)."""
    caller, via_for = _lua_caller(entries, i)
    tail = False
    gone = []
    j = i
    while (
        follow
        and caller is not None
        and _in_tail_call(caller, chunk_info(caller.f_code.co_filename))
    ):
        tail = True
        gone.append(id(caller))
        j = next(k for k in range(j + 1, len(entries)) if entries[k][0] is caller)
        caller, _ = _lua_caller(entries, j)
    return caller, via_for, tail, gone


def traceback_text(tb=None, frame=None):
    """A Lua-style "stack traceback:" for a Python traceback or frame chain
    (innermost call first, like Lua's). Deep stacks show their first 10 and
    last 11 levels, as luaL_traceback does."""
    entries = []
    while tb is not None:
        entries.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    entries.reverse()
    f = frame if frame is not None else (entries[-1][0].f_back if entries else None)
    while f is not None and not greenlet_base(f):
        entries.append((f, f.f_lineno))
        f = f.f_back
    # Frames that can show: Lua functions and library functions.
    shown = [
        i
        for i, (fr, _) in enumerate(entries)
        if fr.f_globals.get("LUA_VISIBLE") or chunk_info(fr.f_code.co_filename)
    ]
    lines = ["stack traceback:"]
    if len(shown) <= _LEVELS1 + _LEVELS2 + 8:
        lines.extend(_level_lines(entries, shown))
    else:
        # Describe a margin more than needed: some frames print nothing.
        head = _level_lines(entries, shown[: _LEVELS1 + 8])[:_LEVELS1]
        tail = _level_lines(entries, shown[-(_LEVELS2 + 8) :])[-(_LEVELS2 - 1) :]
        skipped = len(shown) + 1 - len(head) - len(tail) - 1
        lines.extend(head)
        lines.append("\t...\t(skipping %d levels)" % skipped)
        lines.extend(tail)
    lines.append("\t[C]: in ?")
    return "\n".join(lines)


_LEVELS1 = 10
_LEVELS2 = 11


def _level_lines(entries, indexes):
    out = []
    # Frames that made a proper tail call do not exist in Lua: they are
    # left out, and the function they called is marked instead.
    gone = set()
    for i in indexes:
        fr, lineno = entries[i]
        info = chunk_info(fr.f_code.co_filename)
        if info is not None:
            if id(fr) in gone:
                continue
            caller, via_for, tail, dropped = tail_callers(entries, i)
            gone.update(dropped)
            if via_for:
                label = "in for iterator 'for iterator'"
            elif tail:
                # No calling instruction to name it: only a global name.
                gname = global_func_name(fr.f_code)
                if gname is not None:
                    label = "in function '%s'" % gname
                else:
                    label = "in function <%s:%d>" % (
                        info.chunk,
                        info.lua_line(fr.f_code.co_firstlineno),
                    )
            else:
                hooked = i + 1 < len(entries) and entries[i + 1][0].f_code in HOOK_CODES
                label = _func_label(fr.f_code, "hook" if hooked else caller)
            out.append("\t%s:%d: %s" % (info.chunk, info.lua_line(lineno), label))
            if tail:
                out.append("\t(...tail calls...)")
        else:
            # A library function (helpers of library modules have no name
            # in package.loaded and are left out).
            name = global_func_name(fr.f_code)
            if name is not None:
                out.append("\t[C]: in function '%s'" % name)
    return out
