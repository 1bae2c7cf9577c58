local time = require("time")

local function main()
    local events = process.events()
    local replies = process.listen("reply")
    local worker, err = process.spawn_monitored("app:echo_worker", "app:processes")
    if err then
        return false, "spawn failed: " .. err
    end
    print("echo worker:", worker)

    for _, text in ipairs({ "hello", "world", "again" }) do
        process.send(worker, "echo", text)
        local timeout = time.after("1s")
        local r = channel.select { replies:case_receive(), timeout:case_receive() }
        if r.channel == timeout then
            return false, "no reply to " .. text
        end
        print("reply:", r.value)
    end

    -- a table is deep-copied on the way there and back
    local t = { n = 1, list = { "a", "b" } }
    process.send(worker, "echo", t)
    local back = replies:receive()
    t.n = 99
    print("copied:", back.n, back.list[2], back ~= t)

    process.send(worker, "echo", "stop")
    local ev = events:receive()
    print(ev.kind, ev.from == worker, "echoed", ev.result.value)
    return true
end

return { main = main }
