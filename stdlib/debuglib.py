"""The debug library: only `traceback` and `getinfo`'s simplest uses.

moonlet does not expose Lua internals (see README, Differences).
"""

import sys

from moonlet.runtime.errors import NOARG
from moonlet.runtime.frames import chunk_info, traceback_text
from moonlet.runtime.ops import tostring
from moonlet.runtime.table import Table

LUA_VISIBLE = True


def dbg_traceback(msg=NOARG, level=NOARG, *_):
    if msg is not NOARG and msg is not None and msg.__class__ not in (str, int, float):
        return msg
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
