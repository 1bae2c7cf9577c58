"""The moonlet compiler: Lua 5.4 source to Python modules."""
