-- string.format with the common conversions over numbers of every kind
local vals = {0, 1, -1, 42, 3.14159, -2.5, 1e300, 1/0, -1/0, 0/0, math.maxinteger, math.mininteger, 255, -255, 1e-7, 123456789.123, "str", "a\0b", 2^53, 0.5, 1.5, 2.5}
local fmts = {"%d", "%5d", "%-5d", "%05d", "%.3d", "%i", "%s", "%10s", "%-10s", "%.2s", "%x", "%X", "%08x", "%f", "%.2f", "%10.3f", "%-10.1f", "%010.2f", "%e", "%.3E", "%g", "%.10g", "%G", "%5.1g", "[%s|%d]", "%%d %d", "%.0f", "%.99f"}
for _, f in ipairs(fmts) do
  for _, v in ipairs(vals) do
    local ok, r = pcall(string.format, f, v)
    print(f, ok, r)
  end
end
print(pcall(string.format, "%d"))
print(string.format("%s=%d;%.2f", "x", 5, 1/7))
