-- word frequency counter over a fixed text
local text = [[
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair, we had everything before us,
we had nothing before us, we were all going direct to Heaven, we were all going
direct the other way.
]]

local counts = {}
local total, longest = 0, ""
for word in text:gmatch("%a+") do
  local w = word:lower()
  counts[w] = (counts[w] or 0) + 1
  total = total + 1
  if #w > #longest or (#w == #longest and w < longest) then longest = w end
end

local words = {}
for w in pairs(counts) do words[#words + 1] = w end
table.sort(words, function(a, b)
  if counts[a] ~= counts[b] then return counts[a] > counts[b] end
  return a < b
end)

print("total words", total, "distinct", #words, "longest", longest)
for i = 1, 12 do
  local w = words[i]
  print(string.format("%2d. %-12s %3d %s", i, w, counts[w], string.rep("*", counts[w])))
end

-- words appearing once, alphabetically
local once = {}
for _, w in ipairs(words) do if counts[w] == 1 then once[#once + 1] = w end end
table.sort(once)
print("hapax legomena:", table.concat(once, " "))

-- letter frequencies
local letters = {}
for ch in text:lower():gmatch("%a") do letters[ch] = (letters[ch] or 0) + 1 end
local ls = {}
for ch, n in pairs(letters) do ls[#ls + 1] = {ch = ch, n = n} end
table.sort(ls, function(a, b) if a.n ~= b.n then return a.n > b.n end return a.ch < b.ch end)
local top = {}
for i = 1, 5 do top[i] = ls[i].ch .. "=" .. ls[i].n end
print("top letters:", table.concat(top, ", "))

-- line statistics
local lineno = 0
for line in text:gmatch("([^\n]*)\n") do
  lineno = lineno + 1
  local _, nwords = line:gsub("%a+", "")
  print(string.format("line %d: %2d chars, %2d words", lineno, #line, nwords))
end
