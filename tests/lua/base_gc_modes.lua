-- collectgarbage modes, xpcall handler check, loadfile mode
print(collectgarbage("generational"), collectgarbage("incremental"), collectgarbage("incremental"))
print(pcall(xpcall, print, 1))
print(pcall(xpcall, print, {}))
local name = os.tmpname()
local f = io.open(name, "w") f:write("return 1") f:close()
print(select(2, loadfile(name, "b")))
print(loadfile(name, "t")())
os.remove(name)
