"""Channels: the rendezvous and buffered queues tasks of a process share.

Rules:
- Send: a waiting receiver gets the value directly; else the buffer takes
  it if there is room; else the sender blocks in a FIFO of senders. Sending
  on a closed channel is an error; a sender blocked when the channel closes
  resumes with ok = false.
- Receive: the buffer first (a blocked sender then moves its value into the
  buffer), then a blocked sender's value, then (nil, false) if closed, else
  block. Buffered values are still delivered after close.
- Close wakes every blocked receiver with (nil, false) and every blocked
  sender with ok = false; closing twice does nothing.
- Select takes the first ready case in array order; with nothing ready it
  returns None when a default is allowed, else registers the one waiter on
  every case and blocks; the first case to complete wins and the others
  become dead entries.
- Waiters are woken with (case index, value, ok).
- A channel fed by a process mailbox (inbox, events, listen) has `feed`:
  when a receiver starts waiting or the buffer frees a slot, the mailbox is
  asked to deliver more (`feed.demand()`).
"""

from collections import deque

from .sched import WaitQueue, Waiter, fire, wait

RECV = 0
SEND = 1


class Channel:
    __slots__ = ("size", "buf", "recvq", "sendq", "closed", "feed", "__weakref__")
    lua_type = "userdata"
    lua_meta = None  # set by stdlib.channellib
    methods = {}  # set by stdlib.channellib

    def __init__(self, size=0):
        self.size = size
        self.buf = None
        self.recvq = None
        self.sendq = None
        self.closed = False
        self.feed = None

    def __getitem__(self, key):
        return self.methods.get(key)

    def lua_repr(self):
        return "channel: 0x%014x" % id(self)

    def __repr__(self):
        return "<Lua %s>" % self.lua_repr()

    # Readiness.

    def can_receive(self):
        return bool(self.buf) or self._live_sender() or self.closed

    def can_send(self):
        rq = self.recvq
        if rq and rq.first_live() is not None:
            return True
        return not self.closed and self._room()

    def can_accept(self):
        """Whether offer() would succeed now (for runtime producers)."""
        if self.closed:
            return False
        rq = self.recvq
        if rq and rq.first_live() is not None:
            return True
        buf = self.buf
        return self.size > 0 and (buf is None or len(buf) < self.size)

    def _room(self):
        return self.size > 0 and (self.buf is None or len(self.buf) < self.size)

    def _live_sender(self):
        sq = self.sendq
        return bool(sq) and sq.first_live() is not None

    # Non-blocking halves.

    def offer(self, v):
        """Hand v to a waiting receiver or buffer it; False if neither is
        possible (nothing changes then)."""
        if self.closed:
            return False
        rq = self.recvq
        if rq:
            r = rq.pop_live()
            if r is not None:
                fire(r[0], (r[1], v, True))
                return True
        if self._room():
            if self.buf is None:
                self.buf = deque()
            self.buf.append(v)
            return True
        return False

    def _recv_now(self):
        """(value, ok) of a receive that can proceed (can_receive())."""
        buf = self.buf
        if buf:
            v = buf.popleft()
            sq = self.sendq
            if sq:
                s = sq.pop_live()
                if s is not None:
                    buf.append(s[2])
                    fire(s[0], (s[1], s[2], True))
            if self.feed is not None:
                self.feed.demand()
            return v, True
        sq = self.sendq
        if sq:
            s = sq.pop_live()
            if s is not None:
                fire(s[0], (s[1], s[2], True))
                return s[2], True
        return None, False

    # Blocking operations (called from a task).

    def send(self, v):
        """True once v is taken or buffered; False if the channel closed
        while the sender waited (the caller raises for a channel that is
        already closed)."""
        if self.closed:
            return False
        if self.offer(v):
            return True
        w = Waiter("channel send")
        if self.sendq is None:
            self.sendq = WaitQueue()
        self.sendq.put((w, 0, v))
        return wait(w)[2]

    def receive(self):
        """(value, ok)."""
        if self.buf or self.closed or self._live_sender():
            return self._recv_now()
        w = Waiter("channel receive" if self.feed is None else self.feed.what())
        if self.recvq is None:
            self.recvq = WaitQueue()
        self.recvq.put((w, 0, None))
        if self.feed is not None:
            self.feed.demand()
        r = wait(w)
        return r[1], r[2]

    def close(self):
        if self.closed:
            return
        self.closed = True
        rq = self.recvq
        if rq:
            while True:
                r = rq.pop_live()
                if r is None:
                    break
                fire(r[0], (r[1], None, False))
        sq = self.sendq
        if sq:
            while True:
                s = sq.pop_live()
                if s is None:
                    break
                fire(s[0], (s[1], s[2], False))


def select(cases, has_default):
    """cases: a list of (RECV|SEND, channel, value). Returns (index, value,
    ok) of the case that ran, or None for the default."""
    for i, (kind, ch, v) in enumerate(cases):
        if kind == RECV:
            if ch.buf or ch.closed or ch._live_sender():
                v, ok = ch._recv_now()
                return i, v, ok
        elif ch.can_send():
            ch.offer(v)
            return i, v, True
    if has_default:
        return None
    w = Waiter("select")
    for i, (kind, ch, v) in enumerate(cases):
        if kind == RECV:
            if ch.recvq is None:
                ch.recvq = WaitQueue()
            ch.recvq.put((w, i, None))
            if ch.feed is not None:
                ch.feed.demand()
        else:
            if ch.sendq is None:
                ch.sendq = WaitQueue()
            ch.sendq.put((w, i, v))
    return wait(w)
