-- methods of a closed file, called directly, through Lua, and on a non-file
local name = os.tmpname()
local f = io.open(name, "w")
f:close()
for _, m in ipairs({"read", "write", "lines", "seek", "setvbuf", "flush", "close"}) do
  print(m, pcall(f[m], f))
  print(m, pcall(function() return f[m](f) end))
  print(m, pcall(f[m], 42))
end
print(pcall(io.close, f))
os.remove(name)
