-- debug.getlocal and debug.setlocal

local function locals(level)
  local out = {}
  local i = 1
  while true do
    local name, value = debug.getlocal(level + 1, i)
    if not name or name == "(temporary)" then break end
    if name == "(for state)" then value = "?" end
    out[#out + 1] = name .. "=" .. tostring(value)
    i = i + 1
  end
  return table.concat(out, " ")
end

local function f(a, b, ...)
  local c = a + b
  print(locals(1))
  for i = 1, 1 do
    local d = i * 10
    print(locals(1))
  end
  for k, v in pairs({x = 1}) do
    print(locals(1))
  end
  local e = "e"
  print(locals(1))
  print(debug.getlocal(1, -1), debug.getlocal(1, -2), debug.getlocal(1, -3))
  return c
end
f(1, 2, "va1", "va2")

-- parameters of a function value
local function g(x, y, ...) end
print(debug.getlocal(g, 1), debug.getlocal(g, 2), debug.getlocal(g, 3))
print(debug.getlocal(print, 1))

-- setlocal changes the variable
local function h()
  local v = 1
  local w = 2
  print(debug.setlocal(1, 2, 20), debug.setlocal(1, 5, 0))
  return v, w
end
print(h())
local function setter()
  print(debug.setlocal(2, 1, "changed"))
end
local function outer()
  local s = "orig"
  setter()
  return s
end
print(outer())

-- varargs
local function va(...)
  print(debug.setlocal(1, -2, "B"), debug.setlocal(1, -5, "X"))
  return ...
end
print(va("a", "b", "c"))

-- library levels show their arguments as C temporaries
print(debug.getlocal(0, 1))
print(debug.getlocal(0, 2))
print(debug.getlocal(0, 3))

-- coroutines
local co = coroutine.create(function(p)
  local q = p * 2
  coroutine.yield()
end)
coroutine.resume(co, 21)
print(debug.getlocal(co, 1, 1), debug.getlocal(co, 1, 2))
print(debug.setlocal(co, 1, 2, 0), debug.getlocal(co, 1, 2))

-- errors
print(pcall(debug.getlocal, 50, 1))
print(pcall(debug.getlocal, 1))
print(pcall(debug.getlocal, {}, 1))
print(pcall(debug.setlocal, 50, 1, 1))
print(pcall(debug.setlocal, 1, 1))
