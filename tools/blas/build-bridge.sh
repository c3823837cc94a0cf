#!/usr/bin/env bash
# Builds the library's preferred native BLAS: the OpenBLAS that numpy ships (the scipy-openblas32
# wheel from PyPI, pinned with hashes in tools/blas/requirements.txt) behind a small bridge,
# src/main/native/neuralnotes_blas.c, that gives its scipy_-prefixed functions the names
# dev.ludovic.netlib looks up (dgemm_, dgemv_).
#
# Output: $NEURALNOTES_CACHE (default ~/.cache/neuralnotes)/scipy-openblas/libneuralnotes_blas.so
# with the wheel's libraries in lib/ beside it; org.neuralnotes.linalg.BlasLibrary loads it from
# there (the JVM property neuralnotes.cache names the same folder as NEURALNOTES_CACHE).
#
# Optional by design: without a C compiler, pip, the network, or on another platform, it says
# why and exits 0, and the library uses the OpenBLAS inside the org.bytedeco:openblas jar.
# Called by `make lib`; a second run with the same inputs does nothing.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
requirements="$here/requirements.txt"
source_file="$root/src/main/native/neuralnotes_blas.c"
cache="${NEURALNOTES_CACHE:-$HOME/.cache/neuralnotes}"
dest="$cache/scipy-openblas"
python="${PYTHON:-python3}"
cc="${CC:-cc}"

skip() {
    echo "!! native BLAS bridge not built: $1" >&2
    echo "!!   the library uses the OpenBLAS inside the org.bytedeco:openblas jar instead" >&2
    exit 0
}

case "$(uname -s)-$(uname -m)" in
    Linux-x86_64|Linux-aarch64) ;;
    *) skip "scipy-openblas32 is used on Linux x86_64 and aarch64 only, found $(uname -s) $(uname -m)" ;;
esac

stamp="$(cat "$requirements" "$source_file" "$0" | sha256sum | cut -d' ' -f1)"
if [[ -f "$dest/libneuralnotes_blas.so" && "$(cat "$dest/STAMP" 2>/dev/null)" == "$stamp" ]]; then
    echo "   native BLAS bridge up to date: $dest/libneuralnotes_blas.so"
    exit 0
fi

command -v "$cc" >/dev/null || skip "no C compiler ('$cc'; set CC=...)"
"$python" -m pip --version >/dev/null 2>&1 || skip "no pip for '$python' (set PYTHON=...)"

mkdir -p "$cache" 2>/dev/null || skip "cannot write $cache (set NEURALNOTES_CACHE=...)"
work="$(mktemp -d "$cache/.scipy-openblas.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "== native BLAS: scipy-openblas32 from PyPI (tools/blas/requirements.txt) + src/main/native/neuralnotes_blas.c"
"$python" -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: \
    --require-hashes -r "$requirements" -d "$work/wheel" \
    || skip "pip could not download scipy-openblas32 (offline?)"
wheel="$(ls "$work"/wheel/scipy_openblas32-*.whl)"
"$python" -m zipfile -e "$wheel" "$work/unpacked"
out="$work/out"
mkdir -p "$out"
mkdir -p "$out/lib"
cp -a "$work"/unpacked/scipy_openblas32/lib/. "$out/lib/"
# the bridge finds OpenBLAS in lib/ beside itself, wherever the folder is
"$cc" -O2 -shared -fPIC -o "$out/libneuralnotes_blas.so" "$source_file" \
    -L"$out/lib" -lscipy_openblas -Wl,-rpath,'$ORIGIN/lib' \
    || skip "'$cc' could not compile $source_file"

# one product through the bridge: [1 2; 3 4]·[5 6; 7 8] = [19 22; 43 50] (column-major)
"$python" - "$out/libneuralnotes_blas.so" <<'PY' || skip "the bridge was built but its dgemm_ gave a wrong product"
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1])
D = ctypes.c_double * 4
a, b, c = D(1, 3, 2, 4), D(5, 7, 6, 8), D(0, 0, 0, 0)
n, one, zero, N = ctypes.c_int(2), ctypes.c_double(1), ctypes.c_double(0), ctypes.c_char(b"N")
r = ctypes.byref
lib.dgemm_(r(N), r(N), r(n), r(n), r(n), r(one), a, r(n), b, r(n), r(zero), c, r(n))
sys.exit(0 if list(c) == [19.0, 43.0, 22.0, 50.0] else f"dgemm_ gave {list(c)}")
PY

basename "$wheel" > "$out/WHEEL"
echo "$stamp" > "$out/STAMP"
rm -rf "$dest.old"
if [[ -d "$dest" ]]; then mv "$dest" "$dest.old"; fi
mv "$out" "$dest"
rm -rf "$dest.old"
echo "   built $dest/libneuralnotes_blas.so ($(cat "$dest/WHEEL"))"
