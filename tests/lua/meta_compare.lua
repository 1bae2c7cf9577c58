-- __eq, __lt, __le
local log = {}
local P = {}
P.__index = P
local function pt(x, y) return setmetatable({x = x, y = y}, P) end
P.__eq = function(a, b) log[#log + 1] = "eq"; return a.x == b.x and a.y == b.y end
P.__lt = function(a, b) log[#log + 1] = "lt"; return a.x < b.x or (a.x == b.x and a.y < b.y) end
P.__le = function(a, b) log[#log + 1] = "le"; return not (b < a) end

local a, b, c = pt(1, 2), pt(1, 2), pt(2, 0)
print("a == b", a == b, "a ~= b", a ~= b, "a == c", a == c)
print("a < c", a < c, "c < a", c < a, "a > c", a > c)
print("a <= b", a <= b, "c <= a", c <= a, "a >= c", a >= c)
print("log", table.concat(log, " "))
log = {}

-- __eq only called for two tables (or two userdata), never for table vs other types
print("table == number", a == 1, "table == string", a == "x", "table == nil", a == nil)
print("same table no call", a == a)
print("log after", #log)

-- __eq result converted to boolean
local E = setmetatable({}, {__eq = function() return "truthy string" end})
local F = setmetatable({}, {__eq = function() return nil end})
print("eq converted", E == setmetatable({}, getmetatable(E)), F == setmetatable({}, getmetatable(F)))
-- __lt result converted to boolean
local Lmt = {__lt = function() return 1 end, __le = function() return false end}
local l1, l2 = setmetatable({}, Lmt), setmetatable({}, Lmt)
print("lt converted", l1 < l2, l1 <= l2, l1 > l2, l1 >= l2)

-- __eq is tried from the first operand, then the second
local only_second = setmetatable({}, {__eq = function() return true end})
print("first has no mt", {} == only_second, only_second == {})

-- __lt with mixed types: table vs number
local N = setmetatable({v = 5}, {__lt = function(a, b)
  local av = type(a) == "table" and a.v or a
  local bv = type(b) == "table" and b.v or b
  return av < bv
end})
print("N < 10", N < 10, "3 < N", 3 < N, "N > 10", N > 10)

-- no __le: this lua5.4 build (LUA_COMPAT_LT_LE) falls back to not (b < a)
local onlylt = setmetatable({}, {__lt = function() return true end})
print("no __le", pcall(function() return onlylt <= onlylt end))

-- sorting with __lt
local items = {pt(3, 1), pt(1, 5), pt(2, 2), pt(1, 1)}
table.sort(items)
local out = {}
for i, p in ipairs(items) do out[i] = p.x .. ":" .. p.y end
print("sorted", table.concat(out, " "))

-- __eq in table lookups is not used (keys are raw)
local k1, k2 = pt(0, 0), pt(0, 0)
local map = {[k1] = "k1"}
print("lookup with equal key", map[k2], map[k1])

-- comparing different types errors even with __lt on one side
print(pcall(function() return pt(1, 1) < {} end))
print(pcall(function() return {} < {} end))
