-- os.exit(code) without `close` ends the program like C's exit(): output
-- already written (even buffered) appears, but no to-be-closed variable is
-- closed and nothing after the call runs, even under pcall or in a coroutine.
io.write("written before exit\n")
local guard <close> = setmetatable({}, {__close = function() print("not reached: closed guard") end})
local co = coroutine.wrap(function()
  local inner <close> = setmetatable({}, {__close = function() print("not reached: closed inner") end})
  print(pcall(os.exit, 0))
  print("not reached: after exit in coroutine")
end)
print("calling exit in a coroutine")
co()
print("not reached: after coroutine")
