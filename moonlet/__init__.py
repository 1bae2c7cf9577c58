"""moonlet: Lua 5.4 compiled to Python, on a greenlet actor runtime."""

import os as _os

__version__ = "0.1.0"

# In a checkout, the runtime, stdlib and compiler folders sit beside this
# one (pyproject.toml maps them into the package): with the checkout on
# sys.path (`PYTHONPATH=CHECKOUT pypy3 -m PKG run NAME`), moonlet.runtime and
# the others are found there. Installed copies hold them inside this folder.
_here = _os.path.dirname(_os.path.abspath(__file__))
_root = _os.path.dirname(_here)
if not _os.path.isdir(_os.path.join(_here, "runtime")) and _os.path.isfile(
    _os.path.join(_root, "runtime", "__init__.py")
):
    __path__.append(_root)
del _here, _root
