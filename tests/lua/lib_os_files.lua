-- os.getenv, os.tmpname, os.rename, os.remove and os.setlocale: results and
-- failures (nil, message, errno) with the C library's messages.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end

print("-- getenv")
print(type(os.getenv("PATH")), os.getenv("MOONLET_SURELY_UNSET_VARIABLE_42"))
print(os.getenv(""), os.getenv("A=B"))
try("getenv nil", os.getenv)
try("getenv table", os.getenv, {})
print(type(os.getenv(1)))

print("-- tmpname")
local name, other = os.tmpname(), os.tmpname()
print(type(name), #name > 0, name ~= other)
-- tmpname creates the file (mkstemp), empty
local probe = io.open(other, "r")
print(probe ~= nil, probe and probe:read("a"))
if probe then probe:close() end
print(os.remove(other))
-- the name is usable for a new file
local f = assert(io.open(name, "w"))
f:write("data")
f:close()

print("-- rename")
local name2 = name .. ".renamed"
print(os.rename(name, name2))
print(io.open(name) == nil, io.open(name2):read("a"))
-- failures return nil, strerror (rename names no file), errno
print(os.rename(name, name2))
try("rename one arg", os.rename, name)
try("rename none", os.rename)
try("rename table", os.rename, name, {})

print("-- remove")
print(os.remove(name2))
-- remove's message starts with the file name
local r2, m2, e2 = os.remove(name2)
print(r2, m2 == name2 .. ": No such file or directory", e2)
print(os.remove("/nonexistent-dir-moonlet/x"))
try("remove none", os.remove)
try("remove table", os.remove, {})
-- removing an empty directory works like C's remove(); a non-empty one fails
local dir = os.tmpname()
os.remove(dir)
print(os.execute("mkdir " .. dir))
local df = io.open(dir .. "/f", "w")
df:close()
local r3, m3, e3 = os.remove(dir)
print(r3, m3 == dir .. ": Directory not empty", e3)
print(os.remove(dir .. "/f"), os.remove(dir))

print("-- setlocale")
print(os.setlocale(), os.setlocale(nil), os.setlocale("C"), os.setlocale("POSIX"))
for _, cat in ipairs({"all", "collate", "ctype", "monetary", "numeric", "time"}) do
  print(cat, os.setlocale(nil, cat), os.setlocale("C", cat))
end
print(os.setlocale("no_SUCH.locale"), os.setlocale("no_SUCH.locale", "numeric"))
print(os.setlocale(), string.format("%.1f", 1.5))
try("bad category", os.setlocale, "C", "bogus")
try("locale table", os.setlocale, {})
try("category number", os.setlocale, "C", 1)
