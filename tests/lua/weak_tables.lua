-- Weak tables (__mode "k", "v", "kv"): after a full collection the entries
-- whose collectable key or value nothing else refers to are gone; strings,
-- numbers and booleans stay. The collectable objects are made inside
-- functions so that only the weak tables (and `keep`) refer to them.

local function keys(t)
  local ks = {}
  for k in pairs(t) do
    local tk = type(k)
    ks[#ks + 1] = (tk == "table" or tk == "function") and tk or tostring(k)
  end
  table.sort(ks)
  return table.concat(ks, " ")
end

local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

local keep = {}

-- weak values
local wv = setmetatable({}, {__mode = "v"})
local function fill_v()
  keep.a = {}
  keep.f = function () return 1 end
  wv[1] = keep.a
  wv[2] = {}
  wv[3] = "a string"
  wv[4] = 42
  wv[5] = function () end
  wv.x = {}
  wv.y = keep.a
  wv.z = keep.f
  wv[6] = true
  wv[7] = 1.5
  wv[8] = string.rep("x", 100)
  wv.co = coroutine.create(function () end)
  wv.cyc = {}
  wv.cyc.self = wv.cyc
end
fill_v()
collectgarbage()
local function show_v()
  print("v", count(wv), wv[1] == keep.a, wv[2], wv[3], wv[4], wv[5], wv.x,
        wv.y == keep.a, wv.z == keep.f, wv[6], wv[7], #wv[8], wv.co, wv.cyc)
end
show_v()

-- weak keys
local wk = setmetatable({}, {__mode = "k"})
local function fill_k()
  keep.k1 = {}
  keep.k2 = function () end
  wk[keep.k1] = 1
  wk[keep.k2] = {}
  wk[{}] = 2
  wk[function () end] = 3
  wk.str = {}
  wk[10] = {}
  wk[2.5] = "v"
  wk[true] = {}
  local e = {}
  wk[e] = {e}              -- a value that refers to its own key
  local c = {}
  wk[c] = {other = keep.k1}
end
fill_k()
collectgarbage()
local function show_k()
  print("k", count(wk), wk[keep.k1], type(wk[keep.k2]), type(wk.str),
        type(wk[10]), wk[2.5], type(wk[true]))
end
show_k()

-- weak keys and values
local wkv = setmetatable({}, {__mode = "kv"})
local function fill_kv()
  keep.v = {}
  wkv[1] = keep.v
  wkv[2] = {}
  wkv[keep.v] = 1
  wkv[{}] = 1
  wkv[keep.k1] = {}
  wkv[keep.k1 == nil] = keep.v
  wkv.s = "s"
end
fill_kv()
collectgarbage()
local function show_kv()
  print("kv", count(wkv), wkv[1] == keep.v, wkv[2], wkv[keep.v], wkv[keep.k1],
        wkv[false] == keep.v, wkv.s)
end
show_kv()

-- entries go once their last other reference goes
keep.a = nil
keep.k1 = nil
keep.v = nil
collectgarbage()
local function show_after()
  print("after v", count(wv), wv[1], wv.y, keys(wv))
  print("after k", count(wk), keys(wk))
  print("after kv", count(wkv), keys(wkv))
end
show_after()

-- a sequence: # and ipairs after a collection
local seq = setmetatable({}, {__mode = "v"})
local function fill_seq()
  keep.s1, keep.s2 = {}, {}
  seq[1], seq[2] = keep.s1, keep.s2
  for i = 3, 10 do seq[i] = {} end
end
fill_seq()
print("seq before", #seq)
collectgarbage()
local function show_seq()
  local n = 0
  for i, v in ipairs(seq) do n = i end
  print("seq after", #seq, n, seq[1] == keep.s1, seq[2] == keep.s2, seq[3])
end
show_seq()

-- collectgarbage("collect") and "count" with a weak table around
print(collectgarbage("collect"), type(collectgarbage("count")))

-- a weak table that is only reachable from another weak table goes too
local outer = setmetatable({}, {__mode = "v"})
local function fill_nested()
  local inner = setmetatable({}, {__mode = "k"})
  inner[{}] = 1
  outer.inner = inner
  outer.kept = setmetatable({}, {__mode = "k"})
  keep.kept = outer.kept
  keep.kept.x = 1
end
fill_nested()
collectgarbage()
local function show_nested()
  print("nested", outer.inner, outer.kept == keep.kept, keep.kept.x)
end
show_nested()

-- strings and numbers are values, not objects: never removed
local only_values = setmetatable({}, {__mode = "kv"})
local function fill_values()
  for i = 1, 5 do only_values[i] = string.rep("s", i) end
  for i = 1, 5 do only_values[string.rep("k", i)] = i + 0.5 end
end
fill_values()
collectgarbage()
collectgarbage()
print("values", count(only_values), only_values[5], only_values.kkk)
