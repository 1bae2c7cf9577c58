-- pcall / xpcall return values
print(pcall(function() return 1, 2, 3 end))
print(pcall(function() end))
print(select('#', pcall(function() end)))
print(pcall(function(...) return select('#', ...), ... end, "a", nil, "c"))
print(pcall(math.max, 3, 9, 2))
print(pcall(pcall, error, "nested"))
print(pcall(nil))
print(pcall(42))
print(pcall(pcall))
print(select("#", pcall(pcall)))

-- xpcall with a handler that decorates the message (no traceback)
local function handler(msg) return "handled: " .. tostring(msg) end
print(xpcall(function() error("oops") end, handler))
print(xpcall(function() error("oops", 0) end, handler))
print(xpcall(function() return "fine", 2 end, handler))
print(xpcall(function(a, b) return a + b end, handler, 3, 4))
print(xpcall(function(a, b) return a + b end, handler, 3, nil))

-- handler receives the original error object
print(xpcall(function() error({code = 5}) end, function(e) return "code=" .. e.code end))
print(xpcall(function() error() end, function(e) return "got " .. tostring(e) end))

-- handler can return multiple values
print(xpcall(function() error("x", 0) end, function(e) return e, "extra", 3 end))

-- handler returning nothing
print(xpcall(function() error("x") end, function() end))

-- handler called for runtime errors too
print(xpcall(function() local t = nil; return t[1] end, function(m) return "RT: " .. m end))

-- xpcall without handler
print(pcall(xpcall, function() end))

-- error handler sees the stack at the error point (debug.traceback not printed; just level info)
print(xpcall(function()
  local function deep() error("deep error") end
  deep()
end, function(m) return "H(" .. m .. ")" end))

-- pcall returns false plus the error; the function's results are discarded
local function partial() local x = 1; error("after " .. x, 0) end
local r = table.pack(pcall(partial))
print("n", r.n, r[1], r[2])

-- status is a boolean
local st = pcall(error)
print(type(st), st)

-- pcall inside loops
local results = {}
for i = 1, 5 do
  local ok, v = pcall(function() if i % 2 == 0 then error("even " .. i, 0) end return i * 10 end)
  results[#results + 1] = tostring(ok) .. ":" .. tostring(v)
end
print(table.concat(results, " "))
