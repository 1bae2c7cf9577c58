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
- Waiters are woken with (case index, value, ok); a plain receive (case
  index -1) is woken with the Multi (value, ok) it returns.
- A channel fed by a process mailbox (inbox, events, listen) has `feed`:
  when a receiver starts waiting or the buffer frees a slot, the mailbox is
  asked to deliver more (`feed.demand()`). A receiver about to block on an
  unbuffered fed channel first asks `feed.take()`, which hands over a
  queued message when blocking would change nothing (runtime.process).
- Wait queues and buffers are made on first use; a waiter describes what
  it waits for only when a deadlock report asks.
"""

from collections import deque

from . import sched
from .sched import WaitQueue, Waiter, fire, wait, wait_recv
from .values import Multi

RECV = 0
SEND = 1

# What feed.take() returns when the receiver has to block.
NOTHING = object()

# What a receive on a closed, drained channel returns.
CLOSED = Multi((None, False))


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
        # stdlib.channellib replaces this with its method table's C-level get.
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
            # rq.pop_live() and fire(), inlined
            r = rq.pop(0)
            while r[0].done:
                if not rq:
                    break
                r = rq.pop(0)
            else:
                w = r[0]
                w.done = True
                i = r[1]
                sched._runq.append(
                    (w.glet, Multi((v, True)) if i < 0 else (i, v, True))
                )
                return True
        size = self.size
        if size:
            buf = self.buf
            if buf is None:
                buf = self.buf = deque()
            elif len(buf) >= size:
                return False
            buf.append(v)
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
        """Multi((value, ok))."""
        buf = self.buf
        if buf:
            # _recv_now(), inlined
            v = buf.popleft()
            sq = self.sendq
            if sq:
                s = sq.pop_live()
                if s is not None:
                    buf.append(s[2])
                    fire(s[0], (s[1], s[2], True))
            feed = self.feed
            if feed is not None and feed.queue:
                feed.demand()
            return Multi((v, True))
        if self.closed or (self.sendq and self._live_sender()):
            return Multi(self._recv_now())
        feed = self.feed
        if feed is not None and self.size == 0:
            v = feed.take()
            if v is not NOTHING:
                return Multi((v, True))
        rq = self.recvq
        if rq is None:
            rq = self.recvq = WaitQueue()
        return wait_recv(rq, "channel receive" if feed is None else feed, feed)

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
                fire(r[0], CLOSED if r[1] < 0 else (r[1], None, False))
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
