"""What the debug library reads off Python frames and functions: stack
levels, function descriptions, local variables and upvalues.

Rules:
- A level is what lua_getstack counts: the frame of a Lua function or of a
  library ("C") function, innermost first. Runtime internals do not count; a
  Lua function that made a proper tail call is gone (its callee is marked
  `tail`), and so is a Lua function whose error is unwinding through the
  __close of a to-be-closed variable (Lua discards it before closing). The
  main thread ends in a C level, like lua.c's `pmain`.
- Inside an xpcall message handler the frames of the error, which Python
  has already unwound, are spliced back in where Lua still has them.
- Facts about a Lua function come from its code object and the generated
  source: `# L<n>` markers, the def's AST, LUA_DUMP and LUA_SOURCE (the chunk
  name given to `load`). Nothing here runs until the debug library asks.
- Upvalues are the closure cells of the def plus the variables it captures
  per loop iteration as keyword-only defaults (a one-element list when the
  variable is assigned after capture, else the value itself; see
  compiler/scope.py), in Lua's order: first use in the function's body.
"""

import ast
import gc
import linecache
import re
import sys
import weakref
from types import FunctionType

from .pytext import parse_text
from .frames import (
    HANDLER_TRACEBACKS,
    HOOK_CODES,
    _frame_kind,
    _is_temp,
    _namewhat,
    chunk_info,
    greenlet_base,
    lib_codes,
    lua_name,
    tail_callers,
)

CO_VARARGS = 0x04


class Level:
    """One level of a Lua stack (see the module rules)."""

    __slots__ = ("frame", "kind", "info", "lineno", "tail", "caller", "via_for")

    def __init__(self, frame, kind, info, lineno):
        self.frame = frame
        self.kind = kind  # "lua", "lib", or "C" (the bottom of the main thread)
        self.info = info
        self.lineno = lineno
        self.tail = False
        # The Lua frame whose instruction called this level's function, the
        # hook dispatcher ("hook"), or None (a C function called it).
        self.caller = None
        self.via_for = False

    @property
    def code(self):
        return self.frame.f_code if self.frame is not None else None

    def currentline(self):
        if self.kind != "lua":
            return -1
        f = self.frame
        return self.info.line_at(f.f_code, f.f_lasti, self.lineno)

    def funcname(self):
        """(namewhat, name) as Lua's getfuncname gives them, or None."""
        if self.tail or self.caller is None:
            return None
        if self.caller == "hook":
            return "hook", "?"
        if self.via_for:
            return "for iterator", "for iterator"
        return _namewhat(self.caller)

    def function(self):
        if self.frame is None:
            return _c_entry
        return frame_function(self.frame)


def _python_stack(frame):
    """[(frame, line)] from `frame` outward, with the frames of the error
    whose message handler is running put back under the handler."""
    tb = HANDLER_TRACEBACKS[-1] if HANDLER_TRACEBACKS else None
    head = tb.tb_frame if tb is not None else None
    entries = []
    f = frame
    while f is not None and not greenlet_base(f):
        if f is head:
            inner = []
            while tb is not None:
                inner.append((tb.tb_frame, tb.tb_lineno))
                tb = tb.tb_next
            inner.reverse()
            entries.extend(inner)
            head = None
        else:
            entries.append((f, f.f_lineno))
        f = f.f_back
    return entries


_close_code = []


def _is_close_with_error(f):
    """Whether f is close_var running a __close for an error."""
    if not _close_code:
        prelude = sys.modules.get("moonlet.runtime.prelude")
        fn = getattr(prelude, "close_var", None)
        if fn is None:
            return False
        _close_code.append(fn.__code__)
    return f.f_code is _close_code[0] and f.f_locals.get("err") is not None


def level_kind(frame):
    """frames._frame_kind, except that the Python function that starts a
    coroutine's greenlet is no library function, and the module code of a
    generated chunk no Lua function."""
    kind, info = _frame_kind(frame)
    if kind == "lua" and frame.f_code.co_name in ("<module>", "lua_chunk"):
        return None, None  # a generated module being loaded
    if kind == "lib" and frame.f_code not in lib_codes():
        back = frame.f_back
        if back is None or greenlet_base(back):
            return None, None
    return kind, info


def stack_levels(frame, main_thread=True):
    """The Levels of the stack that runs `frame`, innermost first."""
    return _levels_of(_python_stack(frame), main_thread)


