-- rawget / rawset / rawequal / rawlen bypassing metamethods
local mt = {
  __index = function(_, k) return "meta_" .. tostring(k) end,
  __newindex = function(_, k) error("blocked " .. tostring(k)) end,
  __len = function() return 100 end,
  __eq = function() return true end,
}
local t = setmetatable({real = "yes"}, mt)
print("index", t.real, t.fake, rawget(t, "fake"), rawget(t, "real"))
print("pcall set", pcall(function() t.newkey = 1 end))
rawset(t, "newkey", "raw")
print("after rawset", t.newkey, rawget(t, "newkey"))
print("len", #t, rawlen(t))
rawset(t, 1, "a"); rawset(t, 2, "b")
print("len after rawset", #t, rawlen(t))
local u = setmetatable({}, mt)
print("eq", t == u, rawequal(t, u), rawequal(t, t))
print("rawequal values", rawequal(1, 1.0), rawequal("a", "a"), rawequal(nil, nil), rawequal(1, "1"))
print("rawset returns table", rawset(t, "z", 1) == t)
print("rawlen string", rawlen("abcd"))
print("rawget errors", pcall(rawget, "string", 1))
print("rawset nil key", pcall(rawset, {}, nil, 1))
print("rawset nan key", pcall(rawset, {}, 0/0, 1))
print("rawlen error", pcall(rawlen, 5))
-- rawget with float keys normalises
local r = {}
rawset(r, 2.0, "two")
print("float key", rawget(r, 2), math.type(next(r)))
-- rawequal does not call __eq even for different tables with same metatable
local count = 0
local m2 = {__eq = function() count = count + 1 return true end}
local x, y = setmetatable({}, m2), setmetatable({}, m2)
print(x == y, rawequal(x, y), count)
