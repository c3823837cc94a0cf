"""What the tests share: the kernels every notebook runs under, the per-session notebook runs, and
readers for executed notebooks.

Two ways for a test to look at what a notebook printed:

- `notebook_runs.executed("03-training", kernel)` (fixture in conftest.py): runs the notebook in this
  session if it has not run yet, fails the test with the harness's message if it failed;
- `executed_notebook("03-training")`: reads build/notebooks/03-training.ipynb as `make notebooks` (or
  this session's IJava run, which writes the same file) left it, failing clearly when it is missing.

`checks(nb)` collects the values notebooks record with `Notebook.show(sentence, values)`: they sit in
the outputs' metadata, out of the reader's view.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from tools.run_notebooks import BUILD, NOTEBOOKS, NotebookRun, run_notebook

# Every notebook must run under all three kernels; `java` is only an alias of one of them.
TEST_KERNELS = ("java-ijava", "java-jjava", "java-rapaio")
DEFAULT_TEST_KERNEL = TEST_KERNELS[0]
TEST_CELL_TIMEOUT = 300
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXECUTED = BUILD / "notebooks"
REPORTS = BUILD / "reports"


def notebook_path(notebook: str | Path) -> Path:
    """A notebook given by name ("00-getting-started", with or without .ipynb) or by path."""
    path = Path(notebook)
    if path.suffix != ".ipynb":
        path = path.with_name(path.name + ".ipynb")
    if not path.is_absolute() and not path.exists():
        path = NOTEBOOKS / path.name
    return path.resolve()


class NotebookRuns:
    """Runs each (notebook, kernel) pair at most once per session and keeps the result.

    The IJava run of a notebook from notebooks/ writes build/notebooks/<name>.ipynb,
    build/reports/<name>.html and build/reports/<name>.pdf, exactly where `make notebooks` writes
    them; other runs write the executed copy and HTML under build/test-notebooks/<kernel>/.
    """

    def __init__(self, root: Path = BUILD / "test-notebooks"):
        self.root = root
        self._runs: dict[tuple[Path, str], NotebookRun] = {}

    def _folders(self, path: Path, kernel: str) -> tuple[Path, Path, Path | None, Path]:
        """Where a run writes: executed copy, HTML report, PDF (None: no PDF), kernel log."""
        if kernel == DEFAULT_TEST_KERNEL and path.parent == NOTEBOOKS.resolve():
            return EXECUTED, REPORTS, REPORTS, BUILD / "logs"
        out = self.root / kernel
        return out, out, None, out / "logs"

    def run(self, notebook: str | Path, kernel: str = DEFAULT_TEST_KERNEL) -> NotebookRun:
        """The run of `notebook` under `kernel` (executed now if this session has not run it)."""
        path = notebook_path(notebook)
        key = (path, kernel)
        if key not in self._runs:
            executed, html, pdf, logs = self._folders(path, kernel)
            self._runs[key] = run_notebook(
                path, kernel, timeout=TEST_CELL_TIMEOUT,
                executed_dir=executed, html_dir=html, log_dir=logs, pdf_dir=pdf,
            )
        return self._runs[key]

    def executed(self, notebook: str | Path, kernel: str = DEFAULT_TEST_KERNEL) -> nbformat.NotebookNode:
        """The executed notebook; fails the calling test with the harness's message if it failed."""
        run = self.run(notebook, kernel)
        if not run.ok:
            pytest.fail(run.failure, pytrace=False)
        return run.nb


def executed_notebook(notebook: str | Path) -> nbformat.NotebookNode:
    """build/notebooks/<name>.ipynb; fails (never skips) when the notebook has not been executed."""
    path = EXECUTED / notebook_path(notebook).name
    if not path.is_file():
        pytest.fail(f"{path} is missing: execute the notebooks first (make notebooks, or make test)",
                    pytrace=False)
    return nbformat.read(path, as_version=4)


VALUES_KEY = "neuralnotes/values"  # org.neuralnotes.plot.Notebook.VALUES_KEY


def shown_values(cell: nbformat.NotebookNode) -> list[tuple[str, object]]:
    """The values a cell recorded with `Notebook.show(sentence, values)`: (name, value) pairs read from
    its outputs' metadata, which the reader never sees."""
    pairs: list[tuple[str, object]] = []
    for output in cell.get("outputs", []):
        values = output.get("metadata", {}).get(VALUES_KEY)
        if values:
            pairs.extend(values.items())
    return pairs


def checks(nb: nbformat.NotebookNode) -> dict[str, float]:
    """Every value the notebook recorded for its tests with `Notebook.show`, as {key: value}."""
    found: dict[str, float] = {}
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        for key, value in shown_values(cell):
            if key in found:
                pytest.fail(f"value {key!r} is recorded twice (again in cell {number})", pytrace=False)
            found[key] = float(value)
    return found


def notebook_checks(notebook: str) -> dict[str, float]:
    """The recorded values of an executed notebook; fails when it recorded none (it did not run to
    the end)."""
    found = checks(executed_notebook(notebook))
    if not found:
        pytest.fail(f"{notebook} recorded no values: did it run to the end?", pytrace=False)
    return found


def check_value(found: dict[str, float], key: str, notebook: str) -> float:
    """One recorded value; a missing key fails with the notebook's name and the key."""
    assert key in found, f"{notebook}: no value {key!r} recorded in the executed notebook"
    return found[key]
