-- // and % floor semantics
local pairs_ = {{7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {0, 3}, {6, 3}, {-6, 3}, {1, 5}, {-1, 5}}
for _, p in ipairs(pairs_) do
  local a, b = p[1], p[2]
  print(string.format("%3d // %2d = %3d   %3d %% %2d = %3d", a, b, a // b, a, b, a % b))
end
print("-- floats")
for _, p in ipairs({{7.5, 2}, {-7.5, 2}, {7.5, -2}, {-7.5, -2}, {5.0, 3}, {-5.0, 3}, {0.0, 2}, {-0.0, 2}}) do
  local a, b = p[1], p[2]
  print(a, b, a // b, a % b)
end
print("-- mixed")
print(7 // 2.0, -7 // 2.0, 7 % 2.0, -7 % 2.0, 7.0 % -3, -7 % 3.0)
print("-- special floats")
print(5 % math.huge, -5 % math.huge, 5 % -math.huge, -5 % -math.huge)
print(5.0 // 0.0, -5.0 // 0.0, 5 // 0.0, 0.0 // 0.0 ~= 0.0 // 0.0)
print(math.huge // 1, -math.huge // 1, math.huge % 2 ~= math.huge % 2)
print(5.3 % 0.0 ~= 5.3 % 0.0, 5 % 0.0 ~= 5 % 0.0)
print("-- identity a == (a // b) * b + a % b")
local ok = true
for a = -10, 10 do
  for b = -4, 4 do
    if b ~= 0 then
      if (a // b) * b + a % b ~= a then ok = false; print("fail", a, b) end
    end
  end
end
print("identity holds", ok)
print("-- mininteger cases")
print(math.mininteger // -1, math.mininteger % -1)
print(math.mininteger // 1, math.mininteger % 1, math.maxinteger // -1)
print(math.maxinteger % 2, math.mininteger % 2, math.mininteger % 3)
print("-- floats with fractional results")
print(3.5 % 1, -3.5 % 1, 0.3 % 0.1, 1e15 % 7)
print(2^53 // 3, 2^53 % 3)
print("-- strings coerced")
print("7" // "2", "7" % "2", "7.0" // 2, "-7" % 3)
