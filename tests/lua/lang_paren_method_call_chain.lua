-- Calls and indexing after a method call on a parenthesised object
-- (luaparser's grammar used to drop the calls that follow it).
local o = {
  m = function(self, x)
    return function(y)
      return { v = (x or 0) + (y or 0), f = function() return "deep" end }
    end
  end,
}
print((o):m(1)(2).v)
print((o):m(1)(2).f())
print(type((o):m()))
local s = ("abc"):upper():lower()
print(s, ("x"):rep(3), ("%d-%d"):format(1, 2))
print(#("abc"):rep(2))
