-- Links itself to a crashing worker without trap_links: it dies with it.
local time = require("time")

local function main()
    local pid = process.spawn("app:error_exit_worker", "app:processes", 50)
    process.link(pid)
    time.sleep("10s")
    return "never"
end

return { main = main }
