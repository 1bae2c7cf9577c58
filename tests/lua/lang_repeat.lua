-- repeat-until, condition sees body locals
local i = 0
repeat
  local doubled = i * 2
  i = i + 1
  io.write(doubled, " ")
until doubled >= 8
print()
print("i after", i)

-- executes at least once
local runs = 0
repeat runs = runs + 1 until true
print("runs", runs)

-- break inside repeat
local n = 0
repeat
  n = n + 1
  if n == 3 then break end
until false
print("n", n)

-- closures inside repeat capture a fresh local per iteration
local fns = {}
local j = 0
repeat
  j = j + 1
  local captured = j * 10
  fns[#fns + 1] = function() return captured end
until captured >= 40
for k, f in ipairs(fns) do print("closure", k, f()) end

-- closure in until condition refers to body local
local m = 0
repeat
  local stop = m
  m = m + 1
  local check = function() return stop >= 2 end
until check()
print("m", m)

-- nested repeat
local pairs_out = {}
local a = 0
repeat
  a = a + 1
  local b = 0
  repeat
    b = b + 1
    pairs_out[#pairs_out + 1] = a .. b
  until b >= a
until a >= 3
print(table.concat(pairs_out, " "))

-- shadowing in repeat: condition sees the inner local, not the outer
local flag = false
local iters = 0
repeat
  iters = iters + 1
  local flag = iters >= 2
until flag
print("iters", iters, "outer flag", flag)

-- digit sum using repeat
local function digits(x)
  local ds = {}
  repeat
    ds[#ds + 1] = x % 10
    x = x // 10
  until x == 0
  return table.concat(ds, "")
end
print("reversed digits", digits(12345), digits(0), digits(7))
