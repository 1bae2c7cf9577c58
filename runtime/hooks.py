"""Lua debug hooks (debug.sethook) on Python's tracing (sys.settrace).

Rules:
- Hooks belong to a coroutine, as in Lua: while any is set, one global
  trace function runs for every Python call of the thread and hands the
  frames of Lua and library functions a FrameTracer when their coroutine
  has a hook; other frames are not traced.
- Events map to Lua's: "call" (or "tail call") when a Lua or library
  function starts, "return" when it returns normally (not when an error
  unwinds it, nor for a Lua function that made a proper tail call), "line"
  when a Lua function starts a new Lua line or jumps back (a loop), "count"
  every `count` Python instructions of Lua functions (Lua counts its VM's).
- Setting a hook also traces the functions already running in that
  coroutine, so that their lines and returns are seen.
- A hook runs with hooks off (Python does not trace a trace function) and
  cannot yield (ldblib calls it with lua_call). An error raised by a hook
  reaches the hooked function, and Python then turns tracing off for the
  thread: the hooks are gone.
- The functions that call hooks are listed in frames.HOOK_CODES, so that
  getinfo names the hook function "?" ("hook") and skips them.
"""

import dis
import sys
import weakref

from .debuginfo import TRANSFERS, closure_lines, level_kind
from .frames import (
    HOOK_CODES,
    _in_tail_call,
    chunk_info,
    greenlet_base,
    tail_callers,
)
from .values import values

_RETURN_OPS = frozenset(
    dis.opmap[n] for n in ("RETURN_VALUE", "RETURN_CONST") if n in dis.opmap
)

HOOKS = weakref.WeakKeyDictionary()  # coroutine -> Hook (ldblib's is weak too)


class Hook:
    __slots__ = ("fn", "mask", "count", "left")

    def __init__(self, fn, mask, count):
        self.fn = fn
        self.mask = mask
        self.count = count
        self.left = count


def _current():
    from moonlet.stdlib import corolib

    return corolib._current[0]  # (corolib.current would be a traced call)


def set_hook(thread, fn, mask, count):
    """debug.sethook for `thread` (None: the running coroutine)."""
    co = thread if thread is not None else _current()
    mask = "".join(c for c in "crl" if c in mask)
    if count < 0:
        count = 0
    if fn is None or (not mask and not count):
        HOOKS.pop(co, None)
    else:
        HOOKS[co] = Hook(fn, mask, count)
    if not HOOKS:
        sys.settrace(None)
        return
    sys.settrace(_on_call)
    if thread is None:
        frame = sys._getframe(1)
    else:
        glet = getattr(co, "glet", None)
        frame = glet.gr_frame if glet is not None and not glet.dead else None
    hook = HOOKS.get(co)
    while frame is not None and hook is not None and not greenlet_base(frame):
        kind, info = level_kind(frame)
        if kind is not None and not isinstance(frame.f_trace, FrameTracer):
            _trace(frame, kind, info, hook)
        frame = frame.f_back


def get_hook(thread):
    """(function, mask, count) of a coroutine's hook, or None."""
    hook = HOOKS.get(thread if thread is not None else _current())
    if hook is None:
        return None
    return hook.fn, hook.mask, hook.count


class FrameTracer:
    """The local trace function of one Lua or library frame."""

    __slots__ = ("kind", "info", "line", "lasti", "tail_called")

    def __init__(self, kind, info, frame, fresh):
        self.kind = kind
        self.info = info
        # A function that starts reports its first line whatever it is; one
        # that was running when the hook was set, its next new line.
        self.line = None
        if info is not None and not fresh:
            self.line = info.line_at(frame.f_code, frame.f_lasti, frame.f_lineno)
        self.lasti = frame.f_lasti
        self.tail_called = False

    def __call__(self, frame, event, arg):
        hook = HOOKS.get(_current())
        if hook is None:
            return self
        if event == "line":
            info = self.info
            code = frame.f_code
            line = info.line_at(code, frame.f_lasti, frame.f_lineno)
            if not info.stripped:
                nested = closure_lines(code, info, frame.f_globals)
                line = nested.get(frame.f_lineno, line)
            lasti = frame.f_lasti
            new = line != self.line or lasti <= self.lasti
            self.line = line
            self.lasti = lasti
            if new and "l" in hook.mask and (line > 0 or info.stripped):
                # (without debug information: at the start and on loops)
                _fire(hook, "line", line if line > 0 else None)
        elif event == "opcode":
            hook.left -= 1
            if hook.left <= 0:
                hook.left = hook.count
                _fire(hook, "count", None)
        elif event == "return":
            if "r" in hook.mask and not self.tail_called and _returns(frame):
                _fire(hook, "return", None, frame, values(arg))
        return self


def _returns(frame):
    """Whether a frame that is leaving returns normally (not by an error)."""
    try:
        return frame.f_code.co_code[frame.f_lasti] in _RETURN_OPS
    except IndexError:
        return False


def _trace(frame, kind, info, hook, fresh=False):
    tracer = FrameTracer(kind, info, frame, fresh)
    frame.f_trace = tracer
    frame.f_trace_lines = kind == "lua"
    frame.f_trace_opcodes = kind == "lua" and hook.count > 0
    return tracer


def _on_call(frame, event, arg):
    """The global trace function: a new Python frame starts."""
    if event != "call":
        return None
    hook = HOOKS.get(_current())
    if hook is None:
        return None
    kind, info = level_kind(frame)
    if kind is None:
        return None
    tracer = _trace(frame, kind, info, hook, fresh=True)
    tail = kind == "lua" and ("c" in hook.mask or "r" in hook.mask)
    if tail:
        tail = _tail_called(frame)
    if "c" in hook.mask:
        _fire(hook, "tail call" if tail else "call", None, frame)
    return tracer


def _tail_called(frame):
    """Whether a Lua function that starts was called by a proper tail call;
    the caller's return is then not reported (Lua has no such frame)."""
    caller = _lua_caller_frame(frame)
    if caller is None:
        return False
    if not _in_tail_call(caller, chunk_info(caller.f_code.co_filename)):
        return False
    if isinstance(caller.f_trace, FrameTracer):
        caller.f_trace.tail_called = True
    return True


def _lua_caller_frame(frame):
    """The Lua frame whose instruction called the function of `frame`."""
    entries = [(frame, 0)]
    f = frame.f_back
    while f is not None:
        entries.append((f, 0))
        if level_kind(f)[0] is not None or f.f_code in HOOK_CODES:
            break
        f = f.f_back
    return tail_callers(entries, 0, follow=False)[0]


def _fire(hook, event, line, frame=None, results=None):
    """Call the hook function; for call and return events, getinfo "r" and
    getlocal show the parameters or the results of `frame`."""
    # ldblib's hookf calls the hook with lua_call: it cannot yield.
    co = _current()
    co.nny += 1
    if frame is not None:
        TRANSFERS.append((frame, results))
    try:
        hook.fn(event, line)
    except BaseException:
        # Python turns tracing off after an error in a trace function.
        HOOKS.clear()
        sys.settrace(None)
        raise
    finally:
        co.nny -= 1
        if frame is not None:
            TRANSFERS.pop()


HOOK_CODES.update((_fire.__code__, _on_call.__code__, FrameTracer.__call__.__code__))
