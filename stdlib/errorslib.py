"""The errors module (global `errors`) and error values.

Rules:
- An error value is userdata (ErrorValue) with the methods kind(),
  message(), retryable(), details() and stack(). tostring(e) and `..` give
  its message; the string library accepts it as a string (`lua_strval`,
  used by _checks.check_str).
- errors.new("msg") or errors.new{message=, kind=, retryable=, details=};
  errors.wrap(err, "ctx") is a new error "ctx: <message>" with err's kind,
  retryable and details; errors.is(err, kind) compares kinds (also of the
  wrapped errors); errors.call_stack(err) is the Lua traceback text taken
  when the error was made, or nil.
- Error values cross process boundaries unchanged (`lua_passthrough`), and
  a main function returning one as its second result fails its process.
- `install()` makes the runtime's `nil, err` results error values
  (runtime.errvalues.set_factory).
"""

from moonlet.runtime import errvalues
from moonlet.runtime.errors import NOARG, arg_error, type_error
from moonlet.runtime.table import Table
from moonlet.runtime.values import fmt_float, type_name

LUA_VISIBLE = True

KINDS = {
    "NOT_FOUND": "NotFound",
    "ALREADY_EXISTS": "AlreadyExists",
    "INVALID": "Invalid",
    "PERMISSION_DENIED": "PermissionDenied",
    "UNAVAILABLE": "Unavailable",
    "INTERNAL": "Internal",
    "CANCELED": "Canceled",
    "CONFLICT": "Conflict",
    "TIMEOUT": "Timeout",
    "RATE_LIMITED": "RateLimited",
    "UNKNOWN": "",
}


class ErrorValue:
    __slots__ = ("msg", "kind", "retryable", "details", "stack", "cause")
    lua_type = "userdata"
    lua_passthrough = True

    def __init__(self, msg, kind="", retryable=None, details=None, stack=None):
        self.msg = msg
        self.kind = kind
        self.retryable = retryable
        self.details = details
        self.stack = stack
        self.cause = None

    def lua_strval(self):
        return self.msg

    def __getitem__(self, key):
        return _index(self, key)

    def __repr__(self):
        return "ErrorValue(%r, %r)" % (self.msg, self.kind)


def make(message, kind=""):
    """The runtime's error factory (errvalues.set_factory)."""
    return ErrorValue(message, kind or "")


def _check(e, fname):
    if e.__class__ is not ErrorValue:
        type_error(1, fname, "error", e)
    return e


def _text(v):
    cls = v.__class__
    if cls is str:
        return v
    if cls is int:
        return str(v)
    if cls is float:
        return fmt_float(v)
    if cls is ErrorValue:
        return v.msg
    return None


def _traceback():
    try:
        from moonlet.stdlib import debuglib

        tb = getattr(debuglib, "LIB", {}).get("traceback")
        if tb is not None:
            return tb(None, 2)
    except Exception:
        return None
    return None


def e_new(spec=NOARG, *_):
    if spec.__class__ is ErrorValue:
        return spec
    s = _text(spec)
    if s is not None:
        return ErrorValue(s, "", None, None, _traceback())
    if isinstance(spec, Table):
        msg = _text(spec["message"])
        if msg is None:
            arg_error(1, "new", "message must be a string")
        kind = spec["kind"]
        if kind is not None and kind.__class__ is not str:
            arg_error(1, "new", "kind must be a string")
        retry = spec["retryable"]
        if retry is not None and retry.__class__ is not bool:
            arg_error(1, "new", "retryable must be a boolean")
        details = spec["details"]
        if details is not None and not isinstance(details, Table):
            arg_error(1, "new", "details must be a table")
        return ErrorValue(msg, kind or "", retry, details, _traceback())
    type_error(1, "new", "string or table", spec)


def e_wrap(err=NOARG, ctx=None, *_):
    if err is None or err is NOARG:
        return None
    c = _text(ctx) if ctx is not None else None
    if err.__class__ is ErrorValue:
        w = ErrorValue(
            (c + ": " + err.msg) if c else err.msg,
            err.kind,
            err.retryable,
            err.details,
            err.stack,
        )
        w.cause = err
        return w
    s = _text(err)
    if s is None:
        type_error(1, "wrap", "error", err)
    return ErrorValue((c + ": " + s) if c else s, "", None, None, _traceback())


def e_is(err=None, kind=None, *_):
    while err.__class__ is ErrorValue:
        if err.kind == kind:
            return True
        err = err.cause
    return False


def e_call_stack(err=None, *_):
    if err.__class__ is ErrorValue:
        return err.stack
    return None


def m_kind(e=NOARG, *_):
    return _check(e, "kind").kind


def m_message(e=NOARG, *_):
    return _check(e, "message").msg


def m_retryable(e=NOARG, *_):
    return _check(e, "retryable").retryable


def m_details(e=NOARG, *_):
    return _check(e, "details").details


def m_stack(e=NOARG, *_):
    return _check(e, "stack").stack


def _tostring(e=None, *_):
    return e.msg if e.__class__ is ErrorValue else "error"


def _concat(a=None, b=None, *_):
    x, y = _text(a), _text(b)
    if x is None or y is None:
        from moonlet.runtime.errors import rt_error

        bad = b if x is not None else a
        rt_error("attempt to concatenate a %s value" % type_name(bad))
    return x + y


def _eq(a=None, b=None, *_):
    if a.__class__ is ErrorValue and b.__class__ is ErrorValue:
        return a.msg == b.msg and a.kind == b.kind
    return False


METHODS = {
    "kind": m_kind,
    "message": m_message,
    "retryable": m_retryable,
    "details": m_details,
    "stack": m_stack,
}

_STRING = []


def _index(e=None, key=None, *_):
    """Error methods, then the string library (err:upper() works, as
    error values are accepted wherever a string is)."""
    fn = METHODS.get(key)
    if fn is None and key.__class__ is str:
        if not _STRING:
            from moonlet.stdlib import stringlib

            _STRING.append(stringlib.LIB)
        fn = _STRING[0].get(key)
    return fn


ErrorValue.lua_meta = Table(
    {
        "__index": _index,
        "__tostring": _tostring,
        "__concat": _concat,
        "__eq": _eq,
        "__name": "error",
    }
)


def make_lib():
    lib = Table(
        {
            "new": e_new,
            "wrap": e_wrap,
            "is": e_is,
            "call_stack": e_call_stack,
        }
    )
    for k, v in KINDS.items():
        lib[k] = v
    return lib


def install():
    """Make the runtime's error results error values."""
    errvalues.set_factory(make)


LIB = make_lib()
