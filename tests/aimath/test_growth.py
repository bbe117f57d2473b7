"""Tests for aimath.exponential.growth: compound interest, growth and decay (5.1)-(5.8)."""

from __future__ import annotations

import itertools
import math
import sys
from collections.abc import Callable
from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath.exponential.growth import (
    C14_HALF_LIFE,
    LIBBY_HALF_LIFE,
    age_from_fraction,
    compound_amount,
    continuous_amount,
    decay_rate_from_half_life,
    discrete_doubling_time,
    doubling_time,
    effective_annual_rate,
    exponential_growth,
    growth_rate_from_doubling_time,
    half_life_from_rate,
    remaining_fraction,
    rule_of_72,
)

# No example database: the tests leave no .hypothesis folder in the project.
PROPERTY = settings(database=None, max_examples=200)
EPS = sys.float_info.epsilon
NOT_NUMBERS = ["2", None, True, 1j, [1.0]]
TINY = 5e-324  # the smallest subnormal: ln 2 / TINY overflows

principals = st.floats(1e-3, 1e9)
rates = st.floats(-0.5, 0.5)
positive_rates = st.floats(1e-4, 2.0)
period_counts = st.sampled_from([1, 2, 4, 12, 52, 365, 8760])
whole_years = st.integers(0, 60)
years = st.floats(0.0, 60.0)
half_lives = st.floats(1e-3, 1e6)

mpmath.mp.dps = 50


def exp_tolerance(exponent: float) -> float:
    """Relative error allowed for P * e**x computed from a rounded exponent x.

    The exponent n t log1p(r/n) carries a relative error of a few eps (log1p is
    accurate to about 1 ulp, then two products), which moves e**x by |x| times
    that; exp and the final product add about 2 eps. Doubled as a margin.
    """
    return 2 * (4 * abs(exponent) + 3) * EPS


def mp_compound(principal: float, rate: float, years: float, n: int) -> mpmath.mpf:
    return mpmath.mpf(principal) * (1 + mpmath.mpf(rate) / n) ** (n * mpmath.mpf(years))


# --- (5.1) compound_amount -----------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 12])
def test_compound_amount_matches_exact_fractions(n: int) -> None:
    # With n t an integer, P (1 + r/n)**(n t) is a rational number: compute it exactly.
    principal, rate, years_ = 1_000_000, 0.05, 10
    exact = Fraction(principal) * (1 + Fraction(rate) / n) ** (n * years_)
    got = compound_amount(principal, rate, years_, n)
    assert abs(Fraction(got) - exact) <= exact * exp_tolerance(0.5)


def test_compound_amount_small_cases_are_exact() -> None:
    assert compound_amount(100, 0.5, 2) == 225.0
    assert compound_amount(1, 1, 1, 2) == 2.25
    assert compound_amount(Fraction(100), Fraction(1, 2), 2) == 225.0
    assert compound_amount(100, 0.05, 0, 12) == 100.0
    assert compound_amount(100, 0, 30, 365) == 100.0


def test_compound_amount_at_rate_one_is_the_limit_for_e() -> None:
    # P = 1, r = 1, t = 1 gives (1 + 1/n)**n, the sequence of (4.1).
    assert compound_amount(1, 1, 1, 1) == 2.0
    for n in (12, 365, 10**6):
        exact = (1 + mpmath.mpf(1) / n) ** n
        assert compound_amount(1, 1, 1, n) == pytest.approx(float(exact), rel=exp_tolerance(1))


@PROPERTY
@given(principals, rates, whole_years, period_counts)
def test_compound_amount_matches_mpmath(principal: float, rate: float, t: int, n: int) -> None:
    exact = mp_compound(principal, rate, t, n)
    exponent = n * t * math.log1p(rate / n)
    assert compound_amount(principal, rate, t, n) == pytest.approx(
        float(exact), rel=exp_tolerance(exponent), abs=0
    )


@PROPERTY
@given(principals, rates, years, period_counts)
def test_compound_amount_with_fractional_years(
    principal: float, rate: float, t: float, n: int
) -> None:
    exact = mp_compound(principal, rate, t, n)
    exponent = n * t * math.log1p(rate / n)
    assert compound_amount(principal, rate, t, n) == pytest.approx(
        float(exact), rel=exp_tolerance(exponent), abs=0
    )


