-- table.move: overlapping ranges in both directions, another destination
-- table, empty ranges, metamethods, and the range errors.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end
local function list(t, a, b)
  local out = {}
  for i = a or 1, b or #t do out[#out + 1] = tostring(t[i]) end
  return "{" .. table.concat(out, ",") .. "}"
end

local t = {1, 2, 3, 4, 5}
print(table.move(t, 1, 3, 3) == t, list(t))        -- overlap, moving right
t = {1, 2, 3, 4, 5}
print(list(table.move(t, 3, 5, 1)))                 -- overlap, moving left
t = {1, 2, 3}
local dst = {"a", "b", "c", "d"}
print(table.move(t, 1, 3, 2, dst) == dst, list(dst), list(t))
print(list(table.move({1, 2, 3}, 2, 1, 1)))        -- empty range: nothing moves
print(list(table.move({1, 2, 3}, 1, 0, 5), 1, 5))
print(list(table.move({1, 2, 3}, 1, 3, 1)))        -- same place
print(list(table.move({1, nil, 3}, 1, 3, 4), 1, 6))
print(list(table.move({[0] = "z", "a"}, 0, 1, 10), 10, 11))
print(list(table.move({1, 2}, -1, 1, 1), -1, 2))
print(list(table.move({"x"}, 1, 1, math.maxinteger, {}), math.maxinteger, math.maxinteger))
print(list(table.move({1, 2}, "1", 2.0, "3"), 1, 4))

-- move reads and writes through __index and __newindex
local log = {}
local src = setmetatable({}, {__index = function(_, k) return "v" .. k end})
local sink = setmetatable({}, {__newindex = function(_, k, v) log[#log + 1] = k .. "=" .. v end})
table.move(src, 1, 3, 5, sink)
print(table.concat(log, " "))

try("move no args", table.move)
try("move no e", table.move, {}, 1)
try("move no t", table.move, {}, 1, 2)
try("move bad dst", table.move, {}, 1, 2, 1, "x")
try("move float", table.move, {}, 1.5, 2, 1)
try("move too many", table.move, {}, 0, math.maxinteger, 1)
try("move too many neg", table.move, {}, math.mininteger, -1, 1)
try("move dest wrap", table.move, {1, 2}, 1, 2, math.maxinteger)
try("move number src", table.move, 1, 1, 2, 1)
print(pcall(function() return table.move({}, 1, 2, 3, 4) end))
