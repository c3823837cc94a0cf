"""Notebooks in notebooks/ are committed without outputs, valid, and on the `java` kernel."""

import nbformat
import pytest

from tools.check_notebooks import CLEAR, problems
from tools.run_notebooks import discover

NOTEBOOK_FILES = discover()


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=[p.name for p in NOTEBOOK_FILES])
def test_notebook_is_committed_clean(notebook):
    found = problems(notebook)
    assert found == [], "\n".join(found) + f"\nclear outputs with: {CLEAR}"


def java_notebook(*cells):
    nb = nbformat.v4.new_notebook(cells=list(cells))
    nb.metadata.kernelspec = {"name": "java", "display_name": "Java", "language": "java"}
    return nb


def test_the_check_finds_outputs_and_execution_counts(tmp_path):
    cell = nbformat.v4.new_code_cell("System.out.println(1);", execution_count=7)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    path = tmp_path / "saved-with-outputs.ipynb"
    nbformat.write(java_notebook(nbformat.v4.new_markdown_cell("# title"), cell), path)
    assert problems(path) == [
        "saved-with-outputs.ipynb: cell 2 carries 1 output(s)",
        "saved-with-outputs.ipynb: cell 2 carries execution count 7",
    ]


def test_the_check_finds_another_kernel_and_invalid_files(tmp_path):
    python = java_notebook(nbformat.v4.new_code_cell("print(1)"))
    python.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(python, tmp_path / "python.ipynb")
    assert problems(tmp_path / "python.ipynb") == [
        "python.ipynb: kernelspec is 'python3', expected 'java'"
    ]
    (tmp_path / "broken.ipynb").write_text("{ not json", encoding="utf-8")
    assert problems(tmp_path / "broken.ipynb")[0].startswith("broken.ipynb: not a valid notebook")


def test_a_clean_notebook_passes(tmp_path):
    nbformat.write(java_notebook(nbformat.v4.new_code_cell("int n = 1;")), tmp_path / "clean.ipynb")
    assert problems(tmp_path / "clean.ipynb") == []


# ---- notebooks read like a course: short cells, setup in the library, no test output in the reader's view

from collections import Counter  # noqa: E402
import re  # noqa: E402

from tests.support import DEFAULT_TEST_KERNEL, TEST_KERNELS  # noqa: E402

LONGEST_CELL = 40  # lines of a code cell, at most
LONG_CELL = 30  # lines above which a cell counts as long
LONG_CELLS_ALLOWED = 3  # long cells per notebook
REPEATED_BLOCK = 3  # identical consecutive lines that may not recur in more than 2 cells
CHECK_PRINT = re.compile(r"\"check: ")  # a string that starts a check line
CHECK_LINE = re.compile(r"^check: ", re.MULTILINE)
# a call of a kernel's own display function (IJava and JJava have one, Rapaio does not)
KERNEL_DISPLAY = re.compile(r"(?<![\w.])display\(")
# a method declared at the top level of a cell: `double name(...) {`
METHOD = re.compile(r"^(?:static\s+)?[\w<>\[\],. ?]+\s+(\w+)\s*\([^;=]*\)\s*\{", re.MULTILINE)


def code_cells(notebook):
    nb = nbformat.read(notebook, as_version=4)
    return [(number, cell.source) for number, cell in enumerate(nb.cells, start=1) if cell.cell_type == "code"]


