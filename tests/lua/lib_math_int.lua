-- math functions that care about integers versus floats: abs, ceil, floor,
-- fmod, modf, tointeger, type, ult, max, min and the constants.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end
-- show each result with its subtype
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    t[i] = (math.type(v) or type(v)) .. ":" .. tostring(v)
  end
  return table.concat(t, " ")
end
local MAX, MIN = math.maxinteger, math.mininteger

print("-- constants")
print(show(math.pi, math.huge, -math.huge, MAX, MIN))
print(MAX + 1 == MIN, MIN - 1 == MAX, math.pi == 3.141592653589793)

print("-- abs")
print(show(math.abs(-5), math.abs(5), math.abs(-5.5), math.abs(-0.0), math.abs(MIN), math.abs(MAX)))
print(show(math.abs("-3"), math.abs("-3.0"), math.abs(-math.huge)))
try("abs nil", math.abs)
try("abs str", math.abs, "x")

print("-- ceil/floor")
for _, v in ipairs({3.7, -3.7, 3.0, -3.0, 0.5, -0.5, -0.0, 5, -5, 2^53 + 1, 1e100, -1e100,
    2^63, -2^63, math.huge, -math.huge, MAX, MIN, 0.1e-300}) do
  print(v, show(math.floor(v), math.ceil(v)))
end
print(show(math.floor("3.5"), math.ceil("3.5"), math.floor("10")))
local nan = 0/0
print(math.floor(nan) ~= math.floor(nan), math.ceil(nan) ~= math.ceil(nan))
try("floor nil", math.floor)
try("ceil table", math.ceil, {})

print("-- fmod")
print(show(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(-7, -3)))
print(show(math.fmod(7.5, 2), math.fmod(-7.5, 2), math.fmod(7, 2.5), math.fmod(1, 0.0)))
print(show(math.fmod(MIN, -1), math.fmod(MAX, MIN), math.fmod(MIN, MAX), math.fmod(5, MIN)))
print(show(math.fmod(3, math.huge), math.fmod(-0.0, 1), math.fmod(0, -1)))
print(show(math.fmod("7", "3"), math.fmod(7.0, 3)))
print(math.fmod(math.huge, 1) ~= math.fmod(math.huge, 1))
try("fmod zero", math.fmod, 1, 0)
try("fmod zero neg", math.fmod, -1, 0)
try("fmod one arg", math.fmod, 1)
try("fmod str", math.fmod, 1, "x")

print("-- modf")
for _, v in ipairs({3.7, -3.7, 5, -5, 0.0, -0.0, 2^60, math.huge, -math.huge, 1e-10, MIN}) do
  print(v, show(math.modf(v)))
end
local i, f = math.modf(0/0)
print(i ~= i, f ~= f)
print(show(math.modf("2.5")))
try("modf nil", math.modf)

print("-- tointeger")
for _, v in ipairs({3.0, 3.5, -0.0, 2^63, -2^63, 2^53, 1e100, math.huge, 7}) do
  print(v, show(math.tointeger(v)))
end
print(show(math.tointeger("8")), show(math.tointeger("8.0")), show(math.tointeger({})))
print(show(math.tointeger(0/0)), show(math.tointeger(nil)))
try("tointeger none", math.tointeger)

print("-- type")
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil), math.type({}), math.type(MIN))
try("type none", math.type)

print("-- ult")
print(math.ult(1, 2), math.ult(2, 1), math.ult(-1, 1), math.ult(1, -1), math.ult(MAX, MIN), math.ult(0, 0))
print(math.ult(2.0, 3), math.ult("1", "2"))
try("ult float", math.ult, 1.5, 2)
try("ult nil", math.ult, 1)

print("-- max/min")
print(show(math.max(1, 2, 3), math.min(1, 2, 3), math.max(3), math.min(-1.5)))
print(show(math.max(1, 2.0), math.max(2.0, 1), math.max(2, 2.0), math.max(2.0, 2)))
print(show(math.min(1, 1.0), math.min(1.0, 1), math.min(MIN, -math.huge), math.max(MAX, 2^63)))
-- numeric strings pass the argument check but are compared as they are
try("max numeric string", math.max, "10", 9)
try("min numeric strings", math.min, "10", "9")
print(show(math.max(0.0, -0.0), math.max(-0.0, 0.0), math.min(0.0, -0.0)))
print(show(math.max(nan, 1), math.max(1, nan), math.min(nan, 1), math.min(1, nan)))
try("max none", math.max)
try("min none", math.min)
try("max str", math.max, 1, "x")
try("min nil", math.min, 1, nil)
print(pcall(function() return math.max() end))
