-- load with string chunks
local f = load("return 1 + 2")
print("simple", f())
print("type", type(f))

local g = load("local a, b = ... ; return a * b, a + b")
print("varargs", g(6, 7))

-- chunk names in error messages
local h = load("error('runtime in chunk')", "=mychunk")
print(pcall(h))
local h2 = load("error('runtime in chunk')", "@file.lua")
print(pcall(h2))
local h3 = load("error('runtime in chunk')", "literal name")
print(pcall(h3))
local h4 = load("error('runtime in chunk')")
print(pcall(h4))
local h5 = load("\n\nlocal x = nil + 1")
print(pcall(h5))
local h6 = load("return 1", "=")
print("empty =name", h6())

-- syntax errors return nil + message
print(load("return +"))
print(load("x ="))
print(load("local 1 = 2", "=named"))
print(load("for i = 1 do end", "@script.lua"))
print(load("return 'unterminated"))
print(load("goto nowhere"))
print(load("break"))
print(load("::a:: ::a::"))
print(load("local x <const> = 1; x = 2", "=c"))
print(load("return 1 +* 2"))
print(load("x = }"))
print(load("return \"\\q\""))

-- mode
print(load("return 'text ok'", "t", "t")())
print(load("return 1", "bin", "b"))
print(pcall(load, "return 1", "x", "q"))

-- custom environment
local env = {value = 42}
local e = load("return value, print", "env", "t", env)
print("custom env", e())
local setter = load("newglobal = 'set in env'", "setter", "t", env)
setter()
print("env got", env.newglobal, "global", newglobal)

-- env table with __index to _G
local sandbox = setmetatable({}, {__index = _G})
load("x_in_sandbox = tostring(123) .. '!'", "sb", "t", sandbox)()
print("sandbox", sandbox.x_in_sandbox, x_in_sandbox)

-- nil env (explicit) means no globals at all
local noenv = load("return print", "noenv", "t", nil)
print("nil env", pcall(noenv))

-- functions from load are independent closures each time
local counter = load("local n = 0; return function() n = n + 1; return n end")
local c1, c2 = counter(), counter()
print("independent", c1(), c1(), c2())

-- load of the empty string
local empty = load("")
print("empty chunk", type(empty), select('#', empty()))

-- load returns the main chunk which is vararg
print(load("return select('#', ...)")(1, 2, 3))

-- load with a non-string non-function argument
print(pcall(load, 42))
print(pcall(load, nil))
