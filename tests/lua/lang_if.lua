-- if / elseif / else
local function classify(n)
  if n < 0 then
    return "negative"
  elseif n == 0 then
    return "zero"
  elseif n < 10 then
    return "small"
  elseif n < 100 then
    return "medium"
  else
    return "large"
  end
end
for _, v in ipairs({-5, 0, 3, 42, 1000, 9.5, 99.99}) do
  print(v, classify(v))
end

-- truthiness: only nil and false are false
local vals = {0, "", "false", {}, false, nil, 0.0}
for i = 1, 7 do
  local v = vals[i]
  if v then print(i, "truthy") else print(i, "falsy") end
end

-- nested ifs
local function grid(a, b)
  if a then
    if b then return "both" else return "only a" end
  else
    if b then return "only b" end
  end
  return "neither"
end
print(grid(true, true), grid(true, false), grid(false, true), grid(false, false))

-- if without else, side effects
local log = {}
for i = 1, 6 do
  if i % 2 == 0 then log[#log + 1] = "even" .. i end
  if i % 3 == 0 then log[#log + 1] = "three" .. i end
end
print(table.concat(log, " "))

-- conditions with function calls and multiple results (first value used)
local function two() return false, true end
if two() then print("two true") else print("two false") end

-- elseif chains with strings
local function day(n)
  if n == 1 then return "Mon" elseif n == 2 then return "Tue" elseif n == 3 then return "Wed"
  elseif n == 4 then return "Thu" elseif n == 5 then return "Fri" else return "Weekend" end
end
for i = 1, 7 do io.write(day(i), " ") end
print()

-- comparison of int and float in condition
if 1 == 1.0 then print("1 == 1.0") end
if "1" == 1 then print("string equals number?") else print("\"1\" ~= 1") end
