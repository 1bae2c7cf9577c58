-- comparison rules
print("int vs float", 1 == 1.0, 1 < 1.5, 2 > 1.5, 1 <= 1.0, -0.0 == 0)
print("large int vs float", math.maxinteger < 2^63, math.maxinteger + 0.0 == 2^63, 2^53 == 2^53 + 1)
print("int vs float precision", 9007199254740993 == 2^53, 9007199254740993 > 2^53, 9007199254740992 == 2^53)
print("mininteger vs float", math.mininteger == -2^63, math.mininteger < -2^63, math.mininteger <= -2^63)
print("inf", 1 < math.huge, math.maxinteger < math.huge, math.mininteger > -math.huge)
print("nan", 1 < 0/0, 1 > 0/0, 0/0 == 0/0, 1 ~= 0/0)
print("strings", "a" < "b", "abc" < "abd", "abc" < "ab", "" < "a", "Z" < "a", "10" < "9")
print("string equality", "abc" == "abc", "abc" == "ABC", "a" .. "bc" == "abc")
print("string le/ge", "a" <= "a", "b" >= "a", "aa" >= "b")
print("embedded zeros", "a\0b" < "a\0c", "a\0" > "a", #"a\0b")
print("mixed equality", 1 == "1", "1" == 1, nil == false, 0 == false, {} == {})
print("same table", (function() local t = {} return t == t end)())
print("functions", print == print, (function() end) == (function() end))
print("booleans", true == true, true ~= false)
print("not equal", 1 ~= 2, "a" ~= "a", nil ~= nil)

local function try(label, f)
  local ok, err = pcall(f)
  print(label, ok, err)
end
try("1 < '2'", function() return 1 < "2" end)
try("'a' < 1", function() return "a" < 1 end)
try("{} < {}", function() return {} < {} end)
try("nil < 1", function() return nil < 1 end)
try("1 <= nil", function() return 1 <= nil end)
try("true < false", function() return true < false end)
try("{} <= 1", function() return {} <= 1 end)
try("f > f", function() return print > print end)
try("'a' >= {}", function() return "a" >= {} end)
try("1 > nil", function() local x return 1 > x end)

-- comparison chains via and
local a, b, c = 1, 2, 3
print("chain", a < b and b < c, a < b and b > c)

-- sorting mixed int/float
local t = {3, 1.5, 2, -1, 2.0, 0}
table.sort(t)
local out = {}
for i, v in ipairs(t) do out[i] = tostring(v) end
print("sorted", table.concat(out, " "))

-- sorting strings
local s = {"banana", "Apple", "cherry", "apple", "10", "9", ""}
table.sort(s)
print("sorted strings", table.concat(s, ","))

-- sort with comparator errors
-- (which pair gets compared first depends on the sort algorithm, so only the kind of error is printed)
local sok, serr = pcall(table.sort, {1, "x", 2})
print(sok, (string.find(serr, "attempt to compare", 1, true)) ~= nil)