def _levels_of(entries, main_thread):
    levels = []
    gone = set()
    closing = False
    for i, (f, lineno) in enumerate(entries):
        kind, info = level_kind(f)
        if kind is None:
            if _is_close_with_error(f):
                closing = True
            continue
        if kind == "lua" and closing:
            closing = False
            gone.add(id(f))
            continue
        if id(f) in gone:
            continue
        level = Level(f, kind, info, lineno)
        if i + 1 < len(entries) and entries[i + 1][0].f_code in HOOK_CODES:
            level.caller = "hook"
        elif kind == "lua":
            caller, level.via_for, level.tail, dropped = tail_callers(entries, i)
            gone.update(dropped)
            if caller is not None and id(caller) not in gone:
                level.caller = caller
        else:
            caller, via_for, _, _ = tail_callers(entries, i, follow=False)
            if caller is not None and id(caller) not in gone:
                level.caller = caller
                level.via_for = via_for
        levels.append(level)
    if main_thread:
        levels.append(Level(None, "C", None, 0))
    return levels


def current_levels(frame):
    """stack_levels for the running coroutine, from `frame`."""
    import greenlet

    return stack_levels(frame, greenlet.getcurrent().parent is None)


def thread_levels(co):
    """The Levels of a coroutine that is not running: [] when it has not
    started or ended normally; when an error killed it, those of the frames
    the error went through (Lua keeps that stack until the coroutine is
    closed)."""
    glet = getattr(co, "glet", None)
    if glet is None:
        return []
    if glet.dead:
        tb = dead_traceback(co)
        if tb is None:
            return []
        entries = []
        while tb is not None:
            entries.append((tb.tb_frame, tb.tb_lineno))
            tb = tb.tb_next
        entries.reverse()
        return _levels_of(entries, False)
    f = glet.gr_frame
    if f is None:
        return []
    return stack_levels(f, False)


def dead_traceback(co):
    """The Python traceback of the error that killed a coroutine, or None."""
    err = getattr(co, "error", None)
    if err is None:
        return None
    cause = err.__cause__
    return (cause if cause is not None else err).__traceback__


# The function running in a frame.


def _c_entry(*_):
    """Stands for lua.c's pmain, the C function under the main chunk."""


_last_function = weakref.WeakKeyDictionary()  # code -> weakref to a function


def frame_function(frame):
    """The function object whose call made `frame`: found among the objects
    that refer to its code (slow: the whole heap is searched, so the last
    answer for each code is kept and tried first); closures of one code are
    told apart by their upvalues, and when even those are equal any of them
    is as good an answer as Python can give."""
    code = frame.f_code
    fn = lib_codes().get(code)
    if fn is not None:
        return fn
    ref = _last_function.get(code)
    fn = ref() if ref is not None else None
    if fn is not None and _same_upvalues(fn, frame.f_locals):
        return fn
    found = [
        r
        for r in gc.get_referrers(code)
        if r.__class__ is FunctionType and r.__code__ is code
    ]
    if len(found) > 1:
        local = frame.f_locals
        found = [fn for fn in found if _same_upvalues(fn, local)] or found
    if not found:
        return None
    _last_function[code] = weakref.ref(found[-1])
    return found[-1]


_MISSING = object()


def _same_upvalues(fn, local):
    code = fn.__code__
    for name, cell in zip(code.co_freevars, fn.__closure__ or ()):
        try:
            v = cell.cell_contents
        except ValueError:
            v = _MISSING
        if local.get(name, _MISSING) is not v:
            return False
    for name, v in (fn.__kwdefaults__ or {}).items():
        if local.get(name, _MISSING) is not v:
            return False
    return True


# Functions.


def lua_code(fn):
    """(code, ChunkInfo) of a Lua function, or None for other values."""
    code = getattr(fn, "__code__", None)
    if code is None:
        return None
    info = chunk_info(code.co_filename)
    if info is None:
        return None
    return code, info


def source_of(globs, info):
    """Lua's chunk name (ar.source) of the chunk that made a function."""
    src = globs.get("LUA_SOURCE") if globs is not None else None
    if src.__class__ is str:
        return src
    chunk = info.chunk
    if chunk.startswith('[string "') and chunk.endswith('"]'):
        if not chunk.endswith('..."]'):
            return chunk[9:-2]
        return chunk
    if chunk in ("?", "stdin"):
        return "=" + chunk
    return "@" + chunk


