"""aimath.ml.sigmoid against scipy.special, mpmath and SymPy, and bad input."""

from __future__ import annotations

import math
import warnings

import mpmath
import numpy as np
import pytest
import scipy.special
import sympy
from hypothesis import given
from hypothesis import strategies as st

from aimath.ml import (
    binary_cross_entropy,
    central_difference,
    log_sigmoid,
    logit,
    sigmoid,
    sigmoid_derivative,
    softmax,
    softplus,
)

# The tolerance documented in aimath.ml.sigmoid.
RTOL = 1e-12
ATOL_SUBNORMAL = 1e-300
RNG_SEED = 20240602

EXTREME = np.array(
    [-np.inf, -1e308, -1000.0, -745.0, -709.0, -40.0, -1e-300, 0.0, 1e-300, 36.0, 40.0,
     709.0, 1000.0, 1e308, np.inf]
)  # fmt: skip


def random_inputs(scale: float) -> np.ndarray:
    return np.random.default_rng(RNG_SEED).standard_normal((5, 7)) * scale


@pytest.mark.parametrize("scale", [1.0, 10.0, 1000.0])
def test_sigmoid_matches_scipy_expit_on_random_input(scale: float) -> None:
    x = random_inputs(scale)
    np.testing.assert_allclose(sigmoid(x), scipy.special.expit(x), rtol=RTOL, atol=0)


def test_sigmoid_matches_scipy_expit_on_extreme_input() -> None:
    ours = sigmoid(EXTREME)
    reference = scipy.special.expit(EXTREME)
    np.testing.assert_allclose(ours, reference, rtol=RTOL, atol=ATOL_SUBNORMAL)
    assert ours[0] == 0.0
    assert ours[-1] == 1.0
    # At -745 the exact value e**-745 / (1 + e**-745) is the smallest subnormal float.
    assert ours[3] == 5e-324


@pytest.mark.parametrize("scale", [1.0, 10.0, 1000.0])
def test_log_sigmoid_matches_scipy_log_expit_on_random_input(scale: float) -> None:
    x = random_inputs(scale)
    np.testing.assert_allclose(log_sigmoid(x), scipy.special.log_expit(x), rtol=RTOL, atol=0)


def test_log_sigmoid_matches_scipy_log_expit_on_extreme_input() -> None:
    ours = log_sigmoid(EXTREME)
    reference = scipy.special.log_expit(EXTREME)
    np.testing.assert_allclose(ours, reference, rtol=RTOL, atol=0)
    assert ours[0] == -np.inf
    assert ours[-1] == 0.0


@pytest.mark.parametrize("x", [*EXTREME.tolist(), *random_inputs(30.0).ravel().tolist()])
def test_softplus_matches_logaddexp(x: float) -> None:
    assert softplus(x) == pytest.approx(np.logaddexp(0.0, x), rel=RTOL, abs=0)


@pytest.mark.parametrize("x", [-745.0, -300.0, -40.0, -1.5, -1e-8, 0.0, 1e-8, 2.0, 36.0, 40.0])
def test_every_function_is_accurate_against_mpmath(x: float) -> None:
    mpmath.mp.dps = 50
    s = 1 / (1 + mpmath.exp(-mpmath.mpf(x)))
    assert sigmoid(x) == pytest.approx(float(s), rel=1e-15)
    assert sigmoid_derivative(x) == pytest.approx(float(s * (1 - s)), rel=1e-14)
    assert softplus(x) == pytest.approx(float(mpmath.log1p(mpmath.exp(x))), rel=1e-15)
    assert log_sigmoid(x) == pytest.approx(float(mpmath.log(s)), rel=1e-15)


def test_derivative_formula_agrees_with_sympy() -> None:
    t = sympy.symbols("x", real=True)
    s = 1 / (1 + sympy.exp(-t))
    assert sympy.simplify(sympy.diff(s, t) - s * (1 - s)) == 0
    derivative = sympy.lambdify(t, sympy.diff(s, t), "mpmath")
    for x in (-5.0, -0.5, 0.0, 1.0, 3.0):
        assert sigmoid_derivative(x) == pytest.approx(float(derivative(x)), rel=1e-14)


@pytest.mark.parametrize("x", np.linspace(-8, 8, 17).tolist())
def test_derivative_matches_central_difference(x: float) -> None:
    numerical = central_difference(sigmoid, x, h=1e-5)
    assert numerical == pytest.approx(sigmoid_derivative(x), abs=1e-10)


def test_derivative_keeps_its_digits_where_one_minus_sigma_cancels() -> None:
    s = sigmoid(40.0)
    assert s == 1.0  # so s * (1 - s) would be 0
    assert sigmoid_derivative(40.0) == pytest.approx(math.exp(-40.0), rel=1e-15)


@given(st.floats(-700, 700))
def test_one_minus_sigmoid_is_sigmoid_of_minus_x(x: float) -> None:
    assert 1 - sigmoid(x) == pytest.approx(sigmoid(-x), rel=1e-9, abs=1e-15)


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6))
def test_two_class_softmax_is_the_sigmoid(a: float, b: float) -> None:
    p = softmax([a, b])
    assert p[0] == pytest.approx(sigmoid(a - b), rel=1e-12, abs=1e-300)


def test_scalar_in_float_out_and_array_shape_kept() -> None:
    assert isinstance(sigmoid(0), float)
    assert isinstance(sigmoid(np.float64(0.0)), float)
    assert sigmoid([[0.0, 1.0]]).shape == (1, 2)
    zero_dim = sigmoid(np.array(0.0))
    assert isinstance(zero_dim, np.ndarray)
    assert zero_dim.shape == ()


