-- os.exit(true, true) from inside pcall: it cannot be caught, buffered
-- output is flushed, and closing the state closes the pending to-be-closed
-- variables of every active function (innermost first, with a nil error).
io.stdout:setvbuf("full")
io.write("buffered output, ")
print("still buffered")
local guard <close> = setmetatable({}, {__close = function(_, e) print("closed guard", e) end})
local function deep()
  local inner <close> = setmetatable({}, {__close = function(_, e) print("closed inner", e) end})
  pcall(os.exit, true, true)
  print("not reached: pcall caught exit")
end
print(pcall(deep))
print("not reached after exit")
