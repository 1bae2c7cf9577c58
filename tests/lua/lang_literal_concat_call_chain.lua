-- A concatenation of literals makes a new long string (%p differs), and
-- __call chains in tail calls do not grow the stack.
  local function getadd (s) return string.format("%p", s) end
  local s1 <const> = "01234567890123456789012345678901234567890123456789"
  local s2 <const> = "01234567890123456789012345678901234567890123456789"
  local s3 = "01234567890123456789012345678901234567890123456789"
  local function foo() return s1 end
  local function foo1() return s3 end
  local function foo2()
    return "01234567890123456789012345678901234567890123456789"
  end
  local a1 = getadd(s1)
  print(a1 == getadd(s2))
  print(a1 == getadd(foo()))
  print(a1 == getadd(foo1()))
  print(a1 == getadd(foo2()))
  local sd = "0123456789" .. "0123456789012345678901234567890123456789"
  print(sd == s1 , getadd(sd) ~= a1)
do   -- tail calls x chain of __call
  local n = 10000   -- depth
  local function foo ()
    if n == 0 then return 1023
    else n = n - 1; return foo()
    end
  end
  for i = 1, 100 do
    foo = setmetatable({}, {__call = foo})
  end
  print(coroutine.wrap(function() return foo() end)() == 1023)
end
local t = setmetatable({}, {__call = setmetatable({}, {__call = function(...) return select('#', ...), ... end})})
local u = setmetatable({}, {__call = setmetatable({}, {})})
print(pcall(u, 1))
