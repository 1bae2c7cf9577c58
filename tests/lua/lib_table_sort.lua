-- table.sort: default and custom orders, the exact order Lua's quicksort
-- leaves equal keys in (arrays under 100 elements use no random pivot),
-- inconsistent comparators, comparison errors and metamethod-backed tables.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end
local function list(t)
  local out = {}
  for i = 1, #t do out[#out + 1] = tostring(t[i]) end
  return table.concat(out, " ")
end

local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(t)
print(list(t))
table.sort(t, function(a, b) return a > b end)
print(list(t))
t = {"banana", "apple", "Cherry", "date", "", "apple2", "B"}
table.sort(t)
print(list(t))
t = {3.5, -1, 2, 1e10, -math.huge, math.huge, 0, 2.0, math.mininteger, math.maxinteger}
table.sort(t)
print(list(t))
-- an integer and an equal float: which comes first depends on the algorithm
t = {1.0, 1, 2, 2.0, 1, 1.0, 0}
table.sort(t)
print(list(t))
t = {0.0, -0.0, 0, -0.0, 0.0}
table.sort(t)
print(list(t))
t = {}
table.sort(t)
t = {42}
table.sort(t)
print(list(t))
print(select("#", table.sort({2, 1})))

-- records with equal keys: the resulting order is the algorithm's
local recs = {}
for i = 1, 40 do recs[i] = {k = (i * 7) % 5, id = i} end
table.sort(recs, function(a, b) return a.k < b.k end)
local ids = {}
for i, r in ipairs(recs) do ids[i] = r.k .. ":" .. r.id end
print(table.concat(ids, " "))

-- number of comparisons made for a small input (same algorithm, same count)
local count = 0
t = {9, 8, 7, 6, 5, 4, 3, 2, 1, 10, 12, 11, 15, 13, 14}
table.sort(t, function(a, b) count = count + 1; return a < b end)
print(list(t), count)

-- sort through __index/__newindex/__len
local store = {3, 1, 2}
local proxy = setmetatable({}, {
  __index = function(_, k) return store[k] end,
  __newindex = function(_, k, v) store[k] = v end,
  __len = function() return #store end,
})
table.sort(proxy)
print(list(store))

-- comparator results: any true value counts
t = {3, 1, 2}
table.sort(t, function(a, b) if a < b then return 1 end return nil end)
print(list(t))

print("-- errors")
try("mixed types", table.sort, {1, "x", 2})
try("tables", table.sort, {{}, {}})
-- (the __len fixes the length: borders of tables with holes are not portable)
try("hole", table.sort, setmetatable({1, nil, 3}, {__len = function() return 3 end}))
try("bad comp", table.sort, {1, 2}, 1)
try("no table", table.sort)
try("string", table.sort, "abc")
try("always true", table.sort, {5, 4, 3, 2, 1, 6, 7, 8, 9, 10}, function() return true end)
try("a <= b", table.sort, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, function(a, b) return a <= b end)
try("comp error", table.sort, {1, 2, 3}, function() error("in comparator") end)
try("array too big", table.sort, setmetatable({}, {__len = function() return math.maxinteger end}))
try("len not integer", table.sort, setmetatable({}, {__len = function() return 1.5 end}))
print(pcall(function() table.sort({1, "2"}) end))
-- sorting with __lt metamethods
local mt = {__lt = function(a, b) return a.v < b.v end}
local objs = {}
for i, v in ipairs({4, 2, 5, 1, 3}) do objs[i] = setmetatable({v = v}, mt) end
table.sort(objs)
local vs = {}
for i, o in ipairs(objs) do vs[i] = o.v end
print(table.concat(vs, " "))
