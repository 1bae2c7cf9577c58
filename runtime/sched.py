"""The scheduler: one hub greenlet runs the tasks of every process.

Rules:
- Every task (the main function of a process, each coroutine.spawn) is a
  greenlet whose parent is the hub. Lua coroutines inside a task are
  greenlets too. A task blocks from whichever greenlet is running (a Lua
  coroutine inside it included) and exactly that greenlet is resumed.
- The run queue is FIFO. Its entries are (greenlet, value) pairs to switch
  into, or (callable, argument) pairs that the hub calls itself. Nothing
  else decides what runs next, so a program does the same thing every run.
- Blocking goes through one-shot Waiters: `wait(w)` parks the running
  greenlet, `fire(w, v)` queues it with v, once. A waiter may sit in several
  WaitQueues at a time (select): the first fire wins, and its other entries
  are dead; queues skip them and purge them as they grow.
- Timers sit in a heap of (when, seq, Timer). Cancelling only marks a
  timer; the heap is rebuilt when most of it is cancelled.
- When the run queue is empty the hub moves the clock to the next timer (a
  virtual clock jumps, a real clock sleeps) and fires it. When there is no
  timer either, `run` returns: the node decides whether that is the end or
  a deadlock.
- Per-task context (the current process, the coroutine library's current
  coroutine, the basic library's globals) is put back by the resumed
  greenlet itself after every switch (`enter`).
- A task whose process has ended raises ProcessExit when it resumes, so it
  unwinds (to-be-closed variables run) without pcall catching it.
"""

import heapq
from collections import deque

import greenlet

from moonlet.stdlib import baselib, corolib

getcurrent = greenlet.getcurrent
_GREENLET = greenlet.greenlet


class ProcessExit(BaseException):
    """Unwinds a task whose process has ended."""


class Cur:
    """What is running: the task and its process (None outside processes)."""

    __slots__ = ("task", "proc")

    def __init__(self):
        self.task = None
        self.proc = None


CUR = Cur()


def enter(task):
    """Make task's context the current one (called by the task's greenlet
    each time it starts running)."""
    CUR.task = task
    p = task.proc
    if CUR.proc is not p:
        CUR.proc = p
        st = baselib.STATE
        st["globals"] = p.globals
        st["package"] = p.package
    corolib._current = task.co_cur
    corolib._main = p.co_main


class Waiter:
    """A one-shot wake-up for the greenlet that waits on it."""

    __slots__ = ("glet", "done", "what", "timer")

    def __init__(self, what):
        self.glet = None
        self.done = False
        self.what = what
        self.timer = None


class WaitQueue(deque):
    """A FIFO of registrations (waiter, case index, value). An entry whose
    waiter has fired is dead: `pop_live` skips it, `put` purges them."""

    __slots__ = ("limit",)

    def __init__(self):
        deque.__init__(self)
        self.limit = 32

    def put(self, reg):
        self.append(reg)
        if len(self) > self.limit:
            live = [r for r in self if not r[0].done]
            self.clear()
            self.extend(live)
            self.limit = max(32, 2 * len(live))

    def first_live(self):
        while self:
            r = self[0]
            if not r[0].done:
                return r
            self.popleft()
        return None

    def pop_live(self):
        while self:
            r = self.popleft()
            if not r[0].done:
                return r
        return None

    def has_live(self):
        return self.first_live() is not None


class Timer:
    __slots__ = ("when", "fn", "arg", "active", "hub")

    def __init__(self, hub, when, fn, arg):
        self.hub = hub
        self.when = when
        self.fn = fn
        self.arg = arg
        self.active = True

    def cancel(self):
        """Stop the timer; True if it had not fired or been cancelled."""
        if not self.active:
            return False
        self.active = False
        hub = self.hub
        hub.ncancelled += 1
        if hub.ncancelled > 64 and hub.ncancelled * 2 > len(hub.timers):
            hub.compact()
        return True


