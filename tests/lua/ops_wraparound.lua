-- 64-bit integer wraparound
local max, min = math.maxinteger, math.mininteger
print("max", max, "min", min)
print("max + 1", max + 1, max + 1 == min)
print("min - 1", min - 1, min - 1 == max)
print("min * -1", min * -1)
print("-min", -min)
print("max * 2", max * 2)
print("max * max", max * max)
print("min * min", min * min)
print("big mult", 123456789 * 987654321 * 1000)
print("overflow mult", 0x100000000 * 0x100000000)
print("3^40 as int mult", (function() local x = 1 for _ = 1, 40 do x = x * 3 end return x end)())
print("factorial 25 wraps", (function() local x = 1 for i = 1, 25 do x = x * i end return x end)())
print("float does not wrap", max + 1.0, min - 1.0, 2.0^63)
print("max + 0.0", max + 0.0, math.type(max + 0.0))
print("abs(min)", math.abs(min))
print("min // -1", min // -1, "min % -1", min % -1)
print("sum wraps", max + max, min + min)
print("subtraction", 0 - min, min - max, max - min)
print("hex", 0x7fffffffffffffff + 1, 0xffffffffffffffff, 0x8000000000000000)
print("string.format %d", string.format("%d", min), string.format("%x", -1))
print("compare after wrap", max + 1 < max, min - 1 > min)
print("tostring", tostring(max + 1), tostring(-max - 1))
print("math.tointeger(2^63)", math.tointeger(2^63), math.tointeger(-2^63))
print("float to int comparison", max == 2^63, max < 2^63, min == -2^63, max + 0.0 == 2^63)
print("int vs float precision", 2^53 == 2^53 + 1, math.tointeger(2^53) + 1)
print("hash of wrapped keys", ({[min] = "min"})[max + 1])
local h = 0
for i = 1, 100 do h = h * 31 + i end
print("rolling hash", h)
local x = 1
for i = 1, 70 do x = x * 2 end
print("2^70 by doubling", x)
