-- numeric for with integers
local function collect(a, b, c)
  local t = {}
  if c then
    for i = a, b, c do t[#t + 1] = tostring(i) end
  else
    for i = a, b do t[#t + 1] = tostring(i) end
  end
  return "[" .. table.concat(t, " ") .. "]"
end
print("1..5", collect(1, 5))
print("1..5 step 2", collect(1, 5, 2))
print("5..1 step -1", collect(5, 1, -1))
print("10..1 step -3", collect(10, 1, -3))
print("1..0", collect(1, 0))
print("0..0", collect(0, 0))
print("-3..3", collect(-3, 3))
print("3..1 (no step)", collect(3, 1))
print("1..10 step 4", collect(1, 10, 4))
print("-1..-10 step -4", collect(-1, -10, -4))

-- float limit with integer init: integer loop, limit floored
print("1..3.5", collect(1, 3.5))
print("1..2.9999", collect(1, 2.9999))
print("3..1.5 step -1", collect(3, 1.5, -1))
print("1..-0.5", collect(1, -0.5))
print("types", (function() local r = {} for i = 1, 2.5 do r[#r+1] = math.type(i) end return table.concat(r, ",") end)())

-- loop variable copy: modifying it does not affect iteration
local seen = {}
for i = 1, 5 do
  seen[#seen + 1] = i
  i = i * 100
  seen[#seen + 1] = i
end
print("modified copy", table.concat(seen, " "))

-- limits evaluated once
local limit = 3
local iterations = 0
for i = 1, limit do
  limit = 10
  iterations = iterations + 1
end
print("iterations", iterations, "limit now", limit)

-- expressions evaluated once, in order
local order = {}
local function v(name, val) order[#order + 1] = name; return val end
for i = v("init", 1), v("limit", 2), v("step", 1) do order[#order + 1] = "body" .. i end
print(table.concat(order, " "))

-- loop variable is local to the loop
local i = "outer"
for i = 1, 2 do end
print("i after loop", i)

-- sum
local sum = 0
for k = 1, 100 do sum = sum + k end
print("sum 1..100", sum, math.type(sum))

-- nested loops multiplication table
for r = 1, 4 do
  local row = {}
  for c = 1, 4 do row[#row + 1] = string.format("%3d", r * c) end
  print(table.concat(row))
end
