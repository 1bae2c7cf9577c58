-- arithmetic metamethods
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
local function show(v) if getmetatable(v) == V then return "(" .. v.x .. "," .. v.y .. ")" end return tostring(v) end
V.__add = function(a, b)
  if type(a) == "number" then return vec(a + b.x, a + b.y) end
  if type(b) == "number" then return vec(a.x + b, a.y + b) end
  return vec(a.x + b.x, a.y + b.y)
end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b)
  if type(a) == "number" then return vec(a * b.x, a * b.y) end
  if type(b) == "number" then return vec(a.x * b, a.y * b) end
  return a.x * b.x + a.y * b.y
end
V.__div = function(a, b) return vec(a.x / b, a.y / b) end
V.__mod = function(a, b) return vec(a.x % b, a.y % b) end
V.__pow = function(a, b) return vec(a.x ^ b, a.y ^ b) end
V.__unm = function(a, b) return vec(-a.x, -a.y), "ignored" end
V.__idiv = function(a, b) return vec(a.x // b, a.y // b) end

local a, b = vec(1, 2), vec(3, 4)
print("add", show(a + b), show(a + 10), show(10 + a))
print("sub", show(b - a))
print("mul", a * b, show(a * 3), show(3 * a))
print("div", show(b / 2))
print("mod", show(vec(7, -7) % 3))
print("pow", show(a ^ 2))
print("unm", show(-a))
print("idiv", show(vec(7, -7) // 2))
print("combined", show((a + b) * 2 - a))

-- the second operand's metamethod is used when the first has none
local calls = {}
local R = setmetatable({}, {__add = function(x, y) calls[#calls + 1] = type(x) .. "+" .. type(y); return "right" end})
print("number + R", 1 + R, "R + number", R + 1, "string + R", "s" + R)
print("calls", table.concat(calls, " "))

-- __unm receives the operand twice
local U = setmetatable({}, {__unm = function(x, y) return rawequal(x, y) end})
print("unm args same", -U)

-- metamethod results are adjusted to one value
local M = setmetatable({}, {__add = function() return 1, 2, 3 end})
print("one result", M + M)

-- mixing two tables with different metatables: the left one wins
local L1 = setmetatable({}, {__mul = function() return "left" end})
local L2 = setmetatable({}, {__mul = function() return "right" end})
print("left wins", L1 * L2, L2 * L1)

-- numeric strings do not use table metamethods; strings have arithmetic metamethods
print("string arith", "10" + 5, "3" * "4", -"2")

-- errors when no metamethod
print(pcall(function() return {} + 1 end))
print(pcall(function() local t = {} return t * 2 end))
print(pcall(function() local t = setmetatable({}, {}) return -t end))
print(pcall(function() return a / nil end))

-- metamethods are looked up raw in the metatable (not through __index of the metatable)
local base = {__add = function() return "inherited add" end}
local mt = setmetatable({}, {__index = base})
local obj = setmetatable({}, mt)
print("mt __index ignored", pcall(function() return obj + 1 end))

-- arithmetic on a number subtype-preserving metamethod
local Num = {}
Num.__index = Num
local function num(v) return setmetatable({v = v}, Num) end
Num.__add = function(p, q) return num((type(p) == "table" and p.v or p) + (type(q) == "table" and q.v or q)) end
Num.__tostring = function(s) return "Num(" .. tostring(s.v) .. ")" end
print(tostring(num(1) + num(2.5)), tostring(num(1) + 2), tostring(3 + num(4)))
