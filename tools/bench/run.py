"""make bench: the notes' workloads in Java (the library through its public API, fast engine
and plain EJML), numpy (examples as columns, as the notes write the formulas, and as rows),
Deeplearning4j and PyTorch, run in one command, alternating, several repetitions; medians into
build/bench/.

Each implementation is a long-lived worker process (so the JVM is warm and data is made once);
for every repetition the workers take turns, one at a time: the library's workers (java, and
java-LogisticRegression on W1) on either side of the reference, back to back, the order reversed
every other repetition, then the others in a rotating order. The reference is numpy written
from the lecture formulas with examples as columns (numpy-columns) for W1-W3, numpy for the raw
products. Each implementation's ratio to the reference is the median over the repetitions of
its time over the reference's time in the same repetition (paired), so a slow spell of the
machine that lasts a few seconds slows both sides of a pair instead of landing in one median
and not the other; the ratio of the two medians is reported beside it, and the paired ratio to
numpy with examples as rows. Every worker makes the same data from one SplitMix64 seed (checked
by hash) and must end at the same loss (1e-9 relative): a fast wrong answer is no result.
"""
import argparse
import csv
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TOLERANCE = 1e-9
THP = "/sys/kernel/mm/transparent_hugepage/enabled"

# name, what the issue calls it, spec (iterations = units timed per run)
WORKLOADS = [
    ("W1", "logistic regression n=10000 m=100, one GD iteration",
     dict(kind="logistic", seed=1, n=10000, m=100, iterations=1000, rate=0.5)),
    ("W2", "784-64-10 ReLU+softmax, M=10000 full batch, one iteration",
     dict(kind="mlp", seed=2, sizes=[784, 64, 10], examples=10000, batch=10000,
          iterations=5, rate=0.1)),
    ("W3", "784-128-64-10 MLP, batch 128, one epoch of 60000",
     dict(kind="mlp", seed=3, sizes=[784, 128, 64, 10], examples=60000, batch=128,
          iterations=1, rate=0.1)),
    ("P1", "product 128x784 · 784x128",
     dict(kind="product", seed=4, m=128, k=784, n=128, iterations=200)),
    ("P2", "product 1000x1000 · 1000x1000",
     dict(kind="product", seed=5, m=1000, k=1000, n=1000, iterations=5)),
    ("P3", "product 10000x784 · 784x64",
     dict(kind="product", seed=6, m=10000, k=784, n=64, iterations=5)),
]

# item 4 of the issue: where per-call overhead dominates and where the products do
SCALING = [
    (f"S-b{b}", f"784-128-64-10, batch {b}, one epoch of {n}",
     dict(kind="mlp", seed=3, sizes=[784, 128, 64, 10], examples=n, batch=b, iterations=1,
          rate=0.1 if b > 1 else 0.01))
    for b, n in ((1, 6000), (32, 60000), (128, 60000), (1024, 60000))
] + [
    (f"S-h{h}", f"784-{h}-64-10, batch 128, one epoch of 60000",
     dict(kind="mlp", seed=3, sizes=[784, h, 64, 10], examples=60000, batch=128, iterations=1,
          rate=0.1))
    for h in (32, 256, 1024)
]

SUITES = {"main": WORKLOADS, "scaling": SCALING, "all": WORKLOADS + SCALING}


# the library's workers, paired with the reference in every repetition
LIBRARY = ("java", "java-LogisticRegression")
# W1-W3 (and the scaling suite) as the notes write them; the products have one layout
LECTURE = "numpy-columns"


class Worker:
    def __init__(self, name, argv, env, kinds=None):
        self.name = name
        # the kinds of workload this worker runs (None: all of them)
        self.kinds = kinds
        # a JVM takes setup lines as key=value fields, the Python workers as JSON
        self.java = os.path.basename(argv[0]) == "java"
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, env=env, bufsize=1)

    def takes(self, kind):
        return self.kinds is None or kind in self.kinds

    def ask(self, line):
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        reply = self.proc.stdout.readline()
        if not reply:
            raise RuntimeError(f"{self.name}: worker stopped (command: {line[:60]})")
        fields = reply.rstrip("\n").split("\t")
        if fields[0] != "ok":
            raise RuntimeError(f"{self.name}: {line[:60]}: {' '.join(fields[1:])}")
        return dict(f.split("=", 1) for f in fields[1:])

    def close(self):
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=30)
        except Exception:
            self.proc.kill()


