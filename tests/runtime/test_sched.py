"""DESIGN.md §6, the scheduler: the hub, its FIFO run queue, one-shot
waiters and withdrawable wait queues, timers with lazy cancellation, the
clocks, deadlock reports, strong references to processes, and crash
isolation."""

import greenlet

from moonlet.runtime import sched
from moonlet.runtime.clock import RealClock, VirtualClock


def test_wait_queue_skips_and_purges_dead_entries():
    """A registration whose waiter fired elsewhere (select) is dead: the
    queue skips it, and purges dead entries as it grows."""
    q = sched.WaitQueue()
    ws = [sched.Waiter("w%d" % i) for i in range(100)]
    for i, w in enumerate(ws):
        q.put((w, i, None))
        if i % 2 == 0:
            w.done = True
    assert len(q) < 100
    assert q.pop_live()[1] == 1
    assert q.first_live()[1] == 3
    for w in ws:
        w.done = True
    assert q.pop_live() is None and not q.has_live()


def test_timers_fire_in_deadline_order_and_cancel_lazily():
    """Timers fire by deadline, ties in creation order; cancelled timers
    never fire and the heap is rebuilt when most of it is cancelled."""
    hub = sched.Hub(VirtualClock(wall_start=0))
    fired = []
    for d, name in ((30, "c"), (10, "a"), (20, "b"), (10, "a2")):
        hub.call_later(d, fired.append, name)
    doomed = [hub.call_later(5, fired.append, "x%d" % i) for i in range(200)]
    for t in doomed:
        assert t.cancel()
        assert not t.cancel()
    assert len(hub.timers) < 200
    assert hub.pending_timers() == 4
    hub.run()
    assert fired == ["a", "a2", "b", "c"]
    assert hub.clock.now() == 30


def test_virtual_clock_jumps_real_clock_moves():
    v = VirtualClock(wall_start=1000)
    v.sleep_until(500)
    assert v.now() == 500 and v.wall_ns() == 1500
    v.sleep_until(100)
    assert v.now() == 500
    r = RealClock()
    a = r.now()
    r.sleep_until(a)  # in the past: returns at once
    assert r.now() >= a and not r.virtual and v.virtual


def test_hub_runs_queue_fifo_and_greenlets():
    """The run queue is FIFO and holds both greenlets to switch into and
    callables."""
    hub = sched.Hub(VirtualClock())
    hub.activate()
    order = []

    def body(v):
        order.append(("g", v))
        v2 = hub.glet.switch()
        order.append(("g", v2))

    g = greenlet.greenlet(body, hub.glet)
    hub.runq.append((g, 1))
    hub.runq.append((order.append, "cb"))
    hub.runq.append((g, 2))
    hub.run()
    assert order == [("g", 1), "cb", ("g", 2)]
    assert g.dead


def test_same_program_same_output(lua_run):
    """DESIGN §6: the run queue is FIFO and deterministic, so a program with
    interleaved processes prints the same thing every run."""
    main = """
        for i = 1, 5 do process.spawn("w:chatty", "app:processes", i, process.pid()) end
        local ch = process.listen("line")
        for i = 1, 25 do io.write(ch:receive(), " ") end
        print()
        """
    files = {"w/chatty.lua": """
        return { main = function(id, to)
          for j = 1, 5 do
            process.send(to, "line", id .. "." .. j)
            if (id + j) % 3 == 0 then time.sleep(id .. "ms") end
          end
        end }
        """}
    first = lua_run(main, files)
    for _ in range(3):
        again = lua_run(main, files)
        assert again.out == first.out
    assert len(first.out.split()) == 25


def test_deadlock_is_reported_with_pids(lua_run):
    """DESIGN §6: all processes blocked with no timer pending is a deadlock:
    reported (with the PIDs and what they wait for), never a hang; exit
    status 1."""
    r = lua_run(
        """
        process.spawn("w:stuck", "app:processes")
        print("waiting forever")
        process.listen("never"):receive()
        """,
        {"w/stuck.lua": "return { main = function() channel.new():receive() end }"},
    )
    assert r.status == 1
    assert r.out == "waiting forever\n"
    assert r.err == (
        "moonlet: deadlock: every process is blocked and no timer is pending\n"
        "\t{app:processes|0x00001} :main: receive on topic 'never'\n"
        "\t{app:processes|0x00002} w:stuck: channel receive\n"
    ), r


