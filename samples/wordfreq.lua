-- wordfreq.lua: a small text statistics program
local text = [[
Lua is a powerful, efficient, lightweight, embeddable scripting language.
It supports procedural programming, object-oriented programming, functional
programming, data-driven programming, and data description. Lua combines
simple procedural syntax with powerful data description constructs based on
associative arrays and extensible semantics.
]]

local function words(s)
  return s:lower():gmatch("[%a%-]+")
end

local counts, total = {}, 0
for w in words(text) do
  counts[w] = (counts[w] or 0) + 1
  total = total + 1
end

local list = {}
for w, n in pairs(counts) do list[#list + 1] = {word = w, n = n} end
table.sort(list, function(a, b)
  if a.n ~= b.n then return a.n > b.n end
  return a.word < b.word
end)

local lines, chars = 0, #text
for _ in text:gmatch("[^\n]*\n") do lines = lines + 1 end
local sentences = select(2, text:gsub("[%.!?]", ""))

print(string.format("lines: %d, words: %d, characters: %d, sentences: %d", lines, total, chars, sentences))
print(string.format("distinct words: %d", #list))
print("most frequent words:")
for i = 1, 8 do
  local e = list[i]
  print(string.format("  %-12s %2d  %s", e.word, e.n, string.rep("#", e.n)))
end

local longest = list[1].word
for _, e in ipairs(list) do
  if #e.word > #longest or (#e.word == #longest and e.word < longest) then longest = e.word end
end
print("longest word: " .. longest .. " (" .. #longest .. " letters)")

local lengths = {}
for _, e in ipairs(list) do lengths[#e.word] = (lengths[#e.word] or 0) + e.n end
local keys = {}
for len in pairs(lengths) do keys[#keys + 1] = len end
table.sort(keys)
print("word length histogram:")
for _, len in ipairs(keys) do
  print(string.format("  %2d letters: %s", len, string.rep("=", lengths[len])))
end
