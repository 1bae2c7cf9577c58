-- while loops
local i = 1
while i <= 5 do
  io.write(i, " ")
  i = i + 1
end
print()
print("after loop i =", i)

-- while with break
local n = 0
while true do
  n = n + 1
  if n * n > 50 then break end
end
print("first n with n^2 > 50:", n)

-- while never executing
local ran = false
while false do ran = true end
print("ran", ran)

-- nested while
local out = {}
local a = 1
while a <= 3 do
  local b = 1
  while b <= a do
    out[#out + 1] = a .. "x" .. b
    b = b + 1
  end
  a = a + 1
end
print(table.concat(out, ","))

-- collatz
local function collatz(x)
  local steps = 0
  while x ~= 1 do
    if x % 2 == 0 then x = x // 2 else x = 3 * x + 1 end
    steps = steps + 1
  end
  return steps
end
for _, v in ipairs({1, 6, 7, 27, 97}) do print("collatz", v, collatz(v)) end

-- while condition reevaluated every iteration with table length
local t = {1, 2, 3}
local k = 1
while k <= #t do
  if t[k] < 3 then t[#t + 1] = t[k] + 10 end
  k = k + 1
end
print("grown:", table.concat(t, " "))

-- gcd with while
local function gcd(p, q)
  while q ~= 0 do p, q = q, p % q end
  return p
end
print("gcd", gcd(48, 18), gcd(17, 5), gcd(100, 75))

-- float accumulation in while
local x = 0.0
local count = 0
while x < 1 do x = x + 0.25; count = count + 1 end
print("x", x, "count", count)