def test_deadlock_with_only_a_full_ticker_left(lua_run):
    """A virtual clock that only moves tickers whose channels are full (no
    process ever wakes) is a deadlock too."""
    r = lua_run("""
        local tk = time.ticker("1ms")
        channel.new():receive()
        """)
    assert r.status == 1 and "deadlock" in r.err, r


def test_blocked_processes_survive_garbage_collection(lua_run):
    """DESIGN §6: the scheduler holds strong references to every live
    process: a full collection while they are blocked kills none."""
    r = lua_run(
        """
        local me = process.pid()
        local pids = {}
        for i = 1, 50 do pids[i] = process.spawn("w:echo", "app:processes") end
        time.sleep("1s")
        collectgarbage("collect")
        collectgarbage("collect")
        for i = 1, 50 do process.send(pids[i], "ping", me, i) end
        local ch = process.listen("pong")
        local sum = 0
        for i = 1, 50 do sum = sum + ch:receive() end
        print(sum)
        """,
        {"w/echo.lua": """
            return { main = function()
              local m = process.inbox():receive():payload()
              process.send(m[1]:data(), "pong", m[2]:data())
            end }
            """},
    )
    assert r.out == "1275\n", r


def test_a_crash_does_not_disturb_others_and_is_reported(lua_run):
    """Brief / DESIGN §6: a crashing process never disturbs the others; its
    error and Lua traceback go to stderr tagged with its PID unless it is
    monitored or linked."""
    r = lua_run(
        """
        process.spawn("w:crash", "app:processes")
        process.spawn_monitored("w:crash", "app:processes")
        local ev = process.events()
        ev:receive()
        time.sleep("1s")
        print("root still fine")
        """,
        {"w/crash.lua": "return { main = function()\n  error('boom')\nend }"},
    )
    assert r.status == 0
    assert r.out == "root still fine\n"
    assert r.err == (
        "moonlet: process {app:processes|0x00002} failed: w/crash.lua:2: boom\n"
        "stack traceback:\n"
        "\t[C]: in function 'error'\n"
        "\tw/crash.lua:2: in function <w/crash.lua:1>\n"
        "\t[C]: in ?\n"
    ), r


def test_root_failure_status_and_report(lua_run):
    """Brief: the root process's failure gives exit status 1 with the Lua
    error and traceback on stderr; a normal return gives 0; an error
    returned from main is reported without a traceback."""
    r = lua_run("local function f() error('root fails') end\nf()")
    assert r.status == 1
    assert r.err.startswith("moonlet: main.lua:1: root fails\nstack traceback:\n"), r
    r = lua_run(
        "return { main = function(a) print('main', a) return nil, 'main says no' end }",
        args=["x"],
    )
    assert (r.status, r.out, r.err) == (1, "main\tx\n", "moonlet: main says no\n"), r
    r = lua_run("return { main = function() return 'fine' end }")
    assert (r.status, r.err) == (0, ""), r


def test_root_killed_by_link_reports_the_cause(lua_run):
    """A root that dies of "linked process failed" shows which linked
    process failed, and why."""
    r = lua_run(
        """
        process.spawn_linked("w:crash", "app:processes")
        process.inbox():receive()
        """,
        {"w/crash.lua": "return { main = function() error('deep cause') end }"},
    )
    assert r.status == 1
    assert r.err.startswith(
        "moonlet: linked process failed\n"
        "\tlinked process {app:processes|0x00002} (w:crash) failed: "
        "w/crash.lua:1: deep cause\n\tstack traceback:\n"
    ), r


def test_os_exit_ends_the_run(lua_run):
    """os.exit in any process ends the whole run with its status."""
    r = lua_run(
        """
        process.spawn("w:exit", "app:processes")
        time.sleep("1h")
        print("not reached")
        """,
        {"w/exit.lua": "return { main = function() os.exit(7) end }"},
    )
    assert (r.status, r.out) == (7, ""), r


def test_root_end_stops_the_others(lua_run):
    """The run ends when the root process ends; the processes left are
    stopped (their tasks unwind, nothing more runs)."""
    r = lua_run(
        """
        process.spawn("w:forever", "app:processes")
        time.sleep("2500ms")
        print("root done")
        """,
        {"w/forever.lua": """
            return { main = function()
              while true do time.sleep("1s") print("tick") end
            end }
            """},
    )
    assert (r.status, r.out) == (0, "tick\ntick\nroot done\n"), r


