-- fib: naive doubly recursive Fibonacci; measures function calls, integer
-- comparison and addition.
local function fib(n)
  if n < 2 then
    return n
  end
  return fib(n - 1) + fib(n - 2)
end

local n = arg and arg[1] and tonumber(arg[1]) or 35
print(fib(n))
