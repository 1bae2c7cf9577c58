local function run_works()
    local jobs = require("jobs")
    assert(jobs.run({ id = 1, kind = "square", input = 9 }, 1) == 81)
    assert(jobs.run({ id = 2, kind = "sum", input = { 1, 2 } }, 1) == 3)
    return jobs.run({ id = 3, kind = "upper", input = "x" }, 1) == "X"
end

local function errors_are_typed()
    local jobs = require("jobs")
    local v, err = jobs.run({ id = 1, kind = "square", input = 2, flaky = 1 }, 1)
    if v ~= nil or not err:retryable() or err:kind() ~= errors.TIMEOUT then
        return false
    end
    v, err = jobs.run({ id = 2, kind = "divide", input = { 1, 0 } }, 1)
    return v == nil and errors.is(err, errors.INVALID) and not err:retryable()
end

local function queue_runs()
    -- the whole app as a child process: it returns the number of dead jobs
    local result, err = process.exec("app:main", "app:processes")
    if err then
        return nil, "queue failed: " .. tostring(err)
    end
    if result ~= 2 then
        return nil, "expected 2 dead jobs, got " .. tostring(result)
    end
    return true
end

return { run_works = run_works, errors_are_typed = errors_are_typed, queue_runs = queue_runs }
