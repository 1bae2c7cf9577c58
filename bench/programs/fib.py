# fib: naive doubly recursive Fibonacci; measures function calls, integer
# comparison and addition.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 35
    print(fib(n))


main()
