"""The Lua standard library: one module per Lua library, each ending in a
name-to-function table `LIB`."""
