# spectralnorm: The Computer Language Benchmarks Game spectral-norm (single
# process). Nested loops, a small function called in the inner loop, float
# arithmetic over lists. Same summation order as spectralnorm.lua (plain
# loops rather than sum(), whose float rounding differs between Python
# versions), so the result agrees to the last digit.
import sys
from math import sqrt


def eval_a(i, j):
    # i and j count from 0
    ij = i + j
    return 1.0 / (ij * (ij + 1) * 0.5 + i + 1)


def times_a(x, n):
    y = []
    for i in range(n):
        a = 0.0
        for j, xj in enumerate(x):
            a += xj * eval_a(i, j)
        y.append(a)
    return y


def times_at(x, n):
    y = []
    for i in range(n):
        a = 0.0
        for j, xj in enumerate(x):
            a += xj * eval_a(j, i)
        y.append(a)
    return y


def times_ata(x, n):
    return times_at(times_a(x, n), n)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    u = [1.0] * n
    for _ in range(10):
        v = times_ata(u, n)
        u = times_ata(v, n)

    vbv = vv = 0.0
    for ui, vi in zip(u, v):
        vbv += ui * vi
        vv += vi * vi
    print("%.9f" % sqrt(vbv / vv))


main()
