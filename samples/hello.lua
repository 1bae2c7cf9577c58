-- hello.lua: a friendly first program
local name = "moonlet"
print("Hello from " .. name .. "!")
print(string.format("Running on %s", _VERSION))

-- a few computed lines
local squares = {}
for i = 1, 10 do squares[#squares + 1] = i * i end
print("Squares: " .. table.concat(squares, ", "))

local sum = 0
for _, v in ipairs(squares) do sum = sum + v end
print("Sum of the first ten squares: " .. sum)

local function factorial(n)
  if n <= 1 then return 1 end
  return n * factorial(n - 1)
end
print("10! = " .. factorial(10))
print("20! = " .. factorial(20))

print(string.format("Pi is roughly %.5f and 2^0.5 is %.5f", math.pi, 2 ^ 0.5))
print("7 // 2 = " .. 7 // 2 .. ", 7 / 2 = " .. 7 / 2 .. ", 7 % 2 = " .. 7 % 2)

local greetings = {"Hello", "Hola", "Bonjour", "Hallo", "Ciao"}
for i, g in ipairs(greetings) do
  print(string.format("%d. %-8s %s", i, g, string.rep("*", #g)))
end
