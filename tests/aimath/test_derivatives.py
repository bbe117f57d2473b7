"""Tests for aimath.exponential.derivatives: (1.5), (1.6) and numerical differentiation."""

from __future__ import annotations

import math
import sys
from functools import partial

import mpmath
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath.exponential.derivatives import (
    CentralDifferenceError,
    Line,
    central_difference,
    central_difference_error,
    default_step,
    difference_quotient,
    exponential_derivative,
    exponential_slope_quotient,
    tangent_line,
)
from aimath.exponential.powers import real_power

# No example database: the tests leave no .hypothesis folder in the project.
PROPERTY = settings(database=None, max_examples=200)
EPS = sys.float_info.epsilon
NOT_NUMBERS = ["2", None, True, 1j]

bases = st.floats(0.1, 10.0)
points = st.floats(-20.0, 20.0)


def square(t: float) -> float:
    return t * t


# --- difference_quotient -----------------------------------------------------------


def test_difference_quotient_of_a_square_is_the_secant_slope() -> None:
    # ((3 + h)**2 - 9) / h = 6 + h exactly for these dyadic steps.
    assert difference_quotient(square, 3, 0.5) == 6.5
    assert difference_quotient(square, 3, -0.5) == 5.5
    assert difference_quotient(square, 3, 0.125) == 6.125


def test_forward_difference_error_is_first_order() -> None:
    # (e**h - 1)/h - 1 = h/2 + h**2/6 + ...: the error divided by h tends to 1/2.
    for h in (1e-2, 1e-3, 1e-4):
        error = difference_quotient(math.exp, 0.0, h) - 1.0
        assert error / h == pytest.approx(0.5, rel=h)


