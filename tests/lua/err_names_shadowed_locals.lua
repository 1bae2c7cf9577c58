-- locals indexed often: error names and string methods stay as in Lua
local function f(o)
  return o.a + o.b + o.c
end
print(pcall(f, nil))
print(pcall(f, "str"))
local function g()
  local t = nil
  print(t and t.x, t and t.y)
  return t.z
end
print(pcall(g))
local s = "abc"
print(s:upper(), s:len(), s.len == string.len)
local function m(self) return self:a() + self:b() + self:c() end
print(pcall(m, {}))
