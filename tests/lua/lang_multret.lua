-- multiple results in every context
local function none() end
local function one() return 1 end
local function three() return 1, 2, 3 end
local function count(...) return select('#', ...) end

print("plain", three())
print("paren", (three()))
print("paren none", (none()))
print("count paren none", count((none())))
print("count none", count(none()))
print("last arg expand", count(0, three()))
print("middle arg truncated", count(three(), 0))
print("both", three(), three())
print("nested", count(three(), three(), three()))

-- table constructors
local t1 = {three()}
local t2 = {three(), 10}
local t3 = {three(), three()}
local t4 = {(three())}
local t5 = {none(), none()}
local t6 = {x = three(), three()}
print("{f()}", #t1, table.concat(t1, ","))
print("{f(), 10}", #t2, table.concat(t2, ","))
print("{f(), f()}", #t3, table.concat(t3, ","))
print("{(f())}", #t4, table.concat(t4, ","))
print("{none(), none()}", count(table.unpack(t5, 1, 2)), t5[1], t5[2])
print("{x = f(), f()}", t6.x, #t6, table.concat(t6, ","))

-- return f()
local function ret() return three() end
local function retparen() return (three()) end
local function retmore() return 0, three() end
local function retmid() return three(), 0 end
print("return f()", ret())
print("return (f())", retparen())
print("return 0, f()", retmore())
print("return f(), 0", retmid())

-- string.format and concatenation take one value
print("concat", three() .. "!")
print("arith", three() + 10)

-- in conditions and comparisons
if none() then print("none truthy") else print("none falsy") end
print("compare", three() == 1)

-- method call results
local obj = {m = function(self) return "a", "b" end}
print("method", obj:m())
print("method in middle", obj:m(), "c")

-- table.unpack in the middle
print("unpack middle", table.unpack({1, 2}), table.unpack({3, 4}))

-- calls returning calls
local function chain(n) if n == 0 then return "x", "y" end return chain(n - 1) end
print("chain", chain(5))

-- vararg expression contexts
local function va(...)
  local a = ...
  local t = {..., n = select('#', ...)}
  return a, t.n, #t
end
print("va", va(5, 6, 7))

-- multiple results into a function with fixed params
local function take2(a, b) return a, b end
print("take2", take2(three()))
print("take2 none", take2(none()))

-- string.find style returns
print("find", string.find("hello world", "o w"))
print("find first only", (string.find("hello world", "o w")))
print("gsub", string.gsub("aaa", "a", "b"))
print("gsub paren", (string.gsub("aaa", "a", "b")))
