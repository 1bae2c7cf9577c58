-- strings: building strings with .. and table.concat, string.format,
-- string.rep, string.sub, string.byte, string.upper, and patterns
-- (string.find, string.gmatch, string.gsub) over generated text.
local n = arg and arg[1] and tonumber(arg[1]) or 300000

local words = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta" }
local nwords = #words

-- a simple checksum over the bytes of a string, sampling every step-th byte
local function checksum(s, step)
  local h = 0
  for i = 1, #s, step do
    h = (h * 31 + s:byte(i)) % 1000000007
  end
  return h
end

-- generate text with string.format and table.concat
local parts = {}
for i = 1, n do
  parts[#parts + 1] = string.format("%s%d=%.2f;", words[i % nwords + 1], i, i / 7)
end
local text = table.concat(parts, " ")

-- concatenation with .. in a loop (kept short: Lua strings are immutable)
local lines = 0
for r = 1, n // 100 do
  local line = ""
  for j = 1, 50 do
    line = line .. words[(r + j) % nwords + 1] .. ","
  end
  lines = lines + #line
end

-- string.rep and string.sub
local reps = 0
for i = 1, n do
  local s = string.rep("ab", i % 10 + 1, "-")
  reps = reps + #s + #s:sub(2, -2)
end
local subs = 0
for i = 1, #text - 8, 5 do
  if text:sub(i, i + 3) == "beta" then
    subs = subs + 1
  end
end

-- string.find in a loop with a pattern and captures
local pos, found, fsum = 1, 0, 0
while true do
  local s, e, digits = text:find("a(%d+)=", pos)
  if not s then
    break
  end
  found = found + 1
  fsum = fsum + tonumber(digits) % 1000
  pos = e + 1
end

-- plain find
local plain = 0
pos = 1
while true do
  local s = text:find("0.", pos, true)
  if not s then
    break
  end
  plain = plain + 1
  pos = s + 2
end

-- gmatch with two captures
local gm, gsum = 0, 0
for word, num in text:gmatch("(%a+)(%d+)") do
  gm = gm + #word
  gsum = (gsum + tonumber(num)) % 1000003
end

-- gsub with a replacement string and with a function
local t2, c2 = text:gsub("(%a+)(%d+)", "%2%1")
local t3, c3 = text:gsub("%d+%.%d+", function(d)
  return #d
end)

-- upper and byte-level checksums
local up = text:upper()

print(#text, checksum(text, 7))
print(lines, reps, subs)
print(found, fsum, plain)
print(gm, gsum)
print(#t2, c2, checksum(t2, 11))
print(#t3, c3, checksum(t3, 13))
print(checksum(up, 17))
