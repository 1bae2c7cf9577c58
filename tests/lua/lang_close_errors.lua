-- <close> interacting with errors
local log = {}
local function closer(name, fail)
  return setmetatable({}, {__close = function(_, e)
    log[#log + 1] = name .. ":" .. tostring(e)
    if fail then error(name .. " failed", 0) end
  end})
end
local function flush(label)
  print(label, table.concat(log, " | "))
  log = {}
end

-- error in __close during normal exit replaces nothing: becomes the error
local ok, e = pcall(function()
  local a <close> = closer("a")
  local b <close> = closer("b", true)
  return "normal"
end)
print("close error on normal exit:", ok, e)
flush("log:")

-- error in __close during error: the new error replaces the old one,
-- later closes receive the new error
ok, e = pcall(function()
  local a <close> = closer("a")
  local b <close> = closer("b", true)
  local c <close> = closer("c")
  error("original", 0)
end)
print("close error during error:", ok, e)
flush("log:")

-- closes run when error propagates through several functions
local function level3()
  local c3 <close> = closer("l3")
  error("deep", 0)
end
local function level2()
  local c2 <close> = closer("l2")
  level3()
end
ok, e = pcall(function()
  local c1 <close> = closer("l1")
  level2()
end)
print("propagate:", ok, e)
flush("log:")

-- pcall inside a block with close: pcall catches, block closes normally afterwards
do
  local outer <close> = closer("outer")
  local ok2, e2 = pcall(function()
    local inner <close> = closer("inner")
    error("caught inside", 0)
  end)
  log[#log + 1] = "pcall returned " .. tostring(ok2) .. " " .. e2
end
flush("inner pcall:")

-- error with a position
ok, e = pcall(function()
  local c <close> = closer("pos")
  error("with position")
end)
print("position:", ok, e)
flush("log:")

-- close with coroutines: coroutine.close runs pending closes
local co = coroutine.create(function()
  local c <close> = closer("co")
  coroutine.yield("yielded")
  log[#log + 1] = "never"
end)
print("resume:", coroutine.resume(co))
print("close:", coroutine.close(co))
flush("coroutine close:")
print("status", coroutine.status(co))
