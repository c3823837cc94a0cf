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
