"""Scope resolution: which Lua local every name refers to, and how closures
capture it.

Every Lua function becomes a Python def, and every Lua local a Python local
of that def. Closures capture in one of three ways (`LocalVar.mode`):
- "cell": an ordinary Python closure variable (a Lua upvalue is shared, so
  is a Python cell);
- "value": a local declared inside a loop and never assigned again, captured
  by a closure: Lua gives each iteration a fresh variable, so the closure
  takes the current value as a keyword-only default parameter;
- "box": the same but assigned after capture, or captured by more than one
  closure (two closure expressions, or one inside a loop nested in the
  variable's block), which must share it (debug.upvalueid tells): the
  variable holds a one-element list created afresh at each declaration, and
  all accesses go through `[0]`; closures take the list as a default
  parameter.
Blocks that hold labels count as loops (a backward goto repeats them).
"""

from luaparser import astnodes as A

from .names import py_ident


class LocalVar:
    __slots__ = (
        "name",
        "pyname",
        "func",
        "attrib",
        "in_loop",
        "decl_depth",
        "captured",
        "assigned",
        "mode",
        "decl_node",
        "is_param",
        "types",
        "fn_node",
        "shadow",
        "lower",
    )

    def __init__(self, name, func, in_loop, attrib=None, is_param=False):
        self.name = name
        self.pyname = None
        self.func = func
        self.attrib = attrib
        self.in_loop = in_loop
        self.decl_depth = 0  # loops (and label blocks) around the declaration
        self.captured = False
        self.assigned = False
        self.mode = "plain"
        self.decl_node = None
        self.is_param = is_param
        self.types = None
        # The function node this variable always holds (compiler.types).
        self.fn_node = None
        # Indexed often: True, then the Python name of the variable that holds
        # `x if x.__class__ is not str else STRINGS` (lower_stmt.shadow_of).
        self.shadow = None
        # A lower bound of its integer values where the lowering is now
        # (after `if x < K then return end`, in `for x = K, ...`), or None.
        self.lower = None

    def __repr__(self):
        return "<LocalVar %s/%s %s>" % (self.name, self.pyname, self.mode)


class FuncInfo:
    def __init__(self, node, parent):
        self.node = node
        self.parent = parent
        self.children = []
        self.locals = []
        self.is_vararg = False
        self.params = []
        # Outer variables referenced in this function or its descendants.
        self.free = set()
        # Outer "cell" variables assigned here (need `nonlocal`).
        self.nonlocals = set()
        # Outer value/box variables this def takes as default parameters.
        self.capture_params = []
        self.taken = set()
        self.temp_counter = 0
        self.pyname = None
        # Computes with floats: set by compiler.lower_ops when first asked.
        self.floaty = None
        # Loops around the closure expression in its parent (Resolver.function).
        self.created_depth = 0
        if parent is not None:
            parent.children.append(self)

    def new_temp(self, prefix="t"):
        self.temp_counter += 1
        return "_%s%d" % (prefix, self.temp_counter)

    def ident(self, lua_name):
        """A fresh identifier in this def for a compiler-made name."""
        name = py_ident(lua_name, self.taken)
        self.taken.add(name)
        return name


