-- Integer subtraction needs no overflow test where the operand has a known
-- lower bound (after `if n < K then return end`, in `for i = K, ...`); the
-- results must stay Lua's everywhere else, wraparound included.
local function f(n)
  if n < 2 then return n end
  return n - 1, n - 3
end
print(f(5))
print(f(math.mininteger))
print(f(1), f(2))
local function f2(n)
  if 10 > n then return "below" end
  return n - 20
end
print(f2(9), f2(10), f2(math.maxinteger))
local function g(n)
  if n < math.mininteger + 1 then return "not a literal bound" end
  return n - 1
end
print(g(math.mininteger), g(0))
for i = 1, 3 do io.write(i - 1, " ") end
for i = -2, 0 do io.write(i - 1, " ") end
for i = math.mininteger, math.mininteger + 1 do io.write(i - 1, " ") end
print()
-- a label after the test: a goto can skip it, so no bound is assumed
local function h(n)
  do goto skip end
  if n < 2 then return n end
  ::skip::
  return n - 1
end
print(h(math.mininteger))
-- an assigned variable gets no bound
local function a(n)
  if n < 2 then return n end
  n = math.mininteger
  return n - 1
end
print(a(5))
-- floats keep float arithmetic
local function k(n) if n < 2 then return 0 end return n - 1 end
print(k(2.5), k(3), k(2^53))
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
print(fib(20), fib(20.0))
