-- Sieve of Eratosthenes and related number theory
local function sieve(n)
  local is = {}
  for i = 2, n do is[i] = true end
  for i = 2, math.floor(math.sqrt(n)) do
    if is[i] then
      for j = i * i, n, i do is[j] = false end
    end
  end
  local primes = {}
  for i = 2, n do if is[i] then primes[#primes + 1] = i end end
  return primes
end
local p100 = sieve(100)
print("primes below 100:", #p100)
print(table.concat(p100, " "))
local p = sieve(20000)
print("primes below 20000:", #p, "largest", p[#p])

-- prime factorisation
local function factor(n)
  local fs = {}
  local d = 2
  while d * d <= n do
    while n % d == 0 do fs[#fs + 1] = d; n = n // d end
    d = d + 1
  end
  if n > 1 then fs[#fs + 1] = n end
  return table.concat(fs, "*")
end
for _, n in ipairs({2, 12, 97, 360, 1001, 65536, 999983, 600851475143}) do print("factor", n, factor(n)) end

-- twin primes below 200
local sp = sieve(200)
local twins = {}
for i = 2, #sp do if sp[i] - sp[i - 1] == 2 then twins[#twins + 1] = "(" .. sp[i - 1] .. "," .. sp[i] .. ")" end end
print("twins", table.concat(twins, " "))

-- goldbach for small evens
local isprime = {}
for _, v in ipairs(sp) do isprime[v] = true end
for n = 4, 30, 2 do
  for a = 2, n // 2 do
    if isprime[a] and isprime[n - a] then io.write(n, "=", a, "+", n - a, " "); break end
  end
end
print()

-- sum of primes below 20000 and a digit checksum
local sum = 0
for _, v in ipairs(p) do sum = sum + v end
print("sum", sum, "mod 1000007", sum % 1000007)