def test_naive_power_is_less_accurate_for_many_periods() -> None:
    # Why the module uses log1p: (1 + r/n) is rounded before the power.
    n, rate = 10**9, 0.05
    exact = float((1 + mpmath.mpf(rate) / n) ** n)
    naive = (1 + rate / n) ** n
    assert abs(compound_amount(1, rate, 1, n) - exact) <= exact * exp_tolerance(rate)
    assert abs(naive - exact) > 1000 * abs(compound_amount(1, rate, 1, n) - exact)


@pytest.mark.parametrize("rate", [-0.5, -0.05, 0.01, 0.05, 1.0, 3.0])
def test_compounding_increases_monotonically_to_continuous(rate: float) -> None:
    # AM-GM: (1 + r/n)**n < (1 + r/(n+1))**(n+1) < e**r whenever 1 + r/n > 0, r != 0.
    principal, t = 1000.0, 10.0
    counts = [2**k for k in range(21)]
    amounts = [compound_amount(principal, rate, t, n) for n in counts]
    limit = continuous_amount(principal, rate, t)
    assert all(a < b for a, b in itertools.pairwise(amounts))
    assert amounts[-1] < limit
    # The gap shrinks like 1/n: P e**(rt) r**2 t / (2n) to first order.
    for n, amount in zip(counts[10:], amounts[10:], strict=True):
        predicted = limit * rate**2 * t / (2 * n)
        assert limit - amount == pytest.approx(predicted, rel=abs(rate) * 60 / n + 1e-6)


@PROPERTY
@given(principals, rates, years, period_counts)
def test_more_periods_never_pay_less(principal: float, rate: float, t: float, n: int) -> None:
    slack = 1 + exp_tolerance(abs(rate) * t + 1)
    fewer = compound_amount(principal, rate, t, n)
    more = compound_amount(principal, rate, t, 2 * n)
    limit = continuous_amount(principal, rate, t)
    assert fewer <= more * slack
    assert more <= limit * slack


def test_compounding_limit_symbolically() -> None:
    # (5.2): lim (1 + r/n)**(n t) = e**(r t).
    n = sympy.Symbol("n", positive=True)
    r, t = sympy.symbols("r t", positive=True)
    assert sympy.limit((1 + r / n) ** (n * t), n, sympy.oo) == sympy.exp(r * t)


# --- (5.2) continuous_amount and effective_annual_rate ----------------------------


@PROPERTY
@given(principals, st.floats(-1.0, 1.0), years)
def test_continuous_amount_matches_mpmath(principal: float, rate: float, t: float) -> None:
    exact = mpmath.mpf(principal) * mpmath.exp(mpmath.mpf(rate) * mpmath.mpf(t))
    assert continuous_amount(principal, rate, t) == pytest.approx(
        float(exact), rel=exp_tolerance(rate * t), abs=0
    )


def test_continuous_amount_of_one_at_rate_one_is_e() -> None:
    assert continuous_amount(1, 1, 1) == math.e
    assert continuous_amount(1, 0.05, 0) == 1.0


@pytest.mark.parametrize("n", [1, 2, 12, 365])
def test_effective_rate_reproduces_one_year_of_compounding(n: int) -> None:
    rate = 0.05
    effective = effective_annual_rate(rate, n)
    exact = (1 + Fraction(rate) / n) ** n - 1
    assert effective == pytest.approx(float(exact), rel=1e-13)
    assert compound_amount(100, rate, 1, n) == pytest.approx(100 * (1 + effective), rel=1e-14)


def test_effective_rate_of_annual_compounding_is_the_rate() -> None:
    assert effective_annual_rate(0.05, 1) == 0.05
    assert effective_annual_rate(0.05) == math.expm1(0.05)


@PROPERTY
@given(st.floats(-0.9, 5.0), period_counts)
def test_effective_rate_grows_with_periods_up_to_continuous(rate: float, n: int) -> None:
    slack = 8 * EPS * (1 + abs(rate))
    assert effective_annual_rate(rate, n) <= effective_annual_rate(rate, 2 * n) + slack
    assert effective_annual_rate(rate, 2 * n) <= effective_annual_rate(rate) + slack


