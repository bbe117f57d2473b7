"""Tests for aimath.exponential.napier: e as a limit (4.1), as a series (4.2), and its digits."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import mpmath
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath.exponential.napier import (
    E_MNEMONIC_READING,
    GOROAWASE_DIGITS,
    e_as_fraction,
    e_by_limit,
    e_by_series,
    e_digits,
    e_series_partial_sum,
    exp_series,
    mnemonic_digits,
)

# No example database: the tests leave no .hypothesis folder in the project.
PROPERTY = settings(database=None, max_examples=200)
NOT_INTS = [2.0, "3", None, True, Fraction(3)]


def correctly_rounded(value: mpmath.mpf) -> float:
    """Round a positive mpmath number (in the normal float range) to the nearest double."""
    exponent = int(mpmath.floor(mpmath.log(value, 2)))
    quantum = exponent - 52
    return math.ldexp(int(mpmath.nint(value * mpmath.mpf(2) ** -quantum)), quantum)


# --- e_digits and e_as_fraction ------------------------------------------------------


def test_ten_thousand_digits_match_mpmath() -> None:
    digits = e_digits(10_000)
    assert len(digits) == 10_002
    with mpmath.workdps(10_050):
        # nstr rounds its last digit; 40 digits more than needed keep that away.
        reference = mpmath.nstr(mpmath.e, 10_040, strip_zeros=False)
    assert reference.startswith("2.718281828459045")
    assert digits == reference[:10_002]


def test_short_digit_strings() -> None:
    assert e_digits(0) == "2"
    assert e_digits(1) == "2.7"
    assert e_digits(5) == "2.71828"
    assert e_digits(50) == "2.71828182845904523536028747135266249775724709369995"


@pytest.mark.parametrize("count", [1, 9, 10, 11, 99, 1000, 3999, 4000, 4001, 4300, 4301, 8765])
def test_digits_are_prefixes_of_longer_digits(count: int) -> None:
    # Truncation (not rounding) makes every shorter string a prefix of a longer
    # one; the counts straddle the point where the decimal conversion splits.
    longer = e_digits(9000)
    assert longer.startswith(e_digits(count))
    assert len(e_digits(count)) == count + 2


@pytest.mark.parametrize("decimals", [0, 1, 2, 3, 15, 16, 40, 200])
def test_e_as_fraction_is_below_e_by_less_than_one_unit(decimals: int) -> None:
    value = e_as_fraction(decimals)
    assert 10**decimals % value.denominator == 0
    with mpmath.workdps(decimals + 30):
        gap = mpmath.e - mpmath.mpf(value.numerator) / value.denominator
        assert 0 < gap < mpmath.mpf(10) ** -decimals


def test_e_as_fraction_agrees_with_e_digits() -> None:
    assert e_as_fraction(3) == Fraction(2718, 1000)
    assert e_as_fraction(30) == Fraction(e_digits(30).replace(".", "") + "/1" + "0" * 30)


@pytest.mark.parametrize("bad", NOT_INTS)
def test_digit_functions_reject_non_ints(bad: object) -> None:
    with pytest.raises(TypeError, match="count must be an int"):
        e_digits(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="decimals must be an int"):
        e_as_fraction(bad)  # type: ignore[arg-type]


def test_digit_functions_reject_negative_counts() -> None:
    with pytest.raises(ValueError, match="count must be >= 0, got -1"):
        e_digits(-1)
    with pytest.raises(ValueError, match="decimals must be >= 0, got -3"):
        e_as_fraction(-3)


# --- e_by_limit (4.1) ----------------------------------------------------------------


@pytest.mark.parametrize("n", [*range(1, 60), 100, 365, 1000, 8760])
def test_limit_is_correctly_rounded_for_small_n(n: int) -> None:
    assert e_by_limit(n) == float(Fraction(n + 1, n) ** n)


@PROPERTY
@given(st.integers(1, 10**30))
def test_limit_matches_mpmath(n: int) -> None:
    with mpmath.workprec(400):
        exact = (1 + mpmath.mpf(1) / n) ** n
        assert e_by_limit(n) == correctly_rounded(exact)


def test_limit_increases_towards_e() -> None:
    values = [e_by_limit(n) for n in range(1, 2000)]
    assert all(a < b for a, b in itertools.pairwise(values))
    assert values[-1] < math.e


@pytest.mark.parametrize("n", [10**3, 10**4, 10**5, 10**6, 10**7])
def test_limit_error_is_about_e_over_2n(n: int) -> None:
    # e - (1 + 1/n)**n = e/(2n) - 11e/(24 n**2) + ...: the ratio to e/(2n) is 1 - O(1/n).
    with mpmath.workdps(40):
        error = mpmath.e - mpmath.mpf(e_by_limit(n))
        ratio = float(error / (mpmath.e / (2 * n)))
    # The float result carries an error of up to half an ulp (2.2e-16), relative
    # to e/(2n) that is up to about 1.7e-16 * n.
    assert ratio == pytest.approx(1 - 11 / (12 * n), abs=2 / n**2 + 2e-16 * n)


def test_limit_stays_right_where_the_float_formula_fails() -> None:
    n = 10**16
    assert (1 + 1 / n) ** n == 1.0  # 1 + 1e-16 rounds to 1.0
    assert e_by_limit(n) == math.e


def test_limit_rejects_bad_n() -> None:
    with pytest.raises(ValueError, match="n must be >= 1, got 0"):
        e_by_limit(0)
    with pytest.raises(TypeError, match="n must be an int, got float"):
        e_by_limit(1e6)  # type: ignore[arg-type]


# --- e_series_partial_sum and e_by_series (4.2) ------------------------------------


def test_partial_sums_are_exact() -> None:
    assert e_series_partial_sum(1) == 1
    assert e_series_partial_sum(2) == 2
    assert e_series_partial_sum(3) == Fraction(5, 2)
    assert e_series_partial_sum(4) == Fraction(8, 3)
    expected = sum(Fraction(1, math.factorial(k)) for k in range(25))
    assert e_series_partial_sum(25) == expected


@pytest.mark.parametrize("terms", range(1, 45))
def test_series_tail_bound(terms: int) -> None:
    # The tail from k = K on is below (1/K!) (1 + 1/(K+1) + 1/(K+1)**2 + ...) = (K+1)/(K K!).
    partial = e_series_partial_sum(terms)
    with mpmath.workdps(120):
        tail = mpmath.e - mpmath.mpf(partial.numerator) / partial.denominator
        bound = mpmath.mpf(terms + 1) / (terms * mpmath.factorial(terms))
        assert 1 / mpmath.factorial(terms) < tail < bound


def test_series_converges_to_the_float_e() -> None:
    assert [e_by_series(k) for k in (1, 2, 3)] == [1.0, 2.0, 2.5]
    assert e_by_series(17) < math.e
    assert e_by_series(18) == math.e
    assert e_by_series(100) == math.e


def test_series_rejects_bad_terms() -> None:
    with pytest.raises(ValueError, match="terms must be >= 1, got 0"):
        e_series_partial_sum(0)
    with pytest.raises(TypeError, match="terms must be an int"):
        e_by_series(2.5)  # type: ignore[arg-type]


# --- exp_series -----------------------------------------------------------------------


def test_exp_series_small_cases() -> None:
    assert exp_series(0.5, 3) == 1.625
    assert exp_series(0, 5) == 1.0
    assert exp_series(1, 1) == 1.0
    # Summed in floats, 18 terms land one ulp above the float nearest to e.
    assert exp_series(1, 18) == math.nextafter(math.e, 3)


@PROPERTY
@given(st.floats(-5, 30))
def test_exp_series_is_close_to_exp_for_moderate_x(x: float) -> None:
    assert exp_series(x, 150) == pytest.approx(math.exp(x), rel=1e-12)


def test_exp_series_cancellation_for_negative_x() -> None:
    # The terms reach 20**20/20! ~ 4.3e7 while the result is 2e-9: cancellation.
    naive = exp_series(-20, 150)
    assert abs(naive - math.exp(-20)) > 1e-3 * math.exp(-20)


def test_exp_series_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="x must be finite"):
        exp_series(math.nan, 3)
    with pytest.raises(TypeError, match="x must be a real number, got str"):
        exp_series("1", 3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="terms must be >= 1"):
        exp_series(1.0, 0)
    with pytest.raises(OverflowError, match=r"at x = 800, terms = 10000"):
        exp_series(800, 10_000)


# --- the mnemonic ---------------------------------------------------------------------


def test_mnemonic_spells_the_phrase() -> None:
    assert "".join(kana for kana, _ in E_MNEMONIC_READING) == "にるいからないやにわたる"


def test_mnemonic_digits_match_e_digits() -> None:
    assert mnemonic_digits(E_MNEMONIC_READING) == e_digits(5) == "2.71828"


def test_every_digit_kana_is_known() -> None:
    for kana, carries_digit in E_MNEMONIC_READING:
        if carries_digit:
            assert kana in GOROAWASE_DIGITS


def test_mnemonic_digits_rejects_bad_readings() -> None:
    with pytest.raises(ValueError, match="reading has a digit-carrying kana"):
        mnemonic_digits([("に", True), ("ぬ", True)])
    with pytest.raises(ValueError, match="reading must have at least one"):
        mnemonic_digits([("る", False)])
    assert mnemonic_digits([("に", True)]) == "2"
