"""What the report tests share: the browser, the offline prefixes, counting plots."""

from __future__ import annotations

import functools
import shutil
import subprocess

import nbformat
import pytest

from tools.plots import figures
from tools.reports import chromium, pdf_unavailable
from tools.run_notebooks import PROJECT

PLOT_TESTS = PROJECT / "tests" / "plot"
PLAYWRIGHT = PLOT_TESTS / "node_modules" / "playwright-core" / "package.json"
PLOT_DIV = 'class="neuralnotes-plot"'
PLOTLY_INLINE = "inlined by neuralnotes"  # PlotlyJs marks an inline copy of plotly.js (Notebook.setup())
MAX_NOTEBOOK_BYTES = 2 * 2**20  # an executed notebook, every plot and its PNG included


@functools.cache
def offline_prefix() -> tuple[str, ...]:
    """A new network namespace, without any network, when this machine allows one."""
    ok = subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0 \
        if shutil.which("unshare") else False
    return ("unshare", "-n") if ok else ()


@functools.cache
def offline_loopback_prefix() -> tuple[str, ...]:
    """A network namespace with only the loopback device (for a local server), when allowed."""
    if not offline_prefix() or not shutil.which("ip"):
        return ()
    up = ("unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "sh")
    return up if subprocess.run([*up, "true"], capture_output=True).returncode == 0 else ()


def browser() -> str:
    """Debian's chromium, or the test fails saying how to install it."""
    found = chromium()
    if found is None:
        pytest.fail(pdf_unavailable(), pytrace=False)
    if not PLAYWRIGHT.is_file():
        pytest.fail(f"{PLAYWRIGHT.parent} is missing: run `make test-deps` (npm ci in tests/plot)",
                    pytrace=False)
    return found


def plot_outputs(nb: nbformat.NotebookNode) -> list:
    """The outputs that carry a figure (plotly's JSON), in order."""
    return figures(nb)


def plot_count(nb: nbformat.NotebookNode) -> int:
    """Figures in the notebook's outputs."""
    return len(figures(nb))


def html_of(out) -> str:
    html = out.get("data", {}).get("text/html", "")
    return "".join(html) if isinstance(html, list) else html
