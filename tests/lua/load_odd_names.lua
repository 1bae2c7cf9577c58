-- chunk names with odd bytes, and code nested deeper than Python's limits
print(load("return 1", "=a\0b\rc")())
print(pcall(load("error('x')", "=name\0rest")))
print(pcall(load("error('y')", "line1\nline2")))
print(pcall(load("local x = nil + 1", "@some\\path\\file.lua")))
local s = string.rep("do ", 50) .. "return 7" .. string.rep(" end", 50)
print(load(s)())
