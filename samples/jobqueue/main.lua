-- The dispatcher: a queue of jobs, a pool of monitored workers, retries
-- with exponential backoff for retryable errors, restarts for crashes.
local time = require("time")
local json = require("json")
local jobs = require("jobs")

local POOL = 3

local function log(at, ...)
    print(string.format("[%5dms]", at), ...)
end

local function main()
    local started = time.now()
    local function now()
        return time.now():sub(started):milliseconds()
    end
    assert(process.registry.register("dispatcher"))

    local events = process.events()
    local ready_ch = process.listen("ready")
    local done_ch = process.listen("done")
    local failed_ch = process.listen("failed")
    local retry_ch = channel.new(16)

    local queue = {}
    for _, job in ipairs(jobs.ALL) do
        queue[#queue + 1] = { job = job, attempt = 1 }
    end
    local busy = {}      -- worker pid -> task
    local names = {}     -- worker pid -> name
    local by_name = {}   -- name -> pid
    local idle = {}      -- names of idle workers, in order
    local results, dead = {}, {}
    local pending = #queue
    local restarts, seq = 0, 0

    local function start_worker()
        seq = seq + 1
        local name = "w" .. seq
        local pid, err = process.spawn_monitored("app:worker", "app:processes", name)
        if not pid then
            error("cannot start worker: " .. tostring(err))
        end
        names[pid] = name
        by_name[name] = pid
        return name
    end

    local function dispatch()
        while #idle > 0 and #queue > 0 do
            local name = table.remove(idle, 1)
            local task = table.remove(queue, 1)
            local pid = by_name[name]
            busy[pid] = task
            log(now(), "job " .. task.job.id .. " -> " .. name .. " (attempt " .. task.attempt .. ")")
            process.send(pid, "job", task)
        end
    end

    local function retry_later(task, why)
        if task.attempt >= jobs.MAX_ATTEMPTS then
            log(now(), "job " .. task.job.id .. " gave up: " .. why)
            dead[#dead + 1] = { id = task.job.id, error = tostring(why) }
            pending = pending - 1
            return
        end
        local delay = 50 * 2 ^ (task.attempt - 1)
        log(now(), string.format("job %d retry in %dms: %s", task.job.id, delay, why))
        local next_task = { job = task.job, attempt = task.attempt + 1 }
        coroutine.spawn(function()
            time.sleep(math.floor(delay) * time.MILLISECOND)
            retry_ch:send(next_task)
        end)
    end

    for _ = 1, POOL do
        start_worker()
    end

    while pending > 0 do
        local r = channel.select {
            ready_ch:case_receive(),
            done_ch:case_receive(),
            failed_ch:case_receive(),
            retry_ch:case_receive(),
            events:case_receive(),
        }
        local v = r.value
        if r.channel == ready_ch then
            idle[#idle + 1] = v
        elseif r.channel == done_ch then
            busy[by_name[v.name]] = nil
            results[#results + 1] = { id = v.id, result = v.result }
            pending = pending - 1
            log(now(), "job " .. v.id .. " done by " .. v.name .. ": " .. tostring(v.result))
        elseif r.channel == failed_ch then
            local pid = by_name[v.name]
            local task = busy[pid]
            busy[pid] = nil
            local err = v.error
            if err:retryable() then
                retry_later(task, err:kind() .. ": " .. err)
            else
                log(now(), "job " .. v.id .. " failed for good: " .. err:kind() .. ": " .. err)
                dead[#dead + 1] = { id = v.id, error = err:message() }
                pending = pending - 1
            end
        elseif r.channel == retry_ch then
            queue[#queue + 1] = v
        elseif v.kind == process.event.EXIT then
            local name = names[v.from]
            local task = busy[v.from]
            busy[v.from] = nil
            names[v.from] = nil
            log(now(), name .. " exited: " .. tostring(v.result.error))
            for i, n in ipairs(idle) do
                if n == name then
                    table.remove(idle, i)
                    break
                end
            end
            restarts = restarts + 1
            start_worker()
            if task then
                retry_later(task, "crash: " .. tostring(v.result.error))
            end
        end
        dispatch()
    end

    -- stop the pool and wait for every worker to exit
    local live = 0
    for pid in pairs(names) do
        process.send(pid, "job", "stop")
        live = live + 1
    end
    while live > 0 do
        local ev = events:receive()
        if ev.kind == process.event.EXIT then
            live = live - 1
        end
    end

    table.sort(results, function(a, b) return a.id < b.id end)
    table.sort(dead, function(a, b) return a.id < b.id end)
    local report, err = json.encode({
        ok = results,
        failed = dead,
        restarts = restarts,
        elapsed_ms = now(),
    })
    if not report then
        return nil, err
    end
    print(report)
    return #dead
end

return { main = main }
