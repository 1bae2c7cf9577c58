"""The Lua string library (lstrlib.c).

Rules:
- Lua strings are str with one character per byte (latin-1 view): byte is
  ord, char is chr (0-255); upper/lower change ASCII letters only.
- Numbers are accepted where strings are expected (ints in decimal, floats
  with fmt_float), numeric strings and integral floats where integers are.
- Pattern matching lives in stdlib.lpattern (a port of Lua's matcher);
  format, pack and unpack follow the C library of Lua 5.4 on a 64-bit
  little-endian Linux (glibc printf for the conversions).
"""

import math
import re
import struct

from moonlet.runtime.errors import NOARG, arg_error, rt_error, type_error
from moonlet.runtime.debuginfo import source_of
from moonlet.runtime.frames import chunk_info
from moonlet.runtime.ops import tostring
from moonlet.runtime.typemeta import TYPE_META
from moonlet.runtime.table import Table, getmetafield
from moonlet.runtime.values import MININT, NONE, Multi, first, str2number, type_name

from . import lpattern
from .corolib import c_boundary
from ._checks import check_int, check_num, check_str, opt_int, opt_str, to_boolean

LUA_VISIBLE = True

MAXSIZE = 0x7FFFFFFF  # lstrlib's MAXSIZE (INT_MAX on 64-bit)
_U64 = 0xFFFFFFFFFFFFFFFF


def _posrelat_i(pos, ln):
    """posrelatI: a start position clipped to [1, inf)."""
    if pos > 0:
        return pos
    if pos == 0 or pos < -ln:
        return 1
    return ln + pos + 1


def _getendpos(v, n, fname, default, ln):
    pos = opt_int(v, n, fname, default)
    if pos > ln:
        return ln
    if pos >= 0:
        return pos
    if pos < -ln:
        return 0
    return ln + pos + 1


def str_len(s=NOARG, *_):
    if s.__class__ is str:
        return len(s)
    return len(check_str(s, 1, "len"))


def str_sub(s=NOARG, i=NOARG, j=NOARG, *_):
    if s.__class__ is str and i.__class__ is int and i > 0:
        # s:sub(i) and s:sub(i, j) with j >= 0: Python's slice clips alike.
        if j is NOARG or j is None:
            return s[i - 1 :]
        if j.__class__ is int and j >= 0:
            return s[i - 1 : j]
    s = check_str(s, 1, "sub")
    ln = len(s)
    start = _posrelat_i(check_int(i, 2, "sub"), ln)
    end = _getendpos(j, 3, "sub", -1, ln)
    if start <= end:
        return s[start - 1 : end]
    return ""


def str_reverse(s=NOARG, *_):
    return check_str(s, 1, "reverse")[::-1]


_LOWER = {i: i + 32 for i in range(65, 91)}
_UPPER = {i: i - 32 for i in range(97, 123)}


def str_lower(s=NOARG, *_):
    s = check_str(s, 1, "lower")
    if s.isascii():
        return s.lower()
    return s.translate(_LOWER)


def str_upper(s=NOARG, *_):
    s = check_str(s, 1, "upper")
    if s.isascii():
        return s.upper()
    return s.translate(_UPPER)


def str_rep(s=NOARG, n=NOARG, sep=NOARG, *_):
    if s.__class__ is str and n.__class__ is int and 0 < n < 1000:
        # The common small case: no size check needed below 2**31 bytes.
        if sep is NOARG or sep is None:
            if len(s) < 1000000:
                return s * n
        elif sep.__class__ is str and len(s) + len(sep) < 1000000:
            return sep.join([s] * n)
    s = check_str(s, 1, "rep")
    n = check_int(n, 2, "rep")
    sep = opt_str(sep, 3, "rep", "")
    if n <= 0:
        return ""
    ls = len(s)
    lsep = len(sep)
    if ls + lsep > MAXSIZE // n:
        rt_error("resulting string too large")
    if lsep == 0:
        return s * n
    return (s + sep) * (n - 1) + s


def str_byte(s=NOARG, i=NOARG, j=NOARG, *_):
    if s.__class__ is str and j is NOARG and i.__class__ is int and 0 < i <= len(s):
        return ord(s[i - 1])
    s = check_str(s, 1, "byte")
    ln = len(s)
    pi = opt_int(i, 2, "byte", 1)
    posi = _posrelat_i(pi, ln)
    pose = _getendpos(j, 3, "byte", pi, ln)
    if posi > pose:
        return NONE
    if pose - posi >= 0x7FFFFFFF:
        rt_error("string slice too long")
    if posi == pose:
        return ord(s[posi - 1])
    return Multi([ord(c) for c in s[posi - 1 : pose]])


