#!/usr/bin/env bash
# Installs the native OpenBLAS that org.neuralnotes.linalg.BlasEngine uses for the matrix
# products. Without it the library still works, with EJML's plain Java products (slower).
# Debian/Ubuntu as root: apt-get install libopenblas0-pthread. Elsewhere: prints what to do.
set -euo pipefail

for f in /usr/lib/x86_64-linux-gnu/libopenblas.so.0 /usr/lib/aarch64-linux-gnu/libopenblas.so.0 \
         /usr/lib64/libopenblasp.so.0 /usr/lib64/libopenblas.so.0 /usr/lib/libopenblas.so.0 \
         /usr/local/lib/libopenblas.so.0; do
  if [ -e "$f" ]; then
    echo "OpenBLAS present: $f"
    exit 0
  fi
done

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q libopenblas0-pthread >/dev/null 2>&1; then
    apt-get update -q >/dev/null
    apt-get install -y -q libopenblas0-pthread >/dev/null
  fi
  echo "OpenBLAS installed: libopenblas0-pthread"
else
  echo "OpenBLAS not found and not installable here (needs root and apt-get)."
  echo "Install your system's OpenBLAS (e.g. 'sudo apt-get install libopenblas0-pthread')"
  echo "or run with -Ddev.ludovic.netlib.blas.nativeLibPath=/path/to/libopenblas.so.0;"
  echo "until then the library uses its plain Java products."
fi
