-- string literals and escapes
print("escapes: [\a\b]" == "escapes: [\7\8]", "\f\v" == "\12\11")
print("newline\\n tab\\t", "a\tb", "quote\"s", 'apos\'s')
print("decimal \72\101\108\108\111", "hex \x48\x65\x6c\x6C\x6f")
print("utf8 \u{48}\u{E9}\u{20AC}\u{1F600}", #"\u{E9}", #"\u{20AC}", #"\u{1F600}")
print("z escape: [a\z
       b]")
print("line continuation: [a\
b]")
print([[long string
with "quotes" and 'apostrophes' and \n no escapes]])
print([==[level 2 with ]] and ]=] inside]==])
print([[
first newline is skipped]])
print(#[[

]], "one newline kept")
print("embedded zero", #"a\0b\0c", ("a\0b"):byte(2))
print("\65\066\0677", "\x41\x42")
print('single' .. "double" .. [[long]])
print("comparisons", "\u{7F}" < "\u{80}", "\xff" > "\x00", "" == [[]])
print("case", ("MiXeD"):lower(), ("MiXeD"):upper())
-- string.byte of high bytes
print(("\xff\xfe\x80"):byte(1, -1))
-- multi-line string with CRLF-free content
local s = "line1\nline2\nline3"
local n = 0
for _ in s:gmatch("[^\n]+") do n = n + 1 end
print("lines", n)
-- long comment does not affect code
--[[ print("not printed")
]] print("after long comment")
--[==[ another
long comment ]==]
print("done")
-- escapes in %q
print(string.format("%q", "tab\there\0zero\1one\127del\255ff"))
print(string.format("%q", "new\nline \"q\" back\\slash"))
-- invalid escapes are syntax errors
print(load([[return "\xZZ"]]))
print(load([[return "\u{110000000}"]]))
print(load([[return "\400"]]))
print(load("return \"unfinished\nstring\""))