def java_setup_line(name, spec):
    fields = [f"setup {name}"]
    for k, v in spec.items():
        fields.append(f"{k}={','.join(map(str, v)) if isinstance(v, list) else v}")
    return "\t".join(fields)


def jvm_command(classpath):
    """The java command line of every Java worker, up to the main class: heap, GC, classpath."""
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java") \
        if os.environ.get("JAVA_HOME") else "java"
    jvm = [java, "-Xmx6g", "-XX:+UseParallelGC", "-cp", classpath]
    if sys.platform.startswith("linux"):
        # numpy asks Linux for transparent huge pages for its large arrays (madvise; see
        # numpy._core.multiarray._get_madvise_hugepage); this asks the same for the Java heap
        jvm.insert(1, "-XX:+UseTransparentHugePages")
    major = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    if any(f'version "{v}' in major for v in ("22", "23", "24", "25", "26")):
        jvm.insert(1, "--enable-native-access=ALL-UNNAMED")
    return jvm


def start_workers(args, env):
    classpath = open(args.classpath).read().strip()
    if args.extra_classpath:
        classpath = args.extra_classpath + os.pathsep + classpath
    jvm = jvm_command(classpath)
    workers = [Worker("java", jvm + ["-Dneuralnotes.engine=" + args.engine,
                                     "org.neuralnotes.bench.Worker"], env)]
    # W1 as notebook 01 runs it: LogisticRegression.fit, the cost recorded every 100 iterations
    workers.append(Worker("java-LogisticRegression",
                          jvm + ["-Dneuralnotes.engine=" + args.engine,
                                 "org.neuralnotes.bench.Worker", "LogisticRegression"],
                          env, kinds={"logistic"}))
    for variant in args.variant:
        # NAME:ARG,ARG where an ARG "+cp=PATH" puts PATH first on this worker's classpath
        name, _, jvm_args = variant.partition(":")
        extra = [a for a in jvm_args.split(",") if a]
        own = list(jvm)
        for a in [a for a in extra if a.startswith("+cp=")]:
            own[own.index("-cp") + 1] = a[4:] + os.pathsep + own[own.index("-cp") + 1]
        workers.append(Worker(name, own + ["-Dneuralnotes.engine=" + args.engine]
                              + [a for a in extra if not a.startswith("+cp=")]
                              + ["org.neuralnotes.bench.Worker"], env))
    if not args.no_plain:
        workers.append(Worker("java-plain", jvm + ["-Dneuralnotes.engine=plain",
                                                   "org.neuralnotes.bench.Worker"], env))
    workers.append(Worker("numpy", [args.python, os.path.join(HERE, "worker.py"), "numpy"], env))
    workers.append(Worker(LECTURE, [args.python, os.path.join(HERE, "worker.py"), LECTURE], env,
                          kinds={"logistic", "mlp"}))
    if not args.no_dl4j:
        if os.path.exists(args.dl4j_classpath):
            # the same JVM settings on Deeplearning4j's own classpath
            own = list(jvm)
            own[own.index("-cp") + 1] = open(args.dl4j_classpath).read().strip()
            workers.append(Worker("dl4j", own + ["org.neuralnotes.bench.Dl4jWorker"], env,
                                  kinds={"logistic", "mlp"}))
        else:
            print(f"Deeplearning4j worker not built ({args.dl4j_classpath} missing: make "
                  "bench-dl4j): its column is left out", file=sys.stderr)
    if not args.no_torch:
        probe = subprocess.run([args.torch_python, "-c", "import torch"], capture_output=True)
        if probe.returncode == 0:
            workers.append(Worker("torch", [args.torch_python, os.path.join(HERE, "worker.py"),
                                            "torch"], env))
        else:
            print(f"PyTorch not importable by {args.torch_python}: its column is left out",
                  file=sys.stderr)
    return workers


