#!/usr/bin/env bash
# Runs tests/plot/notebooks/plot_display.ipynb from the interface of a real JupyterLab 4 and
# Notebook 7 server (on 127.0.0.1), in headless Chromium, and checks that every plot draws:
# JupyterLab with IJava and with JJava, then Notebook 7 reusing the JJava kernel (the page
# is new, the kernel is not: the notebook's setup cell must send plotly.js again).
#
#   bash tests/plot/jupyter_ui_test.sh [VENV] [OUT_DIR]
#
# VENV is a venv made by tests/plot/setup_kernels.sh (default /tmp/nn-plot-venv).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
VENV="${1:-/tmp/nn-plot-venv}"
OUT="$(mkdir -p "${2:-build/plot}" && cd "${2:-build/plot}" && pwd)"
PORT="${PLOT_UI_PORT:-8899}"
TOKEN="plot-ui-test"
ROOT="$(mktemp -d)"

"$VENV/bin/python" - "$HERE/notebooks/plot_display.ipynb" "$ROOT" <<'PY'
import sys, nbformat
src, root = sys.argv[1:]
nb = nbformat.read(src, as_version=4)
for kernel in ("ijava-test", "jjava-test"):
    nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": "java"}
    nbformat.write(nb, f"{root}/plot_display_{kernel}.ipynb")
PY

"$VENV/bin/jupyter" lab --allow-root --no-browser --ip=127.0.0.1 --port="$PORT" \
  --ServerApp.token="$TOKEN" --ServerApp.root_dir="$ROOT" > "$OUT/jupyter-server.log" 2>&1 < /dev/null &
SERVER=$!
# SIGTERM: the server shuts its kernels down, then exits
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$ROOT"; }
trap cleanup EXIT
if curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1; then
  echo "port $PORT is taken: set PLOT_UI_PORT" >&2
  exit 1
fi
for _ in $(seq 60); do
  if curl -fs "http://127.0.0.1:$PORT/api/status?token=$TOKEN" >/dev/null 2>&1; then break; fi
  sleep 1
done

status=0
run() { node "$HERE/jupyter_ui.mjs" --url "http://127.0.0.1:$PORT" --token "$TOKEN" --plots 7 "$@" || status=1; }
run --ui lab --notebook plot_display_ijava-test.ipynb --screenshot "$OUT/jupyterlab-ijava.png"
run --ui lab --notebook plot_display_jjava-test.ipynb --screenshot "$OUT/jupyterlab-jjava.png"
run --ui notebook --notebook plot_display_jjava-test.ipynb --screenshot "$OUT/notebook7-jjava.png"
exit $status
