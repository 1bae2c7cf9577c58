local time = require("time")

local function main(ms, outcome)
    time.sleep(ms * time.MILLISECOND)
    if outcome == "fail" then
        return nil, "gave up after " .. ms .. "ms"
    end
    return outcome
end

return { main = main }
