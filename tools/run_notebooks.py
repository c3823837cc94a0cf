"""Execute notebooks headless, each top to bottom in a fresh kernel, and report exactly what failed.

    .venv/bin/python tools/run_notebooks.py                      # every notebooks/*.ipynb, kernel `java`
    .venv/bin/python tools/run_notebooks.py --kernel java-jjava notebooks/00-getting-started.ipynb

For each notebook it writes the executed copy (with outputs, a PNG beside every plot drawn by
headless Chromium, marked trusted as `jupyter trust` does) to --executed (default build/notebooks/), an HTML report to --html (default build/reports/), with
--pdf DIR also a PDF of that report (headless Chromium), and the kernel's own log to --logs (default
build/logs/). Reports work offline: RequireJS and MathJax are copied next to them (tools/reports.py).
A cell that raises fails the run with the notebook's name, the cell's number (counting every cell
from 1, as they appear in JupyterLab), its source and the Java error; a cell that runs longer than
--timeout seconds is stopped; the kernel process never outlives its notebook's run.
Exit status: 0 when every notebook ran and every report was written, 1 otherwise. Without Chromium
the PDFs are skipped, with the reason, and the exit status does not change.

Tests use `run_notebook()` directly (see tests/conftest.py).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

if __package__:
    from .plots import ImageError, add_images
    from .reports import ASSETS_SOURCE, ReportError, chromium, export_html, pdf_unavailable, print_pdf, trust
else:  # run as a script: tools/ is on sys.path
    from plots import ImageError, add_images
    from reports import ASSETS_SOURCE, ReportError, chromium, export_html, pdf_unavailable, print_pdf, trust

PROJECT = Path(__file__).resolve().parent.parent
NOTEBOOKS = PROJECT / "notebooks"
BUILD = PROJECT / "build"
DEFAULT_KERNEL = "java"
DEFAULT_TIMEOUT = 300  # seconds per cell
STARTUP_TIMEOUT = 120  # seconds for the kernel to answer its first message
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@dataclass
class NotebookRun:
    """What happened when one notebook ran under one kernel."""

    notebook: Path
    kernel: str
    ok: bool
    failure: str | None  # the full message when not ok
    seconds: float
    cells: int
    nb: nbformat.NotebookNode  # the executed notebook (outputs up to the failing cell)
    kernel_pid: int | None = None
    connection_file: str | None = None
    kernelspec_dir: str | None = None
    executed: Path | None = None
    html: Path | None = None
    pdf: Path | None = None
    pdf_skipped: str | None = None  # why no PDF was printed (no Chromium)
    images_skipped: str | None = None  # why the plots have no PNG (no Chromium)
    report_failure: str | None = None  # the executed copy, HTML or PDF could not be written
    log: Path | None = None
    stray_processes: list[int] = field(default_factory=list)  # killed after the run (should be none)


def discover(folder: Path = NOTEBOOKS) -> list[Path]:
    """Every *.ipynb directly in `folder`, in name order (00-…, 01-…)."""
    return sorted(p for p in folder.glob("*.ipynb") if p.is_file())


def kernelspec_dir(kernel: str) -> str:
    """The folder of the kernelspec `kernel`; it must belong to this Python environment."""
    try:
        spec_dir = KernelSpecManager().get_kernel_spec(kernel).resource_dir
    except NoSuchKernel:
        raise LookupError(
            f"no kernel named {kernel!r} in this environment ({sys.prefix}): run `make kernels`"
        ) from None
    inside = os.path.realpath(spec_dir).startswith(os.path.realpath(sys.prefix) + os.sep)
    if not inside:
        raise LookupError(
            f"kernel {kernel!r} resolves to {spec_dir}, outside this environment ({sys.prefix}): "
            "another installation shadows it (JUPYTER_PATH or ~/.local/share/jupyter)"
        )
    return spec_dir


def strip_ansi(text: str) -> str:
    return ANSI.sub("", text)


def output_text(cell: nbformat.NotebookNode, streams: tuple[str, ...] = ("stdout",)) -> str:
    """The text a cell showed: its printed streams and the plain-text form of its results."""
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream" and out.name in streams:
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data") and "text/plain" in out.data:
            parts.append(out.data["text/plain"] + "\n")
        elif out.output_type == "error":
            parts.append(strip_ansi("\n".join(out.traceback)) + "\n")
    return "".join(parts)


def find_cell(nb: nbformat.NotebookNode, tag: str) -> nbformat.NotebookNode:
    """The one cell carrying `tag` in its metadata (tests find cells by tag, not by position)."""
    found = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    if len(found) != 1:
        raise LookupError(f"expected exactly one cell tagged {tag!r}, found {len(found)}")
    return found[0]


def _describe_error(reply: dict | None, cell: nbformat.NotebookNode) -> str:
    """The Java error as the notebook shows it (exception, message, where), without colours."""
    errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
    source = errors[-1] if errors else (reply or {})
    lines = [strip_ansi(line).rstrip() for line in source.get("traceback", [])]
    lines = [line for line in lines if line.strip() and set(line.strip()) != {"-"}]
    if lines:
        return "\n".join(lines)
    if source.get("ename"):
        return f"{source['ename']}: {source.get('evalue', '')}".rstrip()
    return "(the kernel reported no details)"


def _tail(path: Path | None, lines: int = 20) -> str:
    if path is None or not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(text[-lines:])


def _alive(pid: int) -> bool:
    """True while `pid` runs (a zombie that only waits to be reaped counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, IndexError):
        return not Path("/proc").is_dir()


