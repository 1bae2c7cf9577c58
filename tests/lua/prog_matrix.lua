-- matrices with metatables: multiplication, determinant, printing
local Matrix = {}
Matrix.__index = Matrix
local function M(rows) return setmetatable(rows, Matrix) end
function Matrix.identity(n)
  local r = {}
  for i = 1, n do r[i] = {} for j = 1, n do r[i][j] = i == j and 1 or 0 end end
  return M(r)
end
Matrix.__mul = function(a, b)
  if type(a) == "number" then a, b = b, a end
  if type(b) == "number" then
    local r = {}
    for i = 1, #a do r[i] = {} for j = 1, #a[1] do r[i][j] = a[i][j] * b end end
    return M(r)
  end
  assert(#a[1] == #b, "dimension mismatch")
  local r = {}
  for i = 1, #a do
    r[i] = {}
    for j = 1, #b[1] do
      local s = 0
      for k = 1, #b do s = s + a[i][k] * b[k][j] end
      r[i][j] = s
    end
  end
  return M(r)
end
Matrix.__add = function(a, b)
  local r = {}
  for i = 1, #a do r[i] = {} for j = 1, #a[1] do r[i][j] = a[i][j] + b[i][j] end end
  return M(r)
end
Matrix.__eq = function(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do for j = 1, #a[1] do if a[i][j] ~= b[i][j] then return false end end end
  return true
end
Matrix.__tostring = function(m)
  local lines = {}
  for i = 1, #m do
    local cells = {}
    for j = 1, #m[i] do cells[j] = string.format("%6s", tostring(m[i][j])) end
    lines[i] = "[" .. table.concat(cells, " ") .. " ]"
  end
  return table.concat(lines, "\n")
end
function Matrix:det()
  local n = #self
  if n == 1 then return self[1][1] end
  if n == 2 then return self[1][1] * self[2][2] - self[1][2] * self[2][1] end
  local d = 0
  for c = 1, n do
    local sub = {}
    for i = 2, n do
      local row = {}
      for j = 1, n do if j ~= c then row[#row + 1] = self[i][j] end end
      sub[#sub + 1] = row
    end
    d = d + (c % 2 == 1 and 1 or -1) * self[1][c] * M(sub):det()
  end
  return d
end
function Matrix:transpose()
  local r = {}
  for i = 1, #self[1] do r[i] = {} for j = 1, #self do r[i][j] = self[j][i] end end
  return M(r)
end

local A = M{{1, 2}, {3, 4}}
local B = M{{0, 1}, {1, 0}}
print(A * B)
print(B * A)
print(A + B)
print(2 * A)
print(A * 0.5)
print("A*I == A", A * Matrix.identity(2) == A, "A == B", A == B)
local C = M{{2, -3, 1}, {2, 0, -1}, {1, 4, 5}}
print("det C", C:det(), "det A", A:det(), "det I4", Matrix.identity(4):det())
print(C:transpose())
print(M{{1, 2, 3}} * M{{4}, {5}, {6}})
print(pcall(function() return M{{1, 2}} * M{{1, 2}} end))
-- powers by repeated squaring (fibonacci matrix)
local function mpow(m, n)
  local result = Matrix.identity(#m)
  while n > 0 do
    if n % 2 == 1 then result = result * m end
    m = m * m
    n = n // 2
  end
  return result
end
local F = mpow(M{{1, 1}, {1, 0}}, 50)
print("fib(50) via matrix", F[1][2])
