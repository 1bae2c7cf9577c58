-- math functions on floats: sqrt, exp, log (with bases), sin, cos, tan,
-- asin, acos, atan (with two arguments), deg, rad. Results print with %.14g
-- (what tostring shows) so last-bit libm differences cannot matter.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end
local function g(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    t[i] = math.type(v) == "float" and string.format("%.14g", v) or (math.type(v) or type(v)) .. ":" .. tostring(v)
  end
  return table.concat(t, " ")
end

print("-- sqrt/exp/log")
print(g(math.sqrt(16), math.sqrt(2), math.sqrt(0), math.sqrt(-0.0), math.sqrt(math.huge), math.sqrt("9")))
print(g(math.exp(0), math.exp(1), math.exp(-1), math.exp(710), math.exp(-math.huge)))
print(g(math.log(1), math.log(math.exp(2)), math.log(0), math.log(8, 2), math.log(100, 10)))
print(g(math.log(1024, 2), math.log(27, 3), math.log(2, 0.5), math.log(1, 1), math.log(10, "10")))
print(g(math.log(2^60, 2), math.log(1000, 10), math.log(0.001, 10), math.log(5, 1)))
print(math.sqrt(-1) ~= math.sqrt(-1), math.log(-1) ~= math.log(-1))
print(math.type(math.sqrt(4)), math.type(math.exp(0)), math.type(math.log(8, 2)))
try("sqrt nil", math.sqrt)
try("exp str", math.exp, "e")
try("log base nil", math.log, 8, {})
try("log none", math.log)

print("-- trigonometry")
print(g(math.sin(0), math.sin(math.pi / 2), math.sin(math.pi / 6), math.sin(-0.0)))
print(g(math.cos(0), math.cos(math.pi), math.cos(math.pi / 3), math.tan(0), math.tan(math.pi / 4)))
print(g(math.asin(1), math.asin(0), math.asin(-0.5), math.acos(1), math.acos(0), math.acos(-1)))
print(g(math.atan(1), math.atan(0), math.atan(math.huge), math.atan(-math.huge)))
print(g(math.atan(1, 1), math.atan(1, -1), math.atan(-1, -1), math.atan(-1, 1), math.atan(0, -1)))
print(g(math.atan(0, 0), math.atan(-0.0, -1), math.atan(1, 0), math.atan(3, nil), math.atan("1", "2")))
print(math.asin(2) ~= math.asin(2), math.acos(-2) ~= math.acos(-2), math.sin(math.huge) ~= math.sin(math.huge))
print(math.type(math.sin(0)), math.type(math.atan(0, 1)))
try("sin nil", math.sin)
try("cos table", math.cos, {})
try("tan bool", math.tan, true)
try("asin none", math.asin)
try("acos str", math.acos, "x")
-- (called from Lua: through pcall, lua5.4 may name it by its alias math.atan2)
print(pcall(function() return math.atan() end))
print(pcall(function() return math.atan(1, "x") end))

print("-- deg/rad")
print(g(math.deg(math.pi), math.deg(1), math.deg(0), math.deg(-math.pi / 2), math.deg(180)))
print(g(math.rad(180), math.rad(90), math.rad(0), math.rad(-45), math.rad("360")))
print(math.type(math.deg(0)), math.type(math.rad(0)), math.deg(math.huge))
try("deg none", math.deg)
try("rad str", math.rad, "x")

print("-- integer arguments become floats")
print(g(math.sqrt(math.maxinteger), math.sin(1), math.exp(2), math.rad(1)))
