-- class hierarchies with 3 levels
local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  c.new = function(...)
    local o = setmetatable({}, c)
    if o.init then o:init(...) end
    return o
  end
  c.super = parent
  return c
end

local Shape = class()
function Shape:init(name) self.name = name; Shape.count = (Shape.count or 0) + 1 end
function Shape:area() return 0 end
function Shape:describe() return self.name .. " with area " .. string.format("%.2f", self:area()) end
function Shape:kind() return "shape" end

local Rect = class(Shape)
function Rect:init(w, h) Shape.init(self, "rect"); self.w, self.h = w, h end
function Rect:area() return self.w * self.h end
function Rect:kind() return "rect<" .. Shape.kind(self) .. ">" end

local Square = class(Rect)
function Square:init(s) Rect.init(self, s, s); self.name = "square" end
function Square:kind() return "square<" .. Rect.kind(self) .. ">" end

local Circle = class(Shape)
function Circle:init(r) Shape.init(self, "circle"); self.r = r end
function Circle:area() return math.pi * self.r ^ 2 end

local shapes = {Shape.new("generic"), Rect.new(2, 3), Square.new(4), Circle.new(1)}
for i, s in ipairs(shapes) do
  print(i, s:describe(), s:kind())
end
print("count", Shape.count)

-- isinstance walking the chain
local function isinstance(o, cls)
  local mt = getmetatable(o)
  while mt do
    if mt == cls then return true end
    mt = mt.super
  end
  return false
end
local sq = shapes[3]
print("square is Square/Rect/Shape/Circle", isinstance(sq, Square), isinstance(sq, Rect), isinstance(sq, Shape), isinstance(sq, Circle))

-- method resolution: overriding at instance level
sq.area = function() return -1 end
print("instance override", sq:describe())
sq.area = nil
print("removed override", sq:describe())

-- class-level fields inherited and shadowed
Shape.color = "black"
Rect.color = "blue"
print("colors", shapes[1].color, shapes[2].color, shapes[3].color, shapes[4].color)

-- metamethods are not inherited through __index of the metatable
Shape.__tostring = function(s) return "Shape:" .. s.name end
print("Shape tostring", tostring(shapes[1]))
print("Rect has own __tostring?", rawget(Rect, "__tostring"))
local str = tostring(shapes[2])
print("Rect tostring uses default", str:sub(1, 6))
-- copying metamethods down makes them work
Rect.__tostring = Shape.__tostring
print("after copy", tostring(shapes[2]), tostring(shapes[3]):sub(1, 6))

-- super calls through the chain
function Square:describe() return "[" .. Rect.describe(self) .. "]" end
print(sq:describe())
