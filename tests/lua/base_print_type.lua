-- print and type
print()
print(nil)
print(1, 2, 3)
print("a", nil, "b")
print(nil, nil)
print("tab\tinside", "next")
print(1.5, -0.0, 100, "str", true, false)
print(("x"):rep(3), 10 // 3, 10 / 2)
print(#arg, arg[0])
-- print uses tostring (and __tostring)
local T = setmetatable({}, {__tostring = function() return "custom!" end})
print(T, "after")
-- print with __name
local N = setmetatable({}, {__name = "Named"})
print((tostring(N):gsub("0x%x+", "ADDR")))
-- io.write does not add separators or newlines and does not use __tostring
io.write("io.write: ", 1, " ", 2.5, "\n")
print(pcall(io.write, {}))
-- type of everything
print(type(nil), type(true), type(1), type(1.5), type("s"), type({}), type(print), type(type), type(function() end))
print(type(coroutine.create(function() end)), type(io.stdout))
print(pcall(type))
print(type(type(nil)))
-- type names are strings that can be compared
local function describe(v)
  local t = type(v)
  if t == "number" then return t .. "/" .. math.type(v) end
  return t
end
for _, v in ipairs({1, 2.0, "x", true, {}, print}) do io.write(describe(v), " ") end
print()
-- print with many arguments
print(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)
-- print with embedded newlines and zero bytes
print("line1\nline2")
print("a\0b" == "a\0b", #"a\0b")
-- print of strings with escapes
print("quote\" backslash\\ bell-free \65\066\x43 \u{263A}")
print('single \'quotes\'', [[long
string]], [==[with ]] inside]==])
-- print returns nothing
print(select('#', print("printing inside select")))
