-- The table functions go through __index, __newindex and __len (lua_geti,
-- lua_seti, luaL_len), and accept non-tables that have those metamethods.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end

-- a logging proxy over a plain table
local function proxy(init)
  local store, log = init, {}
  local p = setmetatable({}, {
    __index = function(_, k) log[#log + 1] = "get" .. k; return store[k] end,
    __newindex = function(_, k, v) log[#log + 1] = "set" .. k; store[k] = v end,
    __len = function() log[#log + 1] = "len"; return #store end,
  })
  return p, store, log
end
local function flush(log)
  local s = table.concat(log, " ")
  for i = #log, 1, -1 do log[i] = nil end
  return s
end

local p, store, log = proxy({"a", "b", "c"})
print(table.concat(p, ","), flush(log))
table.insert(p, "d")
print(table.concat(store, ","), flush(log))
table.insert(p, 1, "z")
print(table.concat(store, ","), flush(log))
print(table.remove(p), table.concat(store, ","), flush(log))
print(table.remove(p, 1), table.concat(store, ","), flush(log))
print(table.unpack(p))
print(flush(log))
print(table.unpack(p, 2, 3))
print(flush(log))

-- __len may return a float with an integer value, or a numeric string
local f = setmetatable({"x", "y"}, {__len = function() return 2.0 end})
print(table.concat(f, "+"), table.unpack(f))
local s = setmetatable({"x", "y", "z"}, {__len = function() return "2" end})
print(table.concat(s, "+"))
try("len float", table.concat, setmetatable({}, {__len = function() return 1.5 end}))
try("len table", table.insert, setmetatable({}, {__len = function() return {} end}), 1)
try("len nil", table.remove, setmetatable({}, {__len = function() end}))

-- a non-table with the needed metamethods is accepted... (here a string's
-- metatable has __index only, so reading functions need more)
try("string concat", table.concat, "abc")
-- raw tables with __index: concat reads through it
local inh = setmetatable({}, {__index = {"p", "q"}, __len = function() return 2 end})
print(table.concat(inh, "/"))
-- __newindex on insert
local seen = {}
local w = setmetatable({}, {__newindex = function(t, k, v) seen[#seen + 1] = k .. "=" .. tostring(v); rawset(t, k, v) end})
table.insert(w, "one")
table.insert(w, "two")
print(table.concat(seen, " "), #w)
