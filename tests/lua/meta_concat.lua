-- __concat with numbers and strings on either side
-- (each concatenation below has exactly two operands; see note in ops_concat_len.lua)
local S = {}
S.__index = S
local function sym(name) return setmetatable({name = name}, S) end
local function d(v)
  if type(v) == "table" then return "<" .. v.name .. ">" end
  return type(v) .. ":" .. tostring(v)
end
S.__concat = function(a, b) return d(a) .. "+" .. d(b) end

local s = sym("s")
local r1 = s .. "str"
local r2 = "str" .. s
local r3 = s .. 42
local r4 = 42 .. s
local r5 = s .. 1.5
local r6 = 2.0 .. s
local r7 = s .. sym("t")
print(r1)
print(r2)
print(r3)
print(r4)
print(r5)
print(r6)
print(r7)

-- result of __concat need not be a string
local C = setmetatable({}, {__concat = function(a, b) return 99 end})
local r8 = C .. "x"
print("non-string result", r8, math.type(r8))

-- a builder object accumulating with __concat
local Builder = {}
Builder.__index = Builder
Builder.__concat = function(a, b)
  if getmetatable(a) == Builder then
    local nb = setmetatable({parts = {table.unpack(a.parts)}}, Builder)
    nb.parts[#nb.parts + 1] = tostring(b)
    return nb
  else
    local nb = setmetatable({parts = {tostring(a), table.unpack(b.parts)}}, Builder)
    return nb
  end
end
Builder.__tostring = function(b) return table.concat(b.parts, "|") end
local b0 = setmetatable({parts = {}}, Builder)
local b1 = b0 .. "one"
local b2 = b1 .. 2
local b3 = "zero" .. b2
print("builder", tostring(b3), #b3.parts)

-- errors without __concat
print(pcall(function() local t = {} return t .. "x" end))
print(pcall(function() local t = {} return "x" .. t end))
print(pcall(function() return {} .. {} end))
print(pcall(function() local b = true return "x" .. b end))
print(pcall(function() local n return n .. "x" end))
-- chains of plain strings and numbers (no metamethods involved)
print("a" .. 1 .. "b" .. 2.0 .. "c" .. -3)
