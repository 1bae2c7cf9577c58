-- functions with an integer version: every argument type takes the right path
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
print(fib(20), fib(10.0), pcall(fib, "12"), pcall(fib, {}))
local function tri(n, acc)
  if n == 0 then return acc end
  return tri(n - 1, acc + n)
end
print(tri(100, 0), tri(10, 0.5), tri(3, math.maxinteger))
local function scale(x, k)
  local y = x * k
  y = y // 3
  return y - 1
end
print(scale(7, 3), scale(7.5, 2), scale(math.mininteger, 2), scale(9, "2"))
local function count(n)
  local c = 0
  while n > 1 do
    if n % 2 == 0 then n = n // 2 else n = 3 * n + 1 end
    c = c + 1
  end
  return c
end
print(count(27), count(27.0), count(1))
local function bad(n)
  return n + nil
end
print(pcall(bad, 1))
print(pcall(bad, 1.5))
local function mixed(a, b)
  return a - b
end
print(mixed(1, 2), mixed(1, 2.0), mixed(1.0, 2), mixed(math.mininteger, 1))