# --- (5.3)-(5.5) growth and doubling ------------------------------------------------


@PROPERTY
@given(st.floats(1e-3, 1e6), st.floats(-2.0, 2.0), st.floats(0.0, 100.0))
def test_exponential_growth_matches_mpmath(n0: float, rate: float, t: float) -> None:
    exact = mpmath.mpf(n0) * mpmath.exp(mpmath.mpf(rate) * mpmath.mpf(t))
    assert exponential_growth(n0, rate, t) == pytest.approx(
        float(exact), rel=exp_tolerance(rate * t), abs=0
    )


def test_growth_solves_the_differential_equation_symbolically() -> None:
    # (5.3): N' = r N with N(0) = N0 has the one solution N0 e**(r t).
    t, r, n0 = sympy.symbols("t r N0", positive=True)
    big_n = sympy.Function("N")
    solution = sympy.dsolve(big_n(t).diff(t) - r * big_n(t), big_n(t), ics={big_n(0): n0})
    assert sympy.simplify(solution.rhs - n0 * sympy.exp(r * t)) == 0


@PROPERTY
@given(positive_rates, st.floats(0.0, 50.0))
def test_doubling_time_really_doubles(rate: float, t: float) -> None:
    # From any starting time, one doubling time later the size is twice as large.
    period = doubling_time(rate)
    before = exponential_growth(1.0, rate, t)
    after = exponential_growth(1.0, rate, t + period)
    assert after / before == pytest.approx(2.0, rel=exp_tolerance(rate * (t + period)) * 2)


def test_doubling_time_against_mpmath() -> None:
    for rate in (0.01, 0.05, 0.08, 1.0):
        exact = mpmath.log(2) / mpmath.mpf(rate)
        assert doubling_time(rate) == pytest.approx(float(exact), rel=2 * EPS)
    assert doubling_time(math.log(2)) == 1.0


def test_growth_rate_and_doubling_time_are_inverse() -> None:
    rate = growth_rate_from_doubling_time(20)
    assert doubling_time(rate) == 20.0
    # Thirty doublings of 20 minutes each: 2**30, up to rounding.
    assert exponential_growth(1, rate, 600) == pytest.approx(2**30, rel=1e-14)


@PROPERTY
@given(st.floats(1e-4, 10.0))
def test_discrete_doubling_time_really_doubles(rate: float) -> None:
    periods = discrete_doubling_time(rate)
    assert compound_amount(1, rate, periods) == pytest.approx(2.0, rel=8 * EPS)
    exact = mpmath.log(2) / mpmath.log1p(mpmath.mpf(rate))
    assert periods == pytest.approx(float(exact), rel=4 * EPS)


@PROPERTY
@given(positive_rates)
def test_discrete_doubling_is_slower_than_continuous(rate: float) -> None:
    # ln(1 + r) < r for r > 0, so ln 2 / ln(1 + r) > ln 2 / r.
    assert discrete_doubling_time(rate) > doubling_time(rate)


def test_rule_of_72_values() -> None:
    assert rule_of_72(0.08) == 9.0
    assert rule_of_72(0.06) == 12.0
    assert rule_of_72(0.01) == 72.0
    assert rule_of_72(1e307) == pytest.approx(0.72e-307)


@pytest.mark.parametrize("rate", [0.01, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2])
def test_rule_of_72_is_within_six_percent_for_usual_rates(rate: float) -> None:
    exact = discrete_doubling_time(rate)
    assert abs(rule_of_72(rate) - exact) < 0.06 * exact


def test_rule_of_72_is_exact_near_eight_percent() -> None:
    # The rule is too high below about 7.8 % and too low above it.
    assert rule_of_72(0.07) > discrete_doubling_time(0.07)
    assert rule_of_72(0.08) < discrete_doubling_time(0.08)
    # ln 2 / ln(1 + r) = ln 2 / r + ln 2 / 2 + O(r): the source of the "72".
    for rate in (0.01, 0.05, 0.08):
        approx = math.log(2) / rate + math.log(2) / 2
        assert abs(discrete_doubling_time(rate) - approx) < rate


