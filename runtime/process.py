"""Processes: tasks, mailbox routing, links, monitors and exit.

Rules:
- A process is one Lua state (its own globals) plus its tasks: the main
  task runs the entry's method, coroutine.spawn adds more. Only one task
  runs at a time. An uncaught error in any task ends the process with that
  error; when the main task returns, the other tasks are killed.
- Mailbox: every message gets a sequence number and goes to the queue of
  its target subscription: the exact `listen` topic, else the inbox for
  topics not starting with "@", else `pending` (retained, not dropped).
  A new or removed subscription re-routes the messages not yet delivered,
  in arrival order. Delivery into a subscription's channel happens on the
  process's next step (a run-queue callback), only while the channel can
  take a value without blocking (a receiver waits, or the buffer has
  room); the rest stays queued in order and moves when the channel asks
  for more. So no message is lost, and order per sender and receiver is
  kept. Two shortcuts give the same results where nothing else can run:
  a receiver that would block on an unbuffered subscription channel while
  its messages are queued, with no step pending, takes the first one at
  once (blocking would only run that step and resume it); and a send
  (`post_alone`) hands its message over at once when the step it would
  queue is the only thing that would run before the sender resumes.
- A LINK_DOWN event reaching a process whose trap_links is off ends it on
  its next step with the error "linked process failed", whether or not it
  ever called events().
- Exit: watchers get EXIT on every exit, linked processes get LINK_DOWN
  only on an error exit; names are released, links and monitors removed,
  timers stopped, the mailbox discarded. An error exit of a process that
  nobody monitors or links to is reported on stderr with its PID. Then
  the process lets go of its tasks and subscriptions (`release`), so that
  only its Lua state is left for the cyclic collector.
- A task runs in a greenlet of the hub's pool when one is free: a task
  greenlet that has run its task waits there for the next one.
- Memory: a process that only waits costs little. Its subscriptions,
  timers, monitors, links, names and extra tasks tables are made on first
  use (None until then), the inbox is not in `subs`, and a subscription's
  queue is dropped when it empties. A task lets go of its function and
  arguments once it starts, and is itself the waiter of its plain
  receives (runtime.sched wait_recv).
"""

from collections import deque

from . import sched
from .channel import NOTHING, Channel
from .errors import LuaExit
from .payload import Message, export, pack
from .table import Table

EVENTS = "@events"
INBOX = "@inbox"
EXIT = "pid.exit"
LINK_DOWN = "pid.link.down"
CANCEL = "pid.cancel"

RAW, MESSAGE, EVENT = 0, 1, 2

_GREENLET = sched._GREENLET


class Sub:
    """A subscription: a topic (or the inbox, or events) and its channel."""

    __slots__ = ("proc", "topic", "channel", "mode", "queue", "dirty")

    def __init__(self, proc, topic, channel, mode):
        self.proc = proc
        self.topic = topic
        self.channel = channel
        self.mode = mode
        self.queue = None  # a deque once something is queued
        self.dirty = False

    def demand(self):
        """The channel can take more: deliver on the next step."""
        if self.queue:
            self.proc.mark(self)

    def take(self):
        """The next queued message, converted, for a receiver that would
        block on this (unbuffered) channel, when blocking could only run
        this process's next step (see the module rules); else NOTHING."""
        q = self.queue
        if not q or sched._runq:
            return NOTHING
        p = self.proc
        if p.flush_queued or p.dead:
            return NOTHING
        m = q.popleft()
        if not q:
            self.queue = None
        if m[4]:
            p.n_linkdown -= 1
        return self.convert(m)

    def what(self):
        """What a receiver of this subscription waits for (for reports)."""
        if self.topic == INBOX:
            return "inbox receive"
        if self.topic == EVENTS:
            return "events receive"
        return "receive on topic '%s'" % self.topic

    def convert(self, m):
        mode = self.mode
        if mode == RAW:
            return pack(m[2])
        if mode == EVENT:
            return m[2][0]
        return Message(m[1], m[3], m[2])


