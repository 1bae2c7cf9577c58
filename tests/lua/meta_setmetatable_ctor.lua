-- setmetatable({...}, M): objects made straight from a constructor, on the
-- first and later uses of a metatable, and when `setmetatable` is not the
-- library's.
local M = {}
M.__index = M
function M.get(self) return self.x end
local objs = {}
for i = 1, 4 do
  objs[i] = setmetatable({x = i, [i + 10] = "slot"}, M)
end
for i = 1, 4 do
  print(objs[i]:get(), objs[i][i + 10], getmetatable(objs[i]) == M)
end

-- nil values in the constructor leave no key
local y
local o = setmetatable({x = 1, y = y}, M)
print(o.x, o.y, rawget(o, "y"), next(o, "x"))

-- a metatable that has a metatable of its own (inheritance)
local Base = {}
Base.__index = Base
function Base.hello() return "base hello" end
local Derived = setmetatable({}, {__index = Base})
Derived.__index = Derived
for i = 1, 3 do
  local d = setmetatable({n = i}, Derived)
  print(d.n, d.hello(), getmetatable(d) == Derived)
end

-- __newindex on the metatable still applies to the new object
local log = {}
local W = {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end}
for i = 1, 2 do
  local w = setmetatable({a = 1}, W)
  w.a = 2
  w.b = 3
  print(w.a, w.b)
end
print(table.concat(log, ","))

-- __index functions and later changes to the metatable
local F = {__index = function(t, k) return k .. "!" end}
local f1 = setmetatable({}, F)
local f2 = setmetatable({}, F)
print(f1.q, f2.r)
F.__index = {q = "from table"}
print(f1.q, f2.q, f2.r)

-- argument errors keep Lua's messages
print(pcall(function() return setmetatable({}, 5) end))
print(pcall(function() return setmetatable({k = 1}, "s") end))
print(select("#", setmetatable({}, nil)), getmetatable(setmetatable({}, nil)))

-- a protected metatable can still be given to a new table
local P = {__metatable = "locked"}
local p1 = setmetatable({}, P)
local p2 = setmetatable({}, P)
print(getmetatable(p1), getmetatable(p2))
print(pcall(setmetatable, p1, {}))

-- a redefined or missing setmetatable is called like any global
local real = setmetatable
setmetatable = function(t, m)
  print("mine", type(t), m == M)
  return real(t, m)
end
local z = setmetatable({x = 9}, M)
print(z:get())
setmetatable = nil
print(pcall(function() return setmetatable({}, M) end))
setmetatable = real
print(setmetatable({x = 5}, M):get())