def linedefined(code, info):
    if code.co_name == "lua_main":
        return 0
    return info.marked_line(code.co_firstlineno)


def lastlinedefined(code, info, globs):
    if code.co_name == "lua_main":
        return 0
    first = linedefined(code, info)
    text = _dump_text(code, first, globs)
    if text is not None:
        return first + len(_NEWLINE.findall(text))
    lines = [info.marked_line(n) for n in _code_lines(code)]
    return max([first] + lines)


def _code_lines(code):
    try:
        return [line for _, _, line in code.co_lines() if line is not None]
    except AttributeError:  # PyPy 3.9
        import dis

        return [line for _, line in dis.findlinestarts(code)]


_closure_lines = weakref.WeakKeyDictionary()


def closure_lines(code, info, globs):
    """{Python line of a nested def: Lua line of that function's `end`}:
    Lua makes a closure at the end of the function's text."""
    got = _closure_lines.get(code)
    if got is None:
        got = {
            c.co_firstlineno: lastlinedefined(c, info, globs)
            for c in code.co_consts
            if hasattr(c, "co_firstlineno") and c.co_filename == code.co_filename
        }
        _closure_lines[code] = got
    return got


def active_lines(code, info, globs):
    """Lua lines that hold code of the function, from the statements of its
    def: like Lua's, they include the line of its final `end` and, for a
    nested function, the line of that function's `end` (where its closure
    is made), not its other lines; the compiler's prologue (nonlocal
    declarations, shadows of parameters, the test that picks the integer
    version of the body) is no code of a Lua line."""
    node = def_node(code)
    out = set()
    if node is None or info.stripped:
        return out
    nested = closure_lines(code, info, globs)

    def walk(stmts):
        for st in stmts:
            if isinstance(st, ast.FunctionDef):
                if st.lineno in nested:
                    out.add(nested[st.lineno])
                continue
            if not _prologue(st):
                out.add(info.lua_line(st.lineno))
            for body in _blocks(st) or ():
                walk(body)

    walk(node.body)
    if code.co_name != "lua_main":
        out.add(lastlinedefined(code, info, globs))
    out.discard(0)
    out.discard(-1)
    return out


def _prologue(st):
    if isinstance(st, (ast.Nonlocal, ast.Global)):
        return True
    if isinstance(st, ast.Assign) and len(st.targets) == 1:
        t = st.targets[0]
        return isinstance(t, ast.Name) and _SHADOW.match(t.id) is not None
    if isinstance(st, ast.If):
        tests = st.test.values if isinstance(st.test, ast.BoolOp) else [st.test]
        return all(_is_int_test(t) for t in tests)
    return False


def _is_int_test(t):
    """`x.__class__ is int` (compiler.lower_func._versions)."""
    return (
        isinstance(t, ast.Compare)
        and isinstance(t.left, ast.Attribute)
        and t.left.attr == "__class__"
        and isinstance(t.ops[0], ast.Is)
        and isinstance(t.comparators[0], ast.Name)
        and t.comparators[0].id == "int"
    )


_SHADOW = re.compile(r"^_o\d+$")
_NEWLINE = re.compile(r"\r\n|\n\r|\n|\r")  # Lua's line breaks


def is_vararg(code):
    if not code.co_flags & CO_VARARGS:
        return False
    return code.co_varnames[code.co_argcount + code.co_kwonlyargcount] == "varargs"


# The generated def of a code object.

_defs = {}  # file name -> {(def name, line): ast.FunctionDef}


def def_node(code):
    """The ast.FunctionDef of the generated source that compiled to code."""
    defs = _defs.get(code.co_filename)
    if defs is None:
        defs = {}
        try:
            tree = parse_text("".join(linecache.getlines(code.co_filename)))
        except (SyntaxError, ValueError):
            tree = None
        if tree is not None:
            for node in ast.walk(tree):
                if isinstance(node, ast.FunctionDef):
                    defs[(node.name, node.lineno)] = node
        _defs[code.co_filename] = defs
    return defs.get((code.co_name, code.co_firstlineno))


# Upvalues.

_upvalue_orders = {}


