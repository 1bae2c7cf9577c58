-- and / or / not return operands
print("and", 1 and 2, nil and 2, false and 2, 0 and "zero", "" and "empty")
print("or", 1 or 2, nil or 2, false or nil, nil or false, false or "x")
print("not", not nil, not false, not 0, not "", not {}, not not nil)
print("precedence", not nil == true, not (nil == true), 1 or 2 and 3, nil and 1 or 2)
print("ternary idiom", true and "yes" or "no", false and "yes" or "no", true and false or "fallback")

-- short-circuit: right side not evaluated
local calls = {}
local function f(name, v) calls[#calls + 1] = name; return v end
local r1 = f("a", false) and f("b", true)
local r2 = f("c", true) or f("d", true)
local r3 = f("e", nil) or f("f", false) or f("g", "last")
local r4 = f("h", 1) and f("i", 2) and f("j", nil) and f("k", 3)
print("results", r1, r2, r3, r4)
print("evaluated", table.concat(calls, ","))

-- multiple results truncated to one in and/or
local function two() return 1, 2 end
print("and/or truncate", two() and two(), nil or two())
print("count", select('#', nil or two()))

-- defaults idiom
local function greet(name) name = name or "world"; return "hello " .. name end
print(greet(), greet("lua"), greet(false))

-- and/or with nested expressions
local x = 5
print("range check", x > 0 and x < 10, x > 0 and x > 10, (x > 10) or (x == 5))
local t = {inner = {value = 42}}
print("safe navigation", t and t.inner and t.inner.value, t.missing and t.missing.value)

-- not with comparison
print("not comparisons", not (1 < 2), not 1 == 2)

-- or with false vs nil
print("false or nil", false or nil, nil or false)

-- and/or in conditions of loops
local i = 0
while i < 10 and i * i < 20 do i = i + 1 end
print("loop stop", i)

-- boolean values printing and tostring
print(tostring(true), tostring(false), true, false)

-- equality with booleans
print(true == 1, false == nil, (not nil) == true)

-- long chains
local v = nil or false or 0 or "unreached"
print("chain", v)
local w = 1 and 2 and 3 and 4
print("chain and", w)
