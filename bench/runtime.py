"""Runtime benchmarks: moonlet processes against a bare greenlet scheduler.

    python bench/runtime.py [--quick] [--repeat N] [--pingpong N] [--spawn N]
                            [--idle N] [--json FILE]
    python bench/runtime.py --million [N]

Three measurements, each made twice in the same run:

- moonlet: Lua code (below) compiled by moonlet and run as the root process
  of a moonlet node, in this process;
- bare greenlet: the same loop on the minimal scheduler written plainly in
  this file (a FIFO run queue of greenlets, a mailbox deque per greenlet).
  It switches through its hub for every hand-over and makes a new greenlet
  for every spawn; moonlet's scheduler switches from task to task directly
  and reuses the greenlets of finished tasks (runtime.sched,
  runtime.process POOL_SIZE), which the bare loop leaves as they are.

1. round trips/s: a ping process sends a message to a pong process with
   process.send and waits for the reply on process.listen, N times;
2. spawns/s: a parent spawns processes that return at once, in batches of
   BATCH, with spawn_monitored, and waits for their EXIT events;
3. memory per idle process: N processes each tell their parent they are
   ready and then block on a receive from their inbox; the growth of the
   memory Python allocates (tracemalloc, in this process) and of the
   resident set size (RSS, in a fresh child process without tracemalloc)
   divided by N.

--million makes only the third measurement, with 1,000,000 idle processes
(or N), each side in a fresh child process: the growth of the RSS, per
process, the peak RSS and the time it took.

Rates are the best of --repeat runs (moonlet and bare in turn; the bare
loops run BARE_FACTOR times as many iterations, so as to run about as long). The table gives moonlet, bare greenlet,
their ratio and the targets of issue 5 (round trip and spawn rates at least
50% of the bare scheduler's, at most 8 KB per idle process). Both sides run
with moonlet's garbage-collector thresholds (runtime.state.tune_gc), which
moonlet sets for every program. It is a report: the exit status is 0 unless
a benchmark itself fails.
"""

import argparse
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import deque

import greenlet

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

BATCH = 100  # processes spawned before the parent waits for their exits
BARE_FACTOR = 5  # the bare scheduler's rates are measured on 5x the size

SIZES = {"pingpong": 30000, "spawn": 20000, "idle": 10000, "repeat": 5}
QUICK_SIZES = {"pingpong": 2000, "spawn": 1000, "idle": 1000, "repeat": 1}

# Targets of issue 5: (kind, value): "ratio" is the least moonlet/bare ratio
# of a rate, "kb" the most KB per idle process.
TARGETS = {
    "pingpong": ("ratio", 0.5),
    "spawn": ("ratio", 0.5),
    "idle_traced": ("kb", 8.0),
    "idle_rss": ("kb", 8.0),
}

# ---------------------------------------------------------------------------
# The Lua side. `clock()` and `mark()` are Python functions the benchmark
# puts in every process's globals (wall time, and a memory reading).

LUA_FILES = {
    "pong.lua": """
        return { main = function()
            local pings = process.listen("ping")
            while true do
                local from = pings:receive()
                process.send(from, "pong", true)
            end
        end }
        """,
    "ping.lua": """
        return { main = function(n)
            n = math.tointeger(n)
            local me = process.pid()
            local pong = process.spawn(":pong", "app:processes")
            local replies = process.listen("pong")
            process.send(pong, "ping", me)  -- warm-up
            replies:receive()
            local t0 = clock()
            for _ = 1, n do
                process.send(pong, "ping", me)
                replies:receive()
            end
            return clock() - t0
        end }
        """,
    "quick.lua": """
        return { main = function() end }
        """,
    "spawner.lua": """
        return { main = function(n, batch)
            n, batch = math.tointeger(n), math.tointeger(batch)
            local events = process.events()
            process.spawn_monitored(":quick", "app:processes")  -- warm-up
            events:receive()
            local t0 = clock()
            for _ = 1, n // batch do
                for _ = 1, batch do
                    process.spawn_monitored(":quick", "app:processes")
                end
                for _ = 1, batch do
                    events:receive()
                end
            end
            return clock() - t0
        end }
        """,
    "idle.lua": """
        return { main = function(parent)
            process.send(parent, "ready", true)
            process.inbox():receive()
        end }
        """,
    "idler.lua": """
        return { main = function(n)
            n = math.tointeger(n)
            local me = process.pid()
            local ready = process.listen("ready")
            process.spawn(":idle", "app:processes", me)  -- warm-up
            ready:receive()
            mark()
            for _ = 1, n do
                process.spawn(":idle", "app:processes", me)
            end
            for _ = 1, n do
                ready:receive()
            end
            mark()
        end }
        """,
}