class Resolver:
    def __init__(self):
        self.scopes = []  # list of dicts name -> LocalVar
        self.func = None
        self.loop_depth = 0
        self.funcs = []
        self.env_var = None

    def resolve(self, chunk):
        wrapper = FuncInfo(None, None)  # holds the _ENV upvalue
        self.env_var = LocalVar("_ENV", wrapper, False)
        self.env_var.pyname = "_ENV"
        wrapper.locals.append(self.env_var)
        main = FuncInfo(chunk, wrapper)
        main.is_vararg = True
        main.pyname = "lua_main"
        chunk.finfo = main
        self.funcs = [wrapper, main]
        self.scopes = [{"_ENV": self.env_var}]
        self.func = main
        self.loop_depth = 0
        self.scopes.append({})
        self.block(chunk.body)
        self.scopes.pop()
        self._decide_modes()
        self._assign_names(wrapper)
        return main

    # scopes

    def declare(self, name_node, attrib=None, is_param=False):
        v = LocalVar(name_node.id, self.func, self.loop_depth > 0, attrib, is_param)
        v.decl_node = name_node
        v.decl_depth = self.loop_depth
        self.func.locals.append(v)
        self.scopes[-1][name_node.id] = v
        name_node.var = v
        return v

    def lookup(self, name):
        for scope in reversed(self.scopes):
            v = scope.get(name)
            if v is not None:
                return v
        return None

    def use(self, node, write=False):
        """Resolve a Name reference."""
        v = self.lookup(node.id)
        if v is None:
            node.var = None
            env = self.lookup("_ENV")
            node.env = env
            self._note_ref(env, False)
            return
        node.var = v
        node.env = None
        self._note_ref(v, write)

    def _note_ref(self, v, write):
        if write:
            v.assigned = True
        if v.func is not self.func:
            v.captured = True
            f = self.func
            while f is not v.func:
                f.free.add(v)
                if write:
                    f.nonlocals.add(v)
                f = f.parent
            self._refs.append((v, self.func))

    _refs = None

    # traversal

    def block(self, block, loop=False):
        has_label = any(isinstance(s, A.Label) for s in block.body)
        if loop or has_label:
            self.loop_depth += 1
        block.has_label = has_label
        for stmt in block.body:
            self.stmt(stmt)
        if loop or has_label:
            self.loop_depth -= 1

    def scoped_block(self, block, loop=False, pre=None):
        self.scopes.append({})
        if pre:
            pre()
        self.block(block, loop)
        self.scopes.pop()

    def stmt(self, s):
        m = getattr(self, "s_" + type(s).__name__, None)
        if m is None:
            return
        m(s)

    def s_LocalAssign(self, s):
        for e in s.values:
            self.expr(e)
        for t in s.targets:
            self.declare(t, getattr(t, "lua_attrib", None))

    def s_Assign(self, s):
        for e in s.values:
            self.expr(e)
        for t in s.targets:
            if isinstance(t, A.Name):
                self.use(t, write=True)
            else:
                self.expr(t)

    def s_Call(self, s):
        self.expr(s)

    s_Invoke = s_Call

    def s_Do(self, s):
        self.scoped_block(s.body)

    def s_While(self, s):
        self.expr(s.test)
        self.scoped_block(s.body, loop=True)

    def s_Repeat(self, s):
        # The condition sees the body's locals.
        self.scopes.append({})
        self.block(s.body, loop=True)
        self.loop_depth += 1
        self.expr(s.test)
        self.loop_depth -= 1
        self.scopes.pop()

    def s_If(self, s):
        self.expr(s.test)
        self.scoped_block(s.body)
        o = s.orelse
        if isinstance(o, A.ElseIf):
            self.s_If(o)
        elif o is not None:
            self.scoped_block(o)

    s_ElseIf = s_If

    def s_Fornum(self, s):
        self.expr(s.start)
        self.expr(s.stop)
        if isinstance(s.step, A.Node):
            self.expr(s.step)
        self.loop_depth += 1
        self.scopes.append({})
        self.declare(s.target)
        self.loop_depth -= 1
        self.block(s.body, loop=True)
        self.scopes.pop()

    def s_Forin(self, s):
        for e in s.iter:
            self.expr(e)
        self.loop_depth += 1
        self.scopes.append({})
        for t in s.targets:
            self.declare(t)
        self.loop_depth -= 1
        self.block(s.body, loop=True)
        self.scopes.pop()

    def s_Return(self, s):
        for e in s.values:
            self.expr(e)

    def s_Function(self, s):
        name = s.name
        if isinstance(name, A.Name):
            self.use(name, write=True)
        else:
            self.expr(name)
        self.function(s, s.args, s.body, method=False)

    def s_Method(self, s):
        self.expr(s.source)
        self.function(s, s.args, s.body, method=True)

    def s_LocalFunction(self, s):
        v = self.declare(s.name)
        # The function refers to its own variable before the value exists.
        v.assigned = True
        self.function(s, s.args, s.body, method=False)

    def function(self, node, args, body, method):
        f = FuncInfo(node, self.func)
        f.created_depth = self.loop_depth
        node.finfo = f
        self.funcs.append(f)
        saved = (self.func, self.loop_depth)
        self.func = f
        self.loop_depth = 0
        self.scopes.append({})
        if method:
            selfname = A.Name("self")
            f.params.append(self.declare(selfname, is_param=True))
            node.self_name = selfname
        for a in args:
            if isinstance(a, A.Varargs):
                f.is_vararg = True
            else:
                f.params.append(self.declare(a, is_param=True))
        self.block(body)
        self.scopes.pop()
        self.func, self.loop_depth = saved

    # expressions

    def expr(self, e):
        if e is None or not isinstance(e, A.Node):
            return
        if isinstance(e, A.Name):
            self.use(e)
        elif isinstance(e, A.Index):
            self.expr(e.value)
            self.expr(e.idx) if e.notation == A.IndexNotation.SQUARE else None
        elif isinstance(e, A.Call):
            self.expr(e.func)
            for a in e.args:
                self.expr(a)
        elif isinstance(e, A.Invoke):
            self.expr(e.source)
            for a in e.args:
                self.expr(a)
        elif isinstance(e, A.AnonymousFunction):
            self.function(e, e.args, e.body, method=False)
        elif isinstance(e, A.Table):
            for fld in e.fields:
                if fld.key is not None and (
                    fld.between_brackets or not isinstance(fld.key, A.Name)
                ):
                    self.expr(fld.key)
                self.expr(fld.value)
        elif isinstance(e, A.BinaryOp):
            self.expr(e.left)
            self.expr(e.right)
        elif isinstance(e, A.UnaryOp):
            self.expr(e.operand)

    # decisions

    def _decide_modes(self):
        sites = {}  # loop variable -> the defs below its function that capture it
        for v, g in self._refs:
            if v.captured and v.in_loop:
                # The outermost def below v's function takes v as a parameter.
                c = g
                while c.parent is not v.func:
                    c = c.parent
                sites.setdefault(v, []).append(c)
        for f in self.funcs:
            for v in f.locals:
                if v.captured and v.in_loop:
                    cs = set(sites.get(v, ()))
                    shared = len(cs) > 1 or any(
                        c.created_depth > v.decl_depth for c in cs
                    )
                    v.mode = "box" if v.assigned or shared else "value"
                elif v.captured:
                    v.mode = "cell"
        for v, cs in sites.items():
            for c in cs:
                if v not in c.capture_params:
                    c.capture_params.append(v)
        for f in self.funcs:
            # Value and box variables reach inner defs as parameters, so
            # they are never Python nonlocals.
            f.nonlocals = {v for v in f.nonlocals if v.mode == "cell"}

    def _assign_names(self, f):
        for v in f.free:
            f.taken.add(v.pyname)
        for v in f.locals:
            if v.pyname is None:
                v.pyname = py_ident(v.name, f.taken)
            f.taken.add(v.pyname)
        for c in f.children:
            self._assign_names(c)


def resolve(chunk):
    r = Resolver()
    r._refs = []
    return r.resolve(chunk)
