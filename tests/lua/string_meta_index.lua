-- string methods follow the string metatable's __index, even when changed
local s = "hello"
print(s:upper(), s:len(), ("x"):rep(3, ","), s.len == string.len, #s:sub(2))
local mt = getmetatable("")
local saved = mt.__index
mt.__index = { upper = function(x) return "up:" .. x end }
print(s:upper(), pcall(function() return s:lower() end))
mt.__index = function(x, k) return k .. "!" end
print(s.anything, ("y").zz)
mt.__index = setmetatable({}, { __index = saved })
print(s:upper(), s:find("l"))
string.shout = function(x) return x:upper() .. "!" end
print(s:shout())
mt.__index = saved
print(s:shout(), s:byte(1, -1))
