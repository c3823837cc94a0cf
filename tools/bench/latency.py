"""Notebook latency: how long a student waits for a notebook's first result, and for all of it.

    .venv/bin/python tools/bench/latency.py                         # every notebooks/*.ipynb, kernel `java`
    .venv/bin/python tools/bench/latency.py --reps 5 --kernel java-jjava notebooks/00-getting-started.ipynb

Each repetition runs every notebook (in name order) top to bottom in a fresh kernel, exactly as
`make notebooks` does (tools/run_notebooks.py: same kernelspec lookup, same client, the kernel's
working directory is notebooks/), and measures three times, all from the moment the kernel is
launched (the kernel manager is asked to start the kernel process):

    kernel ready   the kernel answered kernel_info (what Jupyter waits for before running a cell)
    first result   the first code cell finished: its execute_reply came back with status ok and
                   its outputs arrived (what a student sees after opening a notebook and pressing
                   Shift+Enter on the first code cell)
    full run       the last cell finished (every cell run in order, as "Run All" does)

Repetitions alternate between the notebooks (rep 1 of every notebook, then rep 2, ...) so a burst
of load elsewhere on the machine does not land on one notebook only. The report gives medians and
maxima; a target is met when the median is within it (first result <= 3 s, full run <= 30 s by
default). The per-cell times say where a slow notebook spends its time.

Writes to --out (default build/bench/):
    latency.md          the table (also printed), the slowest cells, the kernel command and the load
    latency.csv         one row per notebook: medians, maxima, targets met
    latency-runs.csv    one row per notebook and repetition
    latency-cells.csv   one row per code cell: median and max seconds
    logs/               each kernel's own output (the last repetition of each notebook)
Exit status: 1 when a notebook fails to run (the cell and the Java error are printed), else 0;
a missed target is reported, not an error.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tools/: run_notebooks, reports
from run_notebooks import (  # noqa: E402
    BUILD, DEFAULT_KERNEL, DEFAULT_TIMEOUT, STARTUP_TIMEOUT, _cell_message, _describe_error,
    _make_sure_gone, _shown, _tail, discover, kernelspec_dir,
)

FIRST_RESULT_TARGET = 3.0  # seconds from launch to the first code cell's result
FULL_RUN_TARGET = 30.0  # seconds from launch to the last cell's end
DEFAULT_REPS = 3
SLOWEST_CELLS_SHOWN = 3


@dataclass
class CellTime:
    """One code cell's run: its number (every cell counted from 1, as JupyterLab shows them)."""

    number: int
    first_line: str
    seconds: float


@dataclass
class Timing:
    """One run of one notebook in a fresh kernel; every time counts from the kernel's launch."""

    notebook: str
    rep: int
    ok: bool = False
    failure: str | None = None
    ready: float | None = None  # kernel answered kernel_info
    first_output: float | None = None  # the first code cell's first output arrived
    first_result: float | None = None  # the first code cell finished with status ok
    full: float | None = None  # the last cell finished
    cells: list[CellTime] = field(default_factory=list)


class TimedClient(NotebookClient):
    """nbclient's NotebookClient that notes when the kernel is launched and when outputs arrive."""

    def __init__(self, *args, clock=time.monotonic, **kwargs):
        super().__init__(*args, **kwargs)
        self.clock = clock
        self.launched: float | None = None
        self.outputs_at: dict[int, float] = {}  # cell index -> its first output

    async def async_start_new_kernel(self, **kwargs):
        self.launched = self.clock()
        await super().async_start_new_kernel(**kwargs)

    def output(self, outs, msg, display_id, cell_index):
        self.outputs_at.setdefault(cell_index, self.clock())
        return super().output(outs, msg, display_id, cell_index)


def first_line(source: str) -> str:
    """The cell's first line that is not blank or a comment-only line, shortened for a table."""
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    code = [line for line in lines if not line.startswith("//")] or lines or ["(empty)"]
    text = code[0]
    return text if len(text) <= 60 else text[:57] + "..."


