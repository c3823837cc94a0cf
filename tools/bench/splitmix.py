"""SplitMix64 exactly as org.neuralnotes.random.Rng computes it, so the benchmark data made in
Python is bit for bit the data made in Java (tools/bench/run.py checks a hash of both).

The n-th output of SplitMix64 depends only on seed + n·γ (mod 2⁶⁴), so a block of draws is
computed at once with numpy's uint64 arithmetic, which wraps modulo 2⁶⁴ like Java's long.
`SplitMix64.next_long` is the same generator one draw at a time in plain Python integers,
kept as the readable reference; `python3 splitmix.py` checks that the two agree.
"""
import sys

import numpy as np

GAMMA = 0x9E3779B97F4A7C15
MIX1 = 0xBF58476D1CE4E5B9
MIX2 = 0x94D049BB133111EB
MASK = (1 << 64) - 1
CHUNK = 1 << 20


class SplitMix64:
    def __init__(self, seed):
        # Java's long seed, as its unsigned 64-bit pattern
        self.state = seed & MASK

    def next_long(self):
        """The next 64 bits as an unsigned Python int (one draw, plain integers)."""
        self.state = (self.state + GAMMA) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * MIX1) & MASK
        z = ((z ^ (z >> 27)) * MIX2) & MASK
        return z ^ (z >> 31)

    def longs(self, count):
        """The next `count` outputs as a uint64 array (vectorized, same values)."""
        out = np.empty(count, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for start in range(0, count, CHUNK):
                size = min(CHUNK, count - start)
                steps = np.arange(start + 1, start + size + 1, dtype=np.uint64)
                z = np.uint64(self.state) + steps * np.uint64(GAMMA)
                z = (z ^ (z >> np.uint64(30))) * np.uint64(MIX1)
                z = (z ^ (z >> np.uint64(27))) * np.uint64(MIX2)
                out[start:start + size] = z ^ (z >> np.uint64(31))
        self.state = (self.state + count * GAMMA) & MASK
        return out

    def doubles(self, count):
        """Uniform on [0, 1): the top 53 bits times 2⁻⁵³ (exact, as Rng.nextDouble)."""
        return (self.longs(count) >> np.uint64(11)).astype(np.float64) * (2.0 ** -53)

    def uniform(self, lo, hi, count):
        """lo + (hi − lo)·u, the same two roundings as Rng.uniform."""
        return lo + (hi - lo) * self.doubles(count)

    def ints(self, bound, count):
        """Uniform on {0, …, bound − 1}: (bits >>> 1) mod bound, as Rng.nextInt."""
        return ((self.longs(count) >> np.uint64(1)) % np.uint64(bound)).astype(np.int64)


def data_hash(arrays):
    """h = Σᵢ bits(xᵢ)·(2i + 1) mod 2⁶⁴ over the arrays taken as one sequence (as Data.hash)."""
    h = np.uint64(0)
    start = 0
    with np.errstate(over="ignore"):
        for a in arrays:
            bits = np.ascontiguousarray(a, dtype=np.float64).reshape(-1).view(np.uint64)
            for s in range(0, bits.size, CHUNK):
                part = bits[s:s + CHUNK]
                odd = np.arange(start + s, start + s + part.size, dtype=np.uint64) \
                    * np.uint64(2) + np.uint64(1)
                h = h + (part * odd).sum(dtype=np.uint64)
            start += bits.size
    return format(int(h), "x")


def _check():
    for seed in (0, 1, -7, 2 ** 63 - 1):
        scalar = SplitMix64(seed)
        expected = [scalar.next_long() for _ in range(3000)]
        block = SplitMix64(seed)
        got = list(map(int, block.longs(1000))) + list(map(int, block.longs(2000)))
        assert got == expected, f"seed {seed}: vectorized draws differ from the scalar ones"
        assert block.state == scalar.state
    # first output for seed 0, the published SplitMix64 test value
    assert SplitMix64(0).next_long() == 0xE220A8397B1DCDAF
    print("splitmix: vectorized and scalar SplitMix64 agree")


if __name__ == "__main__":
    _check()
    sys.exit(0)