def _upvalue_order(code, info, globs):
    """The Python names of a Lua function's upvalues in Lua's order: by the
    Lua line of their first use, and within a line by where the name (for
    _ENV, the global's name) first stands in the Lua text; the generated
    code may evaluate things in another order (type tests first)."""
    order = _upvalue_orders.get(code)
    if order is not None:
        return order
    a = code.co_argcount
    names = list(code.co_freevars) + list(
        code.co_varnames[a : a + code.co_kwonlyargcount]
    )
    wanted = set(names)
    node = def_node(code)
    first = {}
    if node is not None:
        text = _lua_lines(code, info, globs)
        for stmt in node.body:
            for n in ast.walk(stmt):
                if (
                    isinstance(n, ast.Subscript)
                    and isinstance(n.value, ast.Name)
                    and n.value.id in wanted
                    and isinstance(n.slice, ast.Constant)
                    and n.slice.value.__class__ is str
                ):
                    target, word = n.value, n.slice.value  # _ENV["print"]
                elif isinstance(n, ast.Name) and n.id in wanted:
                    target, word = n, lua_name(n.id)
                else:
                    continue
                line = info.marked_line(target.lineno)
                k = (
                    line,
                    _word_at(text.get(line), word),
                    target.lineno,
                    target.col_offset,
                )
                if target.id not in first or k < first[target.id]:
                    first[target.id] = k
    order = sorted(first, key=first.get) + [n for n in names if n not in first]
    _upvalue_orders[code] = order
    return order


def _dump_text(code, first, globs):
    """The Lua source of a function (LUA_DUMP, see string.dump), or None."""
    dump = globs.get("LUA_DUMP") if globs is not None else None
    entry = dump.get((code.co_name, first)) if isinstance(dump, dict) else None
    return entry[1] if entry is not None else None


def _lua_lines(code, info, globs):
    """{Lua line: its text} of a function's source, or {}."""
    first = linedefined(code, info)
    text = _dump_text(code, first, globs)
    if text is None:
        return {}
    return dict(enumerate(_NEWLINE.split(text), max(first, 1)))


def _word_at(text, word):
    """Where a variable named `word` first stands in a line of Lua text
    (not after "." or ":"), or a large number."""
    if text is not None:
        m = re.search(r"(?<![\w:])(?<![^.]\.)%s(?!\w)" % re.escape(word), text)
        if m is not None:
            return m.start()
    return 1 << 30


class Upvalue:
    """One upvalue of a function: a closure cell, or a keyword-only default
    holding a box (a one-element list) or a value."""

    __slots__ = ("fn", "name", "cell", "key")

    def __init__(self, fn, name, cell=None, key=None):
        self.fn = fn
        self.name = name
        self.cell = cell
        self.key = key

    def get(self):
        if self.cell is not None:
            try:
                return self.cell.cell_contents
            except ValueError:
                return None
        v = self.fn.__kwdefaults__[self.key]
        return v[0] if v.__class__ is list else v

    def set(self, value):
        if self.cell is not None:
            self.cell.cell_contents = value
            return
        kw = self.fn.__kwdefaults__
        v = kw[self.key]
        if v.__class__ is list:
            v[0] = value
        else:
            # A copy captured per loop iteration: later calls see it.
            kw[self.key] = value

    def ident(self):
        if self.cell is not None:
            return LightUserdata(self.cell)
        v = self.fn.__kwdefaults__[self.key]
        if v.__class__ is list:
            return LightUserdata(v)
        # A value captured per loop iteration has no shared variable.
        return LightUserdata(self.fn, self.key)


def upvalues(fn):
    """The Upvalues of a function in Lua's order (C functions: their
    closure cells, named "")."""
    code = getattr(fn, "__code__", None)
    if code is None:
        return []
    cells = fn.__closure__ or ()
    info = chunk_info(code.co_filename)
    if info is None:
        return [Upvalue(fn, "", cell=c) for c in cells]
    by_name = dict(zip(code.co_freevars, cells))
    stripped = info.stripped
    out = []
    for name in _upvalue_order(code, info, fn.__globals__):
        shown = "(no name)" if stripped else lua_name(name)
        if name in by_name:
            out.append(Upvalue(fn, shown, cell=by_name[name]))
        elif fn.__kwdefaults__ and name in fn.__kwdefaults__:
            out.append(Upvalue(fn, shown, key=name))
    return out


class Unsupported(Exception):
    """What this Python cannot do (replace closure cells, assign the locals
    of a running frame); the debug library reports it as a Lua error."""


