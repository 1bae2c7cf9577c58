-- shifts: large, negative, logical
for _, n in ipairs({0, 1, 2, 31, 32, 62, 63, 64, 65, 100, -1, -2, -63, -64, -65}) do
  print(string.format("n=%4d  1<<n=%d  -1>>n=%d  0x80>>n=%d  -1<<n=%d", n, 1 << n, -1 >> n, 0x80 >> n, -1 << n))
end
print("shr is logical", -8 >> 1, math.mininteger >> 1, string.format("%x", -8 >> 1))
print("arith shift via //", -8 // 2)
print("shift by float", 1 << 2.0, 16 >> 2.0)
print("shift by string", pcall(function() return 1 << "2" end))
print("shift by math.mininteger", 1 << math.mininteger, -1 >> math.mininteger)
print("shift by math.maxinteger", 1 << math.maxinteger, -1 >> math.maxinteger)
print("rotate left 8-bit", ((0x81 << 1) | (0x81 >> 7)) & 0xFF)
local function rol64(x, n) return (x << n) | (x >> (64 - n)) end
print("rol64", string.format("%x", rol64(0x8000000000000001, 4)))
print(pcall(function() return 1 << 1.5 end))

-- shifts with variables (not constant-folded)
local function shl(a, b) return a << b end
local function shr(a, b) return a >> b end
for _, n in ipairs({63, 64, -64, 1000, -1000}) do
  print("vars", n, shl(1, n), shr(math.mininteger, n), shl(-1, n), shr(-1, n))
end
-- shifts on integral floats and their errors
print("float operands", shl(2.0, 3), shr(1024.0, 5.0), math.type(shl(2.0, 3)))
print(pcall(shl, 2.5, 1))
print(pcall(shr, 8, 0.5))
print(pcall(shl, 1, 2^64))
-- multiplying by powers of two with shifts
local t = {}
for i = 0, 8 do t[#t + 1] = 3 << i end
print("3 << 0..8", table.concat(t, " "))
-- extracting bytes
local v = 0x1122334455667788
local bytes = {}
for i = 7, 0, -1 do bytes[#bytes + 1] = string.format("%02x", (v >> (i * 8)) & 0xff) end
print("bytes", table.concat(bytes, " "))
