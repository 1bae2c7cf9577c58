-- a class system with inheritance, super calls, properties and tostring
local function class(name, parent)
  local cls = {__name = name}
  cls.__index = cls
  cls.__tostring = function(self)
    if self.tostring then return self:tostring() end
    return name .. " instance"
  end
  if parent then
    setmetatable(cls, {__index = parent, __call = function(c, ...) return c.new(...) end})
    -- copy metamethods that are not inherited automatically
    for _, mm in ipairs({"__eq", "__lt", "__le", "__add", "__len"}) do
      if parent[mm] and not rawget(cls, mm) then cls[mm] = parent[mm] end
    end
  else
    setmetatable(cls, {__call = function(c, ...) return c.new(...) end})
  end
  cls.parent = parent
  cls.new = function(...)
    local obj = setmetatable({}, cls)
    if cls.init then obj:init(...) end
    return obj
  end
  return cls
end

local Account = class("Account")
Account.interest = 0.0
Account.__eq = function(a, b) return a.id == b.id end
Account.__lt = function(a, b) return a.balance < b.balance end
Account.__le = function(a, b) return a.balance <= b.balance end
function Account:init(id, balance) self.id = id; self.balance = balance or 0 end
function Account:deposit(v) self.balance = self.balance + v; return self end
function Account:tostring() return string.format("%s#%d[%.2f]", getmetatable(self).__name, self.id, self.balance) end
function Account:year() self.balance = self.balance * (1 + self.interest); return self end

local Savings = class("Savings", Account)
Savings.interest = 0.05
function Savings:init(id, balance, minimum)
  Account.init(self, id, balance)
  self.minimum = minimum or 100
end
function Savings:withdraw(v)
  if self.balance - v < self.minimum then error(string.format("below minimum %d", self.minimum), 2) end
  self.balance = self.balance - v
  return self
end

local Premium = class("Premium", Savings)
Premium.interest = 0.08
function Premium:year()
  Savings.year(self)
  self.balance = self.balance + 10  -- bonus
  return self
end

local a = Account(1, 50)
local s = Savings(2, 500)
local p = Premium(3, 1000, 0)
print(a, s, p)
a:deposit(25):year()
s:deposit(100):year()
p:year():year()
print(a, s, p)
print("withdraw ok", tostring(s:withdraw(100)))
print("withdraw fail", pcall(s.withdraw, s, 10000))
print("premium withdraw all", tostring(p:withdraw(p.balance)))
print("comparisons", a < s, s <= p, a == Account(1, 0), a == s)
local list = {Premium(4, 300), Account(5, 10), Savings(6, 200), Account(7, 250)}
table.sort(list)
local out = {}
for i, acc in ipairs(list) do out[i] = tostring(acc) end
print("sorted", table.concat(out, " "))
print("class names", getmetatable(p).__name, p.parent and "has parent field via class" or "", Premium.parent == Savings)
print("method resolution", p.deposit == Account.deposit, p.withdraw == Savings.withdraw, p.year == Premium.year)
print("interest", a.interest, s.interest, p.interest)