def str_char(*args):
    out = []
    for n, v in enumerate(args, 1):
        c = check_int(v, n, "char")
        if not 0 <= c <= 255:
            arg_error(n, "char", "value out of range")
        out.append(chr(c))
    return "".join(out)


# A dumped function: Lua 5.4's header (signature, version, format, check
# data, sizes, LUAC_INT and LUAC_NUM), then moonlet's own part: a mark, the
# length of the rest (4 bytes, little-endian) and
#   KIND "\x00" CHUNKNAME "\x00" LINE "\x00" UPVALUES (comma-separated)
#   "\x00" TEXT
# (the function's source text, which load compiles again).
_LUAC_CHECKS = (
    ("Lua", "not a binary chunk"),
    ("\x54", "version mismatch"),
    ("\x00", "format mismatch"),
    ("\x19\x93\r\n\x1a\n", "corrupted chunk"),
    ("\x04", "Instruction size mismatch"),
    ("\x08", "lua_Integer size mismatch"),
    ("\x08", "lua_Number size mismatch"),
    (struct.pack("<q", 0x5678).decode("latin-1"), "integer format mismatch"),
    (struct.pack("<d", 370.5).decode("latin-1"), "float format mismatch"),
    ("moonlet\x00", "not a moonlet chunk"),
)
DUMP_HEADER = "\x1b" + "".join(text for text, _ in _LUAC_CHECKS)


def undump(data):
    """The fields (kind, chunkname, line, upvalues, text) of a dumped
    function, or the reason it cannot be loaded (checked in lundump's
    order; any cut-off part is a "truncated chunk")."""
    pos = 1
    for text, why in _LUAC_CHECKS:
        part = data[pos : pos + len(text)]
        if part != text:
            return "truncated chunk" if text.startswith(part) else why
        pos += len(text)
    if len(data) < pos + 4:
        return "truncated chunk"
    (size,) = struct.unpack("<I", data[pos : pos + 4].encode("latin-1"))
    body = data[pos + 4 : pos + 4 + size]
    if len(body) < size:
        return "truncated chunk"
    fields = body.split("\x00", 4)
    if len(fields) != 5 or not fields[2].isdigit():
        return "corrupted chunk"
    return fields


def str_dump(f=NOARG, strip=NOARG, *_):
    if type_name(f) != "function" or f is NOARG:
        type_error(1, "dump", "function", f)
    code = getattr(f, "__code__", None)
    table = getattr(f, "__globals__", {}).get("LUA_DUMP") if code else None
    info = chunk_info(code.co_filename) if table is not None else None
    entry = None
    if info is not None:
        line = (
            0 if code.co_name == "lua_main" else info.marked_line(code.co_firstlineno)
        )
        entry = table.get((code.co_name, line))
    if entry is None:
        rt_error("unable to dump given function")
    kind, text, ups = entry
    # Without debug information (strip), errors of the loaded function
    # name no chunk, as in Lua.
    if to_boolean(strip):
        name = "=?"
        kind += ",stripped"
    else:
        name = source_of(f.__globals__, info)
    body = "\x00".join([kind, name, str(line), ",".join(ups), text])
    size = struct.pack("<I", len(body)).decode("latin-1")
    return DUMP_HEADER + size + body


# Pattern matching


def str_find(s=NOARG, pattern=NOARG, init=NOARG, plain=NOARG, *_):
    s = check_str(s, 1, "find")
    pattern = check_str(pattern, 2, "find")
    init = opt_int(init, 3, "find", 1)
    return lpattern.find_aux(s, pattern, init, to_boolean(plain), True)


def str_match(s=NOARG, pattern=NOARG, init=NOARG, *_):
    s = check_str(s, 1, "match")
    pattern = check_str(pattern, 2, "match")
    init = opt_int(init, 3, "match", 1)
    return lpattern.find_aux(s, pattern, init, False, False)


def str_gmatch(s=NOARG, pattern=NOARG, init=NOARG, *_):
    s = check_str(s, 1, "gmatch")
    pattern = check_str(pattern, 2, "gmatch")
    init = opt_int(init, 3, "gmatch", 1)
    step = lpattern.gmatch_iter(s, pattern, init).step

    # The iterator is defined here (a module Lua code can see), so that its
    # errors are blamed on its caller as for Lua's C closure.
    def gmatch_aux(*_):
        return step()

    return gmatch_aux


