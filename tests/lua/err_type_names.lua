-- Runtime error messages name a value by its metatable's __name (as
-- luaT_objtypename), and stripped dumps give no positions or local names.
local XX = setmetatable({}, {__name = "My Type"})
print(pcall(function() return XX + 1 end))
print(pcall(function() return XX < XX end))
print(pcall(function() return {} < XX end))
print(pcall(function() return XX < io.stdin end))
print(pcall(function() return ~io.stdin end))
print(pcall(function() return #XX .. "" end))
print(pcall(function() for i = io.stdin, 10 do end end))
print(pcall(function() return XX() end))
print(pcall(function() return XX .. "x" end))
local f = load(string.dump(function(a) return a + 1 end, true))
print(f(3), pcall(f, {}))
