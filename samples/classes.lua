-- classes.lua: object-oriented programming with metatables
local Animal = {}
Animal.__index = Animal

function Animal.new(name, sound)
  local self = setmetatable({}, Animal)
  self.name = name
  self.sound = sound or "..."
  return self
end

function Animal:speak()
  return self.name .. " says " .. self.sound
end

function Animal:__tostring()
  return "Animal(" .. self.name .. ")"
end

-- Dog inherits from Animal
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
Dog.__tostring = function(self) return "Dog(" .. self.name .. ", " .. self.tricks .. " tricks)" end

function Dog.new(name)
  local self = Animal.new(name, "woof")
  self.tricks = 0
  return setmetatable(self, Dog)
end

function Dog:learn()
  self.tricks = self.tricks + 1
  return self
end

function Dog:speak()
  return Animal.speak(self) .. "!"
end

-- Puppy inherits from Dog
local Puppy = setmetatable({}, {__index = Dog})
Puppy.__index = Puppy
Puppy.__tostring = Dog.__tostring

function Puppy.new(name)
  local self = Dog.new(name)
  self.sound = "yip"
  return setmetatable(self, Puppy)
end

function Puppy:speak()
  return Dog.speak(self) .. " (wagging)"
end

local zoo = {Animal.new("Cat", "meow"), Dog.new("Rex"), Puppy.new("Bit"), Animal.new("Fish")}
zoo[2]:learn():learn()
zoo[3]:learn()

for _, a in ipairs(zoo) do
  print(tostring(a), "->", a:speak())
end

local function is_a(obj, class)
  local mt = getmetatable(obj)
  while mt do
    if mt == class then return true end
    local parent = getmetatable(mt)
    mt = parent and parent.__index
  end
  return false
end

print("Puppy is a Dog:", is_a(zoo[3], Dog), "Dog is a Puppy:", is_a(zoo[2], Puppy))
print("Everything is an Animal:", is_a(zoo[1], Animal) and is_a(zoo[2], Animal) and is_a(zoo[3], Animal))

-- operator overloading: a small Vector class
local Vector = {}
Vector.__index = Vector
local function vec(x, y) return setmetatable({x = x, y = y}, Vector) end
Vector.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
Vector.__mul = function(a, k) return vec(a.x * k, a.y * k) end
Vector.__eq = function(a, b) return a.x == b.x and a.y == b.y end
Vector.__len = function(a) return math.sqrt(a.x * a.x + a.y * a.y) end
Vector.__tostring = function(a) return "(" .. a.x .. ", " .. a.y .. ")" end

local v = vec(3, 4) + vec(1, 2) * 2
print("vector:", tostring(v), "length of (3, 4):", #vec(3, 4), "equal:", vec(1, 1) == vec(1, 1))
