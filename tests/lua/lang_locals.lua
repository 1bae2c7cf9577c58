-- locals and globals basics
x = 10
local y = 20
print("global x", x, "local y", y)

local a, b, c = 1, 2
print("a b c", a, b, c)

local d <const> = 42
print("const d", d)

g1 = "first"
local function show() return g1, y end
print(show())
g1 = "second"
y = 21
print(show())

-- globals are fields of _G
print("_G.x", _G.x, rawget(_G, "x"))
_G.newglobal = 99
print("newglobal", newglobal)
newglobal = nil
print("after nil", newglobal, rawget(_G, "newglobal"))

-- undeclared global reads nil
print("undeclared", undeclared_thing)

-- locals do not leak
do
  local inner = "inside"
  print("inner", inner)
end
print("inner outside", inner)

-- local function vs local var = function
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print("fact 10", fact(10))

local count = 0
local function inc() count = count + 1; return count end
inc(); inc()
print("count", count, inc())

-- assignment to a local shadowing a global does not touch the global
z = "global z"
do
  local z = "local z"
  z = "changed local z"
  print(z)
end
print(z)

-- multiple declarations of the same name in one statement: last wins
local q, q = 1, 2
print("q", q)

-- local without value is nil
local nothing
print("nothing", nothing, type(nothing))

-- many locals
local l1, l2, l3, l4, l5, l6, l7, l8 = 1, 2, 3, 4, 5, 6, 7, 8
print(l1 + l2 + l3 + l4 + l5 + l6 + l7 + l8)
