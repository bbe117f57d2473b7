"""Tests for aimath.exponential.logarithm: ln, log_a and their derivatives (3.1), (3.2)."""

from __future__ import annotations

import math
import sys
from functools import partial

import mpmath
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath.exponential.derivatives import central_difference, default_step
from aimath.exponential.logarithm import (
    log_base,
    log_base_derivative,
    natural_log,
    natural_log_derivative,
)

PROPERTY = settings(database=None, max_examples=200)
EPS = sys.float_info.epsilon

positives = st.floats(1e-6, 1e6)
log_bases = st.floats(0.05, 20.0).filter(lambda a: abs(a - 1) > 1e-3)


# --- natural_log and log_base ----------------------------------------------------


def test_natural_log_values() -> None:
    assert natural_log(1) == 0.0
    assert natural_log(math.e) == 1.0
    assert natural_log(0.5) == -math.log(2)


@PROPERTY
@given(st.floats(-700.0, 700.0))
def test_natural_log_inverts_exp(y: float) -> None:
    # y = ln x  <=>  x = e**y
    assert natural_log(math.exp(y)) == pytest.approx(y, rel=4 * EPS, abs=4 * EPS)


def test_log_base_exact_on_powers_of_2_and_10() -> None:
    assert log_base(1000, 10) == 3.0
    assert math.log(1000, 10) != 3.0  # noqa: FURB163 - the rounding the special case avoids
    assert log_base(1024, 2) == 10.0
    assert log_base(0.001, 10) == -3.0


@PROPERTY
@given(positives, log_bases)
def test_log_base_is_the_inverse_of_a_to_the_y(x: float, a: float) -> None:
    with mpmath.workdps(40):
        exact = mpmath.log(x) / mpmath.log(a)
        # Two logs and a quotient, each within about an ulp; the division by
        # ln a amplifies nothing relative to the result.
        assert abs(log_base(x, a) - exact) <= 4 * EPS * abs(exact) + 1e-300


@pytest.mark.parametrize("bad_x", [0, -1, -0.5])
def test_logs_reject_non_positive_x(bad_x: float) -> None:
    with pytest.raises(ValueError, match=f"x must be > 0, got {bad_x}"):
        natural_log(bad_x)
    with pytest.raises(ValueError, match=f"x must be > 0, got {bad_x}"):
        log_base(bad_x, 2)
    with pytest.raises(ValueError, match=f"x must be > 0, got {bad_x}"):
        natural_log_derivative(bad_x)
    with pytest.raises(ValueError, match=f"x must be > 0, got {bad_x}"):
        log_base_derivative(bad_x, 2)


def test_log_base_rejects_bad_bases() -> None:
    for function in (log_base, log_base_derivative):
        with pytest.raises(ValueError, match="base must not be 1"):
            function(8, 1)
        with pytest.raises(ValueError, match="base must be > 0, got -2"):
            function(8, -2)
        with pytest.raises(ValueError, match="base must be > 0, got 0"):
            function(8, 0)
        with pytest.raises(TypeError, match="base must be a real number, got str"):
            function(8, "2")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["2", None, True, 1j])
def test_logs_reject_non_numbers(bad: object) -> None:
    with pytest.raises(TypeError, match="x must be a real number"):
        natural_log(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="x must be a real number"):
        natural_log_derivative(bad)  # type: ignore[arg-type]


def test_log_rejects_infinity() -> None:
    with pytest.raises(ValueError, match="x must be finite"):
        natural_log(math.inf)


# --- derivatives (3.1), (3.2) ------------------------------------------------------


def test_formulas_3_1_and_3_2_symbolically() -> None:
    x, y = sympy.symbols("x y", positive=True)
    a = sympy.symbols("a", positive=True)
    assert sympy.diff(sympy.log(x), x) == 1 / x
    assert sympy.simplify(sympy.diff(sympy.log(x, a), x) - 1 / (x * sympy.log(a))) == 0
    # The inverse-function route: dx/dy = e**y, evaluated at y = ln x, is x.
    assert sympy.diff(sympy.exp(y), y).subs(y, sympy.log(x)) == x
    assert sympy.diff(a**y, y).subs(y, sympy.log(x, a)) == x * sympy.log(a)


def test_derivative_values() -> None:
    assert natural_log_derivative(4) == 0.25
    assert log_base_derivative(1, math.e) == 1.0
    assert log_base_derivative(2, 0.5) == pytest.approx(-1 / (2 * math.log(2)), rel=1e-15)


@PROPERTY
@given(positives)
def test_central_difference_of_ln_matches_3_1(x: float) -> None:
    # The step is scaled with x (ln changes on the scale x, not 1). With h = c x,
    # c = cbrt(eps): truncation h**2/6 * 2/x**3 = (c**2/3)/x, rounding about
    # eps |ln x| / h + eps / (2c x). Relative to 1/x that is below 1e-9 here.
    approx = central_difference(natural_log, x, h=default_step(1.0) * x)
    assert approx == pytest.approx(natural_log_derivative(x), rel=1e-9)


@PROPERTY
@given(st.floats(0.1, 100.0), log_bases)
def test_central_difference_of_log_a_matches_3_2(x: float, a: float) -> None:
    # As above, divided by ln a, with |ln a| >= 1e-3 here: the rounding part
    # grows by 1/|ln a| relative to the derivative, hence 1e-7 instead of 1e-9.
    approx = central_difference(partial(log_base, base=a), x, h=default_step(1.0) * x)
    assert approx == pytest.approx(log_base_derivative(x, a), rel=1e-7)


def test_default_step_is_too_wide_near_zero() -> None:
    # At x = 1e-6 the default step reaches past 0, where ln is undefined.
    with pytest.raises(ValueError, match="x must be > 0"):
        central_difference(natural_log, 1e-6)


def test_derivative_overflow_is_an_error() -> None:
    with pytest.raises(OverflowError, match="too large for a float"):
        natural_log_derivative(5e-324)
    with pytest.raises(OverflowError, match="too large for a float"):
        log_base_derivative(5e-324, 1.5)