# --- (5.6)-(5.8) decay, half-life, radiocarbon ages ----------------------------------


@pytest.mark.parametrize("half_life", [1.0, 3.5, C14_HALF_LIFE, 1e5])
def test_whole_half_lives_give_exact_powers_of_one_half(half_life: float) -> None:
    for k in range(60):
        assert remaining_fraction(k * half_life, half_life) == 2.0**-k


@PROPERTY
@given(st.floats(0.0, 1e6), half_lives)
def test_half_life_halves(t: float, half_life: float) -> None:
    later = remaining_fraction(t + half_life, half_life)
    if later > 1e-300:  # away from underflow
        ratio = later / remaining_fraction(t, half_life)
        assert ratio == pytest.approx(0.5, rel=4 * EPS * (2 + t / half_life))


@PROPERTY
@given(st.floats(0.0, 1e5), half_lives)
def test_remaining_fraction_is_e_to_the_minus_lambda_t(t: float, half_life: float) -> None:
    exact = mpmath.exp(-mpmath.log(2) / mpmath.mpf(half_life) * mpmath.mpf(t))
    got = remaining_fraction(t, half_life)
    if exact > mpmath.mpf(2) ** -1000:  # normal floats only
        assert got == pytest.approx(float(exact), rel=4 * EPS * (2 + t / half_life))


def test_decay_rate_and_half_life_are_inverse() -> None:
    rate = decay_rate_from_half_life(C14_HALF_LIFE)
    assert rate == pytest.approx(float(mpmath.log(2) / 5730), rel=EPS)
    assert half_life_from_rate(rate) == C14_HALF_LIFE
    # Decay is growth with the rate -lambda: after one half-life, half is left.
    assert exponential_growth(1000, -rate, C14_HALF_LIFE) == pytest.approx(500, rel=4 * EPS)


def test_remaining_fraction_underflows_to_zero() -> None:
    assert remaining_fraction(2000, 1) == 0.0
    assert remaining_fraction(1e308, TINY) == 0.0


def test_ages_of_exact_powers_of_one_half() -> None:
    for k in range(1, 60):
        assert age_from_fraction(2.0**-k) == k * C14_HALF_LIFE
    assert age_from_fraction(0.25, 10) == 20.0
    age = age_from_fraction(1)
    assert age == 0.0
    assert math.copysign(1.0, age) == 1.0  # +0.0, not -0.0


@PROPERTY
@given(st.floats(0.0, 2e5), half_lives)
def test_age_round_trip(t: float, half_life: float) -> None:
    fraction = remaining_fraction(t, half_life)
    if fraction > 0:
        # Rounding the fraction to a float moves log2 of it by about eps/ln 2 (absolute).
        assert age_from_fraction(fraction, half_life) == pytest.approx(
            t, rel=4 * EPS, abs=4 * EPS * half_life
        )


@PROPERTY
@given(st.floats(1e-300, 1.0), half_lives)
def test_fraction_round_trip(fraction: float, half_life: float) -> None:
    age = age_from_fraction(fraction, half_life)
    back = remaining_fraction(age, half_life)
    assert back == pytest.approx(fraction, rel=4 * EPS * (2 + age / half_life))


def test_age_against_mpmath() -> None:
    for fraction in (0.6, 0.3, 0.1, 0.01):
        exact = -5730 * mpmath.log(mpmath.mpf(fraction)) / mpmath.log(2)
        assert age_from_fraction(fraction) == pytest.approx(float(exact), rel=4 * EPS)


def test_conventional_age_uses_the_libby_half_life() -> None:
    # Conventional radiocarbon ages use 5568 years; the physical half-life is 5730.
    assert LIBBY_HALF_LIFE == 5568.0
    assert C14_HALF_LIFE == 5730.0
    for k in range(1, 10):
        assert age_from_fraction(2.0**-k, LIBBY_HALF_LIFE) == k * 5568.0
    for fraction in (0.6, 0.3, 0.1):
        exact = -5568 * mpmath.log(mpmath.mpf(fraction)) / mpmath.log(2)
        conventional = age_from_fraction(fraction, LIBBY_HALF_LIFE)
        assert conventional == pytest.approx(float(exact), rel=4 * EPS)
        # At the same fraction, ages are proportional to the half-life (5.8).
        ratio = conventional / age_from_fraction(fraction)
        assert ratio == pytest.approx(5568 / 5730, rel=8 * EPS)