def time_notebook(notebook: Path, kernel: str, rep: int, timeout: int, log_dir: Path | None,
                  startup_timeout: int = STARTUP_TIMEOUT) -> Timing:
    """Run `notebook` once in a fresh `kernel` and time it; never raises for a failing notebook."""
    shown = _shown(notebook)
    timing = Timing(notebook.stem, rep)
    nb = nbformat.read(notebook, as_version=4)
    try:
        kernelspec_dir(kernel)
    except LookupError as e:
        timing.failure = f"{shown}: {e}"
        return timing

    client = TimedClient(
        nb,
        kernel_name=kernel,
        timeout=timeout,
        startup_timeout=startup_timeout,
        allow_errors=False,
        shutdown_kernel="immediate",
        resources={"metadata": {"path": str(notebook.parent.resolve())}},
    )
    clock = client.clock
    state: dict = {"cell": None, "reply": None, "pid": None, "connection_file": None,
                   "first_code": None, "started": {}, "last_end": None}

    def on_notebook_start(notebook):
        timing.ready = clock() - client.launched
        state["pid"] = getattr(client.km.provisioner, "pid", None)
        state["connection_file"] = client.km.connection_file

    def on_cell_start(cell, cell_index):
        state["cell"] = cell_index

    def on_cell_execute(cell, cell_index):
        state["started"][cell_index] = clock()
        if state["first_code"] is None:
            state["first_code"] = cell_index

    def on_cell_executed(cell, cell_index, execute_reply):
        now = state["last_end"] = clock()
        ok = execute_reply.get("content", {}).get("status") == "ok"
        timing.cells.append(CellTime(cell_index + 1, first_line(cell.source),
                                     now - state["started"][cell_index]))
        if cell_index == state["first_code"] and ok:
            timing.first_result = now - client.launched
            if cell_index in client.outputs_at:
                timing.first_output = client.outputs_at[cell_index] - client.launched

    def on_cell_error(cell, cell_index, execute_reply):
        state["reply"] = execute_reply.get("content", {})

    client.on_notebook_start = on_notebook_start
    client.on_cell_start = on_cell_start
    client.on_cell_execute = on_cell_execute
    client.on_cell_executed = on_cell_executed
    client.on_cell_error = on_cell_error

    log = None
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        log = log_dir / f"{notebook.stem}.{kernel}.log"
    log_file = open(log, "w", encoding="utf-8") if log else None
    try:
        client.execute(**({"stdout": log_file, "stderr": log_file} if log_file else {}))
        if state["last_end"] is None or timing.first_result is None:
            timing.failure = f"{shown}: no code cell ran, so there is no first result to time"
        else:
            # the end of the last cell; the kernel's shutdown is not part of the run
            timing.full = state["last_end"] - client.launched
            timing.ok = True
    except CellTimeoutError:
        timing.failure = _cell_message(shown, kernel, nb, state["cell"],
                                       f"did not finish within {timeout} s; the kernel was stopped")
    except CellExecutionError:
        index = state["cell"]
        detail = _describe_error(state["reply"], nb.cells[index]) if index is not None else ""
        timing.failure = _cell_message(shown, kernel, nb, index, "raised an error", detail)
    except DeadKernelError:
        timing.failure = _cell_message(shown, kernel, nb, state["cell"],
                                       "ended the kernel: its JVM exited or crashed",
                                       _tail(log), f"last lines of the kernel's log {log}")
    except Exception as e:  # the kernel did not start, or the client broke
        tail = _tail(log)
        timing.failure = f"{shown} under kernel {kernel}: {type(e).__name__}: {e}" + (
            f"\nlast lines of the kernel's log {log}:\n{tail}" if tail else "")
    finally:
        stray = _make_sure_gone(state["pid"], state["connection_file"])
        if log_file:
            log_file.close()
    if stray and timing.ok:
        timing.ok = False
        timing.failure = f"{shown} under kernel {kernel}: kernel process(es) {stray} outlived the run"
    return timing


@dataclass
class Summary:
    """Medians and maxima of one notebook's repetitions, and whether the targets are met."""

    notebook: str
    reps: int
    ready_median: float
    ready_max: float
    first_median: float
    first_max: float
    full_median: float
    full_max: float
    first_target: float
    full_target: float

    @property
    def first_met(self) -> bool:
        return self.first_median <= self.first_target

    @property
    def full_met(self) -> bool:
        return self.full_median <= self.full_target


def summarize(timings: list[Timing], first_target: float = FIRST_RESULT_TARGET,
              full_target: float = FULL_RUN_TARGET) -> list[Summary]:
    """One Summary per notebook (in first-seen order) over its successful runs."""
    by_notebook: dict[str, list[Timing]] = {}
    for t in timings:
        if t.ok:
            by_notebook.setdefault(t.notebook, []).append(t)
    summaries = []
    for name, runs in by_notebook.items():
        ready = [t.ready for t in runs]
        first = [t.first_result for t in runs]
        full = [t.full for t in runs]
        summaries.append(Summary(
            name, len(runs),
            statistics.median(ready), max(ready),
            statistics.median(first), max(first),
            statistics.median(full), max(full),
            first_target, full_target,
        ))
    return summaries