FUNCTIONS = [sigmoid, sigmoid_derivative, softplus, log_sigmoid]


@pytest.mark.parametrize("function", FUNCTIONS)
@pytest.mark.parametrize(
    ("x", "error", "message"),
    [
        (np.nan, ValueError, r"x must not contain nan"),
        ([0.0, np.nan], ValueError, r"x must not contain nan \(found at index \(1,\)\)"),
        ([], ValueError, "x must not be empty"),
        ("1", TypeError, "x must hold real numbers, got str"),
        (True, TypeError, "x must hold real numbers, got bool"),
        (1 + 2j, TypeError, "x must hold real numbers, got complex"),
        (None, TypeError, "x must hold real numbers, got NoneType"),
    ],
)
def test_bad_input_raises_a_clear_error(
    function: object, x: object, error: type, message: str
) -> None:
    with pytest.raises(error, match=message):
        function(x)  # type: ignore[operator]


# --- logit (the inverse of the sigmoid) and the binary cross-entropy ---------------


@given(st.floats(min_value=-30.0, max_value=10.0, allow_nan=False))
def test_logit_inverts_sigmoid(x: float) -> None:
    # Rounding sigma(x) to a float moves 1 - sigma(x) by a relative eps / (1 - p),
    # so above x = 10 the logit can only give x back to fewer digits.
    assert logit(sigmoid(x)) == pytest.approx(x, rel=1e-9, abs=1e-9)


@given(st.floats(min_value=1e-300, max_value=1 - 1e-16, exclude_max=False))
def test_sigmoid_inverts_logit(p: float) -> None:
    assert sigmoid(logit(p)) == pytest.approx(p, rel=1e-12)


def test_logit_matches_scipy_and_closed_form() -> None:
    p = np.array([1e-300, 1e-10, 0.1, 0.25, 0.5, 0.75, 0.9, 1 - 1e-10])
    np.testing.assert_allclose(logit(p), scipy.special.logit(p), rtol=1e-9)
    assert logit(0.75) == pytest.approx(math.log(3), rel=1e-15)
    assert isinstance(logit(0.5), float)


@pytest.mark.parametrize(
    ("p", "message"),
    [
        (0.0, r"p must be in the open interval \(0, 1\), got 0.0$"),
        (1.0, r"p must be in the open interval \(0, 1\), got 1.0$"),
        ([0.5, 1.5], r"got 1.5 at index \(1,\)"),
        ([0.5, np.nan], r"got nan at index \(1,\)"),
        (-0.1, r"got -0.1$"),
    ],
)
def test_logit_rejects_values_outside_the_open_interval(p: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        logit(p)  # type: ignore[arg-type]


def test_logit_rejects_strings() -> None:
    with pytest.raises(TypeError, match="p must hold real numbers"):
        logit("0.5")  # type: ignore[arg-type]


@given(
    st.floats(min_value=-30.0, max_value=30.0, allow_nan=False),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_binary_cross_entropy_is_the_definition(x: float, y: float) -> None:
    with mpmath.workdps(50):
        s = 1 / (1 + mpmath.exp(-mpmath.mpf(x)))
        definition = float(-(y * mpmath.log(s) + (1 - y) * mpmath.log(1 - s)))
    assert binary_cross_entropy(x, y) == pytest.approx(definition, rel=1e-12, abs=1e-15)


def test_binary_cross_entropy_matches_softplus_form_and_is_stable() -> None:
    x = EXTREME[np.isfinite(EXTREME)]
    for y in (0.0, 1.0):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            losses = binary_cross_entropy(x, np.full_like(x, y))
        # y softplus(-x) + (1 - y) softplus(x), which is softplus(x) - y x.
        reference = y * softplus(-x) + (1 - y) * softplus(x)
        np.testing.assert_allclose(losses, reference, rtol=1e-12, atol=1e-300)
        assert np.all(losses >= 0)
    assert binary_cross_entropy(1000.0, 0.0) == 1000.0
    assert binary_cross_entropy(-1000.0, 1.0) == 1000.0


@pytest.mark.parametrize(
    ("x", "y"), [(30.0, 0.999999), (25.3, 0.9999999999), (100.0, 1 - 2**-30), (-40.0, 1e-9)]
)
def test_binary_cross_entropy_soft_target_near_the_label_keeps_its_digits(
    x: float, y: float
) -> None:
    # max(x, 0) - x * y would cancel here; x * (1 - y) does not (1 - y is exact for y >= 1/2).
    with mpmath.workdps(60):
        s = 1 / (1 + mpmath.exp(-mpmath.mpf(x)))
        definition = float(-(y * mpmath.log(s) + (1 - y) * mpmath.log(1 - s)))
    assert binary_cross_entropy(x, y) == pytest.approx(definition, rel=1e-14, abs=0)


@pytest.mark.parametrize("y", [0.1, 0.3, 0.5, 0.9])
def test_binary_cross_entropy_soft_target_minimum_is_the_entropy_at_the_logit(y: float) -> None:
    best = logit(y)
    entropy = -y * math.log(y) - (1 - y) * math.log(1 - y)
    assert binary_cross_entropy(best, y) == pytest.approx(entropy, rel=1e-14, abs=0)
    for shift in (-1e-3, 1e-3):
        assert binary_cross_entropy(best + shift, y) > binary_cross_entropy(best, y)


def test_scipy_logit_returns_infinities_and_nan_where_logit_raises() -> None:
    # What the docstring of logit and the sigmoid page say SciPy does instead of raising.
    with np.errstate(all="ignore"):
        values = scipy.special.logit(np.array([0.0, 1.0, 1.5, -0.1]))
    np.testing.assert_array_equal(values, [-np.inf, np.inf, np.nan, np.nan])
