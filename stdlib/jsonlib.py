"""The json module (`require("json")`).

Rules:
- json.encode(v) -> string | nil, err. nil is "null", an empty table "[]",
  a table with keys 1..n an array, a table with only string keys an object
  (keys sorted, as Go's encoder writes maps). Cycles, sparse arrays,
  mixed keys, depth over 128, functions/userdata and inf/nan give an error
  of kind Internal. Integral floats are written as integers (Go's float64
  format); strings are byte strings, written as they are (UTF-8 passes).
- json.decode(s) -> v | nil, err. Empty or non-string input is Invalid;
  bad JSON is Internal; null is nil; integers that fit 64 bits are Lua
  integers, other numbers floats.
- json.validate(schema, data) -> true | false, err and
  validate_string(schema, s): a JSON Schema subset (type, properties,
  required, additionalProperties=false, items, enum, const, minimum,
  maximum, minLength, maxLength, minItems, maxItems); schema may be a table
  or JSON text. Errors are kind Invalid.
"""

import json as _json
import math

from moonlet.runtime import errvalues
from moonlet.runtime.table import Table
from moonlet.runtime.values import MAXINT, MININT, Multi, type_name

LUA_VISIBLE = True

MAX_DEPTH = 128


class EncodeError(Exception):
    pass


def _err(msg, kind):
    return Multi((None, errvalues.make(msg, kind)))


