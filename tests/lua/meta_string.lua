-- the string metatable and string methods
local s = "Hello, World"
print(("x"):upper(), s:upper(), s:lower(), #s, s:len())
print(("ab"):rep(3), s:rep(2, " / "), ("-"):rep(0), ("x"):rep(-1))
print(("%d"):format(5), ("%5.2f|%s"):format(3.14159, "pi"), ("%q"):format("a\nb\"c"))
print(s:sub(1, 5), s:sub(-5), s:sub(8, -1), s:sub(0), s:sub(100), s:sub(-100, 2))
print(s:byte(1), s:byte(-1), s:byte(1, 3))
print(string.char(72, 105), ("abc"):reverse())
print(s:find("World"), s:find("o"), s:find("o", 6), s:find("xyz"), s:find("l+"))
print(s:find(".", 1, true), s:find(", ", 1, true))
print(s:match("(%a+), (%a+)"), s:match("%d"), ("key=val"):match("(%w+)=(%w+)"))
print(s:gsub("o", "0"), s:gsub("%a+", string.upper), s:gsub("(%a)(%a*)", "%2%1"))
print(("hello world from lua"):gsub("(%w+)", "<%1>", 2))
print(("  trim me  "):match("^%s*(.-)%s*$") .. "|")
local words = {}
for w in ("the quick brown fox"):gmatch("%a+") do words[#words + 1] = w:sub(1, 1):upper() .. w:sub(2) end
print(table.concat(words, " "))
local str = "variable"
print(str:upper(), str:len(), str:sub(2, 4), str:find("a"), str:byte(), str:rep(2))
-- methods on numbers need a string conversion first
print(pcall(function() local n = 5 return n:rep(2) end))
print(tostring(12):rep(2), (12 .. ""):len())
-- string indexing with non-method keys returns nil
print(("abc").foo, ("abc")[1])
-- the string table is the __index
print(getmetatable("").__index == string, getmetatable("x") == getmetatable("y"))
-- adding a function to string makes it available as a method
function string.shout(x) return x:upper() .. "!" end
print(("hey"):shout(), s:shout())
-- formatting of various things
print(("%s %s %s"):format(nil, true, 1.0), ("%x"):format(255), ("%%"):format())
print(("%-5s|%5s|%.2s"):format("ab", "cd", "efgh"))
print(("%3d|%-3d|%03d"):format(7, 7, 7))
print(("%q"):format(10), ("%q"):format(math.mininteger))
-- comparison and concatenation of literals
print(("a"):byte() < ("b"):byte(), "abc" < "abd", ("x"):rep(3) == "xxx")
-- string.len counts bytes
print(("héllo"):len(), utf8 and utf8.len("héllo"))
-- frontier pattern and anchors
print(("THE (quick) fox"):find("%f[%a]%a+"), ("hello"):find("^h"), ("hello"):find("^e"))
print(("key = value"):match("^(%w+)%s*=%s*(%w+)$"))
print(("a,b,,c"):gsub(",", ";"))
print(("abc"):gsub("", "-"))
print(("x = 1, y = 2"):gsub("(%w+) = (%w+)", "%2 = %1"))
print(("%d items"):gsub("%%d", "7"))
print(("balance (a(b)c) end"):match("%b()"))
