"""Opens a notebook in a real JupyterLab 4 server in headless Chromium and checks that its plots draw:

1. run from the interface: a copy of the notebook (without outputs) is opened and every cell is run
   from the Run menu; every plot must draw (plotly's SVG with its title) and no cell may show an
   error;
2. (with --executed) opened as saved: the executed copy that `make notebooks` wrote and marked
   trusted is opened without running anything; its saved plots must draw as they are;
3. (with --executed) each plot alone: a new notebook, not trusted, holding one cell per plot output
   of the executed copy, each cell with that output only, is opened without running anything;
   every plot must draw by itself (no output depends on another having loaded plotly.js).

    .venv/bin/python tests/plot/lab_ui.py NOTEBOOK.ipynb --plots N [--executed EXECUTED.ipynb]
        [--out build/reports] [--log build/logs/jupyterlab-ui.log] [--chromium /usr/bin/chromium]

The server is JupyterLab from the Python environment running this script, with that environment's
kernels (`java`), on 127.0.0.1, with a temporary root folder holding copies of the notebooks, so
nothing in notebooks/ is touched. Run it under `unshare -n` (with the loopback device up) to keep
the whole test off the network; in any case the browser blocks every request outside the server.
Writes OUT/jupyterlab.png (and OUT/jupyterlab-executed.png, OUT/jupyterlab-alone.png) and the server's log (--log). Stops
the server and its kernels at the end; a kernel process left over fails the test. Prints what each
step found and "N passed, M failed"; exit code 0 when every step passes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
import nbformat  # noqa: E402

from tools.plots import figures  # noqa: E402
from tools.run_notebooks import _processes_mentioning  # noqa: E402

TOKEN = "neuralnotes-ui-test"
SERVER_START = 120  # seconds
UI_TIMEOUT = 600  # seconds for one page: open, run, draw


def plots_alone(executed: Path) -> nbformat.NotebookNode:
    """A new notebook (unsigned) with one code cell per plot output of `executed`, holding that output only."""
    nb = nbformat.read(executed, as_version=4)
    alone = nbformat.v4.new_notebook(metadata={"kernelspec": nb.metadata.get("kernelspec", {})})
    for out in figures(nb):
        cell = nbformat.v4.new_code_cell("// a plot output, copied alone")
        cell.outputs = [out]
        alone.cells.append(cell)
    return alone


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_server(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"JupyterLab exited with status {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"JupyterLab did not answer within {SERVER_START} s:\n{log.read_text()[-3000:]}")


def stop(server: subprocess.Popen, runtime: Path) -> list[int]:
    """SIGTERM: the server shuts its kernels down, then exits. Returns kernel processes left over."""
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    deadline = time.monotonic() + 10
    while _processes_mentioning(str(runtime)) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = _processes_mentioning(str(runtime))
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return left


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("notebook", type=Path)
    ap.add_argument("--plots", type=int, required=True, help="plots the notebook shows")
    ap.add_argument("--executed", type=Path, help="its executed, trusted copy, opened without running")
    ap.add_argument("--out", type=Path, default=Path("build/reports"), help="folder for the screenshots")
    ap.add_argument("--log", type=Path, default=Path("build/logs/jupyterlab-ui.log"), help="the server's log")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()

    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="nn-lab-ui-"))
    root, runtime = work / "root", work / "runtime"
    (root / "executed").mkdir(parents=True)
    runtime.mkdir()
    name = args.notebook.name
    shutil.copy(args.notebook, root / name)
    if args.executed:
        shutil.copy(args.executed, root / "executed" / name)  # trust goes with the content
        alone = plots_alone(args.executed)
        nbformat.write(alone, root / "executed" / f"alone-{name}")
        print(f"{len(alone.cells)} plot outputs copied alone into executed/alone-{name}")

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = args.log
    log.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(runtime), JUPYTER_PREFER_ENV_PATH="1")
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--ServerApp.token={TOKEN}", f"--ServerApp.root_dir={root}",
               "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    steps = []
    with open(log, "w", encoding="utf-8") as log_file:
        server = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, env=env, cwd=work)
        try:
            wait_for_server(url, server, log)
            ui = ["node", str(HERE / "jupyter_ui.mjs"), "--url", url, "--token", TOKEN,
                  "--plots", str(args.plots), "--chromium", args.chromium]
            steps.append(("run from the interface", subprocess.run(
                ui + ["--notebook", name, "--screenshot", str(args.out / "jupyterlab.png")],
                timeout=UI_TIMEOUT).returncode))
            if args.executed:
                steps.append(("executed copy opened as saved", subprocess.run(
                    ui + ["--notebook", f"executed/{name}", "--run", "no",
                          "--screenshot", str(args.out / "jupyterlab-executed.png")],
                    timeout=UI_TIMEOUT).returncode))
                steps.append(("each plot output alone in a new notebook", subprocess.run(
                    ui + ["--notebook", f"executed/alone-{name}", "--run", "no",
                          "--plots", str(len(alone.cells)),
                          "--screenshot", str(args.out / "jupyterlab-alone.png")],
                    timeout=UI_TIMEOUT).returncode))
        finally:
            left = stop(server, runtime)
            shutil.rmtree(work, ignore_errors=True)
    failed = [step for step, status in steps if status != 0]
    if left:
        failed.append(f"kernel processes {left} outlived the server")
    for step in failed:
        print(f"FAIL {step}")
    print(f"{len(steps) + 1 - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
