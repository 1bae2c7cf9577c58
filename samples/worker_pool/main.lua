local time = require("time")

local function main()
    local events_ch = process.events()
    local workers = {}
    local worker_count = 5

    for i = 1, worker_count do
        local worker_pid, err = process.spawn_monitored(
            "app:task_worker",
            "app:processes",
            { task_id = i, value = i * 10 }
        )
        if err then
            return false, "spawn worker " .. i .. " failed: " .. err
        end
        workers[worker_pid] = { task_id = i }
    end

    local completed, failed = 0, 0
    local timeout = time.after("10s")
    local started = time.now()

    while completed + failed < worker_count do
        local result = channel.select {
            events_ch:case_receive(),
            timeout:case_receive(),
        }
        if result.channel == timeout then
            return false, "timeout waiting for workers"
        end
        local event = result.value
        if event.kind == process.event.EXIT then
            local worker = workers[event.from]
            if worker then
                if event.result.error then
                    print("Worker " .. worker.task_id .. " failed:", event.result.error)
                    failed = failed + 1
                else
                    print("Worker " .. worker.task_id .. " completed:", event.result.value)
                    completed = completed + 1
                end
            end
        end
    end

    local elapsed = time.now():sub(started):milliseconds()
    print(string.format("%d completed, %d failed after %dms", completed, failed, elapsed))
    return true
end

return { main = main }
