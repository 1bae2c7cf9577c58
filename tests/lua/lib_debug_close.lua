-- debug.getinfo and hooks around to-be-closed variables and error handlers

local function closer(f) return setmetatable({}, {__close = f}) end

-- a normal exit: the function is still running its __close
local function normal()
  local x <close> = closer(function()
    local i = debug.getinfo(2, "n")
    print("normal", i.name, i.namewhat, debug.getinfo(1, "n").name)
  end)
  return 1
end
normal()

-- an error: Lua has discarded the function, pcall is the caller
local function failing()
  local x <close> = closer(function(_, err)
    local i = debug.getinfo(2, "nS")
    print("error", err, i.name, i.what)
  end)
  error("boom", 0)
end
print(pcall(failing))

-- tracebacks name the __close metamethod
local function tbclose()
  local x <close> = closer(function() error("in close", 0) end)
end
local ok, msg = xpcall(tbclose, debug.traceback)
print(msg:match("in metamethod 'close'") ~= nil)

-- return hooks see the __close calls before the function returns
local trace = {}
local function hook(event)
  trace[#trace + 1] = event .. " " .. tostring(debug.getinfo(2, "n").name)
end
local function foo(...)
  local x <close> = closer(function() trace[#trace + 1] = "x" end)
  local y <close> = closer(function() debug.sethook(hook, "r") end)
  return ...
end
local t = {foo(10, 20)}
debug.sethook()
print(table.concat(trace, ", "))

-- inside a message handler, the levels of the error are still there
local function handler(m)
  local out = {}
  for level = 1, 4 do
    local i = debug.getinfo(level, "nSl")
    out[#out + 1] = tostring(i.name) .. ":" .. i.what .. ":" .. i.currentline
  end
  return table.concat(out, " ")
end
local function raiser() error("x") end
print(xpcall(raiser, handler))
