-- collectgarbage() inside a debug hook leaves the traced functions' locals,
-- upvalues and globals intact.
local count = 0
local up = {n = 1}
debug.sethook(function (e)
  collectgarbage()
  count = count + 1
end, "crl")

local function f(a, b)
  collectgarbage()
  local t = {a, b}
  local s = 0
  for i = 1, #t do s = s + t[i] + up.n end
  return s, tostring(print ~= nil)
end
local r1, r2 = f(10, 20)
debug.sethook()
print(r1, r2, count > 0, up.n)
