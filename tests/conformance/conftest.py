"""The conformance runner (see README.md, "Conformance suites")."""


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "conformance: official Lua 5.4.4 tests and lua-Harness "
        "(need MOONLET_LUA_TESTS / MOONLET_LUA_HARNESS)",
    )
