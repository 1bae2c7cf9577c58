-- __metatable and __pairs
local real_mt = {__metatable = "locked", __index = {greeting = "hi"}}
local obj = setmetatable({}, real_mt)
print("getmetatable returns __metatable field", getmetatable(obj))
print("still works", obj.greeting)
print("setmetatable fails", pcall(setmetatable, obj, {}))
print("setmetatable nil fails", pcall(setmetatable, obj, nil))
local withfalse = setmetatable({}, {__metatable = false})
print("__metatable false", getmetatable(withfalse))
print("protected false", pcall(setmetatable, withfalse, {}))
local tablemeta = setmetatable({}, {__metatable = {fake = true}})
print("__metatable table", getmetatable(tablemeta).fake)

-- string metatable is protected? (it is not, but getmetatable returns the real one)
print("string mt __index is string", getmetatable("").__index == string)

-- setmetatable argument checks
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, {}))
print("setmetatable returns table", (function() local t = {} return setmetatable(t, nil) == t end)())
print("getmetatable of plain table", getmetatable({}), getmetatable(1), getmetatable(print))

-- removing a metatable
local m = setmetatable({}, {__index = {a = 1}})
print("before remove", m.a)
setmetatable(m, nil)
print("after remove", m.a, getmetatable(m))

-- __pairs
local proxied = setmetatable({}, {__pairs = function(t)
  local keys = {"z", "y", "x"}
  local i = 0
  return function()
    i = i + 1
    if keys[i] then return keys[i], i * 100 end
  end, t, nil
end})
for k, v in pairs(proxied) do print("__pairs", k, v) end

-- __pairs returning next over another table
local backing = {1, 2, 3}
local view = setmetatable({}, {__pairs = function() return next, backing, nil end})
local sum = 0
for _, v in pairs(view) do sum = sum + v end
print("view sum", sum)

-- __pairs receives the table and its results are truncated to 3 (plus closing value)
local got
local p2 = setmetatable({}, {__pairs = function(t) got = t; return function() end, 1, 2, 3, 4 end})
for _ in pairs(p2) do end
print("received self", got == p2)

-- next ignores __pairs
print("next ignores __pairs", next(proxied))

-- ipairs does not use __pairs but respects __index
local ip = setmetatable({}, {__index = function(_, i) if i < 4 then return "v" .. i end end, __pairs = function() error("not used") end})
for i, v in ipairs(ip) do print("ipairs", i, v) end

-- sorted pairs helper via __pairs
local function sortedpairs_mt(t)
  return setmetatable({}, {__pairs = function()
    local keys = {}
    for k in next, t do keys[#keys + 1] = k end
    table.sort(keys)
    local i = 0
    return function() i = i + 1; local k = keys[i]; if k ~= nil then return k, t[k] end end
  end})
end
for k, v in pairs(sortedpairs_mt({banana = 3, apple = 1, cherry = 2})) do print("sorted", k, v) end
