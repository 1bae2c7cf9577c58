"""The scheduler: one hub greenlet runs the tasks of every process.

Rules:
- Every task (the main function of a process, each coroutine.spawn) is a
  greenlet whose parent is the hub. Lua coroutines inside a task are
  greenlets too. A task blocks from whichever greenlet is running (a Lua
  coroutine inside it included) and exactly that greenlet is resumed.
- The run queue is FIFO. Its entries are (greenlet, value) pairs to switch
  into, or (callable, argument) pairs that are called on the way. Nothing
  else decides what runs next, so a program does the same thing every run.
- A greenlet that blocks or yields hands over to the head of the run queue
  itself (`_next`): callbacks at the head are called right there, and a
  greenlet that has already started is switched to directly, without a
  round trip through the hub. The order is the run queue's either way. A
  greenlet that has not started yet is started by the hub only, from the
  hub's own (shallow) stack: a new greenlet's C stack begins where it is
  first switched to, so starting one from a task's stack would let every
  spawn in a chain start deeper than the last.
- The hub takes over when the run queue is empty (time moves on), when it
  is stopping, when the head has not started, and (real clock) after
  BUDGET hand-overs in a row, to look at the timers. A yield that finds
  nothing else to run returns at once, and a send that needs nothing else
  to run skips its yield (runtime.process post_alone, which calls
  `yielded`); both count as hand-overs.
- Blocking goes through one-shot Waiters: `wait(w)` parks the running
  greenlet, `fire(w, v)` queues it with v, once. A waiter may sit in several
  WaitQueues at a time (select): the first fire wins, and its other entries
  are dead; queues skip them and purge them as they grow. A plain receive
  (`wait_recv`) parks on its task, which is a waiter too, with the task's
  one registration: it sits in one queue only and is popped from it when
  fired.
- The value of a run queue entry goes to its greenlet through the module
  global `_val`, which the resumed side reads at once; a task switches
  without arguments. (An argument tuple would stay alive, with its value,
  as long as the switching greenlet stays parked: the C caller of switch()
  holds it; a greenlet's first switch holds it for the greenlet's life.)
  The hub, which never parks, also passes the value as the argument of the
  switch, except to start a task greenlet (`task_body`).
- The hottest path is inlined where it is called: stdlib.processlib p_send
  has yielded inlined (with Process.post_alone's common case). It sets this module's
  `_budget` as an item of its __dict__, which is quicker than setting a
  module attribute; a change here has to be made there too.
- The hub keeps a pool of task greenlets that have run their task and wait
  for another (runtime.process); `drop_pool` ends them.
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

# Hand-overs between greenlets before the hub looks at a real clock's timers.
BUDGET = 64
_FOREVER = 1 << 62


class ProcessExit(BaseException):
    """Unwinds a task whose process has ended."""


class Cur:
    """What is running: the task and its process (None outside processes)."""

    __slots__ = ("task", "proc")

    def __init__(self):
        self.task = None
        self.proc = None


CUR = Cur()
type(baselib.STATE).cur = CUR  # (a process's globals and package are looked up there)
# corolib's globals: storing corolib._current there as a dict item is
# quicker than setting the module attribute.
_corolib = corolib.__dict__


def enter(task):
    """Make task's context the current one (called by the task's greenlet
    each time it starts running)."""
    CUR.task = task
    p = task.proc
    CUR.proc = p
    _corolib["_current"] = task.co_cur


class Waiter:
    """A one-shot wake-up for the greenlet that waits on it. `what` says
    what it waits for (a string, or an object with a `what()` method)."""

    __slots__ = ("glet", "done", "what", "timer")

    def __init__(self, what):
        self.glet = None
        self.done = False
        self.what = what
        self.timer = None

    def describe(self):
        w = self.what
        return w if w.__class__ is str else w.what()


class WaitQueue(list):
    """A FIFO of registrations (waiter, case index, value). An entry whose
    waiter has fired is dead: `pop_live` skips it, `put` purges them. (A
    list: it is short, and an empty one costs little.)"""

    __slots__ = ()

    def put(self, reg):
        self.append(reg)
        if len(self) > 32:
            self.purge()

    def purge(self):
        """Drop the dead entries (at each power of two beyond 32)."""
        n = len(self)
        if n & (n - 1) == 0:
            self[:] = [r for r in self if not r[0].done]

    def first_live(self):
        while self:
            r = self[0]
            if not r[0].done:
                return r
            del self[0]
        return None

    def pop_live(self):
        while self:
            r = self.pop(0)
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


# The running hub's queue and greenlet (module globals for fast access), and
# how many hand-overs may still bypass it.
_runq = deque()
_hubglet = None
_hub = None
_budget = 0
# The value a switch hands to the greenlet it resumes (see the rules), and
# the body of task greenlets (runtime.process._worker), which the hub starts
# without arguments.
_val = None
task_body = None


def fire(w, value):
    """Wake the greenlet waiting on w with value (once); True if this call
    woke it."""
    if w.done:
        return False
    w.done = True
    _runq.append((w.glet, value))
    return True


def _enter(task, proc):
    """Make `task` of `proc` the running one again after a switch back to
    its greenlet (the process's globals, package and coroutines become
    current); a process killed meanwhile ends here."""
    CUR.task = task
    CUR.proc = proc
    _corolib["_current"] = task.co_cur
    if proc.dead:
        raise ProcessExit()


def _next(me):
    """Run what comes next in the run queue, from the running greenlet `me`
    (parked on a waiter or queued by yield_now); return the value `me` is
    resumed with. (wait and yield_now have this loop inlined.)"""
    global _budget, _val
    runq = _runq
    while runq and _budget > 0:
        g, v = runq[0]
        if g.__class__ is _GREENLET:
            if g is me:
                runq.popleft()
                _budget -= 1
                return v
            if not g:
                break  # not started: the hub starts it from its own stack
            runq.popleft()
            _budget -= 1
            _val = v
            g.switch()
            return _val
        runq.popleft()
        _budget -= 1
        g(v)
    _hubglet.switch()
    return _val


def wait_recv(q, what, feed):
    """A plain receive that has to block: register the running task on wait
    queue q, let `feed` (a mailbox subscription, or None) deliver, and park
    like wait(). Returns what the receive returns, Multi((value, ok)).

    The task is its own waiter here (runtime.process.Task), and its
    registration (task, -1, None) is made once: a plain receive sits in one
    queue only, and whoever wakes it pops it from there, except kill_tasks
    (the process is dead then, and its tasks never wait again). (Few
    locals: this frame is the one parked, and the frame object greenlet
    keeps for it has room for every local.)"""
    global _budget, _val
    task = CUR.task
    if task.rreg is None or task.proc.dead:
        # (A task being started has no greenlet and no registration yet.)
        if task.glet is None:
            raise_init_block()
        if task.proc.dead:
            raise ProcessExit()
        task.rreg = (task, -1, None)
    task.done = False
    task.what = what
    # (No purge here: dead entries pile up only from selects, and select
    # registers with WaitQueue.put, which purges. task.waiter stays None:
    # a task is parked in a plain receive while task.done is false.)
    q.append(task.rreg)
    if feed is not None and feed.queue:
        feed.demand()
    task.glet = getcurrent()
    if _runq and _budget > 0:
        # _next(task.glet), its common case first: a started greenlet at the
        # head.
        g, _val = _runq.popleft()
        if g.__class__ is _GREENLET and g and g is not task.glet:
            _budget -= 1
            g.switch()
        else:
            _runq.appendleft((g, _val))
            _val = _next(task.glet)
    else:
        _hubglet.switch()
    # _enter(task, task.proc), inlined
    CUR.task = task
    CUR.proc = task.proc
    _corolib["_current"] = task.co_cur
    if task.proc.dead:
        raise ProcessExit()
    return _val


def wait(w):
    """Park the running greenlet until w fires; return the value it fired
    with."""
    global _budget, _val
    task = CUR.task
    if task.glet is None:
        raise_init_block()
    proc = task.proc
    if proc.dead:
        raise ProcessExit()
    me = w.glet = getcurrent()
    task.waiter = w
    # _next(me)
    runq = _runq
    while True:
        if runq and _budget > 0:
            g, v = runq[0]
            if g.__class__ is _GREENLET:
                if g is me:
                    runq.popleft()
                    _budget -= 1
                    _val = v
                    break
                if not g:
                    _hubglet.switch()
                    break
                runq.popleft()
                _budget -= 1
                _val = v
                g.switch()
                break
            runq.popleft()
            _budget -= 1
            g(v)
            continue
        _hubglet.switch()
        break
    task.waiter = None
    _enter(task, proc)
    return _val


def yield_now():
    """Let every other runnable task run once (a dispatcher round trip)."""
    global _budget, _val
    task = CUR.task
    if task.glet is None:
        raise_init_block()
    proc = task.proc
    if proc.dead:
        raise ProcessExit()
    runq = _runq
    if not runq:
        if _budget > 0:
            # Nobody else can run: the hub would resume this task at once.
            _budget -= 1
            return
        runq.append((getcurrent(), None))
        _hubglet.switch()
    else:
        me = getcurrent()
        runq.append((me, None))
        # _next(me)
        while True:
            if _budget > 0:
                g, v = runq[0]
                if g.__class__ is _GREENLET:
                    if g is me:
                        runq.popleft()
                        _budget -= 1
                        if proc.dead:
                            raise ProcessExit()
                        return
                    if not g:
                        _hubglet.switch()
                        break
                    runq.popleft()
                    _budget -= 1
                    _val = v
                    g.switch()
                    break
                runq.popleft()
                _budget -= 1
                g(v)
                continue
            _hubglet.switch()
            break
    _enter(task, proc)


def yielded():
    """Account for a yield_now() that needs no switch: the running task
    would be the first to resume (only its own deliveries ran before it).
    With a real clock, every BUDGET of them the due timers fire here."""
    global _budget
    _budget -= 1
    if _budget <= 0:
        _hub.poll()
        if _hub.stopping:
            yield_now()  # the run is over: to the hub


def raise_init_block():
    from .errors import rt_error

    rt_error("attempt to block while a process is being started")


def call_soon(fn, arg=None):
    """Have fn(arg) called after what is already queued."""
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
        # Task greenlets waiting for a task (runtime.process._worker).
        self.pool = []

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

    def _budget(self):
        """Hand-overs allowed without the hub: a virtual clock moves only
        when nothing can run, so it needs no look at its timers."""
        if self.stopping:
            return 0
        return BUDGET if not self.clock.virtual else _FOREVER

    def poll(self):
        """Fire the timers that are due, from whatever greenlet runs (their
        callbacks never switch), and renew the hand-over budget."""
        global _budget
        _budget = self._budget()
        if self.timers and self.timers[0][0] <= self.clock.now():
            self._fire_due(self.clock.now())

    def drop_pool(self):
        """End the greenlets waiting in the pool (runtime.process._worker)."""
        pool, self.pool = self.pool, []
        for g in pool:
            if not g.dead:
                g.throw(greenlet.GreenletExit)

    def stop(self):
        """Make run() return as soon as the running greenlet hands over."""
        global _budget
        self.stopping = True
        if _hub is self:
            _budget = 0

    def activate(self):
        """Make this hub the one that wait/fire/yield_now talk to (its
        greenlet is the caller's)."""
        global _runq, _hubglet, _hub, _budget
        self.glet = _hubglet = getcurrent()
        _runq = self.runq
        _hub = self
        _budget = self._budget()

    def run(self):
        """Run until stopped or until nothing can run and no timer is
        pending."""
        global _budget, _val
        self.activate()
        runq = self.runq
        popleft = runq.popleft
        clock = self.clock
        real = not clock.virtual
        idle_jumps = 0
        while not self.stopping:
            if runq:
                g, v = popleft()
                if real:
                    _budget -= 1
                    if _budget <= 0:
                        # BUDGET steps (here or hand-overs between tasks)
                        # since the last look at the timers.
                        _budget = BUDGET
                        if self.timers and self.timers[0][0] <= clock.now():
                            self._fire_due(clock.now())
                if g.__class__ is _GREENLET:
                    _val = v
                    if g or getattr(g, "run", None) is not task_body:
                        g.switch(v)
                    else:
                        g.switch()
                else:
                    g(v)
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
