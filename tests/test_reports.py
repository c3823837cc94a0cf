"""Every notebook's report, as `make notebooks` writes it, shows every plot with the network off:

- build/reports/<name>.html in headless Chromium (Debian's, driven by Playwright from npm), in a
  network namespace without network when the machine allows it (`unshare -n`): every plot div holds
  plotly's SVG with its traces and title, MathJax typesets every formula, the console shows no error,
  nothing is asked for but file: and data: URLs, and the same holds for a copy of the folder moved
  elsewhere; a screenshot of one report is kept as build/reports/screenshot.png;
- build/reports/<name>.pdf (printed by headless Chromium): every plot title, the typeset formulas;
- build/notebooks/<name>.ipynb is trusted, at most 2 MiB, carries no plotly.js, and every plot output
  stands on its own: plotly's JSON, its title, and a PNG (what viewers without JavaScript show);
- every report opened with JavaScript off shows every plot's PNG;
- one notebook opened in a running JupyterLab 4 and run from its interface shows its plots, and its
  executed copy opened as saved shows them too.

The notebooks run first (tests/test_notebooks.py, through the session's `notebook_runs`); these
tests read what those runs wrote. A missing browser, node package or PDF fails a test, naming what
to install; nothing here is skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.report_support import (MAX_NOTEBOOK_BYTES, PLOT_DIV, PLOT_TESTS, PLOTLY_INLINE, browser,
                                  offline_loopback_prefix, offline_prefix, plot_count, plot_outputs, html_of)
from tests.support import DEFAULT_TEST_KERNEL, REPORTS
from tools.plots import PLOT_KEY, PLOTLY_MIME
from tools.reports import ASSETS, PLOTLY_JS_URL, is_trusted
from tools.run_notebooks import PROJECT, discover

PLOT_TEST_NOTEBOOK = PLOT_TESTS / "notebooks" / "plot_display.ipynb"
SAMPLE_PAGE = PROJECT / "target" / "plot" / "sample-figures.html"  # written by the plot unit tests
SCREENSHOT = REPORTS / "screenshot.png"
MODULE_IMPORT = re.compile(r"""\bimport\(\s*["']((?:[a-z][a-z0-9+.-]*:|//)[^"']*)["']""", re.I)
URL_ATTR = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*?\b(?:src|href)=(?:"([^"]*)"|'([^']*)')""", re.I)
CHECKED_LINE = re.compile(r"^(ok  |FAIL) (.+?): (\d+) plots(?: drawn)?", re.M)

NOTEBOOK_FILES = discover()
IDS = [p.name for p in NOTEBOOK_FILES]


def executed(notebook_runs, notebook: Path):
    """The IJava run that wrote the notebook's executed copy and reports; fails if the notebook failed."""
    run = notebook_runs.run(notebook, DEFAULT_TEST_KERNEL)
    if not run.ok:
        pytest.fail(f"no report: the notebook failed\n{run.failure}", pytrace=False)
    return run


def run_checked(command, timeout, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=PROJECT, **kwargs)
    print(result.stdout, result.stderr, sep="\n")  # pytest shows it when the test fails
    return result


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=IDS)
def test_the_run_writes_a_trusted_executed_copy_an_html_report_and_a_pdf(notebook_runs, notebook):
    run = executed(notebook_runs, notebook)
    assert run.report_failure is None, run.report_failure
    assert run.executed == PROJECT / "build" / "notebooks" / notebook.name
    assert run.html == REPORTS / f"{notebook.stem}.html" and run.html.is_file()
    if run.pdf is None:
        pytest.fail(f"no PDF of {notebook.name}: {run.pdf_skipped}", pytrace=False)
    assert run.pdf == REPORTS / f"{notebook.stem}.pdf"
    assert run.pdf.read_bytes()[:5] == b"%PDF-"
    assert is_trusted(run.executed), f"{run.executed} is not trusted: JupyterLab would not draw its plots"


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=IDS)
def test_the_report_holds_every_plot_and_loads_nothing_from_a_url(notebook_runs, notebook):
    run = executed(notebook_runs, notebook)
    page = run.html.read_text(encoding="utf-8")
    plots = plot_count(run.nb)
    assert page.count(PLOT_DIV) == plots, "the report lost plots that the executed notebook shows"
    # plotly.js loaded once, from the assets next to the report, by a report that has plots
    copies = page.count(f'<script src="{PLOTLY_JS_URL}">')
    assert copies == (1 if plots else 0), f"plotly.js {copies} times in a report with {plots} plots"
    assert page.count("data:image/png;base64,") >= plots, "a plot without its PNG (shown with JavaScript off)"
    # what the page loads by itself (the browser check below proves that nothing else is asked for)
    assert MODULE_IMPORT.findall(page) == [], "the report imports a module from a URL"
    urls = [double or single for double, single in URL_ATTR.findall(page)]
    assert f"{ASSETS}/require.js" in urls
    assert any(u.startswith(f"{ASSETS}/mathjax/MathJax.js?") for u in urls)
    for url in urls:
        assert not re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I) or url.startswith("data:"), \
            f"the report loads {url}"
        if not url.startswith("data:"):
            assert (REPORTS / url.split("?")[0]).is_file(), f"{url} is missing next to the report"


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=IDS)
def test_the_executed_copy_is_small_and_every_plot_output_stands_on_its_own(notebook_runs, notebook):
    run = executed(notebook_runs, notebook)
    size = run.executed.stat().st_size
    assert size <= MAX_NOTEBOOK_BYTES, f"{run.executed.name} is {size / 2**20:.2f} MiB, more than 2 MiB"
    copies = sum(html_of(out).count(PLOTLY_INLINE) for cell in run.nb.cells for out in cell.get("outputs", []))
    assert copies == 0, f"plotly.js {copies} times in the executed copy: no output needs another's"
    for number, out in enumerate(plot_outputs(run.nb), start=1):
        data, meta = out["data"], out.get("metadata", {}).get(PLOT_KEY, {})
        figure = data[PLOTLY_MIME]
        assert isinstance(figure, dict) and len(figure["data"]) == meta["traces"] >= 1, f"plot {number}"
        assert figure["layout"]["title"]["text"], f"plot {number} has no title"
        assert data.get("image/png", "").startswith("iVBORw0KGgo"), f"plot {number} has no PNG"
        assert "text/plain" in data


