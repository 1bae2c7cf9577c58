-- bitwise operators
print("and", 0xF0 & 0x3C, 5 & 3, -1 & 0xFF)
print("or", 0xF0 | 0x0F, 5 | 3, 0 | 0)
print("xor", 0xFF ~ 0x0F, 5 ~ 3, -1 ~ 0)
print("not", ~0, ~5, ~-1, ~math.maxinteger)
print("shl", 1 << 4, 1 << 62, 1 << 63, 3 << 1)
print("shr", 256 >> 4, -1 >> 1, -1 >> 63, math.mininteger >> 63)
print("floats integral", 3.0 & 1, 2.0 | 1.0, 8.0 >> 1, ~0.0, 1.0 << 2, math.type(3.0 & 1))
print("2^53 float", 2^53 | 0, math.type(2^53 | 0))
print("strings?", pcall(function() return "3" & 1 end))
print("precedence", 1 | 2 & 3, 1 ~ 3 & 2, 1 << 2 + 1, 5 & 3 == 1)
print("concat precedence", "a" .. 1 + 2, 2 .. 3 == "23")
print("unary precedence", ~1 + 1, - ~1)
print("hex ops", string.format("%x %x %x", 0xDEADBEEF & 0xFFFF, 0xDEAD0000 | 0xBEEF, 0xFFFFFFFF ~ 0xF0F0F0F0))
print("mininteger", math.mininteger & math.maxinteger, math.mininteger | math.maxinteger, math.mininteger ~ -1)

local function try(label, f)
  local ok, err = pcall(f)
  print(label, ok, err)
end
try("1.5 & 1", function() return 1.5 & 1 end)
try("1 | 2.5", function() local x = 2.5 return 1 | x end)
try("2^63 | 0", function() return 2^63 | 0 end)
try("~1.5", function() local x = 1.5 return ~x end)
try("1e100 >> 1", function() return 1e100 >> 1 end)
try("nil & 1", function() local n return n & 1 end)
try("{} | 1", function() return {} | 1 end)
try("true ~ 1", function() return true ~ 1 end)
try("0/0 & 1", function() return (0/0) & 1 end)
try("math.huge | 0", function() return math.huge | 0 end)

-- popcount and bit manipulation program
local function popcount(x)
  local c = 0
  while x ~= 0 do
    c = c + (x & 1)
    x = x >> 1
  end
  return c
end
for _, v in ipairs({0, 1, 7, 255, 1023, -1, math.mininteger}) do print("popcount", v, popcount(v)) end

local function tobin(x, width)
  local bits = {}
  for i = width - 1, 0, -1 do bits[#bits + 1] = (x >> i) & 1 end
  return table.concat(bits)
end
print(tobin(10, 8), tobin(255, 8), tobin(-1, 8), tobin(0xA5 ~ 0xFF, 8))
-- swap with xor
local a, b = 12, 34
a = a ~ b; b = a ~ b; a = a ~ b
print("xor swap", a, b)
-- masks
local flags = 0
flags = flags | (1 << 3) | (1 << 0)
print("flags", flags, flags & (1 << 3) ~= 0, flags & (1 << 2) ~= 0)
flags = flags & ~(1 << 3)
print("cleared", flags)
