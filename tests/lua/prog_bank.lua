-- bank-account closures
local function new_account(owner, initial)
  local balance = initial or 0
  local history = {}
  local function record(kind, amount)
    history[#history + 1] = string.format("%s %d -> %d", kind, amount, balance)
  end
  local self = {}
  function self.deposit(amount)
    if amount <= 0 then error("deposit must be positive", 2) end
    balance = balance + amount
    record("deposit", amount)
    return balance
  end
  function self.withdraw(amount)
    if amount > balance then
      error(string.format("insufficient funds: %s has %d, needs %d", owner, balance, amount), 2)
    end
    balance = balance - amount
    record("withdraw", amount)
    return balance
  end
  function self.balance() return balance end
  function self.owner() return owner end
  function self.history() return table.concat(history, "; ") end
  return self
end

local alice = new_account("alice", 100)
local bob = new_account("bob")
print(alice.deposit(50), alice.withdraw(30), alice.balance())
print(bob.deposit(10), bob.balance())
print(pcall(bob.withdraw, 100))
print(pcall(alice.deposit, -5))
print(pcall(function() return alice.deposit(0) end))            -- tail call: no position
print(pcall(function() local r = alice.deposit(0); return r end)) -- level 2 points here

-- transfer uses both closures; failure leaves balances unchanged
local function transfer(from, to, amount)
  local ok, err = pcall(from.withdraw, amount)
  if not ok then return false, err end
  to.deposit(amount)
  return true
end
print("transfer 70", transfer(alice, bob, 70))
print("transfer 500", transfer(bob, alice, 500))
print("balances", alice.balance(), bob.balance())
print("alice history:", alice.history())
print("bob history:", bob.history())

-- accounts are independent: no shared state
local accounts = {}
for i, name in ipairs({"c1", "c2", "c3"}) do
  accounts[i] = new_account(name, i * 100)
  accounts[i].deposit(i)
end
for _, acc in ipairs(accounts) do print(acc.owner(), acc.balance()) end

-- interest compounding with integer cents
local function savings(cents, rate_percent)
  local bal = cents
  return function(years)
    for _ = 1, years do bal = bal + bal * rate_percent // 100 end
    return bal
  end
end
local grow = savings(100000, 5)
print("after 1 year", grow(1), "after 10 more", grow(10))

-- counter factory sharing state between two closures
local function make_pair()
  local n = 0
  return function() n = n + 1; return n end, function() n = n - 1; return n end
end
local up, down = make_pair()
up(); up(); up(); down()
print("pair", up(), down(), down())
