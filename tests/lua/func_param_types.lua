-- parameters of local functions typed from their call sites
local function area(w, h) return w * h end
local function avg(a, b) return (a + b) / 2 end
local function inv(x) return 1 / x end
local function shift(x, d) return x - d end
for i = 1, 3 do
  print(area(i, i + 1), avg(i, 2 * i), inv(i), shift(i, 1))
end
print(area(math.maxinteger, 2), avg(math.maxinteger, 1), inv(0), inv(-0.0))
local function half(x) return x / 2 end
print(half(1), half(2^53 + 1), half(math.maxinteger))
local function div(a, b) return a / b end
print(div(1, 0), div(-1, 0), div(0, 0) ~= div(0, 0), div(7, 2), div(math.maxinteger, 3))
local function opt(a, b) return b end
print(opt(1), opt(1, 2))
local function sum(n, acc)
  if n == 0 then return acc end
  return sum(n - 1, acc + n * 1.5)
end
print(sum(10, 0))
