-- oop: classes built from metatables with __index (including two levels of
-- inheritance and an __add metamethod), method calls with ':', and objects
-- made of closures.
local n = arg and arg[1] and tonumber(arg[1]) or 1000000

-- a small vector class
local Vec = {}
Vec.__index = Vec

function Vec.new(x, y)
  return setmetatable({ x = x, y = y }, Vec)
end

function Vec:add(o)
  return Vec.new(self.x + o.x, self.y + o.y)
end

function Vec:scale(k)
  return Vec.new(self.x * k, self.y * k)
end

function Vec:dot(o)
  return self.x * o.x + self.y * o.y
end

Vec.__add = Vec.add

-- a class hierarchy: Shape <- Rect <- Square
local Shape = {}
Shape.__index = Shape

function Shape.new(name)
  local self = setmetatable({}, Shape)
  self.name = name
  self.moves = 0
  return self
end

function Shape:area()
  return 0
end

function Shape:move()
  self.moves = self.moves + 1
  return self.moves
end

function Shape:weight()
  return self:area() * 2 + #self.name
end

local Rect = setmetatable({}, { __index = Shape })
Rect.__index = Rect

function Rect.new(w, h)
  local self = Shape.new("rect")
  setmetatable(self, Rect)
  self.w = w
  self.h = h
  return self
end

function Rect:area()
  return self.w * self.h
end

local Square = setmetatable({}, { __index = Rect })
Square.__index = Square

function Square.new(s)
  local self = Rect.new(s, s)
  setmetatable(self, Square)
  self.name = "square"
  return self
end

function Square:perimeter()
  return 4 * self.w
end

-- closure-based objects
local function Account(balance)
  local self = {}
  local ops = 0
  function self.deposit(v)
    balance = balance + v
    ops = ops + 1
  end
  function self.withdraw(v)
    if v <= balance then
      balance = balance - v
      ops = ops + 1
      return true
    end
    return false
  end
  function self.balance()
    return balance
  end
  function self.ops()
    return ops
  end
  return self
end

-- vectors: method calls and __add
local acc = Vec.new(0, 0)
local d = Vec.new(1, 2)
local dots = 0
for i = 1, n do
  local v = Vec.new(i % 10, i % 7)
  acc = acc + v:scale(2)
  dots = (dots + v:dot(d)) % 1000003
  if i % 3 == 0 then
    acc = acc:add(d)
  end
end

-- shapes: inherited methods through an __index chain
local shapes = {}
for i = 1, 100 do
  if i % 3 == 0 then
    shapes[#shapes + 1] = Square.new(i % 9 + 1)
  elseif i % 3 == 1 then
    shapes[#shapes + 1] = Rect.new(i % 5 + 1, i % 4 + 1)
  else
    shapes[#shapes + 1] = Shape.new("blob")
  end
end
local total, perims = 0, 0
for r = 1, n // 100 do
  for i = 1, #shapes do
    local s = shapes[i]
    total = total + s:weight() + s:move() % 3
    if s.perimeter then
      perims = perims + s:perimeter()
    end
  end
end

-- accounts: calls through closures
local accounts = {}
for i = 1, 50 do
  accounts[i] = Account(i * 10)
end
local refused = 0
for i = 1, n do
  local a = accounts[i % 50 + 1]
  a.deposit(i % 17)
  if not a.withdraw(i % 29) then
    refused = refused + 1
  end
end
local balances, ops = 0, 0
for i = 1, #accounts do
  balances = balances + accounts[i].balance()
  ops = ops + accounts[i].ops()
end

print(acc.x, acc.y, dots)
print(total, perims)
print(refused, balances, ops)
