-- collectgarbage() in the middle of statements, loops and gotos: values the
-- running code still needs stay (moonlet drops only finished statements'
-- locals and temporaries before collecting).
local function id(...) return ... end
local t = {x = 1, y = {z = 2}}

-- inside an expression, between operands
local s = t.x + (collectgarbage() or 0) + t.y.z + id(t).x
print(s)

-- in a call's arguments
print(id(t.y, collectgarbage(), t.y.z).z)

-- a method call whose receiver is a temporary
local obj = {n = 5}
function obj:get(_) return self.n end
print(id(obj):get(collectgarbage()))

-- in a loop that keeps locals of its block and of an outer block
local total = 0
for i = 1, 3 do
  local row = {i, i * 2}
  for j = 1, 2 do
    collectgarbage()
    total = total + row[j] + t.y.z
  end
end
print(total)

-- a local declared before a label, used after a backward goto
do
  local k = 0
  local acc = {}
  ::again::
  k = k + 1
  acc[#acc + 1] = t.x * k
  collectgarbage()
  if k < 3 then goto again end
  print(#acc, acc[1], acc[3])
end

-- while and repeat loops with locals read in the condition
local n = 0
repeat
  local left = 3 - n
  n = n + 1
  collectgarbage()
until left <= 1
print(n)

-- table constructors and string building around a collection
local parts = {}
for i = 1, 3 do
  parts[#parts + 1] = ("%d:%s"):format(i, collectgarbage() and "c" or "-")
end
print(table.concat(parts, ","))

-- closures keep what they capture
local fs = {}
for i = 1, 3 do
  local v = {i}
  fs[i] = function () return v[1] end
end
collectgarbage()
print(fs[1](), fs[2](), fs[3]())

-- a local that a coroutine holds across a collection
local co = coroutine.wrap(function ()
  local box = {7}
  coroutine.yield(box[1])
  collectgarbage()
  return box[1] * 2
end)
print(co(), co())