def _processes_mentioning(text: str) -> list[int]:
    """Processes whose command line contains `text` (Linux /proc; empty elsewhere)."""
    found = []
    proc = Path("/proc")
    if not proc.is_dir() or not text:
        return found
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in cmdline and _alive(int(entry.name)):
            found.append(int(entry.name))
    return found


def _make_sure_gone(pid: int | None, connection_file: str | None, wait: float = 10.0) -> list[int]:
    """Wait for the kernel to end; kill whatever still runs with our kernel's connection file."""
    deadline = time.monotonic() + wait
    while pid is not None and _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    stray = set(_processes_mentioning(connection_file)) if connection_file else set()
    if pid is not None and _alive(pid):
        stray.add(pid)
    for p in stray:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return sorted(stray)


def run_notebook(
    notebook: Path,
    kernel: str = DEFAULT_KERNEL,
    timeout: int = DEFAULT_TIMEOUT,
    executed_dir: Path | None = None,
    html_dir: Path | None = None,
    log_dir: Path | None = None,
    startup_timeout: int = STARTUP_TIMEOUT,
    pdf_dir: Path | None = None,
    assets_source: Path = ASSETS_SOURCE,
) -> NotebookRun:
    """Run `notebook` top to bottom in a fresh `kernel`; never raises for a failing notebook."""
    notebook = Path(notebook)
    shown = _shown(notebook)
    nb = nbformat.read(notebook, as_version=4)
    total = len(nb.cells)
    started = time.monotonic()
    run = NotebookRun(notebook, kernel, False, None, 0.0, total, nb)
    try:
        run.kernelspec_dir = kernelspec_dir(kernel)
    except LookupError as e:
        run.failure = f"{shown}: {e}"
        return run

    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        run.log = log_dir / f"{notebook.stem}.{kernel}.log"
    state: dict = {"cell": None, "reply": None}
    client = NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=timeout,
        startup_timeout=startup_timeout,
        allow_errors=False,
        record_timing=True,
        shutdown_kernel="immediate",  # nothing to save in a kernel that is done; a hung one must go
        resources={"metadata": {"path": str(notebook.parent.resolve())}},
    )

    def on_notebook_start(notebook):  # the kernel is up: remember what to check afterwards
        run.kernel_pid = getattr(client.km.provisioner, "pid", None)
        run.connection_file = client.km.connection_file

    def on_cell_start(cell, cell_index):
        state["cell"] = cell_index

    def on_cell_error(cell, cell_index, execute_reply):
        state["reply"] = execute_reply.get("content", {})

    client.on_notebook_start = on_notebook_start
    client.on_cell_start = on_cell_start
    client.on_cell_error = on_cell_error

    log_file = open(run.log, "w", encoding="utf-8") if run.log else tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", prefix=f"{notebook.stem}.{kernel}.", suffix=".log")
    try:
        client.execute(stdout=log_file, stderr=log_file)
        run.ok = True
    except CellTimeoutError:
        run.failure = _cell_message(
            shown, kernel, nb, state["cell"],
            f"did not finish within {timeout} s; the kernel was stopped",
        )
    except CellExecutionError:
        index = state["cell"]
        detail = _describe_error(state["reply"], nb.cells[index]) if index is not None else ""
        run.failure = _cell_message(shown, kernel, nb, index, "raised an error", detail)
    except DeadKernelError:
        run.failure = _cell_message(
            shown, kernel, nb, state["cell"], "ended the kernel: its JVM exited or crashed",
            _tail(run.log), f"last lines of the kernel's log {_relative(run.log)}",
        )
    except Exception as e:  # the kernel did not start, or the client broke: say so, do not hide it
        tail = _tail(run.log)
        run.failure = f"{shown} under kernel {kernel}: {type(e).__name__}: {e}" + (
            f"\nlast lines of the kernel's log {run.log}:\n{tail}" if tail else ""
        )
    finally:
        run.stray_processes = _make_sure_gone(run.kernel_pid, run.connection_file)
        log_file.close()
        run.seconds = time.monotonic() - started

    if run.stray_processes and run.ok:
        run.ok = False
        run.failure = f"{shown} under kernel {kernel}: kernel process(es) {run.stray_processes} outlived the run and were killed"
    _write_outputs(run, executed_dir, html_dir, pdf_dir, assets_source)
    return run


