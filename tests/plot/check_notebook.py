"""Executes a notebook with a Java kernel, checks what its outputs hold, and exports it to an
HTML report that works offline (for check_report.mjs to open in Chromium).

    python tests/plot/check_notebook.py NOTEBOOK.ipynb --kernel ijava-test --out-dir build/plot
        [--twice] [--require-js tests/plot/node_modules/requirejs/require.js]

Checks on the executed notebook:
  - no cell raised an error and nothing was written to stderr;
  - plotly.js is in the outputs exactly once (inline, never a <script src>);
  - every plot div is in an output whose text/plain alternative is there too;
  - with --twice, a second run gives identical outputs (no random ids, no timestamps).
Writes OUT/NAME-KERNEL.ipynb and OUT/NAME-KERNEL.html. The HTML export uses nbconvert's lab
template with RequireJS inlined from the npm package (as nbconvert loads it, so the report
meets the same trap as any exported notebook) and MathJax left out, so it needs no network.
Exit code 0 when every check passes.
"""
import argparse
import base64
import os
import re
import sys

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

HERE = os.path.dirname(os.path.abspath(__file__))
LOADER_MARK = "inlined by neuralnotes"


def text(v):
    return "".join(v) if isinstance(v, list) else (v or "")


def execute(path, kernel):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, kernel_name=kernel, timeout=600,
                   resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}}).execute()
    return nb


def outputs_of(nb):
    return [(i, o) for i, c in enumerate(nb.cells) if c.cell_type == "code" for o in c.get("outputs", [])]


def check(nb):
    failures = []
    loaders = 0
    plots = 0
    for i, o in outputs_of(nb):
        if o.output_type == "error":
            failures.append(f"cell {i}: {o.ename}: {o.evalue}")
        if o.output_type == "stream" and o.name == "stderr":
            failures.append(f"cell {i}: stderr: {text(o.text)[:200]}")
        html = text(o.get("data", {}).get("text/html", ""))
        loaders += html.count(LOADER_MARK)
        n = html.count('class="neuralnotes-plot"')
        plots += n
        if n and "text/plain" not in o.get("data", {}):
            failures.append(f"cell {i}: a plot output without text/plain")
        if re.search(r"<script[^>]+src=", html):
            failures.append(f"cell {i}: an output loads a script from a URL")
    if loaders != 1:
        failures.append(f"plotly.js appears {loaders} times in the outputs, expected exactly once")
    if plots == 0:
        failures.append("no plot in the outputs")
    return plots, failures


def export_html(nb, require_js):
    with open(require_js, "rb") as f:
        require_url = "data:text/javascript;base64," + base64.b64encode(f.read()).decode("ascii")
    exporter = HTMLExporter(template_name="lab")
    exporter.require_js_url = require_url
    exporter.mathjax_url = "data:text/javascript,"
    body, _ = exporter.from_notebook_node(nb)
    return body


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebook")
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--out-dir", default="build/plot")
    ap.add_argument("--twice", action="store_true", help="run twice and compare the outputs")
    ap.add_argument("--require-js", default=os.path.join(HERE, "node_modules", "requirejs", "require.js"))
    args = ap.parse_args()

    name = os.path.splitext(os.path.basename(args.notebook))[0] + "-" + args.kernel
    os.makedirs(args.out_dir, exist_ok=True)
    nb = execute(args.notebook, args.kernel)
    plots, failures = check(nb)
    if args.twice:
        again = execute(args.notebook, args.kernel)
        first = [o for _, o in outputs_of(nb)]
        second = [o for _, o in outputs_of(again)]
        if first != second:
            failures.append("a second run gave different outputs")
    nb_path = os.path.join(args.out_dir, name + ".ipynb")
    nbformat.write(nb, nb_path)
    html_path = os.path.join(args.out_dir, name + ".html")
    with open(html_path, "w", encoding="utf-8") as f:
        f.write(export_html(nb, args.require_js))
    size = os.path.getsize(nb_path)
    print(f"{nb_path}: {plots} plots, {size / 1e6:.1f} MB; report {html_path}")
    for f in failures:
        print("FAIL", f)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
