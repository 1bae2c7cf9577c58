-- string.rep's fast path for small counts, with and without separators.
print(string.rep("ab", 3, "-"), string.rep("ab", 1, "-"), string.rep("x", 0, "-"), string.rep("x", -1), string.rep("", 5, ","), string.rep("a", 3, ""))
print(pcall(string.rep, "x", 2.5), pcall(string.rep, "x", 1e10))
print(string.rep("ab", 2, 5), string.rep(5, 2), pcall(string.rep, {}, 2))
