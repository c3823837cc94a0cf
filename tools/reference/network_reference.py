"""Expected values for the forward and backward pass of small networks, computed with numpy
straight from the formulas (rows are examples: Z = X W + b), independently of the Java code.

Writes one text file per case under src/test/resources/org/neuralnotes/nn/. Each file is a
list of blocks:

    name rows cols
    v11 v12 ...        (one line per row, values as repr() so they parse back exactly)

plus the header lines `activations a1 a2 ...`, `loss NAME` and `value L` (the loss).

Run from the repository root:  python tools/reference/network_reference.py
"""
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "src/test/resources/org/neuralnotes/nn"


def act(name, Z):
    if name == "identity":
        return Z
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-Z))
    if name == "tanh":
        return np.tanh(Z)
    if name == "relu":
        return np.maximum(Z, 0.0)
    if name.startswith("leaky_relu"):
        s = float(name.split("=")[1].rstrip(")"))
        return np.where(Z > 0, Z, s * Z)
    if name == "softmax":
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        return E / E.sum(axis=1, keepdims=True)
    raise ValueError(name)


def act_grad(name, Z, A, dA):
    """dZ from dA for an element-wise activation, or through the softmax Jacobian per row."""
    if name == "identity":
        return dA
    if name == "sigmoid":
        return A * (1 - A) * dA
    if name == "tanh":
        return (1 - A**2) * dA
    if name == "relu":
        return (Z > 0) * dA
    if name.startswith("leaky_relu"):
        s = float(name.split("=")[1].rstrip(")"))
        return np.where(Z > 0, 1.0, s) * dA
    if name == "softmax":
        out = np.empty_like(dA)
        for r in range(A.shape[0]):
            a = A[r]
            J = np.diag(a) - np.outer(a, a)  # ∂A_β/∂Z_α = A_β(δ_αβ − A_α)
            out[r] = J.T @ dA[r]
        return out
    raise ValueError(name)


def loss_value_grad(name, Yh, Y):
    N, K = Y.shape
    R = Yh - Y
    if name == "half_sum_of_squares":
        return 0.5 * np.sum(R**2), R
    if name == "l2":
        return np.sum(R**2) / N, 2.0 * R / N
    if name == "half_mse":
        return np.sum(R**2) / (2 * N), R / N
    if name == "binary_cross_entropy":
        v = -np.mean(Y * np.log(Yh) + (1 - Y) * np.log(1 - Yh)) * K
        return v, (Yh - Y) / (Yh * (1 - Yh)) / N
    if name == "categorical_cross_entropy":
        return -np.sum(Y * np.log(Yh)) / N, -Y / Yh / N
    raise ValueError(name)


def case(name, sizes, acts, loss, target, seed):
    rng = np.random.default_rng(seed)
    N = 5
    X = rng.uniform(-1.5, 1.5, size=(N, sizes[0]))
    Ws, bs = [], []
    for i in range(len(sizes) - 1):
        Ws.append(rng.uniform(-0.8, 0.8, size=(sizes[i], sizes[i + 1])))
        bs.append(rng.uniform(-0.3, 0.3, size=(1, sizes[i + 1])))
    K = sizes[-1]
    if target == "onehot":
        Y = np.eye(K)[rng.integers(0, K, size=N)]
    elif target == "binary":
        Y = rng.integers(0, 2, size=(N, K)).astype(float)
    else:
        Y = rng.uniform(-1, 1, size=(N, K))

    # forward: Z[l] = A[l-1] W[l] + b[l], A[l] = g(Z[l])
    As, Zs = [X], []
    for W, b, g in zip(Ws, bs, acts):
        Z = As[-1] @ W + b
        Zs.append(Z)
        As.append(act(g, Z))
    value, dA = loss_value_grad(loss, As[-1], Y)

    # backward: dW[l] = A[l-1]ᵀ dZ[l], db[l] = Σ_rows dZ[l], dA[l-1] = dZ[l] W[l]ᵀ
    grads = {}
    L = len(Ws)
    for l in range(L, 0, -1):
        dZ = act_grad(acts[l - 1], Zs[l - 1], As[l], dA)
        grads[f"dW{l}"] = As[l - 1].T @ dZ
        grads[f"db{l}"] = dZ.sum(axis=0, keepdims=True)
        dA = dZ @ Ws[l - 1].T

    blocks = {"X": X, "Y": Y}
    for l in range(1, L + 1):
        blocks[f"W{l}"] = Ws[l - 1]
        blocks[f"b{l}"] = bs[l - 1]
    for l in range(1, L + 1):
        blocks[f"Z{l}"] = Zs[l - 1]
        blocks[f"A{l}"] = As[l]
    blocks.update(grads)
    lines = [f"activations {' '.join(acts)}", f"loss {loss}", f"value {float(value)!r}"]
    for key, M in blocks.items():
        lines.append(f"{key} {M.shape[0]} {M.shape[1]}")
        for row in M:
            lines.append(" ".join(repr(float(v)) for v in row))
    (OUT / f"{name}.txt").write_text("\n".join(lines) + "\n")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    case("relu_2_3_4_1_half_sse", [2, 3, 4, 1], ["relu", "relu", "identity"],
         "half_sum_of_squares", "real", 1)
    case("tanh_softmax_cce", [4, 5, 3], ["tanh", "softmax"], "categorical_cross_entropy", "onehot", 2)
    case("relu_softmax_half_mse", [3, 4, 3], ["relu", "softmax"], "half_mse", "onehot", 3)
    case("sigmoid_bce", [3, 4, 1], ["sigmoid", "sigmoid"], "binary_cross_entropy", "binary", 4)
    case("leaky_l2", [3, 4, 4, 2], ["leaky_relu(slope=0.1)", "leaky_relu(slope=0.1)", "identity"],
         "l2", "real", 5)


if __name__ == "__main__":
    main()