def _quote(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif o < 0x20:
            esc = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
            out.append(esc.get(ch) or "\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _num(v):
    if v.__class__ is int:
        return str(v)
    if math.isinf(v) or math.isnan(v):
        raise EncodeError("json: unsupported value: %r" % v)
    if v == int(v) and abs(v) < 1e21:
        return str(int(v))
    return repr(v)


def _enc(v, out, depth, seen):
    if v is None:
        out.append("null")
        return
    cls = v.__class__
    if cls is bool:
        out.append("true" if v else "false")
    elif cls is int or cls is float:
        out.append(_num(v))
    elif cls is str:
        out.append(_quote(v))
    elif isinstance(v, Table):
        if depth >= MAX_DEPTH:
            raise EncodeError("json: maximum nesting depth exceeded")
        if id(v) in seen:
            raise EncodeError("json: cycle detected in table")
        seen.add(id(v))
        keys = [k for k, x in dict.items(v) if x is not None]
        if not keys:
            out.append("[]")
        elif all(k.__class__ is int for k in keys):
            n = len(keys)
            if min(keys) != 1 or max(keys) != n:
                raise EncodeError("json: sparse array cannot be encoded")
            out.append("[")
            for i in range(1, n + 1):
                if i > 1:
                    out.append(",")
                _enc(dict.__getitem__(v, i), out, depth + 1, seen)
            out.append("]")
        elif all(k.__class__ is str for k in keys):
            out.append("{")
            for i, k in enumerate(sorted(keys)):
                if i:
                    out.append(",")
                out.append(_quote(k))
                out.append(":")
                _enc(dict.__getitem__(v, k), out, depth + 1, seen)
            out.append("}")
        else:
            raise EncodeError("json: table has mixed key types")
        seen.discard(id(v))
    else:
        sv = getattr(cls, "lua_strval", None)
        if sv is not None:
            out.append(_quote(sv(v)))
            return
        raise EncodeError("json: unsupported type: %s" % type_name(v))


def j_encode(v=None, *_):
    out = []
    try:
        _enc(v, out, 0, set())
    except EncodeError as e:
        return _err(str(e), errvalues.INTERNAL)
    return "".join(out)


def _bytes_str(s):
    return s.encode("utf-8", "surrogatepass").decode("latin-1")


def _to_lua(x):
    if x is None or x is True or x is False:
        return x
    cls = x.__class__
    if cls is int:
        return x if MININT <= x <= MAXINT else float(x)
    if cls is float:
        return x
    if cls is str:
        return _bytes_str(x)
    if cls is list:
        t = Table()
        for i, y in enumerate(x, 1):
            t[i] = _to_lua(y)
        return t
    t = Table()
    for k, y in x.items():
        t[_bytes_str(k)] = _to_lua(y)
    return t


def _from_text(s):
    try:
        text = s.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        text = s.encode("latin-1").decode("utf-8", "replace")
    return _json.loads(text)


def _reject_constant(name):
    raise ValueError("invalid character '%s' looking for beginning of value" % name)


def j_decode(s=None, *_):
    if s.__class__ is not str:
        return _err("json.decode: input must be a string", errvalues.INVALID)
    if not s:
        return _err("json.decode: empty input", errvalues.INVALID)
    try:
        text = s.encode("latin-1").decode("utf-8", "replace")
        x = _json.loads(text, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as e:
        msg = getattr(e, "msg", None) or str(e)
        return _err("json.decode: %s" % msg, errvalues.INTERNAL)
    return _to_lua(x)


# Validation.


def _is_array(v):
    if not isinstance(v, Table):
        return False
    keys = [k for k, x in dict.items(v) if x is not None]
    return all(k.__class__ is int for k in keys) and (
        not keys or (min(keys) == 1 and max(keys) == len(keys))
    )


def _type_ok(t, v):
    if t == "null":
        return v is None
    if t == "boolean":
        return v.__class__ is bool
    if t == "integer":
        return v.__class__ is int or (v.__class__ is float and v == int(v))
    if t == "number":
        return v.__class__ in (int, float)
    if t == "string":
        return v.__class__ is str
    if t == "array":
        return _is_array(v)
    if t == "object":
        return isinstance(v, Table) and (
            not _is_array(v) or not any(True for _ in dict.keys(v))
        )
    return True


def _check(schema, v, path):
    if not isinstance(schema, Table):
        return None
    t = schema["type"]
    if t is not None:
        types = [t] if t.__class__ is str else [x for x in dict.values(t)]
        if not any(_type_ok(x, v) for x in types):
            return "%s: expected %s, got %s" % (path, "|".join(types), type_name(v))
    enum = schema["enum"]
    if isinstance(enum, Table) and v not in [x for x in dict.values(enum)]:
        return "%s: value is not one of the allowed values" % path
    if schema["const"] is not None and v != schema["const"]:
        return "%s: value does not match const" % path
    if v.__class__ in (int, float):
        if schema["minimum"] is not None and v < schema["minimum"]:
            return "%s: must be >= %s" % (path, schema["minimum"])
        if schema["maximum"] is not None and v > schema["maximum"]:
            return "%s: must be <= %s" % (path, schema["maximum"])
    if v.__class__ is str:
        if schema["minLength"] is not None and len(v) < schema["minLength"]:
            return "%s: string is too short" % path
        if schema["maxLength"] is not None and len(v) > schema["maxLength"]:
            return "%s: string is too long" % path
    if isinstance(v, Table):
        if _is_array(v) and (t == "array" or schema["items"] is not None):
            n = len([1 for x in dict.values(v) if x is not None])
            if schema["minItems"] is not None and n < schema["minItems"]:
                return "%s: too few items" % path
            if schema["maxItems"] is not None and n > schema["maxItems"]:
                return "%s: too many items" % path
            for i in range(1, n + 1):
                r = _check(schema["items"], dict.get(v, i), "%s[%d]" % (path, i))
                if r:
                    return r
        else:
            req = schema["required"]
            if isinstance(req, Table):
                for k in dict.values(req):
                    if dict.get(v, k) is None:
                        return "%s: missing required property '%s'" % (path, k)
            props = schema["properties"]
            if isinstance(props, Table):
                for k in sorted(dict.keys(props), key=str):
                    x = dict.get(v, k)
                    if x is not None:
                        r = _check(props[k], x, "%s.%s" % (path, k))
                        if r:
                            return r
                if schema["additionalProperties"] is False:
                    for k in dict.keys(v):
                        if k not in props:
                            return "%s: additional property '%s' is not allowed" % (
                                path,
                                k,
                            )
    return None


def _schema(schema):
    if schema.__class__ is str:
        try:
            return _to_lua(_from_text(schema)), None
        except ValueError as e:
            return None, "invalid schema: %s" % e
    if not isinstance(schema, Table):
        return None, "schema must be a table or a JSON string"
    return schema, None


def j_validate(schema=None, data=None, *_):
    schema, err = _schema(schema)
    if err:
        return Multi((False, errvalues.make(err, errvalues.INVALID)))
    r = _check(schema, data, "$")
    if r:
        return Multi((False, errvalues.make(r, errvalues.INVALID)))
    return True


def j_validate_string(schema=None, s=None, *_):
    if s.__class__ is not str:
        return Multi((False, errvalues.make("data must be a string", "Invalid")))
    try:
        data = _to_lua(_from_text(s))
    except ValueError as e:
        return Multi((False, errvalues.make("invalid JSON: %s" % e, "Invalid")))
    return j_validate(schema, data)


LIB = {
    "encode": j_encode,
    "decode": j_decode,
    "validate": j_validate,
    "validate_string": j_validate_string,
}


def make_lib():
    return Table(LIB)
