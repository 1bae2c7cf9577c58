"""Walking luaparser trees in the frontend and parser tests."""

from luaparser import astnodes as A


def nodes(root):
    """Every node of a tree (iteratively: trees of long chains are deep)."""
    out = []
    stack = [root]
    while stack:
        x = stack.pop()
        if isinstance(x, list):
            stack.extend(x)
        elif isinstance(x, A.Node):
            out.append(x)
            stack.extend(v for k, v in x.__dict__.items() if not k.startswith("_"))
    return out