def str_gsub(s=NOARG, pattern=NOARG, repl=NOARG, n=NOARG, *_):
    src = check_str(s, 1, "gsub")
    pattern = check_str(pattern, 2, "gsub")
    cls = repl.__class__
    max_s = opt_int(n, 4, "gsub", len(src) + 1)
    if cls is str:
        tr = 0
    elif cls is int or cls is float:
        tr = 0
        repl = check_str(repl, 3, "gsub")
    elif isinstance(repl, Table):
        tr = 2
    elif repl is not NOARG and type_name(repl) == "function":
        tr = 1
    else:
        type_error(3, "gsub", "string/function/table", repl)
    if tr == 0:
        return lpattern.gsub(src, pattern, repl, max_s, tr)
    co = c_boundary()
    try:
        return lpattern.gsub(src, pattern, repl, max_s, tr)
    finally:
        co.nny -= 1


# string.format


_FLAGS_F = "-+#0 "  # a, A, e, E, f, g, G
_FLAGS_X = "-#0"  # o, x, X
_FLAGS_I = "-+0 "  # d, i
_FLAGS_U = "-0"  # u
_FLAGS_C = "-"  # c, p, s
_FORMAT_CHARS = frozenset("-+#0 123456789.")


def _cstr(s):
    """A str as C sees it: up to its first NUL."""
    i = s.find("\0")
    return s if i < 0 else s[:i]


def _checkformat(form, flags, precision):
    """checkformat: validate form; return (flags, width, precision)."""
    i = 1
    n = len(form)
    while i < n and form[i] in flags:
        i += 1
    fl = form[1:i]
    width = 0
    prec = None
    if form[i] != "0":
        j = i
        while j < i + 2 and "0" <= form[j] <= "9":
            j += 1
        if j > i:
            width = int(form[i:j])
        i = j
        if form[i] == "." and precision:
            i += 1
            j = i
            while j < i + 2 and "0" <= form[j] <= "9":
                j += 1
            prec = int(form[i:j]) if j > i else 0
            i = j
    c = form[i]
    if not ("a" <= c <= "z" or "A" <= c <= "Z"):
        rt_error("invalid conversion specification: '%s'" % _cstr(form))
    return fl, width, prec


def _pad(body, flags, width, zeros_at=None):
    """Pad a converted item to `width`: left-justify with '-', zeros after
    the prefix of length zeros_at with '0', spaces otherwise."""
    if len(body) >= width:
        return body
    if "-" in flags:
        return body.ljust(width)
    if zeros_at is not None and "0" in flags:
        return body[:zeros_at] + "0" * (width - len(body)) + body[zeros_at:]
    return body.rjust(width)


def _fmt_int(n, conv, flags, width, prec):
    if conv == "d" or conv == "i":
        digits = str(-n if n < 0 else n)
        sign = (
            "-" if n < 0 else ("+" if "+" in flags else (" " if " " in flags else ""))
        )
    else:
        u = n & _U64
        sign = ""
        if conv == "u":
            digits = str(u)
        elif conv == "o":
            digits = "%o" % u
        elif conv == "x":
            digits = "%x" % u
        else:
            digits = "%X" % u
    if prec is not None:
        if prec == 0 and n == 0:
            digits = ""
        elif len(digits) < prec:
            digits = "0" * (prec - len(digits)) + digits
    if "#" in flags:
        if conv == "o":
            if not digits.startswith("0"):
                digits = "0" + digits
        elif n != 0:
            sign = "0x" if conv == "x" else "0X"
    body = sign + digits
    return _pad(body, flags, width, len(sign) if prec is None else None)


def _sign_prefix(neg, flags):
    if neg:
        return "-"
    if "+" in flags:
        return "+"
    if " " in flags:
        return " "
    return ""


def _fmt_nonfinite(x, upper, flags, width):
    if x != x:
        body = "nan"
        neg = math.copysign(1.0, x) < 0
    else:
        body = "inf"
        neg = x < 0
    if upper:
        body = body.upper()
    return _pad(_sign_prefix(neg, flags) + body, flags, width)


def _fmt_float(x, conv, flags, width, prec):
    if x != x or x in (math.inf, -math.inf):
        return _fmt_nonfinite(x, conv in "EG", flags, width)
    # format() rather than '%' (PyPy's '%f' turns huge numbers into '%g').
    spec = "<" if "-" in flags else ""
    if "+" in flags:
        spec += "+"
    elif " " in flags:
        spec += " "
    if "#" in flags:
        spec += "#"
    if "0" in flags and "-" not in flags:
        spec += "0"
    if width:
        spec += str(width)
    if prec is not None:
        spec += "." + str(prec)
    if "#" in flags and (conv == "g" or conv == "G") and x != 0:
        # glibc quirk: with '#', a value just below 10**P (P significant
        # digits) that rounds up to 10**P prints as "1.e+P", without the
        # trailing zeros of the mantissa ("%#g" of 999999.5 is "1.e+06").
        p = 6 if prec is None else (prec or 1)
        ax = abs(x)
        if ax < 10**p:  # exact int/float comparison
            s = format(ax, ".%de" % (p - 1))
            if int(s[s.index("e") + 1 :]) == p:
                sign = _sign_prefix(x < 0, flags)
                body = sign + "1.%s%+03d" % ("e" if conv == "g" else "E", p)
                return _pad(body, flags, width, len(sign))
    return format(x, spec + conv)


