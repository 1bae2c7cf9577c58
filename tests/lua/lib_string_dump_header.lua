-- string.dump output starts with Lua 5.4's header; load checks it in lundump's
-- order and reports corrupted and truncated chunks as Lua does.
local header = string.pack("c4BBc6BBB", "\27Lua", 0x54, 0, "\x19\x93\r\n\x1a\n", 4, string.packsize("j"), string.packsize("n"))
local c = string.dump(function ()
  local a = 1; local b = 3;
  local f = function () return a + b + _ENV.c; end
  return a + b * 3
end)
print(assert(load(c))() == 10)
print(string.sub(c, 1, #header) == header)
local ci, cn = string.unpack("jn", c, #header + 1)
print(ci == 0x5678 and cn == 370.5)
for i = 1, #header do
  local s = string.sub(c, 1, i - 1) .. string.char(string.byte(string.sub(c, i, i)) + 1) .. string.sub(c, i + 1, -1)
  local f, msg = load(s)
  print(i, f, msg)
end
for i = 1, #header + 20, 7 do
  local st, msg = load(string.sub(c, 1, i))
  print(i, st, msg)
end
print(load("\27xyz", "=name"))
print(load("\27Lua", "@file.lua"))
print(load("\27Lua\x53", "chunk"))
local fn = os.tmpname()
local fh = io.open(fn, "wb"); fh:write(c); fh:close()
print(loadfile(fn)())
print(loadfile(fn, "t"))
os.remove(fn)