def warm_up(workers, name, runs, seconds):
    """Untimed runs, in turns, until each worker has made `runs` of them and spent `seconds`.

    The JVM compiles a method with its optimizing compiler only after some ten thousand calls;
    W1 calls the per-iteration methods a thousand times per run, so without this its first
    five to ten runs would be timed in less optimized code. numpy needs no warm-up and gets
    the same treatment."""
    done = {w.name: [0, 0.0] for w in workers}
    while True:
        cold = [w for w in workers if done[w.name][0] < runs or done[w.name][1] < seconds]
        if not cold:
            return
        for w in cold:
            reply = w.ask(f"run {name}")
            done[w.name][0] += 1
            done[w.name][1] += float(reply["seconds"])


def turn_order(workers, rep, reference="numpy", library=LIBRARY):
    """The order of the workers' turns in repetition `rep` (0-based): the reference between the
    library's workers (java, reference, java-LogisticRegression), back to back, that group's
    order reversed every other repetition so each side goes first equally often; then the
    others, rotating."""
    mine = [w for name in library for w in workers if w.name == name]
    ref = [w for w in workers if w.name == reference]
    first = mine[:1] + ref + mine[1:]
    if rep % 2:
        first.reverse()
    rest = [w for w in workers if w not in first]
    k = rep % len(rest) if rest else 0
    return first + rest[k:] + rest[:k]


def paired_ratio(times, reference):
    """Median over the repetitions of times[i] / reference[i] (the same repetition's turns)."""
    if len(times) != len(reference) or not times:
        raise ValueError(f"paired times: expected two equal, non-empty lists, found "
                         f"{len(times)} and {len(reference)} repetitions")
    return statistics.median(t / r for t, r in zip(times, reference))


