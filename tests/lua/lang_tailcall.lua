-- proper tail calls
local function loop(n)
  if n == 0 then return "done" end
  return loop(n - 1)
end
print("loop 30000", loop(30000))
print("loop 200000", loop(200000))

-- accumulator style
local function sum(n, acc)
  if n == 0 then return acc end
  return sum(n - 1, acc + n)
end
print("sum 100000", sum(100000, 0))

-- mutual tail recursion
local is_even, is_odd
function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
print("is_even 100001", is_even(100001))
print("is_odd 100001", is_odd(100001))

-- tail call through a table field and a method
local obj = {}
function obj:count(n) if n == 0 then return "method done" end return self:count(n - 1) end
print(obj:count(50000))

-- tail call returning multiple values
local function multi(n) if n == 0 then return 1, 2, 3 end return multi(n - 1) end
print("multi", multi(40000))

-- tail call to a vararg function
local function va(n, ...)
  if n == 0 then return select('#', ...), ... end
  return va(n - 1, ...)
end
print("vararg tail", va(30000, "a", "b"))

-- state machine via tail calls
local s1, s2, s3
function s1(n, log) if n == 0 then return log end return s2(n - 1, log + 1) end
function s2(n, log) if n == 0 then return log end return s3(n - 1, log + 2) end
function s3(n, log) if n == 0 then return log end return s1(n - 1, log + 3) end
print("state machine", s1(90000, 0))

-- a non-tail call returning the value of a tail-called function
local function wrap(n) return (loop(n)) end
print("wrapped", wrap(30000))

-- global function tail recursion
function gloop(n) if n <= 0 then return n end return gloop(n - 1) end
print("global loop", gloop(30000))
