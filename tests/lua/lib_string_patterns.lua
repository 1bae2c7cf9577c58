-- Lua pattern items: character classes over all 256 bytes, sets, quantifiers,
-- back-references, %b, %f, anchors, and malformed-pattern errors.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end

-- every byte, so each class can be listed as the ranges of bytes it matches
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)

local function ranges(pat)
  local out, start, prev = {}, nil, nil
  for i = 0, 256 do
    local hit = i < 256 and string.find(all, pat, i + 1) == i + 1
    if hit and not start then start = i end
    if not hit and start then
      out[#out + 1] = start == i - 1 and tostring(start) or (start .. "-" .. (i - 1))
      start = nil
    end
  end
  return table.concat(out, ",")
end

print("-- classes")
for _, c in ipairs({"a", "c", "d", "g", "l", "p", "s", "u", "w", "x"}) do
  print("%" .. c, ranges("^%" .. c), "%" .. c:upper(), ranges("^%" .. c:upper()))
end
print(".", ranges("^."))
print("%.", ranges("^%."), "%%", ranges("^%%"), "%z", ranges("^%z"))

print("-- sets")
for _, p in ipairs({"[a-f]", "[^a-z]", "[%d_]", "[]]", "[^]]", "[a-]", "[-a]", "[%a-]",
    "[%]]", "[z-a]", "[%w%p]", "[^%s%d]", "[a%-z]", "[\0-\31]", "[^\0-\127]", "[.]", "[%^]",
    "[^^]", "[a-c-e]"}) do
  print(string.format("%q", p), ranges("^" .. p))
end

print("-- quantifiers")
local function m(s, p) return (string.gsub(s, p, "<%0>")) end
print(m("aaab", "a*"), m("aaab", "a+"), m("aaab", "a-"), m("aaab", "a?"))
print(m("aaab", "a-b"), m("<<x>><y>", "<.->"), m("<<x>><y>", "<.*>"))
print(m("abc", "[ac]?b"), m("color colour", "colou?r"), m("xx", ".-$"))
print(m("ab12cd", "%a*"), m("", "x*"), m("abc", ""))
print(m("one two  three", "%s+"), m("a,b,,c", "[^,]*"))

print("-- back-references and position captures")
print(string.match("hello xx yy zzz", "(%a)%1"))
print(string.find('say "hi" and \'bye\'', "([\"'])(.-)%1"))
print(string.match("abcabc", "(abc)%1"), string.match("abab", "^(ab)%1$"))
print(string.gsub("aa bb cc dd", "(%a)%1", "%1"))
print(string.match("x = 1", "()=()"))
print(string.match("[[a]] [b]", "%[(%[?)(.-)%]%1"))

print("-- %b and %f")
print(string.gsub("f(a(b)c) g(d) h(", "%b()", "[]"))
print(string.match("{a{b}c}{", "%b{}"), string.match("]]", "%b]]"), string.match("abba", "%bab"))
print(string.gsub("THE (quick) brown fox", "%f[%a]%a+", "W"))
print(string.gsub("hello world", "%f[%w]%w+%f[%W]", "<%0>"))
print(string.find("THE (quick)", "%f[%l]"), string.find("abc", "%f[%z]"))
print(string.gsub("aXbXc", "%f[X]", "|"))
print(string.find("key", "%f[^\0]"), string.find("", "%f[%z]"))

print("-- anchors only at the pattern start")
print(string.find("a^b", "a^b"), string.gsub("aaa", "^a", "b"), string.gsub("hello", "$", "!"))
print(string.gsub("abc", "b$", "!"), string.find("x$y", "x$y"))

print("-- malformed patterns")
try("ends with %", string.find, "abc", "%")
try("missing ]", string.find, "abc", "[a")
try("missing ] after ^", string.find, "abc", "[^")
try("missing ] esc", string.find, "abc", "[%")
try("%b args", string.find, "abc", "%b")
try("%b one arg", string.find, "abc", "%ba")
try("%f no [", string.find, "abc", "%fa")
try("bad capture idx", string.find, "abc", "%1")
try("capture idx open", string.find, "abc", "(a%1)")
-- find treats "a)" as plain text (no special characters), match does not
try("bad close find", string.find, "a)", "a)")
try("bad close match", string.match, "abc", "a)")
try("unfinished", string.find, "abc", "(a")
try("unfinished 2", string.match, "abc", "(()")
try("too many", string.find, string.rep("a", 40), string.rep("(a)", 33))
print(select("#", string.find(string.rep("a", 40), string.rep("(a)", 32))))
try("too complex", string.match, string.rep("a", 300), string.rep("a?", 300) .. string.rep("a", 300))
try("gsub malformed", string.gsub, "abc", "[", "")
try("gmatch malformed", function() for _ in string.gmatch("abc", "%") do end end)
