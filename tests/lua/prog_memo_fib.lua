-- memoized fibonacci and other memoization
local calls = 0
local memo = {}
local function fib(n)
  calls = calls + 1
  if n <= 2 then return 1 end
  local v = memo[n]
  if v then return v end
  v = fib(n - 1) + fib(n - 2)
  memo[n] = v
  return v
end
for _, n in ipairs({1, 2, 10, 30, 50, 90}) do print("fib", n, fib(n)) end
print("calls", calls)
print("fib 92 (largest that fits)", fib(92))
print("fib 93 wraps", fib(93))

-- naive vs memoized call counts
local naive_calls = 0
local function naive(n)
  naive_calls = naive_calls + 1
  if n <= 2 then return 1 end
  return naive(n - 1) + naive(n - 2)
end
print("naive fib 20", naive(20), "calls", naive_calls)

-- generic memoize with a weak-free cache keyed by argument
local function memoize(f)
  local cache = {}
  return function(x)
    local r = cache[x]
    if r == nil then r = f(x); cache[x] = r end
    return r
  end
end
local slow_calls = 0
local square = memoize(function(x) slow_calls = slow_calls + 1; return x * x end)
print(square(12), square(12), square(3), square(12.0), "slow calls", slow_calls)

-- memoized via __index
local fibt = setmetatable({[1] = 1, [2] = 1}, {__index = function(t, n)
  local v = t[n - 1] + t[n - 2]
  t[n] = v
  return v
end})
print("fib table 80", fibt[80])

-- float fibonacci with Binet formula vs integers
local phi = (1 + math.sqrt(5)) / 2
for _, n in ipairs({10, 20, 40, 70}) do
  local approx = math.floor(phi ^ n / math.sqrt(5) + 0.5)
  print("binet", n, approx, approx == fib(n))
end

-- iterative fibonacci with multiple assignment
local function fib_iter(n)
  local a, b = 0, 1
  for _ = 1, n do a, b = b, a + b end
  return a
end
print("iter", fib_iter(0), fib_iter(1), fib_iter(10), fib_iter(60))

-- partition numbers with 2-key memo
local pmemo = {}
local function partitions(n, k)
  if n == 0 then return 1 end
  if n < 0 or k == 0 then return 0 end
  local key = n * 1000 + k
  local v = pmemo[key]
  if v then return v end
  v = partitions(n - k, k) + partitions(n, k - 1)
  pmemo[key] = v
  return v
end
print("partitions", partitions(5, 5), partitions(10, 10), partitions(50, 50), partitions(100, 100))
