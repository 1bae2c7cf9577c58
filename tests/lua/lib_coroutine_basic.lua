-- coroutine.create, resume, yield, status, running, isyieldable: values
-- passed both ways, every status, resuming dead or running coroutines, and
-- errors inside coroutines.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end

print("-- values in and out")
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c, d = coroutine.yield(a + b, "first")
  print("got", c, d)
  local e = coroutine.yield()
  print("got", e)
  return "done", nil, 3
end)
print(type(co), coroutine.status(co))
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, "x", "y"))
print(coroutine.resume(co))
print(coroutine.status(co))
print(coroutine.resume(co))
print(coroutine.resume(co, 1))
print(select("#", coroutine.resume(coroutine.create(function() end))))
print(select("#", coroutine.resume(coroutine.create(function() return nil, nil end))))
print(coroutine.resume(coroutine.create(function(...) return select("#", ...), ... end), nil, nil))
print(coroutine.resume(coroutine.create(function() coroutine.yield() end)))

print("-- status")
local outer
local inner = coroutine.create(function()
  print("inner sees outer as", coroutine.status(outer))
  print("inner sees itself as", coroutine.status(coroutine.running()))
end)
outer = coroutine.create(function()
  print("outer sees itself as", coroutine.status(outer))
  coroutine.resume(inner)
  print("inner after it returned", coroutine.status(inner))
  coroutine.yield()
end)
coroutine.resume(outer)
print(coroutine.status(outer))
coroutine.resume(outer)
print(coroutine.status(outer))

print("-- running and isyieldable")
local main, ismain = coroutine.running()
print(type(main), ismain, coroutine.isyieldable(), coroutine.status(main))
co = coroutine.create(function()
  local me, m = coroutine.running()
  print(type(me), m, coroutine.isyieldable(), me == co, coroutine.status(me))
  print(coroutine.isyieldable(main), coroutine.isyieldable(me))
end)
coroutine.resume(co)
print(coroutine.isyieldable(co), coroutine.status(co))
print(coroutine.resume(main))
print(coroutine.resume(coroutine.running()))

print("-- yield across pcall, metamethods and iterators")
co = coroutine.create(function()
  print("pcall", pcall(function() coroutine.yield("from pcall"); error("after") end))
  local mt = {__index = function(_, k) return coroutine.yield("from __index " .. k) end}
  local t = setmetatable({}, mt)
  print("index", t.key)
  for v in function(_, last) return coroutine.yield("from iterator") end do
    print("loop", v)
    break
  end
  local s = table.concat({"a", "b"})
  return "end " .. s
end)
while true do
  local ok, v = coroutine.resume(co, "resumed")
  print(ok, v)
  if coroutine.status(co) == "dead" then break end
end
-- the generator pattern
local function range(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local acc = {}
for i in range(5) do acc[#acc + 1] = i end
print(table.concat(acc, ","))

print("-- errors inside coroutines")
co = coroutine.create(function() error("boom") end)
print(coroutine.resume(co))
print(coroutine.status(co), coroutine.resume(co))
co = coroutine.create(function() error({code = 42}) end)
local ok, e = coroutine.resume(co)
print(ok, type(e), e.code)
co = coroutine.create(function() error("no position", 0) end)
print(coroutine.resume(co))
co = coroutine.create(function() local x = nil; return x.field end)
print(coroutine.resume(co))
co = coroutine.create(function() coroutine.yield(1); error("second") end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.status(co))
-- a coroutine cannot resume itself or the coroutine that resumed it
co = coroutine.create(function() return coroutine.resume(co) end)
print(coroutine.resume(co))
local parent
parent = coroutine.create(function()
  local child = coroutine.create(function() return coroutine.resume(parent) end)
  return coroutine.resume(child)
end)
print(coroutine.resume(parent))

print("-- argument errors")
try("yield outside", coroutine.yield, 1)
print(pcall(function() coroutine.yield() end))
try("create nil", coroutine.create)
try("create number", coroutine.create, 1)
try("create C function", function() return coroutine.status(coroutine.create(print)) end)
try("resume nil", coroutine.resume)
try("resume table", coroutine.resume, {})
try("status nil", coroutine.status)
try("status string", coroutine.status, "x")
try("isyieldable bad", coroutine.isyieldable, 1)
print(pcall(function() return coroutine.resume(42) end))
-- C functions can be coroutine bodies
co = coroutine.create(print)
print(coroutine.resume(co, "printed by print"))
print(coroutine.resume(coroutine.create(string.rep), "ab", 3))
print(coroutine.resume(coroutine.create(error), "raised", 0))
