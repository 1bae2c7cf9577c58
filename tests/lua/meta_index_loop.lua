-- __index / __newindex loops and long chains
local a, b = {}, {}
setmetatable(a, {__index = b})
setmetatable(b, {__index = a})
local ok, err = pcall(function() return a.missing end)
print("index loop", ok, err)

local self_loop = {}
setmetatable(self_loop, {__index = self_loop})
print("self loop", pcall(function() return self_loop.x end))

local c, d = {}, {}
setmetatable(c, {__newindex = d})
setmetatable(d, {__newindex = c})
print("newindex loop", pcall(function() c.x = 1 end))

-- a long but finite chain (well below the limit of 2000) works
local root = {found = "at root"}
local cur = root
for i = 1, 100 do cur = setmetatable({}, {__index = cur}) end
print("chain of 100", cur.found)

-- a chain longer than the limit fails
local cur2 = root
for i = 1, 2100 do cur2 = setmetatable({}, {__index = cur2}) end
print("chain of 2100", pcall(function() return cur2.found end))

-- existing key found before the loop matters
a.present = "ok"
print("present key in loop", a.present, b.present)

-- __index function that recurses into itself through the table is a stack overflow, not a chain error
local r = setmetatable({}, {})
getmetatable(r).__index = function(t, k) return t[k] end
local ok2, err2 = pcall(function() return r.x end)
print("function recursion", ok2, string.find(err2, "stack overflow", 1, true) ~= nil)