class MoonletBench:
    """Runs the Lua benchmarks on moonlet nodes (entries: the files of a
    temporary folder, compiled by moonlet on first use)."""

    def __init__(self):
        import textwrap

        self.dir = tempfile.mkdtemp(prefix="moonlet-bench-")
        for name, text in LUA_FILES.items():
            with open(os.path.join(self.dir, name), "w") as f:
                f.write(textwrap.dedent(text))
        self.marks = []

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def mark(self, *_):
        self.marks.append(memory_now())

    def run(self, name, *args):
        """The exit value of entry ":name" run as the root process."""
        from moonlet.runtime.node import FolderEntries, Node
        from moonlet.runtime.script import run_protected

        node = Node(resolver=FolderEntries(self.dir))
        root = node.resolver(":" + name)
        clock, mark = time.perf_counter, self.mark

        def hook(entry, g, package):
            # Only the root's globals: two more keys would make every
            # process's globals table grow (about 1.5 KB more per process).
            if entry is root:
                g["clock"] = clock
                g["mark"] = mark

        node.state_hook = hook
        entry = root
        status = run_protected(lambda: node.run(entry, list(args)))
        if status != 0:
            raise RuntimeError(
                "moonlet benchmark %s failed (status %s)" % (name, status)
            )
        return node.root.exit_value

    def pingpong(self, n):
        return n / self.run("ping", n)

    def spawn(self, n):
        n -= n % BATCH
        return n / self.run("spawner", n, BATCH)

    def idle(self, n):
        self.marks = []
        self.run("idler", n)
        return self.marks


# ---------------------------------------------------------------------------
# The bare greenlet scheduler: what the runtime would be with nothing but
# switching, a FIFO run queue and a mailbox per greenlet.


class Proc:
    __slots__ = ("glet", "mailbox", "waiting")


class Bare:
    def __init__(self):
        self.runq = deque()
        self.hub = None
        self.current = None

    def spawn(self, fn, *args):
        p = Proc()
        p.mailbox = deque()
        p.waiting = False
        p.glet = greenlet.greenlet(lambda: fn(*args), parent=self.hub)
        self.runq.append(p)
        return p

    def send(self, p, msg):
        p.mailbox.append(msg)
        if p.waiting:
            p.waiting = False
            self.runq.append(p)

    def receive(self):
        me = self.current
        while not me.mailbox:
            me.waiting = True
            self.hub.switch()
        return me.mailbox.popleft()

    def run(self, fn, *args):
        """Run fn(*args) as the first process until nothing is runnable;
        return its result."""
        self.hub = greenlet.getcurrent()
        result = []
        self.spawn(lambda: result.append(fn(*args)))
        runq = self.runq
        while runq:
            p = runq.popleft()
            self.current = p
            p.glet.switch()
        return result[0]


