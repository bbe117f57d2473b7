"""aimath.ml.activations: ELU values against exact references, its derivative, bad input."""

from __future__ import annotations

import math
import warnings
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aimath.ml import (
    central_difference,
    elu,
    elu_derivative,
    naive_elu,
    reference_expm1,
    relative_error,
)


@pytest.mark.parametrize("x", [1e-300, 1e-10, 0.5, 3.0, 1e300, math.inf])
@pytest.mark.parametrize("alpha", [0.5, 1.0, 1.6732632423543772])
def test_positive_inputs_pass_through(x: float, alpha: float) -> None:
    assert elu(x, alpha) == x


@given(st.floats(-700.0, -1e-300), st.sampled_from([0.5, 1.0, 2.0]))
def test_negative_branch_is_alpha_times_e_to_the_x_minus_one_to_the_last_digits(
    x: float, alpha: float
) -> None:
    exact = Decimal(alpha) * reference_expm1(x)
    assert relative_error(elu(x, alpha), exact) < 4e-16


def test_expm1_beats_the_subtraction_near_zero() -> None:
    eps = 2.0**-52
    scaled_naive_errors = []
    for x in -np.logspace(-13, -3, 201):
        exact = reference_expm1(float(x))
        naive = relative_error(float(naive_elu(x)), exact)
        assert relative_error(elu(float(x)), exact) < 2.3e-16
        # exp(x) is off by at most about eps/4 (half a spacing below 1); the
        # subtraction is exact, so the relative error is at most about eps / (4|x|).
        assert naive <= eps / abs(x)
        scaled_naive_errors.append(naive * abs(x) / eps)
    # ... and it is of that size, not just bounded by it: typical, not rare.
    assert float(np.median(scaled_naive_errors)) > 0.01
    # The page's example.
    assert relative_error(float(naive_elu(-1e-10)), reference_expm1(-1e-10)) > 1e-8


def test_zero_and_the_limits() -> None:
    assert elu(0.0) == 0.0
    assert elu(-math.inf, 0.5) == -0.5
    assert elu(-1000.0, 2.0) == -2.0
    assert elu_derivative(-math.inf) == 0.0
    assert elu_derivative(math.inf) == 1.0
    assert elu_derivative(0.0, 3.0) == 3.0  # the left derivative at the kink


@given(st.floats(-30.0, 30.0).filter(lambda x: abs(x) > 1e-3), st.sampled_from([0.5, 1.0, 2.0]))
def test_derivative_matches_a_central_difference(x: float, alpha: float) -> None:
    h = min(1e-5, abs(x) / 2)  # stay on one side of the kink at 0
    estimate = central_difference(lambda t: elu(t, alpha), x, h)
    assert elu_derivative(x, alpha) == pytest.approx(estimate, rel=1e-6, abs=1e-10)


@given(st.floats(-700.0, -1e-6), st.sampled_from([0.5, 1.0, 2.0]))
def test_derivative_is_elu_plus_alpha_on_the_negative_side(x: float, alpha: float) -> None:
    assert elu_derivative(x, alpha) == pytest.approx(elu(x, alpha) + alpha, rel=1e-12, abs=1e-15)


def test_shapes_and_types() -> None:
    assert isinstance(elu(-1.0), float)
    assert isinstance(elu_derivative(2), float)
    values = np.array([[-1.0, 0.0], [2.0, -3.0]])
    result = elu(values)
    assert isinstance(result, np.ndarray)
    assert result.shape == (2, 2)
    np.testing.assert_array_equal(result[1], [2.0, math.expm1(-3.0)])
    assert isinstance(elu(np.array(-1.0)), np.ndarray)
    np.testing.assert_array_equal(elu_derivative([-1.0, 1.0]), [math.exp(-1.0), 1.0])


def test_no_warning_for_extreme_inputs() -> None:
    extremes = [-math.inf, -1e308, -746.0, -5e-324, 0.0, 5e-324, 1e308, math.inf]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.isfinite(elu(extremes[1:-1])).all()
        elu(extremes, 1e-300)
        elu_derivative(extremes, 1e300)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: elu(1.0, 0.0), ValueError, "alpha must be > 0, got 0.0"),
        (lambda: elu(1.0, -1.0), ValueError, "alpha must be > 0, got -1.0"),
        (lambda: elu(1.0, math.nan), ValueError, "alpha must be finite"),
        (lambda: elu(1.0, math.inf), ValueError, "alpha must be finite"),
        (lambda: elu(1.0, "1"), TypeError, "alpha must be a real number"),
        (lambda: elu(1.0, True), TypeError, "alpha must be a real number"),
        (lambda: elu_derivative(1.0, -2.0), ValueError, "alpha must be > 0"),
        (lambda: naive_elu(1.0, 0), ValueError, "alpha must be > 0"),
        (lambda: elu([1.0, math.nan]), ValueError, "x must not contain nan"),
        (lambda: elu_derivative(math.nan), ValueError, "x must not contain nan"),
        (lambda: elu(["a"]), TypeError, "x must hold real"),
        (lambda: elu([]), ValueError, "x must not be empty"),
    ],
)
def test_bad_input_raises_a_clear_error(call: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
