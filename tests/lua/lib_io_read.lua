-- file:read formats: "n" (Lua's number reader: hex, exponents, limits),
-- "l", "L", "a", counts, several formats at once, end of file, and errors.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    t[i] = (math.type(v) or type(v)) .. ":" .. (type(v) == "string" and string.format("%q", v) or tostring(v))
  end
  return t.n .. " " .. table.concat(t, " ")
end
local name = os.tmpname()
local function with(content, fn)
  local f = assert(io.open(name, "wb"))
  f:write(content)
  f:close()
  f = assert(io.open(name, "rb"))
  fn(f)
  f:close()
end

print("-- lines")
with("one\ntwo\r\n\nlast", function(f)
  print(show(f:read("l")), show(f:read("L")), show(f:read("l")), show(f:read("L")), show(f:read("l")))
end)
with("a\n", function(f) print(show(f:read("l", "l"))) end)
with("", function(f) print(show(f:read("l")), show(f:read("L")), show(f:read("a")), show(f:read(0))) end)
with("x\0y\nz", function(f) print(show(f:read("L", "a"))) end)
-- the old "*l" spelling still works; only the first letter counts
with("p\nq\nr", function(f) print(show(f:read("*l", "*L", "*all"))) end)
with("p\nq\n", function(f) print(show(f:read("lazy", "Line"))) end)

print("-- counts")
with("hello world", function(f)
  print(show(f:read(5)), show(f:read(0)), show(f:read(1)), show(f:read(100)), show(f:read(0)), show(f:read(1)))
end)
with("abc", function(f) print(show(f:read(2, 2, 2))) end)
with("abc", function(f) print(show(f:read(3.0))) end)
with("abc", function(f) print(show(f:read())) end)

print("-- numbers")
local inputs = {"42", "  -17  ", "3.25", "1e3", "0x1F", "0x1p4", "-0x10", ".5", "5.", "1e", "0x",
  "abc", "1.5e+2x", "+7", "- 3", "9223372036854775807", "9223372036854775808", "0x7fffffffffffffff",
  "0xffffffffffffffff", "1E-2", "inf", "nan", "00012", "1..2", "0x1.8", "\n\t 8", "1e+", "12345678901234567890123"}
for _, s in ipairs(inputs) do
  with(s, function(f)
    local n = f:read("n")
    print(string.format("%-28s", string.format("%q", s)), show(n), show(f:read("a")))
  end)
end
-- a number longer than 200 characters fails
with(string.rep("1", 201), function(f) print(show(f:read("n")), #f:read("a")) end)
with(string.rep("1", 199), function(f) print(math.type(f:read("n")), #f:read("a")) end)
with("1 2 3\n4", function(f) print(show(f:read("n", "n", "n", "n", "n"))) end)
with("7 x", function(f) print(show(f:read("n", "n", "l"))) end)
with("10 rest of line\n", function(f) print(show(f:read("n", "l"))) end)

print("-- errors")
with("x", function(f)
  try("bad format", f.read, f, "x")
  try("bad format *", f.read, f, "*x")
  try("format table", f.read, f, {})
  try("format float", f.read, f, 1.5)
  try("negative count", f.read, f, -1)
  print(pcall(function() return f:read("z") end))
end)
print(os.remove(name))
