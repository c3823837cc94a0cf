#!/usr/bin/env bash
# The Python side of make bench: a virtual environment with the pinned numpy
# (tools/bench/requirements.txt) in build/bench/venv, and PyTorch from Debian's python3-torch
# (CPU only) when it can be installed (root and apt-get); without it the torch column is left out.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=build/bench/venv
python=${PYTHON:-python3}

if [ ! -x "$venv/bin/python" ]; then
  mkdir -p build/bench
  if ! "$python" -m venv "$venv" 2>/dev/null; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv >/dev/null \
        || { apt-get update -q >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv >/dev/null; }
      rm -rf "$venv"; "$python" -m venv "$venv"
    else
      echo "cannot create a Python virtual environment (install python3-venv)" >&2; exit 1
    fi
  fi
fi
stamp="$venv/.requirements"
if ! cmp -s tools/bench/requirements.txt "$stamp"; then
  "$venv/bin/pip" install -q --disable-pip-version-check -r tools/bench/requirements.txt
  cp tools/bench/requirements.txt "$stamp"
fi

if [ "${BENCH_TORCH:-1}" = 1 ] && ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q python3-torch >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null && apt-get install -y -q python3-torch >/dev/null 2>&1; } \
      || echo "python3-torch could not be installed: the benchmark runs without PyTorch" >&2
  else
    echo "PyTorch not installed (Debian: apt-get install python3-torch): left out" >&2
  fi
fi