def environment(workers, env):
    info = {w.name: w.ask("info") for w in workers}
    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    flags = open("/proc/cpuinfo").read() if os.path.exists("/proc/cpuinfo") else ""
    try:
        debian_openblas = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "libopenblas0-pthread"],
            capture_output=True, text=True).stdout or "not installed"
    except OSError:
        debian_openblas = "n/a"
    try:
        commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = ""
    return {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "commit": commit,
        "cpu": cpu,
        "cores": os.cpu_count(),
        "avx512f": "avx512f" in flags,
        "platform": platform.platform(),
        "transparent huge pages": open(THP).read().strip() if os.path.exists(THP) else "n/a",
        "OPENBLAS_CORETYPE": env.get("OPENBLAS_CORETYPE", "(unset)"),
        "OPENBLAS_L2_SIZE": env.get("OPENBLAS_L2_SIZE", "(unset)"),
        "OPENBLAS_NUM_THREADS": env.get("OPENBLAS_NUM_THREADS", "(unset)"),
        "OMP_NUM_THREADS": env.get("OMP_NUM_THREADS", "(unset)"),
        "debian libopenblas0-pthread": debian_openblas,
        "load average at start (other processes)": open("/proc/loadavg").read().split()[:3]
        if os.path.exists("/proc/loadavg") else "n/a",
        "workers": info,
    }


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--classpath", default=os.path.join(ROOT, "build/bench/classpath.txt"))
    p.add_argument("--python", default=sys.executable, help="python with numpy (the venv)")
    p.add_argument("--torch-python", default="/usr/bin/python3",
                   help="python that imports torch (Debian's python3-torch)")
    p.add_argument("--reps", type=int, default=None,
                   help="timed repetitions (default 12 for the main suite, 8 otherwise: even, so "
                        "java and numpy go first equally often)")
    p.add_argument("--warmup", type=int, default=2, help="untimed runs per worker, at least")
    p.add_argument("--warmup-seconds", type=float, default=3.0,
                   help="untimed runs per worker until they add up to this many seconds")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--pause", type=float, default=0.3,
                   help="seconds between two timed runs, so the last worker's BLAS threads go idle")
    p.add_argument("--engine", default="auto", help="neuralnotes.engine of the java worker")
    p.add_argument("--suite", choices=sorted(SUITES), default="main",
                   help="main: W1-W3 and products; scaling: batch sizes and widths")
    p.add_argument("--only", default="", help="comma-separated workload names, e.g. W2,P2")
    p.add_argument("--no-plain", action="store_true", help="leave out plain EJML")
    p.add_argument("--no-torch", action="store_true")
    p.add_argument("--no-dl4j", action="store_true", help="leave out Deeplearning4j")
    p.add_argument("--dl4j-classpath", default=os.path.join(ROOT, "build/bench/dl4j/classpath.txt"),
                   help="the Deeplearning4j worker's classpath (written by make bench-dl4j)")
    p.add_argument("--variant", action="append", default=[],
                   help="another Java worker, NAME:JVMARG,JVMARG (e.g. another engine)")
    p.add_argument("--extra-classpath", default="", help="prepended to the Java classpath")
    p.add_argument("--out", default=os.path.join(ROOT, "build/bench"))
    args = p.parse_args()

    env = dict(os.environ)
    threads = str(args.threads)
    env["OPENBLAS_NUM_THREADS"] = threads
    env["OMP_NUM_THREADS"] = threads
    env["MKL_NUM_THREADS"] = threads
    env["BENCH_THREADS"] = threads

    if args.reps is None:
        args.reps = 12 if args.suite == "main" else 8
    if args.reps < 1:
        p.error(f"--reps: expected at least 1 repetition, found {args.reps}")
    chosen = [w for w in SUITES[args.suite] if not args.only or w[0] in args.only.split(",")]
    workers = start_workers(args, env)
    rows = []
    runs = []
    failures = []
    try:
        env_info = environment(workers, env)
        env_info["warm-up per workload and implementation"] = \
            f"untimed runs: at least {args.warmup}, and at least {args.warmup_seconds:g} s"
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        if load > (os.cpu_count() or 1) * 0.75:
            print(f"warning: load average {load:.1f} on {os.cpu_count()} cores: other processes "
                  "are running, times will be noisy (ratios less so: the workers alternate)",
                  file=sys.stderr, flush=True)
        print(f"java engine: {env_info['workers']['java'].get('status')}", flush=True)
        for name, title, spec in chosen:
            hashes, flops, results, times = {}, {}, {}, {}
            taking = [w for w in workers if w.takes(spec["kind"])]
            names = [w.name for w in taking]
            reference = LECTURE if LECTURE in names else "numpy"
            for w in taking:
                reply = w.ask(java_setup_line(name, spec) if w.java
                              else f"setup {name}\t{json.dumps(spec)}")
                hashes[w.name] = reply["hash"]
                flops[w.name] = float(reply["flops"])
                times[w.name] = []
                results[w.name] = []
            if len(set(hashes.values())) != 1:
                raise RuntimeError(f"{name}: the data differ between implementations: {hashes}")
            warm_up(taking, name, args.warmup, args.warmup_seconds)
            for rep in range(args.reps):
                for w in turn_order(taking, rep, reference):
                    # OpenBLAS threads spin for a while after a call before they sleep: let
                    # the previous worker's threads go quiet so they do not compete
                    time.sleep(args.pause)
                    reply = w.ask(f"run {name}")
                    times[w.name].append(float(reply["seconds"]) / spec["iterations"])
                    results[w.name].append(float(reply["result"]))
                    runs.append(dict(workload=name, repetition=rep + 1, implementation=w.name,
                                     seconds=times[w.name][-1]))
            for w in taking:
                w.ask(f"drop {name}")
            ref_time = statistics.median(times[reference])
            ref_result = results["numpy"][0]
            for w in taking:
                t = statistics.median(times[w.name])
                r = results[w.name][-1]
                rel = abs(r - ref_result) / max(abs(ref_result), 1e-300)
                repeat = len(set(results[w.name])) == 1
                agree = rel <= TOLERANCE and repeat
                if not agree:
                    failures.append(f"{name} {w.name}: result {r!r} vs numpy {ref_result!r} "
                                    f"(relative {rel:.2e}, repeatable {repeat})")
                rows.append(dict(workload=name, description=title, implementation=w.name,
                                 seconds=t, min_seconds=min(times[w.name]),
                                 gflops=flops[w.name] / t / 1e9, reference=reference,
                                 ratio_to_reference=paired_ratio(times[w.name], times[reference]),
                                 ratio_of_medians=t / ref_time,
                                 ratio_to_numpy_rows=paired_ratio(times[w.name], times["numpy"]),
                                 ratio_to_dl4j=paired_ratio(times[w.name], times["dl4j"])
                                 if "dl4j" in times else None,
                                 result=r, relative_difference=rel, agrees=agree,
                                 reps=len(times[w.name])))
            print(table([r for r in rows if r["workload"] == name], header=False), flush=True)
    finally:
        for w in workers:
            w.close()
    if hasattr(os, "getloadavg"):
        env_info["load average at end"] = [f"{x:.2f}" for x in os.getloadavg()]
    write(args.out, rows, runs, env_info, failures)
    verdict = targets(rows)
    if verdict:
        print(verdict)
        with open(os.path.join(args.out, "results.md"), "a") as f:
            f.write("\n## Targets\n\n" + verdict + "\n")
    if failures:
        print("RESULTS DISAGREE:\n  " + "\n  ".join(failures), file=sys.stderr)
        sys.exit(1)


