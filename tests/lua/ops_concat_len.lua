-- concatenation chains and the length operator
print("a" .. "b" .. "c")
print(1 .. 2 .. 3)
print("x" .. 1 .. "y" .. 2.5 .. "z")
print("num" .. -1 .. "neg")
print(1.0 .. "", -0.0 .. "", 1e300 * 10 .. "", 2^63 .. "")
print(math.maxinteger .. "|" .. math.mininteger)
local parts = {}
for i = 1, 5 do parts[#parts + 1] = "item" .. i end
print(table.concat(parts, ", "))
print("right assoc", "a" .. ("b" .. "c"), ("a" .. "b") .. "c")
-- __concat with binary concatenations (each concatenation has exactly two operands)
local log = {}
local mt = {__concat = function(a, b)
  local as = type(a) == "table" and a.name or tostring(a)
  local bs = type(b) == "table" and b.name or tostring(b)
  log[#log + 1] = "(" .. as .. ".." .. bs .. ")"
  return as .. bs
end}
local A = setmetatable({name = "A"}, mt)
local B = setmetatable({name = "B"}, mt)
local r1 = A .. "x"
local r2 = "x" .. B
local r3 = (A .. "x") .. (B .. "y")
local r4 = A .. B
local r5 = 1 .. A
print("results", r1, r2, r3, r4, r5)
print("log", table.concat(log, " "))
-- long concat chain
local s = ""
for i = 1, 20 do s = s .. (i % 10) end
print(s, #s)
-- length of strings
print(#"", #"a", #"hello", #"with\0zero", #"\u{48}\u{49}", #"ü")
local str = "abc"
print("len var", #str, #(str .. str), #str .. #str)
-- length of sequences
print(#{}, #{1, 2, 3}, #{n = 1}, #{1, 2, 3, nil})
local t = {}
for i = 1, 10 do t[i] = i end
print("seq 10", #t)
t[#t + 1] = 11
print("append", #t)
t[#t] = nil
print("remove last", #t)
table.insert(t, 99)
print("insert", #t, t[#t])
table.remove(t, 1)
print("remove first", #t, t[1])
-- length with strings as keys does not count
local mixed = {1, 2, 3, a = 1, b = 2}
print("mixed", #mixed)
-- length operator precedence
print(#"abc" + 1, -#"abc", #"a" .. "b")
-- string.len and rawlen
print(string.len("hello"), rawlen("hello"), rawlen({1, 2}))
-- table.concat with numbers and ranges
print(table.concat({1, 2.5, "x"}, "-"), table.concat({1, 2, 3}, "", 2, 3), table.concat({}, "x"))
print(pcall(table.concat, {1, {}, 3}))
