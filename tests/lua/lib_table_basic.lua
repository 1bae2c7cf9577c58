-- table.concat, insert, remove, pack, unpack: positions at the borders,
-- number elements, metamethod-backed tables and the argument errors.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end
local function list(t, n)
  local out = {}
  for i = 1, n or #t do out[#out + 1] = tostring(t[i]) end
  return "{" .. table.concat(out, ",") .. "}"
end

print("-- concat")
local t = {"a", "b", "c", "d"}
print(table.concat(t), table.concat(t, "-"), table.concat(t, ", ", 2), table.concat(t, "", 2, 3))
print("[" .. table.concat(t, "-", 3, 2) .. "]", "[" .. table.concat({}) .. "]", table.concat(t, "-", 4, 4))
print(table.concat({1, 2.5, "x", 3}, " "), table.concat({1, 2}, 3), table.concat(t, nil, 1, 2))
print(table.concat({[-1] = "m", [0] = "z", "a"}, ",", -1, 1))
try("concat nil elem", table.concat, {1, nil, 3}, ",", 1, 3)
try("concat bool", table.concat, {1, true})
try("concat table elem", table.concat, {{}}, "")
try("concat past end", table.concat, {"a"}, "", 1, 2)
try("concat no table", table.concat)
try("concat sep table", table.concat, {}, {})
try("concat bad i", table.concat, {}, "", "x")
try("concat float j", table.concat, {"a"}, "", 1, 1.5)
print(pcall(function() return table.concat({1, {}, 3}, "+") end))

print("-- insert")
t = {}
table.insert(t, "a"); table.insert(t, "b"); table.insert(t, 1, "c"); table.insert(t, 4, "d")
table.insert(t, 2, "e")
print(list(t))
table.insert(t, #t + 1, "end")
print(list(t))
table.insert(t, 1.0, "float pos")
print(list(t))
try("insert pos 0", table.insert, {1, 2}, 0, "x")
try("insert pos too far", table.insert, {1, 2}, 4, "x")
try("insert pos -1", table.insert, {1, 2}, -1, "x")
try("insert float pos", table.insert, {1, 2}, 1.5, "x")
try("insert 4 args", table.insert, {}, 1, 2, 3)
try("insert 1 arg", table.insert, {})
try("insert no table", table.insert, nil, 1)
try("insert string", table.insert, "abc", 1)
local e = {}
table.insert(e, nil)
print(#e, next(e))
print(select("#", table.insert({}, 1)))

print("-- remove")
t = {"a", "b", "c", "d"}
print(table.remove(t), list(t))
print(table.remove(t, 1), list(t))
print(table.remove(t, #t), list(t))
print(table.remove(t, 1), list(t), #t)
print(table.remove(t), table.remove(t), #t)
print(table.remove({}, 0), table.remove({}, 1), select("#", table.remove({})))
-- with #t == 0 positions 0 and #t + 1 are allowed
local z = {[0] = "zero"}
print(table.remove(z, 0), z[0])
t = {"x", "y"}
print(table.remove(t, 3), list(t))
try("remove pos 4", table.remove, {"x", "y"}, 4)
try("remove pos -1", table.remove, {"x", "y"}, -1)
try("remove pos 0", table.remove, {"x"}, 0)
try("remove bad pos", table.remove, {}, "a")
try("remove no table", table.remove)
try("remove number", table.remove, 1)

print("-- pack")
local p = table.pack()
print(p.n, #p)
p = table.pack(nil)
print(p.n, #p, p[1])
p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
p = table.pack("a", "b")
print(p.n, list(p), getmetatable(p))

print("-- unpack")
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 3))
print(table.unpack({1, 2, 3}, -1, 1))
print(table.unpack({1, 2, 3}, 3, 2))
print(select("#", table.unpack({}, 1, 0)), select("#", table.unpack({n = 3})))
print(table.unpack({1, nil, 3}, 1, 3))
print(table.unpack({n = 2, "a", "b", "c"}, 1, 2))
print(table.unpack({[math.maxinteger] = "max"}, math.maxinteger, math.maxinteger))
print(table.unpack({[math.mininteger] = "min"}, math.mininteger, math.mininteger))
print(table.unpack({"a", "b"}, "1", 2.0))
try("unpack too many", table.unpack, {}, 1, 1e7)
try("unpack whole range", table.unpack, {}, math.mininteger, math.maxinteger)
try("unpack no table", table.unpack)
try("unpack float", table.unpack, {}, 1.5)
try("unpack string", table.unpack, "abc")
print(pcall(function() return table.unpack(nil) end))
