"""Plays with notebooks/06-playground.ipynb in a real JupyterLab 4 server, in headless Chromium
(tests/plot/playground_ui.mjs): play, pause, one step, the learning-rate slider, reset, a kernel
interrupt while playing, the notebook's tab closed while playing; under each kernel given, one
after the other, in one server.

    .venv/bin/python tests/plot/playground_lab.py --kernel java-ijava --kernel java-jjava
        [--out build/playground] [--log build/logs/playground-ui.log] [--chromium /usr/bin/chromium]

For each kernel a copy of the notebook, its kernelspec set to that kernel, sits in a temporary root
folder; the server, its kernels and the browser run as in lab_ui.py (run it under `unshare -n` with
the loopback device up to keep it off the network; the browser blocks any request outside the
server in any case). When the page has closed the notebook's tab with play on, this script talks
to the kernel as a second client (jupyter_client, its connection file) and reads the JVM's list of
threads until no play thread is left (at most CLOSED_TAB_LIMIT seconds), then twice more, 3 s
apart. Then it starts play once more from that client (a playground with no page) and at once shuts
the kernel down through the server's REST API: its process must end (the training thread must not
keep the JVM alive).

Writes OUT/<kernel>-playing.png, -paused.png, -slider.png, -reset.png, -interrupted.png,
OUT/<kernel>-fps.json and OUT/<kernel>-stops.json (how play stopped after the interrupt and after
the tab closed). Prints each page's "measure: {...}" line, a "closed tab: {...}" line and
"N passed, M failed"; exit code 0 when every kernel passed and no kernel process outlived its
shutdown or the server.
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
CLOSED_TAB_LIMIT = 20  # seconds within which play must stop once the tab is closed
PLAY_THREADS = ('Thread.getAllStackTraces().keySet().stream()'
                '.filter(t -> t.getName().equals("neuralnotes-playground") && t.isAlive()).count()')


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


def java_value(client, code: str) -> str:
    """Runs `code` in the kernel as a cell and returns its result's text/plain."""
    results: list[str] = []

    def keep(message: dict) -> None:
        if message["msg_type"] == "execute_result":
            results.append(message["content"]["data"]["text/plain"].strip())

    reply = client.execute_interactive(code, timeout=60, output_hook=keep)
    if reply["content"]["status"] != "ok" or not results:
        raise RuntimeError(f"{code!r} failed in the kernel: {reply['content']}")
    return results[-1]


def check_closed_tab(url: str, runtime: Path, closed_at: float) -> tuple[dict, list[str]]:
    """With the notebook's tab closed while playing: how long the JVM keeps a play thread (polled
    once a second from a second client), then two reads 3 s apart; then play once more from this
    client, left on for the shutdown that follows. Returns the measures and the failures."""
    from jupyter_client import BlockingKernelClient

    kernels = api(url, "/api/kernels")
    if len(kernels) != 1:
        return {}, [f"{len(kernels)} kernels running when the tab closed, expected 1"]
    client = BlockingKernelClient()
    client.load_connection_file(str(runtime / f"kernel-{kernels[0]['id']}.json"))
    client.start_channels()
    failures: list[str] = []
    measure: dict = {}
    try:
        client.wait_for_ready(timeout=60)
        left = java_value(client, PLAY_THREADS)
        while left != "0" and time.monotonic() - closed_at < CLOSED_TAB_LIMIT:
            time.sleep(1)
            left = java_value(client, PLAY_THREADS)
        measure["play_stopped_after_s"] = round(time.monotonic() - closed_at, 1)
        if left != "0":
            failures.append(f"a play thread still runs {CLOSED_TAB_LIMIT} s after the tab closed")
        reads = [left]
        for _ in range(2):
            time.sleep(3)
            reads.append(java_value(client, PLAY_THREADS))
        measure["play_threads"] = reads
        if reads[1:] != ["0", "0"]:
            failures.append(f"play threads after the tab closed, 3 s apart: {reads}")
        measure["threads_named_neuralnotes"] = java_value(client, 'Thread.getAllStackTraces().keySet().stream()'
            '.map(Thread::getName).filter(n -> n.startsWith("neuralnotes")).sorted().toList().toString()')
        # play on, with no page to tick: the shutdown that follows comes while it trains
        playing = java_value(client, "var nnShutdownCheck = org.neuralnotes.playground.Playground.open();"
                                     " nnShutdownCheck.play(); nnShutdownCheck.training()")
        if playing != "true":
            failures.append(f"play did not start for the shutdown check: {playing}")
    finally:
        client.stop_channels()
    return measure, failures


def run_page(url: str, runtime: Path, kernel: str, out: Path, chromium: str) -> tuple[int, list[str]]:
    """Runs playground_ui.mjs; when it has closed the tab, checks the kernel, then lets it finish."""
    page = subprocess.Popen(
        ["node", str(HERE / "playground_ui.mjs"), "--url", url, "--token", TOKEN,
         "--notebook", f"{NOTEBOOK.stem}-{kernel}.ipynb", "--out", str(out / kernel), "--chromium", chromium],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    failures: list[str] = []
    closed = False
    stops: dict = {}
    deadline = time.monotonic() + PAGE_TIMEOUT
    for line in page.stdout:
        print(line, end="", flush=True)
        if line.startswith("tab-closed: "):
            closed = True
            try:
                measure, failures = check_closed_tab(url, runtime, time.monotonic())
            except Exception as e:  # noqa: BLE001 - a failure to report, with the page still to close
                measure, failures = {}, [f"checking the kernel after the tab closed failed: {e}"]
            print(f"closed tab: {json.dumps(measure)}", flush=True)
            stops["closed_tab"] = measure
            page.stdin.write("done\n")
            page.stdin.flush()
        if line.startswith("measure: "):
            stops["interrupt"] = json.loads(line[len("measure: "):]).get("interrupt")
        if time.monotonic() > deadline:
            page.kill()
            failures.append(f"the page took more than {PAGE_TIMEOUT} s")
    page.stdin.close()
    status = page.wait(timeout=60)
    if not closed:
        failures.append("the page never closed the notebook's tab")
    (out / f"{kernel}-stops.json").write_text(json.dumps(stops, indent=1) + "\n")
    return status, failures


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
                status, closed_tab = run_page(url, runtime, kernel, args.out, args.chromium)
                if status != 0:
                    failed.append(f"{kernel}: the page failed (see FAIL lines above)")
                failed.extend(f"{kernel}: {f}" for f in closed_tab)
                count, left = shut_down_kernels(url, runtime)
                if count < 1:
                    failed.append(f"{kernel}: no kernel running after the page")
                if left:
                    failed.append(f"{kernel}: kernel processes {left} still alive 15 s after the shutdown"
                                  " (a playground was playing)")
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
