"""binder/postBuild, run as Binder runs it but in a fresh temporary Python environment, yields
kernels that execute the notebooks. (conda cannot run here: the environment is a venv made from
requirements.txt, whose pins tests/test_pins.py holds equal to binder/environment.yml.)"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tools.run_notebooks import PROJECT, discover, output_text

NOT_COPIED = {".git", ".venv", "target", "build", ".pytest_cache", "__pycache__"}


def copy_project(destination: Path) -> None:
    """The project's own files (tracked or new, not ignored), as a fresh clone would have them."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT, capture_output=True, text=True,
    )
    if listed.returncode != 0:  # not a git checkout: copy everything but the generated folders
        shutil.copytree(PROJECT, destination, ignore=lambda d, names: NOT_COPIED & set(names))
        return
    for name in filter(None, listed.stdout.split("\0")):
        source = PROJECT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)


def home_kernels() -> set[str]:
    folder = Path.home() / ".local" / "share" / "jupyter" / "kernels"
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def binder_environment(tmp_path_factory):
    """A fresh venv with requirements.txt, and a fresh copy of the project after binder/postBuild."""
    root = tmp_path_factory.mktemp("binder")
    project, env = root / "project", root / "env"
    copy_project(project)
    run([sys.executable, "-m", "venv", str(env)], timeout=300)
    run([str(env / "bin" / "python"), "-m", "pip", "install", "-q", "-r", str(project / "requirements.txt")],
        timeout=1200)
    environ = {k: v for k, v in os.environ.items() if k not in ("JUPYTER_PATH", "PYTHONPATH")}
    environ.update(PATH=f"{env / 'bin'}{os.pathsep}{environ['PATH']}", VIRTUAL_ENV=str(env))
    before = home_kernels()
    postbuild = run([str(project / "binder" / "postBuild")], cwd=project, env=environ, timeout=1200)
    assert home_kernels() == before, "postBuild registered a kernel in the home folder"
    return project, env, environ, postbuild


def test_postbuild_is_executable_and_starts_with_a_shebang():
    postbuild = PROJECT / "binder" / "postBuild"
    assert os.access(postbuild, os.X_OK)
    assert postbuild.read_text(encoding="utf-8").startswith("#!/bin/bash\n")


def test_postbuild_registers_the_kernels_in_the_fresh_environment(binder_environment):
    project, env, _, postbuild = binder_environment
    kernels = env / "share" / "jupyter" / "kernels"
    for name in ("java", "java-ijava", "java-jjava"):
        assert (kernels / name / "kernel.json").is_file(), postbuild.stdout
        assert str(project / "target") in (kernels / name / "kernel.json").read_text()


def test_a_notebook_runs_with_the_kernel_postbuild_installed(binder_environment, tmp_path):
    project, env, environ, _ = binder_environment
    notebook = project / "notebooks" / discover()[0].name
    result = subprocess.run(
        [str(env / "bin" / "python"), "tools/run_notebooks.py", "--kernel", "java",
         "--executed", str(tmp_path), "--html", str(tmp_path), "--logs", str(tmp_path),
         # the report's RequireJS and MathJax: npm's copy in this checkout (`make report-assets`)
         "--assets-from", str(PROJECT / "tools" / "plot" / "node_modules"), str(notebook)],
        cwd=project, env=environ, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "notebooks: 1 passed, 0 failed" in result.stdout
    executed = nbformat.read(tmp_path / notebook.name, as_version=4)
    printed = "".join(output_text(cell) for cell in executed.cells)
    assert printed.startswith("neuralnotes ")
