-- methods with ':' and '.'
local Counter = {}
Counter.__index = Counter

function Counter.new(start)
  return setmetatable({value = start or 0}, Counter)
end

function Counter:inc(by)
  self.value = self.value + (by or 1)
  return self
end

function Counter:get() return self.value end

local c = Counter.new(5)
c:inc():inc(10):inc()
print("chained", c:get())
print("dot call", Counter.get(c))
print("explicit self", c.inc(c, 100).value)

-- method definitions on nested tables
local a = {b = {c = {}}}
function a.b.c:name() return "nested method, self is c: " .. tostring(self == a.b.c) end
function a.b.f(x) return "plain function " .. x end
print(a.b.c:name())
print(a.b.f("arg"))

-- methods on strings via string metatable
local s = "Hello"
print(s:upper(), s:lower(), s:len(), s:rep(2, "-"))
print(("abc"):reverse(), ("%d-%s"):format(7, "x"))

-- self is just the first parameter
local obj = {n = "obj"}
function obj.describe(self, extra) return self.n .. (extra or "") end
print(obj:describe("!"), obj.describe({n = "other"}))

-- method call evaluates the object expression once
local calls = 0
local function getobj() calls = calls + 1; return c end
getobj():inc()
print("getobj calls", calls, c.value)

-- method with varargs
function Counter:addall(...)
  for i = 1, select('#', ...) do self.value = self.value + select(i, ...) end
  return self.value
end
print("addall", c:addall(1, 2, 3))

-- method call with string and table literal arguments
local o = {}
function o:say(x) return type(x) end
print(o:say"text", o:say{1, 2}, o:say())

-- methods stored in metatable __index function
local dyn = setmetatable({}, {__index = function(t, k)
  return function(self, ...) return k .. "(" .. table.concat({...}, ",") .. ")" end
end})
print(dyn:anything(1, 2), dyn:other())
