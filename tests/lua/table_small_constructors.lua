-- small constructors in return and local statements
local function pair(a, b) return { a, b } end
local function rec(x) return { x = x, y = x and x * 2 } end
local p = pair(1, nil)
print(#p, p[1], p[2])
local q = pair(nil, 2)
print(q[1], q[2])
local r = rec(3)
print(r.x, r.y)
local s = rec(nil)
print(s.x, s.y, next(s))
local x = 10
local t = { x, x + 1 }
print(t[1], t[2])
local function f() return 1, 2, 3 end
local u = { f(), f() }
print(#u, u[1], u[2], u[3], u[4])
local n = 0
local function tick() n = n + 1; return n end
local v = { a = tick(), b = tick(), c = tick() }
print(v.a, v.b, v.c)
local w = { [1] = "one", "two" }
print(w[1])
