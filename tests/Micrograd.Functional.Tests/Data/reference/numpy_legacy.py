#!/usr/bin/env python3
"""An independent, stdlib-only reference for numpy's legacy RandomState and sklearn's
make_moons / make_circles / make_blobs, used to produce the expected numbers in
NumpyRandomStateTests.cs and DatasetsTests.cs.

numpy is not installed on the machine these tests were written on, so this script
re-creates numpy's legacy generator from its C source and lets CPython's own C code
do the Mersenne Twister work:

* np.random.seed(s) is MT19937 seeded with init_genrand(s) (numpy's mt19937_seed);
  we compute that 624-word key here and hand it to CPython with
  random.setstate((3, key + (624,), None)), so CPython's _randommodule.c performs the
  twist and the tempering, and random.getrandbits(32) is numpy's next32.
* random_sample: mt19937_next_double, (a * 67108864.0 + b) / 9007199254740992.0 with
  a = next32 >> 5 and b = next32 >> 6.
* shuffle: mtrand.pyx's RandomState.shuffle, Fisher-Yates from i = n - 1 down to 1 with
  j = random_interval(i) (distributions.c: smallest all-ones mask >= i, draw next32 & mask
  until <= i).
* normal: legacy-distributions.c legacy_normal = loc + scale * legacy_gauss, the polar
  method with the has_gauss cache.
* uniform: random_uniform = low + (high - low) * next_double.
* linspace: numpy's function_base.linspace, i * step with step = delta / div, the last
  point set to stop when endpoint=True.
* the dataset generators follow sklearn/datasets/_samples_generator.py and
  sklearn.utils.shuffle (indices = arange(n); random_state.shuffle(indices); X[indices]).

Run: python3 numpy_legacy.py  (prints the values the C# tests hard-code).
"""
import hashlib
import math
import random
import struct


class LegacyRandomState:
    def __init__(self, seed):
        key = [seed & 0xFFFFFFFF]
        for i in range(1, 624):
            prev = key[-1]
            key.append((1812433253 * (prev ^ (prev >> 30)) + i) & 0xFFFFFFFF)
        self._mt = random.Random()
        self._mt.setstate((3, tuple(key) + (624,), None))
        self._has_gauss = False
        self._gauss = 0.0

    def next32(self):
        return self._mt.getrandbits(32)

    def random_sample(self):
        a = self.next32() >> 5
        b = self.next32() >> 6
        return (a * 67108864.0 + b) / 9007199254740992.0

    def _interval(self, mx):
        if mx == 0:
            return 0
        mask = mx
        for shift in (1, 2, 4, 8, 16, 32):
            mask |= mask >> shift
        while True:
            value = self.next32() & mask
            if value <= mx:
                return value

    def shuffle(self, x):
        for i in range(len(x) - 1, 0, -1):
            j = self._interval(i)
            x[i], x[j] = x[j], x[i]

    def permutation(self, n):
        arr = list(range(n))
        self.shuffle(arr)
        return arr

    def gauss(self):
        if self._has_gauss:
            self._has_gauss = False
            g, self._gauss = self._gauss, 0.0
            return g
        while True:
            x1 = 2.0 * self.random_sample() - 1.0
            x2 = 2.0 * self.random_sample() - 1.0
            r2 = x1 * x1 + x2 * x2
            if not (r2 >= 1.0 or r2 == 0.0):
                break
        f = math.sqrt(-2.0 * math.log(r2) / r2)
        self._gauss = f * x1
        self._has_gauss = True
        return f * x2

    def normal(self, loc=0.0, scale=1.0):
        return loc + scale * self.gauss()

    def uniform(self, low, high):
        return low + (high - low) * self.random_sample()


def linspace(start, stop, num, endpoint=True):
    div = (num - 1) if endpoint else num
    if div > 0:
        step = (stop - start) / div
        y = [i * step + start for i in range(num)]
    else:
        y = [i * (stop - start) + start for i in range(num)]
    if endpoint and num > 1:
        y[-1] = stop
    return y


def shuffled_with_noise(rows, labels, rng, noise):
    indices = list(range(len(rows)))
    rng.shuffle(indices)
    rows = [list(rows[i]) for i in indices]
    labels = [labels[i] for i in indices]
    if noise is not None:
        for row in rows:
            for k in range(len(row)):
                row[k] += rng.normal(0.0, noise)
    return rows, labels


def make_moons(n, noise, seed):
    rng = LegacyRandomState(seed)
    n_out, n_in = n // 2, n - n // 2
    t_out, t_in = linspace(0, math.pi, n_out), linspace(0, math.pi, n_in)
    rows = [(math.cos(t), math.sin(t)) for t in t_out]
    rows += [(1 - math.cos(t), 1 - math.sin(t) - 0.5) for t in t_in]
    return shuffled_with_noise(rows, [0] * n_out + [1] * n_in, rng, noise)


