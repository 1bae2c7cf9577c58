-- queue and stack implementations
local Stack = {}
Stack.__index = Stack
function Stack.new() return setmetatable({items = {}, size = 0}, Stack) end
function Stack:push(...)
  for i = 1, select('#', ...) do
    self.size = self.size + 1
    self.items[self.size] = select(i, ...)
  end
end
function Stack:pop()
  if self.size == 0 then return nil, "empty" end
  local v = self.items[self.size]
  self.items[self.size] = nil
  self.size = self.size - 1
  return v
end
function Stack:peek() return self.items[self.size] end
Stack.__len = function(s) return s.size end

local Queue = {}
Queue.__index = Queue
function Queue.new() return setmetatable({first = 1, last = 0, items = {}}, Queue) end
function Queue:push(v) self.last = self.last + 1; self.items[self.last] = v end
function Queue:pop()
  if self.first > self.last then return nil end
  local v = self.items[self.first]
  self.items[self.first] = nil
  self.first = self.first + 1
  return v
end
function Queue:empty() return self.first > self.last end
Queue.__len = function(q) return q.last - q.first + 1 end

local s = Stack.new()
s:push(1, 2, 3)
s:push("four")
print("stack size", #s, "peek", s:peek())
while #s > 0 do io.write(tostring(s:pop()), " ") end
print()
print("pop empty", s:pop())

local q = Queue.new()
for i = 1, 5 do q:push(i * i) end
print("queue size", #q)
io.write("dequeued: ")
while not q:empty() do io.write(q:pop(), " ") end
print()
print("pop empty queue", q:pop(), #q)

-- balanced brackets with a stack
local function balanced(str)
  local st = Stack.new()
  local pairs_ = {[")"] = "(", ["]"] = "[", ["}"] = "{"}
  for ch in str:gmatch(".") do
    if ch == "(" or ch == "[" or ch == "{" then st:push(ch)
    elseif pairs_[ch] then
      if st:pop() ~= pairs_[ch] then return false end
    end
  end
  return #st == 0
end
for _, str in ipairs({"()", "([]{})", "(]", "((", "{[()()]}", "", "a(b)c]"}) do
  print(string.format("%-10s %s", str, tostring(balanced(str))))
end

-- BFS on a small graph with the queue
local graph = {a = {"b", "c"}, b = {"d"}, c = {"d", "e"}, d = {"f"}, e = {"f"}, f = {}}
local function bfs(start)
  local dist, order = {[start] = 0}, {}
  local qq = Queue.new()
  qq:push(start)
  while not qq:empty() do
    local node = qq:pop()
    order[#order + 1] = node .. ":" .. dist[node]
    for _, nxt in ipairs(graph[node]) do
      if dist[nxt] == nil then dist[nxt] = dist[node] + 1; qq:push(nxt) end
    end
  end
  return table.concat(order, " ")
end
print("bfs", bfs("a"))

-- RPN calculator using the stack
local function rpn(expr)
  local st = Stack.new()
  for tok in expr:gmatch("%S+") do
    local n = tonumber(tok)
    if n then st:push(n)
    else
      local b, a = st:pop(), st:pop()
      if tok == "+" then st:push(a + b) elseif tok == "-" then st:push(a - b)
      elseif tok == "*" then st:push(a * b) elseif tok == "/" then st:push(a / b)
      elseif tok == "//" then st:push(a // b) elseif tok == "^" then st:push(a ^ b) end
    end
  end
  return st:pop()
end
print("rpn", rpn("3 4 + 2 *"), rpn("10 3 //"), rpn("2 10 ^"), rpn("1 2 3 * + 4 -"), rpn("7 2 /"))