def _hexfloat(x, upper, flags, width, prec):
    """C's %a: 0x1.8p+1, rounding half to even on hex digits."""
    if x != x or x in (math.inf, -math.inf):
        return _fmt_nonfinite(x, upper, flags, width)
    neg = math.copysign(1.0, x) < 0
    x = abs(x)
    if x == 0:
        lead, frac, exp = 0, 0, 0
    else:
        h = x.hex()  # '0x1.8000000000000p+1' or '0x0.0000000000001p-1022'
        mant, e = h[2:].split("p")
        exp = int(e)
        lead = int(mant[0])
        frac = int(mant[2:], 16) if "." in mant else 0
    ndig = 13  # hex digits in frac (52 bits)
    if prec is None:
        digits = "%013x" % frac if frac else ""
        digits = digits.rstrip("0")
    else:
        if prec < ndig:
            # Round lead.frac to prec hex digits, ties to even.
            shift = 4 * (ndig - prec)
            q, r = divmod((lead << 52) | frac, 1 << shift)
            half = 1 << (shift - 1)
            if r > half or (r == half and q & 1):
                q += 1
            lead = q >> (4 * prec)
            frac = q & ((1 << (4 * prec)) - 1)
            digits = ("%0*x" % (prec, frac)) if prec else ""
        else:
            digits = ("%013x" % frac) + "0" * (prec - ndig)
    body = "%x" % lead
    if digits or "#" in flags:
        body += "." + digits
    body += "p%+d" % exp
    prefix = _sign_prefix(neg, flags) + "0x"
    s = prefix + body
    if upper:
        s = s.upper()
    return _pad(s, flags, width, len(prefix))


def _quote_string(s):
    out = ['"']
    n = len(s)
    i = 0
    while i < n:
        c = s[i]
        if c == '"' or c == "\\" or c == "\n":
            out.append("\\" + c)
        else:
            o = ord(c)
            if o < 32 or o == 127:
                nxt = s[i + 1] if i + 1 < n else ""
                if "0" <= nxt <= "9":
                    out.append("\\%03d" % o)
                else:
                    out.append("\\%d" % o)
            else:
                out.append(c)
        i += 1
    out.append('"')
    return "".join(out)


def _addliteral(v, arg):
    cls = v.__class__
    if cls is str:
        return _quote_string(v)
    if cls is int:
        if v == MININT:
            return "0x8000000000000000"
        return str(v)
    if cls is float:
        if v == math.inf:
            return "1e9999"
        if v == -math.inf:
            return "-1e9999"
        if v != v:
            return "(0/0)"
        return _hexfloat(v, False, "", 0, None)
    if v is None:
        return "nil"
    if cls is bool:
        return "true" if v else "false"
    arg_error(arg, "format", "value has no literal form")


def _topointer(v):
    if v is None or v.__class__ in (bool, int, float):
        return None
    if v.__class__ is str and len(v) <= 40:
        # Lua interns short strings: equal contents, one address.
        return "0x%014x" % (hash(("moonlet-short-string", v)) & 0xFFFFFFFFFFFF)
    return "0x%014x" % id(v)


# Fast path of string.format: a format string whose items are all plain
# %d/%i, %s, %x/%X and %f/%e/%g conversions (flags "-" and "0", width and
# precision) is parsed once into a plan run with Python's % operator, which
# formats finite floats, ints and strings exactly as C's printf does. Any
# other argument (nan, inf, negative %x, tables...) falls back to the full
# implementation below, which also raises every error.
# PyPy's '%f' (like Python 2's) prints numbers from 1e50 up as '%g' would.
_PERCENT_F_EXACT = "%.0f" % 1e300 == format(1e300, ".0f")
_PLAN_ITEM = re.compile(r"%([-0]?)(\d{0,2})(?:\.(\d{0,2}))?([disxXfeEgG])")
_PLANS = {}


