-- Collections in the middle of traversals of weak tables: next and pairs
-- go on with the entries that are left, with no "invalid key to 'next'".

local keep = {}

local function fill(t, n, kind)
  for i = 1, n do
    local o = {}
    if i % 3 == 0 then keep[#keep + 1] = o end
    if kind == "k" then t[o] = i else t["k" .. i] = o end
  end
end

local function is_kept(o)
  for _, x in ipairs(keep) do if x == o then return true end end
  return false
end

-- weak keys, explicit next, collecting after the first step
local wk = setmetatable({}, {__mode = "k"})
fill(wk, 30, "k")
local function walk_next()
  local visited, kept = 0, 0
  local k, v = next(wk)
  local first = k
  collectgarbage()
  while k ~= nil do
    visited = visited + 1
    if is_kept(k) then kept = kept + 1 end
    k, v = next(wk, k)
  end
  local extra = is_kept(first) and 0 or 1
  print("next k", visited - extra, kept)
end
walk_next()
collectgarbage()
local function after(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end
print("left", after(wk))

-- weak values, pairs, collecting at every step
keep = {}
local wv = setmetatable({}, {__mode = "v"})
fill(wv, 30, "v")
local function walk_pairs()
  local visited, kept = 0, 0
  for k, v in pairs(wv) do
    collectgarbage()
    visited = visited + 1
    if is_kept(v) then kept = kept + 1 end
  end
  print("pairs v", kept, visited >= kept)
end
walk_pairs()
collectgarbage()
print("left", after(wv))

-- nested traversals of one weak table across a collection
keep = {}
local wk2 = setmetatable({}, {__mode = "k"})
fill(wk2, 12, "k")
collectgarbage()
local function nested()
  local outer = 0
  local k = next(wk2)
  while k ~= nil do
    outer = outer + 1
    local inner = 0
    for _ in pairs(wk2) do inner = inner + 1 end
    collectgarbage()
    for _ in next, wk2 do inner = inner + 1 end
    assert(inner == 2 * #keep)
    k = next(wk2, k)
  end
  print("nested", outer)
end
nested()

-- ipairs over a weak-value sequence while it loses its tail
local seq = setmetatable({}, {__mode = "v"})
local function fill_seq()
  keep = {{}, {}, {}}
  for i = 1, 3 do seq[i] = keep[i] end
  for i = 4, 8 do seq[i] = {} end
end
fill_seq()
local function walk_seq()
  local n = 0
  for i, v in ipairs(seq) do
    if i == 1 then collectgarbage() end
    n = i
  end
  print("ipairs", n, #seq)
end
walk_seq()
