-- A worker: asks the dispatcher for work, runs jobs, reports results.
-- A crash (an error) ends the process; the dispatcher sees its EXIT.
local time = require("time")
local jobs = require("jobs")

local function main(name)
    local work = process.listen("job")
    while true do
        process.send("dispatcher", "ready", name)
        local msg = work:receive()
        if msg == "stop" then
            return name .. " stopped"
        end
        time.sleep(jobs.cost(msg.job) * time.MILLISECOND)
        local result, err = jobs.run(msg.job, msg.attempt)
        if err then
            process.send("dispatcher", "failed", {
                name = name,
                id = msg.job.id,
                attempt = msg.attempt,
                error = err, -- error values travel as errors
            })
        else
            process.send("dispatcher", "done", { name = name, id = msg.job.id, result = result })
        end
    end
end

return { main = main }
