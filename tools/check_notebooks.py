"""Check that notebooks are committed clean: valid, without outputs, on the `java` kernel.

    .venv/bin/python tools/check_notebooks.py                 # every notebooks/*.ipynb
    .venv/bin/python tools/check_notebooks.py path/to/x.ipynb

To clear outputs saved from JupyterLab:
    .venv/bin/jupyter nbconvert --clear-output --inplace notebooks/*.ipynb
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

PROJECT = Path(__file__).resolve().parent.parent
CLEAR = ".venv/bin/jupyter nbconvert --clear-output --inplace notebooks/*.ipynb"


def problems(path: Path) -> list[str]:
    """What is wrong with the notebook at `path`, one sentence each (empty when it is clean)."""
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except Exception as e:  # unreadable or invalid: report it, whatever the parser raised
        return [f"{path.name}: not a valid notebook ({type(e).__name__}: {e})"]
    found = []
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    if kernel != "java":
        found.append(f"{path.name}: kernelspec is {kernel!r}, expected 'java'")
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            found.append(f"{path.name}: cell {number} carries {len(cell.outputs)} output(s)")
        if cell.get("execution_count") is not None:
            found.append(f"{path.name}: cell {number} carries execution count {cell.execution_count}")
    return found


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    paths = [Path(a) for a in args] or sorted((PROJECT / "notebooks").glob("*.ipynb"))
    found = [p for path in paths for p in problems(path)]
    for line in found:
        print(line)
    if found:
        print(f"notebooks are committed without outputs; clear them with:\n    {CLEAR}")
        return 1
    print(f"{len(paths)} notebook(s) clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
