-- __index chains that change after objects exist, loops, and functions
local Base = { kind = "base" }
local Mid = setmetatable({ mid = true }, { __index = Base })
local M = { __index = Mid }
local o = setmetatable({}, M)
print(o.kind, o.mid, o.nothing)

-- change __index of a metatable in use
M.__index = { kind = "other" }
print(o.kind, o.mid)
M.__index = function(t, k) return tostring(k) .. "!" end
print(o.kind, o[1], o[true])
M.__index = nil
print(o.kind)
rawset(M, "__index", Base)
print(o.kind)

-- the metatable's own metatable changes
local Base2 = { kind = "base2" }
getmetatable(Mid).__index = Base2
M.__index = Mid
print(o.kind)
setmetatable(Mid, nil)
print(o.kind, o.mid)
setmetatable(Mid, { __index = { kind = "third" } })
print(o.kind)

-- a table is its own metatable
local selfmeta = {}
selfmeta.__index = selfmeta
setmetatable(selfmeta, selfmeta)
print(pcall(function() return selfmeta.missing end))

-- loops made after the fact
local A, B = {}, {}
local MA, MB = { __index = B }, { __index = A }
setmetatable(A, MA)
print(A.x)
setmetatable(B, MB)
print(pcall(function() return A.x end))
print(pcall(function() return B.y end))
MB.__index = { y = "found" }
print(A.y, B.y)

-- a long chain
local t = { deep = "bottom" }
for i = 1, 150 do
  t = setmetatable({}, { __index = t })
end
print(t.deep)

-- metatables as keys and values keep working as plain tables
local mt = { __index = { a = 1 } }
local x = setmetatable({}, mt)
mt.extra = 5
local n = 0
for k, v in pairs(mt) do n = n + 1 end
print(x.a, mt.extra, n, #mt, next({}))
mt[1] = "one"
print(#mt, rawget(mt, 1), rawequal(getmetatable(x), mt))

-- __newindex added later
local log = {}
mt.__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end
x.newfield = 1
x.newfield = 2
print(#log, log[1], x.newfield)
