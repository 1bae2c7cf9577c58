-- error with different values
print(pcall(error, "plain string"))
print(pcall(error, "no position", 0))
print(pcall(error))
print(pcall(error, nil))
print(pcall(error, 42))
print(pcall(error, 4.5))
print(pcall(error, true))
print(pcall(function() error() end))
print(pcall(function() error(nil) end))
print(pcall(function() error(42) end))
print(pcall(function() error("msg") end))
print(pcall(function() error("msg", 0) end))

local ok, e = pcall(function() error({code = 7, msg = "table error"}) end)
print("table error", ok, type(e), e.code, e.msg)

-- error values pass through unchanged (identity)
local obj = {}
local ok2, e2 = pcall(error, obj)
print("same object", e2 == obj)

-- number error messages get position? (only strings get position info)
print(pcall(function() error(123, 1) end))
-- numbers are converted? no: the value stays a number
local _, numerr = pcall(function() error(123) end)
print("number error type", math.type(numerr))

-- error with a string containing a newline and percent signs
print(pcall(function() error("line1\nline2 100%") end))

-- tostring of an error table with __tostring
local E = setmetatable({}, {__tostring = function() return "E!" end})
local _, e3 = pcall(error, E)
print("tostring error", tostring(e3))

-- error in a nested call reports the innermost position
local function inner() error("inner failure") end
local function outer() inner() end
print(pcall(outer))

-- runtime errors are strings with position
print(pcall(function() local x = nil; return x.y end))
print(pcall(function() return 1 + {} end))
print(pcall(function() return #5 end))

-- error rethrown keeps the original message (no double position)
local ok4, e4 = pcall(function()
  local ok5, e5 = pcall(error, "first")
  error(e5, 0)
end)
print("rethrown", ok4, e4)
local ok6, e6 = pcall(function()
  local ok7, e7 = pcall(function() error("with pos") end)
  error(e7)
end)
print("rethrown with extra position", ok6, e6)
