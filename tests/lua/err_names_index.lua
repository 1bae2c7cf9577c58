-- "attempt to index" messages with variable kinds and names
local function try(f, ...)
  local ok, err = pcall(f, ...)
  print(err)
end
try(function() local t; return t.x end)
try(function() return undefined_global.x end)
try(function() local t = {} return t.y.z end)
local u
try(function() return u.field end)
try(function() local t = {a = {}} return t.a.b.c end)
try(function() local s = "str"; return s.x.y end)
try(function() local n = 5; return n.x end)
try(function() local b = true; return b.x end)
try(function() local t = {}; t.x.y = 1 end)
try(function() local t; t.x = 1 end)
try(function() undefined_global.x = 1 end)
try(function() local t = {}; return t[1][2] end)
try(function() local t = {}; local k = "key"; return t[k].z end)
try(function() local f = function() end; return f.x end)
try(function() return (nil).x end)
try(function() local t = {}; return t.x[1] end)
try(function(p) return p.field end)
try(function(...) local a = ...; return a.b end)
try(function() local t = {list = {}}; return t.list[3].name end)
try(function() return string.nothing.x end)
try(function() local t = setmetatable({}, {__index = function() return nil end}); return t.a.b end)
-- upvalue
local cfg
try(function() return cfg.option end)
-- method on nil
try(function() local obj; obj:method() end)
-- indexing results of calls
try(function() local function f() end; return f().x end)
-- global table field
try(function() return math.nothing.x end)
-- nested function access
local outer = {}
try(function() return outer.inner.deep end)
-- integer and float index names are not shown
try(function() local t = {} return t[1].x end)
-- string key with special chars
try(function() local t = {} return t["some key"].x end)
