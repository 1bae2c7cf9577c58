"""The debug library: only `traceback` and `getinfo`'s simplest uses.

moonlet does not expose Lua internals (see README, Differences).
"""

import sys

from moonlet.runtime.errors import NOARG
from moonlet.runtime.frames import HANDLER_TRACEBACKS, chunk_info, traceback_text
from moonlet.runtime.ops import tostring
from moonlet.runtime.table import Table

LUA_VISIBLE = True


def dbg_traceback(msg=NOARG, level=NOARG, *_):
    if msg is not NOARG and msg is not None and msg.__class__ not in (str, int, float):
        return msg
    if HANDLER_TRACEBACKS and HANDLER_TRACEBACKS[-1] is not None:
        # Inside an xpcall message handler: Lua's stack still holds the
        # frames of the error, which Python has unwound into a traceback.
        text = traceback_text(tb=HANDLER_TRACEBACKS[-1])
    else:
        text = traceback_text(frame=sys._getframe(1))
    if msg is NOARG or msg is None:
        return text
    return tostring(msg) + "\n" + text


def dbg_getinfo(*args):
    t = Table()
    t["currentline"] = -1
    t["source"] = "=?"
    t["short_src"] = "?"
    t["what"] = "Lua"
    return t


LIB = {"traceback": dbg_traceback, "getinfo": dbg_getinfo}
