local time = require("time")

local function main()
    local events_ch = process.events()

    -- spawned without monitoring, then monitored explicitly
    local a = process.spawn("app:long_worker", "app:processes", 200, "done")
    local b = process.spawn("app:long_worker", "app:processes", 100, "fail")
    local c = process.spawn("app:long_worker", "app:processes", 50, "ignored")
    assert(process.monitor(a))
    assert(process.monitor(b))
    assert(process.monitor(c))
    local ok, err = process.monitor(a)
    print("monitor twice:", ok, err)

    -- stop watching c: its EXIT never arrives
    print("unmonitor:", process.unmonitor(c))

    for _ = 1, 2 do
        local event = events_ch:receive()
        local who = event.from == a and "a" or event.from == b and "b" or "?"
        if event.result.error then
            print("EXIT", who, "error:", event.result.error)
        else
            print("EXIT", who, "value:", event.result.value)
        end
    end

    -- monitoring a process that is gone is an error, with no EXIT event
    ok, err = process.monitor(a)
    print("monitor dead:", ok, err)
    local timeout = time.after("1s")
    local r = channel.select { events_ch:case_receive(), timeout:case_receive() }
    print("more events:", r.channel ~= timeout)
    return true
end

return { main = main }
