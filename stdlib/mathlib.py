"""The Lua math library (lmathlib.c), with the 5.3 compatibility functions
that Debian's lua5.4 is built with (atan2, cosh, sinh, tanh, pow, frexp,
ldexp, log10).

Rules:
- Integer arguments stay integers where Lua keeps them (abs, floor, ceil,
  fmod, modf's integral part, max, min); luaL_checknumber arguments become
  floats, as in C.
- No helper of this module raises a Lua error (`where` would stop at it):
  argument checks are _checks functions called by the entry functions.
- Floating-point results follow the C library on Linux: where Python's math
  module raises (domain errors, overflow), the function returns what glibc
  returns (NaN with the sign glibc gives it, or an infinity).
- random/randomseed are xoshiro256** exactly as in lmathlib.c, so a given
  seed produces lua5.4's sequence.
- Every library function is its own `def`, even where several share a
  shape (sin, cos, tan...): error messages find a library function's Lua
  name ("math.sin") through its code object, which a function factory would
  share between them.
"""

import math
import time

from moonlet.runtime.errors import NOARG, arg_error, rt_error
from moonlet.runtime.ops import fdiv, ffloor, fpow
from moonlet.runtime.values import MAXINT, MININT, Multi, tointeger

from ._checks import c_lt, check_any, check_float, check_int, opt_int

LUA_VISIBLE = True

_U64 = 0xFFFFFFFFFFFFFFFF
_INF = math.inf
_NEG_NAN = -math.nan
_POS_NAN = math.nan


def _wrap(i):
    return ((i + 0x8000000000000000) & _U64) - 0x8000000000000000


def _numint(d):
    """lmathlib's pushnumint: an integer if float d fits in one."""
    if d - d == 0.0 and -9.3e18 < d < 9.3e18:
        i = int(d)
        if MININT <= i <= MAXINT:
            return i
    return d


def _fceil(x):
    if x != x or x in (_INF, -_INF):
        return x
    r = float(math.ceil(x))
    if r == 0.0 and x < 0:
        return -0.0
    return r


def math_abs(x=NOARG, *_):
    if x.__class__ is int:
        return _wrap(-x) if x < 0 else x
    return math.fabs(check_float(x, 1, "abs"))


def math_ceil(x=NOARG, *_):
    if x.__class__ is int:
        return x
    return _numint(_fceil(check_float(x, 1, "ceil")))


def math_floor(x=NOARG, *_):
    if x.__class__ is int:
        return x
    return _numint(ffloor(check_float(x, 1, "floor")))


def _cfmod(a, b):
    """C fmod."""
    try:
        return math.fmod(a, b)
    except ValueError:
        return _NEG_NAN


def math_fmod(a=NOARG, b=NOARG, *_):
    if a.__class__ is int and b.__class__ is int:
        if b == 0:
            arg_error(2, "fmod", "zero")
        if b == -1:
            return 0
        r = abs(a) % abs(b)
        return -r if a < 0 else r
    return _cfmod(check_float(a, 1, "fmod"), check_float(b, 2, "fmod"))


def math_modf(x=NOARG, *_):
    if x.__class__ is int:
        return Multi((x, 0.0))
    n = check_float(x, 1, "modf")
    ip = _fceil(n) if n < 0 else ffloor(n)
    return Multi((_numint(ip), 0.0 if n == ip else n - ip))


def math_sqrt(x=NOARG, *_):
    x = check_float(x, 1, "sqrt")
    try:
        return math.sqrt(x)
    except ValueError:
        return _NEG_NAN


def math_ult(a=NOARG, b=NOARG, *_):
    a = check_int(a, 1, "ult")
    b = check_int(b, 2, "ult")
    return (a & _U64) < (b & _U64)


def _clog(fn, x):
    """C log/log2/log10."""
    if x > 0 or x != x:
        return fn(x)
    if x == 0:
        return -_INF
    # glibc's log10 gives a positive NaN for negative numbers.
    return _POS_NAN if fn is math.log10 else _NEG_NAN


