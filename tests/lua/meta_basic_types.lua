-- Metatables of whole types (debug.setmetatable on numbers, booleans, nil,
-- functions, threads): the events that reach the runtime's helpers.

local function try(label, f, ...)
  local r = table.pack(pcall(f, ...))
  for i = 1, r.n do r[i] = tostring(r[i]) end
  print(label, table.concat(r, " | ", 1, r.n))
end

-- debug.setmetatable returns its first argument; getmetatable sees the
-- metatable from every value of the type.
local mt = {}
print(debug.setmetatable(10, mt), getmetatable(-2) == mt, getmetatable(1.5) == mt)
print(getmetatable(true), getmetatable(nil), getmetatable(print))

-- numbers
mt.__len = function(x) return math.floor(x) end
print(#3.45, #-2.5)
mt.__add = function(a, b) return "add(" .. type(a) .. "," .. type(b) .. ")" end
local t = {}
print(5 + t, t + 5, 2.5 + t)
mt.__concat = function(a, b) return "concat" end
print(5 .. t, t .. 5, 5 .. "x")
mt.__band = function(a, b) return "band" end
print(1.5 & 1, 3 & 1.5, 7 & 3)
mt.__newindex = function(n, k, v) print("newindex", n, k, v) end
local n = 7
n.x = 1
n[2] = "two"
mt.__index = function(n, k) return n * 10 + k end
for i, v in ipairs(3) do
  print("ipairs", i, v)
  if i == 2 then break end
end
mt.__tostring = function(x) return "<" .. math.type(x) .. ">" end
print(10, 1.5, tostring(-3))
mt.__tostring = function(x) return {} end
try("bad __tostring", function() local s = tostring(1) end)
try("bad __tostring in print", function() print(1) end)
try("bad __tostring, called by pcall", tostring, 1)
mt.__tostring = nil
print(10, 1.5, tostring(-3))
mt.__pairs = function(x)
  return function(_, i) if i < x then return i + 1 end end, nil, 0
end
for i in pairs(3) do io.write(i, " ") end
print()
mt.__name = "NUM"
try("name in argument error", setmetatable, 1, {})
try("name not in runtime error", function() local x = {} return 1 < x end)
mt.__close = function(v, e) print("close", v, e) end
do local c <close> = 42 end
try("unm of a number", function() return -n end)

-- the metatable lacks the event: Lua's messages
local plain = {}
debug.setmetatable(0, plain)
try("arith", function() return 1 + {} end)
try("concat", function() return 1 .. {} end)
try("bitwise", function() return 1.5 | 1 end)
try("newindex", function() n.y = 1 end)
try("close", function() local c <close> = 1 end)

-- __metatable protection, then removal
plain.__metatable = "locked"
print(getmetatable(5), debug.getmetatable(5) == plain)
try("protected setmetatable on a number", setmetatable, 5, {})
print(debug.setmetatable(23, nil), getmetatable(5), debug.getmetatable(5))
try("arith without metatable", function() return 1 + {} end)

-- booleans
local bmt = {}
debug.setmetatable(true, bmt)
print(getmetatable(false) == bmt, getmetatable(0))
bmt.__concat = function(a, b) return "bconcat:" .. tostring(a) .. "," .. tostring(b) end
print(true .. "x", "x" .. false)
bmt.__len = function(b) return b and 1 or 0 end
print(#true, #false)
bmt.__lt = function(a, b) return "lt" end
bmt.__le = function(a, b) return false end
print(true < false, true <= false, false > true)
bmt.__unm = function(b) return not b end
print(-true, -false)
bmt.__tostring = function(b) return b and "yes" or "no" end
print(true, false, tostring(true))
bmt.__tostring = nil
try("boolean arith", function() return true + 1 end)
debug.setmetatable(false, nil)
print(getmetatable(true))
try("boolean concat", function() return true .. "x" end)

-- nil
local nmt = {}
debug.setmetatable(nil, nmt)
print(getmetatable(nil) == nmt)
nmt.__add = function(a, b) return (a or 1) + (b or 2) end
print(10 + nil, nil + 23, nil + nil)
nmt.__unm = function(a) return "unm nil" end
nmt.__len = function(a) return 0 end
local z = nil
print(-z, #z)
nmt.__concat = function(a, b) return "nil-concat" end
print(z .. "x", "x" .. z)
nmt.__tostring = function() return "NIL" end
print(nil, z, tostring(nil))
nmt.__tostring = nil
nmt.__newindex = function(_, k, v) print("nil newindex", k, v) end
z.field = "v"
try("nil sub", function() return nil - 1 end)
debug.setmetatable(nil, nil)
print(getmetatable(nil))
try("nil add", function() return nil + 1 end)
try("nil newindex", function() z.field = 1 end)

-- functions
local fmt = {}
local function f() end
debug.setmetatable(f, fmt)
print(getmetatable(print) == fmt, getmetatable(function() end) == fmt)
fmt.__concat = function(a, b) return "fconcat" end
print(f .. "x", "x" .. print)
fmt.__name = "Func"
print((tostring(f):match("^(%a+): ")))
fmt.__tostring = function() return "a function" end
print(f, tostring(print))
fmt.__len = function() return 99 end
print(#f)
fmt.__add = function(a, b) return "fadd" end
print(f + 1, 1 + print)
debug.setmetatable(print, nil)
print(getmetatable(f), (tostring(f):match("^(%a+): ")))

-- threads
local co = coroutine.create(function() end)
local tmt = {__name = "Thread"}
debug.setmetatable(co, tmt)
print(getmetatable(coroutine.running()) == tmt)
print((tostring(co):match("^(%a+): ")))
tmt.__tostring = function(c) return "thread " .. coroutine.status(c) end
print(co)
tmt.__len = function() return 7 end
print(#co)
debug.setmetatable(co, nil)
print(getmetatable(co), (tostring(co):match("^(%a+): ")))

-- strings keep their metatable
local smt = getmetatable("")
print(smt.__index == string, debug.setmetatable("x", smt) == "x", ("abc"):upper())

-- argument checks
try("bad metatable", debug.setmetatable, 1, true)
try("no metatable", debug.setmetatable, 1)
