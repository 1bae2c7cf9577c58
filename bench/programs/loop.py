# loop: numeric for loops (ascending, descending, nested, float-stepped) and a
# while loop, accumulating integer and float arithmetic.
import sys


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000000

    # integer accumulation with modulo
    isum = 0
    for i in range(1, n + 1):
        isum = (isum + i * i) % 1000003

    # float accumulation (harmonic series with a twist)
    fsum = 0.0
    for i in range(1, n + 1):
        fsum = fsum + 1.0 / i - i * 1e-9

    # nested loops, the inner one descending with a step
    acc = 0
    m = n // 100
    for i in range(1, 101):
        for j in range(m, 0, -3):
            acc += (i * j) % 11 - (j // 7) % 3

    # float-stepped loop
    x = 0.0
    k = 0.0
    limit = n / 8
    while k <= limit:
        x += k * 0.25
        k += 0.5

    # while loops: total Collatz steps for the first n / 100 integers
    steps = 0
    for s in range(1, n // 100 + 1):
        c = s
        while c != 1:
            if c % 2 == 0:
                c //= 2
            else:
                c = 3 * c + 1
            steps += 1

    print(isum)
    print("%.9f" % fsum)
    print(acc)
    print("%.9f" % x)
    print(steps)


main()
