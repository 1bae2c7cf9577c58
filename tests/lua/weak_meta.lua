-- __mode through every way a table gets its metatable, metatables shared by
-- many tables (classes), weak metatables and modes that are not weak.

local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

-- one weak metatable, many tables, every setmetatable path
local mt = {__mode = "k"}
local ts = {}
local function make()
  for i = 1, 5 do ts[i] = setmetatable({}, mt) end
  local t6 = {}
  setmetatable(t6, mt)
  ts[6] = t6
  ts[7] = setmetatable({[{}] = 1, x = 1}, mt)
  local sm = setmetatable
  ts[8] = sm({}, mt)
  for i = 1, 8 do ts[i][{}] = i; ts[i].s = i end
end
make()
collectgarbage()
local function show()
  local out = {}
  for i = 1, 8 do out[i] = count(ts[i]) .. "/" .. ts[i].s end
  print("shared", table.concat(out, " "), ts[7].x)
end
show()

-- a class whose instances hold their fields weakly, with methods
local Class = {__mode = "v"}
Class.__index = Class
function Class.new(v) return setmetatable({v = v, n = 1}, Class) end
function Class:get() return self.v end
local objs = {}
local function make_objs()
  keep = {}
  for i = 1, 4 do objs[i] = Class.new(i % 2 == 0 and keep or {}) end
end
make_objs()
collectgarbage()
local function show_objs()
  local out = {}
  for i = 1, 4 do out[i] = tostring(objs[i]:get() == keep) .. "," .. objs[i].n end
  print("class", table.concat(out, " "), getmetatable(objs[1]) == Class)
end
show_objs()

-- a weak metatable: its __index function goes when nothing else has it
local wmeta = setmetatable({}, {__mode = "v"})
local function make_index()
  wmeta.__index = function (t, k) return k .. "!" end
end
make_index()
local o1 = setmetatable({}, wmeta)
local o2 = setmetatable({}, wmeta)
print("index before", o1.a, o2.b)
collectgarbage()
print("index after", o1.a, o2.b, rawget(wmeta, "__index"))

-- a class that gets __mode after its first instances: tables given the
-- metatable from then on are weak
local Late = {}
Late.__index = Late
function Late:get() return self.v end
local first1 = setmetatable({}, Late)
local first2 = setmetatable({}, Late)
Late.__mode = "v"
local late
local function make_late()
  late = setmetatable({v = {}, w = 1}, Late)
end
make_late()
collectgarbage()
print("late", late.v, late.w, late:get(), first1.get == Late.get)

-- modes that are not weak, a metatable removed, a mode removed
local function strong(mode)
  local t = setmetatable({}, {__mode = mode})
  local function fill() t[1] = {}; t[{}] = 1 end
  fill()
  collectgarbage()
  return count(t)
end
print("not weak", strong(""), strong("x"), strong(42), strong(nil))

local unset = setmetatable({}, {__mode = "kv"})
local function fill_unset() unset[1] = {}; unset[{}] = 1 end
fill_unset()
setmetatable(unset, nil)
collectgarbage()
print("metatable removed", count(unset))

local mmode = {__mode = "v"}
local changed = setmetatable({}, mmode)
local function fill_changed() changed[1] = {} end
fill_changed()
mmode.__mode = nil
collectgarbage()
print("mode removed", count(changed))

-- a table that is its own metatable
local own = {__mode = "k"}
setmetatable(own, own)
local function fill_own() own[{}] = 1; own.x = {} end
fill_own()
collectgarbage()
print("own", count(own), own.__mode, type(own.x))