class BareBench:
    def __init__(self):
        self.marks = []

    def pingpong(self, n):
        s = Bare()

        def pong():
            while True:
                sender = s.receive()
                s.send(sender, True)

        def ping():
            me = s.current
            p = s.spawn(pong)
            s.send(p, me)  # warm-up
            s.receive()
            t0 = time.perf_counter()
            for _ in range(n):
                s.send(p, me)
                s.receive()
            return time.perf_counter() - t0

        return n / s.run(ping)

    def spawn(self, n):
        n -= n % BATCH
        s = Bare()

        def quick(parent):
            s.send(parent, "exit")  # the parent's EXIT event

        def spawner():
            me = s.current
            t0 = time.perf_counter()
            for _ in range(n // BATCH):
                for _ in range(BATCH):
                    s.spawn(quick, me)
                for _ in range(BATCH):
                    s.receive()
            return time.perf_counter() - t0

        return n / s.run(spawner)

    def idle(self, n):
        s = Bare()
        self.marks = []

        def idle(parent):
            s.send(parent, "ready")
            s.receive()

        def idler():
            me = s.current
            s.spawn(idle, me)  # warm-up
            s.receive()
            self.marks.append(memory_now())
            for _ in range(n):
                s.spawn(idle, me)
            for _ in range(n):
                s.receive()
            self.marks.append(memory_now())

        s.run(idler)
        return self.marks


# ---------------------------------------------------------------------------
# Measuring


def rss_bytes():
    """The resident set size of this process (Linux; None elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


MARK_TIMES = []  # when memory_now() was called (perf_counter)


def memory_now():
    """(bytes traced by tracemalloc or None, RSS bytes), after a collection."""
    MARK_TIMES.append(time.perf_counter())
    gc.collect()
    traced = tracemalloc.get_traced_memory()[0] if tracemalloc.is_tracing() else None
    return traced, rss_bytes()


def make(side):
    return MoonletBench() if side == "moonlet" else BareBench()


def best_rates(sides, metric, n, repeat):
    """[best rate of each side] over `repeat` rounds; each round runs every
    side once, in turn (so that machine noise spreads over both). The bare
    side runs BARE_FACTOR times as many iterations, to run about as long."""
    best = [0.0] * len(sides)
    for _ in range(repeat):
        for i, bench in enumerate(sides):
            size = n * BARE_FACTOR if isinstance(bench, BareBench) else n
            best[i] = max(best[i], getattr(bench, metric)(size))
    return best


def idle_traced(bench, n):
    """Bytes per idle process by tracemalloc."""
    tracemalloc.start()
    try:
        (before, _), (after, _) = bench.idle(n)
    finally:
        tracemalloc.stop()
    return (after - before) / n


def idle_rss(side, n, full=False, timeout=300):
    """Bytes per idle process by RSS, measured in a fresh child process
    (python bench/runtime.py --rss-child SIDE N); with `full`, the child's
    whole report: {"growth": RSS growth in bytes, "peak": peak RSS in bytes,
    "seconds": from the first memory reading to the second, that is the
    time to spawn the N processes and see them all ready}."""
    p = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--rss-child", side, str(n)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=timeout,
    )
    if p.returncode != 0:
        raise RuntimeError("RSS child failed: %s" % p.stderr.decode(errors="replace"))
    v = json.loads(p.stdout)
    if full:
        return v
    return None if v["growth"] is None else v["growth"] / n


def rss_child(side, n):
    from moonlet.runtime.state import tune_gc

    tune_gc()
    bench = make(side)
    try:
        (_, before), (_, after) = bench.idle(n)
    finally:
        if side == "moonlet":
            bench.close()
    seconds = MARK_TIMES[-1] - MARK_TIMES[-2]
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    except ImportError:  # pragma: no cover - not Unix
        peak = None
    growth = None if before is None else after - before
    print(json.dumps({"growth": growth, "peak": peak, "seconds": seconds}))


def million(n):
    """--million: RSS of n idle processes, moonlet and bare, one fresh child
    process each."""
    print(
        "%s idle processes, each side in a fresh child process (Python %s, "
        "greenlet %s)"
        % ("{:,}".format(n), sys.version.split()[0], greenlet.__version__)
    )
    print()
    head = ("side", "RSS growth", "per process", "peak RSS", "time")
    rows = [head]
    for side in ("moonlet", "bare"):
        v = idle_rss(side, n, full=True, timeout=3600)
        g, peak = v["growth"], v["peak"]
        rows.append(
            (
                "moonlet" if side == "moonlet" else "bare greenlet",
                "n/a" if g is None else "%.0f MB" % (g / 2.0**20),
                "n/a" if g is None else "%.2f KB" % (g / n / 1024.0),
                "n/a" if peak is None else "%.0f MB" % (peak / 2.0**20),
                "%.1f s" % v["seconds"],
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    for j, r in enumerate(rows):
        print(
            "  ".join(
                c.ljust(widths[i]) if i == 0 else c.rjust(widths[i])
                for i, c in enumerate(r)
            ).rstrip()
        )
        if j == 0:
            print("  ".join("-" * w for w in widths))


# ---------------------------------------------------------------------------
# Report


ROWS = [
    ("pingpong", "round trips/s (send + listen)", "rate"),
    ("spawn", "spawn + exit /s (monitored)", "rate"),
    ("idle_traced", "KB per idle process (tracemalloc)", "kb"),
    ("idle_rss", "KB per idle process (RSS)", "kb"),
]


def fmt(v, unit):
    if v is None:
        return "n/a"
    if unit == "rate":
        return "{:,.0f}".format(v)
    return "%.2f" % (v / 1024.0)


def verdict(key, moon, bare):
    kind, want = TARGETS[key]
    if moon is None:
        return "n/a", "n/a"
    if kind == "ratio":
        ratio = moon / bare if bare else None
        return (">= %.0f%% of bare" % (want * 100)), (
            "n/a" if ratio is None else ("yes" if ratio >= want else "no")
        )
    return "<= %.0f KB" % want, "yes" if moon / 1024.0 <= want else "no"


def table(results):
    head = ("metric", "moonlet", "bare greenlet", "ratio", "target", "met")
    rows = [head]
    for key, label, unit in ROWS:
        moon, bare = results[key]
        ratio = "%.2f" % (moon / bare) if moon is not None and bare else "n/a"
        target, met = verdict(key, moon, bare)
        rows.append((label, fmt(moon, unit), fmt(bare, unit), ratio, target, met))
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = []
    for j, r in enumerate(rows):
        cells = [
            r[i].ljust(widths[i]) if i == 0 else r[i].rjust(widths[i])
            for i in range(len(r))
        ]
        lines.append("  ".join(cells).rstrip())
        if j == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, one run")
    ap.add_argument("--repeat", type=int, help="runs per rate (best is kept)")
    ap.add_argument("--pingpong", type=int, metavar="N", help="round trips")
    ap.add_argument("--spawn", type=int, metavar="N", help="processes spawned")
    ap.add_argument("--idle", type=int, metavar="N", help="idle processes")
    ap.add_argument("--json", metavar="FILE", help="also write the results here")
    ap.add_argument(
        "--million",
        nargs="?",
        const=1000000,
        type=int,
        metavar="N",
        help="only the RSS of 1,000,000 (or N) idle processes",
    )
    ap.add_argument(
        "--rss-child", nargs=2, metavar=("SIDE", "N"), help=argparse.SUPPRESS
    )
    opts = ap.parse_args(argv)
    if opts.rss_child:
        rss_child(opts.rss_child[0], int(opts.rss_child[1]))
        return 0
    if opts.million:
        sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
        million(opts.million)
        return 0

    from moonlet.runtime.state import tune_gc

    sizes = dict(QUICK_SIZES if opts.quick else SIZES)
    for key in ("pingpong", "spawn", "idle", "repeat"):
        if getattr(opts, key) is not None:
            sizes[key] = max(1, getattr(opts, key))
    sizes["spawn"] = max(BATCH, sizes["spawn"])
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
    tune_gc()

    started = time.perf_counter()
    results = {}
    moonlet_bench = MoonletBench()
    try:
        sides = [moonlet_bench, BareBench()]
        for key in ("pingpong", "spawn"):
            results[key] = best_rates(sides, key, sizes[key], sizes["repeat"])
        results["idle_traced"] = [idle_traced(b, sizes["idle"]) for b in sides]
    finally:
        moonlet_bench.close()
    results["idle_rss"] = [idle_rss(s, sizes["idle"]) for s in ("moonlet", "bare")]

    print(
        "moonlet runtime vs bare greenlet, Python %s, greenlet %s"
        % (sys.version.split()[0], greenlet.__version__)
    )
    print(
        "%s round trips, %s spawns in batches of %d (bare: %dx as many), "
        "%s idle processes; rates: best of %d"
        % (
            "{:,}".format(sizes["pingpong"]),
            "{:,}".format(sizes["spawn"]),
            BATCH,
            BARE_FACTOR,
            "{:,}".format(sizes["idle"]),
            sizes["repeat"],
        )
    )
    print()
    print(table(results))
    print()
    print("(%.1f s)" % (time.perf_counter() - started))
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump({"sizes": sizes, "results": results}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
