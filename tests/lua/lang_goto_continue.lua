-- goto continue idiom in every loop kind
for i = 1, 6 do
  if i % 2 == 0 then goto continue end
  io.write("for:", i, " ")
  ::continue::
end
print()

local i = 0
while i < 6 do
  i = i + 1
  if i % 3 == 0 then goto continue end
  io.write("while:", i, " ")
  ::continue::
end
print()

local j = 0
repeat
  j = j + 1
  if j == 2 then goto continue end
  io.write("repeat:", j, " ")
  ::continue::
until j >= 4
print()

for _, w in ipairs({"apple", "", "banana", "", "cherry"}) do
  if w == "" then goto continue end
  do
    local up = w:upper()
    io.write(up, " ")
  end
  ::continue::
end
print()

-- nested loops each with own continue label
for a = 1, 3 do
  for b = 1, 3 do
    if a == b then goto continue end
    io.write(a, b, " ")
    ::continue::
  end
  if a == 2 then goto continue end
  io.write("| ")
  ::continue::
end
print()

-- closures in loop with continue capture fresh locals
local fns = {}
for k = 1, 5 do
  local sq = k * k
  if k == 3 then goto continue end
  fns[#fns + 1] = function() return sq end
  ::continue::
end
for _, f in ipairs(fns) do io.write(f(), " ") end
print()

-- continue with a label followed by a semicolon-only tail
for k = 1, 3 do
  if k == 2 then goto skip end
  io.write("k", k, " ")
  ::skip:: ;
end
print()

-- local declared between the goto and a label at the end of the block (allowed)
for k = 1, 4 do
  if k % 2 == 1 then goto continue end
  local msg = "even" .. k
  io.write(msg, " ")
  ::continue::
end
print()

-- the same in a while loop
local w = 0
while w < 4 do
  w = w + 1
  if w == 1 then goto continue end
  local doubled = w * 2
  io.write(doubled, " ")
  ::continue::
end
print()
