-- t[#t + 1] = v in its many shapes
local t = {}
for i = 1, 5 do t[#t + 1] = i * 2 end
print(#t, t[1], t[5])
t[#t + 1] = nil
print(#t)
local s = {}
s[#s + 1] = "a" .. 1
s[#s + 1] = { x = 1, y = "b" }
print(#s, s[1], s[2].y)
-- a table with holes: the border rule decides
local h = { 1, 2, nil, 4 }
h[#h + 1] = 5
print(#h, h[5])
-- __len and __newindex take part
local log = {}
local p = setmetatable({}, {
  __len = function() return 10 end,
  __newindex = function(t, k, v) log[#log + 1] = k .. "=" .. v; rawset(t, k, v) end,
})
p[#p + 1] = 7
print(log[1], rawget(p, 11))
-- errors name the variable
local n
print(pcall(function() n[#n + 1] = 1 end))
local str = "abc"
print(pcall(function() str[#str + 1] = 1 end))
-- values with side effects keep Lua's order
local q = {}
local function push() q[#q + 1] = "inner"; return "outer" end
q[#q + 1] = push()
print(#q, q[1], q[2])
local m = setmetatable({}, { __len = function() return math.maxinteger end,
  __newindex = function(t, k, v) print("key", k) end })
m[#m + 1] = 1
