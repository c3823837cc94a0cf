"""The plot outputs of executed notebooks: a PNG beside each figure, and the HTML a report draws it with.

Every figure the plot package shows is one output standing on its own: plotly's JSON
(application/vnd.plotly.v1+json), its title as text/plain, and its title and trace count in the
output's metadata under "neuralnotes/plot" (docs/PLOTS.md says why). Two things are added here:

- `add_images(nb)`: an image/png of every figure, drawn by plotly.js itself (Plotly.toImage) in
  Debian's headless Chromium with the network off, so that GitHub, nbviewer and any viewer that runs
  no JavaScript show the plot; one browser start per notebook;
- `report_html(output, n)`: what the HTML report shows for a figure: a div with that PNG inside
  (what a reader sees with JavaScript off, and until plotly has drawn), and a script that draws the
  JSON into the div with the plotly.js that the report loads once (assets/plotly.min.js).

plotly.js is the minified bundle of the npm package plotly.js-dist-min, pinned in
tools/plot/package.json (`make report-assets`).
"""

from __future__ import annotations

import base64
import html
import json
import re
import subprocess
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PLOTLY_MIME = "application/vnd.plotly.v1+json"  # org.neuralnotes.plot.Notebook.PLOTLY_MIME
PLOT_KEY = "neuralnotes/plot"  # org.neuralnotes.plot.Notebook.PLOT_KEY
PLOTLY_JS = PROJECT / "tools" / "plot" / "node_modules" / "plotly.js-dist-min" / "plotly.min.js"
IMAGE_TIMEOUT = 180  # seconds to draw the images of one notebook
OUT = re.compile(r'<pre id="nn-images">(.*?)</pre>', re.S)


class ImageError(Exception):
    """The images of a notebook could not be drawn; the message says why."""


def figures(nb) -> list:
    """Every output of the notebook that carries a figure (plotly's JSON), in order."""
    return [out for cell in nb.cells for out in cell.get("outputs", [])
            if PLOTLY_MIME in out.get("data", {})]


def _script_json(value) -> str:
    """JSON that can stand inside an inline <script> (no "</" can close it)."""
    return json.dumps(value, separators=(",", ":")).replace("</", "<\\/")


def add_images(nb, chromium: str, plotly_js: Path = PLOTLY_JS) -> int:
    """Adds image/png to every figure output of `nb` (in place); returns how many were drawn."""
    outs = figures(nb)
    if not outs:
        return 0
    if not plotly_js.is_file():
        raise ImageError(f"{plotly_js} is missing: run `make report-assets` (npm ci in tools/plot)")
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<script src='{plotly_js.as_uri()}'></script></head><body><pre id=\"nn-images\"></pre><script>\n"
        f"var figures = {_script_json([out['data'][PLOTLY_MIME] for out in outs])};\n"
        "var out = document.getElementById('nn-images');\n"
        "function size(f, key, fallback) { return (f.layout && f.layout[key]) || fallback; }\n"
        "figures.reduce(function (done, f, i) { return done.then(function (images) {\n"
        "  var div = document.createElement('div'); document.body.appendChild(div);\n"
        "  return Plotly.newPlot(div, f.data, f.layout, {staticPlot: true}).then(function (gd) {\n"
        "    return Plotly.toImage(gd, {format: 'png', width: size(f, 'width', 700),\n"
        "                                height: size(f, 'height', 450), scale: 1});\n"
        "  }).then(function (url) { Plotly.purge(div); div.remove(); return images.concat([url]); });\n"
        "}); }, Promise.resolve([])).then(function (images) {\n"
        "  out.textContent = JSON.stringify({images: images});\n"
        "}, function (e) { out.textContent = JSON.stringify({error: String(e)}); });\n"
        "</script></body></html>"
    )
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "figures.html"
        path.write_text(page, encoding="utf-8")
        prefix = ["unshare", "-n"] if _can_unshare() else []
        command = [*prefix, chromium, "--headless", "--no-sandbox", "--disable-gpu",
                   "--disable-background-networking", "--disable-component-update", "--no-first-run",
                   "--disable-sync", f"--user-data-dir={work}/profile", "--allow-file-access-from-files",
                   "--run-all-compositor-stages-before-draw", "--virtual-time-budget=60000",
                   "--dump-dom", path.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=IMAGE_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise ImageError(f"drawing {len(outs)} plot images took longer than {IMAGE_TIMEOUT} s") from None
    found = OUT.search(done.stdout)
    result = json.loads(html.unescape(found.group(1))) if found and found.group(1).strip() else {}
    images = result.get("images")
    if not images or len(images) != len(outs):
        why = result.get("error") or (done.stderr.strip()[-600:] or "no result in the page")
        raise ImageError(f"Chromium drew {len(images or [])} of {len(outs)} plot images: {why}")
    for out, url in zip(outs, images):
        prefix = "data:image/png;base64,"
        if not url.startswith(prefix):
            raise ImageError(f"plotly returned {url[:40]!r} instead of a PNG")
        out["data"]["image/png"] = url[len(prefix):]
    return len(outs)


def _can_unshare() -> bool:
    try:
        return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0
    except OSError:
        return False


def report_html(out, n: int) -> str:
    """The report's HTML of one figure output: a div holding its PNG, and the script that draws it."""
    figure = out["data"][PLOTLY_MIME]
    meta = out.get("metadata", {}).get(PLOT_KEY, {})
    layout = figure.get("layout", {})
    title = meta.get("title", "")
    traces = meta.get("traces", len(figure.get("data", [])))
    plot_id = f"nnplot-{n}"
    png = out["data"].get("image/png")
    width, height = layout.get("width", 700), layout.get("height", 450)
    picture = (f'<img src="data:image/png;base64,{"".join(png)}" alt="{html.escape(title)}" '
               f'width="{width}" height="{height}">' if png else
               f'<p>Plot &quot;{html.escape(title)}&quot; needs JavaScript.</p>')
    return (
        f'<div id="{plot_id}" class="neuralnotes-plot" data-title="{html.escape(title)}" '
        f'data-traces="{traces}" style="width:{width}px;height:{height}px">{picture}</div>\n'
        "<script>(function () {\n"
        f"var figure = {_script_json(figure)};\n"
        f"var div = document.getElementById('{plot_id}');\n"
        "if (window.Plotly) { div.innerHTML = ''; Plotly.newPlot(div, figure.data, figure.layout); }\n"
        "})();</script>\n"
    )


def with_report_html(nb):
    """A copy of `nb` whose figure outputs carry report_html as text/html (which nbconvert shows first)."""
    import copy

    nb = copy.deepcopy(nb)
    for n, out in enumerate(figures(nb), start=1):
        out["data"]["text/html"] = report_html(out, n)
    return nb
