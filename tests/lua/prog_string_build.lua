-- string building with table.concat and friends
local buf = {}
for i = 1, 10 do buf[#buf + 1] = string.format("%02d", i) end
print(table.concat(buf, "-"))
print(table.concat(buf, ", ", 3, 6))
print(table.concat(buf))

-- building a table of lines
local lines = {}
local function emit(fmt, ...) lines[#lines + 1] = string.format(fmt, ...) end
emit("%-10s|%6s|%8s", "item", "qty", "price")
emit("%s", string.rep("-", 26))
local items = {{"apple", 3, 0.5}, {"bread", 1, 2.25}, {"cheese", 2, 7.125}}
local total = 0
for _, it in ipairs(items) do
  local cost = it[2] * it[3]
  total = total + cost
  emit("%-10s|%6d|%8.2f", it[1], it[2], cost)
end
emit("%-10s|%6s|%8.2f", "total", "", total)
print(table.concat(lines, "\n"))

-- string.rep with separators, padding helpers
local function pad(s, n, ch) return s .. string.rep(ch or " ", n - #s) end
local function center(s, n)
  local left = (n - #s) // 2
  return string.rep(" ", left) .. s .. string.rep(" ", n - #s - left)
end
print("[" .. pad("ab", 6, ".") .. "]", "[" .. center("mid", 9) .. "]", "[" .. center("even", 9) .. "]")

-- reversing words and building with gsub
local sentence = "the quick brown fox jumps"
local rev = {}
for w in sentence:gmatch("%S+") do table.insert(rev, 1, w) end
print(table.concat(rev, " "))
print((sentence:gsub("(%w+)", function(w) return w:sub(1, 1):upper() .. w:sub(2) end)))

-- CSV-ish join and split
local function split(s, sep)
  local out = {}
  for field in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = field end
  return out
end
local fields = split("a,b,,d,", ",")
print(#fields, table.concat(fields, "|"))
local f2 = split("one::two::three", "::")
print(#f2, table.concat(f2, "/"))

-- large string building
local big = {}
for i = 1, 1000 do big[i] = tostring(i) end
local s = table.concat(big)
print("length", #s, s:sub(1, 20), s:sub(-10))

-- string.format %q round trip via load
local tricky = "line1\nline2\t\"quoted\"\\ \0 end"
local quoted = string.format("%q", tricky)
local back = load("return " .. quoted)()
print("roundtrip", back == tricky, #tricky)

-- string.byte/char transformations (rot13)
local function rot13(str)
  return (str:gsub("%a", function(c)
    local base = c:match("%l") and 97 or 65
    return string.char((c:byte() - base + 13) % 26 + base)
  end))
end
print(rot13("Hello, World!"), rot13(rot13("Hello, World!")))

-- hex dump
local function hex(str) return (str:gsub(".", function(c) return string.format("%02x ", c:byte()) end)) end
print(hex("Lua\0\255"))

-- table.concat with numbers
print(table.concat({1, 2.5, -3, 1e20}, ";"))
