"""What 00-getting-started shows: the library on the classpath, EJML, Tablesaw, the bounded heap."""

import re
import xml.etree.ElementTree as ElementTree

import pytest
from jupyter_client.kernelspec import KernelSpecManager

from tests.support import TEST_KERNELS, checks, executed_notebook
from tools.run_notebooks import PROJECT, find_cell, output_text

NOTEBOOK = "00-getting-started"


def pom_version() -> str:
    root = ElementTree.parse(PROJECT / "pom.xml").getroot()
    return root.find("{http://maven.apache.org/POM/4.0.0}version").text.strip()


def expected_Z():
    """Z = X·W + b for the notebook's X, W, b, computed here independently of the library."""
    X = [[1, 2], [3, 4], [5, 6]]
    W = [[0.5, -1], [0.25, 2]]
    b = [0.1, -0.2]
    return [[sum(X[i][k] * W[k][j] for k in range(2)) + b[j] for j in range(2)] for i in range(3)]


@pytest.mark.parametrize("kernel", TEST_KERNELS)
def test_it_prints_the_library_version_from_the_jar(notebook_runs, kernel):
    nb = notebook_runs.executed(NOTEBOOK, kernel)
    first_line = output_text(find_cell(nb, "version")).splitlines()[0]
    assert first_line == f"neuralnotes {pom_version()}"


@pytest.mark.parametrize("kernel", TEST_KERNELS)
def test_it_computes_Z_with_EJML_and_shows_it_as_a_Tablesaw_table(notebook_runs, kernel):
    nb = notebook_runs.executed(NOTEBOOK, kernel)
    matrix_lines = output_text(find_cell(nb, "matrix")).splitlines()
    assert matrix_lines[0].startswith("Type = DDRM , rows = 3 , cols = 2")
    printed = [[float(v) for v in line.split()] for line in matrix_lines[1:]]
    table_rows = {}
    for line in output_text(find_cell(nb, "table")).splitlines():
        cells = [c.strip() for c in line.split("|") if c.strip()]
        if len(cells) == 3 and re.fullmatch(r"\d+", cells[0]):
            table_rows[int(cells[0])] = [float(cells[1]), float(cells[2])]
    expected = expected_Z()
    assert len(printed) == 3 and sorted(table_rows) == [1, 2, 3]
    for i in range(3):
        for j in range(2):
            assert printed[i][j] == pytest.approx(expected[i][j], rel=1e-12)
            assert table_rows[i + 1][j] == pytest.approx(expected[i][j], rel=1e-12)


def heap_limit_mib(kernel: str) -> int:
    """The -Xmx that the kernelspec gives the kernel's JVM, in MiB."""
    argv = KernelSpecManager().get_kernel_spec(kernel).argv
    sizes = [a[len("-Xmx"):] for a in argv if a.startswith("-Xmx")]
    assert len(sizes) == 1, f"kernel {kernel} has no single -Xmx: {argv}"
    number, unit = re.fullmatch(r"(\d+)([kKmMgG]?)", sizes[0]).groups()
    return int(number) * {"": 1 / 2**20, "k": 1 / 1024, "m": 1, "g": 1024}[unit.lower()]


@pytest.mark.parametrize("kernel", TEST_KERNELS)
def test_the_kernel_heap_is_bounded_by_the_kernelspec(notebook_runs, kernel):
    max_heap = checks(notebook_runs.executed(NOTEBOOK, kernel))["max_heap_mib"]
    limit = heap_limit_mib(kernel)
    assert limit / 2 <= max_heap <= limit


def test_build_notebooks_holds_the_executed_copy():
    # test_notebooks.py ran first and wrote it; other notebooks' tests read their copies the same way
    nb = executed_notebook(NOTEBOOK)
    assert output_text(find_cell(nb, "version")).startswith(f"neuralnotes {pom_version()}\n")
    assert checks(nb)["max_heap_mib"] > 0


@pytest.mark.parametrize("kernel", TEST_KERNELS)
def test_no_cell_writes_to_stderr(notebook_runs, kernel):
    # Warnings on stderr (say SLF4J's "no providers") would land in every report.
    nb = notebook_runs.executed(NOTEBOOK, kernel)
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code":
            # stderr streams only (output_text also reads the text of display outputs, which a live plot makes)
            stderr = "".join(o.get("text", "") for o in cell.outputs
                             if o.output_type == "stream" and o.get("name") == "stderr")
            assert stderr == "", f"cell {number} wrote to stderr"
