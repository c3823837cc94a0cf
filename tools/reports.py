"""Reports of executed notebooks: an HTML page and a PDF that show every plot with the network off.

nbconvert's HTML templates load RequireJS and MathJax from a CDN. Here both come from the npm
registry instead, pinned in tools/plot/package.json and package-lock.json (`npm ci` in tools/plot,
which `make report-assets` runs), and are copied next to the reports:

    build/reports/NAME.html
    build/reports/NAME.pdf
    build/reports/assets/require.js
    build/reports/assets/mathjax/MathJax.js (and the parts of MathJax 2 that TeX and CommonHTML use)

    build/reports/assets/plotly.min.js (plotly.js-dist-min, which draws every plot of the report)

The pages name them by relative URLs, so a report works from file:// and after the whole
build/reports folder is copied elsewhere. Each plot of a report is a div holding the plot's PNG
(what a reader sees with JavaScript off) and a script that draws the plot's JSON into it with
plotly.js, which the page loads once, first thing in its head, before RequireJS (tools/plots.py). Mermaid diagrams, which nbconvert would load from a CDN as an
ES module (and Chromium never loads modules from file://), are not supported: their URL is empty.

PDFs are printed by tools/plot/html2pdf.sh with Debian's headless Chromium (CHROMIUM overrides
/usr/bin/chromium), offline.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import nbformat

if __package__:
    from .plots import figures, with_report_html
else:  # run as a script: tools/ is on sys.path
    from plots import figures, with_report_html

PROJECT = Path(__file__).resolve().parent.parent
ASSETS_SOURCE = PROJECT / "tools" / "plot" / "node_modules"
HTML2PDF = PROJECT / "tools" / "plot" / "html2pdf.sh"
ASSETS = "assets"  # folder next to the reports
REQUIRE_JS_URL = f"{ASSETS}/require.js"
PLOTLY_JS_URL = f"{ASSETS}/plotly.min.js"
# nbconvert's own MathJax configuration (TeX in, CommonHTML out), from the local copy
MATHJAX_URL = f"{ASSETS}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
# what of the mathjax package that configuration loads, now or on demand (TeX extensions such as
# \boldsymbol or \cancel, CommonHTML's fonts, the menu); the rest (26 MB of unpacked sources, PNG
# fonts, the SVG and HTML-CSS outputs) stays out
MATHJAX_PARTS = (
    "MathJax.js",
    "LICENSE",
    "config/TeX-AMS_CHTML-full.js",
    "config/Safe.js",
    "extensions",
    "jax/input/TeX",
    "jax/output/CommonHTML",
    "jax/element",
    "fonts/HTML-CSS/TeX/woff",
    "fonts/HTML-CSS/TeX/otf",
    "localization/en",
)
STAMP = "VERSIONS"
PDF_TIMEOUT = 180  # seconds to print one report
INSTALL_HINT = "run `make report-assets` (npm ci in tools/plot)"


class ReportError(Exception):
    """A report could not be written; the message says what to do."""


def _version(package: Path) -> str:
    try:
        return json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        raise ReportError(f"{package} is missing: {INSTALL_HINT}") from None


def install_assets(report_dir: Path, source: Path = ASSETS_SOURCE) -> Path:
    """Copy RequireJS, MathJax and plotly.js into report_dir/assets (once: a second call finds them there)."""
    versions = (f"requirejs {_version(source / 'requirejs')}\nmathjax {_version(source / 'mathjax')}\n"
                f"plotly.js-dist-min {_version(source / 'plotly.js-dist-min')}\n")
    target = Path(report_dir) / ASSETS
    stamp = target / STAMP
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == versions:
        return target
    if target.exists():
        shutil.rmtree(target)
    (target / "mathjax").mkdir(parents=True)
    shutil.copy2(source / "requirejs" / "require.js", target / "require.js")
    shutil.copy2(source / "plotly.js-dist-min" / "plotly.min.js", target / "plotly.min.js")
    for part in MATHJAX_PARTS:
        src, dst = source / "mathjax" / part, target / "mathjax" / part
        if src.is_dir():
            shutil.copytree(src, dst)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    stamp.write_text(versions, encoding="utf-8")
    return target


def export_html(nb: nbformat.NotebookNode, name: str, report_dir: Path,
                assets_source: Path = ASSETS_SOURCE) -> Path:
    """report_dir/NAME.html: nbconvert's lab template, with RequireJS, MathJax and plotly.js from
    report_dir/assets; every plot drawn from its JSON over its PNG (tools/plots.py)."""
    from nbconvert import HTMLExporter

    report_dir = Path(report_dir)
    install_assets(report_dir, assets_source)
    exporter = HTMLExporter(template_name="lab")
    exporter.require_js_url = REQUIRE_JS_URL
    exporter.mathjax_url = MATHJAX_URL
    exporter.mermaid_js_url = ""
    exporter.mermaid_layout_elk_js_url = ""
    try:
        body, _ = exporter.from_notebook_node(with_report_html(nb), resources={"metadata": {"name": name}})
    except Exception as e:  # nbconvert's own failure: name it, as a report failure
        raise ReportError(f"nbconvert could not export {name}: {type(e).__name__}: {e}") from e
    if figures(nb):
        # plotly.js before RequireJS: its UMD bundle then sets window.Plotly instead of defining a module
        head = re.search(r"<head[^>]*>", body, re.IGNORECASE)
        body = body[:head.end()] + f'\n<script src="{PLOTLY_JS_URL}"></script>' + body[head.end():]
    path = report_dir / f"{name}.html"
    path.write_text(body, encoding="utf-8")
    return path


def chromium() -> str | None:
    """The Chromium that prints PDFs: $CHROMIUM, else Debian's /usr/bin/chromium, else `chromium` on PATH."""
    wanted = os.environ.get("CHROMIUM")
    if wanted:
        return shutil.which(wanted)
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def pdf_unavailable() -> str | None:
    """Why PDFs cannot be printed here, or None when they can."""
    if chromium() is not None:
        return None
    wanted = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
    how = ("run `make browser` (apt-get install chromium poppler-utils)" if os.geteuid() == 0 else
           "Debian's chromium is not installed and only root can install it "
           "(apt-get install chromium poppler-utils), or set CHROMIUM=/path/to/chromium")
    return f"no Chromium at {wanted}: {how}"


