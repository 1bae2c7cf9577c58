-- utf8.char, charpattern, codepoint, codes, len, offset: valid and invalid
-- sequences, the lax mode, negative positions, and the argument errors.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  return t.n .. ": " .. table.concat(t, " ")
end
local function hex(s)
  return (s:gsub(".", function(c) return string.format("%02X", c:byte()) end))
end

print("-- char")
print(hex(utf8.char(72, 0xE9, 0x20AC, 0x1F600, 0x10FFFF)), utf8.char() == "", utf8.char(65, 66))
print(hex(utf8.char(0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000)))
print(hex(utf8.char(0x110000, 0x7FFFFFFF, 0x3FFFFFF, 0x1FFFFF, 0xD800)))
print(hex(utf8.char("65", 66.0)))
try("char -1", utf8.char, -1)
try("char too big", utf8.char, 0x80000000)
try("char float", utf8.char, 1.5)
try("char string", utf8.char, "x")
try("char nil", utf8.char, 65, nil)

print("-- charpattern")
print(utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*", #utf8.charpattern)
local s = "h\u{E9}llo \u{20AC}\u{1F600}!"
local parts = {}
for c in s:gmatch(utf8.charpattern) do parts[#parts + 1] = hex(c) end
print(table.concat(parts, " "))

print("-- codepoint")
print(show(utf8.codepoint(s)), show(utf8.codepoint(s, 2)), show(utf8.codepoint(s, 1, -1)))
print(show(utf8.codepoint(s, -5)), show(utf8.codepoint(s, 8, 7)), show(utf8.codepoint("", 1, 0)))
print(show(utf8.codepoint("abc", 4, 3)), show(utf8.codepoint("abc", 3, 10 - 7)))
try("codepoint empty", utf8.codepoint, "")
try("codepoint past end", utf8.codepoint, "abc", 4)
print(show(utf8.codepoint("\u{7FFFFFFF}", 1, 1, true)))
try("codepoint invalid", utf8.codepoint, "\xFF")
try("codepoint continuation", utf8.codepoint, "a\x80", 1, 2)
try("codepoint mid-char", utf8.codepoint, s, 3)
try("codepoint out of bounds", utf8.codepoint, "abc", 5)
try("codepoint i=0", utf8.codepoint, "abc", 0)
try("codepoint j too big", utf8.codepoint, "abc", 1, 4)
try("codepoint surrogate", utf8.codepoint, "\xED\xA0\x80")
try("codepoint overlong", utf8.codepoint, "\xC0\x80")
try("codepoint too big strict", utf8.codepoint, "\u{110000}")
try("codepoint 5 bytes lax", utf8.codepoint, "\u{3FFFFFF}", 1, 1, true)
try("codepoint truncated", utf8.codepoint, "\xE2\x82")
try("codepoint nil", utf8.codepoint)

print("-- len")
print(utf8.len(s), utf8.len(""), utf8.len("abc"), utf8.len(s, 3), utf8.len(s, 2, 2), utf8.len(s, -5))
print(utf8.len("abc", 4), utf8.len("abc", 1, -1), utf8.len("abc", 2, 1), utf8.len(12345))
-- invalid sequences: nil and the position of the first bad byte
print(show(utf8.len("ab\xFFcd")), show(utf8.len("\xE2\x82")), show(utf8.len("a\x80")))
print(show(utf8.len("\u{110000}")), show(utf8.len("\u{110000}", 1, -1, true)))
print(show(utf8.len("\xED\xA0\x80")), show(utf8.len("\xC1\xBF")), show(utf8.len(s, 3)))
try("len i=0", utf8.len, "abc", 0)
try("len i too big", utf8.len, "abc", 5)
try("len j too big", utf8.len, "abc", 1, 4)
try("len nil", utf8.len)
try("len float", utf8.len, "abc", 1.5)

print("-- offset")
-- s: h(1) é(2-3) l(4) l(5) o(6) space(7) €(8-10) 😀(11-14) !(15)
for _, nb in ipairs({{1}, {2}, {3}, {8}, {9}, {10}, {11}, {0}, {-1}, {-2}, {-9}, {-10}, {16}, {17},
    {0, 3}, {0, 9}, {0, 12}, {1, 8}, {2, 8}, {-1, 8}, {-1, 16}, {1, 16}, {-1, 1}, {0, 16}, {3, -5},
    {0, -3}}) do
  print(nb[1], nb[2], utf8.offset(s, nb[1], nb[2]))
end
print(utf8.offset("", 1), utf8.offset("", 0), utf8.offset("", -1), utf8.offset("abc", 1, 4))
try("offset continuation", utf8.offset, s, 1, 3)
try("offset i too big", utf8.offset, "abc", 1, 5)
try("offset i=0", utf8.offset, "abc", 1, 0)
try("offset no n", utf8.offset, "abc")
try("offset nil", utf8.offset)

print("-- codes")
for p, c in utf8.codes(s) do io.write(p, ":", c, " ") end
print()
for p, c in utf8.codes("") do print("never") end
for p, c in utf8.codes("\u{7FFFFFFF}", true) do print(p, c) end
try("codes invalid", function() for p, c in utf8.codes("ab\xFF") do end end)
try("codes continuation", function() for p, c in utf8.codes("a\x80b") do end end)
try("codes strict", function() for p, c in utf8.codes("\u{110000}") do end end)
try("codes truncated", function() for p, c in utf8.codes("a\xE2\x82") do end end)
try("codes nil", utf8.codes)
try("codes table", utf8.codes, {})
-- errors name the function as called from Lua code
print(pcall(function() return utf8.char(-5) end))
print(pcall(function() return utf8.len("x", 9) end))
