-- stack overflow caught by pcall
local function recurse(n) return 1 + recurse(n + 1) end
local ok, err = pcall(recurse, 1)
print("overflow caught", ok, type(err), string.find(err, "stack overflow", 1, true) ~= nil)

-- recursion through a metamethod
local t = setmetatable({}, {__index = function(t, k) return t[k .. "x"] end})
ok, err = pcall(function() return t.a end)
print("metamethod overflow", ok, string.find(err, "stack overflow", 1, true) ~= nil)

-- after an overflow the program keeps working normally
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print("deep but fine", depth(10000))

