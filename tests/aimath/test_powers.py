"""Tests for aimath.exponential.powers: from repeated multiplication to real exponents."""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath.exponential.powers import (
    decimal_bracket,
    integer_power,
    power_by_repeated_multiplication,
    rational_power,
    real_power,
)

# No example database: the tests leave no .hypothesis folder in the project.
PROPERTY = settings(database=None, max_examples=200)

small_nonzero_ints = st.integers(-12, 12).filter(lambda n: n != 0)
small_nonzero_fractions = st.builds(
    Fraction, small_nonzero_ints, st.integers(1, 12)
)  # every nonzero rational p/q with |p|, q <= 12
small_exponents = st.integers(-15, 15)
NOT_NUMBERS = ["2", None, True, 1j]


# --- power_by_repeated_multiplication: the definition (0.1) ----------------------


def test_repeated_multiplication_examples() -> None:
    assert power_by_repeated_multiplication(2, 3) == 8
    assert power_by_repeated_multiplication(3, 4) == 81
    assert power_by_repeated_multiplication(-2, 3) == -8
    assert power_by_repeated_multiplication(Fraction(2, 3), 2) == Fraction(4, 9)
    assert power_by_repeated_multiplication(0.5, 3) == 0.125


@PROPERTY
@given(base=small_nonzero_fractions, exponent=st.integers(1, 15))
def test_repeated_multiplication_agrees_with_python_exactly(base: Fraction, exponent: int) -> None:
    assert power_by_repeated_multiplication(base, exponent) == base**exponent


@pytest.mark.parametrize("exponent", [0, -1])
def test_repeated_multiplication_needs_a_positive_count(exponent: int) -> None:
    with pytest.raises(ValueError, match="exponent must be >= 1"):
        power_by_repeated_multiplication(2, exponent)


@pytest.mark.parametrize("base", NOT_NUMBERS)
def test_repeated_multiplication_rejects_non_numbers(base: object) -> None:
    with pytest.raises(TypeError, match="base must be a real number"):
        power_by_repeated_multiplication(base, 2)  # type: ignore[arg-type]


# --- integer_power: exponents 0 and negative integers (0.4), (0.5) ---------------


def test_integer_power_examples() -> None:
    assert integer_power(2, 10) == 1024
    assert type(integer_power(2, 10)) is int
    assert integer_power(2, -3) == Fraction(1, 8)
    assert type(integer_power(2, -3)) is Fraction
    assert integer_power(-2, -3) == Fraction(-1, 8)
    assert integer_power(Fraction(2, 3), -2) == Fraction(9, 4)
    assert integer_power(0.5, -2) == 4.0
    assert integer_power(-2.0, 3) == -8.0


@PROPERTY
@given(base=small_nonzero_fractions | small_nonzero_ints)
def test_zeroth_power_is_one(base: Fraction | int) -> None:
    # a**0 * a**n == a**n forces a**0 == 1 for every nonzero a, negative ones included.
    assert integer_power(base, 0) == 1


@PROPERTY
@given(base=small_nonzero_fractions | small_nonzero_ints, exponent=st.integers(1, 15))
def test_positive_powers_follow_the_definition(base: Fraction | int, exponent: int) -> None:
    assert integer_power(base, exponent) == power_by_repeated_multiplication(base, exponent)


@PROPERTY
@given(base=small_nonzero_fractions | small_nonzero_ints, exponent=st.integers(1, 15))
def test_negative_powers_are_reciprocals(base: Fraction | int, exponent: int) -> None:
    expected = 1 / Fraction(power_by_repeated_multiplication(base, exponent))
    assert integer_power(base, -exponent) == expected


def test_zero_base() -> None:
    assert integer_power(0, 3) == 0
    assert integer_power(0, 0) == 1  # empty product, as in Python
    assert integer_power(0.0, 0) == 1.0
    with pytest.raises(ZeroDivisionError, match="base 0 cannot be raised to a negative"):
        integer_power(0, -1)
    with pytest.raises(ZeroDivisionError, match="got -2"):
        integer_power(0.0, -2)
    with pytest.raises(ZeroDivisionError):
        integer_power(Fraction(0), -1)


def test_float_sign_comes_from_the_exact_parity() -> None:
    # float(2**60 + 1) == 2**60 is even; the int exponent is odd, so the result is -1.
    assert integer_power(-1.0, 2**60 + 1) == -1.0
    assert integer_power(-1.0, 2**60) == 1.0