def _format_plan(fmt):
    plan = []
    i = 0
    n = 0
    while True:
        j = fmt.find("%", i)
        if j < 0:
            if i < len(fmt):
                plan.append(fmt[i:])
            break
        if j > i:
            plan.append(fmt[i:j])
        if fmt.startswith("%%", j):
            plan.append("%")
            i = j + 2
            continue
        m = _PLAN_ITEM.match(fmt, j)
        if m is None:
            return False
        flag, width, prec, conv = m.groups()
        if conv == "s" and flag == "0":
            return False
        if prec is not None and conv in "dixX":
            # C prints no digits for a zero with precision 0 and ignores the
            # 0 flag when there is a precision; Python does neither.
            return False
        kind = {"i": "d", "X": "x", "E": "f", "e": "f", "g": "f", "G": "f"}.get(
            conv, conv
        )
        if conv == "f" and not _PERCENT_F_EXACT:
            kind = "F"  # checked for huge values (PyPy)
        if conv == "i":
            conv = "d"
        spec = "%" + flag + width + ("." + prec if prec is not None else "") + conv
        plan.append((n, kind, spec))
        n += 1
        i = m.end()
    if len(_PLANS) > 1000:
        _PLANS.clear()
    return plan


_PLAN_TESTS = {
    "d": "{v}.__class__ is int",
    "x": "{v}.__class__ is int and {v} >= 0",
    "f": "({v}.__class__ is float and {v} - {v} == 0.0 or {v}.__class__ is int)",
    "F": "({v}.__class__ is float and -1e50 < {v} < 1e50 or {v}.__class__ is int)",
    # (%s of a number: its __tostring, if numbers have a metatable)
    "s": "({v}.__class__ is str or {v}.__class__ is int and not TYPE_META)",
    "s0": '({v}.__class__ is str and "\\0" not in {v}'
    " or {v}.__class__ is int and not TYPE_META)",
}


def _plan_function(plan):
    """A function running a plan with one `%` operation: the plan's
    argument tests, in generated Python, then Python's formatting (None
    when a test fails)."""
    fmt = []
    tests = []
    names = []
    for item in plan:
        if item.__class__ is str:
            fmt.append(item.replace("%", "%%"))
            continue
        idx, kind, spec = item
        v = "a%d" % idx
        names.append(v)
        if kind == "s" and spec != "%s":
            kind = "s0"
        tests.append(_PLAN_TESTS[kind].format(v=v))
        fmt.append(spec)
    n = len(names)
    if n == 0:
        text = "".join(fmt).replace("%%", "%")
        return lambda args: text
    src = (
        "def run(args):\n"
        "    if len(args) >= %d:\n"
        "        %s, = args[:%d]\n"
        "        if %s:\n"
        "            return %r %% (%s,)\n"
        "    return None\n"
    ) % (n, ", ".join(names), n, " and ".join(tests), "".join(fmt), ", ".join(names))
    ns = {"TYPE_META": TYPE_META}
    exec(src, ns)
    return ns["run"]


def str_format(fmt=NOARG, *args):
    if fmt.__class__ is str:
        run = _PLANS.get(fmt)
        if run is None:
            plan = _format_plan(fmt)
            run = _PLANS[fmt] = _plan_function(plan) if plan else False
        if run:
            r = run(args)
            if r is not None:
                return r
    strfrmt = check_str(fmt, 1, "format")
    top = 1 + len(args)
    arg = 1
    out = []
    i = 0
    ln = len(strfrmt)
    while i < ln:
        j = strfrmt.find("%", i)
        if j < 0:
            out.append(strfrmt[i:])
            break
        if j > i:
            out.append(strfrmt[i:j])
        i = j + 1
        if i < ln and strfrmt[i] == "%":
            out.append("%")
            i += 1
            continue
        # a format item
        arg += 1
        if arg > top:
            arg_error(arg, "format", "no value")
        k = i
        while k < ln and strfrmt[k] in _FORMAT_CHARS:
            k += 1
        if k - i + 1 >= 22:
            rt_error("invalid format (too long)")
        conv = strfrmt[k] if k < ln else "\0"
        form = "%" + strfrmt[i:k] + conv + "\0"
        i = k + 1
        v = args[arg - 2]
        if conv == "c":
            flags, width, _ = _checkformat(form, _FLAGS_C, False)
            c = check_int(v, arg, "format")
            out.append(_pad(chr(c & 0xFF), flags, width))
        elif conv in "diuoxX" and conv != "\0":
            n = check_int(v, arg, "format")
            if conv == "d" or conv == "i":
                fl = _FLAGS_I
            elif conv == "u":
                fl = _FLAGS_U
            else:
                fl = _FLAGS_X
            flags, width, prec = _checkformat(form, fl, True)
            out.append(_fmt_int(n, conv, flags, width, prec))
        elif conv == "a" or conv == "A":
            flags, width, prec = _checkformat(form, _FLAGS_F, True)
            x = float(check_num(v, arg, "format"))
            out.append(_hexfloat(x, conv == "A", flags, width, prec))
        elif conv in "feEgG" and conv != "\0":
            x = float(check_num(v, arg, "format"))
            flags, width, prec = _checkformat(form, _FLAGS_F, True)
            out.append(_fmt_float(x, conv, flags, width, prec))
        elif conv == "p":
            ptr = _topointer(v)
            flags, width, _ = _checkformat(form, _FLAGS_C, False)
            out.append(_pad("(null)" if ptr is None else ptr, flags, width))
        elif conv == "q":
            if len(form) > 3:
                rt_error("specifier '%q' cannot have modifiers")
            out.append(_addliteral(v, arg))
        elif conv == "s":
            s = tostring(v)
            if len(form) == 3:
                out.append(s)
            else:
                if "\0" in s:
                    arg_error(arg, "format", "string contains zeros")
                flags, width, prec = _checkformat(form, _FLAGS_C, True)
                if prec is None and len(s) >= 100:
                    out.append(s)
                else:
                    if prec is not None:
                        s = s[:prec]
                    out.append(_pad(s, flags, width))
        else:
            rt_error("invalid conversion '%s' to 'format'" % _cstr(form))
    return "".join(out)


