-- backward jumps forming loops
local n = 1
::top::
io.write(n, " ")
n = n + 1
if n <= 5 then goto top end
print()

-- backward jump with local declared after the label (allowed: label before local)
local acc = {}
do
  local k = 0
  ::again::
  k = k + 1
  local sq = k * k
  acc[#acc + 1] = sq
  if k < 4 then goto again end
end
print(table.concat(acc, ","))

-- forward jumps out of nested blocks
local function find(matrix, target)
  local ri, ci
  for r = 1, #matrix do
    for c = 1, #matrix[r] do
      if matrix[r][c] == target then
        ri, ci = r, c
        goto found
      end
    end
  end
  do return nil end
  ::found::
  return ri, ci
end
local m = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
print("find 6", find(m, 6))
print("find 10", find(m, 10))

-- goto out of deeply nested loops
local log = {}
for a = 1, 3 do
  for b = 1, 3 do
    for c = 1, 3 do
      log[#log + 1] = a .. b .. c
      if a * b * c == 4 then goto done end
    end
  end
end
::done::
print(table.concat(log, " "))

-- label at end of block (no statements after label in the block)
do
  local x = 1
  if x == 1 then goto finish end
  print("not printed")
  ::finish::
end
print("after block end label")

-- label at end of function
local function f(v)
  if v then goto out end
  print("v is falsy")
  ::out::
end
f(true); f(false)

-- goto forward skipping a block inside while
local i = 0
while true do
  i = i + 1
  if i > 3 then goto exit end
  io.write("w", i, " ")
end
::exit::
print()

-- same label name in different functions and blocks
local function g()
  local out = {}
  do
    goto l
    out[#out + 1] = "skipped1"
    ::l::
    out[#out + 1] = "block1"
  end
  do
    goto l
    out[#out + 1] = "skipped2"
    ::l::
    out[#out + 1] = "block2"
  end
  return table.concat(out, ",")
end
print(g())

-- closure capture with backward goto creates fresh local each time
local fns = {}
do
  local c = 0
  ::loop::
  local captured = c
  fns[#fns + 1] = function() return captured end
  c = c + 1
  if c < 3 then goto loop end
end
print(fns[1](), fns[2](), fns[3]())
