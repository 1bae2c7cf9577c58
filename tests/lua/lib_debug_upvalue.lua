-- debug.getupvalue, setupvalue, upvalueid, upvaluejoin

local a, b, c = 1, 2, 3
local function f()
  return c + a, b   -- upvalues in order of first use: c, a, b
end
for i = 0, 4 do print(i, debug.getupvalue(f, i)) end
print(debug.setupvalue(f, 2, 10), a)
print(f())
print(debug.setupvalue(f, 4, 10), select("#", debug.setupvalue(f, 4, 10)))
print(select("#", debug.getupvalue(f, 9)))

-- globals make _ENV an upvalue at their first use
local x = 1
local function g()
  local y = x
  print(y)
end
print(debug.getupvalue(g, 1), debug.getupvalue(g, 2) == "_ENV")
local main = load("return X")
local n, v = debug.getupvalue(main, 1)
print(n, v == _G)
print(debug.setupvalue(main, 1, {X = 42}), main())

-- shared variables
local function counter()
  local n = 0
  local function inc() n = n + 1 return n end
  local function get() return n end
  return inc, get
end
local inc1, get1 = counter()
local inc2, get2 = counter()
print(debug.upvalueid(inc1, 1) == debug.upvalueid(get1, 1))
print(debug.upvalueid(inc1, 1) == debug.upvalueid(inc2, 1))
print(type(debug.upvalueid(inc1, 1)), debug.upvalueid(inc1, 2))
inc1()
print(get1(), get2())
debug.setupvalue(get1, 1, 100)
print(inc1())

-- upvaluejoin: inc2 now counts with inc1's variable
debug.upvaluejoin(inc2, 1, inc1, 1)
print(inc2(), get1(), get2())
print(debug.upvalueid(inc2, 1) == debug.upvalueid(get1, 1))

-- library functions have no names for their upvalues
local name = debug.getupvalue(string.gmatch("x", "x"), 1)
print(name)
print(debug.getupvalue(print, 1))

-- argument errors
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.getupvalue, f))
print(pcall(debug.setupvalue, f, 1))
print(pcall(debug.upvalueid, f, 10))
print(pcall(debug.upvalueid, {}, 1))
print(pcall(debug.upvaluejoin, f, 9, g, 1))
print(pcall(debug.upvaluejoin, f, 1, g, 9))
print(pcall(debug.upvaluejoin, string.gmatch("x", "x"), 1, f, 1))
print(pcall(debug.upvaluejoin, f, 1, string.gmatch("x", "x"), 1))
