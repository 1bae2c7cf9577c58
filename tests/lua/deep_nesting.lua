-- Code nested deeper than Python allows in one function or one piece of
-- text: 20 loops, 100 levels of indentation.

local function build(depth, open, close, inner)
  return string.rep(open, depth) .. inner .. string.rep(close, depth)
end

-- 30 nested numeric loops, a local captured and assigned at the bottom
local src = "local count, seen = 0, {}\n" ..
  build(29, "for i = 1, 1 do local v = i\n", "end\n",
    "for i = 1, 3 do local v = i\n" ..
    "count = count + 1\nseen[#seen + 1] = function () v = v + 1 return v + count end\nend\n") ..
  "return count, #seen, seen[1](), seen[1](), seen[#seen]()\n"
print(load(src)())

-- while / repeat / generic for mixed, with break and return at the bottom
src = "local n = 0\nlocal t = {1, 2, 3}\n" ..
  build(8, "while true do\n", "break end\n",
    build(8, "repeat\n", "until true\n",
      build(8, "for _, x in ipairs(t) do\n", "end\n",
        "n = n + 1\nif n == 5 then return n, 'five', ... end\n"))) ..
  "return 'fell through', n\n"
print(load(src)("extra", nil))

-- break out of the innermost loop only
src = "local hits = 0\n" ..
  build(25, "for a = 1, 1 do\n", "end\n",
    "for k = 1, 10 do hits = hits + 1 if k == 3 then break end end\n") ..
  "return hits\n"
print(load(src)())

-- goto continue at depth
src = "local odd = 0\n" ..
  build(24, "for a = 1, 1 do\n", "end\n",
    "for k = 1, 9 do if k % 2 == 0 then goto continue end odd = odd + k ::continue:: end\n") ..
  "return odd\n"
print(load(src)())

-- errors keep their line at depth; pcall catches them
src = build(22, "for a = 1, 1 do\n", "end\n", "local z = nil\nreturn z.field\n")
print(pcall(load(src, "=deep")))
src = build(22, "while true do\n", "end\n", "error('stop here')\n")
print(pcall(load(src, "=deep2")))

-- to-be-closed variables at depth close in order
src = "local log = {}\n" ..
  build(20, "do local c <close> = setmetatable({}, {__close = function () log[#log + 1] = 'c' end})\n for a = 1, 1 do\n",
    "end end\n", "log[#log + 1] = 'body'\n") ..
  "return table.concat(log), #log\n"
print(load(src)())

-- 150 nested if/else and do blocks (indentation only)
src = "local x = 7\n" .. build(150, "if x > 0 then\n", "else x = -1 end\n", "x = x * 2\n") .. "return x\n"
print(load(src)())
-- an error after such a region keeps its line
src = "local x = 7\n" .. build(130, "if x > 0 then\n", "else x = -1 end\n", "x = x * 2\n") ..
  "local t = nil\nreturn t.field\n"
print(pcall(load(src, "=after")))
src = build(180, "do local y = 1\n", "end\n", "return 'deep do'\n")
print(load(src)())

-- 100 nested functions, each calling the next
src = "local depth = 0\n" ..
  build(100, "local function f() depth = depth + 1\n", "end return f()\n", "return depth\n") ..
  ""
print(load(src)())
src = build(60, "return function (...) ", " end", "return select('#', ...), ...")
local f = load(src)
for i = 1, 60 do f = f() end
print(f(1, nil, 3))

-- closures made at depth capture a fresh local each iteration
src = "local fs = {}\n" ..
  build(21, "for a = 1, 1 do\n", "end\n",
    "for k = 1, 3 do local kk = k * 10 fs[k] = function () kk = kk + 1 return kk end end\n") ..
  "return fs[1](), fs[1](), fs[2](), fs[3]()\n"
print(load(src)())

-- beyond Lua's own limit the chunk is refused
print(load(build(300, "while x do\n", "end\n", "")) == nil)
