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
  process's next step (a hub callback), only while the channel can take a
  value without blocking (a receiver waits, or the buffer has room); the
  rest stays queued in order and moves when the channel asks for more.
  So no message is lost, and order per sender and receiver is kept.
- A LINK_DOWN event reaching a process whose trap_links is off ends it on
  its next step with the error "linked process failed", whether or not it
  ever called events().
- Exit: watchers get EXIT on every exit, linked processes get LINK_DOWN
  only on an error exit; names are released, links and monitors removed,
  timers stopped, the mailbox discarded. An error exit of a process that
  nobody monitors or links to is reported on stderr with its PID.
"""

from collections import deque

from . import sched
from .channel import Channel
from .payload import Message, export, pack
from .table import Table

EVENTS = "@events"
INBOX = "@inbox"
EXIT = "pid.exit"
LINK_DOWN = "pid.link.down"
CANCEL = "pid.cancel"

RAW, MESSAGE, EVENT = 0, 1, 2


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
    __slots__ = ("proc", "glet", "co", "co_cur", "fn", "args", "waiter")

    def __init__(self, proc, fn, args, co):
        self.proc = proc
        self.fn = fn
        self.args = args
        self.co = co
        self.co_cur = [co]
        self.glet = None
        self.waiter = None


class Process:
    __slots__ = (
        "node",
        "pid",
        "host",
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
        "exit_value",
        "exit_error",
        "exit_exc",
        "link_cause",
        "__weakref__",
    )

    def __init__(self, node, pid, host, entry_id, parent):
        self.node = node
        self.pid = pid
        self.host = host
        self.entry_id = entry_id
        self.parent = parent
        self.globals = None
        self.package = None
        self.co_main = None
        self.tasks = []
        self.main = None
        self.dead = False
        self.timers = set()
        self.subs = {}
        self.inbox = None
        self.pending = None  # a deque once a message is retained
        self.mseq = 0
        self.dirty = []
        self.flush_queued = False
        self.n_linkdown = 0
        self.watchers = {}
        self.watching = {}
        self.links = {}
        self.names = {}
        self.trap_links = False
        self.exit_hooks = None
        self.exit_value = None
        self.exit_error = None
        self.exit_exc = None
        self.link_cause = None

    def __repr__(self):
        return "<process %s>" % self.pid

    # Mailbox.

    def post(self, topic, payloads, sender, linkdown=False):
        """Append a message (payloads already exported) to the mailbox."""
        if self.dead:
            return
        self.mseq += 1
        m = (self.mseq, topic, payloads, sender, linkdown)
        self._route(m)
        if linkdown:
            self.n_linkdown += 1
            self.schedule_step()

    def _route(self, m):
        topic = m[1]
        sub = self.subs.get(topic)
        if sub is None and topic[:1] != "@":
            sub = self.inbox
        if sub is None:
            if self.pending is None:
                self.pending = deque()
            self.pending.append(m)
        else:
            if sub.queue is None:
                sub.queue = deque()
            sub.queue.append(m)
            self.mark(sub)

    def mark(self, sub):
        if not sub.dirty and sub.channel.can_accept():
            sub.dirty = True
            self.dirty.append(sub)
            self.schedule_step()

    def schedule_step(self):
        if not self.flush_queued:
            self.flush_queued = True
            sched.call_soon(self.step)

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
        self.dirty = []
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

    def subscribe(self, topic, mode, size, channel=None):
        """The channel of topic's subscription, made if needed (None if
        `channel` is given and topic already has another one)."""
        sub = self.subs.get(topic)
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
        self.subs[topic] = sub
        if topic == INBOX:
            self.inbox = sub
        sources = [self.pending]
        if self.inbox is not None and self.inbox is not sub:
            sources.append(self.inbox.queue)
        self._reroute(sources)
        return channel

    def unsubscribe(self, channel):
        """Remove channel's subscription and close it; False if it is not a
        subscription of this process."""
        sub = channel.feed
        if sub is None or sub.proc is not self or self.subs.get(sub.topic) is not sub:
            return False
        del self.subs[sub.topic]
        if sub is self.inbox:
            self.inbox = None
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

    # Tasks.

    def start_task(self, fn, args, co):
        """A new task running fn(*args), queued to start."""
        task = Task(self, fn, args, co)
        task.glet = sched._GREENLET(_task_run, self.node.hub.glet)
        self.tasks.append(task)
        sched._runq.append((task.glet, task))
        return task

    def kill_tasks(self):
        """Wake every blocked task so that it unwinds (the process is dead)."""
        for task in self.tasks:
            w = task.waiter
            if w is not None and not w.done:
                if w.timer is not None:
                    w.timer.cancel()
                sched.fire(w, None)


def _seq(m):
    return m[0]


def _first_seq(sub):
    return sub.queue[0][0] if sub.queue else 0


def _task_run(task):
    from .errors import LuaExit
    from .frames import lua_error_from

    proc = task.proc
    if proc.dead:
        _task_done(task)
        return
    sched.enter(task)
    try:
        r = task.fn(*task.args)
    except sched.ProcessExit:
        _task_done(task)
        return
    except LuaExit as e:
        _task_done(task)
        proc.node.os_exit(e.code)
        return
    except Exception as e:
        _task_done(task)
        if not proc.dead:
            proc.node.fail(proc, lua_error_from(e))
        return
    _task_done(task)
    if task is proc.main and not proc.dead:
        proc.node.returned(proc, r)


def _task_done(task):
    task.co.status = "dead"
    try:
        task.proc.tasks.remove(task)
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
