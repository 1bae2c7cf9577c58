-- _ENV behaviour
print("_ENV == _G", _ENV == _G)
gv = 5
print("_ENV.gv", _ENV.gv)
_ENV.gw = 6
print("gw", gw)

-- local _ENV redirecting globals
do
  local print = print
  local _ENV = { tostring = tostring, val = "from env table" }
  print("val", val)
  newvar = 123
  print("newvar in env", _ENV.newvar)
  print("gv in new env", gv)
end
print("newvar in _G", newvar)

-- function with _ENV upvalue
local function make(env)
  local _ENV = env
  return function() counter = (counter or 0) + 1; return counter end
end
local e1, e2 = {}, {}
local f1, f2 = make(e1), make(e2)
f1(); f1(); f1(); f2()
print("e1.counter", e1.counter, "e2.counter", e2.counter, "global counter", counter)

-- _ENV as a parameter
local function withenv(_ENV) return a + b end
print("withenv", withenv({a = 3, b = 4}))

-- setting _ENV with a metatable that falls back to _G
local sandbox = setmetatable({}, {__index = _G})
do
  local _ENV = sandbox
  sandboxed = "yes"
  print("sandboxed", sandboxed, type(print))
end
print("sandboxed in _G", sandboxed, "in sandbox", sandbox.sandboxed)

-- _ENV assignment in a block affects later global access in that block
local function swap()
  local results = {}
  results[1] = tostring(type)
  local _ENV = {type = "replaced"}
  results[2] = type
  return results
end
local r = swap()
print(r[1] == tostring(type), r[2])

-- load with custom env uses that env as _ENV
local chunk = load("x = 1; return _ENV", "envchunk", "t", {})
local env = chunk()
print("load env x", env.x, x)

-- upvalue _ENV shared by closures
local function pair()
  local _ENV = {n = 0}
  local function incr() n = n + 1 end
  local function get() return n end
  return incr, get
end
local incr, get = pair()
incr(); incr()
print("shared _ENV", get())
