-- %.14g float printing
local vals = {0.1, 1/3, 2/3, 100.0, 1e100, 123456789012.5, 0.1 + 0.2, 1e-5, 1e-300,
  123456.789, 1234567890123.0, 12345678901234.0, 123456789012345.0, 3.14159265358979,
  -2.5, 1e14, 1e15, 1e16, 5e-324, 1.7976931348623157e308, 0.5, 2^24, 2^-10, 100 / 3}
for i, v in ipairs(vals) do
  print(i, v, tostring(v), v .. "")
end
print("integers stay integers", 100, -7, 0, 1000000000000)
print("float with integral value", 100.0, -7.0, 1e3, 2^10, 10 / 2)
print("string.format %.14g", string.format("%.14g", 0.1), string.format("%.17g", 0.1))
print("string.format %s of float", string.format("%s %s", 1.5, 2.0))
print("concat floats", 1.5 .. "|" .. 2.0 .. "|" .. 1e20 .. "|" .. -0.0)
print("tostring(1e15)", tostring(1e15), tostring(1e15 + 0.5))
print("round trip", tonumber(tostring(0.1)) == 0.1, tonumber(tostring(1/3)) == 1/3)
print("%5.2f", string.format("[%5.2f] [%-8.3f] [%+d] [%05d] [% d]", 3.14159, 2.5, 5, 42, 7))
print("%e", string.format("%e %.2e %E", 12345.678, 0.000123, 1e10))
print("%g variants", string.format("%g %g %g %g %.3g", 0.0001, 0.00001, 1e6, 1e5, 3.14159))
print("math.pi", math.pi, -math.pi)
print("sums", 0.1 + 0.7, 1 - 0.9, 4.35 * 100)

-- floats computed at run time (not constant-folded)
local function div(a, b) return a / b end
for _, p in ipairs({{1, 3}, {2, 3}, {10, 4}, {1, 7}, {22, 7}, {1e10, 3}, {-1, 3}, {5, 0.1}}) do
  print("div", p[1], p[2], div(p[1], p[2]))
end
-- accumulating error
local acc = 0
for _ = 1, 10 do acc = acc + 0.1 end
print("ten tenths", acc, acc == 1.0, string.format("%.17g", acc))
-- conversions that print as integers vs floats
print(3 * 1.0, 2^2, 7 // 1.0, math.floor(3.9), math.ceil(3.1) * 1.0, 1e2, 1e2 // 1)
