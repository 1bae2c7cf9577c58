"""Clocks for the scheduler: a real one and a virtual one.

Rules:
- Times are integer nanoseconds. `now()` is monotonic time (what timers
  use); `wall_ns()` is Unix time in nanoseconds (what time.now() shows).
- The hub calls `sleep_until(t)` only when nothing can run. A real clock
  sleeps; a virtual clock jumps to t at once, so a program that sleeps for
  an hour finishes in no time and always behaves the same way.
- A virtual clock's wall time starts at the real time it was created (or at
  `wall_start`, in nanoseconds) and moves only with the virtual time.
"""

import time


class RealClock:
    virtual = False

    def now(self):
        return time.monotonic_ns()

    def wall_ns(self):
        return time.time_ns()

    def sleep_until(self, t):
        d = t - time.monotonic_ns()
        if d > 0:
            time.sleep(d / 1e9)


class VirtualClock:
    virtual = True

    def __init__(self, wall_start=None):
        self._now = 0
        self.wall_start = time.time_ns() if wall_start is None else wall_start

    def now(self):
        return self._now

    def wall_ns(self):
        return self.wall_start + self._now

    def sleep_until(self, t):
        if t > self._now:
            self._now = t
