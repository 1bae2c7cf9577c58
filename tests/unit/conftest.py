"""Shared fixtures of the unit tests."""

import pytest

from luacall import install_lua_caller


@pytest.fixture(scope="session", autouse=True)
def lua_caller(tmp_path_factory):
    install_lua_caller(tmp_path_factory)
    yield
