local time = require("time")

local function main(task)
    -- simulate work: later tasks take less time
    time.sleep((6 - task.task_id) * 100 * time.MILLISECOND)
    if task.value == 30 then
        error("cannot handle " .. task.value)
    end
    return task.value * 2
end

return { main = main }
