"""Tests for aimath.exponential.laws: the exponent laws (1.1)-(1.4).

Three kinds of check:

- exact: integer exponents with any nonzero base (negative ones included), and
  rational exponents with positive bases, in ``Fraction`` arithmetic: ``==``;
- floating point: both sides for a > 0 and real x, y, compared with
  ``math.isclose(..., rel_tol=law_rel_tol(...))``. The tolerance is twice the
  first-order bound on the rounding of the two sides (derived in
  ``law_rel_tol``'s docstring): each ``math.pow`` is within 1 ulp (relative
  error <= 2u, u = 2**-53, checked against mpmath in test_powers.py), each
  ``*`` and ``/`` adds <= u, and rounding an exponent ``t`` moves ``a**t`` by a
  factor of about ``1 + |t ln a| u``. For (1.1) that is ``(7 + |(x+y) ln a|) u``:
  about 1e-14 at the corners of the domain below, far tighter than
  math.isclose's default 1e-9, so a wrong formula cannot pass;
- against the truth: each float side is close to mpmath's a**t at 200 bits.

The domains keep every power in the normal float range (no overflow, no
subnormal results, where relative error bounds stop holding):
0.1 <= a <= 10 gives |ln a| <= 2.31; |x|, |y| <= 100 gives |t ln a| <= 462 for
t = x, y, x+y, y-x, below ln(2**1022) = 708.4; for (1.4) |x|, |y| <= 15 gives
|x y ln a| <= 520.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction

import mpmath
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath.exponential.laws import (
    BASE_LAWS,
    LAWS,
    UNIT_ROUNDOFF,
    base_law_rel_tol,
    law_rel_tol,
    power_law_sides,
    power_of_product_sides,
    power_of_quotient_sides,
    product_law_sides,
    quotient_law_sides,
    reciprocal_law_sides,
)
from aimath.exponential.powers import integer_power, rational_power

PROPERTY = settings(database=None, max_examples=500)

bases = st.floats(0.1, 10)
exponents = st.floats(-100, 100)
small_exponents = st.floats(-15, 15)  # (1.4): |x y ln a| <= 225 * 2.31 = 520
nonzero_bases = st.builds(
    Fraction, st.integers(-12, 12).filter(lambda n: n != 0), st.integers(1, 12)
)
integer_exponents = st.integers(-15, 15)


def ratio_to_tolerance(left: float, right: float, tolerance: float) -> float:
    """How much of the tolerance the difference uses (math.isclose: <= 1)."""
    return abs(left - right) / (tolerance * max(abs(left), abs(right)))


# --- examples ------------------------------------------------------------------


def test_examples_with_exact_float_results() -> None:
    assert product_law_sides(2, 3, 4) == (128.0, 128.0)
    assert reciprocal_law_sides(2, 3) == (0.125, 0.125)
    assert quotient_law_sides(2, 3, 5) == (4.0, 4.0)
    assert power_law_sides(2, 3, 2) == (64.0, 64.0)
    assert power_law_sides(4, 0.5, 3) == (8.0, 8.0)


def test_the_rounding_case_shown_on_the_page() -> None:
    # 10**0.1 * 10**0.2 and 10**0.3 differ in the last bits (glibc's math.pow).
    left, right = product_law_sides(10, 0.1, 0.2)
    assert left != right
    assert math.isclose(left, right, rel_tol=law_rel_tol("1.1", 10, 0.1, 0.2))
    # 0.5 + 0.25 is exact, yet the two sides still differ: rounding of the powers.
    left, right = product_law_sides(2, 0.5, 0.25)
    assert left != right
    assert math.isclose(left, right, rel_tol=law_rel_tol("1.1", 2, 0.5, 0.25))


# --- floating point: the four laws over their valid domains -------------------


@PROPERTY
@given(a=bases, x=exponents, y=exponents)
def test_product_law_1_1(a: float, x: float, y: float) -> None:
    left, right = product_law_sides(a, x, y)
    assert math.isclose(left, right, rel_tol=law_rel_tol("1.1", a, x, y))


@PROPERTY
@given(a=bases, x=exponents)
def test_reciprocal_law_1_2(a: float, x: float) -> None:
    left, right = reciprocal_law_sides(a, x)
    assert math.isclose(left, right, rel_tol=law_rel_tol("1.2", a, x))


@PROPERTY
@given(a=bases, x=exponents, y=exponents)
def test_quotient_law_1_3(a: float, x: float, y: float) -> None:
    left, right = quotient_law_sides(a, x, y)
    assert math.isclose(left, right, rel_tol=law_rel_tol("1.3", a, x, y))


@PROPERTY
@given(a=bases, x=small_exponents, y=small_exponents)
def test_power_law_1_4(a: float, x: float, y: float) -> None:
    left, right = power_law_sides(a, x, y)
    assert math.isclose(left, right, rel_tol=law_rel_tol("1.4", a, x, y))


@PROPERTY
@given(a=bases, x=small_exponents, y=small_exponents)
def test_each_side_is_close_to_the_true_value(a: float, x: float, y: float) -> None:
    # Each side alone is within the same tolerance of the exact value of the law,
    # computed with 200-bit mpmath from the float inputs (taken as exact).
    sides: dict[str, tuple[Callable[[], tuple[float, float]], object]] = {
        "1.1": (lambda: product_law_sides(a, x, y), mpmath.mpf(x) + mpmath.mpf(y)),
        "1.2": (lambda: reciprocal_law_sides(a, x), -mpmath.mpf(x)),
        "1.3": (lambda: quotient_law_sides(a, x, y), mpmath.mpf(y) - mpmath.mpf(x)),
        "1.4": (lambda: power_law_sides(a, x, y), mpmath.mpf(x) * mpmath.mpf(y)),
    }
    with mpmath.workprec(200):
        for law, (evaluate, exponent) in sides.items():
            truth = float(mpmath.power(mpmath.mpf(a), exponent))
            tolerance = law_rel_tol(law, a, x, y)
            for side in evaluate():
                assert math.isclose(side, truth, rel_tol=tolerance), (law, side, truth)


def test_tolerance_is_not_vacuous() -> None:
    # A wrong "law" a**x * a**y == a**(x*y) is far outside the tolerance of (1.1).
    a, x, y = 10.0, 0.1, 0.2
    left, _ = product_law_sides(a, x, y)
    wrong = power_law_sides(a, x, y)[1]  # a**(x*y)
    assert not math.isclose(left, wrong, rel_tol=law_rel_tol("1.1", a, x, y))
    # And an error of a few ulps is already too much for (1.2), whose bound is 10u.
    left, right = reciprocal_law_sides(3.0, 0.7)
    assert not math.isclose(
        left * (1 + 16 * UNIT_ROUNDOFF), right, rel_tol=law_rel_tol("1.2", 3.0, 0.7)
    )


def test_observed_rounding_stays_well_inside_the_bound() -> None:
    # The analysis is an upper bound; over a grid it is never more than half used.
    worst = 0.0
    for a in (0.1, 0.37, 2.0, 2.718281828459045, 7.5, 10.0):
        for x in (-97.3, -15.0, -0.1, 0.3, 1.7, 42.42):
            for y in (-63.1, -2.2, 0.2, 3.3, 88.8):
                for law, evaluate in (
                    ("1.1", product_law_sides),
                    ("1.3", quotient_law_sides),
                ):
                    left, right = evaluate(a, x, y)
                    worst = max(worst, ratio_to_tolerance(left, right, law_rel_tol(law, a, x, y)))
    assert worst < 0.5


# --- exact: integer exponents, any nonzero base -------------------------------


@PROPERTY
@given(a=nonzero_bases, m=integer_exponents, n=integer_exponents)
def test_integer_exponents_satisfy_all_four_laws_exactly(a: Fraction, m: int, n: int) -> None:
    assert integer_power(a, m) * integer_power(a, n) == integer_power(a, m + n)  # (1.1)
    assert 1 / integer_power(a, m) == integer_power(a, -m)  # (1.2)
    assert integer_power(a, n) / integer_power(a, m) == integer_power(a, n - m)  # (1.3)
    assert integer_power(integer_power(a, m), n) == integer_power(a, m * n)  # (1.4)


def test_negative_bases_with_integer_exponents() -> None:
    assert integer_power(-2, 3) * integer_power(-2, -5) == integer_power(-2, -2) == Fraction(1, 4)
    assert integer_power(integer_power(-2, 3), 3) == integer_power(-2, 9) == -512


def test_zero_base_with_positive_integer_exponents() -> None:
    # (1.1) and (1.4) hold for a = 0 with exponents >= 1; (1.2) and (1.3) need a**x != 0.
    assert integer_power(0, 2) * integer_power(0, 3) == integer_power(0, 5) == 0
    assert integer_power(integer_power(0, 2), 3) == integer_power(0, 6)
    with pytest.raises(ZeroDivisionError):
        integer_power(0, -2)


# --- exact: rational exponents, positive bases ---------------------------------


@PROPERTY
@given(
    root=st.builds(Fraction, st.integers(1, 6), st.integers(1, 6)),
    p=st.integers(-6, 6),
    q=st.integers(1, 4),
    r=st.integers(-6, 6),
    s=st.integers(1, 4),
)
def test_rational_exponents_satisfy_all_four_laws_exactly(
    root: Fraction, p: int, q: int, r: int, s: int
) -> None:
    # a = root**(q s) makes a**x, a**y, a**(x+y), a**(y-x) and a**(x y) all rational.
    a = root ** (q * s)
    x, y = Fraction(p, q), Fraction(r, s)
    assert rational_power(a, x) * rational_power(a, y) == rational_power(a, x + y)  # (1.1)
    assert 1 / rational_power(a, x) == rational_power(a, -x)  # (1.2)
    assert rational_power(a, y) / rational_power(a, x) == rational_power(a, y - x)  # (1.3)
    assert rational_power(rational_power(a, x), y) == rational_power(a, x * y)  # (1.4)


def test_negative_base_breaks_the_power_law() -> None:
    # ((-1)**2)**(1/2) = 1**(1/2) = 1, but (-1)**(2 * 1/2) = (-1)**1 = -1.
    assert rational_power(integer_power(-1, 2), Fraction(1, 2)) == 1
    assert integer_power(-1, 1) == -1
    with pytest.raises(ValueError, match="base must be > 0"):
        rational_power(-1, Fraction(1, 2))


# --- bad input -------------------------------------------------------------------

THREE_ARGUMENT_SIDES = [product_law_sides, quotient_law_sides, power_law_sides]


@pytest.mark.parametrize("sides", THREE_ARGUMENT_SIDES)
@pytest.mark.parametrize("a", [0, -2, -0.5])
def test_base_must_be_positive(sides: Callable[..., object], a: float) -> None:
    with pytest.raises(ValueError, match=f"a must be > 0, got {a}"):
        sides(a, 0.5, 0.5)


def test_reciprocal_base_must_be_positive() -> None:
    with pytest.raises(ValueError, match="a must be > 0, got -1"):
        reciprocal_law_sides(-1, 2)


@pytest.mark.parametrize("sides", THREE_ARGUMENT_SIDES)
@pytest.mark.parametrize("position", [0, 1, 2])
@pytest.mark.parametrize("bad", ["2", None, True, 1j])
def test_non_numbers_are_rejected(sides: Callable[..., object], position: int, bad: object) -> None:
    arguments: list[object] = [2.0, 0.5, 0.5]
    arguments[position] = bad
    name = "axy"[position]
    with pytest.raises(TypeError, match=f"{name} must be a real number"):
        sides(*arguments)


@pytest.mark.parametrize("sides", THREE_ARGUMENT_SIDES)
@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_exponents_are_rejected(sides: Callable[..., object], bad: float) -> None:
    with pytest.raises(ValueError, match="x must be finite"):
        sides(2.0, bad, 1.0)
    with pytest.raises(ValueError, match="y must be finite"):
        sides(2.0, 1.0, bad)


@pytest.mark.parametrize(
    "evaluate",
    [
        lambda: product_law_sides(10, 200, 200),  # a**(x+y) = 1e400
        lambda: product_law_sides(2, -1100, 1050),  # a**x underflows to 0.0
        lambda: reciprocal_law_sides(2, -1100),  # a**(-x) = 2**1100
        lambda: reciprocal_law_sides(2, 1100),  # a**x = 2**1100 overflows on the left
        lambda: quotient_law_sides(10, -200, 200),  # a**(y-x) = 1e400
        lambda: quotient_law_sides(2, -1100, -1100),  # 0.0 / 0.0 on the left
        lambda: power_law_sides(10, 200, 2),  # a**(x y) = 1e400
        lambda: power_law_sides(2, -1100, 0.5),  # a**x underflows
        # Subnormal results (below sys.float_info.min) carry fewer significant bits,
        # so the relative tolerance would not cover them: refused as well.
        lambda: product_law_sides(2, -1064.06, 2.08),  # a**x and a**(x+y) subnormal
        lambda: reciprocal_law_sides(2, 1023.5),  # 1 / a**x = 2**-1023.5 subnormal
        lambda: quotient_law_sides(2, 1.5, -1023),  # a**(y-x) = 2**-1024.5 subnormal
        lambda: power_law_sides(2, -1030, 1.02),  # a**x = 2**-1030 subnormal
    ],
)
def test_out_of_range_raises_overflow_error(evaluate: Callable[[], object]) -> None:
    with pytest.raises(OverflowError):
        evaluate()


@PROPERTY
@given(
    x=st.floats(-1074, -1000),
    y=st.floats(-3, 3),
    b=st.floats(0.5, 2),
)
def test_near_underflow_every_result_is_covered_or_refused(x: float, y: float, b: float) -> None:
    # Near the bottom of the float range a law function either raises OverflowError
    # or returns sides that its tolerance covers; it never returns a misleading pair.
    z = 1 + y / 100
    checks = [
        (lambda: product_law_sides(2, x, y), law_rel_tol("1.1", 2, x, y)),
        (lambda: quotient_law_sides(2, -y, x), law_rel_tol("1.3", 2, -y, x)),
        (lambda: power_of_product_sides(2.0**x, b, z), base_law_rel_tol("1.7", z)),
        (lambda: power_of_quotient_sides(2.0**x, b, z), base_law_rel_tol("1.8", z)),
    ]
    for evaluate, tolerance in checks:
        try:
            left, right = evaluate()
        except OverflowError:
            continue
        assert math.isclose(left, right, rel_tol=tolerance)


def test_law_rel_tol_values_and_bad_input() -> None:
    assert law_rel_tol("1.2", 10, 0.5) == 10 * UNIT_ROUNDOFF
    assert law_rel_tol("1.1", 1, 50, 50) == 14 * UNIT_ROUNDOFF  # ln 1 = 0
    assert law_rel_tol("1.4", 1, 3, -2) == 2 * (4 + 4) * UNIT_ROUNDOFF
    assert law_rel_tol("1.3", math.e, 1, 3) == pytest.approx(2 * (7 + 2) * UNIT_ROUNDOFF)
    assert set(LAWS) == {"1.1", "1.2", "1.3", "1.4"}
    with pytest.raises(ValueError, match="law must be one of"):
        law_rel_tol("1.5", 2, 1, 1)
    with pytest.raises(ValueError, match="a must be > 0"):
        law_rel_tol("1.1", -2, 1, 1)
    with pytest.raises(TypeError, match="x must be a real number"):
        law_rel_tol("1.1", 2, "1", 1)  # type: ignore[arg-type]


# --- the laws for two bases, (1.7) and (1.8) -------------------------------------
# Domain: 0.1 <= a, b <= 10 and |x| <= 100 keep a*b, a/b in [0.01, 100] and every
# power below 100**100 = 1e200, inside the normal float range.


def test_two_base_examples_with_exact_float_results() -> None:
    assert power_of_product_sides(4, 9, 0.5) == (6.0, 6.0)
    assert power_of_product_sides(2, 3, 2) == (36.0, 36.0)
    assert power_of_quotient_sides(9, 4, -0.5) == (2 / 3, 2 / 3)


@PROPERTY
@given(a=bases, b=bases, x=exponents)
def test_power_of_product_1_7(a: float, b: float, x: float) -> None:
    left, right = power_of_product_sides(a, b, x)
    assert math.isclose(left, right, rel_tol=base_law_rel_tol("1.7", x))


@PROPERTY
@given(a=bases, b=bases, x=exponents)
def test_power_of_quotient_1_8(a: float, b: float, x: float) -> None:
    left, right = power_of_quotient_sides(a, b, x)
    assert math.isclose(left, right, rel_tol=base_law_rel_tol("1.8", x))


@PROPERTY
@given(a=bases, b=bases, x=exponents)
def test_two_base_sides_are_close_to_the_true_value(a: float, b: float, x: float) -> None:
    # Each side is within the tolerance of the exact (ab)^x and (a/b)^x at 200 bits.
    tolerance = base_law_rel_tol("1.7", x)
    with mpmath.workprec(200):
        product_truth = float(mpmath.power(mpmath.mpf(a) * mpmath.mpf(b), mpmath.mpf(x)))
        quotient_truth = float(mpmath.power(mpmath.mpf(a) / mpmath.mpf(b), mpmath.mpf(x)))
    for side in power_of_product_sides(a, b, x):
        assert math.isclose(side, product_truth, rel_tol=tolerance)
    for side in power_of_quotient_sides(a, b, x):
        assert math.isclose(side, quotient_truth, rel_tol=tolerance)


def test_two_base_tolerance_is_not_vacuous() -> None:
    # A wrong law (a + b)^x = a^x + b^x is far outside the tolerance of (1.7).
    left, _ = power_of_product_sides(2.0, 3.0, 0.5)
    assert not math.isclose(left, 2.0**0.5 + 3.0**0.5, rel_tol=base_law_rel_tol("1.7", 0.5))
    assert base_law_rel_tol("1.8", -3.0) == 2 * 10 * UNIT_ROUNDOFF


@PROPERTY
@given(a=nonzero_bases, b=nonzero_bases, n=integer_exponents)
def test_two_base_laws_with_integer_exponents_exactly(a: Fraction, b: Fraction, n: int) -> None:
    # With integer exponents (1.7) and (1.8) hold for all nonzero bases, negative ones too.
    assert integer_power(a * b, n) == integer_power(a, n) * integer_power(b, n)
    assert integer_power(a / b, n) == integer_power(a, n) / integer_power(b, n)


@PROPERTY
@given(
    root_a=st.builds(Fraction, st.integers(1, 6), st.integers(1, 6)),
    root_b=st.builds(Fraction, st.integers(1, 6), st.integers(1, 6)),
    p=st.integers(-6, 6),
    q=st.integers(1, 4),
)
def test_two_base_laws_with_rational_exponents_exactly(
    root_a: Fraction, root_b: Fraction, p: int, q: int
) -> None:
    a, b, x = root_a**q, root_b**q, Fraction(p, q)
    assert rational_power(a * b, x) == rational_power(a, x) * rational_power(b, x)
    assert rational_power(a / b, x) == rational_power(a, x) / rational_power(b, x)


def test_negative_bases_break_the_power_of_a_product() -> None:
    # ((-1)(-1))^(1/2) = 1, while (-1)^(1/2) is not a real number.
    assert rational_power(integer_power(-1, 1) * integer_power(-1, 1), Fraction(1, 2)) == 1
    with pytest.raises(ValueError, match="base must be > 0"):
        rational_power(-1, Fraction(1, 2))


@pytest.mark.parametrize("sides", [power_of_product_sides, power_of_quotient_sides])
def test_two_base_bad_input(sides: Callable[..., object]) -> None:
    with pytest.raises(ValueError, match="a must be > 0, got -2"):
        sides(-2, 3, 0.5)
    with pytest.raises(ValueError, match="b must be > 0, got 0"):
        sides(2, 0, 0.5)
    with pytest.raises(ValueError, match="x must be finite"):
        sides(2, 3, math.nan)
    with pytest.raises(TypeError, match="b must be a real number"):
        sides(2, "3", 0.5)


@pytest.mark.parametrize(
    "evaluate",
    [
        lambda: power_of_product_sides(1e200, 1e200, 0.5),  # a * b = inf
        lambda: power_of_product_sides(1e-200, 1e-200, 0.5),  # a * b underflows
        lambda: power_of_quotient_sides(1e-200, 1e200, 0.5),  # a / b underflows
        lambda: power_of_product_sides(10, 10, 200),  # (ab)^x = 1e400
        lambda: power_of_quotient_sides(10, 0.1, -200),  # a^x underflows on the right
        lambda: power_of_product_sides(2.0661600829296167e-308, 1.867, 1.0107),  # subnormal
        lambda: power_of_quotient_sides(1e-300, 1e5, 1.02),  # (a / b)**x subnormal
    ],
)
def test_two_base_out_of_range_raises_overflow_error(evaluate: Callable[[], object]) -> None:
    with pytest.raises(OverflowError):
        evaluate()


def test_base_law_rel_tol_bad_input() -> None:
    assert set(BASE_LAWS) == {"1.7", "1.8"}
    with pytest.raises(ValueError, match="law must be one of"):
        base_law_rel_tol("1.1", 1.0)
    with pytest.raises(TypeError, match="x must be a real number"):
        base_law_rel_tol("1.7", "1")  # type: ignore[arg-type]
