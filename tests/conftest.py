"""Shared fixtures: each notebook runs once per test session; every test can read its outputs.

A test about what a notebook shows reads the executed notebook (helpers in tests/support.py):

    from tests.support import checks, executed_notebook
    def test_loss_falls():
        assert checks(executed_notebook("02-training"))["final_to_initial_loss"] < 0.1

    def test_under_both_kernels(notebook_runs, kernel):        # or run it in this session
        nb = notebook_runs.executed("02-training", kernel)

tests/test_notebooks.py runs first: it executes every notebook under IJava (writing
build/notebooks/<name>.ipynb, build/reports/<name>.html and .pdf, as `make notebooks` does), under
JJava and under Rapaio (build/test-notebooks/<kernel>/), so tests collected after it read this
session's outputs.
"""

from __future__ import annotations

import pytest

from tests.support import TEST_KERNELS, NotebookRuns

RUNS_FIRST = "test_notebooks.py"


def pytest_collection_modifyitems(session, config, items):
    """Execute the notebooks before the tests that read their outputs."""
    first = [item for item in items if item.path.name == RUNS_FIRST]
    items[:] = first + [item for item in items if item.path.name != RUNS_FIRST]


@pytest.fixture(scope="session")
def notebook_runs() -> NotebookRuns:
    return NotebookRuns()


@pytest.fixture(params=TEST_KERNELS)
def kernel(request) -> str:
    """Parametrizes a test over both kernels."""
    return request.param
