"""Where the time of W1, W2 and W3 goes, phase by phase: the calls Trainer.fit makes, each timed
alone (bench/java/org/neuralnotes/bench/Phases.java, with Trainer.fit timed whole beside them),
and numpy-columns' step cut where its code has seams (the cost function and the update for W1;
forward, backward with the softmax, and update for W2 and W3). Medians over fits, milliseconds
per run of the suite's timed unit (1000 iterations of W1, 5 of W2, one epoch of W3). Prints one
table per workload and writes build/bench/phases.md.

Usage (after make bench-java bench-python): phases.py [--fits 7] [--only W1,W3]"""
import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# two threads for numpy's BLAS as for the library's, as in run.py; set before numpy loads it
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "2"

import numpy as np  # noqa: E402

import workloads  # noqa: E402
from run import ROOT, WORKLOADS, java_setup_line, jvm_command  # noqa: E402


def java_phases(spec, fits, classpath, env):
    """The library's phases: [(name, ms)], the last two the sum and Trainer.fit whole."""
    args = java_setup_line("x", spec).split("\t")[1:]
    out = subprocess.run(jvm_command(classpath) + ["org.neuralnotes.bench.Phases", f"fits={fits}"]
                         + args, env=env, capture_output=True, text=True, check=True).stdout
    return [(name, float(ms)) for name, ms in (line.split("\t") for line in out.splitlines())]


def numpy_phases(spec, fits):
    """numpy-columns' phases, timed around its own methods: [(name, ms)], the last the sum."""
    w = workloads.NUMPY_COLUMNS[spec["kind"]](spec)
    w.setup()
    runs = []
    for fit in range(fits + 1):
        w.reset()
        t = {}

        def lap(name, since):
            now = time.perf_counter()
            t[name] = t.get(name, 0.0) + (now - since) * 1e3
            return time.perf_counter()

        s = time.perf_counter()
        if spec["kind"] == "logistic":
            for i in range(spec["iterations"]):
                J, dw, db = workloads.cost_function(w.x, w.y_row, w.w, w.b)
                s = lap("cost_function (forward, loss, backward)", s)
                w.update(i, J, dw, db)
                s = lap("update (and the cost kept)", s)
        else:
            for _ in range(spec["iterations"]):
                for X, Y in w.batches:
                    As = w.forward(X)
                    s = lap("forward", s)
                    dWs, dbs = w.backward(As, Y)
                    s = lap("backward (with the softmax)", s)
                    w.update(dWs, dbs)
                    s = lap("update", s)
        if fit > 0:  # the first fit warms up
            runs.append(t)
    rows = [(name, float(np.median([r[name] for r in runs]))) for name in runs[0]]
    return rows + [("sum of the phases", sum(ms for _, ms in rows))]


def table(name, title, library, numpy_columns):
    lines = [f"### {name}: {title}", "", "| library phase | ms | numpy-columns phase | ms |",
             "|---|---:|---|---:|"]
    n = max(len(library), len(numpy_columns))
    for i in range(n):
        a = library[i] if i < len(library) else ("", None)
        b = numpy_columns[i] if i < len(numpy_columns) else ("", None)
        fa = "" if a[1] is None else f"{a[1]:.1f}"
        fb = "" if b[1] is None else f"{b[1]:.1f}"
        lines.append(f"| {a[0]} | {fa} | {b[0]} | {fb} |")
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--fits", type=int, default=7)
    p.add_argument("--only", default="W1,W2,W3")
    p.add_argument("--classpath", default=os.path.join(ROOT, "build/bench/classpath.txt"))
    p.add_argument("--out", default=os.path.join(ROOT, "build/bench/phases.md"))
    args = p.parse_args()
    if args.fits < 1:
        p.error(f"--fits: expected at least 1, found {args.fits}")
    env = dict(os.environ)
    classpath = open(args.classpath).read().strip()
    chosen = args.only.split(",")
    text = ["# Where the time goes (ms per timed unit, medians over "
            f"{args.fits} fits; {time.strftime('%Y-%m-%d %H:%M')})", ""]
    for name, title, spec in WORKLOADS:
        if name not in chosen or spec["kind"] not in workloads.NUMPY_COLUMNS:
            continue
        numpy_columns = numpy_phases(spec, args.fits)
        part = table(name, title, java_phases(spec, args.fits, classpath, env), numpy_columns)
        print(part)
        text.append(part)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("\n".join(text))
    print("written:", args.out)


if __name__ == "__main__":
    main()
