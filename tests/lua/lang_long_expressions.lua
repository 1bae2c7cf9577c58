-- Long chains of arithmetic (200 operands) compile within Python's parser limits,
-- and keep Lua's order and error names.
local nup = 200
local prog = {"local a1"}
for i = 2, nup do prog[#prog + 1] = ", a" .. i end
prog[#prog + 1] = " = 1"
for i = 2, nup do prog[#prog + 1] = ", " .. i end
local sum = 1
prog[#prog + 1] = "; return function () return a1"
for i = 2, nup do prog[#prog + 1] = " + a" .. i; sum = sum + i end
prog[#prog + 1] = " end"
prog = table.concat(prog)
local f = assert(load(prog))()
print(f() == sum, f())
local p2 = string.gsub(prog, "= 1, 2,", "= 1, nil,")
print(pcall(load(p2)()))
local p3 = "local x = 1.5; return x" .. string.rep(" * 2 - 1 // 1 % 7", 30)
print(load(p3)())
