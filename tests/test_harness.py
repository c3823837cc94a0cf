"""The notebook harness itself, on notebooks that fail on purpose (tests/fixtures/, not notebooks/)."""

import json
import subprocess
import sys

import nbformat
import pytest

from tests.support import FIXTURES, TEST_KERNELS
from tools.run_notebooks import PROJECT, _alive, _processes_mentioning, output_text, run_notebook

HANG_TIMEOUT = 20  # long enough for a kernel's first cell, short enough for a test


def assert_kernel_gone(run):
    """The run's kernel process, and anything else started with its connection file, has ended."""
    assert run.kernel_pid is not None, "the harness did not record the kernel's process"
    assert not _alive(run.kernel_pid), f"kernel process {run.kernel_pid} outlived the run"
    assert _processes_mentioning(run.connection_file) == []
    assert run.stray_processes == [], "the harness had to kill a kernel that did not stop"


@pytest.mark.parametrize("kernel", TEST_KERNELS)
def test_a_failing_cell_fails_the_run_naming_notebook_cell_source_and_java_error(kernel, tmp_path):
    run = run_notebook(FIXTURES / "broken.ipynb", kernel, timeout=120, executed_dir=tmp_path)
    assert not run.ok
    message = run.failure
    assert "tests/fixtures/broken.ipynb" in message
    assert "cell 3 of 4" in message
    assert "counts[5] = 1; // deliberately out of bounds" in message
    assert "java.lang.ArrayIndexOutOfBoundsException: Index 5 out of bounds for length 2" in message
    # the run stopped at the failing cell: cell 2 ran, cell 4 never did
    executed = nbformat.read(run.executed, as_version=4)
    assert output_text(executed.cells[1]) == "cell 2 ran\n"
    assert executed.cells[3].outputs == []
    assert_kernel_gone(run)


@pytest.mark.parametrize("kernel", TEST_KERNELS)
def test_a_cell_that_does_not_compile_is_named_with_the_compiler_message(kernel):
    run = run_notebook(FIXTURES / "compile_error.ipynb", kernel, timeout=120)
    assert not run.ok
    assert "cell 2 of 2" in run.failure
    assert "W.noSuchMethod();" in run.failure
    assert "cannot find symbol" in run.failure
    assert_kernel_gone(run)


@pytest.mark.parametrize("kernel", TEST_KERNELS)
def test_a_hanging_cell_is_stopped_by_the_timeout_and_its_kernel_ends(kernel):
    run = run_notebook(FIXTURES / "hangs.ipynb", kernel, timeout=HANG_TIMEOUT)
    assert not run.ok
    assert "cell 3 of 3" in run.failure
    assert f"did not finish within {HANG_TIMEOUT} s" in run.failure
    assert "while (spins >= 0)" in run.failure
    assert output_text(run.nb.cells[1]) == "cell 2 ran\n"
    # the whole run: kernel start, two cells, the timeout, the stop; far from forever
    assert run.seconds < HANG_TIMEOUT + 90
    assert_kernel_gone(run)


@pytest.mark.parametrize("kernel", TEST_KERNELS)
def test_a_cell_that_ends_the_kernel_is_named_with_the_kernel_log(kernel, tmp_path):
    run = run_notebook(FIXTURES / "dies.ipynb", kernel, timeout=120, log_dir=tmp_path)
    assert not run.ok
    assert "cell 2 of 3 ended the kernel: its JVM exited or crashed" in run.failure
    assert "System.exit(3);" in run.failure
    assert f"last lines of the kernel's log {tmp_path / 'dies.'}{kernel}.log" in run.failure
    assert run.nb.cells[2].outputs == []
    assert_kernel_gone(run)


def test_an_unknown_kernel_is_reported_without_starting_anything():
    run = run_notebook(FIXTURES / "broken.ipynb", "no-such-kernel")
    assert not run.ok
    assert "no kernel named 'no-such-kernel'" in run.failure
    assert "make kernels" in run.failure
    assert run.kernel_pid is None


def test_a_kernel_registered_outside_the_environment_is_refused(tmp_path, monkeypatch):
    # A kernelspec `java` in a folder that Jupyter searches first shadows the project's own.
    spec = tmp_path / "kernels" / "java"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps({"argv": ["false", "{connection_file}"], "display_name": "Elsewhere", "language": "java"})
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    run = run_notebook(FIXTURES / "broken.ipynb", "java")
    assert not run.ok
    assert "outside this environment" in run.failure
    assert str(spec) in run.failure
    assert run.kernel_pid is None


def test_the_command_line_runs_every_notebook_given_reports_each_and_exits_1_on_failure(tmp_path):
    good = tmp_path / "good.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('System.out.println("fine");')])
    nb.metadata.kernelspec = {"name": "java", "display_name": "Java", "language": "java"}
    nbformat.write(nb, good)
    result = subprocess.run(
        [sys.executable, "tools/run_notebooks.py", "--kernel", "java-ijava", "--timeout", "120",
         "--executed", str(tmp_path / "executed"), "--html", str(tmp_path / "reports"),
         "--logs", str(tmp_path / "logs"), str(FIXTURES / "broken.ipynb"), str(good)],
        cwd=PROJECT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FAILED tests/fixtures/broken.ipynb" in result.stdout
    assert "cell 3 of 4" in result.stdout
    assert "notebooks: 1 passed, 1 failed" in result.stdout
    # the good notebook still ran after the broken one, and both left their copies and reports
    executed = nbformat.read(tmp_path / "executed" / "good.ipynb", as_version=4)
    assert output_text(executed.cells[0]) == "fine\n"
    assert (tmp_path / "executed" / "broken.ipynb").is_file()
    html = (tmp_path / "reports" / "good.html").read_text(encoding="utf-8")
    assert "fine" in html
    assert (tmp_path / "reports" / "broken.html").is_file()
