-- generic for with stateless and stateful iterators
-- stateless iterator: (f, s, control)
local function iter(t, i)
  i = i + 1
  local v = t[i]
  if v ~= nil then return i, v end
end
local function myipairs(t) return iter, t, 0 end
for i, v in myipairs({"a", "b", "c"}) do print("stateless", i, v) end

-- stateful iterator via closure
local function range(n, step)
  local cur = 0
  step = step or 1
  return function()
    cur = cur + step
    if cur <= n then return cur end
  end
end
for v in range(5) do io.write(v, " ") end
print()
for v in range(10, 3) do io.write(v, " ") end
print()

-- iterator returning multiple values
local function enum(t)
  local i = 0
  return function()
    i = i + 1
    if t[i] then return i, t[i], t[i]:upper(), #t[i] end
  end
end
for i, s, up, len in enum({"x", "yy", "zzz"}) do print(i, s, up, len) end

-- extra variables beyond returned values are nil
for a, b, c in function(_, prev) if not prev then return 1 end end do print("extra", a, b, c) end

-- string.gmatch as iterator
for word in string.gmatch("one two  three", "%a+") do io.write("<", word, ">") end
print()
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, "->", v, " ") end
print()

-- iterator state passed through
local function countdown(s, c)
  if c > 0 then return c - 1 end
end
for c in countdown, nil, 4 do io.write(c, " ") end
print()

-- break in generic for
for i, v in ipairs({10, 20, 30, 40}) do
  if v > 25 then print("break at", i); break end
  print("visit", i, v)
end

-- loop variable modification does not affect iteration (control is hidden copy)
for i, v in ipairs({"p", "q", "r"}) do
  i = i + 10
  io.write(i, v, " ")
end
print()

-- closures capture fresh variables
local fns = {}
for i, v in ipairs({"one", "two", "three"}) do fns[i] = function() return i .. ":" .. v end end
for _, f in ipairs(fns) do io.write(f(), " ") end
print()

-- table as iterator via __call
local callable = setmetatable({n = 0}, {__call = function(self, s, c)
  self.n = self.n + 1
  if self.n <= 3 then return self.n * 11 end
end})
for v in callable do io.write(v, " ") end
print()

-- 4th value: closing value (to-be-closed)
do
  local closer = setmetatable({}, {__close = function() print("iterator closed") end})
  local function it(_, c) if c < 3 then return c + 1 end end
  for v in it, nil, 0, closer do io.write("v", v, " ") end
  print()
end
do
  local closer = setmetatable({}, {__close = function() print("closed on break") end})
  local function it(_, c) return c + 1 end
  for v in it, nil, 0, closer do if v == 2 then break end end
  print("after break")
end