class Task:
    # `glet`: the task's greenlet (None while the task is being started),
    # then the greenlet parked in the task's last plain receive. `waiter`:
    # what the task is parked on (sched.wait), or None. A task is also the
    # waiter of its plain receives (sched.wait_recv; `done`, `what` and
    # `timer` as in sched.Waiter, but a plain receive has no timer),
    # registered as `rreg`, and parked on while `done` is false.
    __slots__ = (
        "proc",
        "glet",
        "co",
        "co_cur",
        "fn",
        "args",
        "waiter",
        "rreg",
        "done",
        "what",
    )
    timer = None

    def __init__(self, proc, fn, args, co):
        self.proc = proc
        self.fn = fn
        self.args = args
        self.co = co
        self.co_cur = [co, proc.co_main]  # (stdlib.corolib._current)
        self.glet = None
        self.waiter = None
        self.rreg = None
        self.done = True
        self.what = None

    def describe(self):
        w = self.what
        return w if w.__class__ is str else w.what()

    def parked_on(self):
        """The waiter the task is parked on, or None."""
        w = self.waiter
        if w is None and not self.done:
            w = self
        return w


def _relate(proc, field, other):
    """Add `other` to the {pid: process} map in proc's slot `field` (made on
    first use)."""
    d = getattr(proc, field)
    if d is None:
        d = {}
        setattr(proc, field, d)
    d[other.pid] = other


def _unrelate(proc, field, pid):
    d = getattr(proc, field)
    return d.pop(pid, None) if d else None


