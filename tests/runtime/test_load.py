"""Load tests: many processes, many messages, none lost, order per
sender/receiver kept (SPEC §0 "Ordering", DESIGN §6).

The default sizes keep the suite fast. MOONLET_LOAD_FULL=1 runs the full
sizes: 10,000 processes exchanging 1,000,000 messages in a ring, 1,000
senders into one receiver, and 100,000 processes alive at once."""

import os

import pytest

FULL = os.environ.get("MOONLET_LOAD_FULL") == "1"

RING_WORKER = """
local function main(index, m, root)
  local peer = process.listen("peer"):receive()
  local data = process.listen("data")
  for i = 1, m do
    process.send(peer, "data", index, i)
  end
  local expect, from = 1, nil
  for i = 1, m do
    local v = data:receive()
    if v[2] ~= expect then error("out of order: " .. v[2] .. " ~= " .. expect) end
    if from and v[1] ~= from then error("wrong sender") end
    from = v[1]
    expect = expect + 1
  end
  process.send(root, "done", index, expect - 1)
end
return { main = main }
"""

RING_MAIN = """
local n, m = tonumber(arg[1]), tonumber(arg[2])
local me = process.pid()
local pids = {}
for i = 1, n do
  pids[i] = process.spawn("load:ring", "app:processes", i, m, me)
end
for i = 1, n do
  process.send(pids[i], "peer", pids[i % n + 1])
end
local done = process.listen("done")
local total = 0
for i = 1, n do
  local v = done:receive()
  total = total + v[2]
end
print("received", total)
"""


@pytest.mark.parametrize(
    "n,m", [(10000, 100) if FULL else (200, 50)], ids=["full" if FULL else "small"]
)
def test_ring_of_processes_loses_nothing(lua_run, n, m):
    """n processes in a ring each send m messages to the next and check that
    the m messages from the previous one arrive complete and in order."""
    r = lua_run(RING_MAIN, {"load/ring.lua": RING_WORKER}, args=[n, m])
    assert (r.status, r.out, r.err) == (0, "received\t%d\n" % (n * m), ""), r


FAN_IN_MAIN = """
local k, m = tonumber(arg[1]), tonumber(arg[2])
local me = process.pid()
for s = 1, k do process.spawn("load:sender", "app:processes", me, s, m) end
local inbox = process.inbox()
local last = {}
for s = 1, k do last[s] = 0 end
for i = 1, k * m do
  local msg = inbox:receive()
  local s, seq = msg:payload()[1]:data(), msg:payload()[2]:data()
  if seq ~= last[s] + 1 then error("sender " .. s .. ": " .. seq .. " after " .. last[s]) end
  last[s] = seq
end
for s = 1, k do assert(last[s] == m) end
print("in order", k * m)
"""

FAN_IN_SENDER = """
return { main = function(to, s, m)
  for i = 1, m do
    process.send(to, "n", s, i)
    if i % 7 == 0 then time.sleep((s % 5) .. "ms") end
  end
end }
"""


@pytest.mark.parametrize(
    "k,m", [(1000, 100) if FULL else (50, 40)], ids=["full" if FULL else "small"]
)
def test_fan_in_keeps_order_per_sender(lua_run, k, m):
    """k senders into one receiver's inbox: every message arrives, and each
    sender's messages arrive in send order (different senders interleave)."""
    r = lua_run(FAN_IN_MAIN, {"load/sender.lua": FAN_IN_SENDER}, args=[k, m])
    assert (r.status, r.out, r.err) == (0, "in order\t%d\n" % (k * m), ""), r


MANY_MAIN = """
local n = tonumber(arg[1])
local pids = {}
for i = 1, n do
  pids[i] = process.spawn("load:idle", "app:processes")
end
for i = 1, n do process.send(pids[i], "ping", i) end
local ack = process.listen("ack")
local sum = 0
for i = 1, n do sum = sum + ack:receive() end
print("acks", sum == n * (n + 1) // 2)
"""

IDLE = """
return { main = function()
  local msg = process.inbox():receive()
  process.send(msg:from(), "ack", msg:payload():data())
end }
"""


@pytest.mark.parametrize(
    "n", [100000 if FULL else 2000], ids=["full" if FULL else "small"]
)
def test_many_processes_alive_at_once(lua_run, n):
    """n processes spawned and all blocked on their inbox at the same time;
    each then answers one message."""
    r = lua_run(MANY_MAIN, {"load/idle.lua": IDLE}, args=[n])
    assert (r.status, r.out, r.err) == (0, "acks\ttrue\n", ""), r
