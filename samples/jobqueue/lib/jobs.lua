-- Job definitions and how to run one (shared by dispatcher and workers).
local M = {}

M.MAX_ATTEMPTS = 3

-- id, kind, input, and how the job misbehaves on its first attempts
M.ALL = {
    { id = 1, kind = "square", input = 7 },
    { id = 2, kind = "upper", input = "hello" },
    { id = 3, kind = "square", input = 12, flaky = 1 },   -- fails once, then works
    { id = 4, kind = "sum", input = { 1, 2, 3, 4 } },
    { id = 5, kind = "divide", input = { 1, 0 } },        -- never works, not retryable
    { id = 6, kind = "upper", input = "world", crash = 1 }, -- the worker crashes once
    { id = 7, kind = "square", input = 3, flaky = 5 },    -- runs out of attempts
    { id = 8, kind = "sum", input = { 10, 20 } },
}

-- the work itself; returns result or nil, err
function M.run(job, attempt)
    if job.crash and attempt <= job.crash then
        error("worker crashed on job " .. job.id, 0)
    end
    if job.flaky and attempt <= job.flaky then
        return nil, errors.new({
            message = "job " .. job.id .. " timed out",
            kind = errors.TIMEOUT,
            retryable = true,
        })
    end
    if job.kind == "square" then
        return job.input * job.input
    elseif job.kind == "upper" then
        return string.upper(job.input)
    elseif job.kind == "sum" then
        local s = 0
        for _, v in ipairs(job.input) do
            s = s + v
        end
        return s
    elseif job.kind == "divide" then
        local a, b = job.input[1], job.input[2]
        if b == 0 then
            return nil, errors.new({ message = "division by zero", kind = errors.INVALID, retryable = false })
        end
        return a // b
    end
    return nil, errors.new({ message = "unknown job kind " .. job.kind, kind = errors.INVALID })
end

-- how long a job takes (ms)
function M.cost(job)
    return 10 * job.id
end

return M
