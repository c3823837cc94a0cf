"""The report pipeline itself, on a fixture notebook (tests/fixtures/report.ipynb: a formula and a plot)
and on pages broken on purpose: the runner writes what it says, says why a PDF is missing, and the
browser and PDF checks fail when a plot is not drawn, a file is missing, the network is asked for or
the math is left untypeset."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import nbformat
import pytest

from tests.support import FIXTURES
from tests.report_support import PLOT_DIV, browser, offline_prefix, plot_count
from tools.reports import ASSETS, ReportError, export_html, install_assets, is_trusted, print_pdf
from tools.run_notebooks import PROJECT

FIXTURE = FIXTURES / "report.ipynb"
CHECK_REPORT = PROJECT / "tests" / "plot" / "check_report.mjs"
CHECK_PDF = PROJECT / "tests" / "plot" / "check_pdf.py"
FIXTURE_TITLE = 'Fixture loss, "quoted"'


def run_cli(tmp_path, *extra, env=None):
    return subprocess.run(
        [sys.executable, "tools/run_notebooks.py", "--kernel", "java-ijava", "--executed", str(tmp_path / "nb"),
         "--html", str(tmp_path / "reports"), "--logs", str(tmp_path / "logs"), *extra, str(FIXTURE)],
        cwd=PROJECT, capture_output=True, text=True, timeout=600, env=env or os.environ.copy(),
    )


def check_reports(*pages, timeout=300):
    return subprocess.run([*offline_prefix(), "node", str(CHECK_REPORT), *map(str, pages), "--min-plots", "0",
                           "--chromium", browser()], capture_output=True, text=True, timeout=timeout)


def check_pdf(pdf, html):
    return subprocess.run([sys.executable, str(CHECK_PDF), str(pdf), str(html)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def fixture_run(tmp_path_factory):
    """tools/run_notebooks.py on the fixture, PDFs on: what it printed and where it wrote."""
    tmp_path = tmp_path_factory.mktemp("report-run")
    result = run_cli(tmp_path, "--pdf", str(tmp_path / "reports"))
    return tmp_path, result


def test_the_runner_writes_a_trusted_copy_an_html_report_and_a_pdf(fixture_run):
    tmp_path, result = fixture_run
    assert result.returncode == 0, result.stdout + result.stderr
    assert "reports: 1 written to" in result.stdout and "(HTML and PDF)" in result.stdout
    executed = tmp_path / "nb" / "report.ipynb"
    assert is_trusted(executed)
    assert plot_count(nbformat.read(executed, as_version=4)) == 1
    html = (tmp_path / "reports" / "report.html").read_text(encoding="utf-8")
    assert html.count(PLOT_DIV) == 1
    assert (tmp_path / "reports" / ASSETS / "mathjax" / "MathJax.js").is_file()
    assert (tmp_path / "reports" / "report.pdf").read_bytes()[:5] == b"%PDF-"


def test_the_fixture_report_draws_its_plot_and_typesets_its_formulas_offline(fixture_run):
    tmp_path, _ = fixture_run
    result = check_reports(tmp_path / "reports" / "report.html")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "report.html: 1 plots drawn, 2 formulas typeset" in result.stdout


def test_the_fixture_pdf_shows_the_plot_title_and_typeset_formulas(fixture_run):
    tmp_path, _ = fixture_run
    result = check_pdf(tmp_path / "reports" / "report.pdf", tmp_path / "reports" / "report.html")
    assert result.returncode == 0, result.stdout
    assert "1 of 1 plot titles, 5 TeX commands in its formulas" in result.stdout


def test_without_chromium_the_runner_writes_html_and_says_why_there_is_no_pdf(tmp_path):
    result = run_cli(tmp_path, "--pdf", str(tmp_path / "reports"),
                     env=dict(os.environ, CHROMIUM=str(tmp_path / "no-chromium")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "reports" / "report.html").is_file()
    assert not (tmp_path / "reports" / "report.pdf").exists()
    assert "reports: 1 written to" in result.stdout and "(HTML only)" in result.stdout
    why = f"PDFs and plot images skipped: no Chromium at {tmp_path / 'no-chromium'}: "
    assert why + "run `make browser`" in result.stdout or why + "Debian's chromium is not installed" in result.stdout


def test_missing_report_assets_fail_the_export_saying_what_to_run(tmp_path):
    nb = nbformat.read(FIXTURE, as_version=4)
    with pytest.raises(ReportError, match=r"requirejs is missing: run `make report-assets`"):
        export_html(nb, "report", tmp_path, assets_source=tmp_path / "empty")


def test_the_assets_are_copied_once_and_again_when_their_versions_change(tmp_path):
    target = install_assets(tmp_path)
    require = target / "require.js"
    first = require.stat().st_mtime_ns
    install_assets(tmp_path)
    assert require.stat().st_mtime_ns == first
    (target / "VERSIONS").write_text("requirejs 0.0.0\n", encoding="utf-8")
    install_assets(tmp_path)
    assert (target / "VERSIONS").read_text(encoding="utf-8").startswith("requirejs 2.")
    assert (target / "mathjax" / "config" / "TeX-AMS_CHTML-full.js").is_file()


BROKEN_PAGES = {
    # a plot div whose script never runs: no plotly SVG
    "undrawn.html": f'<div id="p1" {PLOT_DIV} data-title="Never drawn" data-traces="1"></div>',
    # a script from the network (blocked, counted)
    "network.html": '<script src="https://cdn.example.invalid/plotly.js"></script><p>text</p>',
    # a script next to the page that is not there
    "missing.html": '<script src="assets/not-there.js"></script><p>text</p>',
    # a plot drawn with another title than its div promises
    "title.html": None,
}


def test_the_browser_check_fails_on_broken_pages(tmp_path, fixture_run):
    reports = fixture_run[0] / "reports"
    for name, body in BROKEN_PAGES.items():
        if body is not None:
            (tmp_path / name).write_text(f"<!DOCTYPE html><html><head></head><body>{body}</body></html>",
                                         encoding="utf-8")
    # the fixture's report with its plot div promising another title
    page = (reports / "report.html").read_text(encoding="utf-8")
    shutil.copytree(reports / ASSETS, tmp_path / ASSETS)
    other = re.sub(r"""data-title=(['"])Fixture loss""", r"data-title=\1Other loss", page)
    assert other != page
    (tmp_path / "title.html").write_text(other, encoding="utf-8")
    result = check_reports(*(tmp_path / name for name in BROKEN_PAGES))
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert f"0 passed, {len(BROKEN_PAGES)} failed" in out
    assert '("Never drawn"): no plotly SVG' in out
    assert "network request blocked: https://cdn.example.invalid/plotly.js" in out
    assert "could not load file://" in out and "assets/not-there.js: net::ERR_FILE_NOT_FOUND" in out
    assert 'title drawn as "Fixture loss, \\"quoted\\"", expected "Other loss, \\"quoted\\""' in out


def test_the_pdf_check_fails_when_formulas_are_not_typeset_or_plots_not_drawn(tmp_path, fixture_run):
    reports = fixture_run[0] / "reports"
    # the fixture's report without its MathJax: the formulas stay TeX
    shutil.copy(reports / "report.html", tmp_path / "report.html")
    shutil.copytree(reports / ASSETS, tmp_path / ASSETS, ignore=shutil.ignore_patterns("mathjax"))
    print_pdf(tmp_path / "report.html", tmp_path / "report.pdf")
    result = check_pdf(tmp_path / "report.pdf", tmp_path / "report.html")
    assert result.returncode == 1
    assert "FAIL formulas not typeset, TeX left in the PDF: \\frac, \\hat, \\log, \\sigma, \\sum" in result.stdout
    # a plot that never draws prints its "not drawn" note, and its title is missing
    nb = nbformat.read(FIXTURE, as_version=4)
    nb.cells[1].outputs = [nbformat.v4.new_output(
        "display_data", data={"text/plain": "plot", "text/html": f'<div id="p1" {PLOT_DIV} data-title="Lost plot">'
                              "This plot is not drawn: it needs JavaScript.</div>"})]
    html = export_html(nb, "undrawn", tmp_path)
    print_pdf(html, tmp_path / "undrawn.pdf")
    result = check_pdf(tmp_path / "undrawn.pdf", html)
    assert result.returncode == 1
    assert "FAIL 1 plots not drawn" in result.stdout
