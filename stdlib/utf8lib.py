"""The Lua utf8 library (lutf8lib.c).

Rules:
- Lua strings are str with one character per byte (latin-1 view), so the
  library works on character codes 0-255 as bytes; utf8.char returns the
  encoded bytes as such a string (utf8.char(228) == "\\xc3\\xa4").
- Decoding accepts sequences of up to 6 bytes (code points up to 2^31) and
  rejects overlong forms; without `lax`, surrogates and code points above
  10FFFF are invalid too. The bytes past the end of a string read as "\\0",
  as in C.
"""

from moonlet.runtime.errors import NOARG, arg_error, rt_error
from moonlet.runtime.values import NONE, Multi, tointeger

from ._checks import check_int, check_str, opt_int

LUA_VISIBLE = True

MAXUNICODE = 0x10FFFF
MAXUTF = 0x7FFFFFFF
_LIMITS = (0xFFFFFFFF, 0x80, 0x800, 0x10000, 0x200000, 0x4000000)

CHARPATTERN = "[\x00-\x7f\xc2-\xfd][\x80-\xbf]*"


def _posrelat(pos, n):
    if pos >= 0:
        return pos
    if -pos > n:
        return 0
    return n + pos + 1


def _decode(s, i, strict):
    """Decode the sequence at index i: (code, next index) or None."""
    n = len(s)
    c = ord(s[i])
    if c < 0x80:
        res = c
    else:
        res = 0
        count = 0
        while c & 0x40:
            count += 1
            cc = ord(s[i + count]) if i + count < n else 0
            if cc & 0xC0 != 0x80:
                return None
            res = (res << 6) | (cc & 0x3F)
            c <<= 1
        res |= (c & 0x7F) << (count * 5)
        if count > 5 or res > MAXUTF or res < _LIMITS[count]:
            return None
        i += count
    if strict and (res > MAXUNICODE or 0xD800 <= res <= 0xDFFF):
        return None
    return res, i + 1


def _truth(v):
    return v is not None and v is not False and v is not NOARG


def utf8_len(s=NOARG, i=NOARG, j=NOARG, lax=NOARG, *_):
    s = check_str(s, 1, "len")
    n = len(s)
    posi = _posrelat(opt_int(i, 2, "len", 1), n)
    posj = _posrelat(opt_int(j, 3, "len", -1), n)
    strict = not _truth(lax)
    if not (1 <= posi and posi - 1 <= n):
        arg_error(2, "len", "initial position out of bounds")
    posi -= 1
    posj -= 1
    if posj >= n:
        arg_error(3, "len", "final position out of bounds")
    if strict and posi == 0 and posj == n - 1 and s.isascii():
        return n
    count = 0
    while posi <= posj:
        r = _decode(s, posi, strict)
        if r is None:
            return Multi((None, posi + 1))
        posi = r[1]
        count += 1
    return count


def utf8_codepoint(s=NOARG, i=NOARG, j=NOARG, lax=NOARG, *_):
    s = check_str(s, 1, "codepoint")
    n = len(s)
    posi = _posrelat(opt_int(i, 2, "codepoint", 1), n)
    pose = _posrelat(opt_int(j, 3, "codepoint", posi), n)
    strict = not _truth(lax)
    if posi < 1:
        arg_error(2, "codepoint", "out of bounds")
    if pose > n:
        arg_error(3, "codepoint", "out of bounds")
    if posi > pose:
        return NONE
    if pose - posi >= 0x7FFFFFFF:
        rt_error("string slice too long")
    codes = []
    k = posi - 1
    while k < pose:
        r = _decode(s, k, strict)
        if r is None:
            rt_error("invalid UTF-8 code")
        codes.append(r[0])
        k = r[1]
    if len(codes) == 1:
        return codes[0]
    return Multi(codes)


def _encode(x):
    """luaO_utf8esc: x (at most 7FFFFFFF) as a UTF-8 byte string."""
    if x < 0x80:
        return chr(x)
    out = []
    mfb = 0x3F
    while True:
        out.append(chr(0x80 | (x & 0x3F)))
        x >>= 6
        mfb >>= 1
        if x <= mfb:
            break
    out.append(chr(((~mfb << 1) | x) & 0xFF))
    out.reverse()
    return "".join(out)


def utf8_char(*args):
    parts = []
    for k, v in enumerate(args, 1):
        code = v if v.__class__ is int else check_int(v, k, "char")
        if code & 0xFFFFFFFFFFFFFFFF > MAXUTF:
            arg_error(k, "char", "value out of range")
        parts.append(_encode(code))
    if not args:
        return ""
    return "".join(parts)


def utf8_offset(s=NOARG, n=NOARG, i=NOARG, *_):
    s = check_str(s, 1, "offset")
    n = check_int(n, 2, "offset")
    length = len(s)
    posi = 1 if n >= 0 else length + 1
    posi = _posrelat(opt_int(i, 3, "offset", posi), length)
    if not (1 <= posi and posi - 1 <= length):
        arg_error(3, "offset", "position out of bounds")
    posi -= 1

    def iscont(k):
        return k < length and ord(s[k]) & 0xC0 == 0x80

    if n == 0:
        while posi > 0 and iscont(posi):
            posi -= 1
    else:
        if iscont(posi):
            rt_error("initial position is a continuation byte")
        if n < 0:
            while n < 0 and posi > 0:
                posi -= 1
                while posi > 0 and iscont(posi):
                    posi -= 1
                n += 1
        else:
            n -= 1
            while n > 0 and posi < length:
                posi += 1
                while iscont(posi):
                    posi += 1
                n -= 1
    if n == 0:
        return posi + 1
    return None


def _iter_next(s, i, strict):
    """The position (0-based) of the next character at or after byte i, and
    its decoding (None when invalid); None at the end."""
    length = len(s)
    n = tointeger(i)
    if n is None:
        n = 0
    n &= 0xFFFFFFFFFFFFFFFF
    while n < length and ord(s[n]) & 0xC0 == 0x80:
        n += 1
    if n >= length:
        return None
    return n, _decode(s, n, strict)


def _iter_strict(s=NOARG, i=NOARG):
    if s.__class__ is not str:
        s = check_str(s, 1, "for iterator")
    r = _iter_next(s, i, True)
    if r is None:
        return NONE
    if r[1] is None:
        rt_error("invalid UTF-8 code")
    return Multi((r[0] + 1, r[1][0]))


def _iter_lax(s=NOARG, i=NOARG):
    if s.__class__ is not str:
        s = check_str(s, 1, "for iterator")
    r = _iter_next(s, i, False)
    if r is None:
        return NONE
    if r[1] is None:
        rt_error("invalid UTF-8 code")
    return Multi((r[0] + 1, r[1][0]))


def utf8_codes(s=NOARG, lax=NOARG, *_):
    strict = not _truth(lax)
    s = check_str(s, 1, "codes")
    return Multi((_iter_strict if strict else _iter_lax, s, 0))


LIB = {
    "char": utf8_char,
    "charpattern": CHARPATTERN,
    "codepoint": utf8_codepoint,
    "codes": utf8_codes,
    "len": utf8_len,
    "offset": utf8_offset,
}