def test_real_clock(lua_run):
    """The real clock really sleeps (1 ms here)."""
    r = lua_run(
        """
        local a = time.now()
        time.sleep("1ms")
        print(time.now():sub(a):nanoseconds() >= 1000000)
        """,
        virtual=False,
    )
    assert r.out == "true\n", r


class _StepClock:
    """A clock that is not virtual (the hub treats it like a real one) but
    moves 1 ns each time it is read, and never sleeps."""

    virtual = False

    def __init__(self):
        self.t = 0

    def now(self):
        self.t += 1
        return self.t

    def wall_ns(self):
        return self.t

    def sleep_until(self, t):
        self.t = max(self.t, t)


def test_timers_fire_while_tasks_hand_over_directly():
    """Tasks that keep waking each other switch to one another without the
    hub; with a real clock the hub still looks at the timers every BUDGET
    hand-overs, so a due timer fires (here: it stops the ping-pong)."""
    hub = sched.Hub(_StepClock())
    hub.activate()
    stop = []
    rounds = [0]
    waiters = {}

    class Proc:
        dead = False
        globals = package = co_main = None

    class Task:
        proc = Proc
        co_cur = [None]
        waiter = None

    def player(me, other):
        task = Task()
        task.glet = greenlet.getcurrent()
        sched.CUR.task = task
        while not stop:
            rounds[0] += 1
            w = waiters[me] = sched.Waiter(me)
            if other in waiters:
                sched.fire(waiters[other], None)
            sched.wait(w)

    ga = greenlet.greenlet(lambda *_: player("a", "b"), hub.glet)
    gb = greenlet.greenlet(lambda *_: player("b", "a"), hub.glet)
    hub.call_later(5000, stop.append, True)
    hub.runq.append((ga, None))
    hub.runq.append((gb, None))
    from moonlet.stdlib import baselib, corolib

    saved = (
        sched.CUR.task,
        sched.CUR.proc,
        corolib._current,
        corolib._main,
        dict(baselib.STATE),
    )
    try:
        hub.run()
    finally:
        sched.CUR.task, sched.CUR.proc, corolib._current, corolib._main = saved[:4]
        baselib.STATE.clear()
        baselib.STATE.update(saved[4])
    assert stop and rounds[0] > 2 * sched.BUDGET


def test_task_greenlets_are_reused(lua_run):
    """A finished task's greenlet waits in the hub's pool and runs the next
    task; tasks that ended in every way (return, error, killed while
    blocked, coroutine.spawn) leave a greenlet that works for the next."""
    r = lua_run(
        """
        local ev = process.events()
        for i = 1, 40 do
          local pid = process.spawn_monitored("w:job", "app:processes", i)
          if i % 4 == 0 then process.terminate(pid) end
          local e = ev:receive()
          io.write(e.result.error and "E" or tostring(e.result.value), " ")
        end
        print()
        """,
        {"w/job.lua": """
            return { main = function(i)
              coroutine.spawn(function() channel.new():receive() end)
              if i % 4 == 1 then return i end
              if i % 4 == 2 then error("no") end
              if i % 4 == 3 then time.sleep("1ms") return -i end
              process.inbox():receive()
            end }
            """},
    )
    want = []
    for i in range(1, 41):
        want.append({1: str(i), 2: "E", 3: str(-i), 0: "E"}[i % 4])
    assert (r.status, r.out, r.err) == (0, " ".join(want) + " \n", ""), r


def test_timers_fire_while_a_task_never_switches():
    """A send while nothing else can run delivers at once and does not
    switch; with a real clock such sends still count, so the timers that
    come due fire (here: time.after ends the loop)."""
    from moonlet.runtime.node import Node, ScriptEntry

    src = """
        local me = process.pid()
        local l = process.listen("x")
        local t = time.after(1000)  -- 1000 ns of the step clock
        local n = 0
        while true do
          process.send(me, "x", n)
          local r = channel.select{t:case_receive(), l:case_receive()}
          if r.channel == t then break end
          n = n + 1
        end
        return n > sched_budget
        """
    node = Node(clock=_StepClock(), resolver=lambda _: None)

    def hook(entry, g, package):
        g["sched_budget"] = sched.BUDGET

    node.state_hook = hook
    status = node.run(ScriptEntry(":main", src, "=main"))
    assert status == 0 and node.root.exit_value is True
