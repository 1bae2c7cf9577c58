-- break and do blocks
do
  local a = 1
  do
    local b = 2
    print("nested do", a, b)
  end
  print("b gone", b)
end

-- break out of innermost loop only
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then break end
    print("i j", i, j)
  end
end

-- break in while
local i = 0
while true do
  i = i + 1
  if i > 4 then break end
end
print("while break", i)

-- break in repeat
local r = 0
repeat
  r = r + 1
  if r == 7 then break end
until r > 100
print("repeat break", r)

-- break skips remaining statements
local log = {}
for k = 1, 5 do
  log[#log + 1] = "start" .. k
  if k == 3 then break end
  log[#log + 1] = "end" .. k
end
print(table.concat(log, " "))

-- break inside do block inside loop
for k = 1, 10 do
  do
    if k == 2 then break end
  end
  print("do-in-loop", k)
end

-- break from within nested if
local found
for _, v in ipairs({3, 8, 12, 5}) do
  if v > 5 then
    if v % 2 == 0 then
      found = v
      break
    end
  end
end
print("found", found)

-- do block as statement separator / scoping for return
local function early(x)
  do
    if x then return "early" end
  end
  return "late"
end
print(early(true), early(false))

-- break as last statement in block followed by more code in loop
local s = 0
for k = 1, 10 do
  if k > 3 then
    break
  end
  s = s + k
end
print("sum", s)

-- semicolons and empty statements
;;; do ; end ;
print("empty statements ok")
