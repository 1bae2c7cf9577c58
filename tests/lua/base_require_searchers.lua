-- require through package.searchers: preload, custom searchers, messages
print(pcall(require, "nomod.sub"))
package.preload.pm = function(n, x) return {n = n, x = x} end
local m, extra = require("pm")
print(m.n, m.x, extra)
print(#package.searchers, type(package.searchers[1]))
table.insert(package.searchers, 2, function(n) if n == "virt" then return function() return "V" end, "virtx" end return "no virtual '" .. n .. "'" end)
print(require("virt"))
print(pcall(require, "zz"))
package.searchers = nil
print(pcall(require, "zz2"))
