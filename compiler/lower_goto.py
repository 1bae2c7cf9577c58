"""goto, labels and break.

Python has no goto, so:
- a label at the end of a `while`/`for` body is a `continue` target
  (`goto continue` becomes `continue`);
- any other block with labels becomes a dispatcher loop: the block is cut
  into segments at its labels and run inside `while True:`; `goto L`
  stores L's segment number in the dispatcher's variable and restarts the
  loop, which skips the segments before L:

      _g1 = 0
      while True:
          if _g1 <= 0:
              ...            # statements before the first label
          if _g1 <= 1:
              _g1 = 0
              ...            # statements after ::L1::
          break

A jump that has to leave inner Python loops sets its variable, breaks out,
and each loop it crosses checks the variable right after itself. A Lua
`break` that crosses a dispatcher does the same with a flag.
"""

import ast

from luaparser import astnodes as A

from . import pyast as P
from .errors import CompilerBug
from .lower import JumpTarget, stmt_lowering


def continue_labels(block):
    """Names of the labels that end a loop body (continue targets), if the
    block has no other labels."""
    body = block.body
    i = len(body)
    names = []
    while i > 0 and isinstance(body[i - 1], (A.Label, A.SemiColon)):
        if isinstance(body[i - 1], A.Label):
            names.append(body[i - 1].id.id)
        i -= 1
    if any(isinstance(s, A.Label) for s in body[:i]):
        return None
    return names or None


def _stmt(node, line):
    node.lua_line = line
    return node


@stmt_lowering(A.Label)
def lower_label(lw, s):
    """::name:: -> nothing (dispatch_block cuts blocks at labels)."""
    return []


@stmt_lowering(A.Goto)
def lower_goto(lw, s):
    """goto name -> continue, or a jump through a dispatcher."""
    name = s.label.id
    crossed = []
    for tgt in reversed(lw.targets):
        if name in tgt.labels:
            break
        crossed.append(tgt)
    else:
        raise CompilerBug("goto %s: no target" % name)
    if tgt.kind == "dispatch":
        value = P.const(tgt.labels[name])
        if not crossed:
            return [P.assign(tgt.var, value), ast.Continue()]
    else:
        if not crossed:
            return [ast.Continue()]
        if tgt.var is None:
            tgt.var = lw.temp("c")
        value = P.const(1)
    for c in crossed:
        c.escapes.append(("jump", tgt))
    return [P.assign(tgt.var, value), ast.Break()]


@stmt_lowering(A.Break)
def lower_break(lw, s):
    """break -> break (with a flag when it has to cross dispatchers)."""
    crossed = []
    for tgt in reversed(lw.targets):
        if tgt.kind == "loop":
            break
        crossed.append(tgt)
    else:
        raise CompilerBug("break outside a loop")
    if not crossed:
        return [ast.Break()]
    if tgt.brk is None:
        tgt.brk = lw.temp("b")
    for c in crossed:
        c.escapes.append(("break", tgt))
    return [P.assign(tgt.brk, P.const(True)), ast.Break()]


def loop_inits(tgt):
    """Statements that must run before a loop's Python loop starts."""
    out = []
    if tgt.var is not None:
        out.append(P.assign(tgt.var, P.const(0)))
    if tgt.brk is not None:
        out.append(P.assign(tgt.brk, P.const(False)))
    return out


def escape_checks(lw, tgt):
    """Statements to put right after the Python loop of `tgt`, to pass on
    jumps and breaks that left it on their way further out."""
    out = []
    seen = set()
    outer = lw.targets[-1] if lw.targets else None
    for kind, dest in tgt.escapes:
        key = (kind, id(dest))
        if key in seen:
            continue
        seen.add(key)
        flag = dest.brk if kind == "break" else dest.var
        if dest is outer:
            if kind == "break":
                body = [ast.Break()]
            elif dest.kind == "dispatch":
                body = [ast.Continue()]
            else:
                body = [P.assign(dest.var, P.const(0)), ast.Continue()]
        else:
            body = [ast.Break()]
            if outer is None:
                raise CompilerBug("jump escapes every loop")
            outer.escapes.append((kind, dest))
        out.append(P.if_(P.name(flag), body))
    return out


def dispatch_block(lw, block):
    """A block with labels as a dispatcher loop (see the module doc)."""
    segments = [([], [])]
    for s in block.body:
        if isinstance(s, A.Label):
            if segments[-1][1] or len(segments) == 1:
                segments.append(([], []))
            segments[-1][0].append(s.id.id)
        else:
            segments[-1][1].append(s)
    if not segments[0][1] and len(segments) > 1:
        pass
    tgt = JumpTarget("dispatch")
    tgt.var = lw.temp("g")
    for idx, (names, _) in enumerate(segments):
        for n in names:
            tgt.labels[n] = idx
    lw.targets.append(tgt)
    body = []
    var = P.name(tgt.var)
    for idx, (names, stmts) in enumerate(segments):
        code = lw.stmts(stmts)
        if idx == 0:
            if code:
                body.append(P.if_(P.compare(var, ast.LtE(), P.const(0)), code))
        else:
            reset = P.assign(tgt.var, P.const(0))
            reset.lua_line = lw.line
            body.append(P.if_(P.compare(var, ast.LtE(), P.const(idx)), [reset] + code))
    body.append(ast.Break())
    lw.targets.pop()
    out = [P.assign(tgt.var, P.const(0))]
    if tgt.brk is not None:
        out.append(P.assign(tgt.brk, P.const(False)))
    out.append(P.while_(P.const(True), body))
    out.extend(escape_checks(lw, tgt))
    for s in out + body:
        if not hasattr(s, "lua_line"):
            s.lua_line = lw.line
    return out
