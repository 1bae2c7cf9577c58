local time = require("time")

local function main(ms)
    time.sleep((ms or 10) * time.MILLISECOND)
    error("worker crashed", 0)
end

return { main = main }