# --- bad input ------------------------------------------------------------------------

# Each function with good arguments, so that one at a time can be replaced.
GOOD_CALLS: list[tuple[Callable[..., float], dict[str, object]]] = [
    (compound_amount, {"principal": 100, "rate": 0.05, "years": 10, "periods_per_year": 12}),
    (continuous_amount, {"principal": 100, "rate": 0.05, "years": 10}),
    (effective_annual_rate, {"rate": 0.05, "periods_per_year": 12}),
    (doubling_time, {"rate": 0.05}),
    (discrete_doubling_time, {"rate": 0.05}),
    (rule_of_72, {"rate": 0.05}),
    (exponential_growth, {"n0": 1, "rate": 0.1, "t": 5}),
    (growth_rate_from_doubling_time, {"doubling": 20}),
    (decay_rate_from_half_life, {"half_life": 5730}),
    (half_life_from_rate, {"decay_rate": 0.01}),
    (remaining_fraction, {"t": 1000, "half_life": 5730}),
    (age_from_fraction, {"fraction": 0.5, "half_life": 5730}),
]

ARGUMENTS = [
    pytest.param(function, kwargs, name, id=f"{function.__name__}-{name}")
    for function, kwargs in GOOD_CALLS
    for name in kwargs
]


@pytest.mark.parametrize(("function", "kwargs"), GOOD_CALLS)
def test_good_calls_work(function: Callable[..., float], kwargs: dict[str, object]) -> None:
    assert math.isfinite(function(**kwargs))


NON_NUMBER_CASES = [
    pytest.param(function, kwargs, name, bad, id=f"{function.__name__}-{name}-{bad!r}")
    for function, kwargs in GOOD_CALLS
    for name in kwargs
    for bad in NOT_NUMBERS
    # effective_annual_rate(rate, None) is continuous compounding, not an error.
    if not (function is effective_annual_rate and name == "periods_per_year" and bad is None)
]


@pytest.mark.parametrize(("function", "kwargs", "name", "bad"), NON_NUMBER_CASES)
def test_non_numbers_raise_type_error_naming_the_argument(
    function: Callable[..., float], kwargs: dict[str, object], name: str, bad: object
) -> None:
    with pytest.raises(TypeError, match=rf"^{name} must be "):
        function(**{**kwargs, name: bad})


@pytest.mark.parametrize(("function", "kwargs", "name"), ARGUMENTS)
@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_values_raise_value_error_naming_the_argument(
    function: Callable[..., float], kwargs: dict[str, object], name: str, bad: float
) -> None:
    error = TypeError if name == "periods_per_year" else ValueError
    with pytest.raises(error, match=rf"^{name} must be "):
        function(**{**kwargs, name: bad})


