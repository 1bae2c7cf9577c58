"""moonlet: Lua 5.4 compiled to Python, on a greenlet actor runtime."""

__version__ = "0.1.0"
