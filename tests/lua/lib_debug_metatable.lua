-- debug.getmetatable, setmetatable, getregistry, getuservalue, setuservalue

local t = setmetatable({}, {__metatable = "locked", __index = {x = 1}})
print(getmetatable(t), type(debug.getmetatable(t)), debug.getmetatable(t).__metatable)
print(debug.setmetatable(t, nil) == t, getmetatable(t), t.x)
print(debug.setmetatable(t, {__index = {x = 2}}) == t, t.x)
print(debug.getmetatable({}), debug.getmetatable(1), debug.getmetatable(nil))
print(debug.getmetatable("s").__index == string)
print(pcall(debug.getmetatable))
print(pcall(debug.setmetatable, t, 1))
print(pcall(debug.setmetatable, t))

-- the registry
local reg = debug.getregistry()
print(type(reg), reg._LOADED == package.loaded, reg[2] == _G, type(reg[1]))
print(debug.getregistry() == reg)

-- user values: io files have none
print(debug.getuservalue(io.stdout), debug.getuservalue(io.stdout, 2))
print(debug.getuservalue(1), debug.getuservalue({}))
print(debug.setuservalue(io.stdout, 1), debug.setuservalue(io.stdout, 1, 2))
print(pcall(debug.setuservalue, {}, 1))
print(pcall(debug.setuservalue, debug.upvalueid(function() return t end, 1), 1))
print(pcall(debug.setuservalue, io.stdout))

-- the string metatable can be replaced
local smt = debug.getmetatable("")
local methods = setmetatable({hi = function(s) return "hi " .. s end}, {__index = string})
local mt2 = {__index = methods}
print(debug.setmetatable("", mt2) == "")
print(("x"):hi(), getmetatable("y") == mt2, ("x"):upper())
debug.setmetatable("", smt)
print(("x"):upper(), pcall(function() return ("x"):hi() end))
