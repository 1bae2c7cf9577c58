-- load with a reader function returning pieces
local function reader_from(pieces)
  local i = 0
  return function()
    i = i + 1
    return pieces[i]
  end
end

local f = load(reader_from({"return ", "10 ", "* ", "4"}))
print("pieces", f())

-- pieces split in the middle of tokens
local g = load(reader_from({"local x = 12", "34; ret", "urn x + 1"}))
print("split tokens", g())

-- reader returning empty string ends the chunk
local h = load(reader_from({"return 'before'", "", "error('never read')"}))
print("empty string ends", h())

-- reader returning nil immediately: empty chunk
local e = load(reader_from({}))
print("empty reader", type(e), select('#', e()))

-- chunkname with a reader
local bad = load(reader_from({"error('from reader chunk')"}), "=readerchunk")
print(pcall(bad))

-- syntax error through a reader
print(load(reader_from({"return ", "1 +"}), "=partial"))

-- reader that returns a non-string is an error
-- (only the first line is printed: lua5.4's standalone interpreter appends a traceback here)
local function firstline(fn, msg) return fn, (msg:match("[^\n]*")) end
print(firstline(load(function() return true end)))
print(firstline(load(reader_from({"return 1", {}}))))

-- reader that raises an error
print(pcall(load, function() error("reader exploded", 0) end))

-- reader called until it returns nil: count the calls
local calls = 0
local parts = {"return ", "'a'", " .. 'b'"}
local r = load(function()
  calls = calls + 1
  return parts[calls]
end)
print("result", r(), "calls", calls)

-- a generated program assembled with a reader and a custom environment
local lines = {}
for i = 1, 5 do lines[#lines + 1] = string.format("total = total + %d\n", i * i) end
lines[#lines + 1] = "return total"
local env = {total = 0}
local prog = load(reader_from(lines), "=generated", "t", env)
print("generated", prog(), env.total)

-- one-character pieces
local src = "return (function(a) return a * 2 end)(21)"
local pos = 0
local onechar = load(function()
  pos = pos + 1
  if pos <= #src then return src:sub(pos, pos) end
end)
print("one char pieces", onechar())
