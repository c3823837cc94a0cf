"""tools/bench/run.py: the order of the workers' turns and the paired ratio to numpy (no workers
are started; the timings themselves come from `make bench`)."""

import pytest

from tools.bench.run import paired_ratio, targets, turn_order


class Named:
    def __init__(self, name):
        self.name = name


def names(order):
    return [w.name for w in order]


def test_java_and_numpy_go_back_to_back_first_in_turn_and_the_rest_rotate():
    workers = [Named(n) for n in ("java", "java-plain", "numpy", "torch")]
    orders = [names(turn_order(workers, rep)) for rep in range(4)]
    assert orders == [
        ["java", "numpy", "java-plain", "torch"],
        ["numpy", "java", "torch", "java-plain"],
        ["java", "numpy", "java-plain", "torch"],
        ["numpy", "java", "torch", "java-plain"],
    ]
    # over an even number of repetitions each of the pair goes first equally often
    firsts = [names(turn_order(workers, rep))[0] for rep in range(12)]
    assert firsts.count("java") == firsts.count("numpy") == 6


def test_every_worker_takes_exactly_one_turn_per_repetition():
    workers = [Named(n) for n in ("java", "fast", "java-plain", "numpy", "torch")]
    for rep in range(10):
        assert sorted(names(turn_order(workers, rep))) == sorted(names(workers))
    alone = [Named("java"), Named("numpy")]
    assert names(turn_order(alone, 1)) == ["numpy", "java"]


def test_the_paired_ratio_is_the_median_of_the_per_repetition_ratios():
    # a slow spell in repetitions 2 and 4 slows both sides of the pair: the paired ratio stays
    # at the steady 1.0 while the ratio of the medians is moved by where the spell fell
    java = [20.0, 30.0, 20.0, 36.0, 20.0]
    numpy = [20.0, 30.0, 20.0, 36.0, 20.0]
    assert paired_ratio(java, numpy) == 1.0
    java = [19.0, 29.0, 28.0, 36.0, 19.5]
    numpy = [20.0, 30.0, 20.0, 40.0, 19.5]
    # ratios 0.95, 0.9667, 1.4, 0.9, 1.0 -> median 0.9667
    assert paired_ratio(java, numpy) == pytest.approx(29.0 / 30.0, rel=1e-15)
    assert paired_ratio([1.0, 3.0], [1.0, 1.0]) == 2.0  # even count: mean of the middle two


def test_the_paired_ratio_refuses_lists_of_different_lengths():
    with pytest.raises(ValueError, match="found 2 and 3 repetitions"):
        paired_ratio([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="found 0 and 0"):
        paired_ratio([], [])


def test_the_target_verdict_uses_the_paired_ratio_and_shows_the_ratio_of_medians():
    rows = [
        dict(workload="W3", implementation="java", ratio_to_numpy=0.95, ratio_of_medians=1.04),
        dict(workload="W3", implementation="numpy", ratio_to_numpy=1.0, ratio_of_medians=1.0),
        dict(workload="P2", implementation="java", ratio_to_numpy=1.12, ratio_of_medians=1.05),
    ]
    assert targets(rows).splitlines() == [
        "- W3: java/numpy 0.95 (target ≤ 1.00): met (ratio of the medians 1.04)",
        "- P2: java/numpy 1.12 (target ≤ 1.10): NOT met (ratio of the medians 1.05)",
    ]
