"""The channel module (global `channel`) and channel methods.

Rules:
- Channels are userdata (runtime.channel.Channel) with the methods send,
  receive, close, case_send and case_receive; `==` is identity, so
  `result.channel == ch` holds for the channel a select case came from.
- ch:send(v) returns true; it raises "send on closed channel" when the
  channel is already closed, and returns nil plus that error when the
  channel closes while the sender waits. ch:receive() returns v, true or
  nil, false (closed and drained). ch:close() returns nothing and ignores a
  second close.
- channel.select(cases) takes the array of cases in order (other values are
  ignored); `default = true` in the table, or a true second argument, makes
  it non-blocking. The result is {channel =, value =, ok =} or
  {default = true, ok = true}.
"""

from moonlet.runtime import errvalues
from moonlet.runtime.channel import RECV, SEND, Channel, select
from moonlet.runtime.sched import wait_recv
from moonlet.runtime.errors import NOARG, arg_error, rt_error, type_error
from moonlet.runtime.table import Table, length
from moonlet.runtime.values import NONE, Multi

from ._checks import check_table, opt_int

LUA_VISIBLE = True


class Case:
    """An opaque select case."""

    __slots__ = ("kind", "channel", "value")
    lua_type = "userdata"
    lua_meta = Table({"__name": "select_case"})

    def __init__(self, kind, channel, value):
        self.kind = kind
        self.channel = channel
        self.value = value

    def __getitem__(self, key):
        return None


def _check(ch, fname):
    if ch.__class__ is not Channel:
        if ch is NOARG or ch is None or not hasattr(ch, "lua_meta"):
            type_error(1, fname, "userdata", ch)
        arg_error(1, fname, "channel expected")
    return ch


def channel_new(size=None, *_):
    n = opt_int(size, 1, "new", 0)
    return Channel(n if n > 0 else 0)


def ch_send(ch=NOARG, v=None, *_):
    ch = _check(ch, "send")
    if ch.closed:
        rt_error("send on closed channel")
    if ch.send(v):
        return True
    return Multi((None, errvalues.make("send on closed channel", errvalues.INTERNAL)))


def ch_receive(ch=NOARG, *_):
    if ch.__class__ is not Channel:
        _check(ch, "receive")
    rq = ch.recvq
    feed = ch.feed
    if (
        ch.buf
        or ch.closed
        or ch.sendq
        or rq is None
        or (feed is not None and feed.queue and ch.size == 0)
    ):
        return ch.receive()
    # Channel.receive's blocking case, inlined (a feed with nothing queued
    # has nothing to take).
    return wait_recv(rq, "channel receive" if feed is None else feed, feed)


def ch_close(ch=NOARG, *_):
    _check(ch, "close").close()
    return NONE


def ch_case_send(ch=NOARG, v=None, *_):
    return Case(SEND, _check(ch, "case_send"), v)


def ch_case_receive(ch=NOARG, *_):
    return Case(RECV, _check(ch, "case_receive"), None)


def channel_select(cases=NOARG, default=None, *_):
    t = check_table(cases, 1, "select")
    if default is NOARG or default is None:
        has_default = False
    elif default.__class__ is bool:
        has_default = default
    else:
        type_error(2, "select", "boolean", default)
    chosen = []
    n = length(t)
    for i in range(1, n + 1):
        c = t[i]
        if c.__class__ is Case:
            chosen.append((c.kind, c.channel, c.value))
    for k, c in dict.items(t):
        if k.__class__ is int and 1 <= k <= n:
            continue
        if k == "default":
            if c is True:
                has_default = True
            continue
        if c.__class__ is Case:
            chosen.append((c.kind, c.channel, c.value))
    r = select(chosen, has_default)
    res = Table()
    if r is None:
        res["default"] = True
        res["ok"] = True
        return res
    i, v, ok = r
    res["channel"] = chosen[i][1]
    if v is not None:
        res["value"] = v
    res["ok"] = ok
    return res


LUA_METHODS = frozenset(
    ("ch_send", "ch_receive", "ch_close", "ch_case_send", "ch_case_receive")
)

METHODS = {
    "send": ch_send,
    "receive": ch_receive,
    "close": ch_close,
    "case_send": ch_case_send,
    "case_receive": ch_case_receive,
}
Channel.methods = METHODS
Channel.__getitem__ = staticmethod(METHODS.get)  # ch.m: a C-level lookup
Channel.lua_meta = Table({"__index": Table(METHODS), "__name": "channel"})

LIB = {
    "new": channel_new,
    "select": channel_select,
}
