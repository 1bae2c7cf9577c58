"""The errors module (global) and the json module (require "json")."""


def test_error_values(lua_run):
    r = lua_run("""
        local e = errors.new("plain")
        print(type(e), e, e:message(), e:kind() == errors.UNKNOWN, e:retryable(), e:details())
        local d = errors.new({message = "gone", kind = errors.NOT_FOUND,
                              retryable = true, details = {id = 7}})
        print(d:kind(), d:retryable(), d:details().id, "x: " .. d, d .. "!")
        print(errors.is(d, errors.NOT_FOUND), errors.is(d, errors.INVALID), errors.is("s", "NotFound"))
        local w = errors.wrap(d, "loading user")
        print(w, w:kind(), errors.is(w, "NotFound"), w:retryable())
        print(errors.wrap(nil, "x"), errors.wrap("oops", "ctx"))
        print(string.upper(d), d:upper(), string.find(w, "user"), #tostring(w))
        print(type(errors.call_stack(e)))
        print(errors.INVALID, errors.INTERNAL, errors.ALREADY_EXISTS, errors.TIMEOUT,
              errors.PERMISSION_DENIED, errors.UNAVAILABLE, errors.CANCELED,
              errors.CONFLICT, errors.RATE_LIMITED)
        print(pcall(errors.new, {kind = "X"}))
        print(pcall(errors.new))
        """)
    assert r.lines == [
        "userdata\tplain\tplain\ttrue\tnil\tnil",
        "NotFound\ttrue\t7\tx: gone\tgone!",
        "true\tfalse\tfalse",
        "loading user: gone\tNotFound\ttrue\ttrue",
        "nil\tctx: oops",
        "GONE\tGONE\t9\t18",
        "string",
        "Invalid\tInternal\tAlreadyExists\tTimeout\tPermissionDenied\tUnavailable"
        "\tCanceled\tConflict\tRateLimited",
        "false\tbad argument #1 to 'errors.new' (message must be a string)",
        "false\tbad argument #1 to 'errors.new' (string or table expected, got no value)",
    ], r


def test_runtime_errors_are_error_values(lua_run):
    r = lua_run("""
        local _, err = process.send("nobody", "t")
        print(type(err), err:kind(), err)
        local _, err2 = process.registry.lookup("x")
        print(err2:kind(), err2:message())
        local _, err3 = time.sleep("xyz")
        print(err3:kind())
        """)
    assert r.lines == [
        "userdata\tNotFound\tcould not resolve 'nobody' as PID or registered name",
        "NotFound\tname not registered",
        "Invalid",
    ], r


def test_error_values_cross_processes(lua_run):
    r = lua_run(
        """
        local ev = process.events()
        process.spawn_monitored("w:a", "app:processes")
        local e = ev:receive()
        local err = e.result.error
        print(type(err), err, err:kind(), err:retryable(), e.result.value)
        process.spawn_monitored("w:b", "app:processes")
        local p = process.listen("err")
        local got = p:receive()
        print(type(got), got:kind(), got:details().n)
        """,
        files={
            "w/a.lua": """
                return { main = function()
                    return 1, errors.new({message = "busy", kind = errors.UNAVAILABLE,
                                          retryable = true})
                end }
            """,
            "w/b.lua": """
                return { main = function()
                    local parent = process.registry.lookup("nobody")
                    process.send("{app:processes|0x00001}", "err",
                                 errors.new({message = "m", kind = "K", details = {n = 3}}))
                end }
            """,
        },
    )
    assert r.lines == [
        "userdata\tbusy\tUnavailable\ttrue\tnil",
        "userdata\tK\t3",
    ], r


def test_json_encode(lua_run):
    r = lua_run("""
        local json = require("json")
        print(json.encode(nil), json.encode({}), json.encode(true), json.encode(3))
        print(json.encode(2.5), json.encode(2.0), json.encode("a\\"b\\n\\1"))
        print(json.encode({1, "x", {y = false}}))
        print(json.encode({b = 1, a = {c = "d"}}))
        print(json.encode("héllo"))
        local t = {} t.self = t
        local v, err = json.encode(t)
        print(v, err:kind(), err)
        print(select(2, json.encode({[1] = 1, [3] = 3})))
        print(select(2, json.encode({1, x = 2})))
        print(select(2, json.encode({f = print})))
        print(select(2, json.encode(1/0)))
        local deep = {}
        local cur = deep
        for i = 1, 200 do cur.n = {} cur = cur.n end
        print(select(2, json.encode(deep)))
        """)
    assert r.lines == [
        "null\t[]\ttrue\t3",
        '2.5\t2\t"a\\"b\\n\\u0001"',
        '[1,"x",{"y":false}]',
        '{"a":{"c":"d"},"b":1}',
        '"héllo"',
        "nil\tInternal\tjson: cycle detected in table",
        "json: sparse array cannot be encoded",
        "json: table has mixed key types",
        "json: unsupported type: function",
        "json: unsupported value: inf",
        "json: maximum nesting depth exceeded",
    ], r


def test_json_decode(lua_run):
    r = lua_run("""
        local json = require("json")
        local v = json.decode('{"a": [1, 2.5, "x", null, true], "b": {"c": -3}, "u": "\\\\u00e9"}')
        print(v.a[1], math.type(v.a[1]), v.a[2], v.a[3], v.a[4], v.a[5], v.b.c, #v.u)
        print(json.decode("null"), json.decode("12345678901234567890"))
        for _, s in ipairs({"", "{bad", "[1,", "NaN"}) do
            local x, err = json.decode(s)
            print(x, err:kind())
        end
        local x, err = json.decode(42)
        print(x, err:kind(), err)
        print(json.encode(json.decode('{"k":[{"z":1}]}')))
        """)
    assert r.lines == [
        "1\tinteger\t2.5\tx\tnil\ttrue\t-3\t2",
        "nil\t1.2345678901235e+19",
        "nil\tInvalid",
        "nil\tInternal",
        "nil\tInternal",
        "nil\tInternal",
        "nil\tInvalid\tjson.decode: input must be a string",
        '{"k":[{"z":1}]}',
    ], r


def test_json_validate(lua_run):
    r = lua_run("""
        local json = require("json")
        local schema = {
            type = "object",
            required = {"name"},
            properties = {
                name = {type = "string", minLength = 2},
                age = {type = "integer", minimum = 0},
                tags = {type = "array", items = {type = "string"}, maxItems = 2},
            },
        }
        print(json.validate(schema, {name = "Al", age = 3, tags = {"a"}}))
        local ok, err = json.validate(schema, {age = 3})
        print(ok, err:kind(), err)
        print(json.validate(schema, {name = "A"}))
        print(json.validate(schema, {name = "Al", age = -1}))
        print(json.validate(schema, {name = "Al", tags = {"a", 1}}))
        print(json.validate('{"type": "number", "enum": [1, 2]}', 2))
        print(json.validate('{"type": "number", "enum": [1, 2]}', 3))
        print(json.validate_string(schema, '{"name": "Bo"}'))
        print(json.validate_string(schema, '{"name": 1}'))
        """)
    assert r.lines == [
        "true",
        "false\tInvalid\t$: missing required property 'name'",
        "false\t$.name: string is too short",
        "false\t$.age: must be >= 0",
        "false\t$.tags[2]: expected string, got number",
        "true",
        "false\t$: value is not one of the allowed values",
        "true",
        "false\t$.name: expected string, got number",
    ], r
