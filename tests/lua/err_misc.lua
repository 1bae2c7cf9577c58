-- miscellaneous runtime errors
local function try(label, f)
  local ok, err = pcall(f)
  print(label, ok, err)
end
try("nil index assign", function() local t = {} t[nil] = 1 end)
try("nan index assign", function() local t = {} t[0/0] = 1 end)
try("nil index read ok", function() local t = {} return t[nil] end)
try("string method on nil", function() local s; return s:upper() end)
try("upper on number", function() return string.upper({}) end)
try("string.rep huge", function() return string.rep("x", -5) end)
try("string.char out of range", function() return string.char(256) end)
try("string.format bad", function() return string.format("%d", "x") end)
try("string.format missing", function() return string.format("%s %s", 1) end)
try("string.format invalid", function() return string.format("%y", 1) end)
try("tostring no arg", function() return tostring() end)
try("table.concat bad sep", function() return table.concat({1, 2}, {}) end)
try("table.remove bad pos", function() return table.remove({1, 2, 3}, 7) end)
try("table.unpack too many", function() return table.unpack({}, 1, 1e8) end)
try("math.random bad", function() return math.random(2, 1) end)
try("setmetatable on string", function() return setmetatable("x", {}) end)
try("coroutine.resume non-coroutine", function() return coroutine.resume(1) end)
try("coroutine.yield outside", function() return coroutine.yield(1) end)
try("error in gsub callback", function() return ("abc"):gsub("%a", function() error("cb failed") end) end)
try("bad pattern", function() return ("abc"):find("[a") end)
try("bad pattern 2", function() return ("abc"):match("%") end)
try("bad capture", function() return ("abc"):gsub("(a)", "%2") end)
try("utf8.char bad", function() return utf8.char(-1) end)
try("select negative", function() return select(-5, 1) end)
try("integer for with huge float", function() return math.tointeger(1e300) end)
try("string compare", function() return "a" < {} end)
try("concat number and nil", function() local a = 1 local b return a .. b end)
try("call through __index result", function() local t = setmetatable({}, {__index = function() return 5 end}) return t.x() end)
try("string.sub float", function() return ("abc"):sub(1.5) end)
try("string.sub float ok", function() return ("abc"):sub(2.0) end)
try("too many results to unpack", function() return select('#', table.unpack({}, 1, 200)) end)

-- errors do not corrupt state: counter continues
local n = 0
for i = 1, 5 do
  pcall(function() n = n + 1; if i % 2 == 0 then error("x") end; n = n + 10 end)
end
print("counter", n)

-- error messages keep the chunkname of the function that failed
local f = load("return function() error('inner chunk') end", "=other")()
print(pcall(f))
