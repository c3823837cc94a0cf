"""Measurements behind tests/test_bench_run.py's checks of the benchmark's numpy workloads
(tools/bench/workloads.py), run with the benchmark's own numpy (build/bench/venv, which
tools/bench/setup-python.sh makes): prints one JSON object of numbers; the test asserts on them.

Tiny problems, drawn by the suite's own SplitMix64 data functions:
- the lecture layout (examples as columns) against the rows layout, step for step;
- the columns layout's gradient, read off one step (∂L/∂W = (W − W′)/α), against central
  differences of the loss written out;
- note 001's cost_function against the stable log-loss, its gradient against central
  differences, J at w = 0, b = 0 against ln 2, and the costs kept every 100 iterations.
"""
import json
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools", "bench"))

import workloads  # noqa: E402


def trained(kind, spec):
    w = kind(spec)
    w.setup()
    w.reset()
    w.run()
    return w


def relative(a, b):
    return float(np.max(np.abs(a - b)) / np.max(np.abs(b)))


def layouts(spec):
    """Max relative difference of W, b and the final loss between the two layouts."""
    rows, cols = trained(workloads.NumpyMlp, spec), trained(workloads.NumpyColumnsMlp, spec)
    return {
        "W": max(relative(Wc.T, Wr) for Wc, Wr in zip(cols.W, rows.W)),
        "b": max(relative(bc.ravel(), br) for bc, br in zip(cols.b, rows.b)),
        "loss": abs(cols.result() - rows.result()) / rows.result(),
        "moved": min(relative(Wr, W0) for Wr, W0 in zip(rows.W, rows.W0)),
    }


def columns_loss(net, X, labels):
    """Mean cross-entropy of the columns network on X (p×N), written out with log-sum-exp."""
    Z = net.forward(X)[-1]
    lse = Z.max(axis=0) + np.log(np.exp(Z - Z.max(axis=0)).sum(axis=0))
    return float(np.mean(lse - Z[labels, np.arange(Z.shape[1])]))


def mlp_gradient():
    """Largest relative error of (W − W′)/α after one full-batch step against central
    differences, over every entry of W1 and W2."""
    spec = dict(kind="mlp", seed=11, sizes=[6, 5, 4], examples=9, batch=9, iterations=1, rate=1.0)
    net = workloads.NumpyColumnsMlp(spec)
    net.setup()
    net.reset()
    X, _ = net.batches[0]
    W0 = [W.copy() for W in net.W]
    net.run()
    worst, h = 0.0, 1e-6
    for l, W in enumerate(W0):
        step = (W - net.W[l]) / spec["rate"]
        for index in np.ndindex(*W.shape):
            probe = workloads.NumpyColumnsMlp(spec)
            probe.setup()
            probe.reset()
            probe.W[l][index] += h
            up = columns_loss(probe, X, probe.labels)
            probe.W[l][index] -= 2 * h
            down = columns_loss(probe, X, probe.labels)
            fd = (up - down) / (2 * h)
            worst = max(worst, abs(fd - step[index]) / max(abs(fd), abs(step[index]), 1e-8))
    return worst


def logistic():
    spec = dict(kind="logistic", seed=5, n=40, m=3, iterations=250, rate=0.5)
    rows, cols = trained(workloads.NumpyLogistic, spec), trained(workloads.NumpyColumnsLogistic, spec)
    x, y = cols.x, cols.y_row
    rng = np.random.default_rng(0)
    w, b = rng.normal(0, 0.5, (spec["m"], 1)), 0.3
    J, dw, db = workloads.cost_function(x, y, w, b)
    z = (w.T @ x + b).ravel()
    stable = float(np.mean(np.maximum(z, 0) - y.ravel() * z + np.log1p(np.exp(-np.abs(z)))))
    h, worst = 1e-6, 0.0
    for j in range(spec["m"]):
        e = np.zeros_like(w)
        e[j] = h
        fd = (workloads.cost_function(x, y, w + e, b)[0] - workloads.cost_function(x, y, w - e, b)[0]) / (2 * h)
        worst = max(worst, abs(fd - dw[j, 0]) / abs(fd))
    fd_b = (workloads.cost_function(x, y, w, b + h)[0] - workloads.cost_function(x, y, w, b - h)[0]) / (2 * h)
    return {
        "J_vs_stable": abs(J - stable) / stable,
        "dw_vs_central_differences": worst,
        "db_vs_central_differences": abs(fd_b - db) / abs(fd_b),
        "J_at_zero_minus_ln2": abs(workloads.cost_function(x, y, np.zeros_like(w), 0.0)[0] - math.log(2)),
        "costs_kept": len(cols.costs),
        "first_cost_minus_ln2": abs(cols.costs[0] - math.log(2)),
        "costs_fall": all(a > b for a, b in zip(cols.costs, cols.costs[1:])),
        "w_rows_vs_columns": relative(cols.w.ravel(), rows.w),
        "b_rows_vs_columns": abs(cols.b - rows.b) / abs(rows.b),
        "loss_rows_vs_columns": abs(cols.result() - rows.result()) / rows.result(),
    }


if __name__ == "__main__":
    print(json.dumps({
        "full_batch": layouts(dict(kind="mlp", seed=7, sizes=[6, 5, 4], examples=9, batch=9,
                                   iterations=3, rate=0.5)),
        # W3's shape of run: batches in order, the last one partial (10 = 4 + 4 + 2)
        "batches": layouts(dict(kind="mlp", seed=8, sizes=[6, 5, 3, 4], examples=10, batch=4,
                                iterations=2, rate=0.5)),
        "gradient": mlp_gradient(),
        "logistic": logistic(),
    }))
