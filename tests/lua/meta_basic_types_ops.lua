-- Metatables of whole types: indexing, method calls, calls and order
-- comparisons of values the compiler knows to be numbers, booleans, nil or
-- functions; generic for, pcall and string.format("%s") of such values;
-- indexing threads.

local function try(label, f, ...)
  local r = table.pack(pcall(f, ...))
  for i = 1, r.n do r[i] = tostring(r[i]) end
  print(label, table.concat(r, " | ", 1, r.n))
end

-- errors without metatables, worded like Lua's
local n = 5
try("index number", function() return n.x end)
try("method of number", function() return n:foo() end)
try("call number", function() return n() end)
try("index literal", function() return (10)[3] end)
try("call nil", function() return (nil)() end)
try("index boolean", function() local b = true return b.x end)
try("index nil", function() local z return z[1] end)
try("method of nil", function() local z return z:m() end)
try("index function", function() local function f() end return f.x end)
try("call string", function() local s = "x" return s() end)
try("compare nil", function() return n < nil end)
try("compare nil 2", function() return nil <= n end)
try("compare number string", function() return 1 < "x" end)
try("compare tables", function() return {} < {} end)
try("for over a number", function() for _ in 9 do end end)
try("pcall a number", pcall, 5)

-- numbers
local mt = {__index = function(a, b) return a + b end}
debug.setmetatable(10, mt)
print((10)[3], (10)["3"], n[1], (2.5)[1])
mt.__index = math
print((3.7):floor(), (-2):abs(), n:max(9, 2))
local x = 16
print(x:sqrt(), x.pi == math.pi)
try("missing method", function() return n:nosuch() end)
try("missing field of a field", function() return n.nosuch.y end)
mt.__call = function(self, ...) return "called", self, ... end
print((5)(1, 2))
print(n("a"))
print(pcall(7, "p"))
for a, b in 9 do print("for", a, b) break end
mt.__lt = function(a, b) return true end
mt.__le = function(a, b) return false end
print(10 < nil, n < {}, 1 < "x", n <= nil, nil >= n)
mt.__tostring = function(v) return "N" .. math.type(v) end
print(string.format("%s|%d|%5s", n, n, 2.5))
mt.__tostring = nil
debug.setmetatable(0, nil)
try("index after removal", function() return (10)[3] end)
try("call after removal", function() return (5)() end)

-- booleans
local bmt = {__index = function(a, b) return a or b end}
debug.setmetatable(true, bmt)
print((true)[false], (false)[false], (false).x)
bmt.__call = function(b, ...) return "bcall", b, ... end
print((true)(1), (false)())
debug.setmetatable(true, nil)

-- nil
local nmt = {__index = function(_, k) return "nil." .. tostring(k) end}
debug.setmetatable(nil, nmt)
local z
print(z.a, z[1], (nil).b)
nmt.__index = nil
nmt.__lt = function(a, b) return a == nil end
print(nil < 1, 1 < nil)
debug.setmetatable(nil, nil)
try("index nil after removal", function() return z.a end)

-- functions
local fmt = {__index = {name = "fn"}}
local function g() end
debug.setmetatable(g, fmt)
print(g.name, g.nosuch)
try("function method", function() return g:nosuch() end)
debug.setmetatable(g, nil)

-- threads
local co = coroutine.create(function() end)
try("index thread", function() return co.x end)
debug.setmetatable(co, {__index = {status = coroutine.status}})
print(co:status(), co.nosuch)
debug.setmetatable(co, nil)
try("index thread after removal", function() return co.x end)