def make_circles(n, noise, factor, seed):
    rng = LegacyRandomState(seed)
    n_out, n_in = n // 2, n - n // 2
    t_out = linspace(0, 2 * math.pi, n_out, endpoint=False)
    t_in = linspace(0, 2 * math.pi, n_in, endpoint=False)
    rows = [(math.cos(t), math.sin(t)) for t in t_out]
    rows += [(math.cos(t) * factor, math.sin(t) * factor) for t in t_in]
    return shuffled_with_noise(rows, [0] * n_out + [1] * n_in, rng, noise)


def make_blobs(n_samples, centers, cluster_std, seed):
    """make_blobs(n_samples, n_features=2, centers=centers, cluster_std=cluster_std), where n_samples is
    a total (split evenly, the remainder to the first clusters) or a list of per-cluster counts."""
    rng = LegacyRandomState(seed)
    points = [[rng.uniform(-10.0, 10.0) for _ in range(2)] for _ in range(centers)]
    if isinstance(n_samples, list):
        per_center = n_samples
    else:
        per_center = [n_samples // centers + (1 if i < n_samples % centers else 0) for i in range(centers)]
    rows, labels = [], []
    for i, count in enumerate(per_center):
        for _ in range(count):
            rows.append([rng.normal(points[i][k], cluster_std) for k in range(2)])
            labels.append(i)
    rows, labels = shuffled_with_noise(rows, labels, rng, None)
    return rows, labels, points


def fingerprint(rows, labels):
    """SHA-256 of every feature as a little-endian IEEE double, row by row, then every label
    as a little-endian int32; DatasetsTests computes the same over the C# dataset."""
    h = hashlib.sha256()
    for row in rows:
        for v in row:
            h.update(struct.pack("<d", v))
    for y in labels:
        h.update(struct.pack("<i", y))
    return h.hexdigest()


def show(title, rows, labels, first=5):
    print(title)
    for row, y in list(zip(rows, labels))[:first]:
        print("   ", [repr(v) for v in row], y)
    print("    labels[:20]", labels[:20])
    print("    class counts", labels.count(0), labels.count(1))
    print("    sha256", fingerprint(rows, labels))


if __name__ == "__main__":
    rs = LegacyRandomState(1337)
    print("seed 1337 next32 x5", [rs.next32() for _ in range(5)])
    rs = LegacyRandomState(5489)
    print("seed 5489 next32 x1", rs.next32())
    rs = LegacyRandomState(1337)
    print("seed 1337 random_sample x5", [repr(rs.random_sample()) for _ in range(5)])
    rs = LegacyRandomState(0)
    print("seed 0 random_sample x3", [repr(rs.random_sample()) for _ in range(3)])
    rs = LegacyRandomState(1)
    print("seed 1 random_sample x3", [repr(rs.random_sample()) for _ in range(3)])
    rs = LegacyRandomState(0)
    print("seed 0 standard normal x6", [repr(rs.normal()) for _ in range(6)])
    rs = LegacyRandomState(1337)
    print("seed 1337 standard normal x5", [repr(rs.normal()) for _ in range(5)])
    rs = LegacyRandomState(1337)
    print("seed 1337 normal(3, 2) x3", [repr(rs.normal(3.0, 2.0)) for _ in range(3)])
    rs = LegacyRandomState(1337)
    print("seed 1337 permutation(10)", rs.permutation(10))
    print("seed 1337 permutation(100)[:20]", LegacyRandomState(1337).permutation(100)[:20])
    rs = LegacyRandomState(42)
    print("seed 42 permutation(10) then random_sample", rs.permutation(10), repr(rs.random_sample()))
    print("linspace(0, pi, 50)[:3], [-1]", [repr(v) for v in linspace(0, math.pi, 50)[:3]], repr(linspace(0, math.pi, 50)[-1]))

    show("make_moons(100, noise=0.1), seed 1337", *make_moons(100, 0.1, 1337))
    show("make_moons(7, noise=0.2), seed 3", *make_moons(7, 0.2, 3), first=7)
    show("make_circles(100, noise=0.05, factor=0.5), seed 1337", *make_circles(100, 0.05, 0.5, 1337))
    # sklearn's make_blobs docstring prints y = [0, 0, 1, 0, 2, 2, 2, 1, 1, 0] for the first call and
    # [0, 1, 2, 0, 2, 2, 2, 1, 1, 0] for the second: an outside check of this script's order of draws.
    print("make_blobs(10, centers=3, random_state=0) y", make_blobs(10, 3, 1.0, 0)[1])
    print("make_blobs([3, 3, 4], centers=None, random_state=0) y", make_blobs([3, 3, 4], 3, 1.0, 0)[1])
    rows, labels, centers = make_blobs(101, 2, 1.0, 1337)
    print("make_blobs centers", [[repr(c) for c in center] for center in centers])
    show("make_blobs(101, centers=2, cluster_std=1.0), seed 1337", rows, labels)
