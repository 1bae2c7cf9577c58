# strings: building strings with + and str.join, % formatting, repetition
# and slicing, ord, str.upper, and regular expressions (search, finditer,
# subn) where Lua uses patterns, over generated text.
import re
import sys


def checksum(s, step):
    """A simple checksum over the bytes of a string, sampling every step-th byte."""
    h = 0
    for c in s[::step]:
        h = (h * 31 + ord(c)) % 1000000007
    return h


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300000

    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"]
    nwords = len(words)

    # generate text with % formatting and str.join
    text = " ".join(
        "%s%d=%.2f;" % (words[i % nwords], i, i / 7) for i in range(1, n + 1)
    )

    # concatenation with + in a loop
    lines = 0
    for r in range(1, n // 100 + 1):
        line = ""
        for j in range(1, 51):
            line = line + words[(r + j) % nwords] + ","
        lines += len(line)

    # repetition and slicing
    reps = 0
    for i in range(1, n + 1):
        s = "-".join(["ab"] * (i % 10 + 1))
        reps += len(s) + len(s[1:-1])
    subs = 0
    for i in range(0, len(text) - 8, 5):
        if text[i : i + 4] == "beta":
            subs += 1

    # search in a loop with a pattern and captures
    pattern = re.compile(r"a([0-9]+)=")
    pos = found = fsum = 0
    while True:
        m = pattern.search(text, pos)
        if not m:
            break
        found += 1
        fsum += int(m.group(1)) % 1000
        pos = m.end()

    # plain find
    plain = 0
    pos = text.find("0.")
    while pos >= 0:
        plain += 1
        pos = text.find("0.", pos + 1)

    # finditer with two captures
    gm = gsum = 0
    for m in re.finditer(r"([A-Za-z]+)([0-9]+)", text):
        gm += len(m.group(1))
        gsum = (gsum + int(m.group(2))) % 1000003

    # substitution with a replacement string and with a function
    t2, c2 = re.subn(r"([A-Za-z]+)([0-9]+)", r"\2\1", text)
    t3, c3 = re.subn(r"[0-9]+\.[0-9]+", lambda m: str(len(m.group())), text)

    # upper and byte-level checksums
    up = text.upper()

    print(len(text), checksum(text, 7), sep="\t")
    print(lines, reps, subs, sep="\t")
    print(found, fsum, plain, sep="\t")
    print(gm, gsum, sep="\t")
    print(len(t2), c2, checksum(t2, 11), sep="\t")
    print(len(t3), c3, checksum(t3, 13), sep="\t")
    print(checksum(up, 17))


main()
