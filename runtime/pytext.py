"""Generated Python text to code, including text cut into grafted pieces.

Rules:
- Text that Python's tokenizer could not read in one piece (more than 100
  levels of indentation, see compiler.deep) comes as a main part followed by
  pieces, each after a line `#@graft <n>`; the main part and the pieces hold
  placeholder statements `lua_graft_<n>` where piece n belongs.
- `parse_text` parses every part on its own, shifts its line numbers to the
  part's place in the text, and puts each piece in place of its placeholder:
  the tree, and the code compiled from it, have the lines of the text, so
  tracebacks and `# L<n>` markers work as for any other chunk.
- Everything that compiles or parses generated text goes through here.
"""

import ast
import re
import warnings

_MARK = re.compile(r"^#@graft (\d+)$", re.M)


def is_grafted(text):
    return "\n#@graft " in text


def parse_text(text):
    """The module tree of generated text (raises SyntaxError)."""
    if not is_grafted(text):
        return ast.parse(text)
    marks = list(_MARK.finditer(text))
    main = ast.parse(text[: marks[0].start()])
    pieces = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        start = m.end() + 1
        tree = ast.parse(text[start:end])
        ast.increment_lineno(tree, text.count("\n", 0, start))
        pieces["lua_graft_" + m.group(1)] = tree.body
    _put_back(main, pieces)
    return main


def _put_back(node, pieces):
    for field, value in ast.iter_fields(node):
        if isinstance(value, list):
            if any(_placeholder(v, pieces) for v in value):
                new = []
                for v in value:
                    name = _placeholder(v, pieces)
                    new.extend(pieces.pop(name) if name else [v])
                value[:] = new
            for v in value:
                if isinstance(v, ast.AST):
                    _put_back(v, pieces)
        elif isinstance(value, ast.AST):
            _put_back(value, pieces)


def _placeholder(st, pieces):
    if (
        isinstance(st, ast.Expr)
        and isinstance(st.value, ast.Name)
        and st.value.id in pieces
    ):
        return st.value.id
    return None


def compile_text(text, filename):
    """The code object of generated text (raises SyntaxError)."""
    with warnings.catch_warnings():
        # `None["x"]` is legal generated code for Lua's `(nil).x`.
        warnings.simplefilter("ignore", SyntaxWarning)
        if is_grafted(text):
            return compile(parse_text(text), filename, "exec")
        return compile(text, filename, "exec")


def module_text(text):
    """The text of a module file for generated text (`moonlet compile`):
    grafted text cannot be imported as it is, so its module runs it."""
    if not is_grafted(text):
        return text
    head = "".join(text.splitlines(True)[:2])  # the banner
    return head + (
        "# Nested too deeply for one piece of Python text: see moonlet.runtime.pytext.\n"
        "from moonlet.runtime.pytext import exec_text\n\n"
        "exec_text(%r, globals())\n" % text
    )


def exec_text(text, namespace):
    """Run grafted generated text in a module's namespace; its code is named
    after the module file, with the text registered for messages."""
    from . import frames

    filename = "%s <generated>" % namespace.get("__file__", "<module>")
    frames.register_source(filename, text)
    exec(compile_text(text, filename), namespace)
