"""The process module (global `process`), Message and Payload methods,
coroutine.spawn and the globals subscribe/unsubscribe.

Rules:
- Errors the reference runtime returns come back as `nil, err` (set_options
  and unlisten: `false, err`), with its messages; a destination or topic
  that is not a string raises, like luaL_checkstring.
- A destination is a PID string or a registered name. Sending to a dead PID
  is "process not found"; monitor and link on one are "pid not registered".
- Payloads, spawn arguments and exit values are exported (deep-copied) at
  the moment of the call (runtime.payload).
- The operations the reference runtime performs as dispatcher yields
  (send, spawn*, terminate, cancel, monitor, unmonitor, link, unlink,
  inbox, events, listen, unlisten, subscribe) end by letting every other
  runnable task run once (sched.yield_now), so a sender cannot starve the
  others. A send while nothing else is runnable delivers its message the
  way the target's step would and goes on without a switch
  (Process.post_alone; its most common case is inlined in p_send).
"""

from moonlet.runtime import errvalues, sched
from moonlet.runtime.channel import Channel
from moonlet.runtime.errors import NOARG, arg_error, type_error
from moonlet.runtime.node import SpawnError
from moonlet.runtime.payload import _SCALARS, Message, Payload, export
from moonlet.runtime.process import (
    CANCEL,
    EVENT,
    EVENTS,
    EXIT,
    INBOX,
    LINK_DOWN,
    MESSAGE,
    RAW,
    Process,
    event_table,
)
from moonlet.runtime.table import Table
from moonlet.runtime.values import Multi, type_name

from ._checks import check_str

LUA_VISIBLE = True

E = errvalues


def _nil(msg, kind=E.INVALID):
    return Multi((None, E.make(msg, kind)))


def _false(msg, kind=E.INVALID):
    return Multi((False, E.make(msg, kind)))


def _nf(msg):
    kind = E.NOT_FOUND if "not found" in msg or "could not" in msg else E.INTERNAL
    return _nil(msg, kind)


CUR = sched.CUR
yield_now = sched.yield_now
_SCHED = sched.__dict__


def _cur():
    return CUR.proc


# Identity.


def p_pid(*_):
    p = _cur()
    if p is None:
        return _nil("no context found", E.INTERNAL)
    return p.pid


def p_id(*_):
    p = _cur()
    if p is None:
        return _nil("no context found", E.INTERNAL)
    return p.entry_id


# Messages.


def p_send(dest=NOARG, topic=NOARG, v=NOARG, *more):
    # (The first payload is a parameter of its own: a send of one value,
    # the common case, makes no tuple of payloads.)
    p = CUR.proc
    if p is None:
        return _nil("no context found", E.INTERNAL)
    if dest.__class__ is not str or topic.__class__ is not str:
        if dest is NOARG or topic is NOARG:
            return _nil("send requires at least destination and topic arguments")
        dest = check_str(dest, 1, "send")
        topic = check_str(topic, 2, "send")
    if topic and topic[0] == "@":
        return _nil("cannot send to @ topics")
    target = p.node.procs.get(dest)
    if target is None:
        target, err = p.node.lookup(dest)
        if err is not None:
            return _nf(err)
    if more or v is NOARG:
        payloads = () if v is NOARG else (v,) + more
        for v in payloads:
            if v.__class__ not in _SCALARS:
                payloads = tuple([export(v) for v in payloads])
                break
        if sched._runq:
            target.post(topic, payloads, p.pid)
            yield_now()
        else:
            target.post_alone(topic, payloads, p.pid)
        return True
    if v.__class__ not in _SCALARS:
        v = export(v)
    if sched._runq:
        target.post(topic, (v,), p.pid)
        yield_now()
        return True
    # Nothing else can run: yielding would only run the delivery step and
    # resume this task (Process.post_alone). Its most common case, inlined:
    # a raw value for a task waiting in a plain receive. (The target is
    # alive: node.procs and node.names hold live processes only. No step
    # is pending, as the run queue is empty, so the target's flush_queued
    # is false; and a channel with a plain receive registered is open.)
    subs = target.subs
    sub = (subs and subs.get(topic)) or target.inbox
    if sub is not None and sub.mode == RAW and not sub.queue:
        rq = sub.channel.recvq
        if rq:
            r = rq[0]
            w = r[0]
            if r[1] < 0 and not w.done:
                del rq[0]
                w.done = True
                sched._runq.append((w.glet, Multi((v, True))))
                # sched.yielded(), inlined (sched's globals are set as dict
                # items: quicker than setting a module attribute)
                b = _SCHED["_budget"] = sched._budget - 1
                if b <= 0:
                    sched._hub.poll()
                return True
    target.post_alone(topic, (v,), p.pid)
    return True


