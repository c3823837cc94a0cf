#!/usr/bin/env bash
# Prints an HTML report (an nbconvert export or a page of figures) to PDF with Debian's
# headless Chromium, offline: a fresh profile, no background networking, and, when the
# machine allows it, a network namespace without any network at all.
#
#   bash tools/plot/html2pdf.sh REPORT.html REPORT.pdf [ZOOM]
#
# ZOOM (default 0.8) scales the page when printed, so that a notebook's code and its
# 700-pixel-wide plots fit the width of an A4 page; longer code lines wrap instead of being
# cut. Plots are drawn by inline scripts before the page's load event; --virtual-time-budget
# lets pending work (plotly's drawing, MathJax's typesetting) finish before printing.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 REPORT.html REPORT.pdf [ZOOM]" >&2
  exit 2
fi
IN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
OUT="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
ZOOM="${3:-0.8}"
CHROMIUM="${CHROMIUM:-chromium}"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# a copy of the page with print settings: A4, small margins, zoom; nothing else changes. Its
# <base> is the report's own folder, so relative URLs (assets/require.js, assets/mathjax/...)
# still find the files next to the report.
PRINT_CSS="<style>@page { size: A4; margin: 10mm; } @media print { html { zoom: $ZOOM; } .neuralnotes-plot, .jp-OutputArea-output { break-inside: avoid; } .modebar-container { display: none !important; } .jp-InputArea-editor pre { white-space: pre-wrap !important; overflow-wrap: anywhere; } }</style>"
python3 - "$IN" "$WORK/page.html" "$PRINT_CSS" <<'PY'
import html as markup
import os
import re
import sys
from urllib.parse import quote
src, dst, css = sys.argv[1:]
page = open(src, encoding="utf-8").read()
base = '<base href="%s">' % markup.escape("file://" + quote(os.path.dirname(src) + "/"))
head = re.search(r"<head[^>]*>", page, re.IGNORECASE)
page = page[:head.end()] + base + page[head.end():] if head else base + page
i = page.lower().find("</head>")
page = page[:i] + css + page[i:] if i >= 0 else css + page
open(dst, "w", encoding="utf-8").write(page)
PY

RUN=()
# no network at all when a new network namespace can be made (root, or user namespaces)
if unshare -n true 2>/dev/null; then
  RUN=(unshare -n)
elif unshare -rn true 2>/dev/null; then
  RUN=(unshare -rn)
fi
"${RUN[@]}" "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --disable-sync --user-data-dir="$WORK/profile" \
  --no-pdf-header-footer --run-all-compositor-stages-before-draw --virtual-time-budget=15000 \
  --print-to-pdf="$OUT" "file://$WORK/page.html" 2> "$WORK/chromium.log" || {
    cat "$WORK/chromium.log" >&2
    exit 1
  }
if [ ! -s "$OUT" ]; then
  cat "$WORK/chromium.log" >&2
  echo "no PDF written" >&2
  exit 1
fi
echo "$OUT"