def _shown(notebook: Path) -> str:
    """The notebook's path relative to the project when inside it, else as given."""
    try:
        return str(notebook.resolve().relative_to(PROJECT))
    except ValueError:
        return str(notebook)


def _cell_message(shown: str, kernel: str, nb, index: int | None, what: str, detail: str = "",
                  detail_title: str = "Java error") -> str:
    if index is None:
        return f"{shown} under kernel {kernel}: {what}\n{detail}".rstrip()
    cell = nb.cells[index]
    source = "\n".join("    " + line for line in cell.source.splitlines()) or "    (empty)"
    message = (
        f"{shown}: cell {index + 1} of {len(nb.cells)} {what} (kernel {kernel})\n"
        f"--- source of cell {index + 1} ---\n{source}"
    )
    if detail:
        message += f"\n--- {detail_title} ---\n{detail}"
    return message


def _write_outputs(run: NotebookRun, executed_dir: Path | None, html_dir: Path | None,
                   pdf_dir: Path | None = None, assets_source: Path = ASSETS_SOURCE) -> None:
    """The executed copy (trusted, a PNG beside every plot), its HTML report and the report's PDF;
    failures go to run.report_failure."""
    name = run.notebook.stem
    try:
        browser = chromium()
        if browser is not None:
            add_images(run.nb, browser, Path(assets_source) / "plotly.js-dist-min" / "plotly.min.js")
        else:
            run.images_skipped = pdf_unavailable()
        if executed_dir is not None:
            executed_dir.mkdir(parents=True, exist_ok=True)
            run.executed = executed_dir / run.notebook.name
            nbformat.write(run.nb, run.executed)
            trust(run.executed)
        if html_dir is not None:
            html_dir.mkdir(parents=True, exist_ok=True)
            run.html = export_html(run.nb, name, html_dir, assets_source)
        if pdf_dir is not None and run.html is not None:
            run.pdf_skipped = pdf_unavailable()
            if run.pdf_skipped is None:
                pdf_dir.mkdir(parents=True, exist_ok=True)
                run.pdf = print_pdf(run.html, pdf_dir / f"{name}.pdf")
    except (ReportError, ImageError) as e:
        run.report_failure = f"{_shown(run.notebook)}: report not written: {e}"


def _relative(path: Path | None) -> str:
    if path is None:
        return "-"
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="notebooks to run (default: every notebooks/*.ipynb)")
    parser.add_argument("--kernel", default=DEFAULT_KERNEL, help="kernelspec name (default: %(default)s)")
    parser.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT,
                        help="seconds a cell may run (default: %(default)s)")
    parser.add_argument("--executed", type=Path, default=BUILD / "notebooks",
                        help="folder for executed copies (default: build/notebooks)")
    parser.add_argument("--html", type=Path, default=BUILD / "reports",
                        help="folder for HTML reports (default: build/reports)")
    parser.add_argument("--pdf", type=Path, default=None,
                        help="folder for PDFs of the HTML reports (default: none)")
    parser.add_argument("--logs", type=Path, default=BUILD / "logs",
                        help="folder for the kernels' logs (default: build/logs)")
    parser.add_argument("--assets-from", type=Path, default=ASSETS_SOURCE,
                        help="node_modules holding requirejs and mathjax (default: tools/plot/node_modules)")
    args = parser.parse_args(argv)

    notebooks = args.notebooks or discover()
    if not notebooks:
        print(f"no notebooks found in {NOTEBOOKS}")
        return 1
    failed, unreported, skipped = [], [], set()
    for path in notebooks:
        run = run_notebook(path, args.kernel, args.timeout, args.executed, args.html, args.logs,
                           pdf_dir=args.pdf, assets_source=args.assets_from)
        status = "ok    " if run.ok else "FAILED"
        written = ", ".join(_relative(p) for p in (run.executed, run.html, run.pdf) if p is not None)
        print(f"{status} {_shown(path)}  kernel {args.kernel}  {run.cells} cells  {run.seconds:.1f} s"
              f"  -> {written or '-'}", flush=True)
        if not run.ok:
            failed.append(run)
            print(run.failure, flush=True)
        if run.report_failure:
            unreported.append(run)
            print(run.report_failure, flush=True)
        if run.pdf_skipped:
            skipped.add(run.pdf_skipped)
    print(f"notebooks: {len(notebooks) - len(failed)} passed, {len(failed)} failed")
    if args.html is not None:
        reports = f"reports: {len(notebooks) - len(unreported)} written to {_relative(args.html)}"
        if args.pdf is not None:
            reports += " (HTML and PDF)" if not skipped else " (HTML only)"
        print(reports + (f", {len(unreported)} failed" if unreported else ""))
    for reason in sorted(skipped):
        print(f"PDFs and plot images skipped: {reason}")
    return 1 if failed or unreported else 0


if __name__ == "__main__":
    sys.exit(main())
