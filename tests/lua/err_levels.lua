-- error levels
local function lvl1() error("level 1 error", 1) end
local function lvl2() error("level 2 error", 2) end
local function lvl3() error("level 3 error", 3) end
local function lvl0() error("level 0 error", 0) end

local function call1() lvl1() end
local function call2()
  lvl2()      -- line 9: level 2 points here
end
local function call3()
  call2x = function() lvl3() end
  call2x()    -- line 13: level 3 points here
end

print(pcall(call1))
print(pcall(call2))
print(pcall(call3))
print(pcall(lvl0))

-- argument checking helper using level 2
local function checknum(x)
  if type(x) ~= "number" then
    error("expected number, got " .. type(x), 2)
  end
  return x
end
local function useit()
  return checknum("str")   -- a tail call: level 2 is gone, so no position
end
print(pcall(useit))

-- level 2 when called directly from pcall: there is no Lua caller
print(pcall(lvl2))

-- default level is 1
print(pcall(function() error("default level") end))

-- high levels beyond the stack: no position
print(pcall(function() error("very high level", 50) end))

-- error levels with methods
local obj = {}
function obj:fail() error("method failed", 2) end
local function caller() obj:fail() end  -- line 45
print(pcall(caller))

-- assert messages have no position
print(pcall(assert, false, "assert message"))
print(pcall(assert, nil))
print(pcall(function() assert(1 == 2, "inside function") end))
print(pcall(function() assert(false) end))

-- level in a tail call
local function tail() return lvl2() end
local function calltail()
  tail()   -- line 57
  return 1
end
print(pcall(calltail))
