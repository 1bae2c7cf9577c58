-- pairs and ipairs loops that change their table
-- (integer keys of a constructor's list part are visited in order in Lua)
local t = { 10, 20, 30, 40 }
local seen = {}
for k, v in pairs(t) do
  if k == 1 then
    t[3] = nil   -- deleting a field not yet visited: it is skipped
    t[2] = 99    -- changing one: the loop sees the new value
  end
  seen[#seen + 1] = k .. "=" .. v
end
print(table.concat(seen, " "))
local u = { a = 1, b = 2, c = 3 }
local n = 0
for k in pairs(u) do u[k] = nil; n = n + 1 end
print(n, next(u))
local w = { x = 1, y = 2, z = 3 }
for k, v in pairs(w) do w[k] = v * 10 end
print(w.x, w.y, w.z)
local arr = { 1, 2, 3, 4, 5 }
local s = {}
for i, v in ipairs(arr) do
  if i == 2 then arr[4] = nil end
  if i == 1 then arr[3] = 30 end
  s[#s + 1] = i .. ":" .. v
end
print(table.concat(s, " "))
local cnt = 0
for i in ipairs({ 10, 20, nil, 40 }) do cnt = cnt + i end
print(cnt)
local keys = {}
for k in pairs({ x = 1, y = 2, [true] = 3 }) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, ","))