@PROPERTY
@given(
    base=st.floats(0.01, 100) | st.floats(-100, -0.01),
    exponent=st.integers(-100, 100),
)
def test_float_integer_power_is_within_one_ulp(base: float, exponent: int) -> None:
    with mpmath.workprec(200):
        exact = float(mpmath.mpf(base) ** exponent)
    assert abs(integer_power(base, exponent) - exact) <= math.ulp(exact)


def test_integer_power_overflow() -> None:
    with pytest.raises(OverflowError, match="too large for a float"):
        integer_power(10.0, 400)
    with pytest.raises(OverflowError):
        integer_power(-10.0, 401)


@pytest.mark.parametrize("base", NOT_NUMBERS)
def test_integer_power_rejects_non_numbers(base: object) -> None:
    with pytest.raises(TypeError, match="base must be a real number"):
        integer_power(base, 2)  # type: ignore[arg-type]


@pytest.mark.parametrize("exponent", [2.0, Fraction(2), True, "2"])
def test_integer_power_needs_an_int_exponent(exponent: object) -> None:
    with pytest.raises(TypeError, match="exponent must be an int"):
        integer_power(2, exponent)  # type: ignore[arg-type]


@pytest.mark.parametrize("base", [math.nan, math.inf, -math.inf])
def test_integer_power_rejects_non_finite_bases(base: float) -> None:
    with pytest.raises(ValueError, match="base must be finite"):
        integer_power(base, 2)


# --- rational_power: a**(p/q) is the q-th root of a**p (0.6) --------------------


def test_rational_power_examples() -> None:
    assert rational_power(8, Fraction(2, 3)) == 4
    assert rational_power(8, Fraction(1, 3)) == 2
    assert rational_power(27, Fraction(2, 3)) == 9
    assert rational_power(16, Fraction(-3, 4)) == Fraction(1, 8)
    assert rational_power(Fraction(4, 9), Fraction(3, 2)) == Fraction(8, 27)
    assert rational_power(5, 2) == 25
    assert rational_power(5, -1) == Fraction(1, 5)
    assert type(rational_power(5, 2)) is Fraction


@PROPERTY
@given(
    root=st.builds(Fraction, st.integers(1, 30), st.integers(1, 30)),
    numerator=st.integers(-8, 8),
    denominator=st.integers(1, 8),
)
def test_rational_power_of_a_perfect_power(
    root: Fraction, numerator: int, denominator: int
) -> None:
    # a = root**q, so a**(p/q) is root**p: the positive q-th root of a**p.
    base = root**denominator
    result = rational_power(base, Fraction(numerator, denominator))
    assert result == root**numerator
    assert result > 0
    assert result**denominator == base**numerator


@PROPERTY
@given(
    root=st.builds(Fraction, st.integers(1, 9), st.integers(1, 9)),
    exponent=st.builds(Fraction, st.integers(-6, 6), st.integers(1, 6)),
    scale=st.integers(2, 4),
)
def test_rational_power_does_not_depend_on_how_the_exponent_is_written(
    root: Fraction, exponent: Fraction, scale: int
) -> None:
    # p/q == (k p)/(k q): the q-th root of a**p and the (k q)-th root of a**(k p) agree.
    p, q = exponent.numerator, exponent.denominator
    base = root**q
    lowest_terms = rational_power(integer_power(base, p), Fraction(1, q))
    scaled = rational_power(integer_power(base, scale * p), Fraction(1, scale * q))
    assert lowest_terms == scaled == rational_power(base, exponent) == root**p


@pytest.mark.parametrize(
    ("base", "exponent"),
    [
        (2, Fraction(1, 2)),
        (8, Fraction(1, 2)),
        (Fraction(1, 2), Fraction(1, 3)),
        (10, Fraction(2, 7)),
    ],
)
def test_irrational_powers_are_refused(base: int | Fraction, exponent: Fraction) -> None:
    with pytest.raises(ValueError, match="is irrational; use real_power"):
        rational_power(base, exponent)


@PROPERTY
@given(value=st.integers(2, 10**6), degree=st.integers(2, 6))
def test_one_more_than_a_perfect_power_has_no_rational_root(value: int, degree: int) -> None:
    # Two positive integers that are both degree-th powers differ by more than 1.
    with pytest.raises(ValueError, match="irrational"):
        rational_power(value**degree + 1, Fraction(1, degree))
    assert rational_power(value**degree, Fraction(1, degree)) == value


