-- __newindex with tables and functions
local store = {}
local proxy = setmetatable({}, {__newindex = store})
proxy.a = 1
proxy.b = 2
print("proxy raw", rawget(proxy, "a"), "store", store.a, store.b)

-- existing keys bypass __newindex
local t = setmetatable({existing = "old"}, {__newindex = function(t, k, v) print("newindex called", k, v) end})
t.existing = "new"
print("existing updated", t.existing)
t.fresh = "value"
print("fresh not stored", rawget(t, "fresh"))

-- function __newindex storing with rawset
local log = {}
local logged = setmetatable({}, {__newindex = function(t, k, v)
  log[#log + 1] = tostring(k) .. "=" .. tostring(v)
  rawset(t, k, v)
end})
logged.x = 10
logged.y = 20
logged.x = 30          -- now exists: no log
logged[1] = "one"
print("log", table.concat(log, " "), "x", logged.x)

-- assigning nil to an absent key still calls __newindex
logged.absent = nil
print("log after nil", table.concat(log, " "))

-- read-only table
local function readonly(src)
  return setmetatable({}, {
    __index = src,
    __newindex = function(_, k) error("attempt to modify read-only field " .. tostring(k), 2) end,
  })
end
local ro = readonly({pi = 3.14})
print("read", ro.pi)
local ok, err = pcall(function() ro.pi = 3 end)
print("write", ok, err)

-- __newindex chain through tables: assignment goes to the last table without __newindex
local final = {}
local mid = setmetatable({}, {__newindex = final})
local top = setmetatable({}, {__newindex = mid})
top.k = "v"
print("chain", rawget(top, "k"), rawget(mid, "k"), final.k)

-- __newindex table that has __newindex function
local seen = {}
local target = setmetatable({}, {__newindex = function(_, k, v) seen[#seen + 1] = k .. ":" .. v end})
local front = setmetatable({}, {__newindex = target})
front.p = "q"
print("nested function", table.concat(seen, ","), rawget(target, "p"))

-- default values with counters
local counts = setmetatable({}, {__index = function() return 0 end})
for _, w in ipairs({"a", "b", "a", "c", "a", "b"}) do counts[w] = counts[w] + 1 end
print("counts", counts.a, counts.b, counts.c, counts.d)

-- table.insert uses raw access? (it respects metamethods in 5.4)
local ins = {}
local insproxy = setmetatable({}, {__newindex = function(t, k, v) ins[#ins + 1] = k; rawset(t, k, v) end})
table.insert(insproxy, "first")
table.insert(insproxy, "second")
print("table.insert keys", table.concat(ins, ","), #insproxy)

-- __newindex with integer keys and arrays
local arr = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 2) end})
for i = 1, 3 do arr[i] = i end
print("doubled", arr[1], arr[2], arr[3])
