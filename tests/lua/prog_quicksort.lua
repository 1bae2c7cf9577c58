-- quicksort in Lua (and a few other sorts), compared with table.sort
local function quicksort(t, lo, hi, cmp)
  lo, hi = lo or 1, hi or #t
  cmp = cmp or function(a, b) return a < b end
  if lo >= hi then return t end
  local pivot = t[(lo + hi) // 2]
  local i, j = lo, hi
  while i <= j do
    while cmp(t[i], pivot) do i = i + 1 end
    while cmp(pivot, t[j]) do j = j - 1 end
    if i <= j then
      t[i], t[j] = t[j], t[i]
      i, j = i + 1, j - 1
    end
  end
  quicksort(t, lo, j, cmp)
  quicksort(t, i, hi, cmp)
  return t
end

-- deterministic pseudo-random numbers (linear congruential generator)
local seed = 12345
local function rand(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end

local data = {}
for i = 1, 40 do data[i] = rand(1000) end
print("input ", table.concat(data, " "))
local copy = {table.unpack(data)}
quicksort(data)
print("sorted", table.concat(data, " "))
table.sort(copy)
local same = true
for i = 1, #data do if data[i] ~= copy[i] then same = false end end
print("matches table.sort", same)

-- descending with comparator
quicksort(data, 1, #data, function(a, b) return a > b end)
print("desc  ", table.concat(data, " ", 1, 10), "...")

-- strings
local words = {"pear", "apple", "fig", "banana", "cherry", "date", "Apple", "kiwi"}
quicksort(words)
print(table.concat(words, " "))
quicksort(words, 1, #words, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(table.concat(words, " "))

-- insertion sort and merge sort for comparison
local function insertion(t)
  for i = 2, #t do
    local v, j = t[i], i - 1
    while j >= 1 and t[j] > v do t[j + 1] = t[j]; j = j - 1 end
    t[j + 1] = v
  end
  return t
end
local function merge_sort(t)
  if #t <= 1 then return t end
  local mid = #t // 2
  local left = merge_sort({table.unpack(t, 1, mid)})
  local right = merge_sort({table.unpack(t, mid + 1)})
  local out, i, j = {}, 1, 1
  while i <= #left and j <= #right do
    if left[i] <= right[j] then out[#out + 1] = left[i]; i = i + 1
    else out[#out + 1] = right[j]; j = j + 1 end
  end
  for k = i, #left do out[#out + 1] = left[k] end
  for k = j, #right do out[#out + 1] = right[k] end
  return out
end
local nums = {5, -2, 9.5, 0, 3, 3, -7, 1e3, 2}
print("insertion", table.concat(insertion({table.unpack(nums)}), " "))
print("merge    ", table.concat(merge_sort(nums), " "))

-- sorting records by multiple keys with table.sort
local people = {{"ann", 31}, {"bob", 25}, {"cid", 31}, {"dee", 25}, {"eve", 40}}
table.sort(people, function(a, b) if a[2] ~= b[2] then return a[2] < b[2] end return a[1] > b[1] end)
local out = {}
for i, p in ipairs(people) do out[i] = p[1] .. ":" .. p[2] end
print(table.concat(out, " "))

-- large sort
local big = {}
for i = 1, 5000 do big[i] = rand(100000) end
quicksort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print("big sorted", ok, big[1], big[2500], big[5000])