# string.pack, string.unpack, string.packsize

_MAXINTSIZE = 16
_SZINT = 8
_MAXALIGN = 8
_NATIVE_LITTLE = True

(
    _KINT,
    _KUINT,
    _KFLOAT,
    _KNUMBER,
    _KDOUBLE,
    _KCHAR,
    _KSTRING,
    _KZSTR,
    _KPADDING,
    _KPADDALIGN,
    _KNOP,
) = range(11)

# What pack expects for the options that take an argument.
_ARG_KINDS = {
    _KINT: "number",
    _KUINT: "number",
    _KFLOAT: "number",
    _KNUMBER: "number",
    _KDOUBLE: "number",
    _KCHAR: "string",
    _KSTRING: "string",
    _KZSTR: "string",
}

_SIMPLE = {
    "b": (1, _KINT),
    "B": (1, _KUINT),
    "h": (2, _KINT),
    "H": (2, _KUINT),
    "l": (8, _KINT),
    "L": (8, _KUINT),
    "j": (8, _KINT),
    "J": (8, _KUINT),
    "T": (8, _KUINT),
    "f": (4, _KFLOAT),
    "n": (8, _KNUMBER),
    "d": (8, _KDOUBLE),
}


class _Header:
    __slots__ = ("fmt", "pos", "islittle", "maxalign", "fname")

    def __init__(self, fmt, fname):
        self.fmt = _cstr(fmt) + "\0"
        self.pos = 0
        self.islittle = _NATIVE_LITTLE
        self.maxalign = 1
        self.fname = fname

    def peek(self):
        return self.fmt[self.pos]


