-- a JSON-like serializer for nested tables with sorted keys
local function is_array(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  for i = 1, n do if t[i] == nil then return false end end
  return true, n
end

local escapes = {['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t', ['\r'] = '\\r'}

local function serialize(v, indent, seen)
  indent = indent or ""
  seen = seen or {}
  local t = type(v)
  if t == "nil" then return "null"
  elseif t == "boolean" then return tostring(v)
  elseif t == "number" then
    if v ~= v then return '"NaN"' end
    if math.type(v) == "integer" then return tostring(v) end
    if v == math.floor(v) and math.abs(v) < 1e15 then return string.format("%.1f", v) end
    return string.format("%.14g", v)
  elseif t == "string" then
    return '"' .. v:gsub('[%c"\\]', function(c) return escapes[c] or string.format("\\u%04x", c:byte()) end) .. '"'
  elseif t == "table" then
    if seen[v] then error("cycle detected", 0) end
    seen[v] = true
    local arr, n = is_array(v)
    local inner = indent .. "  "
    local parts = {}
    if arr then
      if n == 0 then seen[v] = nil; return "[]" end
      for i = 1, n do parts[i] = inner .. serialize(v[i], inner, seen) end
      seen[v] = nil
      return "[\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b)
      if type(a) == type(b) then return a < b end
      return type(a) == "number"
    end)
    for _, k in ipairs(keys) do
      parts[#parts + 1] = inner .. serialize(tostring(k)) .. ": " .. serialize(v[k], inner, seen)
    end
    seen[v] = nil
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
  else
    error("cannot serialize a " .. t, 0)
  end
end

local data = {
  name = "moonlet",
  version = {major = 0, minor = 1, patch = 3},
  tags = {"lua", "python", "compiler"},
  ratio = 0.75,
  big = 1e20,
  whole = 3.0,
  empty = {},
  nested = {{id = 1, ok = true}, {id = 2, ok = false, note = "tab\there \"quoted\"\n"}},
  [10] = "numeric key",
  [2] = "another",
}
print(serialize(data))
print(serialize({1, 2, {3, {4, {5}}}}))
print(serialize("control \1 char"))
print(serialize(0/0), serialize(-7), serialize(2^53))

local cyc = {}
cyc.self = cyc
print(pcall(serialize, cyc))
print(pcall(serialize, {f = print}))

-- a shared (non-cyclic) subtable is fine
local shared = {x = 1}
print(serialize({a = shared, b = shared}))
