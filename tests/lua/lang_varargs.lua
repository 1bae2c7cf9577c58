-- varargs
local function count(...) return select('#', ...) end
print("count()", count())
print("count(nil)", count(nil))
print("count(1,nil,3)", count(1, nil, 3))
print("count(nil,nil)", count(nil, nil))

local function last(...) return select(-1, ...) end
print("last", last(1, 2, 3))
print("last nil", last(1, nil))

local function from2(...) return select(2, ...) end
print("from2", from2("a", "b", "c", "d"))
print("select -2", select(-2, "a", "b", "c"))
print("select # after", select('#', select(2, "a", "b", "c")))
print("select beyond", select(5, "a", "b"))

-- ... in table constructors
local function pack(...) return {...} end
local t = pack(1, 2, 3)
print("packed", #t, t[1], t[3])
local function wrapped(...) return {"first", ..., "last"} end
local w = wrapped(10, 20, 30)
print("middle vararg truncated", #w, table.concat(w, ","))
local function tail(...) return {"first", ...} end
print("tail vararg", table.concat(tail(10, 20, 30), ","))

-- ... in middle position of argument list is truncated
local function show(...) return table.concat({...}, ",") end
local function mid(...) return show(..., "end") end
print("mid", mid("a", "b", "c"))
local function lastpos(...) return show("start", ...) end
print("lastpos", lastpos("a", "b", "c"))

-- parenthesised ... gives one value
local function paren(...) return (...) end
print("paren", paren(7, 8, 9))
print("paren empty", paren())

-- table.pack / table.unpack
local p = table.pack(1, nil, 3, nil)
print("pack n", p.n, p[1], p[2], p[3], p[4])
print("unpack", table.unpack({1, 2, 3}))
print("unpack range", table.unpack({1, 2, 3, 4, 5}, 2, 4))
print("unpack with nils", table.unpack({1, nil, 3}, 1, 3))
print("unpack empty range", select('#', table.unpack({1, 2}, 3, 2)))
print("unpack p", table.unpack(p, 1, p.n))

-- varargs with fixed parameters
local function fixed(a, b, ...)
  return a, b, select('#', ...), ...
end
print("fixed", fixed(1))
print("fixed", fixed(1, 2, 3, 4))

-- varargs passed through multiple levels
local function l3(...) return select('#', ...), ... end
local function l2(...) return l3(...) end
local function l1(...) return l2(...) end
print("through", l1("x", nil, "z", nil))

-- varargs in locals
local function locs(...)
  local a, b, c = ...
  return a, b, c
end
print("locs", locs(1, 2))
print("locs", locs(1, 2, 3, 4))

-- sum of varargs with for loop
local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    s = s + v
  end
  return s
end
print("sum", sum(1, 2, 3, 4.5))

-- vararg main chunk
print("main chunk args", select('#', ...))

-- select errors
print(pcall(select, 0, "a"))
print(pcall(select, -3, "a", "b"))
