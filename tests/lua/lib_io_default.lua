-- The default input and output files: io.input, io.output, io.read,
-- io.write, io.lines without a name, io.close without arguments, and the
-- standard files (stdin is empty when the golden tests run).
local function try(label, f, ...)
  print(label, pcall(f, ...))
end
local name = os.tmpname()

print("-- standard files")
print(io.input() == io.stdin, io.output() == io.stdout, io.type(io.stderr))
print(io.write("io.write returns the output file: ") == io.stdout)
print(io.stdout:write("") == io.stdout, io.stderr:write("") == io.stderr)
print(io.write(1, " ", 2.5, " ", -0.0, " ", math.mininteger, "\n") == io.stdout)
print(io.read(), io.read("a"), io.read("n"), io.read(0), io.stdin:read("l"))
print(select("#", io.read("l", "l")))

print("-- io.output to a file")
local f = io.output(name)
print(io.type(f), f ~= io.stdout, io.output() == f)
io.write("to the file\n", 42, "\n")
print(io.output(io.stdout) == io.stdout)
-- the old default output is still open
print(io.type(f), f:write("more\n") == f)
f:close()

print("-- io.input from a file")
local g = io.input(name)
print(io.type(g), io.input() == g)
print(io.read("l"), io.read("n"), io.read("L"), io.read("a"))
print(io.read("l"), io.read(0))
print(io.close(io.input()))
try("read closed default", io.read)
try("lines closed default", io.lines)
io.input(io.stdin)

print("-- io.lines without a name reads the default input")
io.input(name)
for l in io.lines() do io.write("<", l, ">") end
print()
print(io.type(io.input()))   -- still open: io.lines() does not close the default input
io.input():close()
io.input(io.stdin)

print("-- io.input/io.output with a file handle")
local h = io.open(name)
print(io.input(h) == h, io.read("l"))
h:close()
io.input(io.stdin)

print("-- io.close without arguments closes the default output")
local o = io.output(name)
io.write("replaced")
print(io.close())
print(io.type(o))
try("write to closed default", io.write, "x")
io.output(io.stdout)
print(io.open(name):read("a"))

print("-- errors")
local ok, msg = pcall(io.input, name .. ".missing")
print("input missing file", ok, msg == "cannot open file '" .. name .. ".missing' (No such file or directory)")
try("output bad dir", function() return io.output("/nonexistent-dir-moonlet/x") end)
try("input table", io.input, {})
try("output boolean", io.output, true)   -- (a number would be a file name)
try("io.write table", io.write, {})
try("io.read bad", io.read, "x")
try("io.close stdout type", io.close, "stdout")
try("io.type none", io.type)
-- closing a standard file is refused
print(io.stdout:close())
print(io.type(io.stdout))
print(os.remove(name))
