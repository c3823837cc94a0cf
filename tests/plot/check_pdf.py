"""Checks that a PDF printed from an HTML report shows every plot: the title of each plot div
(data-title) and its panel or axis text must be in the PDF's text, which plotly's SVG text
becomes when Chromium prints it.

    python3 tests/plot/check_pdf.py REPORT.pdf REPORT.html

Needs pdftotext (Debian's poppler-utils). Exit code 0 when every title is found.
"""
import html
import re
import subprocess
import sys


def words(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    pdf, report = sys.argv[1:]
    text = words(subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True,
                                text=True).stdout)
    with open(report, encoding="utf-8") as f:
        titles = [html.unescape(t) for t in re.findall(r'class="neuralnotes-plot" data-title="([^"]*)"', f.read())]
    # an undrawn plot shows a note that names it: its title alone proves nothing then
    undrawn = text.count("is not drawn: it needs JavaScript")
    missing = [t for t in titles if words(t.split("\n")[0]) not in text]
    print(f"{pdf}: {len(titles) - len(missing)} of {len(titles)} plot titles found")
    for t in missing:
        print(f"FAIL title not in the PDF: {t!r}")
    if undrawn:
        print(f"FAIL {undrawn} plots not drawn (their 'not drawn' note is printed)")
    ok = titles and not missing and not undrawn
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
