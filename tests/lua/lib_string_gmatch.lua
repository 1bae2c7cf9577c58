-- string.gmatch: captures, position captures, empty matches, the init
-- argument of Lua 5.4, '^' (not an anchor in gmatch) and errors.
local function collect(s, p, init)
  local out = {}
  for a, b in string.gmatch(s, p, init) do
    out[#out + 1] = b == nil and tostring(a) or (tostring(a) .. "=" .. tostring(b))
  end
  return #out .. ": " .. table.concat(out, " ")
end

print(collect("one two three", "%a+"))
print(collect("k1=v1, k2=v2", "(%w+)=(%w+)"))
print(collect("abc", "()"))
print(collect("abc", "()(.)"))
print(collect("abc", ""))
print(collect("abc", "%a*"))
print(collect("a1b22c333", "%d*"))
print(collect("", ".*"))
print(collect("hello", "l*"))
print(collect("^a^b", "^."))       -- '^' is an ordinary character here
print(collect("one two three", "%a+", 5))
print(collect("one two three", "%a+", -5))
print(collect("one two three", "%a+", 100))
print(collect("one two three", "%a+", -100))
print(collect("abc", "", 4))
print(collect(123.5, "%d"))
print(collect("a,b,,c", "([^,]*)"))

-- the iterator is an ordinary function; calling it after the end gives nil
local it = string.gmatch("x y", "%a")
print(it(), it(), it(), it())

-- each match ends where the next search starts, even when the subject changes
local words = {}
for w in ("The quick brown fox"):gmatch("%a+") do words[#words + 1] = w:lower() end
print(table.concat(words, "|"))

print(pcall(string.gmatch))
print(pcall(string.gmatch, "abc"))
print(pcall(string.gmatch, "abc", "a", "x"))
print(pcall(string.gmatch, {}, "a"))
print(pcall(function() for _ in ("abc"):gmatch("(") do end end))
print(pcall(function() for _ in ("abc"):gmatch("%1") do end end))