def _getnum(h, df):
    fmt = h.fmt
    if not "0" <= fmt[h.pos] <= "9":
        return df
    a = 0
    while True:
        a = a * 10 + ord(fmt[h.pos]) - 48
        h.pos += 1
        if not ("0" <= fmt[h.pos] <= "9" and a <= (MAXSIZE - 9) // 10):
            return a


def _getnumlimit(h, df):
    sz = _getnum(h, df)
    if sz > _MAXINTSIZE or sz <= 0:
        rt_error("integral size (%d) out of limits [1,%d]" % (sz, _MAXINTSIZE))
    return sz


def _getoption(h):
    """getoption: (kind, size) of the next option."""
    opt = h.fmt[h.pos]
    h.pos += 1
    simple = _SIMPLE.get(opt)
    if simple is not None:
        return simple[1], simple[0]
    if opt == "i":
        return _KINT, _getnumlimit(h, 4)
    if opt == "I":
        return _KUINT, _getnumlimit(h, 4)
    if opt == "s":
        return _KSTRING, _getnumlimit(h, 8)
    if opt == "c":
        size = _getnum(h, -1)
        if size == -1:
            rt_error("missing size for format option 'c'")
        return _KCHAR, size
    if opt == "z":
        return _KZSTR, 0
    if opt == "x":
        return _KPADDING, 1
    if opt == "X":
        return _KPADDALIGN, 0
    if opt == " ":
        pass
    elif opt == "<":
        h.islittle = True
    elif opt == ">":
        h.islittle = False
    elif opt == "=":
        h.islittle = _NATIVE_LITTLE
    elif opt == "!":
        h.maxalign = _getnumlimit(h, _MAXALIGN)
    else:
        rt_error("invalid format option '%s'" % opt)
    return _KNOP, 0


def _getdetails(h, totalsize):
    """getdetails: (kind, size, ntoalign) of the next option."""
    opt, size = _getoption(h)
    align = size
    if opt == _KPADDALIGN:
        if h.fmt[h.pos] == "\0":
            arg_error(1, h.fname, "invalid next option for option 'X'")
        nopt, align = _getoption(h)
        if nopt == _KCHAR or align == 0:
            arg_error(1, h.fname, "invalid next option for option 'X'")
    if align <= 1 or opt == _KCHAR:
        ntoalign = 0
    else:
        if align > h.maxalign:
            align = h.maxalign
        if align & (align - 1):
            arg_error(1, h.fname, "format asks for alignment not power of 2")
        ntoalign = (align - (totalsize & (align - 1))) & (align - 1)
    return opt, size, ntoalign


def _packint(n, islittle, size, neg):
    """packint: n (a non-negative int below 2^64) in `size` bytes."""
    bs = []
    for _ in range(min(size, _SZINT)):
        bs.append(n & 0xFF)
        n >>= 8
    fill = 0xFF if (neg and size > _SZINT) else 0
    bs.extend([fill] * (size - len(bs)))
    if not islittle:
        bs.reverse()
    return "".join(map(chr, bs))


def _tobytes(s):
    return bytes(map(ord, s))


def _frombytes(b):
    return b.decode("latin-1")


def _pack_float(x, fmtchar, islittle):
    try:
        b = struct.pack(("<" if islittle else ">") + fmtchar, x)
    except OverflowError:
        b = struct.pack(
            ("<" if islittle else ">") + fmtchar, math.copysign(math.inf, x)
        )
    return _frombytes(b)


def str_pack(fmt=NOARG, *args):
    fmt = check_str(fmt, 1, "pack")
    h = _Header(fmt, "pack")
    out = []
    arg = 1
    totalsize = 0
    nargs = len(args)
    while h.peek() != "\0":
        opt, size, ntoalign = _getdetails(h, totalsize)
        totalsize += ntoalign + size
        if ntoalign:
            out.append("\0" * ntoalign)
        arg += 1
        if arg - 2 < nargs:
            v = args[arg - 2]
        elif opt in _ARG_KINDS:
            # A missing argument reads lstrlib's nil mark above the arguments:
            # Lua says "got nil", never "got no value".
            arg_error(arg, "pack", "%s expected, got nil" % _ARG_KINDS[opt])
        else:
            v = None
        if opt == _KINT:
            n = check_int(v, arg, "pack")
            if size < _SZINT:
                lim = 1 << (size * 8 - 1)
                if not -lim <= n < lim:
                    arg_error(arg, "pack", "integer overflow")
            out.append(_packint(n & _U64, h.islittle, size, n < 0))
        elif opt == _KUINT:
            n = check_int(v, arg, "pack")
            if size < _SZINT and (n & _U64) >= (1 << (size * 8)):
                arg_error(arg, "pack", "unsigned overflow")
            out.append(_packint(n & _U64, h.islittle, size, False))
        elif opt == _KFLOAT:
            x = float(check_num(v, arg, "pack"))
            out.append(_pack_float(x, "f", h.islittle))
        elif opt == _KNUMBER or opt == _KDOUBLE:
            x = float(check_num(v, arg, "pack"))
            out.append(_pack_float(x, "d", h.islittle))
        elif opt == _KCHAR:
            s = check_str(v, arg, "pack")
            if len(s) > size:
                arg_error(arg, "pack", "string longer than given size")
            out.append(s)
            if len(s) < size:
                out.append("\0" * (size - len(s)))
        elif opt == _KSTRING:
            s = check_str(v, arg, "pack")
            if size < 8 and len(s) >= (1 << (size * 8)):
                arg_error(arg, "pack", "string length does not fit in given size")
            out.append(_packint(len(s), h.islittle, size, False))
            out.append(s)
            totalsize += len(s)
        elif opt == _KZSTR:
            s = check_str(v, arg, "pack")
            if "\0" in s:
                arg_error(arg, "pack", "string contains zeros")
            out.append(s)
            out.append("\0")
            totalsize += len(s) + 1
        else:
            if opt == _KPADDING:
                out.append("\0")
            arg -= 1
    return "".join(out)


def str_packsize(fmt=NOARG, *_):
    fmt = check_str(fmt, 1, "packsize")
    h = _Header(fmt, "packsize")
    totalsize = 0
    while h.peek() != "\0":
        opt, size, ntoalign = _getdetails(h, totalsize)
        if opt == _KSTRING or opt == _KZSTR:
            arg_error(1, "packsize", "variable-length format")
        size += ntoalign
        if totalsize > MAXSIZE - size:
            arg_error(1, "packsize", "format result too large")
        totalsize += size
    return totalsize


def _unpackint(data, pos, islittle, size, issigned):
    chunk = data[pos : pos + size]
    if not islittle:
        chunk = chunk[::-1]
    limit = min(size, _SZINT)
    res = 0
    for i in range(limit - 1, -1, -1):
        res = (res << 8) | ord(chunk[i])
    if size < _SZINT:
        if issigned:
            mask = 1 << (size * 8 - 1)
            res = ((res ^ mask) - mask) & _U64
    elif size > _SZINT:
        mask = 0xFF if (issigned and res >= 0x8000000000000000) else 0
        for i in range(limit, size):
            if ord(chunk[i]) != mask:
                rt_error("%d-byte integer does not fit into Lua Integer" % size)
    if res >= 0x8000000000000000:
        res -= 0x10000000000000000
    return res


def str_unpack(fmt=NOARG, data=NOARG, init=NOARG, *_):
    fmt = check_str(fmt, 1, "unpack")
    data = check_str(data, 2, "unpack")
    ld = len(data)
    pos = _posrelat_i(opt_int(init, 3, "unpack", 1), ld) - 1
    if pos > ld:
        arg_error(3, "unpack", "initial position out of string")
    h = _Header(fmt, "unpack")
    res = []
    while h.peek() != "\0":
        opt, size, ntoalign = _getdetails(h, pos)
        if ntoalign + size > ld - pos:
            arg_error(2, "unpack", "data string too short")
        pos += ntoalign
        if opt == _KINT or opt == _KUINT:
            res.append(_unpackint(data, pos, h.islittle, size, opt == _KINT))
        elif opt == _KFLOAT:
            b = _tobytes(data[pos : pos + 4])
            res.append(struct.unpack(("<" if h.islittle else ">") + "f", b)[0])
        elif opt == _KNUMBER or opt == _KDOUBLE:
            b = _tobytes(data[pos : pos + 8])
            res.append(struct.unpack(("<" if h.islittle else ">") + "d", b)[0])
        elif opt == _KCHAR:
            res.append(data[pos : pos + size])
        elif opt == _KSTRING:
            ln = _unpackint(data, pos, h.islittle, size, False) & _U64
            if ln > ld - pos - size:
                arg_error(2, "unpack", "data string too short")
            res.append(data[pos + size : pos + size + ln])
            pos += ln
        elif opt == _KZSTR:
            e = data.find("\0", pos)
            if e < 0:
                arg_error(2, "unpack", "unfinished string for format 'z'")
            res.append(data[pos:e])
            pos = e + 1
        pos += size
    res.append(pos + 1)
    if len(res) == 1:
        return res[0]
    return Multi(res)


# The string metatable


def _tonum(v):
    """lstrlib's tonum: numbers, and strings that convert to numbers."""
    cls = v.__class__
    if cls is int or cls is float:
        return v
    if cls is str:
        return str2number(v)
    return None


def _string_arith(event, op):
    """The string metatable's metamethod for `event` (lstrlib's arith_*):
    a library function, so an error of the operation itself (division by
    zero) has no position, and trymt's error has its caller's."""

    def mm(a=None, b=None, *_):
        x = _tonum(a)
        y = _tonum(b)
        if x is not None and y is not None:
            return op(x, y)
        # trymt
        h = getmetafield(b, event) if b.__class__ is not str else None
        if h is None:
            rt_error(
                "attempt to %s a '%s' with a '%s'"
                % (event[2:], type_name(a), type_name(b))
            )
        return first(h(a, b))

    mm.__name__ = "arith_" + event[2:]
    return mm


def make_string_meta(string_table):
    """The metatable of strings: __index is the string library, and the
    arithmetic metamethods convert numeric strings (lstrlib's)."""
    from moonlet.runtime import ops

    mt = Table()
    for event, op in (
        ("__add", ops.arith_add),
        ("__sub", ops.arith_sub),
        ("__mul", ops.arith_mul),
        ("__mod", ops.arith_mod),
        ("__pow", ops.arith_pow),
        ("__div", ops.arith_div),
        ("__idiv", ops.arith_idiv),
        ("__unm", lambda a, b: ops.arith_unm(a)),
    ):
        mt[event] = _string_arith(event, op)
    mt["__index"] = string_table
    return mt


LIB = {
    "byte": str_byte,
    "char": str_char,
    "dump": str_dump,
    "find": str_find,
    "format": str_format,
    "gmatch": str_gmatch,
    "gsub": str_gsub,
    "len": str_len,
    "lower": str_lower,
    "match": str_match,
    "rep": str_rep,
    "reverse": str_reverse,
    "sub": str_sub,
    "upper": str_upper,
    "pack": str_pack,
    "packsize": str_packsize,
    "unpack": str_unpack,
}
