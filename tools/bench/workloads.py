"""The benchmark workloads written straight from the formulas, in numpy and in PyTorch.

Each workload: `setup()` makes the data (same draws as the Java side, bench/java/…/Data.java)
and returns its hash; `reset()` restores the initial parameters; `run()` is the timed part;
`result()` is the final loss (or Σ C for a raw product), computed after the timing.
"""
import math

import numpy as np

from splitmix import SplitMix64, data_hash


# ----------------------------------------------------------------------------- data

def logistic_data(seed, n, m):
    """Per row: u (y = 1 if u < ½), then m draws x = U(−1, 1) ± 0.05 (+ when y = 1)."""
    rng = SplitMix64(seed)
    u = rng.doubles(n * (m + 1)).reshape(n, m + 1)
    y = np.where(u[:, 0] < 0.5, 1.0, 0.0)
    shift = np.where(y == 1.0, 0.05, -0.05)
    X = (-1.0 + 2.0 * u[:, 1:]) + shift[:, None]
    return X, y, data_hash([X, y])


def mlp_data(seed, sizes, examples):
    """X = U(0, 1) (N×p), N labels nextInt(K), then each W Xavier uniform U(−a, a)."""
    rng = SplitMix64(seed)
    p, K = sizes[0], sizes[-1]
    X = rng.doubles(examples * p).reshape(examples, p)
    labels = rng.ints(K, examples)
    Y = np.zeros((examples, K))
    Y[np.arange(examples), labels] = 1.0
    Ws = []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        a = math.sqrt(6.0 / (fan_in + fan_out))
        Ws.append(rng.uniform(-a, a, fan_in * fan_out).reshape(fan_in, fan_out))
    return X, labels, Y, Ws, data_hash([X, Y] + Ws)


def product_data(seed, m, k, n):
    rng = SplitMix64(seed)
    A = rng.doubles(m * k).reshape(m, k)
    B = rng.doubles(k * n).reshape(k, n)
    return A, B, data_hash([A, B])


def flops(spec):
    kind = spec["kind"]
    if kind == "logistic":
        return 4.0 * spec["n"] * spec["m"]
    if kind == "product":
        return 2.0 * spec["m"] * spec["k"] * spec["n"]
    sizes = spec["sizes"]
    per_example = sum(2.0 * a * b * (3 if l > 0 else 2)
                      for l, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])))
    return per_example * spec["examples"]


# ----------------------------------------------------------------------------- numpy

class NumpyLogistic:
    def __init__(self, spec):
        self.s = spec

    def setup(self):
        self.X, self.y, h = logistic_data(self.s["seed"], self.s["n"], self.s["m"])
        return h

    def reset(self):
        self.w = np.zeros(self.s["m"])
        self.b = 0.0

    def run(self):
        X, y, n, rate = self.X, self.y, self.s["n"], self.s["rate"]
        for _ in range(self.s["iterations"]):
            # z = X·w + b, a = σ(z), dz = a − y
            z = X @ self.w + self.b
            a = 1.0 / (1.0 + np.exp(-z))
            dz = a - y
            # dw = (1/n)·Xᵀ·dz, db = (1/n)·Σ dz
            dw = (X.T @ dz) / n
            db = dz.sum() / n
            self.w -= rate * dw
            self.b -= rate * db

    def result(self):
        z = self.X @ self.w + self.b
        return float(np.mean(np.maximum(z, 0.0) - self.y * z + np.log1p(np.exp(-np.abs(z)))))


