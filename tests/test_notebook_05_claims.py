"""The figures that notebook 05 (optimizers, beyond the notes) states in its prose, read back from the
executed notebook build/notebooks/05-optimizers.ipynb (`make notebooks` writes it).

Each `check: <key> = <number>` line the notebook prints is a number its Markdown relies on; the
tests below assert the claims made about them. A notebook that was not executed, or that stopped
at an error, fails here with a message saying so.
"""

import json
import math
import re
from pathlib import Path

import pytest

NOTEBOOK = "05-optimizers"
EXECUTED = Path(__file__).resolve().parent.parent / "build" / "notebooks" / f"{NOTEBOOK}.ipynb"
CHECK = re.compile(r"^check: ([a-z0-9_]+) = (\S+)\s*$")


def read_checks(path: Path) -> dict:
    """Every `check:` line of the notebook's stream outputs, as {key: float}."""
    if not path.exists():
        pytest.fail(f"{path} does not exist: execute the notebooks first (make notebooks)")
    notebook = json.loads(path.read_text(encoding="utf-8"))
    checks = {}
    for number, cell in enumerate(notebook["cells"], start=1):
        # a kernel may split one printed line over several stream outputs: join them first
        stdout = []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                pytest.fail(f"{path.name}: cell {number} raised {output.get('ename')}: {output.get('evalue')}")
            if output.get("output_type") == "stream" and output.get("name") == "stdout":
                text = output["text"]
                stdout.append(text if isinstance(text, str) else "".join(text))
        for line in "".join(stdout).splitlines():
            match = CHECK.match(line)
            if match:
                key = match.group(1)
                assert key not in checks, f"{path.name}: check '{key}' printed twice"
                checks[key] = float(match.group(2))
    if not checks:
        pytest.fail(f"{path.name} has no 'check:' lines: was it executed?")
    return checks


@pytest.fixture(scope="module")
def checks():
    return read_checks(EXECUTED)


def value(checks, key):
    assert key in checks, f"{NOTEBOOK}: no 'check: {key} = …' line in the executed notebook"
    return checks[key]


OPTIMIZERS = ["gradient_descent", "momentum", "rmsprop", "adam"]


def test_library_rules_equal_the_hand_written_ones(checks):
    assert value(checks, "update_rules_max_abs_difference") < 1e-12


def test_same_rate_ordering(checks):
    # at α = 0.01: RMSProp and Adam, then momentum, then gradient descent
    loss = {o: value(checks, f"same_rate_final_loss_{o}") for o in OPTIMIZERS}
    assert max(loss["rmsprop"], loss["adam"]) < loss["momentum"] < loss["gradient_descent"]


def test_first_steps(checks):
    alpha = 0.01
    change = {o: value(checks, f"largest_change_first_5_steps_{o}") for o in OPTIMIZERS}
    # Adam: about α per step from the first step on, so close to 5α over five steps
    assert 4 * alpha < change["adam"] <= 5 * alpha * 1.01
    # RMSProp without bias correction: a first step of α/√(1 − ρ) ≈ 3.2α, the longest early steps
    assert change["rmsprop"] > change["adam"]
    assert change["rmsprop"] > max(change["gradient_descent"], change["momentum"])
    # gradient descent: α times small gradients; momentum adds them up
    assert change["gradient_descent"] < change["momentum"] < change["adam"]


def test_initial_gradient_entries_are_mostly_far_below_one(checks):
    assert value(checks, "initial_gradient_median_abs") < 0.01
    assert value(checks, "initial_gradient_max_abs") < 1


def test_weight_pair_paths(checks):
    displacement = {o: value(checks, f"w2_pair_displacement_{o}") for o in OPTIMIZERS}
    wiggle = {o: value(checks, f"w2_pair_path_over_displacement_{o}") for o in OPTIMIZERS}
    # momentum travels furthest, gradient descent least
    assert displacement["momentum"] == max(displacement.values())
    assert displacement["gradient_descent"] == min(displacement.values())
    # gradient descent and momentum move along nearly straight paths; RMSProp and Adam wander
    assert wiggle["gradient_descent"] < 1.5 and wiggle["momentum"] < 1.5
    assert min(wiggle["rmsprop"], wiggle["adam"]) > 2


def test_best_rates(checks):
    best = {o: value(checks, f"best_rate_{o}") for o in OPTIMIZERS}
    # momentum's best rate is 1/(1 − β) = 10 times smaller than gradient descent's
    assert math.isclose(best["gradient_descent"] / best["momentum"], 10.0, rel_tol=1e-9)
    # the adaptive rules' best rates are smaller still, far below gradient descent's
    assert max(best["rmsprop"], best["adam"]) < best["momentum"]
    assert best["gradient_descent"] / best["adam"] >= 30


def test_tuned_rules_end_close_together(checks):
    losses = [value(checks, f"best_final_loss_{o}") for o in OPTIMIZERS]
    assert max(losses) / min(losses) < 3


def test_rate_ten_times_off_costs_a_lot(checks):
    for o in OPTIMIZERS:
        assert value(checks, f"loss_ratio_rate_tenfold_off_{o}") > 2


def test_largest_rate_makes_no_progress(checks):
    assert value(checks, "diverged_runs") == 0
    assert math.isclose(value(checks, "uniform_guess_loss"), math.log(10), rel_tol=1e-12)
    assert value(checks, "smallest_final_loss_at_largest_rate") > 0.9 * math.log(10)