def print_pdf(html: Path, pdf: Path) -> Path:
    """Print `html` to `pdf` with headless Chromium, offline (tools/plot/html2pdf.sh)."""
    browser = chromium()
    if browser is None:
        raise ReportError(pdf_unavailable())
    env = dict(os.environ, CHROMIUM=browser)
    try:
        done = subprocess.run(["bash", str(HTML2PDF), str(html), str(pdf)], env=env,
                              capture_output=True, text=True, timeout=PDF_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise ReportError(f"printing {html.name} to PDF took longer than {PDF_TIMEOUT} s") from None
    if done.returncode != 0 or not pdf.is_file():
        raise ReportError(f"printing {html.name} to PDF failed:\n{(done.stderr or done.stdout).strip()}")
    return pdf


def trust(path: Path) -> None:
    """Mark the notebook at `path` trusted, as `jupyter trust` does, so JupyterLab runs its plots' scripts."""
    from nbformat.sign import NotebookNotary

    try:
        nb = nbformat.read(path, as_version=4)
        notary = NotebookNotary()
        if not notary.check_signature(nb):
            notary.sign(nb)
    except Exception as e:  # the notary's database or secret could not be written
        raise ReportError(f"could not mark {path} trusted: {type(e).__name__}: {e}") from e


def is_trusted(path: Path) -> bool:
    from nbformat.sign import NotebookNotary

    return NotebookNotary().check_signature(nbformat.read(path, as_version=4))
