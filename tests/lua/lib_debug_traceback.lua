-- debug.traceback: levels, threads, messages
local function f(lvl)
  print(debug.traceback("msg", lvl))
end
local function g(lvl) f(lvl) end
g(1)
g(2)
g(0)
g(10)
print(debug.traceback())
print(debug.traceback(nil, 2))
print(type(debug.traceback({})))
print(debug.traceback(12))
local co = coroutine.create(function(x)
  local function inner() coroutine.yield(x) end
  inner()
end)
print(debug.traceback(co))
coroutine.resume(co, 1)
print(debug.traceback(co))
print(debug.traceback(co, "hi"))
print(debug.traceback(co, "hi", 1))
print(debug.traceback(co, nil, 2))
coroutine.resume(co)
print(debug.traceback(co))

-- a coroutine killed by an error keeps its stack until it is closed
local function lvl3() error("deep") end
local function lvl2() lvl3() end
local co3 = coroutine.create(function() coroutine.yield(1); lvl2() end)
coroutine.resume(co3)
local ok, err = coroutine.resume(co3)
print(ok, err)
print(debug.traceback(co3, err))
print(debug.traceback(co3, "x", 1))
print(debug.getinfo(co3, 0, "Sn").what, debug.getinfo(co3, 1, "Sln").currentline, debug.getinfo(co3, 1, "n").name)
print(coroutine.close(co3))
print(debug.traceback(co3))
local co4 = coroutine.create(function() return 1 end)
coroutine.resume(co4)
print(debug.traceback(co4), debug.getinfo(co4, 0))
