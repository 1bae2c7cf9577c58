"""Python identifiers for Lua names.

Lua locals keep their names in the generated code. A name that would clash
with a Python keyword, a builtin the generated code uses, a runtime helper
or a compiler temporary gets a trailing "_"; a second local of the same name
in one Python function gets "_2", "_3", ... (runtime.frames.lua_name undoes
both for error messages).
"""

import builtins
import keyword
import re

# Names the generated code refers to besides Lua locals.
HELPERS = {
    "Table",
    "MTable",
    "RAWSET",
    "Multi",
    "NONE",
    "values",
    "adjust",
    "mktable",
    "mktable_multi",
    "new_instance",
    "SETMETATABLE",
    "TBL_INSERT",
    "STR_BYTE",
    "STR_SUB",
    "BOOLKEYS",
    "STRINGS",
    "wrap_int",
    "setindex",
    "table_append",
    "index",
    "call",
    "arith_add",
    "arith_sub",
    "arith_mul",
    "arith_div",
    "arith_mod",
    "arith_idiv",
    "arith_pow",
    "arith_unm",
    "bit_and",
    "bit_or",
    "bit_xor",
    "bit_shl",
    "bit_shr",
    "bit_not",
    "fdiv",
    "fpow",
    "fmod_lua",
    "ffloor",
    "concat",
    "concat_list",
    "lua_len",
    "lt",
    "le",
    "eq",
    "numfor",
    "forin",
    "forin1",
    "forin_close",
    "close_var",
    "check_close",
    "lua_error_from",
    "tostr_number",
    "lua_chunk",
    "lua_main",
    "varargs",
}

_TEMP = re.compile(r"^_[a-z]\d*$")


def reserved(name):
    return (
        keyword.iskeyword(name)
        or keyword.issoftkeyword(name)
        or name in HELPERS
        or hasattr(builtins, name)
        or _TEMP.match(name) is not None
        or name.startswith("__")
        or name.startswith("lua_")
        or re.search(r"_\d*$", name) is not None
    )


def py_ident(lua_name, taken):
    """A fresh Python identifier for a Lua local, not in `taken`."""
    base = lua_name + "_" if reserved(lua_name) else lua_name
    if base not in taken:
        return base
    i = 2
    while "%s_%d" % (lua_name, i) in taken:
        i += 1
    return "%s_%d" % (lua_name, i)
