-- assignment adjust and evaluation order
local a, b, c = 1, 2
print("fewer values", a, b, c)
a, b = 10, 20, 30
print("more values", a, b)
local function two() return "x", "y" end
a, b, c = two()
print("call at end expands", a, b, c)
a, b, c = two(), "z"
print("call not at end truncated", a, b, c)
a, b, c = 0, two()
print("call after value", a, b, c)
a, b, c = (two())
print("paren call", a, b, c)

-- swap
local x, y = 1, 2
x, y = y, x
print("swap", x, y)
local p, q, r = "p", "q", "r"
p, q, r = r, p, q
print("rotate", p, q, r)

-- all right-hand expressions evaluated before assignment
local i = 1
local t = {}
i, t[i] = i + 1, "set"
print("i", i, "t[1]", t[1], "t[2]", t[2])

-- table swap
local arr = {1, 2, 3}
arr[1], arr[3] = arr[3], arr[1]
print("arr", table.concat(arr, ","))

-- assignment with function calls evaluated left to right on the right side
local order = {}
local function f(n) order[#order + 1] = n; return n end
local u, v, w = f(1), f(2), f(3)
print("order", table.concat(order, ","), u, v, w)

-- global and field assignment in one statement
local obj = {}
gx, obj.field, obj["k"] = "g", "f", "k"
print("mixed targets", gx, obj.field, obj.k)

-- nested tables
local n = {a = {b = {}}}
n.a.b.c, n.a.d = 1, 2
print("nested", n.a.b.c, n.a.d)

-- assigning nil removes
n.a.d = nil
print("removed", n.a.d)

-- multiple assignment with same target (only check the lhs evaluation, value is unspecified-free case)
local s = {}
s.x, s.y = 1
print("s.x s.y", s.x, s.y)

-- chained adjust with varargs
local function va(...)
  local m1, m2, m3 = ...
  return m1, m2, m3
end
print("va adjust", va(1))
print("va adjust", va(1, 2, 3, 4))

-- locals initialised from globals of same name
local print, tostring = print, tostring
print("local print works", tostring(42))

-- compound updates
local cnt = 0
for _ = 1, 5 do cnt = cnt + 2 end
print("cnt", cnt)
local str = ""
for k = 1, 3 do str = str .. k end
print("str", str)