class Process:
    __slots__ = (
        "node",
        "pid",
        "entry_id",
        "parent",
        "globals",
        "package",
        "co_main",
        "tasks",
        "main",
        "dead",
        "timers",
        "subs",
        "inbox",
        "pending",
        "mseq",
        "dirty",
        "flush_queued",
        "n_linkdown",
        "watchers",
        "watching",
        "links",
        "names",
        "trap_links",
        "exit_hooks",
        "exit",
        "link_cause",
    )

    def __init__(self, node, pid, entry_id, parent):
        self.node = node
        self.pid = pid
        self.entry_id = entry_id
        self.parent = parent
        self.globals = None
        self.package = None
        self.co_main = None
        self.main = None  # the main task
        self.tasks = None  # a list of the other live tasks once there are some
        self.dead = False
        self.timers = None  # a set of sched.Timer once one is armed
        self.subs = None  # {topic: Sub} once something is subscribed
        self.inbox = None
        self.pending = None  # a deque once a message is retained
        self.mseq = 0
        self.dirty = None  # a list of Subs with deliveries for the next step
        self.flush_queued = False
        self.n_linkdown = 0
        # {pid: Process} tables, made on first use.
        self.watchers = None
        self.watching = None
        self.links = None
        self.names = None  # {name: True}
        self.trap_links = False
        self.exit_hooks = None
        self.exit = None  # (value, error, LuaError or None) once it ended
        self.link_cause = None

    def __repr__(self):
        return "<process %s>" % self.pid

    # How it ended (None while it runs): the exit value, the error value,
    # and the LuaError behind the error (for reports).

    @property
    def exit_value(self):
        return self.exit[0] if self.exit else None

    @property
    def exit_error(self):
        return self.exit[1] if self.exit else None

    @property
    def exit_exc(self):
        return self.exit[2] if self.exit else None

    # Relations (made on first use).

    def monitor(self, target):
        _relate(self, "watching", target)
        _relate(target, "watchers", self)

    def unmonitor(self, pid):
        target = _unrelate(self, "watching", pid)
        if target is not None:
            _unrelate(target, "watchers", self.pid)

    def is_watching(self, pid):
        return bool(self.watching) and pid in self.watching

    def link(self, target):
        _relate(self, "links", target)
        _relate(target, "links", self)

    def unlink(self, pid):
        target = _unrelate(self, "links", pid)
        if target is not None:
            _unrelate(target, "links", self.pid)

    def add_name(self, name):
        if self.names is None:
            self.names = {}
        self.names[name] = True

    def add_timer(self, t):
        if self.timers is None:
            self.timers = set()
        self.timers.add(t)

    def drop_timer(self, t):
        if self.timers:
            self.timers.discard(t)

    # Mailbox.

    def post(self, topic, payloads, sender, linkdown=False):
        """Append a message (payloads already exported) to the mailbox."""
        if self.dead:
            return
        self.mseq += 1
        self._route((self.mseq, topic, payloads, sender, linkdown))
        if linkdown:
            self.n_linkdown += 1
            self.schedule_step()

    def post_alone(self, topic, payloads, sender):
        """post() of a message to a topic not starting with "@", by a task
        that would yield next while nothing else is runnable (p_send), and
        that yield. The step post would queue is all that would run before
        the sender resumes, so a message its channel can take now is
        delivered at once instead, and the sender need not switch
        (sched.yielded)."""
        if not self.dead:
            subs = self.subs
            sub = (subs and subs.get(topic)) or self.inbox
            if sub is not None and not sub.queue and not self.flush_queued:
                mode = sub.mode
                if mode == RAW:
                    v = payloads[0] if len(payloads) == 1 else pack(payloads)
                elif mode == MESSAGE:
                    v = Message(topic, sender, payloads)
                else:
                    v = payloads[0]
                if sub.channel.offer(v):
                    sched.yielded()
                    return
            self.mseq += 1
            self._route((self.mseq, topic, payloads, sender, False))
        if sched._runq:
            # (Not expected: a channel that can take a value has nothing
            # queued unless a step is pending. Yield for real then.)
            sched.yield_now()
        else:
            sched.yielded()

    def _route(self, m):
        topic = m[1]
        subs = self.subs
        sub = subs.get(topic) if subs else None
        if sub is None:
            if not (topic and topic[0] == "@"):
                sub = self.inbox
            if sub is None:
                if self.pending is None:
                    self.pending = deque()
                self.pending.append(m)
                return
        q = sub.queue
        if q is None:
            q = sub.queue = deque()
        q.append(m)
        if not sub.dirty and sub.channel.can_accept():
            sub.dirty = True
            if self.dirty is None:
                self.dirty = [sub]
            else:
                self.dirty.append(sub)
            if not self.flush_queued:
                self.flush_queued = True
                sched._runq.append((self.step, None))

    def mark(self, sub):
        if not sub.dirty and sub.channel.can_accept():
            sub.dirty = True
            if self.dirty is None:
                self.dirty = [sub]
            else:
                self.dirty.append(sub)
            self.schedule_step()

    def schedule_step(self):
        if not self.flush_queued:
            self.flush_queued = True
            sched._runq.append((self.step, None))

    def step(self, _=None):
        """Deliver what the subscriptions' channels can take now."""
        self.flush_queued = False
        if self.dead:
            return
        if self.n_linkdown and not self.trap_links:
            self.node.finish(self, None, "linked process failed")
            return
        dirty = self.dirty
        if not dirty:
            return
        self.dirty = None
        if len(dirty) > 1:
            dirty.sort(key=_first_seq)
        for sub in dirty:
            sub.dirty = False
            q = sub.queue
            ch = sub.channel
            while q and ch.can_accept():
                m = q.popleft()
                if m[4]:
                    self.n_linkdown -= 1
                ch.offer(sub.convert(m))
            if not q:
                sub.queue = None  # (an empty deque still costs 600 bytes)

    def subscribe(self, topic, mode, size, channel=None):
        """The channel of topic's subscription, made if needed (None if
        `channel` is given and topic already has another one)."""
        if topic == INBOX:
            sub = self.inbox
        else:
            sub = self.subs.get(topic) if self.subs else None
        if sub is not None:
            if channel is not None and channel is not sub.channel:
                return None
            if mode == MESSAGE:
                sub.mode = MESSAGE
            return sub.channel
        if channel is None:
            channel = Channel(size)
        elif channel.feed is not None:
            return None
        sub = Sub(self, topic, channel, mode)
        channel.feed = sub
        if topic == INBOX:
            self.inbox = sub
        else:
            if self.subs is None:
                self.subs = {}
            self.subs[topic] = sub
        sources = [self.pending]
        if self.inbox is not None and self.inbox is not sub:
            sources.append(self.inbox.queue)
        self._reroute(sources)
        return channel

    def unsubscribe(self, channel):
        """Remove channel's subscription and close it; False if it is not a
        subscription of this process."""
        sub = channel.feed
        if sub is None or sub.proc is not self:
            return False
        if sub is self.inbox:
            self.inbox = None
        elif self.subs and self.subs.get(sub.topic) is sub:
            del self.subs[sub.topic]
        else:
            return False
        channel.feed = None
        channel.close()
        sources = [self.pending, sub.queue]
        if self.inbox is not None:
            sources.append(self.inbox.queue)
        self._reroute(sources)
        return True

    def _reroute(self, sources):
        msgs = []
        for q in sources:
            if q:
                msgs.extend(q)
                q.clear()
        if not msgs:
            return
        if len(sources) > 1:
            msgs.sort(key=_seq)
        for m in msgs:
            self._route(m)

    def drop_mailbox(self):
        """Discard every message not yet delivered (the process ended)."""
        if self.subs:
            for sub in self.subs.values():
                sub.queue = None
        if self.inbox is not None:
            self.inbox.queue = None
        self.pending = None

    def release(self):
        """Drop the references that tie a process that has ended into
        reference cycles (its tasks, its subscriptions), so that most of it
        is freed at once instead of by the cyclic collector. (Its Lua
        state, which refers to itself, still waits for the collector.)"""
        self.main = self.tasks = None
        for sub in self.subs.values() if self.subs else ():
            sub.channel.feed = None
        if self.inbox is not None:
            self.inbox.channel.feed = None
        self.subs = self.inbox = None

    # Tasks.

    def start_task(self, fn, args, co, task=None, main=False):
        """A new task running fn(*args) (or `task`, made already), queued
        to start; `main`: it is the main task (the caller makes it
        proc.main)."""
        if task is None:
            task = Task(self, fn, args, co)
        else:
            task.fn = fn
            task.args = args
        hub = self.node.hub
        pool = hub.pool
        g = task.glet = pool.pop() if pool else _GREENLET(_worker, hub.glet)
        if not main:
            if self.tasks is None:
                self.tasks = [task]
            else:
                self.tasks.append(task)
        sched._runq.append((g, task))
        return task

    def live_tasks(self):
        """The tasks that have not ended, the main task first."""
        main = self.main
        tasks = [main] if main is not None and main.co.status != "dead" else []
        if self.tasks:
            tasks.extend(self.tasks)
        return tasks

    def kill_tasks(self):
        """Wake every blocked task so that it unwinds (the process is dead)."""
        for task in self.live_tasks():
            w = task.parked_on()
            if w is not None and not w.done:
                if w.timer is not None:
                    w.timer.cancel()
                sched.fire(w, None)


