-- numeric for errors and limit edge cases
local function try(f)
  local ok, err = pcall(f)
  print(ok, err)
end
try(function() for i = 1, 10, 0 do end end)
try(function() for i = 1.0, 10, 0.0 do end end)
try(function() for i = "a", 10 do end end)
try(function() for i = 1, "x" do end end)
try(function() for i = 1, 10, "y" do end end)
try(function() for i = nil, 10 do end end)
try(function() for i = {}, 10 do end end)
try(function() for i = "1", 2 do print("string init ran", i) end end)
try(function() for i = 1, "2" do print("string limit ran", i) end end)

-- near math.maxinteger: no overflow on the last step
local t = {}
for i = math.maxinteger - 2, math.maxinteger do t[#t + 1] = i end
print("up to maxinteger", #t, t[1], t[#t])

t = {}
for i = math.maxinteger - 5, math.maxinteger, 2 do t[#t + 1] = i end
print("step 2 near max", #t, table.concat(t, " "))

t = {}
for i = math.mininteger + 2, math.mininteger, -1 do t[#t + 1] = i end
print("down to mininteger", #t, t[1], t[#t])

t = {}
for i = math.mininteger, math.mininteger + 2 do t[#t + 1] = i end
print("from mininteger", #t, table.concat(t, " "))

-- float limit beyond integer range with integer init
t = {}
for i = math.maxinteger - 1, 1e100 do t[#t + 1] = i end
print("float limit 1e100", #t, table.concat(t, " "))

t = {}
for i = math.mininteger + 1, -1e100, -1 do t[#t + 1] = i end
print("float limit -1e100", #t, table.concat(t, " "))

-- large step
t = {}
for i = 0, math.maxinteger, math.maxinteger // 2 do t[#t + 1] = i end
print("large step", #t, table.concat(t, " "))

t = {}
for i = 1, 0, math.mininteger do t[#t + 1] = i end
print("mininteger step", #t, table.concat(t, " "))

t = {}
for i = math.maxinteger, math.mininteger, math.mininteger do t[#t + 1] = i end
print("maxint to minint by minint", #t, table.concat(t, " "))

-- empty ranges
local c = 0
for i = math.maxinteger, math.maxinteger - 1 do c = c + 1 end
for i = 1, math.mininteger do c = c + 1 end
print("empty count", c)
