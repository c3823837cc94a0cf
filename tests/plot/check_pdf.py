"""Checks that a PDF printed from an HTML report shows the report: every plot drawn, the math
typeset, the text there.

    python3 tests/plot/check_pdf.py REPORT.pdf REPORT.html

- every plot: the title of each plot div (data-title) must be in the PDF's text, which plotly's
  SVG text becomes when Chromium prints it, and no plot's "is not drawn" note may be printed;
- the math: no TeX command of the markdown's formulas ($...$, $$...$$) may be left in the text
  (MathJax turns \\sigma into σ; a page printed before MathJax ran shows "\\sigma");
- the text: the first heading of the report is there.

Needs pdftotext (Debian's poppler-utils). Prints what it found and "N passed, M failed";
exit code 0 when every check passes.
"""
import re
import subprocess
import sys
from html.parser import HTMLParser

MATH = re.compile(r"(?<!\\)\$\$(.+?)(?<!\\)\$\$|(?<!\\)\$(.+?)(?<!\\)\$", re.DOTALL)
TEX_COMMAND = re.compile(r"\\([A-Za-z]{2,})")
NOT_DRAWN = "is not drawn: it needs JavaScript"


def words(s):
    return re.sub(r"\s+", " ", s).strip()


class ReportText(HTMLParser):
    """A report's plot titles, the text of its markdown cells (outside code), its first heading.

    (nbconvert writes outputs again with its own quoting, e.g. data-title='a "b"': parse, never grep.)
    """

    VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "col", "area", "base"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, in_markdown, in_code) per open element
        self.parts = []
        self.heading = None
        self._heading_parts = None
        self.titles = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        if "neuralnotes-plot" in classes:
            self.titles.append(dict(attrs).get("data-title") or "")
        in_md = (self.stack[-1][1] if self.stack else False) or "jp-MarkdownOutput" in classes
        in_code = (self.stack[-1][2] if self.stack else False) or tag in ("code", "pre", "script", "style")
        self.stack.append((tag, in_md, in_code))
        if in_md and tag in ("h1", "h2") and self.heading is None:
            self._heading_parts = []

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            open_tag = self.stack.pop()[0]
            if open_tag == tag:
                break
        if tag in ("h1", "h2") and self._heading_parts is not None:
            self.heading = words("".join(self._heading_parts)).rstrip("¶").strip()
            self._heading_parts = None

    def handle_data(self, data):
        if self.stack and self.stack[-1][1] and not self.stack[-1][2]:
            self.parts.append(data)
            if self._heading_parts is not None:
                self._heading_parts.append(data)

    def text(self):
        return "".join(self.parts)


def tex_commands(markdown_text):
    """The TeX commands (\\sigma, \\frac, ...) used in the formulas of the markdown text."""
    found = set()
    for display, inline in MATH.findall(markdown_text):
        found.update(TEX_COMMAND.findall(display or inline))
    return found


def check(pdf_text, report_html):
    """(what was found, failures) for a PDF's text and its report's HTML."""
    text = words(pdf_text)
    markdown = ReportText()
    markdown.feed(report_html)
    titles = markdown.titles
    failures = []
    missing = [t for t in titles if words(t.split("\n")[0]) not in text]
    failures += [f"plot title not in the PDF: {t!r}" for t in missing]
    undrawn = pdf_text.count(NOT_DRAWN)
    if undrawn:
        failures.append(f"{undrawn} plots not drawn (their 'not drawn' note is printed)")
    commands = tex_commands(markdown.text())
    raw = sorted(c for c in commands if re.search(r"\\" + c + r"(?![A-Za-z])", pdf_text))
    if raw:
        failures.append("formulas not typeset, TeX left in the PDF: " + ", ".join("\\" + c for c in raw))
    if markdown.heading and words(markdown.heading) not in text:
        failures.append(f"the report's first heading {markdown.heading!r} is not in the PDF")
    if not text:
        failures.append("the PDF has no text")
    found = (f"{len(titles) - len(missing)} of {len(titles)} plot titles, "
             f"{len(commands)} TeX commands in its formulas, heading {markdown.heading!r}")
    return found, failures


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    pdf, report = sys.argv[1:]
    pdf_text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout
    with open(report, encoding="utf-8") as f:
        found, failures = check(pdf_text, f.read())
    print(f"{pdf}: {found}")
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