@pytest.mark.parametrize("base", [0, -8, Fraction(-1, 8)])
def test_rational_power_needs_a_positive_base(base: int | Fraction) -> None:
    with pytest.raises(ValueError, match=r"base must be > 0"):
        rational_power(base, Fraction(1, 3))


@pytest.mark.parametrize(
    ("base", "exponent"), [(8.0, Fraction(1, 3)), (8, 0.5), (True, 1), ("8", 1)]
)
def test_rational_power_needs_exact_numbers(base: object, exponent: object) -> None:
    with pytest.raises(TypeError, match="must be an int or Fraction"):
        rational_power(base, exponent)  # type: ignore[arg-type]


# --- real_power: a**x for a > 0 and real x ------------------------------------


def test_real_power_examples() -> None:
    assert real_power(2, 10) == 1024.0
    assert real_power(8, 1 / 3) == 2.0
    assert real_power(1, 12345.678) == 1.0
    assert real_power(4, -0.5) == 0.5


@PROPERTY
@given(base=st.floats(1e-3, 1e3), exponent=st.floats(-50, 50))
def test_real_power_is_within_one_ulp_of_the_true_value(base: float, exponent: float) -> None:
    # law_rel_tol assumes this: real_power (math.pow) is accurate to 1 ulp.
    with mpmath.workprec(200):
        exact = float(mpmath.power(mpmath.mpf(base), mpmath.mpf(exponent)))
    assert abs(real_power(base, exponent) - exact) <= math.ulp(exact)


@PROPERTY
@given(base=st.floats(1.01, 100), x=st.floats(-50, 50), step=st.floats(1e-3, 10))
def test_real_power_increases_with_the_exponent_for_a_base_above_one(
    base: float, x: float, step: float
) -> None:
    assert real_power(base, x) <= real_power(base, x + step)
    assert real_power(1 / base, x) >= real_power(1 / base, x + step)


@pytest.mark.parametrize("base", [0, -8, -0.5, -math.inf])
def test_real_power_needs_a_positive_base(base: float) -> None:
    with pytest.raises(ValueError, match="base must be"):
        real_power(base, 1 / 3)


def test_real_power_refuses_what_python_turns_complex() -> None:
    assert isinstance((-8) ** (1 / 3), complex)
    with pytest.raises(ValueError, match="base must be > 0, got -8"):
        real_power(-8, 1 / 3)


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_real_power_rejects_non_numbers(value: object) -> None:
    with pytest.raises(TypeError, match="must be a real number"):
        real_power(value, 2)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a real number"):
        real_power(2, value)  # type: ignore[arg-type]


@pytest.mark.parametrize("exponent", [math.nan, math.inf])
def test_real_power_rejects_non_finite_exponents(exponent: float) -> None:
    with pytest.raises(ValueError, match="exponent must be finite"):
        real_power(2, exponent)


def test_real_power_overflow() -> None:
    with pytest.raises(OverflowError, match="too large for a float"):
        real_power(10, 400)


# --- decimal_bracket: rational exponents closing in on a real one (0.7) ---------


@PROPERTY
@given(x=st.floats(-1e6, 1e6), digits=st.integers(0, 12))
def test_decimal_bracket_encloses_x(x: float, digits: int) -> None:
    low, high = decimal_bracket(x, digits)
    assert low <= Fraction(x) < high
    assert high - low == Fraction(1, 10**digits)
    assert (low * 10**digits).denominator == 1


def test_decimal_bracket_examples() -> None:
    assert decimal_bracket(math.sqrt(2), 3) == (Fraction(1414, 1000), Fraction(1415, 1000))
    assert decimal_bracket(2.0, 1) == (Fraction(2), Fraction(21, 10))
    assert decimal_bracket(-0.25, 1) == (Fraction(-3, 10), Fraction(-2, 10))


def test_decimal_bracket_bad_input() -> None:
    with pytest.raises(TypeError, match="x must be a real number"):
        decimal_bracket("1.4", 2)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="x must be finite"):
        decimal_bracket(math.inf, 2)
    with pytest.raises(ValueError, match="digits must be >= 0"):
        decimal_bracket(1.4, -1)
    with pytest.raises(TypeError, match="digits must be an int"):
        decimal_bracket(1.4, 2.0)  # type: ignore[arg-type]
