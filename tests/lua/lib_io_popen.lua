-- io.tmpfile, io.popen and os.execute (beyond the required list, but part
-- of the io/os libraries): results of commands and their exit statuses.
local t = io.tmpfile()
print(io.type(t), t:write("scratch") == t, t:seek("set"), t:read("a"))
t:close()

local p = io.popen("echo hello; echo world")
print(io.type(p), p:read("l"), p:read("a"))
print(p:close())
p = io.popen("exit 3")
print(p:read("a"), p:close())
p = io.popen("kill -9 $$")
print(p:close())
for l in io.popen("printf 'a\\nb\\n'"):lines() do io.write("[", l, "]") end
print()
p = io.popen("cat > /dev/null", "w")
print(p:write("ignored") == p, p:close())
print(pcall(io.popen, "true", "rw"))
print(pcall(io.popen, "true", "r+"))
print(pcall(io.popen))

print(os.execute("exit 0"))
print(os.execute("exit 5"))
print(os.execute("kill -9 $$"))
print(os.execute())   -- a shell is available
print(pcall(os.execute, {}))