# the targets: the library at most as slow as numpy written from the lecture formulas on W1-W3
# (both W1 paths), faster than Deeplearning4j on each, the 1000³ product within 10 % of numpy
TARGETS = {"W1": 1.0, "W2": 1.0, "W3": 1.0, "P2": 1.10}


def targets(rows):
    """One line per target that was measured, each library worker against the reference (paired,
    with the ratio of the medians and the paired ratio to numpy with rows as examples) and
    against Deeplearning4j (paired, to be below 1); "met" or "MISS", then a count. A miss is
    reported, never an error: the run's exit code speaks only of the results' agreement."""
    lines, misses, total = [], [], 0
    for name, bound in TARGETS.items():
        for r in rows:
            if r["workload"] != name or r["implementation"] not in LIBRARY:
                continue
            who = f"{name} {r['implementation']}"
            ratio = r["ratio_to_reference"]
            also = f"ratio of the medians {r['ratio_of_medians']:.2f}"
            if r["reference"] != "numpy":
                also += f"; numpy rows {r['ratio_to_numpy_rows']:.2f}"
            checks = [(ratio, ratio <= bound, f"{r['reference']}", f"≤ {bound:.2f}", also)]
            if r.get("ratio_to_dl4j") is not None:
                d = r["ratio_to_dl4j"]
                checks.append((d, d < 1.0, "dl4j", "< 1.00", None))
            for value, met, peer, target, note in checks:
                total += 1
                if not met:
                    misses.append(f"{who} vs {peer}")
                lines.append(f"- {who}: {value:.2f} × {peer} (target {target}): "
                             f"{'met' if met else 'MISS'}" + (f" ({note})" if note else ""))
    if total:
        lines.append(f"{total - len(misses)} of {total} targets met"
                     + (f"; MISS: {', '.join(misses)}" if misses else ""))
    return "\n".join(lines)


