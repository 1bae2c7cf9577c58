"""The interpreter state the library functions share (baselib.STATE).

Rules:
- A dict: "globals", "package", "searchers", "registry", set by
  runtime.state.new_state and the libraries.
- While a process of a node runs (runtime.sched.CUR.proc), its "globals"
  and "package" are that process's: read from it, not stored at each
  process switch (the switch is the message-passing hot path).
- Not a library module (no LUA_VISIBLE): debug hooks do not see its
  methods as C functions.
"""


class LibState(dict):
    __slots__ = ()
    cur = None  # runtime.sched.CUR, set by runtime.sched
    per_process = ("globals", "package")

    def __getitem__(self, key):
        cur = self.cur
        if cur is not None and cur.proc is not None and key in self.per_process:
            return getattr(cur.proc, key)
        return dict.__getitem__(self, key)

    def get(self, key, default=None):
        cur = self.cur
        if cur is not None and cur.proc is not None and key in self.per_process:
            return getattr(cur.proc, key)
        return dict.get(self, key, default)