def cell_lengths(cells):
    return {number: len(source.splitlines()) for number, source in cells}


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=[p.name for p in NOTEBOOK_FILES])
def test_code_cells_are_short(notebook):
    lengths = cell_lengths(code_cells(notebook))
    too_long = {n: k for n, k in lengths.items() if k > LONGEST_CELL}
    long = {n: k for n, k in lengths.items() if k > LONG_CELL}
    assert too_long == {}, f"{notebook.name}: cells over {LONGEST_CELL} lines (cell: lines): {too_long}"
    assert len(long) <= LONG_CELLS_ALLOWED, (
        f"{notebook.name}: {len(long)} cells over {LONG_CELL} lines, at most {LONG_CELLS_ALLOWED} allowed: {long}")


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=[p.name for p in NOTEBOOK_FILES])
def test_no_code_cell_prints_check_lines(notebook):
    found = [n for n, source in code_cells(notebook) if CHECK_PRINT.search(source)]
    assert found == [], f"{notebook.name}: cells {found} print 'check: ' lines; record values with Notebook.show"


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=[p.name for p in NOTEBOOK_FILES])
def test_cells_display_through_the_library(notebook):
    found = [n for n, source in code_cells(notebook) if KERNEL_DISPLAY.search(source)]
    assert found == [], (f"{notebook.name}: cells {found} call the kernel's display(...), which not every kernel"
                         " has; call Notebook.display(...)")


def repeated_blocks(cells, size=REPEATED_BLOCK):
    """Blocks of `size` identical consecutive non-blank lines and the cells holding each."""
    holders = Counter()
    for _, source in cells:
        lines = [line.strip() for line in source.splitlines() if line.strip()]
        blocks = {tuple(lines[i:i + size]) for i in range(len(lines) - size + 1)}
        holders.update(blocks)
    return {block: count for block, count in holders.items() if count > 2}


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=[p.name for p in NOTEBOOK_FILES])
def test_no_block_of_setup_recurs_in_more_than_two_cells(notebook):
    repeated = repeated_blocks(code_cells(notebook))
    assert repeated == {}, (f"{notebook.name}: blocks of {REPEATED_BLOCK} identical lines in more than 2 cells"
                            f" (move the setup into the library): " + "; ".join(
                                f"{count} cells: {' / '.join(block)}" for block, count in repeated.items()))


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=[p.name for p in NOTEBOOK_FILES])
def test_no_helper_is_defined_twice(notebook):
    defined = Counter(name for _, source in code_cells(notebook) for name in set(METHOD.findall(source))
                      if name not in {"if", "for", "while", "switch", "catch"})
    twice = sorted(name for name, count in defined.items() if count > 1)
    assert twice == [], f"{notebook.name}: helpers defined in more than one cell: {twice}"


@pytest.mark.parametrize("kernel", TEST_KERNELS)
@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=[p.name for p in NOTEBOOK_FILES])
def test_no_check_line_reaches_the_reader(notebook_runs, notebook, kernel):
    from tools.run_notebooks import output_text
    nb = notebook_runs.executed(notebook, kernel)
    found = [n for n, cell in enumerate(nb.cells, start=1)
             if cell.cell_type == "code" and CHECK_LINE.search(output_text(cell))]
    assert found == [], f"{notebook.name} ({kernel}): cells {found} show 'check:' lines in their output"


def test_the_hygiene_checks_catch_what_they_look_for():
    long_cell = "\n".join(f"int a{i} = {i};" for i in range(41))
    assert cell_lengths([(1, long_cell)]) == {1: 41}
    assert CHECK_PRINT.search('System.out.println("check: n = " + n);')
    assert CHECK_LINE.search("first\ncheck: n = 3\n")
    assert KERNEL_DISPLAY.search("display(LossCurves.of(h).build());")
    assert not KERNEL_DISPLAY.search("Notebook.display(LossCurves.of(h).build());")
    setup = "Rng r = new Rng(1);\nint n = 3;\nint p = 4;\n"
    assert repeated_blocks([(1, setup), (2, setup + "x();"), (3, "y();\n" + setup)]) != {}
    assert repeated_blocks([(1, setup), (2, setup)]) == {}
    helper = "double num(double x) {\n    return x;\n}\n"
    assert METHOD.findall(helper) == ["num"]
    assert METHOD.findall("for (int i = 0; i < 3; i++) {\n}") == []
    assert DEFAULT_TEST_KERNEL in TEST_KERNELS
