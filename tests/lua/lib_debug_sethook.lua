-- debug.sethook / debug.gethook: call, return, line and count events

print(debug.gethook())

-- line events
local lines = {}
local function lhook(event, line)
  lines[#lines + 1] = event .. ":" .. line
end
local function work(n)
  local s = 0
  for i = 1, n do
    s = s + i
  end
  return s
end
debug.sethook(lhook, "l")
work(2)
debug.sethook()
print(table.concat(lines, " "))

-- call and return events with names
local trace = {}
local function crhook(event)
  local info = debug.getinfo(2, "nS")
  trace[#trace + 1] = event .. " " .. tostring(info.name) .. " " .. info.what
end
local function leaf(x) return x + 1 end
local function mid(x)
  local y = leaf(x)
  return y * 2
end
local function tail(x) return mid(x) end
debug.sethook(crhook, "cr")
tail(1)
math.abs(-1)
debug.sethook()
for _, e in ipairs(trace) do print(e) end

-- gethook
local function h() end
debug.sethook(h, "crl", 7)
local f, m, c = debug.gethook()
print(f == h, m, c)
debug.sethook()
debug.sethook(h, "", 3)
f, m, c = debug.gethook()
print(f == h, m, c)
debug.sethook(h, "", 0)
print(debug.gethook())

-- count events
local count = 0
debug.sethook(function(e) count = count + 1 end, "", 1)
work(100)
debug.sethook()
print(count > 10)

-- the hook function itself is named "?" ("hook")
debug.sethook(function(e)
  local i = debug.getinfo(1, "n")
  print("in hook", e, i.name, i.namewhat)
  debug.sethook()
end, "c")
math.abs(1)

-- a coroutine's hook is its own
local co = coroutine.create(function()
  coroutine.yield(10)
  return 20
end)
local ctrace = {}
debug.sethook(co, function(event) ctrace[#ctrace + 1] = event end, "clr")
print(debug.gethook())
print(select(2, debug.gethook(co)))
repeat until not coroutine.resume(co)
print(table.concat(ctrace, " "))

-- errors
print(pcall(debug.sethook, print))
print(pcall(debug.sethook, 1, "c"))
print(pcall(debug.sethook, print, "c", "x"))

-- a hook cannot yield
local co2 = coroutine.create(function()
  local a = 1
  return a
end)
debug.sethook(co2, function(e, l) coroutine.yield(l) end, "l")
print(coroutine.resume(co2))
print(coroutine.status(co2))
