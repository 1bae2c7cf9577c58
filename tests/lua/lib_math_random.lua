-- math.random and math.randomseed: with a fixed seed the xoshiro256**
-- sequence is Lua's own, for floats, ranges and whole 64-bit integers.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end

math.randomseed(42)
local out = {}
for i = 1, 5 do out[i] = string.format("%.17g", math.random()) end
print(table.concat(out, " "))
out = {}
for i = 1, 10 do out[i] = math.random(6) end
print(table.concat(out, " "))
out = {}
for i = 1, 10 do out[i] = math.random(-3, 3) end
print(table.concat(out, " "))
out = {}
for i = 1, 4 do out[i] = math.random(0) end
print(table.concat(out, " "))
print(math.random(math.mininteger, math.maxinteger), math.random(1, math.maxinteger))
print(math.random(math.maxinteger), math.random(math.mininteger, -1), math.random(5, 5))
print(math.random(3.0), math.random("2", "4"), math.type(math.random(10)), math.type(math.random()))

-- the same seed gives the same sequence; two seed parts count
math.randomseed(7)
local a = {math.random(100), math.random(100), math.random()}
math.randomseed(7)
local b = {math.random(100), math.random(100), math.random()}
print(a[1] == b[1] and a[2] == b[2] and a[3] == b[3], a[1], a[2])
math.randomseed(7, 1)
print(math.random(100), math.random(100))
math.randomseed(7.0)
print(math.random(100))
math.randomseed(-1)
print(math.random(0))
math.randomseed(0)
print(math.random(0), string.format("%.17g", math.random()))
math.randomseed(2^53)
print(math.random(1000))
math.randomseed("12")
print(math.random(1000))

-- randomseed returns the two seed parts it used (random ones without arguments)
print(math.randomseed(5))
print(math.randomseed(-3, 99))
print(select("#", math.randomseed()), math.type((math.randomseed())))

-- results stay in range
math.randomseed(123)
local okr = true
for i = 1, 2000 do
  local x, y = math.random(), math.random(-10, 10)
  if x < 0 or x >= 1 or y < -10 or y > 10 or math.type(y) ~= "integer" then okr = false end
end
print("in range", okr)

-- an unseeded generator (or randomseed()) is random: only types are stable
math.randomseed()
print(math.type(math.random(10)), math.random(1, 1))

try("empty interval", math.random, 0.5 + 0.5, 0)
try("empty m", math.random, 2, 1)
try("empty -1", math.random, -1)
try("too many", math.random, 1, 2, 3)
try("float arg", math.random, 1.5)
try("string arg", math.random, "x")
try("float second", math.random, 1, 2.5)
try("seed float", math.randomseed, 1.5)
try("seed string", math.randomseed, "x")
print(pcall(function() return math.random(3, 1) end))
