-- shadowing in nested blocks
local x = 1
print("outer", x)
do
  local x = x + 1
  print("level1", x)
  do
    local x = x * 10
    print("level2", x)
    do
      local x = "string now"
      print("level3", x)
    end
    print("back level2", x)
  end
  print("back level1", x)
end
print("back outer", x)

-- shadowing in loops
for i = 1, 3 do
  local i = i * 100
  print("shadowed loop var", i)
end

-- shadowing a parameter
local function f(a)
  print("param", a)
  local a = a .. "!"
  print("shadowed param", a)
  return a
end
print(f("hi"))

-- closures capture the right shadowed variable
local fns = {}
local v = "outer v"
fns[1] = function() return v end
do
  local v = "inner v"
  fns[2] = function() return v end
  v = "inner v modified"
end
v = "outer v modified"
print(fns[1](), fns[2]())

-- same name redeclared in same scope creates new variable
local w = 1
local getw1 = function() return w end
local w = 2
local getw2 = function() return w end
w = 3
print("w", getw1(), getw2(), w)

-- shadowing globals
print("type of print", type(print))
do
  local print = function(...) io.write("custom: ", table.concat({...}, ","), "\n") end
  print("a", "b")
end
print("restored")

-- if blocks
local s = "outer"
if true then
  local s = "then block"
  print(s)
else
  local s = "else block"
  print(s)
end
print(s)

-- while body scope
local n = 0
while n < 2 do
  local n2 = n * 2
  n = n + 1
  print("while", n, n2)
end
print("n2 out of scope", n2)
