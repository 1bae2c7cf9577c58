-- local functions called with fewer, equal or more arguments than parameters
local function two(a, b) return a, b end
local function one(a) return a end
print(two(1), two(1, 2), two(1, 2, 3))
print(one(), one(1), one(1, 2))
print(one(two(5, 6)), (two(7, 8)))
local function count(...) return select("#", ...) end
print(count(two(1, 2)), count(one(1)))
local function rec(n, acc)
  if n == 0 then return acc end
  return rec(n - 1, acc + n)
end
print(rec(100, 0), rec(10, 0, "extra"))
local t = { f = one }
print(t.f(1, 2, 3))
local function late(x) return x end
local pass = late
print(pass(1, 2), late(3))
