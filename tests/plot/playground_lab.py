"""Plays with notebooks/06-playground.ipynb in a real JupyterLab 4 server, in headless Chromium
(tests/plot/playground_ui.mjs): play, pause, one step, the learning-rate slider, reset; under each
kernel given, one after the other, in one server.

    .venv/bin/python tests/plot/playground_lab.py --kernel java-ijava --kernel java-jjava
        [--out build/playground] [--log build/logs/playground-ui.log] [--chromium /usr/bin/chromium]

For each kernel a copy of the notebook, its kernelspec set to that kernel, sits in a temporary root
folder; the server, its kernels and the browser run as in lab_ui.py (run it under `unshare -n` with
the loopback device up to keep it off the network; the browser blocks any request outside the
server in any case). After each page, the page has left the playground playing: the script shuts
that kernel down through the server's REST API and checks that its process ends (the training
thread must not keep the JVM alive).

Writes OUT/<kernel>-playing.png, -paused.png, -slider.png, -reset.png and OUT/<kernel>-fps.json.
Prints each page's "measure: {...}" line and "N passed, M failed"; exit code 0 when every kernel
passed and no kernel process outlived its shutdown or the server.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))
from lab_ui import TOKEN, free_port, stop, wait_for_server  # noqa: E402
from tools.run_notebooks import _processes_mentioning  # noqa: E402

NOTEBOOK = HERE.parent.parent / "notebooks" / "06-playground.ipynb"
PAGE_TIMEOUT = 900  # seconds for one kernel's page: open, run 7 playgrounds, play, slider, reset


def api(url: str, path: str, method: str = "GET"):
    request = urllib.request.Request(f"{url}{path}?token={TOKEN}", method=method)
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
    return json.loads(body) if body else None


def shut_down_kernels(url: str, runtime: Path) -> tuple[int, list[int]]:
    """Shuts down every kernel of the server (DELETE /api/kernels/<id>); returns how many, and the
    kernel processes still alive 15 s later (their command line names the runtime folder)."""
    kernels = api(url, "/api/kernels")
    for k in kernels:
        api(url, f"/api/kernels/{k['id']}", method="DELETE")
    deadline = time.monotonic() + 15
    while _processes_mentioning(str(runtime)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return len(kernels), _processes_mentioning(str(runtime))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kernel", action="append", required=True, help="a kernelspec name; repeat for more")
    ap.add_argument("--out", type=Path, default=Path("build/playground"))
    ap.add_argument("--log", type=Path, default=Path("build/logs/playground-ui.log"))
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    args.log.parent.mkdir(parents=True, exist_ok=True)

    work = Path(tempfile.mkdtemp(prefix="nn-playground-ui-"))
    root, runtime = work / "root", work / "runtime"
    root.mkdir()
    runtime.mkdir()
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for kernel in args.kernel:
        nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": "java"}
        nbformat.write(nb, root / f"{NOTEBOOK.stem}-{kernel}.ipynb")

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(runtime), JUPYTER_PREFER_ENV_PATH="1")
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--ServerApp.token={TOKEN}", f"--ServerApp.root_dir={root}",
               "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    failed: list[str] = []
    with open(args.log, "w", encoding="utf-8") as log_file:
        server = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, env=env, cwd=work)
        try:
            wait_for_server(url, server, args.log)
            for kernel in args.kernel:
                print(f"== {kernel}", flush=True)
                started = time.monotonic()
                status = subprocess.run(
                    ["node", str(HERE / "playground_ui.mjs"), "--url", url, "--token", TOKEN,
                     "--notebook", f"{NOTEBOOK.stem}-{kernel}.ipynb", "--out", str(args.out / kernel),
                     "--chromium", args.chromium], timeout=PAGE_TIMEOUT).returncode
                if status != 0:
                    failed.append(f"{kernel}: the page failed (see FAIL lines above)")
                count, left = shut_down_kernels(url, runtime)
                if count < 1:
                    failed.append(f"{kernel}: no kernel running after the page")
                if left:
                    failed.append(f"{kernel}: kernel processes {left} still alive 15 s after the shutdown"
                                  " (the playground was playing)")
                print(f"   {kernel}: page {'passed' if status == 0 else 'FAILED'}, {count} kernel shut down,"
                      f" {len(left)} process(es) left, {time.monotonic() - started:.0f} s", flush=True)
        finally:
            left = stop(server, runtime)
            shutil.rmtree(work, ignore_errors=True)
    if left:
        failed.append(f"kernel processes {left} outlived the server")
    for f in failed:
        print(f"FAIL {f}")
    passed = [k for k in args.kernel if not any(f.startswith(f"{k}:") for f in failed)]
    print(f"{len(passed)} passed, {len(args.kernel) - len(passed)} failed"
          + (" (and kernel processes outlived the server)" if left else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
