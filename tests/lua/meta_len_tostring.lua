-- __len, __tostring, __name
local L = setmetatable({1, 2, 3}, {__len = function(t) return 42 end})
print("__len", #L, rawlen(L))
local L2 = setmetatable({}, {__len = function() return "not a number" end})
print("__len any value", #L2)
local L3 = setmetatable({}, {__len = function(t, u) return rawequal(t, u) end})
print("__len args", #L3)

-- __len used by ipairs? no; used by table.insert/#
local Q = setmetatable({}, {__len = function() return 10 end})
table.insert(Q, "x")
print("table.insert uses __len", rawget(Q, 11))

-- __tostring
local T = setmetatable({}, {__tostring = function() return "I am T" end})
print(T, tostring(T))
print("string.format %s", string.format("%s|%10s", T, T))
local nested = setmetatable({v = 1}, {__tostring = function(s) return "N(" .. s.v .. ")" end})
print(nested)

-- __tostring must return a string
local bad = setmetatable({}, {__tostring = function() return 42 end})
print(pcall(tostring, bad))
local worse = setmetatable({}, {__tostring = function() return {} end})
print(pcall(tostring, worse))

-- __name in tostring output and error messages
local named = setmetatable({}, {__name = "MyType"})
local s = tostring(named)
print("tostring with __name", (s:gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR")))
print("starts with MyType:", s:sub(1, 8) == "MyType: ")
-- __name is used by luaL_typeerror (bad argument messages)
print(pcall(string.rep, named, 1))
print(pcall(math.floor, named))
-- __name with __tostring: __tostring wins
local both = setmetatable({}, {__name = "Hidden", __tostring = function() return "shown" end})
print(tostring(both))
-- __name not a string is ignored
local badname = setmetatable({}, {__name = 123})
print("bad __name", tostring(badname):sub(1, 7))

-- tostring of basic values
print(tostring(nil), tostring(true), tostring(12), tostring(-1.5), tostring("s"))
print("table prefix", tostring({}):sub(1, 7), "function prefix", tostring(print):sub(1, 10))

-- print calls __tostring
local Point = {}
Point.__index = Point
Point.__tostring = function(p) return "Point(" .. p.x .. ", " .. p.y .. ")" end
Point.__len = function(p) return 2 end
local p = setmetatable({x = 3, y = 4}, Point)
print(p, #p)
print("concat via tostring", "pt=" .. tostring(p))
-- table.concat does not call __tostring
print(pcall(table.concat, {p}))
