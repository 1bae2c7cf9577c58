-- closures: fresh local per loop iteration
local fs = {}
for i = 1, 3 do fs[#fs + 1] = function() return i end end
print("numeric for", fs[1](), fs[2](), fs[3]())

fs = {}
for _, v in ipairs({"a", "b", "c"}) do fs[#fs + 1] = function() return v end end
print("generic for", fs[1](), fs[2](), fs[3]())

fs = {}
local i = 1
while i <= 3 do
  local j = i
  fs[#fs + 1] = function() j = j + 100; return j end
  i = i + 1
end
print("while locals", fs[1](), fs[2](), fs[3](), fs[1]())

fs = {}
local k = 0
repeat
  k = k + 1
  local kk = k * 2
  fs[#fs + 1] = function() return kk end
until k == 3
print("repeat locals", fs[1](), fs[2](), fs[3]())

-- closure over loop var modified inside body
fs = {}
for n = 1, 3 do
  n = n * 10
  fs[#fs + 1] = function() return n end
end
print("modified loop var", fs[1](), fs[2](), fs[3]())

-- counters
local function counter()
  local c = 0
  return function() c = c + 1; return c end
end
local c1, c2 = counter(), counter()
print("counters", c1(), c1(), c1(), c2(), c1(), c2())

-- shared upvalues between sibling closures
local function account()
  local balance = 0
  local function deposit(x) balance = balance + x end
  local function withdraw(x) balance = balance - x end
  local function get() return balance end
  return deposit, withdraw, get
end
local dep, wd, get = account()
dep(100); wd(30); dep(5)
print("shared balance", get())

-- closures sharing a loop-iteration local
local getters, setters = {}, {}
for idx = 1, 2 do
  local val = idx
  getters[idx] = function() return val end
  setters[idx] = function(x) val = x end
end
setters[1]("changed")
print("per-iteration sharing", getters[1](), getters[2]())

-- upvalue of upvalue
local function outer()
  local x = 1
  return function()
    return function() x = x + 1; return x end
  end
end
local mid = outer()
local inner1, inner2 = mid(), mid()
print("nested upvalue", inner1(), inner2(), inner1())

-- closure sees later assignment to upvalue
local later
local function readlater() return later end
later = "assigned after"
print(readlater())

-- recursive local functions
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print("fib 20", fib(20))

local isodd
local function iseven(n) if n == 0 then return true end return isodd(n - 1) end
function isodd(n) if n == 0 then return false end return iseven(n - 1) end
print("even/odd", iseven(10), isodd(7), iseven(7))

-- "local f = function" cannot see itself, "local function" can
local g = function() return type(g) end
print("local f = function sees", g())
local function h() return type(h) end
print("local function sees", h())
