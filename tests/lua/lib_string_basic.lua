-- string.len, sub, upper, lower, rep, reverse, byte, char: normal cases,
-- negative and out-of-range positions, number coercion and argument errors.
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  print(t.n, table.concat(t, " "))
end
local function try(label, f, ...)
  print(label, pcall(f, ...))
end

print("-- len")
print(string.len(""), string.len("abc"), string.len("a\0b\0"), ("xyz"):len())
print(string.len(123), string.len(-1.5), #"\u{10FFFF}")
try("len nil", string.len)
try("len table", string.len, {})
try("len bool", string.len, true)

print("-- sub")
local s = "hello world"
for _, ij in ipairs({{1}, {3}, {-3}, {0}, {-100}, {100}, {2, 4}, {4, 2}, {-5, -2},
    {0, 0}, {1, 0}, {-100, 100}, {5, -100}, {3, 3}, {12}, {11, 11},
    {math.mininteger, math.maxinteger}, {math.maxinteger}, {2, math.mininteger}}) do
  print(ij[1], ij[2], "[" .. s:sub(ij[1], ij[2]) .. "]")
end
print(string.sub("", 1), string.sub("", -1, 1), string.sub(12345, 2, 3))
print(s:sub(2.0, 3.0), s:sub("2", "3"), s:sub(" 0x2 ", "3"))
try("sub no i", string.sub, "abc")
try("sub nil", string.sub, nil, 1)
try("sub float", string.sub, "abc", 1.5)
try("sub str", string.sub, "abc", "x")
try("sub j float", string.sub, "abc", 1, 2.5)
try("sub j table", string.sub, "abc", 1, {})
try("sub huge", string.sub, "abc", 2^63)

print("-- upper/lower")
print(string.upper("Hello, World! 123"), string.lower("Hello, World! 123"))
print(string.upper("\xe9\xc9abc"):byte(1, -1))
print(string.lower("\xe9\xc9ABC"):byte(1, -1))
print(string.upper(""), string.lower(""), string.upper(12), string.lower(1e100))
print(("a\0b"):upper() == "A\0B")
try("upper nil", string.upper)
try("lower table", string.lower, {})

print("-- rep")
print(string.rep("ab", 3), string.rep("ab", 3, ","), string.rep("x", 0), string.rep("x", -5))
print(string.rep("", 100), string.rep("ab", 1, ","), "[" .. string.rep("", 3, "-") .. "]")
print(string.rep(1, 3), string.rep("a", 2.0), string.rep("a", "3"), string.rep("a", 2, 0))
print(#string.rep("abc", 1000))
try("rep no n", string.rep, "x")
try("rep float n", string.rep, "x", 1.5)
try("rep too large", string.rep, "x", 2^40)
try("rep too large sep", string.rep, "x", 2^30, "yy")
try("rep sep table", string.rep, "x", 2, {})

print("-- reverse")
print(string.reverse("abc"), string.reverse(""), string.reverse("a"), string.reverse(123))
print(("a\0b\255"):reverse():byte(1, -1))
try("reverse nil", string.reverse)

print("-- byte")
show(string.byte("ABC"))
show(string.byte("ABC", 2))
show(string.byte("ABC", 1, 3))
show(string.byte("ABC", -1))
show(string.byte("ABC", -2, -1))
show(string.byte("ABC", 0))
show(string.byte("ABC", 4))
show(string.byte("ABC", 3, 1))
show(string.byte("ABC", -10, 10))
show(string.byte(""))
show(string.byte("\0\255\128"))
show(string.byte("\0\255\128", 1, -1))
show(string.byte(42, 1, 2))
show(("xyz"):byte(nil, 2))
try("byte float", string.byte, "abc", 1.5)
try("byte nil", string.byte)
try("byte j", string.byte, "abc", 1, "z")

print("-- char")
print(string.char(72, 105, 33), string.char() == "", #string.char(0, 255))
print(string.char("65", 66.0))
try("char 256", string.char, 256)
try("char -1", string.char, 65, -1)
try("char nil", string.char, 65, nil)
try("char str", string.char, "x")
try("char float", string.char, 65.5)
-- round trip of every byte
local all = {}
for i = 0, 255 do all[#all + 1] = i end
local bytes = string.char(table.unpack(all))
print(#bytes, bytes:byte(1), bytes:byte(-1), select("#", bytes:byte(1, -1)))

print("-- errors raised from Lua code name the function as called")
print(pcall(function() return ("x"):sub() end))
print(pcall(function() return string.rep() end))
print(pcall(function() local s = "abc"; return s:byte({}) end))
print(pcall(function() return string.char(1, 2, 300) end))
