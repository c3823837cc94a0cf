"""Every notebooks/*.ipynb runs top to bottom in a fresh kernel, under IJava, JJava and Rapaio."""

import pytest

from tests.support import TEST_KERNELS
from tools.run_notebooks import discover

NOTEBOOK_FILES = discover()


def test_the_notebooks_folder_has_notebooks():
    assert NOTEBOOK_FILES, "notebooks/ holds no *.ipynb: nothing would be executed"


@pytest.mark.parametrize("kernel", TEST_KERNELS)
@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=[p.name for p in NOTEBOOK_FILES])
def test_notebook_runs_top_to_bottom(notebook_runs, notebook, kernel):
    run = notebook_runs.run(notebook, kernel)
    if not run.ok:
        pytest.fail(run.failure, pytrace=False)
    assert run.kernel_pid is not None
    assert run.stray_processes == []
