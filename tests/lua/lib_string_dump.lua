-- string.dump: binary chunks load back as working functions (with fresh
-- upvalues), strip keeps them working, and only Lua functions can be dumped.
local d = string.dump(function(a, ...) return a, select("#", ...), ... end)
print(type(d), d:byte(1) == 27, d:sub(2, 4))
local f = load(d, "dumped", "b")
print(f(1, 2, 3))
print(load(d, "dumped", "bt")("x"))

-- a dumped function gets fresh upvalues: the first one becomes the load
-- environment (here _ENV, used first by `type`), the others start as nil
local counter = 0
local function peek() return type(counter), counter end
print(peek(), load(string.dump(peek))())
local function useenv() return type(print) end
print(load(string.dump(useenv))())
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(5), load(string.dump(function(n) return n * 2 end))(21))

-- strip drops debug information only
local s1, s2 = string.dump(useenv), string.dump(useenv, true)
print(#s2 <= #s1, load(s2)())

-- the text loader refuses binary chunks and vice versa
print(load(d, "dumped", "t"))
print(load("return 1", "src", "b"))

print(pcall(string.dump, print))
print(pcall(string.dump, string.format))
print(pcall(string.dump))
print(pcall(string.dump, "x"))
print(pcall(string.dump, {}))
print(pcall(function() return string.dump(1) end))
