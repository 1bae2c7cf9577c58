-- __close metamethod details
local log = {}
local function res(name)
  return setmetatable({name = name}, {
    __close = function(self, err)
      log[#log + 1] = self.name .. (err ~= nil and ("!" .. tostring(err)) or "")
    end,
    __name = "Resource",
  })
end
local function flush(label) print(label, table.concat(log, " ")); log = {} end

-- __close receives the object itself
do
  local r <close> = res("self-check")
end
flush("self:")

-- __close is looked up again at the time of closing
do
  local mt = {__close = function() log[#log + 1] = "original" end}
  local r <close> = setmetatable({}, mt)
  mt.__close = function() log[#log + 1] = "replaced" end
end
flush("replaced:")

-- closing in loops: every iteration closes
for i = 1, 3 do
  local r <close> = res("it" .. i)
end
flush("loop:")

-- while loop with break and close
local i = 0
while true do
  i = i + 1
  local r <close> = res("w" .. i)
  if i == 2 then break end
end
flush("while break:")

-- return from nested blocks closes all levels
local function f()
  local a <close> = res("fa")
  do
    local b <close> = res("fb")
    do
      local c <close> = res("fc")
      return "from inner"
    end
  end
end
print(f())
flush("nested return:")

-- tail call does not happen with tbc variables: close after the callee returns
local function callee() log[#log + 1] = "callee"; return "callee result" end
local function caller()
  local r <close> = res("caller")
  return callee()
end
print(caller())
flush("tail call:")

-- errors: closes receive the error; pcall returns the error
local ok, e = pcall(function()
  local a <close> = res("ea")
  local n = nil
  return n.field
end)
print(ok, e)
flush("runtime error:")

-- error object that is a table
ok, e = pcall(function()
  local a <close> = res("tbl")
  error(setmetatable({}, {__tostring = function() return "custom error" end}))
end)
print(ok, tostring(e))
flush("table error:")

-- non-closable value message with __name not involved
print(pcall(function() local x <close> = "string" end))

-- const and close together: close vars are also const
local f2, err2 = load("local x <close> = nil; x = 1")
print("assign to close var", f2, err2)
local f3, err3 = load("local x <foo> = 1")
print("unknown attribute", f3, err3)
