"""Go's time package, as much as the Lua time module needs: instants with a
location, calendar fields, layouts (Format/Parse), durations.

Rules:
- A GoTime is Unix time in integer nanoseconds plus a Location; calendar
  fields are computed with the proleptic Gregorian calendar on integers, so
  any year works (no datetime range limits).
- Layouts follow Go's time/format.go (nextStdChunk, appendFormat, parse)
  function by function, with its error messages.
- Durations are integer nanoseconds; `parse_duration` and `format_duration`
  are Go's ParseDuration and Duration.String ("µs" is the UTF-8 bytes, as
  Lua strings hold bytes).
- This module does not set LUA_VISIBLE: it raises no Lua errors; callers
  turn its ValueErrors into Lua values.
"""

import time as _time

NS = 1000000000
# Unix seconds of Go's zero time, January 1, year 1, 00:00:00 UTC.
ZERO_UNIX = -62135596800
ZERO_NS = ZERO_UNIX * NS
MAXDUR = (1 << 63) - 1
MINDUR = -(1 << 63)

LONG_DAYS = (
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
)
SHORT_DAYS = tuple(d[:3] for d in LONG_DAYS)
LONG_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SHORT_MONTHS = tuple(m[:3] for m in LONG_MONTHS)

# Calendar arithmetic (days since 1970-01-01).


def days_from_civil(y, m, d):
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z):
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return y + (m <= 2), m, d


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


_DAYS_BEFORE = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365)


def days_in(month, year):
    if month == 2 and is_leap(year):
        return 29
    return _DAYS_BEFORE[month] - _DAYS_BEFORE[month - 1]


# Locations.


class Location:
    """UTC, Local, a fixed zone or a tz database zone."""

    __slots__ = ("name", "kind", "offset", "zone")
    lua_type = "userdata"
    lua_meta = None  # set by stdlib.timelib
    methods = {}

    def __init__(self, name, kind, offset=0, zone=None):
        self.name = name
        self.kind = kind
        self.offset = offset
        self.zone = zone

    def __getitem__(self, key):
        return self.methods.get(key)

    def lookup(self, sec):
        """(abbreviation, offset seconds) in effect at Unix second sec."""
        kind = self.kind
        if kind == "utc":
            return "UTC", 0
        if kind == "fixed":
            return self.name, self.offset
        if kind == "local":
            try:
                tm = _time.localtime(sec)
                return tm.tm_zone, tm.tm_gmtoff
            except (OverflowError, OSError, ValueError):
                return "UTC", 0
        import datetime

        lo = -62135596800 + 86400
        hi = 253402300799 - 86400
        s = min(max(sec, lo), hi)
        dt = datetime.datetime.fromtimestamp(s, self.zone)
        return dt.tzname() or "", int(dt.utcoffset().total_seconds())

    def lookup_name(self, name, sec):
        """The offset of zone abbreviation name near sec, or None."""
        for probe in (sec, sec - 86400 * 182, sec + 86400 * 182):
            n, off = self.lookup(probe - (self.lookup(probe)[1]))
            if n == name:
                return off
        return None


UTC = Location("UTC", "utc")
LOCAL = Location("Local", "local")


def fixed_zone(name, offset):
    return Location(name, "fixed", offset)


def load_location(name):
    """Go's LoadLocation; raises ValueError("unknown time zone NAME")."""
    if name == "" or name == "UTC":
        return UTC
    if name == "Local":
        return LOCAL
    try:
        import zoneinfo

        return Location(name, "zone", zone=zoneinfo.ZoneInfo(name))
    except Exception:
        raise ValueError("unknown time zone " + name)


# Instants.


