-- Library functions that call Lua code (table.sort, string.gsub) are C-call
-- boundaries: callbacks cannot yield; deep coroutine nesting overflows; a
-- coroutine cannot close itself from its own __close.
local co = coroutine.wrap(function()
  print(pcall(table.sort, {1, 2, 3}, coroutine.yield))
  print(coroutine.isyieldable())
  coroutine.yield(20)
  return 30
end)
print(co(), co())
local function f(c) print("in gsub", coroutine.isyieldable()) return c .. c end
local co2 = coroutine.wrap(function(c)
  print(coroutine.isyieldable())
  return (string.gsub("a", ".", f))
end)
print(co2())
print(coroutine.isyieldable())
local co3 = coroutine.wrap(function()
  return pcall(string.gsub, "ab", ".", function(c) coroutine.yield(c) end)
end)
print(co3())
local co4 = coroutine.create(function()
  table.sort({3, 2, 1}, function(a, b) return a < b end)
  coroutine.yield("after sort")
  return "done"
end)
print(coroutine.resume(co4)); print(coroutine.resume(co4))
local function f (n)
  local c = coroutine.create(f)
  local a,b = coroutine.resume(c)
  return b
end
print(string.find(f(), "C stack overflow"))
local depth = 0
local function g()
  depth = depth + 1
  local co = coroutine.wrap(g)
  return co()
end
print(depth > 50)
local function func2close(f) return setmetatable({}, {__close = f}) end
local co
co = coroutine.create(function()
  local x <close> = func2close(function()
    print("status in close", coroutine.status(co), coroutine.running() == co)
    coroutine.close(co)
  end)
  coroutine.yield(20)
end)
local st, msg = coroutine.resume(co)
print(st, msg)
st, msg = coroutine.close(co)
print(st, msg, coroutine.status(co))
