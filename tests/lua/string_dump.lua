-- string.dump and load of its result (moonlet keeps the source text)
local function add(a, b) return a + b end
local d = string.dump(add)
print(type(d), d:sub(1, 4) == "\27Lua")
local f = load(d)
print(f(1, 2))
local d2 = string.dump(add, true)
print(#d2 ~= #d, load(d2)(3, 4))
local t = {}
function t:m(x) return self, x end
local m2 = load(string.dump(t.m))
print(select(2, m2(1, 2)))
print(pcall(string.dump, print))
print(load(string.dump(add), "x", "t"))
print(load("return 1", "x", "b"))
local g = load(string.dump(function() return gx end))
gx = "global"
