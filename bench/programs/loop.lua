-- loop: numeric for loops (ascending, descending, nested, float-stepped) and a
-- while loop, accumulating integer and float arithmetic.
local n = arg and arg[1] and tonumber(arg[1]) or 5000000

-- integer accumulation with modulo
local isum = 0
for i = 1, n do
  isum = (isum + i * i) % 1000003
end

-- float accumulation (harmonic series with a twist)
local fsum = 0.0
for i = 1, n do
  fsum = fsum + 1.0 / i - i * 1e-9
end

-- nested loops, the inner one descending with a step
local acc = 0
local m = n // 100
for i = 1, 100 do
  for j = m, 1, -3 do
    acc = acc + (i * j) % 11 - (j // 7) % 3
  end
end

-- float-stepped loop
local x = 0.0
for k = 0.0, n / 8, 0.5 do
  x = x + k * 0.25
end

-- while loops: total Collatz steps for the first n / 100 integers
local steps = 0
for s = 1, n // 100 do
  local c = s
  while c ~= 1 do
    if c % 2 == 0 then
      c = c // 2
    else
      c = 3 * c + 1
    end
    steps = steps + 1
  end
end

print(isum)
print(string.format("%.9f", fsum))
print(acc)
print(string.format("%.9f", x))
print(steps)
