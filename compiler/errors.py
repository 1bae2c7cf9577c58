"""Compiler errors: user errors separate from compiler bugs.

Rules:
- LuaSyntaxError is the user's fault: the Lua source does not compile under
  `luac5.4 -p`. Its `message` is Lua's full message, including the
  "chunk:line:" prefix ("foo.lua:3: unexpected symbol near '+'"), so the
  runtime can hand it to Lua code unchanged (`load` returns it).
- CompilerBug is our fault: the compiler met a state it should never reach.
"""


class LuaSyntaxError(Exception):
    """The source is not valid Lua 5.4; `message` is Lua's message."""

    def __init__(self, message, line=None):
        Exception.__init__(self, message)
        self.message = message
        # The line the message refers to (None when Lua gives none).
        self.line = line

    def __str__(self):
        return self.message


class CompilerBug(Exception):
    """An internal error of the compiler (never the user's fault)."""