class GoTime:
    __slots__ = ("ns", "loc")
    lua_type = "userdata"
    lua_meta = None  # set by stdlib.timelib
    methods = {}

    def __init__(self, ns, loc=UTC):
        self.ns = ns
        self.loc = loc

    def __getitem__(self, key):
        return self.methods.get(key)

    def unix(self):
        return self.ns // NS

    def nanosecond(self):
        return self.ns % NS

    def locabs(self):
        """(zone name, offset, local seconds since 1970)."""
        sec = self.ns // NS
        name, off = self.loc.lookup(sec)
        return name, off, sec + off

    def date(self):
        return civil_from_days(self.locabs()[2] // 86400)

    def clock(self):
        s = self.locabs()[2] % 86400
        return s // 3600, s // 60 % 60, s % 60

    def weekday(self):
        return (self.locabs()[2] // 86400 + 4) % 7

    def yday(self):
        days = self.locabs()[2] // 86400
        y = civil_from_days(days)[0]
        return days - days_from_civil(y, 1, 1) + 1

    def is_zero(self):
        return self.ns == ZERO_NS

    def with_loc(self, loc):
        return GoTime(self.ns, loc)

    def add(self, d):
        return GoTime(self.ns + d, self.loc)

    def sub(self, other):
        return max(MINDUR, min(MAXDUR, self.ns - other.ns))

    def add_date(self, years, months, days):
        y, m, d = self.date()
        h, mi, s = self.clock()
        return date(
            y + years, m + months, d + days, h, mi, s, self.nanosecond(), self.loc
        )

    def truncate(self, d):
        if d <= 0:
            return self
        r = (self.ns - ZERO_NS) % d
        return GoTime(self.ns - r, self.loc)

    def round(self, d):
        if d <= 0:
            return self
        r = (self.ns - ZERO_NS) % d
        if r + r < d:
            return GoTime(self.ns - r, self.loc)
        return GoTime(self.ns + (d - r), self.loc)

    def format(self, layout):
        return format_time(self, layout)

    def __str__(self):
        return format_time(self, "2006-01-02 15:04:05.999999999 -0700 MST")


def unix(sec, nsec, loc=LOCAL):
    return GoTime(sec * NS + nsec, loc)


def date(year, month, day, hour, minute, sec, nsec, loc):
    """Go's time.Date, normalizing out-of-range fields."""
    m = month - 1
    year += m // 12
    month = m % 12 + 1
    sec += nsec // NS
    nsec %= NS
    minute += sec // 60
    sec %= 60
    hour += minute // 60
    minute %= 60
    day += hour // 24
    hour %= 24
    days = days_from_civil(year, month, 1) + day - 1
    local = days * 86400 + hour * 3600 + minute * 60 + sec
    off = loc.lookup(local)[1]
    if off:
        utc = local - off
        off2 = loc.lookup(utc)[1]
        if off2 != off:
            utc = local - off2
    else:
        utc = local
    return GoTime(utc * NS + nsec, loc)


# Layouts (time/format.go).

RFC3339 = "2006-01-02T15:04:05Z07:00"
RFC3339NANO = "2006-01-02T15:04:05.999999999Z07:00"
LAYOUTS = {
    "RFC3339": RFC3339,
    "RFC3339NANO": RFC3339NANO,
    "RFC822": "02 Jan 06 15:04 MST",
    "RFC822Z": "02 Jan 06 15:04 -0700",
    "RFC850": "Monday, 02-Jan-06 15:04:05 MST",
    "RFC1123": "Mon, 02 Jan 2006 15:04:05 MST",
    "RFC1123Z": "Mon, 02 Jan 2006 15:04:05 -0700",
    "KITCHEN": "3:04PM",
    "STAMP": "Jan _2 15:04:05",
    "STAMP_MILLI": "Jan _2 15:04:05.000",
    "STAMP_MICRO": "Jan _2 15:04:05.000000",
    "STAMP_NANO": "Jan _2 15:04:05.000000000",
    "DATE_TIME": "2006-01-02 15:04:05",
    "DATE_ONLY": "2006-01-02",
    "TIME_ONLY": "15:04:05",
}

# std codes: (kind, argument)
(
    LONG_MONTH,
    MONTH,
    NUM_MONTH,
    ZERO_MONTH,
    LONG_WEEKDAY,
    WEEKDAY,
    DAY,
    UNDER_DAY,
    ZERO_DAY,
    UNDER_YEARDAY,
    ZERO_YEARDAY,
    HOUR,
    HOUR12,
    ZERO_HOUR12,
    MINUTE,
    ZERO_MINUTE,
    SECOND,
    ZERO_SECOND,
    LONG_YEAR,
    YEAR,
    PM,
    PM_LOWER,
    TZ,
    ISO8601_TZ,
    ISO8601_SECONDS_TZ,
    ISO8601_SHORT_TZ,
    ISO8601_COLON_TZ,
    ISO8601_COLON_SECONDS_TZ,
    NUM_TZ,
    NUM_SECONDS_TZ,
    NUM_SHORT_TZ,
    NUM_COLON_TZ,
    NUM_COLON_SECONDS_TZ,
    FRAC0,
    FRAC9,
) = range(1, 36)

_STD0X = (ZERO_MONTH, ZERO_DAY, ZERO_HOUR12, ZERO_MINUTE, ZERO_SECOND, YEAR)
_ISO_TZ = (
    ISO8601_TZ,
    ISO8601_COLON_TZ,
    ISO8601_SECONDS_TZ,
    ISO8601_SHORT_TZ,
    ISO8601_COLON_SECONDS_TZ,
)
_NUM_TZ = (NUM_TZ, NUM_COLON_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_SECONDS_TZ)


def _lower_at(s, i):
    return i < len(s) and "a" <= s[i] <= "z"


def _digit_at(s, i):
    return i < len(s) and "0" <= s[i] <= "9"


# Zone items of a layout, longest first, after "-" (numeric) or "Z" (ISO 8601).
_ZONE_ITEMS = {
    "-": (
        ("-070000", NUM_SECONDS_TZ),
        ("-07:00:00", NUM_COLON_SECONDS_TZ),
        ("-0700", NUM_TZ),
        ("-07:00", NUM_COLON_TZ),
        ("-07", NUM_SHORT_TZ),
    ),
    "Z": (
        ("Z070000", ISO8601_SECONDS_TZ),
        ("Z07:00:00", ISO8601_COLON_SECONDS_TZ),
        ("Z0700", ISO8601_TZ),
        ("Z07:00", ISO8601_COLON_TZ),
        ("Z07", ISO8601_SHORT_TZ),
    ),
}


def next_std_chunk(layout):
    """(prefix, std, suffix); std is (code, digits, separator) or None."""
    n = len(layout)
    for i in range(n):
        c = layout[i]
        if c == "J":
            if layout[i : i + 3] == "Jan":
                if layout[i : i + 7] == "January":
                    return layout[:i], (LONG_MONTH, 0, ""), layout[i + 7 :]
                if not _lower_at(layout, i + 3):
                    return layout[:i], (MONTH, 0, ""), layout[i + 3 :]
        elif c == "M":
            if layout[i : i + 3] == "Mon":
                if layout[i : i + 6] == "Monday":
                    return layout[:i], (LONG_WEEKDAY, 0, ""), layout[i + 6 :]
                if not _lower_at(layout, i + 3):
                    return layout[:i], (WEEKDAY, 0, ""), layout[i + 3 :]
            if layout[i : i + 3] == "MST":
                return layout[:i], (TZ, 0, ""), layout[i + 3 :]
        elif c == "0":
            if i + 1 < n and "1" <= layout[i + 1] <= "6":
                code = _STD0X[ord(layout[i + 1]) - ord("1")]
                return layout[:i], (code, 0, ""), layout[i + 2 :]
            if layout[i + 1 : i + 3] == "02":
                return layout[:i], (ZERO_YEARDAY, 0, ""), layout[i + 3 :]
        elif c == "1":
            if layout[i + 1 : i + 2] == "5":
                return layout[:i], (HOUR, 0, ""), layout[i + 2 :]
            return layout[:i], (NUM_MONTH, 0, ""), layout[i + 1 :]
        elif c == "2":
            if layout[i : i + 4] == "2006":
                return layout[:i], (LONG_YEAR, 0, ""), layout[i + 4 :]
            return layout[:i], (DAY, 0, ""), layout[i + 1 :]
        elif c == "_":
            if layout[i + 1 : i + 2] == "2":
                if layout[i + 1 : i + 5] == "2006":
                    return layout[: i + 1], (LONG_YEAR, 0, ""), layout[i + 5 :]
                return layout[:i], (UNDER_DAY, 0, ""), layout[i + 2 :]
            if layout[i + 1 : i + 3] == "_2":
                return layout[:i], (UNDER_YEARDAY, 0, ""), layout[i + 3 :]
        elif c == "3":
            return layout[:i], (HOUR12, 0, ""), layout[i + 1 :]
        elif c == "4":
            return layout[:i], (MINUTE, 0, ""), layout[i + 1 :]
        elif c == "5":
            return layout[:i], (SECOND, 0, ""), layout[i + 1 :]
        elif c == "P":
            if layout[i + 1 : i + 2] == "M":
                return layout[:i], (PM, 0, ""), layout[i + 2 :]
        elif c == "p":
            if layout[i + 1 : i + 2] == "m":
                return layout[:i], (PM_LOWER, 0, ""), layout[i + 2 :]
        elif c in "-Z":
            for pat, code in _ZONE_ITEMS[c]:
                if layout[i : i + len(pat)] == pat:
                    return layout[:i], (code, 0, ""), layout[i + len(pat) :]
        elif c in ".,":
            if i + 1 < n and layout[i + 1] in "09":
                ch = layout[i + 1]
                j = i + 1
                while j < n and layout[j] == ch:
                    j += 1
                if not _digit_at(layout, j):
                    code = FRAC0 if ch == "0" else FRAC9
                    return layout[:i], (code, j - (i + 1), c), layout[j:]
    return layout, None, ""


def _int(x, width=0):
    s = str(abs(x))
    if len(s) < width:
        s = "0" * (width - len(s)) + s
    return "-" + s if x < 0 else s


def _nano(nanosec, std):
    code, n, sep = std
    trim = code == FRAC9
    if trim and (n == 0 or nanosec == 0):
        return ""
    s = _int(nanosec, 9)
    if n < 9:
        s = s[:n]
    if trim:
        s = s.rstrip("0")
        if not s:
            return ""
    return sep + s


def format_time(t, layout):
    name, offset, absec = t.locabs()
    days = absec // 86400
    year = month = day = yday = hour = minute = sec = None
    out = []
    while layout:
        prefix, std, suffix = next_std_chunk(layout)
        if prefix:
            out.append(prefix)
        if std is None:
            break
        layout = suffix
        code = std[0]
        if year is None:
            year, month, day = civil_from_days(days)
            yday = days - days_from_civil(year, 1, 1) + 1
            s = absec % 86400
            hour, minute, sec = s // 3600, s // 60 % 60, s % 60
        if code == YEAR:
            out.append(_int(abs(year) % 100, 2))
        elif code == LONG_YEAR:
            out.append(_int(year, 4))
        elif code == MONTH:
            out.append(SHORT_MONTHS[month - 1])
        elif code == LONG_MONTH:
            out.append(LONG_MONTHS[month - 1])
        elif code == NUM_MONTH:
            out.append(_int(month))
        elif code == ZERO_MONTH:
            out.append(_int(month, 2))
        elif code == WEEKDAY:
            out.append(SHORT_DAYS[(days + 4) % 7])
        elif code == LONG_WEEKDAY:
            out.append(LONG_DAYS[(days + 4) % 7])
        elif code == DAY:
            out.append(_int(day))
        elif code == UNDER_DAY:
            out.append((" " if day < 10 else "") + _int(day))
        elif code == ZERO_DAY:
            out.append(_int(day, 2))
        elif code == UNDER_YEARDAY:
            out.append(" " * (3 - len(str(yday))) + _int(yday))
        elif code == ZERO_YEARDAY:
            out.append(_int(yday, 3))
        elif code == HOUR:
            out.append(_int(hour, 2))
        elif code in (HOUR12, ZERO_HOUR12):
            hr = hour % 12 or 12
            out.append(_int(hr, 2 if code == ZERO_HOUR12 else 0))
        elif code == MINUTE:
            out.append(_int(minute))
        elif code == ZERO_MINUTE:
            out.append(_int(minute, 2))
        elif code == SECOND:
            out.append(_int(sec))
        elif code == ZERO_SECOND:
            out.append(_int(sec, 2))
        elif code == PM:
            out.append("PM" if hour >= 12 else "AM")
        elif code == PM_LOWER:
            out.append("pm" if hour >= 12 else "am")
        elif code in _ISO_TZ or code in _NUM_TZ:
            if offset == 0 and code in _ISO_TZ:
                out.append("Z")
                continue
            zone = offset // 60 if offset >= 0 else -((-offset) // 60)
            absoff = offset
            if zone < 0:
                out.append("-")
                zone = -zone
                absoff = -absoff
            else:
                out.append("+")
            out.append(_int(zone // 60, 2))
            if code in (
                ISO8601_COLON_TZ,
                NUM_COLON_TZ,
                ISO8601_COLON_SECONDS_TZ,
                NUM_COLON_SECONDS_TZ,
            ):
                out.append(":")
            if code not in (NUM_SHORT_TZ, ISO8601_SHORT_TZ):
                out.append(_int(zone % 60, 2))
            if code in (
                ISO8601_SECONDS_TZ,
                NUM_SECONDS_TZ,
                NUM_COLON_SECONDS_TZ,
                ISO8601_COLON_SECONDS_TZ,
            ):
                if code in (NUM_COLON_SECONDS_TZ, ISO8601_COLON_SECONDS_TZ):
                    out.append(":")
                out.append(_int(absoff % 60, 2))
        elif code == TZ:
            if name:
                out.append(name)
                continue
            zone = offset // 60 if offset >= 0 else -((-offset) // 60)
            if zone < 0:
                out.append("-")
                zone = -zone
            else:
                out.append("+")
            out.append(_int(zone // 60, 2) + _int(zone % 60, 2))
        elif code in (FRAC0, FRAC9):
            out.append(_nano(t.ns % NS, std))
    return "".join(out)


def quote(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if o >= 0x80 or o < 0x20:
            out.append("\\x%02x" % o)
        else:
            if ch in '"\\':
                out.append("\\")
            out.append(ch)
    out.append('"')
    return "".join(out)


class ParseError(ValueError):
    def __init__(self, layout, value, layout_elem, value_elem, message=""):
        if message == "":
            text = "parsing time %s as %s: cannot parse %s as %s" % (
                quote(value),
                quote(layout),
                quote(value_elem),
                quote(layout_elem),
            )
        else:
            text = "parsing time " + quote(value) + message
        ValueError.__init__(self, text)


class _Bad(Exception):
    pass


def _getnum(s, fixed):
    if not _digit_at(s, 0):
        raise _Bad
    if not _digit_at(s, 1):
        if fixed:
            raise _Bad
        return int(s[0]), s[1:]
    return int(s[:2]), s[2:]


def _getnum3(s, fixed):
    i = 0
    while i < 3 and _digit_at(s, i):
        i += 1
    if i == 0 or (fixed and i != 3):
        raise _Bad
    return int(s[:i]), s[i:]


def _skip(value, prefix):
    while prefix:
        if prefix[0] == " ":
            if value and value[0] != " ":
                raise _Bad
            prefix = prefix.lstrip(" ")
            value = value.lstrip(" ")
            continue
        if not value or value[0] != prefix[0]:
            raise _Bad
        prefix = prefix[1:]
        value = value[1:]
    return value


def _lookup(tab, val):
    for i, v in enumerate(tab):
        if len(val) >= len(v) and val[: len(v)].lower() == v.lower():
            return i, val[len(v) :]
    raise _Bad


def _atoi(s):
    neg = False
    if s[:1] in ("-", "+"):
        neg = s[0] == "-"
        s = s[1:]
    if not s or not s.isdigit() or not s.isascii():
        raise _Bad
    x = int(s)
    return -x if neg else x


def _parse_nanos(value, nbytes):
    if value[0] not in ".,":
        raise _Bad
    if nbytes > 10:
        value = value[:10]
        nbytes = 10
    ns = _atoi(value[1:nbytes])
    return ns * 10 ** (10 - nbytes)


def _leading_int(s):
    i = 0
    while i < len(s) and "0" <= s[i] <= "9":
        i += 1
    if i and int(s[:i]) > 1 << 63:
        raise _Bad
    return (int(s[:i]) if i else 0), s[i:]


def _parse_signed_offset(value):
    if value[:1] not in ("-", "+"):
        return 0
    try:
        x, rem = _leading_int(value[1:])
    except _Bad:
        return 0
    if rem == value[1:] or x > 23:
        return 0
    return len(value) - len(rem)


def _parse_timezone(value):
    if len(value) < 3:
        return 0, False
    if value[:4] in ("ChST", "MeST"):
        return 4, True
    if value[:3] == "GMT":
        return 3 + (_parse_signed_offset(value[3:]) if len(value) > 3 else 0), True
    if value[0] in "+-":
        n = _parse_signed_offset(value)
        return n, n > 0
    n = 0
    while n < 6 and n < len(value) and "A" <= value[n] <= "Z":
        n += 1
    if n in (0, 1, 2, 6):
        return 0, False
    if n == 5:
        return (5, True) if value[4] == "T" else (0, False)
    if n == 4:
        if value[3] == "T" or value[:4] == "WITA":
            return 4, True
        return 0, False
    return 3, True


def parse_time(layout, value, default_loc=UTC, local=LOCAL):
    """Go's parse(layout, value, defaultLocation, local); raises
    ParseError."""
    alayout, avalue = layout, value
    range_err = ""
    am_set = pm_set = False
    year = 0
    month = day = yday = -1
    hour = minute = sec = nsec = 0
    z = None
    zone_offset = -1
    zone_name = ""
    while True:
        prefix, std, suffix = next_std_chunk(layout)
        stdstr = layout[len(prefix) : len(layout) - len(suffix)]
        try:
            value = _skip(value, prefix)
        except _Bad:
            raise ParseError(alayout, avalue, prefix, value)
        if std is None:
            if value:
                raise ParseError(
                    alayout, avalue, "", value, ": extra text: " + quote(value)
                )
            break
        layout = suffix
        hold = value
        code = std[0]
        try:
            if code == YEAR:
                if len(value) < 2:
                    raise _Bad
                p, value = value[:2], value[2:]
                year = _atoi(p)
                year += 1900 if year >= 69 else 2000
            elif code == LONG_YEAR:
                if len(value) < 4 or not _digit_at(value, 0):
                    raise _Bad
                p, value = value[:4], value[4:]
                year = _atoi(p)
            elif code == MONTH:
                month, value = _lookup(SHORT_MONTHS, value)
                month += 1
            elif code == LONG_MONTH:
                month, value = _lookup(LONG_MONTHS, value)
                month += 1
            elif code in (NUM_MONTH, ZERO_MONTH):
                month, value = _getnum(value, code == ZERO_MONTH)
                if month <= 0 or month > 12:
                    range_err = "month"
            elif code == WEEKDAY:
                _, value = _lookup(SHORT_DAYS, value)
            elif code == LONG_WEEKDAY:
                _, value = _lookup(LONG_DAYS, value)
            elif code in (DAY, UNDER_DAY, ZERO_DAY):
                if code == UNDER_DAY and value[:1] == " ":
                    value = value[1:]
                day, value = _getnum(value, code == ZERO_DAY)
            elif code in (UNDER_YEARDAY, ZERO_YEARDAY):
                for _ in range(2):
                    if code == UNDER_YEARDAY and value[:1] == " ":
                        value = value[1:]
                yday, value = _getnum3(value, code == ZERO_YEARDAY)
            elif code == HOUR:
                hour, value = _getnum(value, False)
                if hour < 0 or hour >= 24:
                    range_err = "hour"
            elif code in (HOUR12, ZERO_HOUR12):
                hour, value = _getnum(value, code == ZERO_HOUR12)
                if hour < 0 or hour > 12:
                    range_err = "hour"
            elif code in (MINUTE, ZERO_MINUTE):
                minute, value = _getnum(value, code == ZERO_MINUTE)
                if minute < 0 or minute >= 60:
                    range_err = "minute"
            elif code in (SECOND, ZERO_SECOND):
                sec, value = _getnum(value, code == ZERO_SECOND)
                if sec < 0 or sec >= 60:
                    range_err = "second"
                elif len(value) >= 2 and value[0] in ".," and _digit_at(value, 1):
                    nstd = next_std_chunk(layout)[1]
                    if nstd is None or nstd[0] not in (FRAC0, FRAC9):
                        n = 2
                        while n < len(value) and _digit_at(value, n):
                            n += 1
                        nsec = _parse_nanos(value, n)
                        value = value[n:]
            elif code == PM:
                if len(value) < 2:
                    raise _Bad
                p, value = value[:2], value[2:]
                if p == "PM":
                    pm_set = True
                elif p == "AM":
                    am_set = True
                else:
                    raise _Bad
            elif code == PM_LOWER:
                if len(value) < 2:
                    raise _Bad
                p, value = value[:2], value[2:]
                if p == "pm":
                    pm_set = True
                elif p == "am":
                    am_set = True
                else:
                    raise _Bad
            elif code in _ISO_TZ or code in _NUM_TZ:
                if code in _ISO_TZ and value[:1] == "Z":
                    value = value[1:]
                    z = UTC
                else:
                    if code in (ISO8601_COLON_TZ, NUM_COLON_TZ):
                        if len(value) < 6 or value[3] != ":":
                            raise _Bad
                        sign, hh, mm, ss, value = (
                            value[0],
                            value[1:3],
                            value[4:6],
                            "00",
                            value[6:],
                        )
                    elif code in (NUM_SHORT_TZ, ISO8601_SHORT_TZ):
                        if len(value) < 3:
                            raise _Bad
                        sign, hh, mm, ss, value = (
                            value[0],
                            value[1:3],
                            "00",
                            "00",
                            value[3:],
                        )
                    elif code in (ISO8601_COLON_SECONDS_TZ, NUM_COLON_SECONDS_TZ):
                        if len(value) < 9 or value[3] != ":" or value[6] != ":":
                            raise _Bad
                        sign, hh, mm, ss, value = (
                            value[0],
                            value[1:3],
                            value[4:6],
                            value[7:9],
                            value[9:],
                        )
                    elif code in (ISO8601_SECONDS_TZ, NUM_SECONDS_TZ):
                        if len(value) < 7:
                            raise _Bad
                        sign, hh, mm, ss, value = (
                            value[0],
                            value[1:3],
                            value[3:5],
                            value[5:7],
                            value[7:],
                        )
                    else:
                        if len(value) < 5:
                            raise _Bad
                        sign, hh, mm, ss, value = (
                            value[0],
                            value[1:3],
                            value[3:5],
                            "00",
                            value[5:],
                        )
                    hr = _getnum(hh, True)[0]
                    mi = _getnum(mm, True)[0]
                    se = _getnum(ss, True)[0]
                    if hr > 24:
                        range_err = "time zone offset hour"
                    if mi > 60:
                        range_err = "time zone offset minute"
                    if se > 60:
                        range_err = "time zone offset second"
                    zone_offset = (hr * 60 + mi) * 60 + se
                    if sign == "-":
                        zone_offset = -zone_offset
                    elif sign != "+":
                        raise _Bad
            elif code == TZ:
                if value[:3] == "UTC":
                    z = UTC
                    value = value[3:]
                else:
                    n, ok = _parse_timezone(value)
                    if not ok:
                        raise _Bad
                    zone_name, value = value[:n], value[n:]
            elif code == FRAC0:
                ndigit = 1 + std[1]
                if len(value) < ndigit:
                    raise _Bad
                nsec = _parse_nanos(value, ndigit)
                value = value[ndigit:]
            elif code == FRAC9:
                if len(value) >= 2 and value[0] in ".," and "0" <= value[1] <= "9":
                    i = 0
                    while i + 1 < len(value) and "0" <= value[i + 1] <= "9":
                        i += 1
                    nsec = _parse_nanos(value, 1 + i)
                    value = value[1 + i :]
        except _Bad:
            if range_err:
                raise ParseError(
                    alayout, avalue, stdstr, value, ": " + range_err + " out of range"
                )
            raise ParseError(alayout, avalue, stdstr, hold)
        if range_err:
            raise ParseError(
                alayout, avalue, stdstr, value, ": " + range_err + " out of range"
            )
    if pm_set and hour < 12:
        hour += 12
    elif am_set and hour == 12:
        hour = 0
    if yday >= 0:
        d = m = 0
        if is_leap(year):
            if yday == 31 + 29:
                m, d = 2, 29
            elif yday > 31 + 29:
                yday -= 1
        if yday < 1 or yday > 365:
            raise ParseError(alayout, avalue, "", value, ": day-of-year out of range")
        if m == 0:
            m = (yday - 1) // 31 + 1
            if _DAYS_BEFORE[m] < yday:
                m += 1
            d = yday - _DAYS_BEFORE[m - 1]
        if month >= 0 and month != m:
            raise ParseError(
                alayout, avalue, "", value, ": day-of-year does not match month"
            )
        month = m
        if day >= 0 and day != d:
            raise ParseError(
                alayout, avalue, "", value, ": day-of-year does not match day"
            )
        day = d
    else:
        if month < 0:
            month = 1
        if day < 0:
            day = 1
    if day < 1 or day > days_in(month, year):
        raise ParseError(alayout, avalue, "", value, ": day out of range")
    if z is not None:
        return date(year, month, day, hour, minute, sec, nsec, z)
    if zone_offset != -1:
        t = date(year, month, day, hour, minute, sec, nsec, UTC)
        t = GoTime(t.ns - zone_offset * NS, UTC)
        name, off = local.lookup(t.ns // NS)
        if off == zone_offset and (zone_name == "" or name == zone_name):
            return GoTime(t.ns, local)
        return GoTime(t.ns, fixed_zone(zone_name, zone_offset))
    if zone_name:
        t = date(year, month, day, hour, minute, sec, nsec, UTC)
        off = local.lookup_name(zone_name, t.ns // NS)
        if off is not None:
            return GoTime(t.ns - off * NS, local)
        off = 0
        if len(zone_name) > 3 and zone_name[:3] == "GMT":
            off = _atoi(zone_name[3:]) * 3600
        return GoTime(t.ns, fixed_zone(zone_name, off))
    return date(year, month, day, hour, minute, sec, nsec, default_loc)


# Durations (time.ParseDuration, Duration.String).

_UNITS = {
    "ns": 1,
    "us": 1000,
    "\xc2\xb5s": 1000,  # U+00B5 micro sign, as UTF-8 bytes
    "\xce\xbcs": 1000,  # U+03BC Greek mu, as UTF-8 bytes
    "ms": 1000000,
    "s": NS,
    "m": 60 * NS,
    "h": 3600 * NS,
}


def parse_duration(s):
    """Go's ParseDuration; raises ValueError with Go's message."""
    orig = s
    d = 0
    neg = False
    if s:
        c = s[0]
        if c in "-+":
            neg = c == "-"
            s = s[1:]
    if s == "0":
        return 0
    if s == "":
        raise ValueError("time: invalid duration " + quote(orig))
    while s:
        if not (s[0] == "." or "0" <= s[0] <= "9"):
            raise ValueError("time: invalid duration " + quote(orig))
        pl = len(s)
        i = 0
        while i < len(s) and "0" <= s[i] <= "9":
            i += 1
        v = int(s[:i]) if i else 0
        if v > 1 << 63:
            raise ValueError("time: invalid duration " + quote(orig))
        s = s[i:]
        pre = pl != len(s)
        post = False
        f = 0
        scale = 1.0
        if s and s[0] == ".":
            s = s[1:]
            pl = len(s)
            i = 0
            overflow = False
            while i < len(s) and "0" <= s[i] <= "9":
                if not overflow:
                    if f > ((1 << 63) - 1) // 10:
                        overflow = True
                    else:
                        y = f * 10 + int(s[i])
                        if y > 1 << 63:
                            overflow = True
                        else:
                            f = y
                            scale *= 10
                i += 1
            s = s[i:]
            post = pl != len(s)
        if not pre and not post:
            raise ValueError("time: invalid duration " + quote(orig))
        i = 0
        while i < len(s) and not (s[i] == "." or "0" <= s[i] <= "9"):
            i += 1
        if i == 0:
            raise ValueError("time: missing unit in duration " + quote(orig))
        u = s[:i]
        s = s[i:]
        unit = _UNITS.get(u)
        if unit is None:
            raise ValueError(
                "time: unknown unit " + quote(u) + " in duration " + quote(orig)
            )
        if v > (1 << 63) // unit:
            raise ValueError("time: invalid duration " + quote(orig))
        v *= unit
        if f > 0:
            v += int(float(f) * (float(unit) / scale))
            if v > 1 << 63:
                raise ValueError("time: invalid duration " + quote(orig))
        d += v
        if d > 1 << 63:
            raise ValueError("time: invalid duration " + quote(orig))
    if neg:
        return -d
    if d > (1 << 63) - 1:
        raise ValueError("time: invalid duration " + quote(orig))
    return d


def _fmt_frac(v, prec):
    """(fraction text, v // 10**prec): the fraction without trailing
    zeros, and without its point when it is zero."""
    digits = []
    printed = False
    for _ in range(prec):
        digit = v % 10
        printed = printed or digit != 0
        if printed:
            digits.append(str(digit))
        v //= 10
    if printed:
        return "." + "".join(reversed(digits)), v
    return "", v


def format_duration(d):
    """Go's Duration.String: "1h30m0s", "1.5s", "500ms", "0s"."""
    u = -d if d < 0 else d
    if u < NS:
        if u == 0:
            return "0s"
        if u < 1000:
            frac, u = _fmt_frac(u, 0)
            unit = "ns"
        elif u < 1000000:
            frac, u = _fmt_frac(u, 3)
            unit = "\xc2\xb5s"
        else:
            frac, u = _fmt_frac(u, 6)
            unit = "ms"
        s = str(u) + frac + unit
    else:
        frac, u = _fmt_frac(u, 9)
        s = str(u % 60) + frac + "s"
        u //= 60
        if u > 0:
            s = str(u % 60) + "m" + s
            u //= 60
            if u > 0:
                s = str(u) + "h" + s
    return "-" + s if d < 0 else s
