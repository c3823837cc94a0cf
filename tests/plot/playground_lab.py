"""Plays with notebooks/06-playground.ipynb in a real JupyterLab 4 server, in headless Chromium
(tests/plot/playground_ui.mjs): play, pause, one step, the learning-rate slider, reset.

    .venv/bin/python tests/plot/playground_lab.py --kernel java-ijava [--out build/playground]
        [--log build/logs/playground-ui-java-ijava.log] [--chromium /usr/bin/chromium]

The notebook is copied into a temporary root folder with its kernelspec set to --kernel; the server,
its kernels and the browser run as in lab_ui.py (run it under `unshare -n` with the loopback device
up to keep it off the network). Screenshots: OUT/<kernel>-playing.png, -slider.png, -reset.png.
Exit code 0 when the page passed and no kernel process outlived the server.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))
from lab_ui import TOKEN, free_port, stop, wait_for_server  # noqa: E402

NOTEBOOK = HERE.parent.parent / "notebooks" / "06-playground.ipynb"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--out", type=Path, default=Path("build/playground"))
    ap.add_argument("--log", type=Path)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    log = args.log or Path("build/logs") / f"playground-ui-{args.kernel}.log"
    log.parent.mkdir(parents=True, exist_ok=True)

    work = Path(tempfile.mkdtemp(prefix="nn-playground-ui-"))
    root, runtime = work / "root", work / "runtime"
    root.mkdir()
    runtime.mkdir()
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.metadata["kernelspec"]["name"] = args.kernel
    nbformat.write(nb, root / NOTEBOOK.name)

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(runtime), JUPYTER_PREFER_ENV_PATH="1")
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--ServerApp.token={TOKEN}", f"--ServerApp.root_dir={root}",
               "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    with open(log, "w", encoding="utf-8") as log_file:
        server = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, env=env, cwd=work)
        try:
            wait_for_server(url, server, log)
            status = subprocess.run(
                ["node", str(HERE / "playground_ui.mjs"), "--url", url, "--token", TOKEN,
                 "--notebook", NOTEBOOK.name, "--out", str(args.out / args.kernel),
                 "--chromium", args.chromium], timeout=900).returncode
        finally:
            left = stop(server, runtime)
            shutil.rmtree(work, ignore_errors=True)
    if left:
        print(f"FAIL kernel processes {left} outlived the server")
    return 1 if status != 0 or left else 0


if __name__ == "__main__":
    sys.exit(main())
