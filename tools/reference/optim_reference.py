#!/usr/bin/env python3
"""Reference values for the optimizers of org.neuralnotes.optim, computed with numpy.

Five steps of every optimizer (plain gradient descent, momentum, RMSProp, Adam), each with
its documented defaults and with other hyperparameters, on two parameter matrices (a 3x2
"W" and a 1x2 "b") and a fixed sequence of gradients. The update rules below are written
from the papers, independently of the Java code:

  gradient descent   θ ← θ − α g
  momentum           v ← β v + g;  θ ← θ − α v                      (Polyak 1964; Sutskever et al. 2013)
  RMSProp            s ← ρ s + (1 − ρ) g²;  θ ← θ − α g / (√s + ε)   (Tieleman & Hinton 2012)
  Adam               m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²;
                     θ ← θ − α m̂ / (√v̂ + ε),  m̂ = m / (1 − β1^t),  v̂ = v / (1 − β2^t)
                                                                      (Kingma & Ba 2015, Algorithm 1)

Run from the repository root (numpy pinned in tools/reference/requirements.txt):

    python tools/reference/optim_reference.py

It writes src/test/resources/org/neuralnotes/optim/optim_reference.json, read by
org.neuralnotes.optim.OptimizerReferenceTest.
"""
import json
import pathlib

import numpy as np

STEPS = 5
SEED = 20240607
OUT = pathlib.Path("src/test/resources/org/neuralnotes/optim/optim_reference.json")

# The defaults as the papers (and the Java Javadoc) state them; the Java side builds these
# cases with its no-default constructors, so a wrong default in Java fails the comparison.
ADAM_DEFAULTS = {"learningRate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}
MOMENTUM_DEFAULT_BETA = 0.9
RMSPROP_DEFAULTS = {"rho": 0.9, "epsilon": 1e-8}


def inputs():
    rng = np.random.default_rng(SEED)
    params = [rng.uniform(-1.0, 1.0, size=(3, 2)), rng.uniform(-1.0, 1.0, size=(1, 2))]
    # gradients of very different sizes from step to step, so that the running averages matter
    scales = [1.0, 0.1, 10.0, 1e-3, 1.0]
    grads = []
    for s in scales:
        g = [s * rng.standard_normal(size=(3, 2)), s * rng.standard_normal(size=(1, 2))]
        g[0][1, 0] = 0.0  # an entry whose gradient stays zero: every rule must leave it alone
        grads.append(g)
    # one entry that changes sign every step
    for k, g in enumerate(grads):
        g[1][0, 1] = (-1.0) ** k * 0.5
    return params, grads


def gradient_descent(lr):
    def run(params, grads):
        p = [x.copy() for x in params]
        out = []
        for g in grads:
            p = [pi - lr * gi for pi, gi in zip(p, g)]
            out.append([x.copy() for x in p])
        return out
    return run


def momentum(lr, beta):
    def run(params, grads):
        p = [x.copy() for x in params]
        v = [np.zeros_like(x) for x in params]
        out = []
        for g in grads:
            v = [beta * vi + gi for vi, gi in zip(v, g)]
            p = [pi - lr * vi for pi, vi in zip(p, v)]
            out.append([x.copy() for x in p])
        return out
    return run


def rmsprop(lr, rho, epsilon):
    def run(params, grads):
        p = [x.copy() for x in params]
        s = [np.zeros_like(x) for x in params]
        out = []
        for g in grads:
            s = [rho * si + (1.0 - rho) * (gi * gi) for si, gi in zip(s, g)]
            p = [pi - lr * gi / (np.sqrt(si) + epsilon) for pi, gi, si in zip(p, g, s)]
            out.append([x.copy() for x in p])
        return out
    return run


def adam(learningRate, beta1, beta2, epsilon):
    def run(params, grads):
        p = [x.copy() for x in params]
        m = [np.zeros_like(x) for x in params]
        v = [np.zeros_like(x) for x in params]
        out = []
        for t, g in enumerate(grads, start=1):
            m = [beta1 * mi + (1.0 - beta1) * gi for mi, gi in zip(m, g)]
            v = [beta2 * vi + (1.0 - beta2) * (gi * gi) for vi, gi in zip(v, g)]
            m_hat = [mi / (1.0 - beta1 ** t) for mi in m]
            v_hat = [vi / (1.0 - beta2 ** t) for vi in v]
            p = [pi - learningRate * mh / (np.sqrt(vh) + epsilon)
                 for pi, mh, vh in zip(p, m_hat, v_hat)]
            out.append([x.copy() for x in p])
        return out
    return run


def cases():
    """(name, optimizer, hyperparameters given to the Java constructor or None for its defaults, rule)"""
    return [
        ("gradient descent", "GradientDescent", {"learningRate": 0.1}, gradient_descent(0.1)),
        ("momentum, default beta", "Momentum", {"learningRate": 0.05},
         momentum(0.05, MOMENTUM_DEFAULT_BETA)),
        ("momentum", "Momentum", {"learningRate": 0.05, "beta": 0.5}, momentum(0.05, 0.5)),
        ("rmsprop, default rho and epsilon", "RMSProp", {"learningRate": 0.01},
         rmsprop(0.01, **RMSPROP_DEFAULTS)),
        ("rmsprop", "RMSProp", {"learningRate": 0.01, "rho": 0.99, "epsilon": 1e-6},
         rmsprop(0.01, 0.99, 1e-6)),
        ("adam, all defaults", "Adam", {}, adam(**ADAM_DEFAULTS)),
        ("adam, default betas and epsilon", "Adam", {"learningRate": 0.02},
         adam(0.02, ADAM_DEFAULTS["beta1"], ADAM_DEFAULTS["beta2"], ADAM_DEFAULTS["epsilon"])),
        ("adam", "Adam", {"learningRate": 0.02, "beta1": 0.8, "beta2": 0.99, "epsilon": 1e-7},
         adam(0.02, 0.8, 0.99, 1e-7)),
    ]


def matrix(a):
    return {"rows": a.shape[0], "cols": a.shape[1], "data": [float(x) for x in a.ravel(order="C")]}


def main():
    params, grads = inputs()
    result = {
        "generator": "tools/reference/optim_reference.py",
        "numpy": np.__version__,
        "steps": STEPS,
        "params": [matrix(x) for x in params],
        "grads": [[matrix(x) for x in g] for g in grads],
        "cases": [],
    }
    for name, optimizer, hyper, rule in cases():
        path = rule(params, grads)
        result["cases"].append({
            "name": name,
            "optimizer": optimizer,
            "hyperparameters": hyper,
            "expected": [[matrix(x) for x in step] for step in path],
        })
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(result['cases'])} cases, {STEPS} steps each)")


if __name__ == "__main__":
    main()
