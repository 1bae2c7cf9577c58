# oop: classes (including two levels of inheritance and an __add__ operator),
# method calls, and objects made of closures.
import sys
from types import SimpleNamespace


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    __add__ = add


class Shape:
    def __init__(self, name):
        self.name = name
        self.moves = 0

    def area(self):
        return 0

    def move(self):
        self.moves += 1
        return self.moves

    def weight(self):
        return self.area() * 2 + len(self.name)


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"

    def perimeter(self):
        return 4 * self.w


def account(balance):
    """An object made of closures sharing the variables balance and ops."""
    ops = 0

    def deposit(v):
        nonlocal balance, ops
        balance += v
        ops += 1

    def withdraw(v):
        nonlocal balance, ops
        if v <= balance:
            balance -= v
            ops += 1
            return True
        return False

    def get_balance():
        return balance

    def get_ops():
        return ops

    return SimpleNamespace(
        deposit=deposit, withdraw=withdraw, balance=get_balance, ops=get_ops
    )


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000

    # vectors: method calls and __add__
    acc = Vec(0, 0)
    d = Vec(1, 2)
    dots = 0
    for i in range(1, n + 1):
        v = Vec(i % 10, i % 7)
        acc = acc + v.scale(2)
        dots = (dots + v.dot(d)) % 1000003
        if i % 3 == 0:
            acc = acc.add(d)

    # shapes: inherited methods
    shapes = []
    for i in range(1, 101):
        if i % 3 == 0:
            shapes.append(Square(i % 9 + 1))
        elif i % 3 == 1:
            shapes.append(Rect(i % 5 + 1, i % 4 + 1))
        else:
            shapes.append(Shape("blob"))
    total = perims = 0
    for r in range(n // 100):
        for s in shapes:
            total += s.weight() + s.move() % 3
            if isinstance(s, Square):
                perims += s.perimeter()

    # accounts: calls through closures
    accounts = [account(i * 10) for i in range(1, 51)]
    refused = 0
    for i in range(1, n + 1):
        a = accounts[i % 50]
        a.deposit(i % 17)
        if not a.withdraw(i % 29):
            refused += 1
    balances = ops = 0
    for a in accounts:
        balances += a.balance()
        ops += a.ops()

    print(acc.x, acc.y, dots, sep="\t")
    print(total, perims, sep="\t")
    print(refused, balances, ops, sep="\t")


main()
