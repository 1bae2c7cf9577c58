-- Tables with weak keys are ephemeron tables: a value is reachable through
-- its key only, so a value that refers to its own key does not keep the
-- entry, and values of live keys are kept however they are reached.
-- (Entries are read inside functions, so that no variable of the main
-- chunk keeps what a collection should free.)

local mt = {__mode = "k"}

local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

-- a chain: each value refers to the previous key
local a = setmetatable({}, mt)
local x
local function chain()
  for i = 1, 100 do local n = {}; a[n] = {k = {x}}; x = n end
end
chain()
collectgarbage()
local function walk()
  local n, i = x, 0
  while n do n = a[n].k[1]; i = i + 1 end
  return i
end
print("chain", walk(), count(a))
x = nil
collectgarbage()
print("chain dropped", count(a), next(a))

-- values that refer to their own keys
local function self_refs()
  for i = 1, 10 do local k = {}; a[k] = {k, i} end
  local f = function () end
  a[f] = {f}
end
self_refs()
collectgarbage()
print("self", count(a))

-- two ephemeron tables that refer to each other's keys
local e1 = setmetatable({}, mt)
local e2 = setmetatable({}, mt)
local function cross()
  local p, q = {}, {}
  e1[p] = q
  e2[q] = p
  local r, s = {}, {}
  e1[r] = s
  e2[s] = r
  x = r
end
cross()
collectgarbage()
local function show_cross()
  print("cross", count(e1), count(e2), e1[x] ~= nil, e2[e1[x]] == x)
end
show_cross()
x = nil
collectgarbage()
print("cross dropped", count(e1), count(e2))

-- live keys keep their values (tables, functions, coroutines as keys)
local live = {}
local b = setmetatable({}, mt)
local function with_live_keys()
  live.t = {}
  live.f = function () end
  live.c = coroutine.create(function () end)
  b[live.t] = {{}}
  b[live.f] = {name = "f"}
  b[live.c] = {name = "c"}
  b[coroutine.create(function () end)] = {name = "dead c"}
end
with_live_keys()
collectgarbage()
local function show_live()
  print("live", count(b), type(b[live.t][1]), b[live.f].name, b[live.c].name)
end
show_live()
live = nil
collectgarbage()
print("live dropped", count(b))

-- an ephemeron table inside a value of another one
local outer = setmetatable({}, mt)
local function nested()
  local k = {}
  live = k
  local inner = setmetatable({}, mt)
  inner[{}] = 1
  inner[k] = {k}
  outer[k] = inner
end
nested()
collectgarbage()
local function show_nested()
  print("nested", count(outer), count(outer[live]))
end
show_nested()
live = nil
collectgarbage()
print("nested dropped", count(outer))
