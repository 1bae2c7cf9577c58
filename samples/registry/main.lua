local time = require("time")

local function main()
    local test_name = "my_service"

    local ok, err = process.registry.register(test_name)
    if err then
        return false, "register failed: " .. err
    end
    local pid, lookup_err = process.registry.lookup(test_name)
    if lookup_err then
        return false, "lookup failed: " .. lookup_err
    end
    print("lookup is self:", pid == process.pid())
    print("register again:", process.registry.register(test_name))

    print("unregister:", process.registry.unregister(test_name))
    print("unregister again:", process.registry.unregister(test_name))
    pid, err = process.registry.lookup(test_name)
    print("lookup after:", pid, err)

    -- a worker registers a name; we send to the name
    local events = process.events()
    local acks = process.listen("ack")
    local w = process.spawn_monitored("app:named_worker", "app:processes", "printer")
    time.sleep("10ms")
    print("taken:", process.registry.register("printer"))
    print("send:", process.send("printer", "job", "page 1"))
    print("ack:", acks:receive())
    events:receive()
    -- names are released when their process ends
    print("after exit:", process.registry.lookup("printer"))
    print("send after exit:", process.send("printer", "job", "page 2"))
    return true
end

return { main = main }
