-- boolean keys never mix with 1 and 0
local a = {}
a[1] = "one"; a[0] = "zero"
a[true] = 20; a[false] = 30
print(a[1], a[0], a[true], a[false])
local t, f = true, false
a[t] = 21; a[f] = 31
print(a[true], a[false], a[1], a[0], #a)
local b = { [true] = "T", [1] = "I", [false] = "F", [0] = "Z" }
print(b[true], b[1], b[false], b[0])
b[true] = nil
print(b[true], b[1])
local n = 0
for k, v in pairs(b) do n = n + 1 end
print(n, rawget(b, false), rawget(b, 0))
