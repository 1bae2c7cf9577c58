-- tables: array appends (t[#t + 1] = v and table.insert), indexed reads,
-- ipairs and pairs traversals, string-keyed and sparse integer-keyed hash
-- tables, records with named fields, a 2-D grid and table.remove.
local n = arg and arg[1] and tonumber(arg[1]) or 1500000

-- arrays: append with t[#t + 1] and with table.insert
local t = {}
for i = 1, n do
  t[#t + 1] = i * 37 % 1000
end
local u = {}
for i = 1, n do
  table.insert(u, t[i] + i % 13)
end

-- reads: numeric for over #t, and ipairs
local s1 = 0
for i = 1, #t do
  s1 = s1 + t[i]
end
local s2 = 0
for _, v in ipairs(u) do
  s2 = s2 + v
end

-- read-modify-write through indexes
for i = 2, n do
  t[i] = (t[i] + t[i - 1]) % 100003
end

-- hash table with string keys
local h = {}
for i = 1, n do
  local k = "k" .. (i % 5000)
  h[k] = (h[k] or 0) + i
end
local s3, cnt = 0, 0
for _, v in pairs(h) do
  s3 = s3 + v
  cnt = cnt + 1
end

-- sparse integer keys
local sp = {}
for i = 1, n do
  sp[i * 7919 % 100003] = i
end
local s4, cnt4 = 0, 0
for k, v in pairs(sp) do
  s4 = s4 + k * v % 1000
  cnt4 = cnt4 + 1
end

-- records with named fields
local recs = {}
for i = 1, n // 4 do
  recs[#recs + 1] = { id = i, x = i % 17, y = i % 23, name = "r" .. i }
end
local s5 = 0
for _, r in ipairs(recs) do
  r.x = r.x + r.y
  s5 = s5 + r.x * r.id % 97 + #r.name
end

-- 2-D grid
local size = 200
local grid = {}
for i = 1, size do
  local row = {}
  for j = 1, size do
    row[j] = (i * j) % 10
  end
  grid[i] = row
end
local s6 = 0
for j = 1, size do
  for i = 1, size do
    s6 = s6 + grid[i][j] * (i + j)
  end
end

-- table.remove from the end
local s7 = 0
while #u > n // 2 do
  s7 = s7 + table.remove(u)
end

print(s1, s2, t[n], s3, cnt, s4, cnt4, s5, s6, s7, #u)
