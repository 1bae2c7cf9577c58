-- assert with and without messages
print(pcall(assert, true))
print(pcall(assert, 1, 2, 3))
print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
print(pcall(assert, false, {code = 1}) == false)
local _, errtable = pcall(assert, false, {code = 1})
print("assert table message", type(errtable), errtable.code)
print(pcall(assert, false, 42))
print(pcall(assert))
print(select('#', assert(1, nil, 3)))
print(assert("value", "unused message"))
local v1, v2 = assert(10, 20)
print("assert returns all args", v1, v2)

-- assert used with functions that return nil, message
local function mayfail(x)
  if x then return x * 2 end
  return nil, "failed because x is " .. tostring(x)
end
print(pcall(function() return assert(mayfail(5)) end))
print(pcall(function() return assert(mayfail(nil)) end))
print(pcall(function() return assert(mayfail(false)) end))

-- assert with io-style results
print(pcall(function() return assert(tonumber("12")) end))
print(pcall(function() return assert(tonumber("zz"), "not a number") end))