# Spawning.


def _spawner(fname, monitor, link):
    def spawn(id=NOARG, host=NOARG, *args):
        p = CUR.proc
        if p is None:
            return _nil("no context found", E.INTERNAL)
        if id.__class__ is not str or host.__class__ is not str:
            if id is NOARG or host is NOARG:
                return _nil("%s requires at least id and host arguments" % fname)
            id = check_str(id, 1, fname)
            host = check_str(host, 2, fname)
        for a in args:
            if a.__class__ not in _SCALARS:
                args = tuple([export(a) for a in args])
                break
        try:
            child = p.node.spawn(id, host, args, p, monitor, link)
        except SpawnError as e:
            msg = e.args[0]
            kind = (
                E.NOT_FOUND
                if msg in ("host not found", "factory not found")
                else E.INTERNAL
            )
            return _nil(msg, kind)
        sched.yield_now()
        return child.pid

    spawn.__name__ = spawn.__qualname__ = "p_" + fname
    return spawn


p_spawn = _spawner("spawn", False, False)
p_spawn_monitored = _spawner("spawn_monitored", True, False)
p_spawn_linked = _spawner("spawn_linked", False, True)
p_spawn_linked_monitored = _spawner("spawn_linked_monitored", True, True)


def p_exec(id=NOARG, host=NOARG, *args):
    p = _cur()
    if p is None:
        return _nil("no context found", E.INTERNAL)
    if id is NOARG or host is NOARG:
        return _nil("exec requires id and host arguments")
    id = check_str(id, 1, "exec")
    if id == "":
        return _nil("process ID required")
    ns, sep, name = id.rpartition(":")
    if not sep or not ns or not name:
        return _nil("invalid process ID format (namespace:name required)")
    host = check_str(host, 2, "exec")
    if host == "":
        return _nil("host ID required")
    args = tuple([export(a) for a in args])
    try:
        child = p.node.spawn(id, host, args, p)
    except SpawnError as e:
        return _nil(e.args[0], E.NOT_FOUND)
    w = sched.Waiter("process.exec")

    def done(value, error):
        sched.fire(w, (value, error))

    child.exit_hooks = [done]
    value, error = sched.wait(w)
    if error is not None:
        return Multi((None, export(error)))
    return export(value)


# Lifecycle.


def p_terminate(dest=NOARG, *_):
    p = _cur()
    if p is None:
        return _nil("no context found", E.INTERNAL)
    dest = check_str(dest, 1, "terminate")
    target, err = p.node.lookup(dest)
    if err is not None:
        return _nf(err)
    p.node.finish(target, None, "process terminated")
    sched.yield_now()
    return True


def p_cancel(dest=NOARG, reason=NOARG, *_):
    p = _cur()
    if p is None:
        return _nil("no context found", E.INTERNAL)
    if dest is NOARG:
        return _nil("cancel requires at least destination argument")
    dest = check_str(dest, 1, "cancel")
    target, err = p.node.lookup(dest)
    if err is not None:
        return _nf(err)
    reason = "" if reason is NOARG else check_str(reason, 2, "cancel")
    ev = event_table(CANCEL, p.pid, p.node.wall_seconds(), reason=reason)
    target.post(EVENTS, (ev,), p.pid)
    sched.yield_now()
    return True


def p_get_options(*_):
    p = _cur()
    t = Table()
    t["trap_links"] = bool(p is not None and p.trap_links)
    return t


def p_set_options(opts=NOARG, *_):
    if not isinstance(opts, Table):
        return _false("options parameter must be a table")
    p = _cur()
    if p is None:
        return _false("no process context", E.INTERNAL)
    problem = None
    for k, v in list(dict.items(opts)):
        if k.__class__ is not str:
            continue
        if k == "trap_links":
            if v.__class__ is not bool:
                problem = "trap_links must be a boolean"
                continue
            p.trap_links = v
            if not v and p.n_linkdown:
                p.schedule_step()
        elif problem is None:
            problem = "option %s is not supported" % k
    if problem is not None:
        return _false(problem)
    return Multi((True, None))


def _with_dest(dest, fname):
    """(process, destination) for monitor/unmonitor/link/unlink, or (None,
    the nil-and-error result) when there is no process or no destination."""
    p = _cur()
    if p is None:
        return None, _nil("no context found", E.INTERNAL)
    if dest is NOARG:
        return None, _nil("%s requires a destination argument" % fname)
    return p, check_str(dest, 1, fname)


