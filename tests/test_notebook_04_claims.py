"""The claims that notebook 04 (notes 002 and 004) makes in its prose, asserted on the numbers it records.

The numbers come from the executed notebook build/notebooks/04-multi-layer.ipynb, which `make notebooks`
writes (and so does the IJava run of `make test`). Each value the notebook records with
`Notebook.show` (in its outputs' metadata, beside the sentence the reader sees) is a number its Markdown
relies on. A notebook that was not executed fails here, with a
message saying so, rather than being skipped.
"""

import pytest

from tests.support import check_value, notebook_checks

NOTEBOOK = "04-multi-layer"


@pytest.fixture(scope="module")
def checks():
    return notebook_checks(NOTEBOOK)


def value(checks, key):
    return check_value(checks, key, NOTEBOOK)


def test_the_2_3_4_1_network_has_30_parameters(checks):
    # (2·3 + 3) + (3·4 + 4) + (4·1 + 1)
    assert value(checks, "parameter_count") == 30


def test_forward_feed_by_hand(checks):
    assert value(checks, "forward_by_hand_max_abs_difference") < 1e-12


def test_gradient_check(checks):
    assert value(checks, "gradient_check_max_relative_error") < 1e-7
    assert value(checks, "gradient_check_l2_max_relative_error") < 1e-7


def test_zero_biases_put_examples_on_the_relu_kink(checks):
    # the prose: with every bias at 0, some examples switch every layer-1 unit off and the check fails
    assert value(checks, "zero_bias_examples_at_kink") > 0
    assert value(checks, "zero_bias_gradient_check_max_relative_error") > 1e-3


def test_note_002_formula_needs_g_prime(checks):
    assert value(checks, "note002_dw2_with_derivative_relative_error") < 1e-7
    assert value(checks, "note002_dw2_library_relative_error") < 1e-7
    # with g printed in place of g' the gradient is wrong by a relative error of order one
    assert value(checks, "note002_dw2_as_printed_relative_error") > 0.05


def test_more_updates_per_pass_give_a_lower_loss(checks):
    full = value(checks, "final_loss_full_batch")
    mini = value(checks, "final_loss_mini_batch_16")
    sgd = value(checks, "final_loss_sgd")
    assert sgd < mini < full
    # SGD near the noise floor ½·0.1² = 0.005; full batch has barely started
    assert sgd < 2 * 0.005
    assert 0.4 < full / value(checks, "initial_loss") < 0.6


def test_one_dead_unit_in_layer_2(checks):
    # the last unit of layer 2 is off for every example from the start and never moves under SGD
    assert value(checks, "layer2_units_off_for_every_example_at_start") == 1
    assert value(checks, "layer2_units_never_moved_sgd") == 1
    assert value(checks, "layer2_dead_unit_index") == 3


def test_zero_init_units_stay_identical(checks):
    # ReLU units never move from 0, so they are equal bit for bit; sigmoid units move together,
    # equal up to the rounding of a product that may sum each column in its own order
    assert value(checks, "zero_init_relu_unit_max_difference") == 0.0
    moved = value(checks, "zero_init_sigmoid_largest_hidden_weight")
    assert value(checks, "zero_init_sigmoid_unit_max_difference") <= 1e-12 * moved


def test_zero_init_sigmoid_units_move_relu_units_do_not(checks):
    assert value(checks, "zero_init_sigmoid_largest_hidden_weight") > 0
    assert value(checks, "zero_init_relu_largest_hidden_weight") == 0.0


def test_zero_init_relu_learns_only_the_mean(checks):
    # only the output bias learns: the loss ends at ½·mean((o − ō)²), the best constant
    half_variance = value(checks, "half_variance_of_o")
    assert abs(value(checks, "zero_init_relu_final_loss") - half_variance) < 1e-10
    # the sigmoid network, stuck with identical units, stalls at practically the same value
    assert abs(value(checks, "zero_init_sigmoid_final_loss") - half_variance) < 1e-3 * half_variance


def test_random_init_breaks_the_symmetry(checks):
    assert value(checks, "random_init_unit_max_difference") > 0.1
    stalled = min(value(checks, "zero_init_sigmoid_final_loss"), value(checks, "zero_init_relu_final_loss"))
    assert value(checks, "random_init_final_loss") < stalled / 10


def test_gradients_vanish_in_a_deep_sigmoid_network(checks):
    # ‖δ1‖ / ‖δ10‖: sigmoid layers shrink the error by a factor of 4 or more each
    assert value(checks, "vanishing_gradient_ratio_sigmoid") < 1e-4
    # ReLU with He's initialization passes it back at about the same size
    assert 0.1 < value(checks, "vanishing_gradient_ratio_relu_he") < 10
    # "a factor of about four or more" per sigmoid layer; about 1 per ReLU layer
    assert value(checks, "shrink_factor_per_layer_sigmoid") >= 4
    assert 0.5 < value(checks, "shrink_factor_per_layer_relu_he") < 2


