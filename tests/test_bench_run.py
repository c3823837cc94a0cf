"""tools/bench/run.py: the order of the workers' turns, the paired ratio and the target lines (no
workers are started; the timings themselves come from `make bench`); tools/bench/workloads.py:
numpy with examples as columns (the notes' layout) computes what numpy with examples as rows
does, and its gradients are the loss's (tests/bench_layouts.py, run with the benchmark's numpy)."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from tools.bench.run import paired_ratio, targets, turn_order

ROOT = Path(__file__).resolve().parent.parent


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
        dict(workload="W3", implementation="java", reference="numpy", ratio_to_reference=0.95,
             ratio_of_medians=1.04, ratio_to_numpy_rows=0.95, ratio_to_dl4j=None),
        dict(workload="W3", implementation="numpy", reference="numpy", ratio_to_reference=1.0,
             ratio_of_medians=1.0, ratio_to_numpy_rows=1.0, ratio_to_dl4j=None),
        dict(workload="P2", implementation="java", reference="numpy", ratio_to_reference=1.12,
             ratio_of_medians=1.05, ratio_to_numpy_rows=1.12, ratio_to_dl4j=None),
    ]
    assert targets(rows).splitlines() == [
        "- W3 java: 0.95 × numpy (target ≤ 1.00): met (ratio of the medians 1.04)",
        "- P2 java: 1.12 × numpy (target ≤ 1.10): MISS (ratio of the medians 1.05)",
        "1 of 2 targets met; MISS: P2 java vs numpy",
    ]


def row(workload, implementation, ratio, medians, rows_ratio, dl4j):
    return dict(workload=workload, implementation=implementation, reference="numpy-columns",
                ratio_to_reference=ratio, ratio_of_medians=medians,
                ratio_to_numpy_rows=rows_ratio, ratio_to_dl4j=dl4j)


def test_both_w1_paths_are_held_to_the_lecture_layout_and_to_deeplearning4j():
    rows = [
        row("W1", "java", 0.92, 0.95, 0.90, 0.04),
        row("W1", "java-LogisticRegression", 2.03, 2.10, 2.3, 0.1),
        row("W1", "numpy-columns", 1.0, 1.0, 1.1, 0.05),
        row("W1", "dl4j", 21.0, 20.0, 23.0, 1.0),
        row("W2", "java", 1.40, 1.38, 0.87, 1.2),
    ]
    assert targets(rows).splitlines() == [
        "- W1 java: 0.92 × numpy-columns (target ≤ 1.00): met "
        "(ratio of the medians 0.95; numpy rows 0.90)",
        "- W1 java: 0.04 × dl4j (target < 1.00): met",
        "- W1 java-LogisticRegression: 2.03 × numpy-columns (target ≤ 1.00): MISS "
        "(ratio of the medians 2.10; numpy rows 2.30)",
        "- W1 java-LogisticRegression: 0.10 × dl4j (target < 1.00): met",
        "- W2 java: 1.40 × numpy-columns (target ≤ 1.00): MISS "
        "(ratio of the medians 1.38; numpy rows 0.87)",
        "- W2 java: 1.20 × dl4j (target < 1.00): MISS",
        "3 of 6 targets met; MISS: W1 java-LogisticRegression vs numpy-columns, "
        "W2 java vs numpy-columns, W2 java vs dl4j",
    ]
    # at exactly the bound the target is met; a tie with Deeplearning4j is not faster
    rows = [row("W3", "java", 1.0, 1.0, 1.0, 1.0)]
    assert targets(rows).splitlines()[0].endswith("(target ≤ 1.00): met "
                                                  "(ratio of the medians 1.00; numpy rows 1.00)")
    assert targets(rows).splitlines()[1] == "- W3 java: 1.00 × dl4j (target < 1.00): MISS"
    assert targets([]) == ""


def test_both_library_workers_sit_next_to_the_lecture_layout_reference():
    workers = [Named(n) for n in ("java", "java-LogisticRegression", "java-plain", "numpy",
                                  "numpy-columns", "dl4j")]
    orders = [names(turn_order(workers, rep, "numpy-columns")) for rep in range(3)]
    assert orders == [
        ["java", "numpy-columns", "java-LogisticRegression", "java-plain", "numpy", "dl4j"],
        ["java-LogisticRegression", "numpy-columns", "java", "numpy", "dl4j", "java-plain"],
        ["java", "numpy-columns", "java-LogisticRegression", "dl4j", "java-plain", "numpy"],
    ]
    # W2 and W3: java alone beside the reference, who goes first alternating
    w2 = [Named(n) for n in ("java", "numpy", "numpy-columns", "dl4j")]
    assert [names(turn_order(w2, rep, "numpy-columns"))[:2] for rep in range(2)] == [
        ["java", "numpy-columns"], ["numpy-columns", "java"]]


@pytest.fixture(scope="module")
def layouts():
    """The numbers of tests/bench_layouts.py, computed with the benchmark's pinned numpy
    (tools/bench/setup-python.sh makes build/bench/venv if it is missing or out of date)."""
    subprocess.run(["bash", "tools/bench/setup-python.sh"], cwd=ROOT, check=True,
                   env={**os.environ, "BENCH_TORCH": "0"})
    python = ROOT / "build" / "bench" / "venv" / "bin" / "python"
    out = subprocess.run([str(python), str(ROOT / "tests" / "bench_layouts.py")], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("run", ["full_batch", "batches"])
def test_numpy_with_examples_as_columns_trains_as_numpy_with_examples_as_rows(layouts, run):
    # note 003's Z = W·A + b, ∂L/∂W = (1/M)·dZ·Aᵀ against Z = A·W + b, ∂L/∂W = Aᵀ·dZ/M: the same
    # numbers transposed, to rounding, after weights that moved by 20-30 %
    got = layouts[run]
    assert got["moved"] > 0.1
    assert got["W"] <= 1e-13
    assert got["b"] <= 1e-13
    assert got["loss"] <= 1e-13


def test_the_columns_layout_step_follows_the_gradient_of_the_loss(layouts):
    # (W − W′)/α after one step against central differences (h = 1e-6) of the loss written out
    assert layouts["gradient"] <= 1e-6


def test_note_001_cost_function_is_the_log_loss_and_its_gradient(layouts):
    got = layouts["logistic"]
    assert got["J_vs_stable"] <= 1e-14
    assert got["dw_vs_central_differences"] <= 1e-6
    assert got["db_vs_central_differences"] <= 1e-6
    # at w = 0, b = 0 every a is ½: J = ln 2
    assert got["J_at_zero_minus_ln2"] <= 1e-15
    # 250 iterations, J kept at i = 0, 100, 200 (as notebook 01 records it), falling
    assert got["costs_kept"] == 3
    assert got["first_cost_minus_ln2"] <= 1e-15
    assert got["costs_fall"]
    assert got["w_rows_vs_columns"] <= 1e-13
    assert got["b_rows_vs_columns"] <= 1e-13
    assert got["loss_rows_vs_columns"] <= 1e-13