class NumpyMlp:
    def __init__(self, spec):
        self.s = spec

    def setup(self):
        s = self.s
        X, self.labels, Y, self.W0, h = mlp_data(s["seed"], s["sizes"], s["examples"])
        B = s["batch"]
        self.batches = [(X[i:i + B], Y[i:i + B]) for i in range(0, s["examples"], B)]
        return h

    def reset(self):
        self.W = [W.copy() for W in self.W0]
        self.b = [np.zeros(W.shape[1]) for W in self.W0]

    def forward(self, X):
        A, As, L = X, [X], len(self.W)
        for l in range(L):
            # Z = A·W + b, A = max(Z, 0) below the output
            Z = A @ self.W[l] + self.b[l]
            A = np.maximum(Z, 0.0) if l < L - 1 else Z
            As.append(A)
        return As

    def step(self, X, Y):
        As = self.forward(X)
        L, rate = len(self.W), self.s["rate"]
        # A_L = softmax(Z_L), dZ_L = (A_L − Y)/B
        Z = As[-1]
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        dZ = (E / E.sum(axis=1, keepdims=True) - Y) / X.shape[0]
        dWs, dbs = [None] * L, [None] * L
        for l in range(L - 1, -1, -1):
            # dW = Aᵀ·dZ, db = Σ dZ
            dWs[l] = As[l].T @ dZ
            dbs[l] = dZ.sum(axis=0)
            if l > 0:
                # dZ_below = (dZ·Wᵀ) ⊙ [A_below > 0]
                dZ = (dZ @ self.W[l].T) * (As[l] > 0)
        for l in range(L):
            self.W[l] -= rate * dWs[l]
            self.b[l] -= rate * dbs[l]

    def run(self):
        for _ in range(self.s["iterations"]):
            for X, Y in self.batches:
                self.step(X, Y)

    def result(self):
        total, offset = 0.0, 0
        for X, _ in self.batches:
            Z = self.forward(X)[-1]
            mx = Z.max(axis=1)
            lse = mx + np.log(np.exp(Z - mx[:, None]).sum(axis=1))
            rows = np.arange(Z.shape[0])
            total += float((lse - Z[rows, self.labels[offset:offset + Z.shape[0]]]).sum())
            offset += Z.shape[0]
        return total / self.s["examples"]


class NumpyProduct:
    def __init__(self, spec):
        self.s = spec

    def setup(self):
        s = self.s
        self.A, self.B, h = product_data(s["seed"], s["m"], s["k"], s["n"])
        self.C = np.empty((s["m"], s["n"]))
        return h

    def reset(self):
        pass

    def run(self):
        for _ in range(self.s["iterations"]):
            # C = A·B
            np.matmul(self.A, self.B, out=self.C)

    def result(self):
        return float(self.C.sum())


# ----------------------------------------------------------------------------- numpy, columns

# The same workloads written as the notes write them, examples as COLUMNS: note 001's listing
# (x is m×n, z = wᵀ·x + b, J recorded every 100 iterations) and note 003 (X is p×N, W[l] is
# units×inputs, Z = W·A + b, ∂L/∂W = (1/N)·dZ·Aᵀ). The data and start are the rows workloads'
# own, transposed once before the timing (numbers unchanged: same values, other order).

class NumpyColumnsLogistic(NumpyLogistic):
    """Note 001's `grad_descent` over its `cost_function`: J, dw, db at every iteration, J kept
    every 100 iterations (as notebook 01 records it), the gradient divided by n."""

    def setup(self):
        h = super().setup()
        # x (m×n), y (1×n)
        self.x = np.ascontiguousarray(self.X.T)
        self.y_row = self.y.reshape(1, -1)
        return h

    def reset(self):
        self.w = np.zeros((self.s["m"], 1))
        self.b = 0.0
        self.costs = []

    def run(self):
        for i in range(self.s["iterations"]):
            J, dw, db = cost_function(self.x, self.y_row, self.w, self.b)
            self.update(i, J, dw, db)

    def update(self, i, J, dw, db):
        """w ← w − α·dw, b ← b − α·db, and J kept every 100 iterations."""
        rate = self.s["rate"]
        self.w = self.w - rate * dw
        self.b = self.b - rate * db
        if i % 100 == 0:
            self.costs.append(J)

    def result(self):
        z = (self.w.T @ self.x + self.b).ravel()
        return float(np.mean(np.maximum(z, 0.0) - self.y * z + np.log1p(np.exp(-np.abs(z)))))


