-- numeric for with floats
local function collect(a, b, c)
  local t = {}
  for i = a, b, c or 1 do t[#t + 1] = tostring(i) end
  return "[" .. table.concat(t, " ") .. "]"
end
print("1.0..3", collect(1.0, 3))
print("1..3 step 1.0", collect(1, 3, 1.0))
print("0..1 step 0.25", collect(0, 1, 0.25))
print("1..0 step -0.25", collect(1, 0, -0.25))
print("0.5..2.5", collect(0.5, 2.5))
print("0..1 step 0.1 count", #(function() local t = {} for x = 0, 1, 0.1 do t[#t+1] = x end return t end)())
print("-1.5..1.5", collect(-1.5, 1.5))
print("types", (function() local r = {} for i = 1.0, 2 do r[#r+1] = math.type(i) end return table.concat(r, ",") end)())
print("types2", (function() local r = {} for i = 1, 2, 1.0 do r[#r+1] = math.type(i) end return table.concat(r, ",") end)())

-- huge limit with break
local n = 0
for i = 1, math.huge do
  n = n + 1
  if i >= 5 then break end
end
print("huge limit", n)

-- negative infinity limit with integer init
local m = 0
for i = 10, -math.huge, -3 do m = m + 1; if m > 4 then break end end
print("neg inf limit", m)

-- nan limit: no iterations
local c = 0
for i = 1, 0/0 do c = c + 1 end
print("nan limit iterations", c)
for i = 1.0, 0/0 do c = c + 1 end
print("nan limit float iterations", c)

-- float loop variable copy
local vals = {}
for x = 0.5, 2.5 do
  vals[#vals + 1] = x
  x = x + 100
end
print("float copy", table.concat(vals, " "))

-- accumulate floats
local s = 0
for x = 0.1, 0.5, 0.1 do s = s + x end
print(string.format("sum %.10f", s))

-- float step with integer-valued floats
print("2.0..10 step 2.0", collect(2.0, 10, 2.0))
print("large float", collect(1e15, 1e15 + 2))
