-- metamethods that are not functions
local function try(f) print(pcall(f)) end
local a = setmetatable({}, {__add = 34, __concat = "x", __len = true, __unm = {}, __lt = {}, __le = 1, __band = false})
try(function() return a + 1 end)
try(function() return a .. "s" end)
try(function() return "s" .. a .. "t" end)
try(function() return #a end)
try(function() return -a end)
try(function() return a < a end)
try(function() return a <= a end)
try(function() return a & 1 end)
local c = setmetatable({}, {__add = function(x, y) return 1, 2 end, __lt = function() return nil, true end})
print(c + 1, c < c)
