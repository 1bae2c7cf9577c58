-- string.gsub with string, table and function replacements, the count limit,
-- empty matches, anchors, and its replacement errors.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end

print("-- string replacements")
print(string.gsub("hello world", "o", "0"))
print(string.gsub("hello world", "(o)", "[%1]"))
print(string.gsub("hello world", "o", "%0%0"))
print(string.gsub("hello world", "(%w+) (%w+)", "%2 %1"))
print(string.gsub("abc", "%w", "%%"))
print(string.gsub("abc", "", "-"))
print(string.gsub("", "", "x"))
print(string.gsub("abc", "x*", "-"))
print(string.gsub("a b c", " ", ""))
print(string.gsub("abc", "b", "%1"))       -- %1 is the whole match without captures
print(string.gsub("abc", "(b)()", "%2"))   -- position capture in replacement
print(string.gsub(12345, 3, 9))
print(string.gsub("x", "x", 1.5))
print(string.gsub("abc", ".", {a = 1, b = false}))
try("table true", string.gsub, "abc", ".", {b = true})

print("-- count limit")
print(string.gsub("aaaa", "a", "b", 2))
print(string.gsub("aaaa", "a", "b", 0))
print(string.gsub("aaaa", "a", "b", -1))
print(string.gsub("aaaa", "a", "b", 10))
print(string.gsub("aaaa", "a", "b", 2.0))
print(string.gsub("aaaa", "a", "b", "3"))
try("count float", string.gsub, "aaaa", "a", "b", 1.5)
try("count table", string.gsub, "aaaa", "a", "b", {})

print("-- anchored")
print(string.gsub("aaa", "^a", "b"))
print(string.gsub("hello", "^", ">"))
print(string.gsub("hello", "$", "<"))
print(string.gsub("hello", "^h(.*)o$", "%1"))

print("-- table replacements")
local t = {name = "Lua", version = 5.4, flag = false}
print(string.gsub("$name $version $missing $flag", "%$(%w+)", t))
print(string.gsub("a=1, b=2", "(%w+)=(%w+)", {a = "A"}))  -- key is the first capture
print(string.gsub("abc", "%w", setmetatable({}, {__index = function(_, k) return k:upper() end})))

print("-- function replacements")
print(string.gsub("hello world", "%w+", string.upper))
print(string.gsub("1 2 3", "%d", function(d) return d * 2 end))
print(string.gsub("a b c", "%a", function(x) if x == "b" then return nil end return x .. x end))
print(string.gsub("a b c", "%a", function() return false end))
print(string.gsub("k1=v1;k2=v2", "(%w+)=(%w+)", function(k, v) return v .. "=" .. k end))
print(string.gsub("abc", "()", function(p) return p end))
local seen = {}
string.gsub("x1y22z333", "%a(%d+)", function(d) seen[#seen + 1] = #d end)
print(table.concat(seen, ","))

print("-- replacement errors")
try("bad %", string.gsub, "abc", "b", "%x")
try("trailing %", string.gsub, "abc", "b", "x%")
try("bad capture", string.gsub, "abc", "(b)", "%2")
try("no capture %2", string.gsub, "abc", "b", "%2")
try("table value", string.gsub, "abc", "b", {b = {}})
try("function value", string.gsub, "abc", "b", function() return {} end)
try("repl nil", string.gsub, "abc", "b")
try("repl bool", string.gsub, "abc", "b", true)
try("no pattern", string.gsub, "abc")
try("subject nil", string.gsub, nil, "a", "b")
print(pcall(function() return ("abc"):gsub("b", "%9") end))
print(pcall(function() return ("abc"):gsub("b", print, "x") end))
-- errors inside the replacement function propagate unchanged
try("function error", string.gsub, "abc", "b", function() error("boom", 0) end)
local ok, e = pcall(string.gsub, "abc", "b", function() error({code = 1}) end)
print("function error table", ok, type(e), e.code)