def _seq(m):
    return m[0]


def _first_seq(sub):
    return sub.queue[0][0] if sub.queue else 0


# Finished task greenlets a hub keeps for new tasks.
POOL_SIZE = 16


def _worker(*_):
    """The body of a task greenlet: run the task it starts with (start_task
    queues the greenlet with it, and the hub hands it over in sched._val,
    not as an argument); then, while the hub's pool has room, wait in it
    for the next task. Reusing a greenlet saves making one (CPython maps a
    fresh frame stack for each, and unmaps it when the greenlet ends), and
    it has started already, so other greenlets may switch to it directly
    (sched rules)."""
    me = sched.getcurrent()
    task = sched._val
    while True:
        _task_run(task)
        hub = task.proc.node.hub
        pool = hub.pool
        if hub.stopping or len(pool) >= POOL_SIZE:
            return
        task = None
        pool.append(me)
        task = sched._next(me)


sched.task_body = _worker


def _task_run(task):
    proc = task.proc
    if proc.dead:
        _task_done(task)
        return
    sched.enter(task)
    fn = task.fn
    args = task.args
    task.fn = task.args = None
    try:
        # A call with the arguments spelled out runs in this C frame of the
        # interpreter (fn(*args) would nest one more): less C stack to copy
        # at every switch, and to keep for a parked task. (And the argument
        # tuple is let go of.)
        n = len(args)
        if n == 0:
            r = fn()
        elif n == 1:
            a = args[0]
            args = None
            r = fn(a)
        elif n == 2:
            a, b = args
            args = None
            r = fn(a, b)
        else:
            r = fn(*args)
    except sched.ProcessExit:
        _task_done(task)
        return
    except LuaExit as e:
        _task_done(task)
        proc.node.os_exit(e.code)
        return
    except Exception as e:
        from .frames import lua_error_from

        _task_done(task)
        if not proc.dead:
            proc.node.fail(proc, lua_error_from(e))
        return
    _task_done(task)
    if task is proc.main and not proc.dead:
        proc.node.returned(proc, r)


def _task_done(task):
    task.co.status = "dead"
    proc = task.proc
    tasks = proc.tasks
    if tasks and task is not proc.main:
        if tasks[-1] is task:
            tasks.pop()
        else:
            try:
                tasks.remove(task)
            except ValueError:
                pass


def event_table(kind, sender, at, **fields):
    t = Table()
    t["kind"] = kind
    t["from"] = sender
    t["at"] = at
    for k, v in fields.items():
        if v is not None:
            t[k] = v
    return t


def exit_result(value, error):
    r = Table()
    if value is not None:
        r["value"] = export(value)
    if error is not None:
        r["error"] = export(error)
    return r


def exit_event(kind, sender, at, value, error):
    """The EXIT or LINK_DOWN event table: event_table(kind, sender, at,
    result=exit_result(value, error))."""
    t = Table()
    t["kind"] = kind
    t["from"] = sender
    t["at"] = at
    t["result"] = exit_result(value, error)
    return t
