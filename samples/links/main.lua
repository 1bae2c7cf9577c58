local time = require("time")

local function main()
    local ok, err = process.set_options({ trap_links = true })
    if not ok then
        return false, "set_options failed: " .. err
    end
    print("trap_links:", process.get_options().trap_links)

    local events_ch = process.events()

    local error_pid, err2 = process.spawn_linked("app:error_exit_worker", "app:processes")
    if err2 then
        return false, "spawn error worker failed: " .. err2
    end

    local timeout = time.after("2s")
    local result = channel.select {
        events_ch:case_receive(),
        timeout:case_receive(),
    }
    if result.channel == timeout then
        return false, "timeout waiting for LINK_DOWN"
    end
    local event = result.value
    print(event.kind, event.from == error_pid, event.result.error)

    -- a process without trap_links fails when its link fails
    local b = process.spawn_monitored("app:bystander", "app:processes")
    local ev = events_ch:receive()
    print(ev.kind, ev.from == b, ev.result.error)

    -- an unlinked crash sends nothing
    local c = process.spawn_linked("app:error_exit_worker", "app:processes", 20)
    print("unlink:", process.unlink(c))
    timeout = time.after("1s")
    result = channel.select { events_ch:case_receive(), timeout:case_receive() }
    print("LINK_DOWN after unlink:", result.channel ~= timeout)
    return true
end

return { main = main }
