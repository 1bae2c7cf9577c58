-- table.insert(t, v) statements run inline when table.insert is the
-- library function; a redefined or missing one is called as written.
local t = {}
table.insert(t, 1)
table.insert(t, "two")
print(#t, t[1], t[2])
print(pcall(function() table.insert(nil, 1) end))
print(pcall(function() local x; table.insert(x, 1) end))
local u = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v .. "!") end})
table.insert(u, "a")
print(u[1])
table.insert(t, nil)
print(#t)
local real = table.insert
table.insert = function(a, b) print("mine", b) end
table.insert(t, 5)
table.insert = nil
print(pcall(function() table.insert(t, 6) end))
table.insert = real
local tb = table
table = nil
print(pcall(function() table.insert(t, 7) end))
table = tb
print(table.remove(t), table.remove(t), #t)
print(table.remove({}), table.remove({n = 1}))
print(pcall(table.insert, t, 1, 2, 3))
