local function main(name)
    assert(process.registry.register(name))
    local inbox = process.inbox()
    local msg = inbox:receive()
    process.send(msg:from(), "ack", name .. " got " .. msg:payload():data())
    return true
end

return { main = main }
