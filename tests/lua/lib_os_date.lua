-- os.date with fixed times in UTC ("!"): every strftime conversion, the E
-- and O modifiers, "*t" tables, and the format and range errors.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end

local T = 1700000000          -- 2023-11-14 22:13:20 UTC, a Tuesday
local EPOCH = 0
local LEAP = 951782400        -- 2000-02-29 00:00:00 UTC
local NEWYEAR = 1104537600    -- 2005-01-01 00:00:00 UTC, ISO week 53 of 2004

print("-- every conversion")
for c in ("aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%"):gmatch(".") do
  local f = "!%" .. c
  print(f, "[" .. os.date(f, T) .. "]", "[" .. os.date(f, EPOCH) .. "]", "[" .. os.date(f, LEAP) .. "]",
    "[" .. os.date(f, NEWYEAR) .. "]")
end

print("-- E and O modifiers")
for _, m in ipairs({"Ec", "EC", "Ex", "EX", "Ey", "EY", "Od", "Oe", "OH", "OI", "Om", "OM", "OS",
    "Ou", "OU", "OV", "Ow", "OW", "Oy"}) do
  print("!%" .. m, os.date("!%" .. m, T))
end

print("-- composite formats")
print(os.date("!%Y-%m-%dT%H:%M:%SZ", T))
print(os.date("!%A, %d %B %Y %I:%M %p", LEAP + 13 * 3600))
print(os.date("!%j %U %W %V %G %u %w", NEWYEAR))
print(os.date("!literal text, no conversions", T))
print(os.date("!", T) == "", os.date("!%%%%", T))
print(os.date("!%H:%M", -1), os.date("!%Y", -86400 * 366))
print(os.date("!%c", 253402300799))   -- 9999-12-31 23:59:59
print(os.date("!%Y-%m-%d", 2^31), os.date("!%Y-%m-%d", -2^31))
print(os.date("!%Y", 1e10), os.date("!%d/%m", "86400"))
print(#os.date("!" .. string.rep("%Y", 200), T))
print(os.date("!a\0b", T) == "a\0b")

print("-- *t")
local function fields(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = k .. "=" .. tostring(t[k]) end
  return table.concat(out, " ")
end
print(fields(os.date("!*t", T)))
print(fields(os.date("!*t", EPOCH)))
print(fields(os.date("!*t", LEAP)))
print(fields(os.date("!*t", NEWYEAR - 1)))
print(os.date("!*tignored", T))   -- only exactly "*t" asks for a table
print(os.date("!%Y", 2^55), fields(os.date("!*t", 2^55)))
print(type(os.date("*t", T)), type(os.date("*t").year), type(os.date()), type(os.date("%Y")))

print("-- errors")
try("bad conversion", os.date, "!%Q", T)
try("bad E", os.date, "!%Ez", T)
try("bad O", os.date, "!%Oa", T)
try("trailing %", os.date, "!abc%", T)
try("lone %E", os.date, "!%E", T)
try("float time", os.date, "!%Y", 1.5)
try("string time", os.date, "!%Y", "x")
try("huge time", os.date, "!%Y", 2^60)
try("huge negative", os.date, "!*t", -2^60)
try("format table", os.date, {})
print(pcall(function() return os.date("%5") end))
