-- <const> and <close> variables
local LIMIT <const> = 3
local NAME <const> = "const-name"
print("consts", LIMIT, NAME, LIMIT * 2)
local function useconst() return LIMIT + 1 end
print("const in closure", useconst())

-- assigning to a const is a compile error
local f, err = load("local x <const> = 1; x = 2")
print("assign const", f, err)

local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(self, e)
    log[#log + 1] = name .. "(" .. tostring(e) .. ")"
  end})
end
local function flush(label)
  print(label, table.concat(log, " "))
  log = {}
end

-- reverse order on normal block exit
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  local c <close> = closer("c")
  log[#log + 1] = "body"
end
flush("normal exit:")

-- nil and false are allowed as close values
do
  local n <close> = nil
  local fl <close> = false
  local x <close> = closer("x")
end
flush("nil/false:")

-- on break
for i = 1, 3 do
  local c <close> = closer("loop" .. i)
  if i == 2 then break end
  log[#log + 1] = "iter" .. i
end
flush("break:")

-- on return
local function ret()
  local a <close> = closer("ra")
  local b <close> = closer("rb")
  log[#log + 1] = "returning"
  return "retval"
end
local rv = ret()
log[#log + 1] = "got " .. rv
flush("return:")

-- return values are computed before closing
local function retcomputed()
  local state = {v = "before"}
  local c <close> = setmetatable({}, {__close = function() state.v = "after" end})
  return state.v, state
end
local v1, st = retcomputed()
print("computed before close", v1, st.v)

-- on error, with the error object passed
local ok, e = pcall(function()
  local a <close> = closer("ea")
  local b <close> = closer("eb")
  error("boom", 0)
end)
print("pcall:", ok, e)
flush("error:")

-- error object as table
local ok2, e2 = pcall(function()
  local a <close> = setmetatable({}, {__close = function(_, err) log[#log + 1] = "got table code " .. err.code end})
  error({code = 42})
end)
print("pcall table:", ok2, type(e2), e2.code)
flush("error table:")

-- goto out of a block closes
do
  local i = 0
  ::again::
  do
    local c <close> = closer("g" .. i)
    i = i + 1
    if i < 3 then goto again end
  end
end
flush("goto:")

-- non-closable value is an error
local ok3, e3 = pcall(function() local x <close> = {} end)
print("non-closable:", ok3, e3)
local ok4, e4 = pcall(function() local x <close> = 42 end)
print("non-closable number:", ok4, e4)

-- nested functions and closes
local function inner()
  local i <close> = closer("inner")
  return "inner-result"
end
do
  local o <close> = closer("outer")
  log[#log + 1] = inner()
end
flush("nested:")