@pytest.mark.parametrize("bad", NOT_NUMBERS)
def test_difference_quotient_rejects_non_numbers(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a real number"):
        difference_quotient(square, bad, 0.1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="h must be a real number"):
        difference_quotient(square, 1.0, bad)  # type: ignore[arg-type]


def test_difference_quotient_rejects_bad_input() -> None:
    with pytest.raises(TypeError, match="function must be callable, got int"):
        difference_quotient(3, 1.0, 0.1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="h must be nonzero, got 0"):
        difference_quotient(square, 1.0, 0)
    with pytest.raises(ValueError, match="h must be finite"):
        difference_quotient(square, 1.0, math.inf)
    with pytest.raises(ValueError, match=r"f\(x \+ h\) must be finite"):
        difference_quotient(lambda t: math.inf if t > 1 else 0.0, 1.0, 0.5)
    with pytest.raises(TypeError, match=r"f\(x \+ h\) must be a real number, got complex"):
        difference_quotient(lambda t: complex(t, 1), 1.0, 0.5)  # type: ignore[arg-type,return-value]


def test_difference_quotient_overflow_is_an_error() -> None:
    with pytest.raises(OverflowError, match="difference quotient is too large"):
        difference_quotient(lambda t: 1e308 if t > 0 else -1e308, 0.0, 1e-300)


# --- default_step and central_difference ---------------------------------------


def test_default_step_is_cube_root_of_epsilon_scaled() -> None:
    assert default_step(0.0) == math.cbrt(EPS)
    assert default_step(1.0) == math.cbrt(EPS)
    assert default_step(-0.25) == math.cbrt(EPS)
    assert default_step(1000.0) == pytest.approx(1000 * math.cbrt(EPS), rel=1e-15)


def test_central_difference_is_exact_for_quadratics() -> None:
    # f(x+h) - f(x-h) = 2h (2ax + b) for f = ax**2 + bx + c: no truncation error.
    def quadratic(t: float) -> float:
        return 3 * t * t + 2 * t + 1

    assert central_difference(quadratic, 2.0, 0.5) == 14.0
    assert central_difference(quadratic, -1.0, 0.25) == -4.0


def test_central_difference_error_is_second_order() -> None:
    # The error of exp at 0 is h**2/6 + O(h**4): the ratio to h**2 tends to 1/6.
    for h in (1e-1, 1e-2, 1e-3):
        error = central_difference(math.exp, 0.0, h) - 1.0
        assert error / h**2 == pytest.approx(1 / 6, rel=h)


def exp_tolerance(x: float, h: float, log_base: float = 1.0) -> float:
    """What the error model allows for the central difference of a**x at x.

    Model: truncation h**2/6 |ln a|**3 a**x plus rounding eps a**x / h
    (see central_difference_error), plus the rounding of x +- h, about
    eps |x ln a| a**x / (2h). The sum is doubled as a safety margin; the next
    Taylor term, h**4/120 |ln a|**5 a**x, is below 1e-15 a**x for these steps.
    """
    value = math.exp(x * log_base)
    terms = central_difference_error(h, value, abs(log_base) ** 3 * value)
    shift = EPS * abs(x * log_base) * value / (2 * h)
    return 2 * (terms.truncation + terms.rounding + shift)


@PROPERTY
@given(points)
def test_central_difference_of_exp_with_default_step(x: float) -> None:
    # Relative to e**x the tolerance is at most about 1e-8 (|x| <= 20).
    approx = central_difference(math.exp, x)
    exact = math.exp(x)  # (1.6)
    assert abs(approx - exact) <= exp_tolerance(x, default_step(x))
    assert abs(approx - exact) <= 1e-8 * exact


@PROPERTY
@given(bases, points)
def test_central_difference_of_a_to_the_x_matches_formula_1_5(a: float, x: float) -> None:
    approx = central_difference(partial(real_power, a), x)
    exact = exponential_derivative(a, x)
    tolerance = exp_tolerance(x, default_step(x), math.log(a))
    assert abs(approx - exact) <= tolerance


def test_central_difference_step_too_small_loses_to_rounding() -> None:
    # Near h = cbrt(eps) the error of exp at 1 is tiny; at h = 1e-12 rounding wins.
    good = abs(central_difference(math.exp, 1.0) - math.e)
    tiny = abs(central_difference(math.exp, 1.0, 1e-12) - math.e)
    huge = abs(central_difference(math.exp, 1.0, 1e-1) - math.e)
    assert good < 1e-10
    assert tiny > 1000 * good
    assert huge > 1000 * good


def test_central_difference_rejects_bad_input() -> None:
    with pytest.raises(TypeError, match="function must be callable, got str"):
        central_difference("exp", 1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="x must be a real number, got bool"):
        central_difference(math.exp, True)
    with pytest.raises(ValueError, match="h must be > 0, got 0"):
        central_difference(math.exp, 1.0, 0)
    with pytest.raises(ValueError, match=r"h must be > 0, got -0\.1"):
        central_difference(math.exp, 1.0, -0.1)
    with pytest.raises(ValueError, match="x must be finite"):
        central_difference(math.exp, math.nan)
    with pytest.raises(ValueError, match=r"f\(x - h\) must be finite, got nan"):
        central_difference(lambda t: math.nan if t < 0 else t, 0.0)


def test_central_difference_lets_the_functions_own_errors_through() -> None:
    # exp(1000) overflows inside the function itself.
    with pytest.raises(OverflowError):
        central_difference(math.exp, 1000.0)
    with pytest.raises(OverflowError, match="central difference is too large"):
        central_difference(lambda t: 1e308 if t > 0 else -1e308, 0.0, 1e-300)


def test_central_difference_error_model() -> None:
    terms = central_difference_error(1e-3, -2.0, -6.0)
    assert isinstance(terms, CentralDifferenceError)
    assert terms.truncation == pytest.approx(1e-6, rel=1e-15)
    assert terms.rounding == 2 * EPS / 1e-3
    with pytest.raises(ValueError, match="h must be > 0, got 0"):
        central_difference_error(0, 1.0, 1.0)
    with pytest.raises(TypeError, match="value must be a real number"):
        central_difference_error(1e-3, "1", 1.0)  # type: ignore[arg-type]


def test_error_model_is_balanced_near_the_default_step() -> None:
    # At h = cbrt(eps) the two estimates for exp at 0 are of the same order.
    terms = central_difference_error(default_step(0.0), 1.0, 1.0)
    assert 0.1 < terms.truncation / terms.rounding < 10


# --- exponential_slope_quotient: (a**h - 1)/h -> ln a -----------------------------


@pytest.mark.parametrize("a", [0.5, 2.0, math.e, 3.0, 10.0])
def test_slope_quotient_tends_to_ln_a(a: float) -> None:
    # (a**h - 1)/h = ln a + h (ln a)**2 / 2 + ...: the error shrinks like h.
    errors = [abs(exponential_slope_quotient(a, h) - math.log(a)) for h in (1e-2, 1e-3, 1e-4)]
    for h, error in zip((1e-2, 1e-3, 1e-4), errors, strict=True):
        assert error <= h * math.log(a) ** 2
    assert errors[0] > errors[1] > errors[2]


def test_slope_quotient_is_one_only_near_e() -> None:
    h = 1e-7
    assert exponential_slope_quotient(2, h) < 1 < exponential_slope_quotient(3, h)
    assert exponential_slope_quotient(math.e, h) == pytest.approx(1.0, abs=1e-6)


@PROPERTY
@given(bases, st.floats(1e-6, 1.0))
def test_slope_quotient_is_the_difference_quotient_at_zero(a: float, h: float) -> None:
    by_definition = difference_quotient(partial(real_power, a), 0.0, h)
    assert exponential_slope_quotient(a, h) == pytest.approx(by_definition, rel=1e-12, abs=1e-12)


def test_slope_quotient_for_negative_steps() -> None:
    # (2**-1 - 1)/(-1) = 1/2
    assert exponential_slope_quotient(2, -1) == 0.5


def test_slope_quotient_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="base must be > 0, got -2"):
        exponential_slope_quotient(-2, 0.1)
    with pytest.raises(ValueError, match="h must be nonzero, got 0"):
        exponential_slope_quotient(2, 0)
    with pytest.raises(TypeError, match="h must be a real number, got NoneType"):
        exponential_slope_quotient(2, None)  # type: ignore[arg-type]
    with pytest.raises(OverflowError):
        exponential_slope_quotient(10, 400)