def cell_table(timings: list[Timing]) -> list[dict]:
    """Per notebook and code cell: median and max seconds over the successful runs."""
    cells: dict[tuple[str, int], dict] = {}
    for t in timings:
        if not t.ok:
            continue
        for c in t.cells:
            row = cells.setdefault((t.notebook, c.number),
                                   {"notebook": t.notebook, "cell": c.number, "first_line": c.first_line,
                                    "seconds": []})
            row["seconds"].append(c.seconds)
    return [
        {**row, "median": statistics.median(row["seconds"]), "max": max(row["seconds"])}
        for row in cells.values()
    ]


def _yes(met: bool) -> str:
    return "yes" if met else "NO"


def markdown_table(summaries: list[Summary]) -> str:
    header = (
        "| notebook | kernel ready (s) | first result (s) | full run (s) | first result ≤ "
        f"{_s(summaries, 'first_target')} s | full run ≤ {_s(summaries, 'full_target')} s |\n"
        "|---|---:|---:|---:|:-:|:-:|\n"
    )
    rows = [
        f"| {s.notebook} | {s.ready_median:.2f} (max {s.ready_max:.2f}) "
        f"| {s.first_median:.2f} (max {s.first_max:.2f}) "
        f"| {s.full_median:.1f} (max {s.full_max:.1f}) | {_yes(s.first_met)} | {_yes(s.full_met)} |"
        for s in summaries
    ]
    return header + "\n".join(rows) + "\n"


def _s(summaries: list[Summary], attribute: str) -> str:
    value = getattr(summaries[0], attribute) if summaries else (
        FIRST_RESULT_TARGET if attribute == "first_target" else FULL_RUN_TARGET)
    return f"{value:g}"


def verdict(summaries: list[Summary]) -> str:
    """One line: which notebooks miss which target (medians)."""
    if not summaries:
        return "no notebook ran to the end: no latency to report"
    slow_first = [s.notebook for s in summaries if not s.first_met]
    slow_full = [s.notebook for s in summaries if not s.full_met]
    if not slow_first and not slow_full:
        return f"targets met: all {len(summaries)} notebooks (medians)"
    parts = []
    if slow_first:
        parts.append(f"first result > {summaries[0].first_target:g} s: {', '.join(slow_first)}")
    if slow_full:
        parts.append(f"full run > {summaries[0].full_target:g} s: {', '.join(slow_full)}")
    return "targets MISSED (medians): " + "; ".join(parts)


def slowest_cells(cells: list[dict], shown: int = SLOWEST_CELLS_SHOWN) -> str:
    """Per notebook, its slowest code cells by median time."""
    lines = ["| notebook | cell | median (s) | max (s) | first line |", "|---|---:|---:|---:|---|"]
    notebooks = sorted({c["notebook"] for c in cells})
    for name in notebooks:
        ranked = sorted((c for c in cells if c["notebook"] == name), key=lambda c: -c["median"])
        for c in ranked[:shown]:
            code = c["first_line"].replace("|", "\\|")
            lines.append(f"| {name} | {c['cell']} | {c['median']:.2f} | {c['max']:.2f} | `{code}` |")
    return "\n".join(lines) + "\n"


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def kernel_command(kernel: str) -> str:
    spec = KernelSpecManager().get_kernel_spec(kernel)
    return " ".join(spec.argv)


