-- s:byte(i), s:sub(i, j), string.byte and string.sub run inline in their
-- common case; every other case must still behave as the library does.
local s = "hello world"
print(s:byte(1), s:byte(11), s:byte(12), s:byte(0), s:byte(-1))
print(s:sub(1), s:sub(3, 5), s:sub(5, 3), s:sub(0), s:sub(2, -2), s:sub(7, 100), s:sub(100))
print(string.byte(s, 2), string.sub(s, 2, 4), string.sub(s, 4))
local i, j = 2, 4
print(s:sub(i, j), s:sub(i + 1, j * 2), s:byte(i * 2), s:sub(i, 1.0 * j))
print(pcall(function() return s:sub("x") end))
print(pcall(function() return s:sub(1.5) end))
print(pcall(function() return s:byte({}) end))
print(pcall(function() local n = nil; return n:sub(1) end))
print(pcall(function() local t = {}; return t:sub(1) end))
print(pcall(function() return string.sub(nil, 1) end))
print(pcall(function() local x = 5; return string.byte(x, 1) end))
local t = {sub = string.sub, byte = string.byte}
print(pcall(function() return t:sub(1) end))
print(pcall(function() return t:byte(1) end))
local n = 12345
print(("").sub ~= nil)
print(pcall(function() return n:sub(2, 3) end))
local calls = 0
local function k() calls = calls + 1 return 2 end
print(s:sub(k(), k() + 1), calls)
print(("abc"):byte(2), ("abc"):sub(2))
local mt = getmetatable("")
local oldsub = string.sub
string.sub = function(a, b, c) return "mine:" .. a .. b end
print(s:sub(1, 2), string.sub(s, 3))
string.sub = oldsub
print(s:sub(1, 2))
print(s:byte(2, 4))
print(s:sub("2", "3"), s:byte("2"))
print(("x"):rep(3):sub(2), #s:sub(2, -2))
-- negative ends
local w = "abcdef"
for _, len in ipairs({0, 1, 2, 6}) do
  local x = w:sub(1, len)
  print(x:sub(2, -2), x:sub(1, -1), x:sub(2, -1), x:sub(1, -3), x:sub(3, -10), x:sub(1, -7), x:sub(6, -1))
end
print(("hello"):sub(2, -2), string.sub("hello", 1, -2))
