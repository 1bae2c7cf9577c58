-- debug.getinfo: fields for levels and functions, names, errors

local function show(t, keys)
  if t == nil then print("nil") return end
  local out = {}
  for _, k in ipairs(keys) do
    local v = t[k]
    if type(v) == "function" or type(v) == "table" then v = type(v) end
    out[#out + 1] = k .. "=" .. tostring(v)
  end
  print(table.concat(out, " "))
end

local ALL = {"source", "short_src", "what", "linedefined", "lastlinedefined",
             "currentline", "name", "namewhat", "nups", "nparams", "isvararg",
             "istailcall", "ftransfer", "ntransfer", "func"}

-- levels
show(debug.getinfo(1), ALL)
show(debug.getinfo(2), ALL)
print(debug.getinfo(3))
print(debug.getinfo(100))
show(debug.getinfo(0, "nS"), {"name", "namewhat", "what", "source"})

-- functions as values
local up1, up2 = 1, 2
local function f3(a, b, c)
  return a + up1 + up2
end
show(debug.getinfo(f3), ALL)
show(debug.getinfo(print), ALL)
show(debug.getinfo(function(...) end, "Su"), ALL)
local sorted = {}
for l in pairs(debug.getinfo(f3, "L").activelines) do sorted[#sorted + 1] = l end
table.sort(sorted)
print("activelines", table.concat(sorted, ","))
print("C activelines", debug.getinfo(print, "L").activelines)
print(debug.getinfo(f3, "f").func == f3, debug.getinfo(1, "f").func ~= nil)

-- names as the calling instruction gives them
local function name(level)
  local t = debug.getinfo(level + 1, "n")
  return tostring(t.name) .. "/" .. t.namewhat
end

function globalfn() local n = name(1) return n end
local function localfn() local n = name(1) return n end
local obj = {}
function obj.field() local n = name(1) return n end
function obj:method() local n = name(1) return n end
local function upfn() local n = name(1) return n end
local function callsup() return upfn() .. "" end
print(globalfn(), localfn(), obj.field(), obj:method(), callsup())
print((function() local n = name(1) return n end)())
local t = {localfn, f = localfn}
print(t[1](), t.f(), t["f"](), (t.f)())
local k = "f"
print(t[k]())
print(string.format("%s", name(0)))

-- metamethods
local mt = {}
mt.__index = function(t, k) local n = name(1) return n end
mt.__add = function(a, b) local n = name(1) return n end
mt.__eq = function(a, b) print(name(1)) return true end
mt.__lt = function(a, b) print(name(1)) return true end
mt.__le = function(a, b) print(name(1)) return true end
mt.__concat = function(a, b) local n = name(1) return n end
mt.__len = function(a) local n = name(1) return n end
mt.__unm = function(a) local n = name(1) return n end
mt.__call = function(self) local n = name(1) return n end
mt.__newindex = function(t, k, v) print(name(1)) end
mt.__close = function() print(name(1)) end
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a.x, a + 1, a .. "s", #a, -a, a())
print(a == b, a < b, a <= b)
a.y = 1
do local c <close> = a end

-- for iterator
for k in function(s, c) if not c then print(name(1)) return 1 end end do end

-- called by library functions
print(pcall(name, 1))
table.sort({3, 2}, function(x, y) print("sort", name(1)) return x < y end)
print(string.gsub("a", "a", function() local n = name(1) return n end))

-- tail calls
local function tailed()
  local i = debug.getinfo(1, "tn")
  return tostring(i.istailcall) .. " " .. tostring(i.name) .. "/" .. i.namewhat
end
local function caller() return tailed() end
print(caller())
print((tailed()))

-- currentline
local function cl()
  return debug.getinfo(2, "l").currentline
end
print(cl(), debug.getinfo(1, "l").currentline)

-- coroutines
local co = coroutine.create(function(x)
  local y = x
  coroutine.yield(y)
end)
print(debug.getinfo(co, 0))
coroutine.resume(co, 5)
show(debug.getinfo(co, 0, "Sln"), {"what", "currentline", "name", "namewhat"})
show(debug.getinfo(co, 1, "Sln"), {"what", "currentline", "linedefined", "lastlinedefined"})
print(debug.getinfo(co, 2))
coroutine.resume(co)
print(debug.getinfo(co, 0))
print(coroutine.wrap(function() return debug.getinfo(1, "S").what .. " " .. tostring(debug.getinfo(2, "S")) end)())

-- loaded chunks
local g = load("return debug.getinfo(1, 'S')", "=mychunk")
show(g(), {"source", "short_src", "what", "linedefined", "lastlinedefined"})
g = load("local x = 1\nreturn debug.getinfo(1, 'S')", "some code")
show(g(), {"source", "short_src", "what"})
g = load("return function()\n\nend")
show(debug.getinfo(g(), "S"), {"source", "short_src", "what", "linedefined", "lastlinedefined"})

-- errors
print(pcall(debug.getinfo, 1, ">"))
print(pcall(debug.getinfo, 1, "q"))
print(pcall(debug.getinfo, 100, "q"))
print(pcall(debug.getinfo, print, "X"))
print(pcall(debug.getinfo, {}))
print(pcall(debug.getinfo))
print(pcall(debug.getinfo, 1.5))
print(pcall(debug.getinfo, 1, {}))
print(select("#", debug.getinfo(-1)))
