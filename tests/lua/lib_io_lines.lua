-- file:lines and io.lines: formats, end of file, closing (io.lines closes its
-- file at the end and, as the loop's closing value, on break), and errors.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("first line\nsecond 2 3.5\n\nlast without newline")
f:close()

print("-- file:lines")
f = assert(io.open(name))
for l in f:lines() do print("[" .. l .. "]") end
print(io.type(f), f:read("a"), f:seek("set"))
for l in f:lines("L") do io.write("{", l, "}") end
print()
f:seek("set")
for a, b in f:lines(6, 1) do print(a, b) end
f:seek("set")
for w, n1, n2 in f:lines(7) do print(w, n1, n2) break end
print(f:read("l"), f:read(7), f:read("n", "n"))
-- the iterator keeps working until end of file, then returns nil
f:seek("set")
local it = f:lines()
print(it(), it(), it(), it(), it(), it())
f:close()
-- an iterator over a closed file fails
print(pcall(it))

print("-- io.lines")
for l in io.lines(name) do io.write(#l, " ") end
print()
for n in io.lines(name, "n") do print(n) end
local count = 0
for l in io.lines(name, "L") do count = count + #l end
print(count)
for a, b in io.lines(name, 1, "l") do print(a, b) end
-- four results: the iterator, two nils and the file (closed by the loop)
local r = table.pack(io.lines(name))
print(r.n, type(r[1]), r[2], r[3], io.type(r[4]))
r[4]:close()
-- after the loop ends early the iterator's file is closed
local iter, _, _, file = io.lines(name)
for l in iter, nil, nil, file do break end
print(io.type(file))
-- reading past the end closes the file; calling again is an error
iter, _, _, file = io.lines(name)
while iter() do end
print(io.type(file), pcall(iter))

print("-- errors")
local missing = name .. ".missing"
local ok, msg = pcall(io.lines, missing)
print(ok, msg == "cannot open file '" .. missing .. "' (No such file or directory)")
-- formats are checked when the iterator reads, not when it is made
print(type(io.lines(name, "x")), type(io.lines(name, {})))
f = io.open(name)
print(type(f:lines("q")))
print(pcall(function() for l in f:lines("*z") do end end))
print(pcall(function() for l in io.lines(name, {}) do end end))
f:close()
try("too many formats", io.lines, name, table.unpack((function() local t = {} for i = 1, 260 do t[i] = "l" end return t end)()))
print(pcall(function() for l in io.lines(name, 1.5) do end end))
print(os.remove(name))