def test_only_he_keeps_relu_activations_steady(checks):
    assert 0.5 < value(checks, "rms_layer10_over_layer1_he") < 2
    assert value(checks, "rms_layer10_over_layer1_xavier") < 0.1
    assert value(checks, "rms_layer10_over_layer1_n_0_1") > 1e5
    assert value(checks, "rms_layer10_over_layer1_u_1_2_1_2") > 10


@pytest.mark.parametrize("rule, predicted", [
    ("he", 1.0),                       # variance 2/64 makes the ReLU layer's gain 1
    ("xavier", 0.5 ** 0.5),            # variance 2/128: half of He's
    ("n_0_1", (64 / 2) ** 0.5),        # variance 1: 32 times He's
    ("u_1_2_1_2", (64 / 24) ** 0.5),   # variance 1/12
])
def test_rms_factor_per_layer_matches_the_prediction(checks, rule, predicted):
    factor = value(checks, f"rms_factor_per_layer_{rule}")
    assert abs(factor / predicted - 1) < 0.15


def test_note_004_l2_loss_and_its_2_over_n(checks):
    assert value(checks, "l2_by_hand_difference") < 1e-12
    assert abs(value(checks, "l2_gradient_factor_times_n") - 2.0) < 1e-12


def test_note_004_nested_products_equal_backpropagation(checks):
    assert value(checks, "note004_vs_backprop_max_relative_difference") < 1e-10


def test_the_notes_gradient_example_has_a_slip(checks):
    # f(x1, x2) = 3 x1² x2: ∇f = (6 x1 x2, 3 x1²); the note prints 3 x1 for the second entry
    x1 = value(checks, "gradient_example_x1")
    x2 = value(checks, "gradient_example_x2")
    # central differences with h = 1e-6 on a cubic: error of order h² times the third derivative, plus rounding
    assert abs(value(checks, "gradient_numeric_dx1") - 6 * x1 * x2) < 1e-7
    assert abs(value(checks, "gradient_numeric_dx2") - 3 * x1 * x1) < 1e-7
    assert value(checks, "gradient_note_dx2") == 3 * x1
    assert abs(value(checks, "gradient_numeric_dx2") - value(checks, "gradient_note_dx2")) > 1


def test_total_differential_is_the_first_order_change(checks):
    # for steps of 1e-4 the second-order terms are about 1e-4 of the first-order ones
    assert value(checks, "total_differential_relative_error") < 1e-3


def test_jacobian_of_an_elementwise_activation_is_diag_g_prime(checks):
    # central differences with h = 1e-6: exact for the piecewise-linear ReLU away from 0, O(h²) for the sigmoid
    assert value(checks, "activation_jacobian_relu_max_abs_error") < 1e-8
    assert value(checks, "activation_jacobian_sigmoid_max_abs_error") < 1e-8


def test_chain_rule_is_a_product_of_jacobians(checks):
    assert value(checks, "chain_rule_jacobian_max_abs_error") < 1e-8


def test_the_chain_of_four_factors_is_the_gradient(checks):
    assert value(checks, "note002_chain_product_max_abs_difference") < 1e-12


def test_the_notes_stacked_matrix_is_not_the_gradient(checks):
    # it pairs g' with the column index: wrong by a relative error of order one
    assert value(checks, "note002_stacked_as_printed_relative_error") > 0.05


def test_note_004_nested_products_at_every_depth(checks):
    for depth in range(1, 5):
        assert value(checks, f"note004_vs_backprop_depth_{depth}") < 1e-10
        assert value(checks, f"gradient_check_l2_depth_{depth}") < 1e-7


def test_note_004_one_entry_by_hand(checks):
    assert value(checks, "note004_one_entry_by_hand_vs_selector") < 1e-15
    assert value(checks, "note004_one_entry_vs_finite_difference") < 1e-8


@pytest.mark.parametrize("depth", [1, 2, 3, 4])
def test_gradient_descent_lowers_l2_at_every_depth(checks, depth):
    assert value(checks, f"l2_final_loss_depth_{depth}") < value(checks, f"l2_initial_loss_depth_{depth}")


def test_depth_one_ends_highest(checks):
    # a single sigmoid layer on the raw inputs cannot bend |x1| or form x1·x2
    assert value(checks, "l2_final_loss_depth_1") > max(value(checks, f"l2_final_loss_depth_{d}") for d in (2, 3, 4))