def p_monitor(dest=NOARG, *_):
    p, dest = _with_dest(dest, "monitor")
    if p is None:
        return dest
    target, err = p.node.lookup(dest, "pid not registered")
    if err is not None:
        return _nf(err)
    if p.is_watching(target.pid):
        return _nil("already monitoring pid", E.ALREADY_EXISTS)
    p.monitor(target)
    sched.yield_now()
    return True


def _pid_of(p, dest):
    """(pid string, None) for a PID (live or not) or a live name."""
    if p.node.parse_pid(dest) is not None:
        return dest, None
    target, err = p.node.lookup(dest)
    if err is not None:
        return None, err
    return target.pid, None


def _drop(dest, fname, forget):
    """unmonitor/unlink: forget the pair in both processes' tables
    (forget(p, pid))."""
    p, dest = _with_dest(dest, fname)
    if p is None:
        return dest
    pid, err = _pid_of(p, dest)
    if err is not None:
        return _nf(err)
    forget(p, pid)
    sched.yield_now()
    return True


def p_unmonitor(dest=NOARG, *_):
    return _drop(dest, "unmonitor", Process.unmonitor)


def p_link(dest=NOARG, *_):
    p, dest = _with_dest(dest, "link")
    if p is None:
        return dest
    target, err = p.node.lookup(dest, "pid not registered")
    if err is not None:
        return _nf(err)
    if target is not p:
        p.link(target)
    sched.yield_now()
    return True


def p_unlink(dest=NOARG, *_):
    return _drop(dest, "unlink", Process.unlink)


# Receiving.


def _subscribe(topic, mode, size):
    p = _cur()
    if p is None:
        return _nil("no context found", E.INTERNAL)
    ch = p.subscribe(topic, mode, size)
    sched.yield_now()
    return ch


def p_inbox(*_):
    return _subscribe(INBOX, MESSAGE, 0)


def p_events(*_):
    return _subscribe(EVENTS, EVENT, 0)


def p_listen(topic=NOARG, opts=None, *_):
    topic = check_str(topic, 1, "listen")
    if topic == "":
        return _nil("topic cannot be empty")
    if topic[0] == "@":
        return _nil("cannot listen to @ topics")
    mode = RAW
    if isinstance(opts, Table) and dict.get(opts, "message") is True:
        mode = MESSAGE
    return _subscribe(topic, mode, 1)


def p_unlisten(ch=NOARG, *_):
    return _unsubscribe(ch, "unlisten")


def _unsubscribe(ch, fname):
    if ch.__class__ is not Channel:
        type_error(1, fname, "channel", ch)
    p = _cur()
    if p is None:
        return _false("no context found", E.INTERNAL)
    ok = p.unsubscribe(ch)
    sched.yield_now()
    if ok:
        return True
    return _false("channel not found", E.NOT_FOUND)


def lua_subscribe(topic=NOARG, ch=NOARG, *_):
    topic = check_str(topic, 1, "subscribe")
    if ch.__class__ is not Channel:
        type_error(2, "subscribe", "channel", ch)
    p = _cur()
    if p is None:
        return _nil("no context found", E.INTERNAL)
    r = p.subscribe(topic, RAW, 0, ch)
    sched.yield_now()
    if r is None:
        return _nil("topic already subscribed: %s" % topic, E.ALREADY_EXISTS)
    return r


def lua_unsubscribe(ch=NOARG, *_):
    return _unsubscribe(ch, "unsubscribe")


# Registry.


def reg_register(name=NOARG, pid=NOARG, scope=NOARG, *_):
    p = _cur()
    if p is None:
        return _nil("no context found", E.INTERNAL)
    name = check_str(name, 1, "register")
    target = p
    if pid is not NOARG and pid is not None:
        if pid.__class__ is not str:
            return _nil("pid must be a string")
        if p.node.parse_pid(pid) is None:
            return _nil("invalid pid")
        target = p.node.procs.get(pid)
        if target is None:
            return _nil("process not found", E.NOT_FOUND)
    if scope is not NOARG and scope is not None:
        if scope.__class__ not in (int, float):
            return _nil(
                "scope must be a number (process.registry.LOCAL|EVENTUAL|CONSISTENT|STRONG)"
            )
    names = p.node.names
    holder = names.get(name)
    if holder is not None and holder is not target:
        return _nil("name already registered", E.ALREADY_EXISTS)
    names[name] = target
    target.add_name(name)
    return True


def reg_lookup(name=NOARG, *_):
    p = _cur()
    if p is None:
        return _nil("no context found", E.INTERNAL)
    name = check_str(name, 1, "lookup")
    holder = p.node.names.get(name)
    if holder is None:
        return _nil("name not registered", E.NOT_FOUND)
    return holder.pid