def cost_function(x, y, w, b):
    """Note 001's cost_function: x (m×n), y (1×n), w (m×1); J and (1/n)-scaled dw, db."""
    m, n = x.shape
    # z = wᵀ·x + b, a = σ(z), dz = a − y
    z = w.T @ x + b
    a = 1 / (1 + np.exp(-z))
    dz = a - y
    # J = −(1/n)·(log a·yᵀ + log(1 − a)·(1 − y)ᵀ)
    J = float((-1 / n) * (np.log(a) @ y.T + np.log(1 - a) @ (1 - y).T)[0, 0])
    # dw = (1/n)·x·dzᵀ, db = (1/n)·Σ dz
    dw = (x @ dz.T) / n
    db = np.sum(dz) / n
    return J, dw, db


class NumpyColumnsMlp(NumpyMlp):
    """Note 003's network in its own layout: A[0] = X (p×N), Z[l] = W[l]·A[l−1] + b[l],
    A[l] = max(Z[l], 0) below the output, A[L] = softmax(Z[L]) by columns."""

    def setup(self):
        s = self.s
        X, self.labels, Y, W0, h = mlp_data(s["seed"], s["sizes"], s["examples"])
        # X (p×N), Y (K×N), W[l] (units×inputs): the same numbers, transposed once
        X, Y = np.ascontiguousarray(X.T), np.ascontiguousarray(Y.T)
        self.W0 = [np.ascontiguousarray(W.T) for W in W0]
        B = s["batch"]
        self.batches = [(X[:, i:i + B], Y[:, i:i + B]) for i in range(0, s["examples"], B)]
        return h

    def reset(self):
        self.W = [W.copy() for W in self.W0]
        self.b = [np.zeros((W.shape[0], 1)) for W in self.W0]

    def forward(self, X):
        A, As, L = X, [X], len(self.W)
        for l in range(L):
            # Z[l] = W[l]·A[l−1] + b[l], A[l] = max(Z[l], 0) below the output
            Z = self.W[l] @ A + self.b[l]
            A = np.maximum(Z, 0.0) if l < L - 1 else Z
            As.append(A)
        return As

    def step(self, X, Y):
        As = self.forward(X)
        dWs, dbs = self.backward(As, Y)
        self.update(dWs, dbs)

    def backward(self, As, Y):
        L, M = len(self.W), As[0].shape[1]
        # A[L] = softmax(Z[L]) down each column, dZ[L] = A[L] − Y
        Z = As[-1]
        E = np.exp(Z - Z.max(axis=0, keepdims=True))
        dZ = E / E.sum(axis=0, keepdims=True) - Y
        dWs, dbs = [None] * L, [None] * L
        for l in range(L - 1, -1, -1):
            # ∂L/∂W[l] = (1/M)·dZ[l]·A[l−1]ᵀ, ∂L/∂b[l] = (1/M)·Σ dZ[l] across the columns
            dWs[l] = (dZ @ As[l].T) / M
            dbs[l] = np.sum(dZ, axis=1, keepdims=True) / M
            if l > 0:
                # dZ[l−1] = W[l]ᵀ·dZ[l] ⊙ g′(Z[l−1]), g′ = [A[l−1] > 0] for ReLU
                dZ = (self.W[l].T @ dZ) * (As[l] > 0)
        return dWs, dbs

    def update(self, dWs, dbs):
        rate = self.s["rate"]
        for l in range(len(self.W)):
            # W[l] ← W[l] − α·∂L/∂W[l], b[l] ← b[l] − α·∂L/∂b[l]
            self.W[l] -= rate * dWs[l]
            self.b[l] -= rate * dbs[l]

    def result(self):
        total, offset = 0.0, 0
        for X, _ in self.batches:
            Z = self.forward(X)[-1]
            mx = Z.max(axis=0)
            lse = mx + np.log(np.exp(Z - mx).sum(axis=0))
            cols = np.arange(Z.shape[1])
            total += float((lse - Z[self.labels[offset:offset + Z.shape[1]], cols]).sum())
            offset += Z.shape[1]
        return total / self.s["examples"]


