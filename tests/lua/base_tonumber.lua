-- tonumber edge cases
local function show(...)
  local n = select('#', ...)
  local parts = {}
  for i = 1, n do
    local v = select(i, ...)
    parts[i] = type(v) == "number" and (tostring(v) .. "(" .. math.type(v) .. ")") or tostring(v)
  end
  return table.concat(parts, " ")
end
local cases = {"10", "10.0", "  10  ", "\t\n10\n", "0x10", "0X1F", "-0x10", "0x", "1e2", "1E-2", ".5", "5.", "-.5",
  "1e", "e1", "", " ", "abc", "10a", "1 0", "0x1p4", "0x.8", "inf", "nan", "-inf", "1e400", "-1e400",
  "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
  "0x7fffffffffffffff", "0xffffffffffffffff", "0x10000000000000000", "+5", "++5", "- 5", "1..2", "0.1e1", "00012", "1_000"}
for _, s in ipairs(cases) do
  print(string.format("%-26s", string.format("%q", s)), show(tonumber(s)))
end
print("numbers pass through", show(tonumber(5), tonumber(5.5), tonumber(-0.0)))
print("non-convertible", show(tonumber(nil), tonumber(true), tonumber({})))
print(pcall(tonumber))
-- bases
print("base 16", show(tonumber("10", 16), tonumber("ff", 16), tonumber("FF", 16), tonumber("0x10", 16)))
print("base 2", show(tonumber("1010", 2), tonumber("102", 2), tonumber("-101", 2), tonumber("", 2)))
print("base 8", show(tonumber("777", 8), tonumber("8", 8), tonumber("17", 8)))
print("base 36", show(tonumber("z", 36), tonumber("Z", 36), tonumber("zz", 36), tonumber("lua", 36)))
print("base 10", show(tonumber("123", 10), tonumber("1.5", 10), tonumber("1e2", 10)))
print("base spaces", show(tonumber("  ff  ", 16), tonumber(" - ff", 16), tonumber("-ff", 16)))
print("base 3", show(tonumber("210", 3), tonumber("3", 3)))
print("base big", show(tonumber("7fffffffffffffff", 16), tonumber("ffffffffffffffff", 16), tonumber("10000000000000000", 16)))
print("base errors", pcall(tonumber, "10", 1))
print("base errors", pcall(tonumber, "10", 37))
print("base with number", pcall(tonumber, 10, 16))
print("base float", pcall(tonumber, "10", 16.0))
-- tostring edge cases
print(tostring(nil), tostring(false), tostring(0), tostring(-0), tostring(0.0), tostring(-0.0))
print(tostring(1e15), tostring(1e16), tostring(-1e15), tostring(123456789012), tostring(2^63))
print(pcall(tostring))
print(tostring("already string"), tostring(12) == "12", tostring(1.25) .. "!")
-- string <-> number round trips
for _, v in ipairs({0, 1, -1, 255, 1.5, -2.25, 1e10, math.maxinteger, math.mininteger}) do
  local s = tostring(v)
  local back = tonumber(s)
  print(s, back == v, math.type(back) == math.type(v))
end