# The running hub's queue and greenlet (module globals for fast access).
_runq = deque()
_hubglet = None


def fire(w, value):
    """Wake the greenlet waiting on w with value (once); True if this call
    woke it."""
    if w.done:
        return False
    w.done = True
    _runq.append((w.glet, value))
    return True


def wait(w):
    """Park the running greenlet until w fires; return the value it fired
    with."""
    task = CUR.task
    if task.glet is None:
        raise_init_block()
    if task.proc.dead:
        raise ProcessExit()
    w.glet = getcurrent()
    task.waiter = w
    v = _hubglet.switch()
    enter(task)
    task.waiter = None
    if task.proc.dead:
        raise ProcessExit()
    return v


def yield_now():
    """Let every other runnable task run once (a dispatcher round trip)."""
    task = CUR.task
    if task.glet is None:
        raise_init_block()
    if task.proc.dead:
        raise ProcessExit()
    _runq.append((getcurrent(), None))
    _hubglet.switch()
    enter(task)
    if task.proc.dead:
        raise ProcessExit()


def raise_init_block():
    from .errors import rt_error

    rt_error("attempt to block while a process is being started")


def call_soon(fn, arg=None):
    """Have the hub call fn(arg) after what is already queued."""
    _runq.append((fn, arg))


class Hub:
    """The run queue, the timers and the loop that runs them."""

    # Virtual clock: this many timer jumps in a row that wake nobody means
    # nothing will ever run again (only tickers into full channels).
    IDLE_JUMPS = 100000

    def __init__(self, clock):
        self.clock = clock
        self.runq = deque()
        self.timers = []
        self.tseq = 0
        self.ncancelled = 0
        self.glet = None
        self.stopping = False

    def call_later(self, delay, fn, arg=None):
        """A Timer calling fn(arg) on the hub after delay nanoseconds."""
        when = self.clock.now() + max(0, delay)
        t = Timer(self, when, fn, arg)
        self.tseq += 1
        heapq.heappush(self.timers, (when, self.tseq, t))
        return t

    def compact(self):
        self.timers = [e for e in self.timers if e[2].active]
        heapq.heapify(self.timers)
        self.ncancelled = 0

    def pending_timers(self):
        return len(self.timers) - self.ncancelled

    def _fire_due(self, now):
        timers = self.timers
        while timers and timers[0][0] <= now:
            t = heapq.heappop(timers)[2]
            if not t.active:
                self.ncancelled -= 1
                continue
            t.active = False
            t.fn(t.arg)

    def _advance(self):
        """Move the clock to the next timer and fire what is due; False if
        no timer is pending."""
        timers = self.timers
        while timers and not timers[0][2].active:
            heapq.heappop(timers)
            self.ncancelled -= 1
        if not timers:
            return False
        clock = self.clock
        clock.sleep_until(timers[0][0])
        self._fire_due(clock.now())
        return True

    def activate(self):
        """Make this hub the one that wait/fire/yield_now talk to (its
        greenlet is the caller's)."""
        global _runq, _hubglet
        self.glet = _hubglet = getcurrent()
        _runq = self.runq

    def run(self):
        """Run until stopped or until nothing can run and no timer is
        pending."""
        self.activate()
        runq = self.runq
        popleft = runq.popleft
        clock = self.clock
        real = not clock.virtual
        idle_jumps = 0
        n = 0
        while not self.stopping:
            if runq:
                g, v = popleft()
                if g.__class__ is _GREENLET:
                    g.switch(v)
                else:
                    g(v)
                if real:
                    n += 1
                    if n >= 64:
                        n = 0
                        if self.timers and self.timers[0][0] <= clock.now():
                            self._fire_due(clock.now())
                continue
            if not self._advance():
                break
            if runq:
                idle_jumps = 0
            elif not real:
                idle_jumps += 1
                if idle_jumps >= self.IDLE_JUMPS:
                    break
        return not self.stopping
