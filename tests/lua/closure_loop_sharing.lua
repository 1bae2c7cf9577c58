-- Which closures made in loops share a variable (debug.upvalueid), and that
-- shared never-assigned loop locals still hold each iteration's value.
local fs = {}
for i = 1, 2 do
  local x = i * 10
  fs[#fs+1] = function () return x end
  fs[#fs+1] = function () return x, 0 end
  for k = 1, 2 do fs[#fs+1] = function () return i + k end end
end
local id = debug.upvalueid
print(id(fs[1], 1) == id(fs[2], 1), id(fs[1], 1) == id(fs[5], 1))
print(id(fs[3], 1) == id(fs[4], 1), id(fs[3], 1) == id(fs[7], 1))
print(fs[1](), fs[2](), fs[3](), fs[4](), fs[5](), fs[7](), fs[8]())

-- a goto loop: each pass declares a fresh 'b'; both closures of a pass share it
local t = {}
local n = 0
::again::
n = n + 1
local b = n
t[#t + 1] = function () return b end
t[#t + 1] = function () return b + 100 end
if n < 3 then goto again end
for i = 1, #t - 1 do
  io.write(tostring(id(t[i], 1) == id(t[i + 1], 1)), " ")
end
print()
print(t[1](), t[2](), t[3](), t[4](), t[5](), t[6]())

-- setupvalue through one closure is seen by the other closure of its pass
debug.setupvalue(t[3], 1, 42)
print(t[3](), t[4](), t[5]())
