"""What notebook 02 (one hidden layer, note 000 and note 001 part 2) claims, read from its executed copy.

Every number below is recorded by the notebook with `Notebook.show` (output metadata); the expected values come
from the simulation's recipe, from the note's own figures, from closed forms or from tolerances of the
numerical method, never from an earlier run of the notebook.
"""

import math

import pytest

from tests.support import checks, executed_notebook

NOTEBOOK = "02-single-hidden-layer"

N, P, K = 1000, 3, 2
PARAMETERS = (P + 1) * K + (K + 1) * 1
GRADIENT_TOLERANCE = 1e-7  # central differences, h = 1e-5, double precision
ROUNDING = 1e-12  # one formula computed by two routes
# Note 000 reports Σ(ŷ − y)² falling from 363335.7 to 99130.12 in 99 iterations.
NOTE_RATIO = 99130.12 / 363335.7
# The band for this notebook's final/initial ratio. The ratio depends on the random start: over 50
# starts on the same data the notebook finds it between about 0.24 and 0.36, with the note's 0.27 among
# them. The band [0.2, 0.4] holds every start seen there with a margin, and lies below the best
# constant fit (about 0.45 of the start): a network that learned nothing past the mean of Y fails it,
# and so does a step with the summed instead of the mean gradient (n times longer), which diverges.
RATIO_BAND = (0.2, 0.4)
ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu")


@pytest.fixture(scope="module")
def c():
    return checks(executed_notebook(NOTEBOOK))


def test_the_simulated_data_follow_the_recipe(c):
    assert c["n"] == N
    assert c["p"] == P
    # E[Y] = E[X1] + 10·E[sin²(X2)] + 10·E[X3] = 0 + 10·(1 − e^(−2·100))/2 + 10 = 15; the mean of
    # 1000 draws has a standard error of about √(Var Y / n) ≈ √(158/1000) ≈ 0.4
    expected = 10 * (1 - math.exp(-2 * 100)) / 2 + 10
    assert abs(c["mean_y"] - expected) < 4 * 0.4


def test_parameter_count_is_p_plus_1_times_K_plus_K_plus_1(c):
    assert c["parameter_count_formula"] == PARAMETERS
    assert c["parameter_count_library"] == PARAMETERS


def test_the_one_line_forward_pass_is_the_network(c):
    assert c["forward_formula_vs_library_max_abs_difference"] < ROUNDING


def test_each_of_the_four_gradient_formulas_matches_central_differences(c):
    for key in ("grad_beta0", "grad_betak", "grad_wk0", "grad_wkj"):
        assert c[f"{key}_relative_error"] < GRADIENT_TOLERANCE, key
    assert c["formulas_vs_note_gradient_max_relative_difference"] < ROUNDING
    assert c["formulas_vs_backprop_max_relative_difference"] < ROUNDING
    assert c["library_gradient_check_max_relative_error"] < GRADIENT_TOLERANCE


def test_gradient_descent_runs_as_the_r_code(c):
    # iter starts at 1 and the loop needs iter < 100: at most 99 steps, and the note's run used all 99
    assert c["gd_iterations"] == 99
    assert c["gd_stopped_by_threshold"] == 0
    # still falling by more than the threshold: by hundreds per step, as the prose says
    assert c["gd_last_step_sse_change"] > 100
    assert c["gd_steps_where_sse_increased"] == 0
    assert c["gd_final_sse"] < c["gd_initial_sse"]
    assert c["loss_ratio_final_initial"] == pytest.approx(c["gd_final_sse"] / c["gd_initial_sse"], rel=1e-12)


def test_the_final_to_initial_ratio_is_in_its_band(c):
    assert c["note_000_loss_ratio"] == pytest.approx(NOTE_RATIO, rel=1e-12)
    low, high = RATIO_BAND
    assert low <= c["loss_ratio_final_initial"] <= high
    assert c["ratio_this_notebook"] == pytest.approx(c["loss_ratio_final_initial"], rel=1e-12)


def test_the_first_step_is_printed_beside_the_notes_test_iteration(c):
    assert c["note_000_first_step_ratio"] == pytest.approx(357050.9 / 363335.7, rel=1e-12)
    # one step of ρ = 1/100 on the mean gradient lowers the sum of squares by a few per cent at most
    assert 0.9 < c["first_step_sse_ratio"] < 1


def test_this_ratio_and_the_notes_fall_among_other_starts(c):
    # the prose: the difference between the two is the luck of the draw
    low, high = c["ratio_min_over_50_starts"], c["ratio_max_over_50_starts"]
    assert low <= c["ratio_median_over_50_starts"] <= high
    assert low <= NOTE_RATIO <= high
    assert low <= c["loss_ratio_final_initial"] <= high
    assert 0 < c["starts_below_note_ratio"] < 50
    assert RATIO_BAND[0] <= low and high <= RATIO_BAND[1]


def test_99_steps_beat_a_constant_but_not_a_linear_fit(c):
    assert c["loss_ratio_final_initial"] < c["constant_fit_ratio"]
    assert c["linear_fit_ratio"] < c["loss_ratio_final_initial"] / 4


def test_the_trainer_with_the_loss_change_rule_repeats_the_r_loop(c):
    assert c["trainer_iterations"] == c["gd_iterations"]
    assert c["trainer_final_sse"] == pytest.approx(c["gd_final_sse"], rel=1e-12)


def test_every_parameter_path_is_recorded(c):
    # steps 0 … 99, the 8 entries of W and the 3 of B at each
    assert c["path_rows_recorded"] == (c["gd_iterations"] + 1) * PARAMETERS


