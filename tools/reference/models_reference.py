"""Reference values for org.neuralnotes.models.LogisticRegression, computed with numpy.

An independent implementation of note 001's logistic regression, written in the note's own
layout (examples in columns: x is m x n, y is 1 x n, w is m x 1), following its listing
(cost_function, grad_descent, predict) line by line, with one switch for the listing's slip
(dw and db divided by the number of features m instead of the number of examples n).

The data set is drawn here from a seeded numpy generator and written out with the results,
rows as examples (the library's layout), so the Java test reads the very same numbers.

Run (from the repository root):
    python3 -m venv /tmp/refvenv && /tmp/refvenv/bin/pip install -r tools/reference/requirements.txt
    /tmp/refvenv/bin/python tools/reference/models_reference.py
Writes src/test/resources/org/neuralnotes/models/logistic_regression_reference.json.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "src", "test", "resources", "org", "neuralnotes", "models",
                   "logistic_regression_reference.json")


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def cost_function(x, y, w, b, slip=False):
    """J, dw, db at (w, b); x is m x n (features x examples), y is 1 x n."""
    m, n = x.shape
    z = w.T @ x + b
    a = sigmoid(z).reshape(1, n)
    dz = a - y
    # J = -(1/n) (log(a) y^T + log(1 - a) (1 - y)^T)
    J = float(((-1 / n) * (np.log(a) @ y.T + np.log(1 - a) @ (1 - y).T))[0, 0])
    divisor = m if slip else n
    dw = (x @ dz.T) / divisor
    db = float(np.sum(dz) / divisor)
    return J, dw, db


def grad_descent(x, y, w, b, alpha, num_iters, record_every, slip):
    costs = []
    recorded_at = []
    w = w.copy()
    for i in range(num_iters):
        J, dw, db = cost_function(x, y, w, b, slip)
        w = w - alpha * dw
        b = b - alpha * db
        if i % record_every == 0:
            recorded_at.append(i)
            costs.append(J)
    return recorded_at, costs, w, b, dw, db


def case(name, x, y, alpha, num_iters, record_every, slip):
    m, n = x.shape
    w0 = np.zeros((m, 1))
    b0 = 0.0
    recorded_at, costs, w, b, dw, db = grad_descent(x, y, w0, b0, alpha, num_iters, record_every, slip)
    final_cost, _, _ = cost_function(x, y, w, b)
    a = sigmoid(w.T @ x + b)
    predictions = (~(a < 0.5)).astype(int)
    return {
        "name": name,
        "learning_rate": alpha,
        "iterations": num_iters,
        "record_every": record_every,
        "gradient_scale": "FEATURES_SLIP" if slip else "EXAMPLES",
        "recorded_at": recorded_at,
        "costs": costs,
        "w": w[:, 0].tolist(),
        "b": float(b),
        "dw": dw[:, 0].tolist(),
        "db": db,
        "final_cost": final_cost,
        "probabilities": a[0, :].tolist(),
        "predictions": predictions[0, :].tolist(),
    }


def main():
    rng = np.random.default_rng(20240601)
    n, p = 12, 3
    X = rng.normal(0.0, 1.0, size=(n, p))          # rows are examples (the library's layout)
    X[:, 2] = X[:, 2] * 3.0 + 1.0                  # one feature on another scale
    w_true = np.array([1.5, -2.0, 0.4])
    b_true = -0.3
    y = (rng.uniform(size=n) < sigmoid(X @ w_true + b_true)).astype(float)
    assert 0 < y.sum() < n, "both labels must occur"

    x = X.T                                        # the note's layout: m x n
    yy = y.reshape(1, n)

    # the cost and gradient at one non-zero point
    w_point = np.array([[0.25], [-0.5], [0.125]])
    b_point = 0.75
    J, dw, db = cost_function(x, yy, w_point, b_point)
    J_slip, dw_slip, db_slip = cost_function(x, yy, w_point, b_point, slip=True)

    out = {
        "source": "tools/reference/models_reference.py (numpy " + np.__version__ + ")",
        "layout": "X has one row per example (n x p); y has one label per example",
        "X": X.tolist(),
        "y": y.tolist(),
        "point": {
            "w": w_point[:, 0].tolist(), "b": b_point,
            "J": J, "dw": dw[:, 0].tolist(), "db": db,
            "dw_slip": dw_slip[:, 0].tolist(), "db_slip": db_slip,
        },
        "cases": [
            case("few_iterations", x, yy, 0.1, 5, 1, False),
            case("note_recording", x, yy, 0.5, 250, 100, False),
            case("features_slip", x, yy, 0.1, 5, 1, True),
        ],
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