def math_log(x=NOARG, base=NOARG, *_):
    x = check_float(x, 1, "log")
    if base is NOARG or base is None:
        return _clog(math.log, x)
    base = check_float(base, 2, "log")
    if base == 2.0:
        return _clog(math.log2, x)
    if base == 10.0:
        return _clog(math.log10, x)
    return fdiv(_clog(math.log, x), _clog(math.log, base))


def math_log10(x=NOARG, *_):
    return _clog(math.log10, check_float(x, 1, "log10"))


def math_exp(x=NOARG, *_):
    x = check_float(x, 1, "exp")
    try:
        return math.exp(x)
    except OverflowError:
        return _INF


def math_deg(x=NOARG, *_):
    return check_float(x, 1, "deg") * (180.0 / math.pi)


def math_rad(x=NOARG, *_):
    return check_float(x, 1, "rad") * (math.pi / 180.0)


def math_sin(x=NOARG, *_):
    x = check_float(x, 1, "sin")
    try:
        return math.sin(x)
    except ValueError:
        return _NEG_NAN


def math_cos(x=NOARG, *_):
    x = check_float(x, 1, "cos")
    try:
        return math.cos(x)
    except ValueError:
        return _NEG_NAN


def math_tan(x=NOARG, *_):
    x = check_float(x, 1, "tan")
    try:
        return math.tan(x)
    except ValueError:
        return _NEG_NAN


def math_asin(x=NOARG, *_):
    x = check_float(x, 1, "asin")
    try:
        return math.asin(x)
    except ValueError:
        return _POS_NAN


def math_acos(x=NOARG, *_):
    x = check_float(x, 1, "acos")
    try:
        return math.acos(x)
    except ValueError:
        return _POS_NAN


def _atan2(y, x):
    if x != x or y != y:
        return x + y
    return math.atan2(y, x)


def math_atan(y=NOARG, x=NOARG, *_):
    y = check_float(y, 1, "atan")
    if x is NOARG or x is None:
        x = 1.0
    else:
        x = check_float(x, 2, "atan")
    return _atan2(y, x)


def math_atan2(y=NOARG, x=NOARG, *_):
    y = check_float(y, 1, "atan2")
    if x is NOARG or x is None:
        x = 1.0
    else:
        x = check_float(x, 2, "atan2")
    return _atan2(y, x)


def math_cosh(x=NOARG, *_):
    x = check_float(x, 1, "cosh")
    try:
        return math.cosh(x)
    except OverflowError:
        return _INF


def math_sinh(x=NOARG, *_):
    x = check_float(x, 1, "sinh")
    try:
        return math.sinh(x)
    except OverflowError:
        return math.copysign(_INF, x)


def math_tanh(x=NOARG, *_):
    return math.tanh(check_float(x, 1, "tanh"))


def _cpow(x, y):
    """C pow."""
    if x == 0.0 and y < 0:
        # Pole error: an infinity, negative for -0.0 to an odd integer power.
        if y != -_INF and y == math.floor(y) and math.fmod(y, 2.0) != 0.0:
            return math.copysign(_INF, x)
        return _INF
    return fpow(x, y)


def math_pow(x=NOARG, y=NOARG, *_):
    return _cpow(check_float(x, 1, "pow"), check_float(y, 2, "pow"))


def math_frexp(x=NOARG, *_):
    m, e = math.frexp(check_float(x, 1, "frexp"))
    return Multi((m, e))


def math_ldexp(x=NOARG, e=NOARG, *_):
    x = check_float(x, 1, "ldexp")
    # C casts the exponent to int.
    e = ((check_int(e, 2, "ldexp") + 0x80000000) & 0xFFFFFFFF) - 0x80000000
    try:
        return math.ldexp(x, e)
    except OverflowError:
        return math.copysign(_INF, x)


def math_tointeger(x=NOARG, *_):
    cls = x.__class__
    if cls is int:
        return x
    if cls is float or cls is str:
        i = tointeger(x)
        if i is not None:
            return i
    check_any(x, 1, "tointeger")
    return None


