-- __index with tables, functions and chains
local defaults = {color = "red", size = 10}
local obj = setmetatable({size = 20}, {__index = defaults})
print("own", obj.size, "inherited", obj.color, "missing", obj.weight)
print("rawget", rawget(obj, "color"), rawget(obj, "size"))

-- function __index receives table and key
local calls = {}
local fobj = setmetatable({}, {__index = function(t, k)
  calls[#calls + 1] = tostring(k)
  if type(k) == "number" then return k * 2 end
  return "computed_" .. tostring(k)
end})
print("function index", fobj.abc, fobj[21], fobj[true])
print("calls", table.concat(calls, ","))

-- present keys do not call __index
fobj.present = "here"
print("present", fobj.present, #calls)

-- chains: a -> b -> c
local c = {deep = "from c"}
local b = setmetatable({mid = "from b"}, {__index = c})
local a = setmetatable({top = "from a"}, {__index = b})
print("chain", a.top, a.mid, a.deep, a.none)

-- chain mixing tables and functions
local base = setmetatable({}, {__index = function(_, k) return "fallback(" .. k .. ")" end})
local derived = setmetatable({}, {__index = base})
print("mixed chain", derived.anything)

-- __index on missing integer keys of arrays
local arr = setmetatable({1, 2, 3}, {__index = function(t, i) return "default" .. i end})
print("array", arr[1], arr[3], arr[4], arr[10])

-- __index with nil value field stored explicitly
local withnil = setmetatable({}, {__index = {x = false}})
print("false via index", withnil.x)

-- __index changed after setmetatable is seen
local mt = {}
local late = setmetatable({}, mt)
print("before", late.key)
mt.__index = {key = "added later"}
print("after", late.key)

-- __index returning multiple values keeps only the first
local multi = setmetatable({}, {__index = function() return 1, 2, 3 end})
print("multi", multi.x)

-- proxy table tracking access
local function tracked(t)
  local log = {}
  return setmetatable({}, {__index = function(_, k) log[#log + 1] = k; return t[k] end}), log
end
local p, log = tracked({a = 1, b = 2})
local sum = p.a + p.b + (p.c or 0)
print("tracked sum", sum, table.concat(log, ","))

-- __index on strings (via string metatable)
print("string index", ("abc").len == string.len, ("abc").nonexistent)

-- method lookup through __index
local Animal = {}
Animal.__index = Animal
function Animal.speak(self) return self.name .. " makes a sound" end
local dog = setmetatable({name = "Rex"}, Animal)
print(dog:speak())