def replace_cell(fn, index, cell):
    """Make fn's closure cell number `index` be `cell` (lua_upvaluejoin).
    A closure tuple cannot be changed from Python; on CPython it is changed
    in place (it belongs to fn alone), elsewhere this raises Unsupported."""
    if sys.implementation.name != "cpython":
        raise Unsupported("closure cells can be replaced only on CPython")
    import ctypes

    closure = fn.__closure__
    old = closure[index]
    if old is cell:
        return
    addr = id(closure) + tuple.__basicsize__ + index * tuple.__itemsize__
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(cell))
    ctypes.c_void_p.from_address(addr).value = id(cell)
    ctypes.pythonapi.Py_DecRef(ctypes.py_object(old))


class LightUserdata:
    """The light userdata debug.upvalueid returns: equal for the same
    variable."""

    lua_type = "userdata"
    __slots__ = ("ref", "key")

    def __init__(self, ref, key=None):
        self.ref = ref
        self.key = key

    def __eq__(self, other):
        return (
            other.__class__ is LightUserdata
            and other.ref is self.ref
            and other.key == self.key
        )

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((id(self.ref), self.key))

    def lua_repr(self):
        return "userdata: 0x%014x" % id(self.ref)


# Local variables.

FOR_STATE = "(for state)"


def frame_locals(level):
    """[(Lua name, Python name or None)] of the local variables of a Lua
    level that are active at its current line, in the order Lua numbers
    them: parameters, then locals in order of declaration (with the hidden
    control variables of enclosing for loops)."""
    code = level.frame.f_code
    out = [(lua_name(n), n) for n in code.co_varnames[: code.co_argcount]]
    node = def_node(code)
    if node is not None:
        own = set(code.co_varnames) | set(code.co_cellvars)
        a = code.co_argcount
        own.difference_update(code.co_varnames[a : a + code.co_kwonlyargcount])
        seen = {py for _, py in out}
        found = []
        _declared(node.body, level.lineno, found)
        for name in found:
            if name is FOR_STATE:
                out.append((FOR_STATE, None))
            elif name in own and name not in seen and not _is_temp(name):
                if name in ("varargs", "_") or name.startswith("lua_fn"):
                    continue
                seen.add(name)
                out.append((lua_name(name), name))
    return out


def _declared(stmts, line, out):
    for i, st in enumerate(stmts):
        if st.lineno > line:
            return
        inside = st.end_lineno >= line
        if isinstance(st, ast.FunctionDef):
            if not _stored_in_table(st.name, stmts[i + 1 : i + 2]):
                out.append(st.name)  # local function f
            continue
        blocks = _blocks(st)
        if blocks is not None:
            if inside:
                if isinstance(st, ast.For):
                    forin = isinstance(st.iter, ast.Call) and _called(st.iter) in (
                        "forin",
                        "forin1",
                    )
                    out.extend([FOR_STATE] * (4 if forin else 3))
                    out.extend(_targets(st.target))
                for body in blocks:
                    if body and body[0].lineno <= line <= body[-1].end_lineno:
                        _declared(body, line, out)
                return
            continue  # a block that has ended: its locals are gone
        if inside:
            return  # the statement running now declares nothing yet
        if isinstance(st, ast.Assign):
            for t in st.targets:
                out.extend(_targets(t))


def _blocks(st):
    if isinstance(st, (ast.For, ast.While, ast.If)):
        return [st.body, st.orelse]
    if isinstance(st, ast.Try):
        return [st.body] + [h.body for h in st.handlers] + [st.orelse, st.finalbody]
    if isinstance(st, ast.With):
        return [st.body]
    return None


def _targets(t):
    if isinstance(t, ast.Name):
        return [t.id]
    if isinstance(t, (ast.Tuple, ast.List)):
        return [n for e in t.elts for n in _targets(e)]
    return []


def _called(call):
    f = call.func
    return f.id if isinstance(f, ast.Name) else None


def _stored_in_table(name, following):
    """Whether the statement after `def name` stores it in a table
    (`function t.f()`, a global function): then it is no Lua local."""
    for st in following:
        for n in ast.walk(st):
            if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Subscript):
                if isinstance(n.value, ast.Name) and n.value.id == name:
                    return True
            if isinstance(n, ast.Call) and _called(n) == "setindex":
                if any(isinstance(a, ast.Name) and a.id == name for a in n.args[2:]):
                    return True
    return False


