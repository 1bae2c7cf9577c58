-- Echoes each message back to its sender, until told to stop.
local function main()
    local ch = process.listen("echo", { message = true })
    local count = 0
    while true do
        local msg = ch:receive()
        local data = msg:payload():data()
        if data == "stop" then
            return count
        end
        count = count + 1
        local sender = msg:from()
        if sender ~= "" then
            -- the Payload object itself would arrive as nil: send the data
            process.send(sender, "reply", data)
        end
    end
end

return { main = main }
