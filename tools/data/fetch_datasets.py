#!/usr/bin/env python3
"""Reproduce the dataset files shipped in the jar, and their reference summary.

The three data files come byte for byte from the scikit-learn wheel pinned below
(PyPI, BSD-3-Clause); the data themselves are from the UCI Machine Learning
Repository (CC BY 4.0). See src/main/resources/org/neuralnotes/data/README.md.

    python3 tools/data/fetch_datasets.py            # download the pinned wheel, write the files
    python3 tools/data/fetch_datasets.py --check    # rebuild in memory, compare with the committed files
    python3 tools/data/fetch_datasets.py --wheel scikit_learn-1.5.2-....whl   # use a wheel already here

Written files (paths relative to the repository root):
    src/main/resources/org/neuralnotes/data/breast_cancer.csv
    src/main/resources/org/neuralnotes/data/iris.csv
    src/main/resources/org/neuralnotes/data/digits.csv.gz
    src/main/resources/org/neuralnotes/data/LICENSE-scikit-learn.txt
    src/test/resources/org/neuralnotes/data/dataset_reference.csv

The reference summary is computed here with the Python standard library only
(csv, math.fsum, statistics.pstdev), independently of the Java reader, so that the
Java tests can compare shapes, class counts, column means and standard deviations,
first and last rows, and each file's SHA-256.
"""
import argparse
import csv
import gzip
import hashlib
import io
import math
import os
import statistics
import subprocess
import sys
import tempfile
import zipfile

SKLEARN_VERSION = "1.5.2"
# One fixed wheel (the data files are the same in every platform's wheel of a release;
# pinning one wheel makes the download and its hash reproducible).
WHEEL_NAME = ("scikit_learn-1.5.2-cp311-cp311-manylinux_2_17_x86_64."
              "manylinux2014_x86_64.whl")
WHEEL_SHA256 = "f8b0ccd4a902836493e026c03256e8b206656f91fbcc4fde28c57a5b752561f1"

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAIN_DIR = os.path.join(ROOT, "src", "main", "resources", "org", "neuralnotes", "data")
TEST_DIR = os.path.join(ROOT, "src", "test", "resources", "org", "neuralnotes", "data")

# resource name -> member inside the wheel
MEMBERS = {
    "breast_cancer.csv": "sklearn/datasets/data/breast_cancer.csv",
    "iris.csv": "sklearn/datasets/data/iris.csv",
    "digits.csv.gz": "sklearn/datasets/data/digits.csv.gz",
    "LICENSE-scikit-learn.txt": "scikit_learn-%s.dist-info/COPYING" % SKLEARN_VERSION,
}
REFERENCE = "dataset_reference.csv"


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def download_wheel(directory):
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
           "--platform", "manylinux2014_x86_64", "--python-version", "3.11",
           "--implementation", "cp", "scikit-learn==" + SKLEARN_VERSION, "-d", directory]
    subprocess.run(cmd, check=True)
    return os.path.join(directory, WHEEL_NAME)


def read_members(wheel_path):
    with open(wheel_path, "rb") as f:
        blob = f.read()
    found = sha256(blob)
    if found != WHEEL_SHA256:
        sys.exit("wheel %s: expected SHA-256 %s, found %s" % (wheel_path, WHEEL_SHA256, found))
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        return {name: z.read(member) for name, member in MEMBERS.items()}


def parse_sklearn_csv(text):
    """scikit-learn's layout: a header 'n,p,class names...', then p features and a label per row."""
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], [r for r in rows[1:] if r]
    n, p = int(header[0]), int(header[1])
    X = [[float(v) for v in r[:p]] for r in body]
    y = [int(r[p]) for r in body]
    assert len(X) == n and all(len(r) == p + 1 for r in body), "unexpected layout"
    return X, y, header[2:]


def parse_digits(raw_gz):
    """digits.csv.gz: no header, 64 pixel counts and the digit per row."""
    rows = [r for r in csv.reader(io.StringIO(gzip.decompress(raw_gz).decode("ascii"))) if r]
    X = [[float(v) for v in r[:64]] for r in rows]
    y = [int(float(r[64])) for r in rows]
    assert all(len(r) == 65 for r in rows), "unexpected layout"
    return X, y


def summary_rows(name, resource, raw, X, y, classes):
    out = [(name, "sha256", resource, sha256(raw)),
           (name, "rows", "", str(len(X))),
           (name, "cols", "", str(len(X[0])))]
    for k in range(classes):
        out.append((name, "class_count", str(k), str(sum(1 for v in y if v == k))))
    for j in range(len(X[0])):
        column = [r[j] for r in X]
        out.append((name, "mean", str(j), repr(math.fsum(column) / len(column))))
        out.append((name, "sd", str(j), repr(statistics.pstdev(column))))
    for j, v in enumerate(X[0]):
        out.append((name, "first_row", str(j), repr(v)))
    for j, v in enumerate(X[-1]):
        out.append((name, "last_row", str(j), repr(v)))
    out.append((name, "first_label", "", str(y[0])))
    out.append((name, "last_label", "", str(y[-1])))
    return out


def build(members):
    rows = [("dataset", "statistic", "index", "value")]
    X, y, _ = parse_sklearn_csv(members["breast_cancer.csv"].decode("ascii"))
    rows += summary_rows("breast_cancer", "breast_cancer.csv", members["breast_cancer.csv"], X, y, 2)
    X, y, _ = parse_sklearn_csv(members["iris.csv"].decode("ascii"))
    rows += summary_rows("iris", "iris.csv", members["iris.csv"], X, y, 3)
    X, y = parse_digits(members["digits.csv.gz"])
    rows += summary_rows("digits", "digits.csv.gz", members["digits.csv.gz"], X, y, 10)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    files = {os.path.join(MAIN_DIR, name): data for name, data in members.items()}
    files[os.path.join(TEST_DIR, REFERENCE)] = buf.getvalue().encode("ascii")
    return files


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", help="a local copy of " + WHEEL_NAME)
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed files instead of writing them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or download_wheel(tmp)
        files = build(read_members(wheel))
    if args.check:
        stale = []
        for path, data in sorted(files.items()):
            try:
                with open(path, "rb") as f:
                    same = f.read() == data
            except FileNotFoundError:
                same = False
            print(("ok      " if same else "DIFFERS ") + os.path.relpath(path, ROOT))
            if not same:
                stale.append(path)
        sys.exit(1 if stale else 0)
    for path, data in sorted(files.items()):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        print("wrote %s (%d bytes, sha256 %s)" % (os.path.relpath(path, ROOT), len(data), sha256(data)))


if __name__ == "__main__":
    main()
