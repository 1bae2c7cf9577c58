-- pairs / ipairs / next
local function sorted_keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks, function(a, b)
    if type(a) == type(b) then return a < b end
    return type(a) < type(b)
  end)
  return ks
end

local t = {10, 20, 30, x = "ex", y = "why", [100] = "hundred", [-1] = "neg"}
for _, k in ipairs(sorted_keys(t)) do print("pairs", k, t[k]) end

for i, v in ipairs(t) do print("ipairs", i, v) end

-- ipairs stops at the first nil
local holes = {1, 2, nil, 4}
local count = 0
for i, v in ipairs(holes) do count = count + 1 end
print("ipairs count with hole", count)

-- next
print("next empty", next({}))
local single = {only = 1}
print("next single", next(single))
print("next after only", next(single, "only"))
local arr = {"a"}
print("next arr", next(arr))
print("next arr after 1", next(arr, 1))

-- counting with next
local n = 0
local k = next(t)
while k ~= nil do n = n + 1; k = next(t, k) end
print("counted with next", n)

-- pairs returns next, t, nil
local f, s, c = pairs(t)
print("pairs returns", f == next, s == t, c)
local g, s2, c2 = ipairs(t)
print("ipairs returns", type(g), s2 == t, c2)

-- modifying existing fields during traversal is allowed
local m = {a = 1, b = 2, c = 3}
for key, v in pairs(m) do m[key] = v * 10 end
for _, key in ipairs(sorted_keys(m)) do print("modified", key, m[key]) end

-- clearing fields during traversal is allowed
for key in pairs(m) do m[key] = nil end
print("cleared", next(m))

-- sum of values with pairs (order independent)
local nums = {5, 6, 7, a = 8, b = 9}
local total = 0
for _, v in pairs(nums) do total = total + v end
print("total", total)

-- ipairs respects __index
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * i end end})
for i, v in ipairs(proxy) do print("proxy ipairs", i, v) end

-- next with invalid key
print(pcall(next, {}, "nokey"))

-- float keys normalised to integers
local fk = {}
fk[1.0] = "one"
fk[2] = "two"
print("float key", fk[1], fk[2.0], #fk)
for i, v in ipairs(fk) do print("fk", i, math.type(i), v) end