@pytest.mark.parametrize(
    ("function", "kwargs", "name", "bad", "message"),
    [
        (compound_amount, GOOD_CALLS[0][1], "principal", 0, "must be > 0, got 0"),
        (compound_amount, GOOD_CALLS[0][1], "principal", -100, "must be > 0"),
        (compound_amount, GOOD_CALLS[0][1], "years", -1, "must be >= 0, got -1"),
        (compound_amount, GOOD_CALLS[0][1], "periods_per_year", 0, "must be >= 1"),
        (compound_amount, GOOD_CALLS[0][1], "rate", -12, r"must be > -periods_per_year"),
        (
            compound_amount,
            GOOD_CALLS[0][1],
            "rate",
            -13.5,
            r"must be > -periods_per_year \(= -12\), got -13.5",
        ),
        (continuous_amount, GOOD_CALLS[1][1], "principal", -1, "must be > 0"),
        (continuous_amount, GOOD_CALLS[1][1], "years", -0.5, "must be >= 0"),
        (effective_annual_rate, GOOD_CALLS[2][1], "periods_per_year", -1, "must be >= 1"),
        (effective_annual_rate, GOOD_CALLS[2][1], "rate", -12, "must be > -periods_per_year"),
        (doubling_time, GOOD_CALLS[3][1], "rate", 0, "must be > 0"),
        (doubling_time, GOOD_CALLS[3][1], "rate", -0.05, "must be > 0"),
        (discrete_doubling_time, GOOD_CALLS[4][1], "rate", 0, "must be > 0"),
        (discrete_doubling_time, GOOD_CALLS[4][1], "rate", -1, "must be > 0"),
        (rule_of_72, GOOD_CALLS[5][1], "rate", 0, "must be > 0"),
        (exponential_growth, GOOD_CALLS[6][1], "n0", 0, "must be > 0"),
        (exponential_growth, GOOD_CALLS[6][1], "t", -1, "must be >= 0"),
        (growth_rate_from_doubling_time, GOOD_CALLS[7][1], "doubling", 0, "must be > 0"),
        (decay_rate_from_half_life, GOOD_CALLS[8][1], "half_life", -5730, "must be > 0"),
        (half_life_from_rate, GOOD_CALLS[9][1], "decay_rate", 0, "must be > 0"),
        (remaining_fraction, GOOD_CALLS[10][1], "t", -1, "must be >= 0"),
        (remaining_fraction, GOOD_CALLS[10][1], "half_life", 0, "must be > 0"),
        (age_from_fraction, GOOD_CALLS[11][1], "fraction", 0, r"must be in \(0, 1\], got 0"),
        (age_from_fraction, GOOD_CALLS[11][1], "fraction", -0.1, r"must be in \(0, 1\]"),
        (age_from_fraction, GOOD_CALLS[11][1], "fraction", 1.5, r"must be in \(0, 1\]"),
        (age_from_fraction, GOOD_CALLS[11][1], "half_life", 0, "must be > 0"),
    ],
)
def test_out_of_range_values_raise_value_error_naming_the_argument(
    function: Callable[..., float],
    kwargs: dict[str, object],
    name: str,
    bad: object,
    message: str,
) -> None:
    with pytest.raises(ValueError, match=rf"^{name} {message}"):
        function(**{**kwargs, name: bad})


def test_periods_must_be_an_int() -> None:
    with pytest.raises(TypeError, match="periods_per_year must be an int, got float"):
        compound_amount(100, 0.05, 1, 12.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="periods_per_year must be an int, got float"):
        effective_annual_rate(0.05, 12.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: compound_amount(1e308, 1, 10), "compound_amount"),
        (lambda: compound_amount(1, 1, 1e6, 12), "compound_amount"),
        (lambda: continuous_amount(1, 1000, 1), "continuous_amount"),
        (lambda: continuous_amount(1e308, 1, 1), "continuous_amount"),
        (lambda: effective_annual_rate(1000), "effective_annual_rate"),
        (lambda: effective_annual_rate(1e300, 2), "effective_annual_rate"),
        (lambda: exponential_growth(1, 1e308, 10), "exponential_growth"),
        (lambda: exponential_growth(1, 1, 1000), "exponential_growth"),
        (lambda: doubling_time(TINY), "doubling_time"),
        (lambda: discrete_doubling_time(TINY), "discrete_doubling_time"),
        (lambda: rule_of_72(TINY), "rule_of_72"),
        (lambda: growth_rate_from_doubling_time(TINY), "growth_rate_from_doubling_time"),
        (lambda: decay_rate_from_half_life(TINY), "decay_rate_from_half_life"),
        (lambda: half_life_from_rate(TINY), "half_life_from_rate"),
        (lambda: age_from_fraction(1e-300, 1e308), "age_from_fraction"),
    ],
)
def test_overflow_raises_instead_of_returning_inf(call: Callable[[], float], name: str) -> None:
    with pytest.raises(OverflowError, match=rf"^{name} is too large for a float$"):
        call()


def test_strong_decay_underflows_to_zero_not_an_error() -> None:
    assert exponential_growth(1, -1, 1000) == 0.0
    assert continuous_amount(1, -1000, 1) == 0.0