def test_the_completed_gradient_of_W(c):
    assert c["grad_w_vectorized_relative_error"] < GRADIENT_TOLERANCE
    assert c["vectorized_vs_library_max_relative_difference"] < ROUNDING
    assert c["grad_b1_two_forms_max_relative_difference"] < ROUNDING
    assert c["delta_vs_library_delta1_max_relative_difference"] < ROUNDING


def test_the_vectorized_sections_sign_gives_minus_the_gradient(c):
    assert c["b2_formula_with_y_minus_yhat_over_gradient"] == pytest.approx(-1.0, abs=1e-12)


def test_note_001_backpropagation_in_columns_matches_the_library(c):
    assert c["note001_gradients_vs_library_max_relative_difference"] < ROUNDING
    assert c["note001_deltas_vs_library_max_relative_difference"] < ROUNDING
    assert c["note001_backprop_gradient_check_max_relative_error"] < GRADIENT_TOLERANCE


def test_activation_derivatives(c):
    for g in ACTIVATIONS:
        assert c[f"derivative_relative_error_{g}"] < GRADIENT_TOLERANCE, g
    # σ' peaks at 1/4 and tanh' at 1, both at 0, which the grid (±0.05 nearest) just misses
    assert 0.249 < c["max_derivative_sigmoid"] <= 0.25
    assert 0.99 < c["max_derivative_tanh"] <= 1.0
    assert c["max_derivative_relu"] == 1.0
    assert c["max_derivative_leaky_relu"] == 1.0


def test_on_unscaled_inputs_the_bounded_activations_train_and_the_relus_diverge(c):
    for g in ("sigmoid", "tanh"):
        assert c[f"raw_diverged_{g}"] == 0, g
        assert c[f"raw_steps_{g}"] == 99, g
        assert c[f"raw_loss_ratio_{g}"] < 1, g
    assert c["raw_loss_ratio_sigmoid"] == pytest.approx(c["loss_ratio_final_initial"], rel=1e-12)
    for g in ("relu", "leaky_relu"):
        assert c[f"raw_diverged_{g}"] == 1, g
        assert 0 < c[f"raw_first_increase_step_{g}"] < c[f"raw_steps_{g}"], g
        # "fall faster at first"
        assert c[f"raw_loss_ratio_step_10_{g}"] < c["raw_loss_ratio_step_10_sigmoid"], g


def test_the_relu_curvature_outgrows_the_step(c):
    bound = c["stability_bound_2_over_rho"]
    assert bound == 200
    assert c["hessian_lambda_max_start_sigmoid"] < bound
    assert c["hessian_last_step_sigmoid"] == 99
    assert c["hessian_lambda_max_last_step_sigmoid"] < bound
    assert c["hessian_lambda_max_start_relu"] < bound
    assert c["hessian_last_step_relu"] + 1 == c["raw_first_increase_step_relu"]
    assert c["hessian_lambda_max_last_step_relu"] > bound


def test_on_standardized_inputs_all_four_train_and_the_relus_end_lowest(c):
    for g in ACTIVATIONS:
        assert c[f"standardized_steps_{g}"] == 99, g
        assert 0 < c[f"standardized_loss_ratio_{g}"] < 1, g
    bounded = min(c["standardized_loss_ratio_sigmoid"], c["standardized_loss_ratio_tanh"])
    for g in ("relu", "leaky_relu"):
        assert c[f"standardized_loss_ratio_{g}"] < bounded / 2, g
    assert c["standardized_loss_ratio_relu"] == pytest.approx(c["standardized_loss_ratio_leaky_relu"], abs=0.01)


def test_the_transcribed_r_step_is_the_gradient_except_where_r_recycles(c):
    # B's step is the mean gradient; g_prime_z_W filled by columns puts the other unit's g' into
    # 4 of W's 8 entries (rows j with j mod K different from the column), so the step leaves the gradient
    assert c["r_step_b_vs_gradient_max_relative_difference"] < ROUNDING
    assert c["r_step_w_entries_off_gradient"] == 4
    assert c["r_step_w_vs_gradient_max_relative_difference"] > 1e-3
    assert 0 < c["r_step_gradient_cosine"] < 1
    assert 0.9 < c["r_step_first_sse_ratio"] < 1


def test_the_notes_loop_with_its_own_step_descends_less_than_the_gradient_loop(c):
    assert c["r_loop_iterations"] == 99
    assert c["loss_ratio_final_initial"] < c["r_loop_loss_ratio"] < 1


def test_it_was_the_cap_that_ended_the_loop(c):
    # no step changed the sum of squares by less than the threshold 1, the 99th included
    assert c["gd_smallest_step_sse_change"] > 1
    assert c["gd_smallest_step_sse_change"] <= c["gd_last_step_sse_change"]


def test_the_stopping_rule_stops_where_the_r_loop_stops(c):
    steps = c["r_loop_steps_threshold_2000"]
    assert 1 < steps < 99
    assert c["trainer_steps_threshold_2000"] == steps
    # a rule reading the previous step's change stops one step late
    assert c["previous_step_rule_steps_threshold_2000"] == steps + 1


# A one-hidden-layer classifier on two features; logistic regression on the same two features is held
# to 0.90 in notebook 01's tests, and a hidden layer should not do worse on held-out data.
CLASSIFIER_ACCURACY_FLOOR = 0.90


def test_note_001s_one_hidden_layer_classifier_is_trained_end_to_end(c):
    assert c["classifier_steps"] == 3000
    assert c["classifier_final_cost"] < c["classifier_first_cost"] / 2
    assert c["classifier_train_accuracy"] >= CLASSIFIER_ACCURACY_FLOOR
    assert c["classifier_test_accuracy"] >= CLASSIFIER_ACCURACY_FLOOR
    assert c["classifier_cross_entropy_by_hand"] == pytest.approx(c["classifier_cross_entropy_library"], rel=1e-12)
