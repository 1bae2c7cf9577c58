"""Generated Python text to code, including text cut into grafted pieces.

Rules:
- Text that Python's tokenizer could not read in one piece (more than 100
  levels of indentation, see compiler.deep) holds placeholder statements
  `lua_graft_<n>`, each followed by its piece: the statement's text at
  column 0 between the lines `#@graft <n>` and `#@end <n>` (pieces nest).
- `parse_text` parses every part on its own (the lines before it and the
  pieces inside it blanked, so line numbers are those of the text) and puts
  each piece in place of its placeholder. The tree, and the code compiled
  from it, have the lines of the text, growing through each def as line
  tables expect (PyPy's go wrong when lines jump back), so tracebacks and
  `# L<n>` markers work as for any other chunk.
- Everything that compiles or parses generated text goes through here.
"""

import ast
import warnings


def is_grafted(text):
    return "\n#@graft " in text


def parse_text(text):
    """The module tree of generated text (raises SyntaxError)."""
    if not is_grafted(text):
        return ast.parse(text)
    lines = [line + "\n" for line in text.split("\n")]
    ends = {}  # index of a "#@graft n" line -> index of its "#@end n" line
    open_ = []
    for i, line in enumerate(lines):
        if line.startswith("#@graft "):
            open_.append(i)
        elif line.startswith("#@end ") and open_:
            ends[open_.pop()] = i
    if open_:
        raise SyntaxError("unterminated graft in generated text")
    pieces = {}
    for begin, end in ends.items():
        n = lines[begin].split()[1]
        pieces["lua_graft_" + n] = ast.parse(_part(lines, ends, begin + 1, end)).body
    main = ast.parse(_part(lines, ends, 0, len(lines)))
    _put_back(main, pieces)
    return main


def _part(lines, ends, lo, hi):
    """Lines lo to hi of the text, the pieces inside them blanked and every
    line before lo empty: parsed, it has the line numbers of the text."""
    out = ["\n"] * lo
    i = lo
    while i < hi:
        end = ends.get(i)
        if end is None:
            out.append(lines[i])
            i += 1
        else:
            out.extend(["\n"] * (end + 1 - i))
            i = end + 1
    return "".join(out)


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
