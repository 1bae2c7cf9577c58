-- bitwise metamethods
local B = {}
local function bits(v) return setmetatable({v = v}, B) end
local function val(x) return type(x) == "table" and x.v or x end
local log = {}
local function op(name, f)
  B[name] = function(a, b)
    log[#log + 1] = name
    return bits(f(val(a), val(b)))
  end
end
op("__band", function(a, b) return a & b end)
op("__bor", function(a, b) return a | b end)
op("__bxor", function(a, b) return a ~ b end)
op("__shl", function(a, b) return a << b end)
op("__shr", function(a, b) return a >> b end)
op("__bnot", function(a) return ~a end)

local x, y = bits(12), bits(10)
print("band", (x & y).v, (x & 4).v, (4 & x).v)
print("bor", (x | y).v, (x | 1).v)
print("bxor", (x ~ y).v, (1 ~ x).v)
print("shl", (x << 2).v, (1 << bits(3)).v)
print("shr", (x >> 2).v, (256 >> bits(4)).v)
print("bnot", (~x).v)
print("log", table.concat(log, " "))

-- __bnot receives operand twice
local N = setmetatable({}, {__bnot = function(a, b) return rawequal(a, b) end})
print("bnot args", ~N)

-- floats that are not integral use the metamethod of the other operand
local F = setmetatable({}, {__band = function(a, b) 
  local function d(v) return type(v) == "table" and "F" or tostring(v) end
  return "meta band " .. d(a) .. " " .. d(b)
end})
print(1.5 & F)
print(F & 2.5)

-- a string operand with a table operand uses the table's metamethod
print("str" | setmetatable({}, {__bor = function(a, b) return "bor:" .. a end}))

-- errors when missing
print(pcall(function() return {} & 1 end))
print(pcall(function() local t = {} return ~t end))
print(pcall(function() local t = {} return 1 << t end))

-- flags class
local Flags = {}
Flags.__index = Flags
Flags.__bor = function(a, b) return setmetatable({bits = a.bits | b.bits}, Flags) end
Flags.__band = function(a, b) return setmetatable({bits = a.bits & b.bits}, Flags) end
Flags.__tostring = function(f)
  local names = {}
  for i, n in ipairs({"READ", "WRITE", "EXEC"}) do
    if f.bits & (1 << (i - 1)) ~= 0 then names[#names + 1] = n end
  end
  return "Flags{" .. table.concat(names, "|") .. "}"
end
local READ = setmetatable({bits = 1}, Flags)
local WRITE = setmetatable({bits = 2}, Flags)
local EXEC = setmetatable({bits = 4}, Flags)
print(tostring(READ | WRITE), tostring((READ | WRITE | EXEC) & WRITE), tostring(READ & EXEC))