def _c_slots(frame):
    """The arguments of a library function's frame: what Lua shows of a C
    function's stack as "(C temporary)" values."""
    from .errors import NOARG

    if frame is None:
        return []
    code = frame.f_code
    local = frame.f_locals
    out = []
    for name in code.co_varnames[: code.co_argcount]:
        v = local.get(name, NOARG)
        if v is NOARG:
            return out
        out.append(v)
    if code.co_flags & CO_VARARGS:
        extra = local.get(code.co_varnames[code.co_argcount + code.co_kwonlyargcount])
        if extra.__class__ is tuple or extra.__class__.__base__ is tuple:
            out.extend(extra)
    return out


# (frame, values) of the call and return events whose hooks are running:
# the values a function receives or returns (values None: its parameters).
TRANSFERS = []


def transfer(level):
    """(ftransfer, ntransfer, values) of a level: where, among its locals,
    the values of the call or return event being hooked are, as Lua's
    getinfo "r" tells (values None: the parameters); (0, 0, ()) when no
    such event is running for the level."""
    if not TRANSFERS or level.frame is None or TRANSFERS[-1][0] is not level.frame:
        return 0, 0, ()
    values = TRANSFERS[-1][1]
    code = level.frame.f_code
    if values is None:
        if level.kind == "lua":
            return 1, code.co_argcount, None
        return 1, len(_c_slots(level.frame)), None
    if level.kind == "lua":
        first = len(frame_locals(level)) + 1
    else:
        first = len(_c_slots(level.frame)) + 1
    return first, len(values), values


def get_local(level, n):
    """(name, value) of local n of a level, or None."""
    frame = level.frame
    first, count, values = transfer(level)
    if values and first <= n < first + count:
        temp = "(temporary)" if level.kind == "lua" else "(C temporary)"
        return temp, values[n - first]
    if level.kind != "lua":
        slots = _c_slots(frame)
        if 0 < n <= len(slots):
            return "(C temporary)", slots[n - 1]
        return None
    if n < 0:
        return _vararg(level, n)
    slot = _local_slot(level, n)
    if slot is None:
        return None
    name, py = slot
    if py is None:
        return name, None
    v = frame.f_locals.get(py)
    if v.__class__ is list:
        v = v[0] if v else None
    return name, v


def _local_slot(level, n):
    """(Lua name, Python name or None) of local n of a Lua level, or None."""
    names = frame_locals(level)
    if not 0 < n <= len(names):
        return None
    name, py = names[n - 1]
    if level.info.stripped:
        name = "(temporary)"  # no names without debug information
    return name, py


def _vararg(level, n):
    code = level.frame.f_code
    if not is_vararg(code):
        return None
    extra = level.frame.f_locals.get("varargs", ())
    if -n > len(extra):
        return None
    return "(vararg)", extra[-n - 1]


def set_local(level, n, value):
    """Set local n of a level; its name, or None when there is none."""
    frame = level.frame
    if level.kind != "lua":
        return None
    if n < 0:
        got = _vararg(level, n)
        if got is None:
            return None
        extra = list(frame.f_locals.get("varargs", ()))
        extra[-n - 1] = value
        _write_local(frame, "varargs", tuple(extra))
        return got[0]
    slot = _local_slot(level, n)
    if slot is None:
        return None
    name, py = slot
    if py is None:
        return name
    cur = frame.f_locals.get(py)
    if cur.__class__ is list and cur:
        cur[0] = value  # a variable boxed for the closures of a loop
    else:
        _write_local(frame, py, value)
    return name


def _write_local(frame, name, value):
    """Assign a local variable of a running Python frame."""
    frame.f_locals[name] = value
    store_locals(frame)


def store_locals(frame):
    """Write the frame's f_locals, changed, back into the running frame."""
    if sys.implementation.name == "cpython":
        import ctypes

        ctypes.pythonapi.PyFrame_LocalsToFast(ctypes.py_object(frame), ctypes.c_int(0))
    else:
        try:
            from __pypy__ import locals_to_fast
        except ImportError:
            raise Unsupported("cannot assign the locals of a running function")
        locals_to_fast(frame)


def param_name(fn, n):
    """lua_getlocal on a function value: the name of parameter n."""
    lc = lua_code(fn)
    if lc is None:
        return None
    code, info = lc
    if 0 < n <= code.co_argcount and not info.stripped:
        return lua_name(code.co_varnames[n - 1])
    return None
