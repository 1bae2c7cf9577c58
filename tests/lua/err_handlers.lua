-- errors inside error handlers and nested pcall
-- a handler that always errors: the result is "error in error handling"
local ok, e = xpcall(function() error("original") end, function(m) error("handler failed") end)
print("handler error", ok, type(e), e)

-- handler that errors only the first time: Lua retries the handler with the new error
local calls = 0
local ok2, e2 = xpcall(function() error("first", 0) end, function(m)
  calls = calls + 1
  if calls == 1 then error("from handler", 0) end
  return "second call got: " .. tostring(m)
end)
print("retry", ok2, e2, "calls", calls)

-- pcall inside the handler is fine
print(xpcall(function() error("outer", 0) end, function(m)
  local ok3, e3 = pcall(error, "inner in handler", 0)
  return m .. " / " .. e3
end))

-- nested pcall: inner error caught, outer continues
print(pcall(function()
  local ok4, e4 = pcall(function() error("inner", 0) end)
  return "outer saw: " .. tostring(ok4) .. " " .. e4
end))

-- nested pcall: inner succeeds, outer fails
print(pcall(function()
  local ok5, v5 = pcall(function() return "inner ok" end)
  error("outer fails after " .. v5, 0)
end))

-- three levels
local function level(n)
  if n == 0 then error("bottom", 0) end
  local ok6, e6 = pcall(level, n - 1)
  error(e6 .. "<" .. n, 0)
end
print(pcall(level, 3))

-- xpcall inside pcall inside xpcall
print(xpcall(function()
  return pcall(function()
    return xpcall(function() error("deepest", 0) end, function(m) return "[x1 " .. m .. "]" end)
  end)
end, function(m) return "[x2 " .. m .. "]" end))

-- error thrown from the handler of an inner xpcall propagates to the outer pcall? no: inner xpcall returns false
print(pcall(function()
  return xpcall(function() error("a", 0) end, function(m) return m .. "+handled" end)
end))

-- error object passes unchanged through nested pcalls
local errobj = {tag = "E"}
local ok7, e7 = pcall(function()
  local _, inner = pcall(error, errobj)
  error(inner)
end)
print("same object through levels", e7 == errobj, e7.tag)

-- pcall with a function that errors while building its arguments
print(pcall(function() return tostring(nil .. "x") end))

-- error in __tostring while printing an error message
local weird = setmetatable({}, {__tostring = function() error("tostring failed", 0) end})
print(pcall(tostring, weird))

-- error in __index inside pcall
local t = setmetatable({}, {__index = function(_, k) error("no field " .. k, 2) end})
print(pcall(function() return t.missing end))