def math_type(x=NOARG, *_):
    cls = x.__class__
    if cls is int:
        return "integer"
    if cls is float:
        return "float"
    check_any(x, 1, "type")
    return None


def math_max(*args):
    if not args:
        arg_error(1, "max", "value expected")
    best = args[0]
    for v in args[1:]:
        if c_lt(best, v):
            best = v
    return best


def math_min(*args):
    if not args:
        arg_error(1, "min", "value expected")
    best = args[0]
    for v in args[1:]:
        if c_lt(v, best):
            best = v
    return best


# Pseudo-random numbers: xoshiro256**.

_state = [0, 0, 0, 0]


def _nextrand(s=_state):
    s0, s1, s2, s3 = s
    s2 ^= s0
    s3 ^= s1
    x = (s1 * 5) & _U64
    res = ((((x << 7) | (x >> 57)) & _U64) * 9) & _U64
    s[0] = s0 ^ s3
    s[1] = s1 ^ s2
    s[2] = s2 ^ ((s1 << 17) & _U64)
    s[3] = ((s3 << 45) | (s3 >> 19)) & _U64
    return res


def _project(ran, n):
    """A random integer in [0, n] (lmathlib's project)."""
    if n & (n + 1) == 0:
        return ran & n
    lim = n
    lim |= lim >> 1
    lim |= lim >> 2
    lim |= lim >> 4
    lim |= lim >> 8
    lim |= lim >> 16
    lim |= lim >> 32
    ran &= lim
    while ran > n:
        ran = _nextrand() & lim
    return ran


_SCALE = 0.5 / (1 << 52)


def math_random(m=NOARG, n=NOARG, *extra):
    rv = _nextrand()
    if m is NOARG:
        return (rv >> 11) * _SCALE
    if extra:
        rt_error("wrong number of arguments")
    if n is NOARG:
        low = 1
        up = m if m.__class__ is int else check_int(m, 1, "random")
        if up == 0:
            return _wrap(rv)
    else:
        low = m if m.__class__ is int else check_int(m, 1, "random")
        up = n if n.__class__ is int else check_int(n, 2, "random")
    if low > up:
        arg_error(1, "random", "interval is empty")
    return _wrap(_project(rv, (up - low) & _U64) + low)


def _setseed(n1, n2):
    s = _state
    s[0] = n1 & _U64
    s[1] = 0xFF
    s[2] = n2 & _U64
    s[3] = 0
    for _ in range(16):
        _nextrand()
    return Multi((_wrap(n1), _wrap(n2)))


def _randseed():
    return _setseed(int(time.time()), id(_state))


def math_randomseed(n1=NOARG, n2=NOARG, *_):
    if n1 is NOARG:
        return _randseed()
    n1 = check_int(n1, 1, "randomseed")
    n2 = opt_int(n2, 2, "randomseed", 0)
    return _setseed(n1, n2)


_randseed()

LIB = {
    "abs": math_abs,
    "acos": math_acos,
    "asin": math_asin,
    "atan": math_atan,
    "atan2": math_atan2,
    "ceil": math_ceil,
    "cos": math_cos,
    "cosh": math_cosh,
    "deg": math_deg,
    "exp": math_exp,
    "floor": math_floor,
    "fmod": math_fmod,
    "frexp": math_frexp,
    "huge": math.inf,
    "ldexp": math_ldexp,
    "log": math_log,
    "log10": math_log10,
    "max": math_max,
    "maxinteger": MAXINT,
    "min": math_min,
    "mininteger": MININT,
    "modf": math_modf,
    "pi": math.pi,
    "pow": math_pow,
    "rad": math_rad,
    "random": math_random,
    "randomseed": math_randomseed,
    "sin": math_sin,
    "sinh": math_sinh,
    "sqrt": math_sqrt,
    "tan": math_tan,
    "tanh": math_tanh,
    "tointeger": math_tointeger,
    "type": math_type,
    "ult": math_ult,
}
