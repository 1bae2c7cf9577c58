"""Error values that runtime functions return as their second result.

Rules:
- Every `nil, err` (or `false, err`) of the process, channel and time
  modules is made by `make(message, kind)`, with the kinds of the reference
  runtime (NotFound, Invalid, AlreadyExists, Internal, ...).
- Until the errors module exists, an error value is its message string, so
  `tostring(err)`, `"x: " .. err` and `string.find(err, ...)` work on it.
  The errors module installs its own constructor with `set_factory`; its
  objects should set `lua_passthrough = True` on their class so that they
  cross process boundaries unchanged (runtime.payload).
"""

NOT_FOUND = "NotFound"
ALREADY_EXISTS = "AlreadyExists"
INVALID = "Invalid"
INTERNAL = "Internal"
PERMISSION_DENIED = "PermissionDenied"


def _plain(message, kind=""):
    return message


_factory = [_plain]


def make(message, kind=""):
    return _factory[0](message, kind)


def set_factory(fn):
    """Use fn(message, kind) to make error values from now on."""
    _factory[0] = fn if fn is not None else _plain
