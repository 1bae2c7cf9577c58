-- collectgarbage() collects what only finished expressions held: a file whose
-- handle nothing refers to any more is closed (and flushed) by its finalizer.
local name = os.tmpname()
io.output(name)
io.write("alo alo")
assert(io.output():seek("set") == 0)
assert(io.write("first line\n", "second line\n"))
io.output(io.stdout)
collectgarbage()
local f = assert(io.open(name))
print(f:read("a"))
f:close()

-- a weak table loses an object that only a finished expression held
local cache = setmetatable({}, {__mode = "v"})
local function make() return {} end
cache[1] = make()
cache[2] = setmetatable({}, {}).x or make()
local keep = make()
cache[3] = keep
collectgarbage()
print(cache[1], cache[2], cache[3] == keep)

-- loadfile and dofile: a binary chunk after a first-line comment
io.output(name)
io.write("#!/usr/bin/env lua\n", string.dump(function () return 20, "\0\0\0" end))
io.close()
io.output(io.stdout)
local a, b, c = assert(loadfile(name))()
print(a, #b, c)
print(dofile(name) == 20)
print(loadfile(name, "t"))
os.remove(name)
