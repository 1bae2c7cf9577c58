-- _G, _VERSION, collectgarbage and other base functions
print("_VERSION", _VERSION)
print("_G._G == _G", _G._G == _G, type(_G))
print("collectgarbage count type", type(collectgarbage("count")), math.type(collectgarbage("count")))
print("collectgarbage collect", collectgarbage("collect"), collectgarbage())
print("collectgarbage isrunning", collectgarbage("isrunning"))

-- base functions present in _G
local names = {"assert", "collectgarbage", "dofile", "error", "getmetatable", "ipairs", "load", "loadfile",
  "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawlen", "rawset", "require", "select",
  "setmetatable", "tonumber", "tostring", "type", "xpcall"}
local missing = {}
for _, n in ipairs(names) do
  if type(_G[n]) ~= "function" then missing[#missing + 1] = n end
end
print("missing base functions", #missing, table.concat(missing, ","))
local libs = {"coroutine", "math", "string", "table", "io", "os", "utf8", "package", "debug"}
for _, l in ipairs(libs) do io.write(l, "=", type(_G[l]), " ") end
print()

-- globals are entries of _G
_G.viaG = "set through _G"
print(viaG)
globalvar = 5
print(_G.globalvar, _G["globalvar"])
-- iterate _G for the names we created (sorted)
local mine = {}
for k, v in pairs(_G) do
  if type(k) == "string" and (k == "viaG" or k == "globalvar") then mine[#mine + 1] = k .. "=" .. tostring(v) end
end
table.sort(mine)
print(table.concat(mine, " "))

-- select
print(select("#"), select("#", nil), select("#", 1, 2, 3))
print(select(1, "a", "b"), select(3, "a", "b", "c"))
print(select(-1, "a", "b", "c"), select(-3, "a", "b", "c"))
print(pcall(select, "x", 1))
print(select(2.0, "a", "b"))

-- ipairs on strings is an error, on tables fine
print(pcall(ipairs))
print(pcall(function() for i, v in ipairs(nil) do end end))

-- next and pairs argument errors
print(pcall(next))
print(pcall(pairs))
-- pairs accepts any value and returns next (the error comes when next runs)
local okp, f1, s1, c1 = pcall(pairs, 1)
print(okp, f1 == next, s1, c1)
print(pcall(function() for k in pairs(1) do end end))

-- getmetatable on strings
print(type(getmetatable("")), getmetatable("").__index == string)

-- rawequal, rawlen, rawget argument errors
print(pcall(rawequal, 1))
print(pcall(rawlen))

-- tostring / tonumber on function results
print(tostring(select('#')), tonumber(tostring(42)))

-- math and string library constants
print(math.maxinteger, math.mininteger, math.pi, math.huge)
print(utf8.char(72, 228, 8364), utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")

-- os and io basics that are deterministic
print(type(os.time()), type(os.clock()), os.getenv("THIS_ENV_VAR_DOES_NOT_EXIST_12345"))
print(io.write("written by io.write\n") == io.stdout)