def screenshot_report(runs) -> Path:
    """The report to keep a screenshot of: the one with the most plots (the first such)."""
    best = max(range(len(runs)), key=lambda i: (plot_count(runs[i].nb), -i))
    return runs[best].html


def test_every_report_draws_every_plot_in_chromium_offline(notebook_runs, tmp_path):
    chromium_path = browser()
    runs = [executed(notebook_runs, nb) for nb in NOTEBOOK_FILES]
    first = screenshot_report(runs)
    reports = [first] + [r.html for r in runs if r.html != first]
    # the folder copied elsewhere still works: the assets are named by relative URLs
    moved = tmp_path / "copied-reports"
    shutil.copytree(REPORTS, moved, ignore=shutil.ignore_patterns("*.pdf", "*.png"))
    files = [str(p) for p in reports] + [str(moved / first.name)]
    SCREENSHOT.unlink(missing_ok=True)
    result = run_checked([*offline_prefix(), "node", str(PLOT_TESTS / "check_report.mjs"), *files,
                          "--min-plots", "0", "--chromium", chromium_path, "--screenshot", str(SCREENSHOT)],
                         timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    drawn = {Path(f): int(n) for status, f, n in CHECKED_LINE.findall(result.stdout) if status == "ok  "}
    expected = {Path(r.html): plot_count(r.nb) for r in runs}
    expected[moved / first.name] = expected[first]
    assert drawn == expected
    assert SCREENSHOT.is_file() and SCREENSHOT.stat().st_size > 10_000
    print("network:", "none (unshare -n)" if offline_prefix() else "blocked by the browser (no unshare)")


def test_every_report_shows_every_plot_as_an_image_with_javascript_off(notebook_runs):
    chromium_path = browser()
    runs = [executed(notebook_runs, nb) for nb in NOTEBOOK_FILES]
    result = run_checked([*offline_prefix(), "node", str(PLOT_TESTS / "check_static.mjs"),
                          *[str(r.html) for r in runs], "--chromium", chromium_path], timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    shown = {Path(f): int(n) for f, n in re.findall(r"^ok   (.+?): (\d+) plot images", result.stdout, re.M)}
    assert shown == {Path(r.html): plot_count(r.nb) for r in runs}


def test_every_kind_of_figure_draws_in_chromium_offline():
    """The plot unit tests' page (every figure kind; names with quotes, backslashes, newlines)."""
    chromium_path = browser()
    if not SAMPLE_PAGE.is_file():
        pytest.fail(f"{SAMPLE_PAGE} is missing: the plot unit tests write it (mvn test; make test runs it first)",
                    pytrace=False)
    result = run_checked([*offline_prefix(), "node", str(PLOT_TESTS / "check_report.mjs"), str(SAMPLE_PAGE),
                          "--chromium", chromium_path], timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=IDS)
def test_the_pdf_shows_every_plot_and_typeset_formulas(notebook_runs, notebook):
    run = executed(notebook_runs, notebook)
    if run.pdf is None:
        pytest.fail(f"no PDF of {notebook.name}: {run.pdf_skipped or run.report_failure}", pytrace=False)
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils (make browser does, as root)",
                    pytrace=False)
    result = run_checked([sys.executable, str(PLOT_TESTS / "check_pdf.py"), str(run.pdf), str(run.html)],
                         timeout=120)
    assert result.returncode == 0, result.stdout


def ui_notebook(notebook_runs):
    """The first notebook whose executed copy shows a plot, else the plot package's test notebook."""
    for notebook in NOTEBOOK_FILES:
        run = executed(notebook_runs, notebook)
        if plot_count(run.nb):
            return run
    return executed(notebook_runs, PLOT_TEST_NOTEBOOK)


def test_a_notebook_run_from_the_jupyterlab_interface_shows_its_plots(notebook_runs):
    chromium_path = browser()
    run = ui_notebook(notebook_runs)
    plots = plot_count(run.nb)
    assert plots > 0
    result = run_checked(
        [*offline_loopback_prefix(), sys.executable, str(PLOT_TESTS / "lab_ui.py"), str(run.notebook),
         "--plots", str(plots), "--executed", str(run.executed), "--out", str(REPORTS),
         "--log", str(PROJECT / "build" / "logs" / "jupyterlab-ui.log"),
         "--chromium", chromium_path],
        timeout=1500, env=dict(os.environ, JUPYTER_PREFER_ENV_PATH="1"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (REPORTS / "jupyterlab.png").is_file()
