-- calls of local functions whose results the compiler can see
local function one(x) return x end
local function none() end
local function maybe(x) if x then return 1 end end
local function two() return 1, 2 end
local function pass(...) return ... end
local function tail(x) return one(x) end
local function branches(x)
  if x > 0 then return "pos" elseif x < 0 then return "neg" else return "zero" end
end
print(one(1), one(nil), one())
print(select("#", one(nil)), select("#", none()), select("#", maybe(false)))
print(select("#", tail(nil)), (two()), two())
print(({ one(5), one(6) })[2], #{ one(1), one(2), one(3) })
print(branches(1), branches(-1), branches(0))
local a, b, c = one(1), one(2)
print(a, b, c)
print(pass(one(7), two()))

-- integer results near the edge keep wrapping like Lua
local function big() return math.maxinteger end
local function inc(x) return x + 1 end
local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end
print(big() + 1 == math.mininteger, inc(big()), sum(100), big() * 2)
local function half(x) return x / 2 end
print(half(3), half(4), inc(1.5), inc("10"))

-- a variable assigned twice is not trusted
local f = function() return 1 end
f = function() return 1, 2 end
print(f())
local g
g = one
print(g(3, 4))

-- results of a known function used as table keys and in comparisons
local t = {}
t[one(1)] = "a"
t[one(2.0)] = "b"
print(t[1], t[2], one(3) < one(4), one("x") .. one("y"))
print(pcall(inc, nil))
print(pcall(inc, {}))