IMPLEMENTATIONS = [
    "- **java**: the library through its public API: `Network.builder` and `Trainer.fit` with "
    "`GradientDescent` (W1 records the loss every 100 iterations, W2 and W3 keep no history); "
    "`Products.mult` for the products",
    "- **java-LogisticRegression**: W1 as notebook 01 runs it, `LogisticRegression.fit` "
    "(J at every iteration, recorded every 100)",
    "- **java-plain**: as java, with the plain EJML engine",
    f"- **{LECTURE}**: numpy written from the lecture formulas with examples as columns (note "
    "001's listing for W1, J at every iteration and kept every 100; note 003's Z = W·A + b, "
    "∂L/∂W = (1/N)·dZ·Aᵀ for W2, W3): the reference of W1-W3",
    "- **numpy**: the same formulas with examples as rows (Z = X·W + b): the reference of the "
    "products",
    "- **dl4j**: Deeplearning4j 1.0.0-M2.1 (nd4j-native, float64), a MultiLayerNetwork with SGD",
    "- **torch**: PyTorch (float64 tensors), examples as rows",
]


def fmt_time(s):
    return f"{s * 1e3:.3f} ms" if s < 1 else f"{s:.3f} s"


def table(rows, header=True):
    lines = []
    if header:
        lines.append("| workload | implementation | time (median) | GFLOP/s | ratio to the reference "
                     "(paired) | ratio of medians | ratio to numpy rows (paired) | final loss / Σ C "
                     "| rel. diff to numpy |")
        lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        lines.append(f"| {r['workload']} | {r['implementation']} | {fmt_time(r['seconds'])} "
                     f"| {r['gflops']:.1f} | {r['ratio_to_reference']:.2f} ({r['reference']}) "
                     f"| {r['ratio_of_medians']:.2f} | {r['ratio_to_numpy_rows']:.2f} "
                     f"| {r['result']:.12g} "
                     f"| {r['relative_difference']:.1e}{'' if r['agrees'] else ' DISAGREES'} |")
    return "\n".join(lines)


def write(out, rows, runs, env_info, failures):
    os.makedirs(out, exist_ok=True)
    # every timed run, in the order they were made, to see the spread behind each median
    with open(os.path.join(out, "runs.csv"), "w", newline="") as f:
        wr = csv.DictWriter(f, fieldnames=["workload", "repetition", "implementation", "seconds"])
        wr.writeheader()
        for r in runs:
            wr.writerow({k: (repr(v) if isinstance(v, float) else v) for k, v in r.items()})
    with open(os.path.join(out, "results.csv"), "w", newline="") as f:
        fields = ["workload", "description", "implementation", "seconds", "min_seconds",
                  "gflops", "reference", "ratio_to_reference", "ratio_of_medians",
                  "ratio_to_numpy_rows", "ratio_to_dl4j", "result", "relative_difference",
                  "agrees", "reps"]
        wr = csv.DictWriter(f, fieldnames=fields)
        wr.writeheader()
        for r in rows:
            wr.writerow({k: (repr(v) if isinstance(v, float) else v) for k, v in r.items()})
    with open(os.path.join(out, "environment.json"), "w") as f:
        json.dump(env_info, f, indent=2)
    descriptions = []
    for name, title, spec in WORKLOADS + SCALING:
        if any(r["workload"] == name for r in rows):
            descriptions.append(f"- **{name}**: {title}")
    md = ["# Benchmarks", "",
          "Time per unit (one iteration for W1/W2, one epoch for W3, one product for P*), "
          "median of the repetitions after the warm-up ("
          f"{env_info['warm-up per workload and implementation']}); "
          "in every repetition the library's workers take their turns on either side of the "
          "reference, back to back (the order reversed every other repetition), then the others; "
          "the ratio to the reference is the median over the repetitions of the time over the "
          "reference's in the same repetition (paired), the ratio of the medians is beside it; "
          "double precision; "
          f"{env_info['OPENBLAS_NUM_THREADS']} threads. Final losses must agree with numpy "
          f"to {TOLERANCE:g} relative.", "", *descriptions, "", *IMPLEMENTATIONS, "",
          table(rows), "", "## Environment", "", "```",
          json.dumps(env_info, indent=2), "```", ""]
    if failures:
        md += ["## Disagreements", ""] + [f"- {x}" for x in failures] + [""]
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write("\n".join(md))
    print("\n" + table(rows))
    print(f"\nwritten: {os.path.join(out, 'results.md')}, results.csv, runs.csv, environment.json")


if __name__ == "__main__":
    main()
