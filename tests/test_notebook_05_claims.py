"""The claims that notebook 05 (optimizers) makes in its prose, asserted on the numbers it records.

The numbers come from the executed notebook build/notebooks/05-optimizers.ipynb, which `make notebooks`
writes (and so does the IJava run of `make test`). Each value the notebook records with
`Notebook.show` (in its outputs' metadata, beside the sentence the reader sees) is a number its Markdown
relies on. A notebook that was not executed fails here, with a
message saying so, rather than being skipped.
"""

import math

import pytest

from tests.support import check_value, notebook_checks

NOTEBOOK = "05-optimizers"


@pytest.fixture(scope="module")
def checks():
    return notebook_checks(NOTEBOOK)


def value(checks, key):
    return check_value(checks, key, NOTEBOOK)


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
    # momentum's best rate sits two places below gradient descent's on the grid (a factor of 10 between
    # grid points, consistent with 1/(1 − β) = 10 to the grid's resolution)
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
