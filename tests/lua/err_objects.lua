-- error objects as tables with fields
local MyError = {}
MyError.__index = MyError
MyError.__tostring = function(e) return string.format("MyError[%s]: %s", e.code, e.message) end
function MyError.new(code, message) return setmetatable({code = code, message = message}, MyError) end
function MyError:is(code) return self.code == code end

local function risky(n)
  if n < 0 then error(MyError.new("NEG", "negative input " .. n)) end
  if n == 0 then error(MyError.new("ZERO", "zero input")) end
  if n > 100 then error("plain string error for " .. n) end
  return math.sqrt(n)
end

for _, n in ipairs({16, -4, 0, 1000}) do
  local ok, res = pcall(risky, n)
  if ok then
    print(n, "ok", res)
  elseif getmetatable(res) == MyError then
    print(n, "MyError", res.code, res.message, tostring(res), res:is("NEG"))
  else
    print(n, "other", type(res), res)
  end
end

-- try/catch/finally helper
local function try(block)
  local ok, err = pcall(block.body)
  local handled
  if not ok and block.catch then handled = block.catch(err) end
  if block.finally then block.finally() end
  return ok, handled
end
local log = {}
print(try{
  body = function() log[#log + 1] = "body"; error({kind = "io", detail = "disk full"}) end,
  catch = function(e) log[#log + 1] = "catch " .. e.kind; return e.detail end,
  finally = function() log[#log + 1] = "finally" end,
})
print(table.concat(log, ", "))

-- error hierarchies by metatable chain
local Base = {}
Base.__index = Base
local IOError = setmetatable({}, {__index = Base})
IOError.__index = IOError
local function raise(cls, msg) error(setmetatable({msg = msg}, cls)) end
local function isa(obj, cls)
  local mt = getmetatable(obj)
  while mt do
    if mt == cls then return true end
    local parent = getmetatable(mt)
    mt = parent and parent.__index
  end
  return false
end
local ok, e = pcall(raise, IOError, "cannot read")
print("isa IOError", isa(e, IOError), "isa Base", isa(e, Base), e.msg)

-- error objects with fields survive rethrow
local ok2, e2 = pcall(function()
  local ok3, e3 = pcall(error, {count = 1})
  e3.count = e3.count + 1
  error(e3)
end)
print("rethrown count", e2.count)

-- error with table and level: level is ignored for non-strings
local ok4, e4 = pcall(error, {v = "lvl"}, 2)
print("table with level", type(e4), e4.v)

-- using error codes with string.format for messages
local function check(v)
  if type(v) ~= "number" then
    error(string.format("bad value %q (type %s)", tostring(v), type(v)), 0)
  end
  return v
end
print(pcall(check, "abc"))
print(pcall(check, 12))
