"""The three descriptions of the Python side agree: requirements.txt (pip, fully pinned),
environment.yml (conda) and binder/environment.yml (Binder)."""

import re
from pathlib import Path

import pytest
import yaml

from tools.run_notebooks import PROJECT

REQUIREMENTS_IN = PROJECT / "requirements.in"
REQUIREMENTS_TXT = PROJECT / "requirements.txt"
ENVIRONMENTS = [PROJECT / "environment.yml", PROJECT / "binder" / "environment.yml"]
# conda-forge names that differ from PyPI's
CONDA_TO_PYPI = {"nbconvert-core": "nbconvert"}
# conda packages that are not Python packages from requirements.txt, with the version they need
CONDA_ONLY = {"python", "openjdk", "maven", "pip"}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)\s*(;.*)?$")


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_pins(path: Path) -> dict[str, str]:
    """{name: version} of a pip requirements file whose every requirement is `name==version`."""
    pins = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        assert match, f"{path.name} line {number} is not pinned as name==version: {raw!r}"
        name = normalize(match.group(1))
        assert name not in pins, f"{path.name} pins {name} twice (line {number})"
        pins[name] = match.group(2)
    return pins


def environment_pins(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """({conda name: spec}, {pip name: version}) of a conda environment file."""
    env = yaml.safe_load(path.read_text(encoding="utf-8"))
    conda, pip = {}, {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for line in dep.get("pip", []):
                match = PIN.match(line)
                assert match, f"{path.name}: pip entry {line!r} is not pinned as name==version"
                pip[normalize(match.group(1))] = match.group(2)
        else:
            name, _, spec = re.match(r"^([A-Za-z0-9._-]+)\s*(([=<>!]=?.*)?)$", dep).group(1, 2, 3)
            conda[normalize(name)] = spec or ""
    return conda, pip


def pin_disagreements(path: Path, requirements: dict[str, str], top_level: dict[str, str]) -> list[str]:
    """Every way in which the environment file at `path` disagrees with the requirements."""
    conda, pip = environment_pins(path)
    problems = []
    python_side = {}
    for name, spec in conda.items():
        pypi = CONDA_TO_PYPI.get(name, name)
        if name in CONDA_ONLY:
            continue
        if pypi not in requirements:
            problems.append(f"{path.name}: {name} is not in requirements.txt")
            continue
        if not spec.startswith("=="):
            problems.append(f"{path.name}: {name} must be pinned with ==, found {spec!r}")
            continue
        python_side[pypi] = spec[2:]
    python_side.update(pip)
    for name, version in python_side.items():
        if name in requirements and requirements[name] != version:
            problems.append(
                f"{path.name}: {name}=={version}, but requirements.txt pins {name}=={requirements[name]}"
            )
        if name not in requirements:
            problems.append(f"{path.name}: {name} is not in requirements.txt")
    for name in top_level:
        if name not in python_side:
            problems.append(f"{path.name}: {name} from requirements.in is missing")
    return problems


def test_every_requirement_is_pinned_exactly():
    pins = requirement_pins(REQUIREMENTS_TXT)
    for name in ("jupyterlab", "notebook", "nbclient", "nbconvert", "jjava", "pytest", "jupyter-client"):
        assert name in pins, f"requirements.txt lacks {name}"
    assert pins["jjava"] == "1.0a8"
    assert pins["jupyterlab"].startswith("4.") and pins["notebook"].startswith("7.")


def test_requirements_txt_resolves_requirements_in():
    wanted, pinned = requirement_pins(REQUIREMENTS_IN), requirement_pins(REQUIREMENTS_TXT)
    for name, version in wanted.items():
        assert pinned.get(name) == version, f"requirements.in {name}=={version}, .txt {pinned.get(name)}"


@pytest.mark.parametrize("environment", ENVIRONMENTS, ids=lambda p: str(p.relative_to(PROJECT)))
def test_environment_pins_agree_with_requirements(environment):
    problems = pin_disagreements(
        environment, requirement_pins(REQUIREMENTS_TXT), requirement_pins(REQUIREMENTS_IN)
    )
    assert problems == []


@pytest.mark.parametrize("environment", ENVIRONMENTS, ids=lambda p: str(p.relative_to(PROJECT)))
def test_environment_has_a_jdk_17_maven_and_python_from_conda_forge(environment):
    env = yaml.safe_load(environment.read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge", "nodefaults"]
    conda, _ = environment_pins(environment)
    assert conda["openjdk"] == "=17"
    assert "maven" in conda
    major, minor = map(int, conda["python"].lstrip("=").split(".")[:2])
    assert (major, minor) >= (3, 10)


def test_binder_lists_the_same_dependencies_as_environment_yml():
    top, binder = (yaml.safe_load(p.read_text(encoding="utf-8")) for p in ENVIRONMENTS)
    assert binder["channels"] == top["channels"]
    assert binder["dependencies"] == top["dependencies"]


def test_a_disagreeing_pin_is_reported(tmp_path):
    env = yaml.safe_load(ENVIRONMENTS[0].read_text(encoding="utf-8"))
    changed = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            changed.append({"pip": ["jjava==0.0.1" if p.startswith("jjava==") else p for p in dep["pip"]]})
        elif dep.startswith("jupyterlab=="):
            changed.append("jupyterlab==0.0.1")
        elif dep.startswith("pytest=="):
            changed.append("pytest")
        elif not dep.startswith("pyyaml=="):
            changed.append(dep)
    env["dependencies"] = changed
    path = tmp_path / "environment.yml"
    path.write_text(yaml.safe_dump(env), encoding="utf-8")
    pins = requirement_pins(REQUIREMENTS_TXT)
    problems = pin_disagreements(path, pins, requirement_pins(REQUIREMENTS_IN))
    assert sorted(problems) == sorted([
        f"environment.yml: jupyterlab==0.0.1, but requirements.txt pins jupyterlab=={pins['jupyterlab']}",
        f"environment.yml: jjava==0.0.1, but requirements.txt pins jjava=={pins['jjava']}",
        "environment.yml: pytest must be pinned with ==, found ''",
        "environment.yml: pytest from requirements.in is missing",
        "environment.yml: pyyaml from requirements.in is missing",
    ])
