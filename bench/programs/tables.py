# tables: array appends (list.append), indexed reads, iteration over lists and
# dicts, string-keyed and sparse integer-keyed dicts, records with named
# fields, a 2-D grid and list.pop.
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1500000

    # arrays: append
    t = []
    for i in range(1, n + 1):
        t.append(i * 37 % 1000)
    u = []
    for i in range(1, n + 1):
        u.append(t[i - 1] + i % 13)

    # reads: indexed loop, and iteration
    s1 = 0
    for i in range(len(t)):
        s1 += t[i]
    s2 = 0
    for v in u:
        s2 += v

    # read-modify-write through indexes
    for i in range(1, n):
        t[i] = (t[i] + t[i - 1]) % 100003

    # hash table with string keys
    h = {}
    for i in range(1, n + 1):
        k = "k%d" % (i % 5000)
        h[k] = h.get(k, 0) + i
    s3 = cnt = 0
    for v in h.values():
        s3 += v
        cnt += 1

    # sparse integer keys
    sp = {}
    for i in range(1, n + 1):
        sp[i * 7919 % 100003] = i
    s4 = cnt4 = 0
    for k, v in sp.items():
        s4 += k * v % 1000
        cnt4 += 1

    # records with named fields
    recs = []
    for i in range(1, n // 4 + 1):
        recs.append({"id": i, "x": i % 17, "y": i % 23, "name": "r%d" % i})
    s5 = 0
    for r in recs:
        r["x"] += r["y"]
        s5 += r["x"] * r["id"] % 97 + len(r["name"])

    # 2-D grid
    size = 200
    grid = []
    for i in range(1, size + 1):
        row = []
        for j in range(1, size + 1):
            row.append((i * j) % 10)
        grid.append(row)
    s6 = 0
    for j in range(size):
        for i in range(size):
            s6 += grid[i][j] * (i + j + 2)

    # list.pop from the end
    s7 = 0
    while len(u) > n // 2:
        s7 += u.pop()

    print(s1, s2, t[n - 1], s3, cnt, s4, cnt4, s5, s6, s7, len(u), sep="\t")


main()