def write_reports(out: Path, kernel: str, reps: int, timings: list[Timing], summaries: list[Summary],
                  cells: list[dict], context: dict) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "latency.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["notebook", "kernel", "reps", "ready_median_s", "ready_max_s", "first_result_median_s",
                    "first_result_max_s", "full_run_median_s", "full_run_max_s",
                    "first_result_target_s", "full_run_target_s", "first_result_met", "full_run_met"])
        for s in summaries:
            w.writerow([s.notebook, kernel, s.reps, f"{s.ready_median:.3f}", f"{s.ready_max:.3f}",
                        f"{s.first_median:.3f}", f"{s.first_max:.3f}", f"{s.full_median:.3f}",
                        f"{s.full_max:.3f}", f"{s.first_target:g}", f"{s.full_target:g}",
                        _yes(s.first_met).lower(), _yes(s.full_met).lower()])
    with open(out / "latency-runs.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["notebook", "kernel", "rep", "ok", "ready_s", "first_output_s", "first_result_s",
                    "full_run_s"])
        for t in timings:
            w.writerow([t.notebook, kernel, t.rep, t.ok] + [
                "" if v is None else f"{v:.3f}" for v in (t.ready, t.first_output, t.first_result, t.full)
            ])
    with open(out / "latency-cells.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["notebook", "cell", "median_s", "max_s", "reps", "first_line"])
        for c in cells:
            w.writerow([c["notebook"], c["cell"], f"{c['median']:.3f}", f"{c['max']:.3f}",
                        len(c["seconds"]), c["first_line"]])

    text = [
        "# Notebook latency",
        "",
        f"Kernel `{kernel}`, {reps} repetition(s) per notebook, each in a fresh kernel; medians "
        "(max over the repetitions). Times count from the kernel's launch: *kernel ready* = it "
        "answered kernel_info; *first result* = the first code cell's execute_reply (status ok) "
        "and outputs arrived; *full run* = the last cell finished. A target is met when the "
        "median is within it.",
        "",
        markdown_table(summaries),
        verdict(summaries),
        "",
        "## Slowest cells",
        "",
        "Cells are numbered as JupyterLab shows them (every cell, from 1); times from the request "
        "to the cell's reply and outputs.",
        "",
        slowest_cells(cells),
        "## Conditions",
        "",
        f"- date: {context['date']}",
        f"- host: {platform.node()}, {os.cpu_count()} CPUs, {platform.platform()}",
        f"- load average (1, 5, 15 min) before: {context['load_before']}; after: {context['load_after']}",
        f"- kernel command: `{context['command']}`",
        "",
    ]
    report = out / "latency.md"
    report.write_text("\n".join(text), encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="notebooks to time (default: every notebooks/*.ipynb)")
    parser.add_argument("--kernel", default=DEFAULT_KERNEL, help="kernelspec name (default: %(default)s)")
    parser.add_argument("--reps", type=int, default=DEFAULT_REPS,
                        help="fresh-kernel runs of each notebook (default: %(default)s)")
    parser.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT,
                        help="seconds a cell may run (default: %(default)s)")
    parser.add_argument("--first-target", type=float, default=FIRST_RESULT_TARGET,
                        help="seconds to the first result (default: %(default)g)")
    parser.add_argument("--full-target", type=float, default=FULL_RUN_TARGET,
                        help="seconds for a whole notebook (default: %(default)g)")
    parser.add_argument("--out", type=Path, default=BUILD / "bench",
                        help="folder for latency.md and the CSV files (default: build/bench)")
    args = parser.parse_args(argv)
    if args.reps < 1:
        parser.error(f"--reps expects a positive number of repetitions, found {args.reps}")

    notebooks = args.notebooks or discover()
    if not notebooks:
        print("no notebooks found")
        return 1
    try:
        command = kernel_command(args.kernel)
        kernelspec_dir(args.kernel)
    except Exception as e:
        print(f"kernel {args.kernel!r}: {e}")
        return 1

    context = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
               "load_before": load_average(), "command": command}
    print(f"== notebook latency: kernel {args.kernel}, {len(notebooks)} notebooks x {args.reps} reps "
          f"(load average {context['load_before']})", flush=True)
    timings: list[Timing] = []
    failed: dict[Path, Timing] = {}
    for rep in range(1, args.reps + 1):
        for path in notebooks:
            if path in failed:
                continue
            t = time_notebook(path, args.kernel, rep, args.timeout, args.out / "logs")
            timings.append(t)
            if t.ok:
                print(f"   rep {rep} {path.stem:<28} ready {t.ready:6.2f} s  first result "
                      f"{t.first_result:6.2f} s  full run {t.full:6.1f} s", flush=True)
            else:
                failed[path] = t
                print(f"FAILED rep {rep} {_shown(path)}\n{t.failure}", flush=True)
    context["load_after"] = load_average()

    summaries = summarize(timings, args.first_target, args.full_target)
    cells = cell_table(timings)
    report = write_reports(args.out, args.kernel, args.reps, timings, summaries, cells, context)
    print()
    print(markdown_table(summaries), end="")
    print(verdict(summaries))
    if failed:
        print(f"notebooks that failed to run: {', '.join(_shown(p) for p in failed)}")
    print(f"written: {report} (+ latency.csv, latency-runs.csv, latency-cells.csv)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
