-- string.format's cached plans: each argument outside the plan's simple cases
-- (nan, zeros in %5s, non-integral %d, negative %x) takes the full path.
print(string.format("%s%d=%.2f;", "alpha", 5, 0.7))
print(string.format("%s%d=%.2f;", "alpha", 5, 0/0))
print(string.format("%s|%5s|%-5s|", 1, 2, "ab"))
print(string.format("%x %X %5.1f %g %e", 255, 255, 3, 2^60, 1))
print(pcall(string.format, "%d", 1.5))
print(string.format("%d", 3.0), string.format("%s", 1.5), pcall(string.format, "%5s", "a\0b"))
print(string.format("100%% %s", "x"), string.format("no items"), string.format("%%"))
print(pcall(string.format, "%s %s", 1))
print(string.format("%.3f", 1e300), string.format("%g", 1/0), string.format("%x", -1))
