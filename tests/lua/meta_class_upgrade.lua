-- class hierarchies through once-used metatables, first instances, and
-- per-object metatables
local Base = {}
Base.__index = Base
function Base.new(x) return setmetatable({ x = x }, Base) end
function Base:get() return self.x end
local Derived = setmetatable({}, { __index = Base })
Derived.__index = Derived
function Derived.new(x) local o = Base.new(x); return setmetatable(o, Derived) end
function Derived:twice() return self:get() * 2 end
local a = Derived.new(1)
local b = Derived.new(2)
local c = Derived.new(3)
print(a:get(), a:twice(), b:twice(), c:twice(), a.missing)
function Base:get() return self.x + 100 end
print(a:get(), b:twice())
getmetatable(Derived).__index = { get = function() return "replaced" end }
print(a:get(), c:get())
local proto = { hello = function(self) return "hi " .. self.name end }
local objs = {}
for i = 1, 5 do objs[i] = setmetatable({ name = "o" .. i }, { __index = proto }) end
print(objs[1]:hello(), objs[5]:hello())
getmetatable(objs[2]).__index = function(t, k) return k end
print(objs[2].anything, objs[3]:hello())
local first = setmetatable({}, Base)
local second = setmetatable({}, Base)
first.x = 5
print(first:get(), second.x, rawget(first, "get"))