def reg_unregister(name=NOARG, scope=NOARG, *_):
    p = _cur()
    if p is None:
        return _nil("no context found", E.INTERNAL)
    name = check_str(name, 1, "unregister")
    holder = p.node.names.pop(name, None)
    if holder is None:
        return False
    if holder.names:
        holder.names.pop(name, None)
    return True


# coroutine.spawn


def co_spawn(fn=NOARG, *_):
    if type_name(fn) != "function" or fn is NOARG:
        type_error(1, "spawn", "function", fn)
    p = _cur()
    if p is None:
        from moonlet.runtime.errors import rt_error

        rt_error("coroutine.spawn outside a process")
    from moonlet.stdlib.corolib import Coroutine

    co = Coroutine(fn, None, "running")
    p.start_task(fn, (), co)
    return co


# Message and Payload methods.


def _msg(m, fname):
    if m.__class__ is not Message:
        arg_error(1, fname, "process.Message expected")
    return m


def msg_topic(m=NOARG, *_):
    return _msg(m, "topic").topic


def msg_from(m=NOARG, *_):
    return _msg(m, "from").sender or ""


def msg_payload(m=NOARG, *_):
    payloads = _msg(m, "payload").payloads
    n = len(payloads)
    if n == 0:
        return None
    if n == 1:
        return Payload(payloads[0])
    t = Table()
    for i, v in enumerate(payloads, 1):
        t[i] = Payload(v)
    return t


def msg_tostring(m=NOARG, *_):
    return "process.Message{topic=%s}" % _msg(m, "tostring").topic


def _pl(v, fname):
    if v.__class__ is not Payload:
        arg_error(1, fname, "payload expected")
    return v


def pl_data(v=NOARG, *_):
    return _pl(v, "data").value


def pl_unmarshal(v=NOARG, *_):
    return _pl(v, "unmarshal").value


def pl_get_format(v=NOARG, *_):
    _pl(v, "get_format")
    return "lua/any"


def pl_transcode(v=NOARG, fmt=NOARG, *_):
    v = _pl(v, "transcode")
    fmt = check_str(fmt, 2, "transcode")
    if fmt in ("lua/any", "lua"):
        return v
    return _nil("unsupported format: %s" % fmt)


def pl_tostring(v=NOARG, *_):
    _pl(v, "tostring")
    return "payload.Payload{format=lua/any}"


LUA_METHODS = frozenset(
    (
        "msg_topic",
        "msg_from",
        "msg_payload",
        "pl_data",
        "pl_unmarshal",
        "pl_get_format",
        "pl_transcode",
    )
)

_MSG_METHODS = {"topic": msg_topic, "from": msg_from, "payload": msg_payload}
Message.methods = _MSG_METHODS
Message.lua_meta = Table(
    {
        "__index": Table(_MSG_METHODS),
        "__name": "process.Message",
        "__tostring": msg_tostring,
    }
)
_PL_METHODS = {
    "data": pl_data,
    "unmarshal": pl_unmarshal,
    "get_format": pl_get_format,
    "transcode": pl_transcode,
}
Payload.methods = _PL_METHODS
Payload.lua_meta = Table(
    {
        "__index": Table(_PL_METHODS),
        "__name": "payload.Payload",
        "__tostring": pl_tostring,
    }
)


LIB = {
    "pid": p_pid,
    "id": p_id,
    "send": p_send,
    "spawn": p_spawn,
    "spawn_monitored": p_spawn_monitored,
    "spawn_linked": p_spawn_linked,
    "spawn_linked_monitored": p_spawn_linked_monitored,
    "exec": p_exec,
    "terminate": p_terminate,
    "cancel": p_cancel,
    "get_options": p_get_options,
    "set_options": p_set_options,
    "monitor": p_monitor,
    "unmonitor": p_unmonitor,
    "link": p_link,
    "unlink": p_unlink,
    "inbox": p_inbox,
    "events": p_events,
    "listen": p_listen,
    "unlisten": p_unlisten,
}

REGISTRY = {
    "register": reg_register,
    "lookup": reg_lookup,
    "unregister": reg_unregister,
}


def make_lib():
    """The `process` table of a node (shared by its processes)."""
    t = Table(LIB)
    t["event"] = Table({"EXIT": EXIT, "LINK_DOWN": LINK_DOWN, "CANCEL": CANCEL})
    reg = Table(REGISTRY)
    reg["LOCAL"] = 0
    reg["EVENTUAL"] = 1
    reg["CONSISTENT"] = 2
    reg["STRONG"] = 3
    t["registry"] = reg
    return t
