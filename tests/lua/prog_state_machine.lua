-- a small state machine with goto: parses simple "key=value;" records
local function parse(input)
  local records, key, value = {}, "", ""
  local i, n = 0, #input
  local c
  ::read_key::
  i = i + 1
  if i > n then goto finish end
  c = input:sub(i, i)
  if c == "=" then goto read_value end
  if c == ";" then
    if key ~= "" then records[#records + 1] = key .. "=<none>" end
    key = ""
    goto read_key
  end
  if c ~= " " then key = key .. c end
  goto read_key
  ::read_value::
  i = i + 1
  if i > n then goto finish end
  c = input:sub(i, i)
  if c == ";" then
    records[#records + 1] = key .. "=" .. value
    key, value = "", ""
    goto read_key
  end
  value = value .. c
  goto read_value
  ::finish::
  if key ~= "" then records[#records + 1] = key .. "=" .. (value ~= "" and value or "<none>") end
  return records
end
for _, s in ipairs({"a=1;b=2;", "name=lua; version=5.4", "flag;x=;y=z", ""}) do
  local r = parse(s)
  print(string.format("%-24s -> %d: %s", "'" .. s .. "'", #r, table.concat(r, ", ")))
end

-- a table-driven vending machine
local machine = {
  idle = {coin = "ready", push = "idle"},
  ready = {coin = "ready", push = "vending", refund = "idle"},
  vending = {done = "idle"},
}
local function run(events)
  local state, trace = "idle", {"idle"}
  for _, ev in ipairs(events) do
    local nxt = machine[state][ev]
    if nxt == nil then
      trace[#trace + 1] = "!" .. ev
      goto continue
    end
    state = nxt
    trace[#trace + 1] = ev .. ">" .. state
    ::continue::
  end
  return table.concat(trace, " ")
end
print(run({"coin", "push", "done"}))
print(run({"push", "coin", "coin", "refund", "done"}))
print(run({"coin", "push", "coin", "done", "coin", "push"}))

-- goto-based retry loop with a counter
local attempts = 0
local function flaky() attempts = attempts + 1; return attempts >= 3 end
::retry::
if not flaky() then
  print("attempt", attempts, "failed")
  goto retry
end
print("succeeded after", attempts)