# --- exponential_derivative: formula (1.5) ---------------------------------------


def test_formula_1_5_symbolically() -> None:
    a = sympy.symbols("a", positive=True)
    x, h = sympy.symbols("x h", real=True)
    assert sympy.diff(a**x, x) == a**x * sympy.log(a)
    assert sympy.limit((a**h - 1) / h, h, 0) == sympy.log(a)
    # (1.6): the derivative of e**x is itself, and ln e = 1.
    assert sympy.diff(sympy.exp(x), x) == sympy.exp(x)
    assert sympy.limit((sympy.E**h - 1) / h, h, 0) == 1


@PROPERTY
@given(bases, points)
def test_exponential_derivative_matches_high_precision(a: float, x: float) -> None:
    with mpmath.workdps(40):
        exact = mpmath.power(a, x) * mpmath.log(a)
        # pow, log and one product, each within about an ulp: 4 ulps is ample.
        assert abs(exponential_derivative(a, x) - exact) <= 4 * EPS * abs(exact)


def test_exponential_derivative_special_bases() -> None:
    assert exponential_derivative(math.e, 0) == 1.0
    assert exponential_derivative(math.e, 1) == math.e  # slope equals height (1.6)
    assert exponential_derivative(1, 7.5) == 0.0  # (1.5) holds for a = 1 too
    assert exponential_derivative(0.5, 0) < 0  # 0 < a < 1: decreasing


def test_exponential_derivative_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="base must be > 0, got 0"):
        exponential_derivative(0, 1)
    with pytest.raises(TypeError, match="base must be a real number, got str"):
        exponential_derivative("e", 1)  # type: ignore[arg-type]
    with pytest.raises(OverflowError):
        exponential_derivative(10, 400)
    # a**x fits in a float but a**x ln a does not.
    with pytest.raises(OverflowError, match="too large for a float"):
        exponential_derivative(1e300, 1.0265)


# --- tangent_line ---------------------------------------------------------------


@pytest.mark.parametrize("t", [-2.0, -1.0, 0.0, 1.0, 2.0])
def test_tangent_of_exp_meets_the_x_axis_one_to_the_left(t: float) -> None:
    line = tangent_line(math.exp, t, slope=exponential_derivative(math.e, t))
    assert line(t) == pytest.approx(math.exp(t), rel=1e-15)
    # y = e**t (x - t + 1) is zero at x = t - 1.
    assert line(t - 1) == pytest.approx(0.0, abs=1e-14)


def test_tangent_line_values() -> None:
    assert tangent_line(square, 3.0, slope=6.0) == Line(slope=6.0, intercept=-9.0)
    assert Line(slope=-1.0, intercept=2.0)(2.0) == 0.0


def test_tangent_line_rejects_bad_input() -> None:
    with pytest.raises(TypeError, match="function must be callable"):
        tangent_line(None, 0.0, slope=1.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="slope must be finite"):
        tangent_line(math.exp, 0.0, slope=math.inf)
    with pytest.raises(TypeError, match="x0 must be a real number"):
        tangent_line(math.exp, "0", slope=1.0)  # type: ignore[arg-type]
