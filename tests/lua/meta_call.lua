-- __call
local callable = setmetatable({name = "obj"}, {__call = function(self, a, b, ...)
  return self.name, a, b, select('#', ...), ...
end})
print("call", callable(1, 2, 3, 4))
print("no args", callable())

-- __call with varargs and multiple returns in different contexts
print("paren", (callable("x")))
local t = {callable("p", "q")}
print("table", #t, t[1], t[2], t[3])

-- functor counter
local Counter = setmetatable({}, {__call = function(cls, start)
  local o = {n = start}
  return setmetatable(o, {__call = function(self, inc) self.n = self.n + (inc or 1); return self.n end})
end})
local c = Counter(10)
print("functor", c(), c(5), c())

-- __call on non-function: callable as iterator and in pcall
print("pcall callable", pcall(callable, "via pcall"))
local sorted = {3, 1, 2}
print("sort with callable", pcall(table.sort, sorted, setmetatable({}, {__call = function(_, a, b) return a > b end})))

-- __call chain: __call value is itself a callable table
local inner = setmetatable({}, {__call = function(self, x, y) return "inner got", type(x), y end})
local outer = setmetatable({}, {__call = inner})
print("chained __call", outer("arg"))

-- calling a table without __call
print(pcall(function() local t = {} t() end))
print(pcall(function() local t = setmetatable({}, {}) t() end))

-- memoizing function via __call and __index
local function memoize(f)
  local cache = {}
  return setmetatable({}, {__call = function(_, n)
    local v = cache[n]
    if v == nil then v = f(n); cache[n] = v end
    return v
  end})
end
local calls = 0
local sq = memoize(function(n) calls = calls + 1; return n * n end)
print("memo", sq(4), sq(4), sq(5), "calls", calls)

-- __call used by string.gsub replacement? (only functions/tables/strings allowed; table is lookup)
print(string.gsub("a b", "%a", {a = "A"}))
