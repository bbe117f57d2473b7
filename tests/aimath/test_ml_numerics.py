"""aimath.ml.numerics: the references against mpmath, relative errors, central differences."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import mpmath
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aimath.ml import central_difference, reference_expm1, reference_log1p, relative_error

SAMPLE_X = [5e-324, 1e-300, 1e-100, 1e-16, 1e-10, 1e-5, 0.5, 1.0, 20.0, 700.0]


def mp_value(x: mpmath.mpf) -> Fraction:
    return Fraction(mpmath.nstr(x, 60, strip_zeros=False, min_fixed=1, max_fixed=0))


@pytest.mark.parametrize("x", SAMPLE_X + [-v for v in SAMPLE_X[:-1]] + [-1000.0])
def test_reference_expm1_has_forty_digits(x: float) -> None:
    mpmath.mp.dps = 80
    exact = mpmath.expm1(mpmath.mpf(x))
    assert relative_error(float(reference_expm1(x)), reference_expm1(x)) < 1e-16
    assert abs(Fraction(reference_expm1(x)) / mp_value(exact) - 1) < Fraction(1, 10**38)


@pytest.mark.parametrize("x", [*SAMPLE_X, -1e-16, -0.5, -0.9999999999999999])
def test_reference_log1p_has_forty_digits(x: float) -> None:
    mpmath.mp.dps = 80
    exact = mpmath.log1p(mpmath.mpf(x))
    assert abs(Fraction(reference_log1p(x)) / mp_value(exact) - 1) < Fraction(1, 10**38)


@given(st.floats(-700, 700).filter(lambda v: v != 0))
def test_math_expm1_is_accurate_against_the_reference(x: float) -> None:
    assert relative_error(math.expm1(x), reference_expm1(x)) < 1e-15


@given(st.floats(-0.999, 1e6).filter(lambda v: v != 0))
def test_math_log1p_is_accurate_against_the_reference(x: float) -> None:
    assert relative_error(math.log1p(x), reference_log1p(x)) < 1e-15


def test_naive_forms_lose_digits_near_zero() -> None:
    assert relative_error(math.exp(1e-10) - 1, reference_expm1(1e-10)) > 1e-9
    assert math.log(1 + 1e-16) == 0.0
    assert relative_error(math.log(1 + 1e-16), reference_log1p(1e-16)) == 1.0


def test_relative_error_is_exact() -> None:
    assert relative_error(0.5, Fraction(1, 2)) == 0.0
    assert relative_error(1.5, 1) == 0.5
    assert relative_error(-2.0, Decimal(-1)) == 1.0


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: reference_expm1(math.inf), ValueError, "x must be finite"),
        (lambda: reference_expm1("1"), TypeError, "x must be a real number"),
        (lambda: reference_log1p(-1.0), ValueError, "x must be > -1, got -1.0"),
        (lambda: relative_error(1.0, 0), ValueError, "reference must be nonzero"),
        (lambda: relative_error(1.0, Decimal("NaN")), ValueError, "reference must be finite"),
        (lambda: relative_error(math.nan, 1.0), ValueError, "computed must be finite"),
        (lambda: central_difference(math.exp, 0.0, h=0), ValueError, "h must be > 0"),
        (lambda: central_difference(math.exp, math.nan), ValueError, "x must be finite"),
    ],
)
def test_bad_input_raises_a_clear_error(call: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]


@pytest.mark.parametrize("x", [-2.0, 0.0, 1.5])
def test_central_difference_error_shrinks_like_h_squared(x: float) -> None:
    errors = [abs(central_difference(math.exp, x, h) - math.exp(x)) for h in (1e-1, 1e-2)]
    # Dividing h by 10 divides the truncation error by about 100.
    assert 50 < errors[0] / errors[1] < 200


def test_reference_expm1_refuses_an_x_beyond_decimal_range_by_name() -> None:
    with pytest.raises(ValueError, match=r"x must be <= 100_000 .*got 1e\+300"):
        reference_expm1(1e300)


def test_reference_expm1_of_a_very_negative_x_is_minus_one() -> None:
    assert reference_expm1(-1e300) == -1


def test_relative_error_beyond_the_float_range_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="larger than the largest float"):
        relative_error(1.0, Decimal("1E-400"))
