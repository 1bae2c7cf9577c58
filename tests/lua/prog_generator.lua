-- coroutine-based generators: coroutine.wrap and yield across nested calls
local function range(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end
local t = {}
for v in range(5) do t[#t + 1] = v end
print("range", table.concat(t, " "))

-- yield from nested function calls
local function walk(tree, depth)
  if type(tree) ~= "table" then
    coroutine.yield(tree, depth)
    return
  end
  for _, child in ipairs(tree) do walk(child, depth + 1) end
end
local tree = {1, {2, 3, {4, {5}}}, {{6}}, 7}
for leaf, depth in coroutine.wrap(function() walk(tree, 0) end) do
  io.write(leaf, "@", depth, " ")
end
print()

-- generator pipeline: numbers -> filter -> map -> take
local function gen(f) return coroutine.wrap(f) end
local function naturals() return gen(function() local i = 0 while true do i = i + 1; coroutine.yield(i) end end) end
local function filter(pred, g) return gen(function() for v in g do if pred(v) then coroutine.yield(v) end end end) end
local function map(f, g) return gen(function() for v in g do coroutine.yield(f(v)) end end) end
local function take(n, g)
  local out = {}
  for v in g do
    out[#out + 1] = v
    if #out >= n then break end
  end
  return out
end
local squares_of_odds = take(6, map(function(x) return x * x end, filter(function(x) return x % 2 == 1 end, naturals())))
print("pipeline", table.concat(squares_of_odds, " "))

-- values passed into resume come out of yield
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got", d, e)
  return "finished", d + e
end)
print("resume1", coroutine.resume(co, 1, 2))
print("status", coroutine.status(co))
print("resume2", coroutine.resume(co, 10))
print("resume3", coroutine.resume(co, 3, 4))
print("status", coroutine.status(co))
print("resume dead", coroutine.resume(co))

-- errors inside coroutines
local bad = coroutine.create(function() local x = nil; coroutine.yield(1); return x.field end)
print("bad1", coroutine.resume(bad))
print("bad2", coroutine.resume(bad))
print("bad status", coroutine.status(bad))
local w = coroutine.wrap(function() error("wrapped error", 0) end)
print("wrap error", pcall(w))
local w2 = coroutine.wrap(function() error({code = 1}) end)
local okw, ew = pcall(w2)
print("wrap table error", okw, type(ew), ew.code)

-- isyieldable, running
print("main yieldable", coroutine.isyieldable())
local co2 = coroutine.create(function()
  local _, ismain = coroutine.running()
  return coroutine.isyieldable(), ismain
end)
print("inside", coroutine.resume(co2))
local _, mainflag = coroutine.running()
print("main running flag", mainflag)

-- permutations generator
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a)
  else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local perms = {}
for p in coroutine.wrap(function() permgen({"a", "b", "c"}) end) do perms[#perms + 1] = table.concat(p) end
print("perms", table.concat(perms, " "))

-- yield across pcall
local co3 = coroutine.wrap(function()
  local ok, v = pcall(function()
    local got = coroutine.yield("yielded inside pcall")
    error("after resume: " .. got, 0)
  end)
  coroutine.yield("pcall returned " .. tostring(ok) .. " " .. v)
  return "end"
end)
print(co3())
print(co3("hello"))
print(co3())
print("resume dead wrap", pcall(co3))

-- producer/consumer
local producer = coroutine.create(function()
  for _, item in ipairs({"bread", "milk", "eggs"}) do coroutine.yield(item) end
  return nil
end)
local consumed = {}
while true do
  local _, item = coroutine.resume(producer)
  if not item then break end
  consumed[#consumed + 1] = item:upper()
end
print("consumed", table.concat(consumed, ","), coroutine.status(producer))
