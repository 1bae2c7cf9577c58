-- How Lua names a library function in its argument errors, and where it
-- puts positions (luaL_argerror, pushglobalfuncname, luaL_where).
local function try(label, f, ...)
  print(label, pcall(f, ...))
end

-- called from Lua code: the name at the call site
try("field", function() return string.rep({}) end)
try("global", function() return setmetatable(1) end)
try("local", function() local r = string.rep; r({}) end)
try("upvalue", function() local up = string.rep; return (function() return up({}) end)() end)
try("field of table", function() local x = {}; x.y = string.rep; x.y({}) end)
try("integer index", function() local t = {string.rep}; return t[1]({}) end)
try("big integer index", function() local t = {[1000] = string.rep}; return t[1000]({}) end)
try("dynamic key", function() local t = {string.rep}; local i = 1; return t[i]({}) end)
try("parenthesized", function() return (string.rep)({}) end)
try("call result", function() local function id(x) return x end return id(string.rep)({}) end)
try("not a tail call", function() string.rep({}) end)

-- method calls do not count self
try("method", function() local s = "x"; return s:rep({}) end)
try("method no arg", function() local s = "x"; return s:rep() end)
try("method on literal", function() return ("x"):rep({}) end)
try("method bad self", function() local t = {rep = string.rep}; return t:rep(2) end)
try("method on file", function() return io.stdout:write({}) end)
try("file method as field", function() return io.stdout.write({}) end)
try("file seek option", function() return io.stdout:seek("bad") end)

-- called from pcall or other C code: the name in package.loaded
try("pcall string.rep", string.rep)
try("pcall table.insert", table.insert, {}, 1, 2, 3)
try("pcall io.write", io.write, {})
try("pcall math.floor", math.floor, "x")
try("pcall _G function", setmetatable, 1)
try("pcall file method", io.stdout.write, io.stdout, {})
try("pcall unnamed", io.stdout.write, {})
print("coroutine", coroutine.resume(coroutine.create(string.rep)))
print("wrap", pcall(coroutine.wrap(string.rep)))
try("library table by key", function() return coroutine["status"](1) end)

-- called as a metamethod: the event's name
local mm = setmetatable({}, {__index = string.rep, __len = string.rep, __add = string.rep,
  __lt = string.rep, __concat = string.rep, __unm = string.rep, __newindex = string.rep})
try("__index", function() return mm.x end)
try("__newindex", function() mm.x = 1 end)
try("__len", function() return #mm end)
try("__add", function() return mm + 1 end)
try("__lt", function() return mm < mm end)
try("__concat", function() return mm .. "x" end)
try("__unm", function() return -mm end)
try("__tostring", function() return tostring(setmetatable({}, {__tostring = string.rep})) end)

-- generic for calls its iterator: 'for iterator'
try("for next", function() for k in next do end end)
try("for pairs of number", function() for k in pairs(1) do end end)
try("for string.rep", function() for k in string.rep do end end)
try("for number", function() for k in 5 do end end)
try("for table", function() local t = {} for k in t do end end)

-- next and pairs
try("next no value", next)
try("next nil", next, nil)
try("pairs no value", pairs)
print("pairs any value", select("#", pairs(1)), (pairs(1)) == next)

-- __name in type errors
local named = setmetatable({}, {__name = "MyType"})
try("__name", string.rep, named)
try("__name not string", string.rep, setmetatable({}, {__name = 1}))

-- coroutine argument checks
try("resume", coroutine.resume, 1)
try("status", coroutine.status, {})
try("close", coroutine.close, "x")
try("isyieldable", coroutine.isyieldable, 1)
try("isyieldable nil", coroutine.isyieldable, nil)
print("isyieldable", coroutine.isyieldable())
try("yield outside", function() coroutine.yield(1) end)

-- errors of operations inside library functions carry no position
try("rawset nil key", function() rawset({}, nil, 1) end)
try("concat __index", function() local t = setmetatable({}, {__index = 5}) return table.concat(t, ",", 1, 2) end)
try("unpack __index", function() return table.unpack(setmetatable({}, {__index = 5}), 1, 2) end)
try("ipairs number", function() for i, v in ipairs(5) do end end)
try("next invalid key", function() return next({}, "nope") end)
try("string // 0", function() return "4" // "0" end)
try("string % 0", function() local a, b = "4", "0" return a % b end)
try("string + table", function() return "10" + {} end)
try("unm string", function() return -"x" end)
-- errors of library functions: the position of the Lua caller
try("helper check", function() return setmetatable("x", {}) end)
try("error level 2 via pcall", error, "m", 2)
try("select", function() return select(0) end)

-- __len gets the operand twice, also from library functions
local L = setmetatable({}, {__len = function(a, b) print("__len", rawequal(a, b)) return 2 end})
print("unpack", table.unpack(L))
table.insert(L, "x")
print("inserted", rawget(L, 3))

-- load with a reader
local parts = {"return ", 12, "+", 1.5}
local i = 0
print("reader numbers", load(function() i = i + 1 return parts[i] end)())
-- (outside pcall, lua5.4's standalone interpreter adds a traceback here)
print("reader error", pcall(load, function() error("boom", 0) end))
print("reader error value", pcall(load, function() error("boom") end))
print("reader bad piece", pcall(load, function() return {} end))
i = 0
print("reader empty piece", load(function() i = i + 1 if i == 1 then return "return 7" elseif i == 2 then return "" else return "+1" end end)())

-- names of indexed values: constant string keys, small integer keys
-- ("integer index"), other keys ('?')
local t = {}
try("key -1", function() return t[-1].x end)
try("key 1000", function() return t[1000].x end)
try("key 255", function() return t[255].x end)
try("key 256", function() return t[256].x end)
try("key 1.5", function() return t[1.5].x end)
try("key true", function() return t[true].x end)
try("key 0", function() return t[0].x end)
try("vararg", function(...) return (...).x end)
try("chain", function() return t.a.b.c end)
try("call key 1", function() t[1]() end)
try("call key -1", function() t[-1]() end)
try("store into nil field", function() local u = {}; u.x.y = 1 end)
try("call result index", function() local function f() end; return f().x end)