# ----------------------------------------------------------------------------- torch

def torch_workloads(torch):
    """The same three workloads on float64 torch tensors (torch imported by the caller)."""

    class TorchLogistic(NumpyLogistic):
        def setup(self):
            X, y, h = logistic_data(self.s["seed"], self.s["n"], self.s["m"])
            self.X, self.y = torch.from_numpy(X), torch.from_numpy(y)
            return h

        def reset(self):
            self.w = torch.zeros(self.s["m"], dtype=torch.float64)
            self.b = 0.0

        def run(self):
            X, y, n, rate = self.X, self.y, self.s["n"], self.s["rate"]
            for _ in range(self.s["iterations"]):
                z = X @ self.w + self.b
                a = torch.sigmoid(z)
                dz = a - y
                dw = (X.T @ dz) / n
                db = float(dz.sum()) / n
                self.w -= rate * dw
                self.b -= rate * db

        def result(self):
            z = self.X @ self.w + self.b
            return float(torch.mean(torch.clamp(z, min=0.0) - self.y * z
                                    + torch.log1p(torch.exp(-torch.abs(z)))))

    class TorchMlp(NumpyMlp):
        def setup(self):
            s = self.s
            X, self.labels, Y, W0, h = mlp_data(s["seed"], s["sizes"], s["examples"])
            X, Y = torch.from_numpy(X), torch.from_numpy(Y)
            self.labels = torch.from_numpy(self.labels)
            self.W0 = [torch.from_numpy(W) for W in W0]
            B = s["batch"]
            self.batches = [(X[i:i + B], Y[i:i + B]) for i in range(0, s["examples"], B)]
            return h

        def reset(self):
            self.W = [W.clone() for W in self.W0]
            self.b = [torch.zeros(W.shape[1], dtype=torch.float64) for W in self.W0]

        def forward(self, X):
            A, As, L = X, [X], len(self.W)
            for l in range(L):
                Z = torch.addmm(self.b[l], A, self.W[l])
                A = torch.relu(Z) if l < L - 1 else Z
                As.append(A)
            return As

        def step(self, X, Y):
            As = self.forward(X)
            L, rate = len(self.W), self.s["rate"]
            dZ = (torch.softmax(As[-1], dim=1) - Y) / X.shape[0]
            dWs, dbs = [None] * L, [None] * L
            for l in range(L - 1, -1, -1):
                dWs[l] = As[l].T @ dZ
                dbs[l] = dZ.sum(dim=0)
                if l > 0:
                    dZ = (dZ @ self.W[l].T) * (As[l] > 0)
            for l in range(L):
                self.W[l] -= rate * dWs[l]
                self.b[l] -= rate * dbs[l]

        def result(self):
            total, offset = 0.0, 0
            for X, _ in self.batches:
                Z = self.forward(X)[-1]
                lse = torch.logsumexp(Z, dim=1)
                rows = torch.arange(Z.shape[0])
                total += float((lse - Z[rows, self.labels[offset:offset + Z.shape[0]]]).sum())
                offset += Z.shape[0]
            return total / self.s["examples"]

    class TorchProduct(NumpyProduct):
        def setup(self):
            s = self.s
            A, B, h = product_data(s["seed"], s["m"], s["k"], s["n"])
            self.A, self.B = torch.from_numpy(A), torch.from_numpy(B)
            self.C = torch.empty((s["m"], s["n"]), dtype=torch.float64)
            return h

        def run(self):
            for _ in range(self.s["iterations"]):
                torch.mm(self.A, self.B, out=self.C)

        def result(self):
            return float(self.C.sum())

    return {"logistic": TorchLogistic, "mlp": TorchMlp, "product": TorchProduct}


NUMPY = {"logistic": NumpyLogistic, "mlp": NumpyMlp, "product": NumpyProduct}
# the lecture layout: the notes' formulas with examples as columns (no products: a product is
# the same call in either layout)
NUMPY_COLUMNS = {"logistic": NumpyColumnsLogistic, "mlp": NumpyColumnsMlp}
