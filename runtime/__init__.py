"""The moonlet runtime: Lua values and operations, tables, errors, coroutines."""
