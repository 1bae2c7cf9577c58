-- os.time, os.difftime and os.clock. os.time reads a table as local time,
-- so the checks here hold in every time zone: round trips through
-- os.date("*t"), differences between dates, normalisation of the fields.
local function try(label, f, ...)
  print(label, pcall(f, ...))
end
local function fields(t)
  return string.format("%d-%02d-%02d %02d:%02d:%02d wday=%d yday=%d", t.year, t.month, t.day,
    t.hour, t.min, t.sec, t.wday, t.yday)
end

print("-- time")
print(math.type(os.time()), os.time() > 1600000000)
for _, x in ipairs({0, 1700000000, 951782400, 86400 * 365 * 30 + 12345}) do
  local t = os.date("*t", x)
  print(x, os.time(t) == x, math.type(os.time(t)))
end
-- whole days apart in January (no daylight saving change there)
local d1 = os.time({year = 2020, month = 1, day = 1, hour = 12})
local d2 = os.time({year = 2020, month = 1, day = 31, hour = 12})
print(d2 - d1, os.difftime(d2, d1), os.difftime(d1, d2))
-- hour defaults to 12, min and sec to 0
print(os.time({year = 2020, month = 1, day = 1}) == d1)
print(os.time({year = 2020, month = 1, day = 1, hour = 12, min = 0, sec = 0}) == d1)
print(os.time({year = 2020, month = 1, day = 1, hour = 12, min = 1, sec = 30}) - d1)
-- fields as numeric strings and integral floats
print(os.time({year = "2020", month = 1.0, day = "1"}) == d1)

print("-- normalisation writes the fields back")
local t = {year = 2021, month = 14, day = 35, hour = 12, min = 75, sec = -10}
os.time(t)
print(fields(t), type(t.isdst))
t = {year = 2024, month = 3, day = 0, hour = 12}
os.time(t)
print(fields(t))
t = {year = 2023, month = 1, day = 1, hour = 12 - 24 * 365}
os.time(t)
print(fields(t))
t = {year = 2000, month = 0, day = 1, hour = 12}
os.time(t)
print(fields(t))
t = {year = 2020, month = 1, day = 1, hour = 12, yday = 100, wday = 7}
os.time(t)
print(fields(t))

print("-- difftime")
print(os.difftime(10, 4), os.difftime(4, 10), os.difftime(0, 0), math.type(os.difftime(1, 1)))
print(os.difftime(1e10, 0), os.difftime("5", 2))
try("difftime one arg", os.difftime, 5)
try("difftime none", os.difftime)
try("difftime float", os.difftime, 1.5, 1)
try("difftime string", os.difftime, 1, "x")

print("-- clock")
local c1 = os.clock()
local x = 0
for i = 1, 100000 do x = x + i end
local c2 = os.clock()
print(math.type(c1), c2 >= c1, c1 >= 0)

print("-- errors")
try("missing day", os.time, {year = 2000, month = 1})
try("missing month", os.time, {year = 2000, day = 1})
try("missing year", os.time, {month = 1, day = 1})
try("day not integer", os.time, {year = 2000, month = 1, day = 1.5})
try("day string", os.time, {year = 2000, month = 1, day = "x"})
try("hour not integer", os.time, {year = 2000, month = 1, day = 1, hour = 0.5})
try("min bool", os.time, {year = 2000, month = 1, day = 1, min = true})
try("year too big", os.time, {year = 2^40, month = 1, day = 1})
try("month too big", os.time, {year = 2000, month = 2^31 + 5, day = 1})
try("sec too small", os.time, {year = 2000, month = 1, day = 1, sec = -2^31 - 5})
try("not a table", os.time, 5)
try("string", os.time, "2000")
print(pcall(function() return os.time({}) end))
