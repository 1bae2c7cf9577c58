-- table constructors
local t = {1, 2, 3; 4, 5,}
print("mixed separators", #t, table.concat(t, ","))
local named = {x = 1, ["y"] = 2, [3] = "three", [1 + 1] = "two", "first"}
print("named", named.x, named.y, named[3], named[2], named[1])
-- positional items override explicit integer keys given earlier
local over = {[1] = "explicit", "positional"}
print("override", over[1])
local over2 = {"positional", [1] = "explicit"}
print("override2", over2[1])
-- nested
local nested = {a = {b = {c = {"deep"}}}, list = {{1, 2}, {3, 4}}}
print("nested", nested.a.b.c[1], nested.list[2][1], #nested.list)
-- expressions as keys and values
local k = "dyn"
local e = {[k .. "amic"] = k:upper(), [10 // 3] = 2 ^ 2, [true] = "bool key", [1.5] = "float key"}
print("expr keys", e.dynamic, e[3], e[true], e[1.5])
-- float keys with integer value become integer keys
local fk = {[1.0] = "a", [2.0] = "b"}
print("float int keys", fk[1], fk[2], #fk, math.type(next(fk)))
-- functions and methods in constructors
local obj = {
  name = "obj",
  greet = function(self, who) return self.name .. " greets " .. who end,
  count = select('#', 1, 2, 3),
}
print(obj:greet("you"), obj.count)
-- constructor with varargs and calls
local function three() return "x", "y", "z" end
local c1 = {three(), three()}
local c2 = {three(), n = 1}
local c3 = {(three())}
print("calls", #c1, #c2, #c3, c2[1], c2.n)
-- trailing nil values
local nils = {1, nil, 3}
print("nils", nils[1], nils[2], nils[3])
-- large constructor
local big = {}
for i = 1, 100 do big[#big + 1] = i end
local big2 = {table.unpack(big)}
print("big", #big2, big2[1], big2[100])
-- empty table and identity
local a, b = {}, {}
print("distinct", a == b, a == a, #a, next(a))
-- strings with special characters as keys
local sk = {["with space"] = 1, ["a.b"] = 2, [""] = 3}
print("special keys", sk["with space"], sk["a.b"], sk[""])
-- nested constructor referencing earlier locals
local base = 10
local computed = {base, base * 2, base * 3, sum = base + base * 2 + base * 3}
print("computed", table.concat(computed, " "), computed.sum)
-- constructor evaluation order
local order = {}
local function f(n) order[#order + 1] = n; return n end
local ev = {f(1), f(2), key = f(3), f(4)}
print("order", table.concat(order, " "), #ev)
-- table.pack / unpack round trip
local packed = table.pack("a", nil, "c")
print("packed", packed.n, packed[1], packed[2], packed[3])
-- table functions on constructed tables
local arr = {5, 3, 8}
table.insert(arr, 1, 0)
table.insert(arr, 9)
print("insert", table.concat(arr, " "))
print("remove", table.remove(arr), table.remove(arr, 1), table.concat(arr, " "))
print("move", table.concat(table.move({1, 2, 3}, 1, 3, 2), " "))
print("move to other", table.concat(table.move({1, 2, 3}, 1, 3, 1, {9, 9, 9, 9}), " "))
print(pcall(table.insert, {1, 2}, 5, 1))
print(pcall(table.insert, {}, 1, 2, 3))
