-- a small state machine using goto: tokenises a string
local function tokenize(s)
  local tokens = {}
  local i = 1
  local buf
  ::start::
  if i > #s then goto finish end
  do
    local ch = s:sub(i, i)
    if ch:match("%d") then buf = ""; goto number end
    if ch:match("%a") then buf = ""; goto word end
    if ch == " " then i = i + 1; goto start end
    tokens[#tokens + 1] = "SYM(" .. ch .. ")"
    i = i + 1
    goto start
  end
  ::number::
  do
    local ch = s:sub(i, i)
    if ch ~= "" and ch:match("%d") then buf = buf .. ch; i = i + 1; goto number end
    tokens[#tokens + 1] = "NUM(" .. buf .. ")"
    goto start
  end
  ::word::
  do
    local ch = s:sub(i, i)
    if ch ~= "" and ch:match("%w") then buf = buf .. ch; i = i + 1; goto word end
    tokens[#tokens + 1] = "WORD(" .. buf .. ")"
    goto start
  end
  ::finish::
  return tokens
end

for _, src in ipairs({"x = 42 + y1", "foo(12,bar)", "", "99bottles"}) do
  print(string.format("%-14s", string.format("%q", src)), table.concat(tokenize(src), " "))
end

-- traffic light states
local function run(steps)
  local out = {}
  local n = 0
  ::green::
  out[#out + 1] = "green"; n = n + 1
  if n >= steps then goto stop end
  goto yellow
  ::red::
  out[#out + 1] = "red"; n = n + 1
  if n >= steps then goto stop end
  goto green
  ::yellow::
  out[#out + 1] = "yellow"; n = n + 1
  if n >= steps then goto stop end
  goto red
  ::stop::
  return table.concat(out, "->")
end
print(run(1))
print(run(5))
print(run(7))
