-- pairs and ipairs loops that change their table
local t = { a = 1, b = 2, c = 3, d = 4, [1] = "x", [2] = "y", [true] = "T" }
local seen = {}
for k, v in pairs(t) do
  t.c = nil           -- deleting a field not yet visited: it is skipped
  t.b = 20            -- changing one: the loop sees the new value
  seen[#seen + 1] = tostring(k) .. "=" .. tostring(v)
end
table.sort(seen)
print(table.concat(seen, " "))
local u = { a = 1, b = 2, c = 3 }
local n = 0
for k in pairs(u) do u[k] = nil; n = n + 1 end
print(n, next(u))
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
for k in pairs({ x = 1, y = 2 }) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","))
