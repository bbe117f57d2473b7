r"""Compound interest, exponential growth and decay: formulas (5.1)–(5.8).

- Compounding ``n`` times a year at the annual rate ``r`` turns a principal ``P``
  into ``P (1 + r/n)**(n t)`` after ``t`` years (5.1); as ``n`` grows this tends
  to the continuous amount ``P e**(r t)`` (5.2).
- A quantity that grows at a rate proportional to its size, ``N' = r N``, is
  ``N(t) = N0 e**(r t)`` (5.3); it doubles every ``ln 2 / r`` (5.4), or every
  ``ln 2 / ln(1 + r)`` periods when it grows by the factor ``1 + r`` per period
  (5.5). The rule of 72 approximates the latter.
- Decay is growth with a negative rate: ``N(t) = N0 e**(-lambda t)`` (5.6), with
  half-life ``ln 2 / lambda`` (5.7). Inverting it dates a sample from the fraction
  of carbon-14 left in it (5.8).

Rates are fractions, not percentages: 5 % a year is ``rate=0.05``. Times are in
whatever unit the rate is per (years for interest, minutes for bacteria).

The powers are computed as ``exp(n t log1p(r/n))`` rather than with ``**``:
``1 + r/n`` would be rounded before being raised to the ``n t``-th power, and the
power multiplies that rounding error by ``n t``. Every function checks its
arguments and raises an exception naming the bad one; a result too large for a
float raises `OverflowError` instead of returning ``inf``.
"""

from __future__ import annotations

import math

from aimath._checks import (
    require_finite_real,
    require_float_result,
    require_int,
    require_positive_real,
)

__all__ = [
    "C14_HALF_LIFE",
    "LIBBY_HALF_LIFE",
    "age_from_fraction",
    "compound_amount",
    "continuous_amount",
    "decay_rate_from_half_life",
    "discrete_doubling_time",
    "doubling_time",
    "effective_annual_rate",
    "exponential_growth",
    "growth_rate_from_doubling_time",
    "half_life_from_rate",
    "remaining_fraction",
    "rule_of_72",
]

C14_HALF_LIFE: float = 5730.0
"""Half-life of carbon-14 in years (the "Cambridge" value, 5730 ± 40 years): the physical
half-life used for decay on the page."""

LIBBY_HALF_LIFE: float = 5568.0
"""The Libby half-life of carbon-14 in years (5568), an older measurement that laboratories
still use, by convention, for conventional radiocarbon ages; calibration curves take those
ages as input and convert them to calendar years."""

_LN2 = math.log(2.0)


def _require_time(value: object, name: str) -> float:
    time = require_finite_real(value, name)
    if time < 0:
        msg = f"{name} must be >= 0, got {value!r}"
        raise ValueError(msg)
    return time


def _per_period_rate(rate: object, periods: int) -> float:
    """Check ``rate`` and return ``rate / periods``, which must exceed -1."""
    r = require_finite_real(rate, "rate")
    per_period = r / periods
    if per_period <= -1:
        msg = f"rate must be > -periods_per_year (= {-periods}), got {rate!r}"
        raise ValueError(msg)
    return per_period


def _scaled_exp(scale: float, exponent: float, what: str) -> float:
    """Return ``scale * e**exponent``, raising OverflowError instead of giving inf."""
    try:
        growth = math.exp(require_float_result(exponent, what))
    except OverflowError:
        msg = f"{what} is too large for a float"
        raise OverflowError(msg) from None
    return require_float_result(scale * growth, what)


def compound_amount(
    principal: float, rate: float, years: float, periods_per_year: int = 1
) -> float:
    """Return the balance ``P (1 + r/n)**(n t)`` after compounding ``n`` times a year (5.1).

    Interest at the annual rate ``r`` is added ``n`` times a year, each time
    ``r/n`` of the balance: once a year (``n = 1``), monthly (12), daily (365).

    Args:
        principal: The initial deposit ``P``; a finite real number > 0.
        rate: The annual rate ``r`` as a fraction (0.05 for 5 %); finite and
            greater than ``-periods_per_year``, so that each period keeps a
            positive balance.
        years: The time ``t`` in years; finite and >= 0 (need not be whole: the
            formula is then the usual continuation of the exponent to reals).
        periods_per_year: The number ``n`` of compounding periods a year; an int >= 1.

    Returns:
        The balance after ``years`` years, as a float.

    Raises:
        TypeError: If an argument is not a number (``periods_per_year`` not an int).
        ValueError: If ``principal`` <= 0, ``years`` < 0, ``periods_per_year`` < 1,
            ``rate`` <= ``-periods_per_year``, or an argument is not finite.
        OverflowError: If the balance is too large for a float.

    Examples:
        >>> compound_amount(100, 0.5, 2)  # 100 * 1.5 * 1.5
        225.0
        >>> round(compound_amount(1_000_000, 0.05, 10, 12), 2)
        1647009.5
        >>> compound_amount(100, 0.05, 1, 0)
        Traceback (most recent call last):
        ...
        ValueError: periods_per_year must be >= 1, got 0
    """
    p = require_positive_real(principal, "principal")
    t = _require_time(years, "years")
    n = require_int(periods_per_year, "periods_per_year", minimum=1)
    per_period = _per_period_rate(rate, n)
    exponent = n * t * math.log1p(per_period)
    return _scaled_exp(p, exponent, "compound_amount")


def continuous_amount(principal: float, rate: float, years: float) -> float:
    """Return the balance ``P e**(r t)`` under continuous compounding (5.2).

    This is the limit of [`compound_amount`][aimath.exponential.growth.compound_amount] as
    ``periods_per_year`` grows without bound.

    Args:
        principal: The initial deposit ``P``; a finite real number > 0.
        rate: The annual rate ``r`` as a fraction; any finite real number.
        years: The time ``t`` in years; finite and >= 0.

    Returns:
        The balance after ``years`` years, as a float.

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If ``principal`` <= 0, ``years`` < 0, or an argument is not finite.
        OverflowError: If the balance is too large for a float.

    Examples:
        >>> continuous_amount(1, 1, 1)  # e
        2.718281828459045
        >>> round(continuous_amount(1_000_000, 0.05, 10), 2)
        1648721.27
        >>> continuous_amount(-1, 0.05, 1)
        Traceback (most recent call last):
        ...
        ValueError: principal must be > 0, got -1
    """
    p = require_positive_real(principal, "principal")
    r = require_finite_real(rate, "rate")
    t = _require_time(years, "years")
    return _scaled_exp(p, r * t, "continuous_amount")


def effective_annual_rate(rate: float, periods_per_year: int | None = None) -> float:
    """Return the rate that, paid once a year, gives the same balance after a year.

    With ``n`` periods a year it is ``(1 + r/n)**n - 1``; with ``None``
    (continuous compounding) it is ``e**r - 1``.

    Args:
        rate: The nominal annual rate ``r`` as a fraction; finite, and greater than
            ``-periods_per_year`` when that is given.
        periods_per_year: The number ``n`` of compounding periods a year (an int
            >= 1), or ``None`` for continuous compounding.

    Returns:
        The effective annual rate, as a fraction.

    Raises:
        TypeError: If ``rate`` is not a real number or ``periods_per_year`` is
            neither an int nor ``None``.
        ValueError: If ``periods_per_year`` < 1, ``rate`` is not finite, or
            ``rate`` <= ``-periods_per_year``.
        OverflowError: If the result is too large for a float.

    Examples:
        >>> round(effective_annual_rate(0.05, 12), 6)
        0.051162
        >>> round(effective_annual_rate(0.05), 6)
        0.051271
        >>> effective_annual_rate(-12, 12)
        Traceback (most recent call last):
        ...
        ValueError: rate must be > -periods_per_year (= -12), got -12
    """
    if periods_per_year is None:
        exponent = require_finite_real(rate, "rate")
    else:
        n = require_int(periods_per_year, "periods_per_year", minimum=1)
        exponent = n * math.log1p(_per_period_rate(rate, n))
    try:
        return require_float_result(math.expm1(exponent), "effective_annual_rate")
    except OverflowError:
        msg = "effective_annual_rate is too large for a float"
        raise OverflowError(msg) from None


def doubling_time(rate: float) -> float:
    """Return the doubling time ``ln 2 / r`` of continuous growth at the rate ``r`` (5.4).

    Args:
        rate: The continuous growth rate ``r`` (per unit of time); finite and > 0.

    Returns:
        The time in which ``e**(r t)`` doubles, in the same unit of time.

    Raises:
        TypeError: If ``rate`` is not a real number.
        ValueError: If ``rate`` <= 0 or is not finite (without growth nothing doubles).
        OverflowError: If the result is too large for a float.

    Examples:
        >>> doubling_time(math.log(2))
        1.0
        >>> round(doubling_time(0.05), 4)
        13.8629
        >>> doubling_time(0)
        Traceback (most recent call last):
        ...
        ValueError: rate must be > 0, got 0
    """
    r = require_positive_real(rate, "rate")
    return require_float_result(_LN2 / r, "doubling_time")


def discrete_doubling_time(rate: float) -> float:
    """Return ``ln 2 / ln(1 + r)``, the periods needed to double at ``r`` per period (5.5).

    A balance multiplied by ``1 + r`` once a period is multiplied by
    ``(1 + r)**k`` after ``k`` periods; this is the ``k`` (in general not an
    integer) with ``(1 + r)**k = 2``.

    Args:
        rate: The growth per period ``r`` as a fraction; finite and > 0.

    Returns:
        The doubling time in periods.

    Raises:
        TypeError: If ``rate`` is not a real number.
        ValueError: If ``rate`` <= 0 or is not finite.
        OverflowError: If the result is too large for a float.

    Examples:
        >>> discrete_doubling_time(1)  # 100 % a period doubles in one period
        1.0
        >>> round(discrete_doubling_time(0.05), 4)
        14.2067
    """
    r = require_positive_real(rate, "rate")
    return require_float_result(_LN2 / math.log1p(r), "discrete_doubling_time")


def rule_of_72(rate: float) -> float:
    """Return the rule-of-72 estimate ``72 / (100 r)`` of the doubling time in periods.

    The rule divides 72 by the rate in percent. It approximates
    [`discrete_doubling_time`][aimath.exponential.growth.discrete_doubling_time] best for rates near
    8 %.

    Args:
        rate: The growth per period ``r`` as a fraction; finite and > 0.

    Returns:
        The estimated doubling time in periods.

    Raises:
        TypeError: If ``rate`` is not a real number.
        ValueError: If ``rate`` <= 0 or is not finite.
        OverflowError: If the result is too large for a float.

    Examples:
        >>> rule_of_72(0.08)
        9.0
        >>> rule_of_72(0.06)
        12.0
    """
    r = require_positive_real(rate, "rate")
    percent = 100 * r
    if math.isinf(percent):
        return 0.72 / r
    return require_float_result(72 / percent, "rule_of_72")


def exponential_growth(n0: float, rate: float, t: float) -> float:
    """Return ``N0 e**(r t)``, the solution of ``N' = r N`` with ``N(0) = N0`` (5.3).

    A negative ``rate`` gives exponential decay (5.6).

    Args:
        n0: The initial size ``N0``; a finite real number > 0.
        rate: The growth rate ``r`` per unit of time; any finite real number.
        t: The elapsed time; finite and >= 0.

    Returns:
        ``N(t)`` as a float (it underflows to 0.0 for a strongly negative ``r t``).

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If ``n0`` <= 0, ``t`` < 0, or an argument is not finite.
        OverflowError: If ``N(t)`` is too large for a float.

    Examples:
        >>> exponential_growth(3, 0, 5)
        3.0
        >>> round(exponential_growth(1, math.log(2) / 20, 60), 12)  # three doublings
        8.0
        >>> exponential_growth(1, 1, 1000)
        Traceback (most recent call last):
        ...
        OverflowError: exponential_growth is too large for a float
    """
    size = require_positive_real(n0, "n0")
    r = require_finite_real(rate, "rate")
    time = _require_time(t, "t")
    return _scaled_exp(size, r * time, "exponential_growth")


def growth_rate_from_doubling_time(doubling: float) -> float:
    """Return the continuous growth rate ``ln 2 / T`` that doubles every ``T`` (5.4).

    Args:
        doubling: The doubling time ``T``; a finite real number > 0.

    Returns:
        The rate ``r`` per unit of time of ``T``.

    Raises:
        TypeError: If ``doubling`` is not a real number.
        ValueError: If ``doubling`` <= 0 or is not finite.
        OverflowError: If the result is too large for a float.

    Examples:
        >>> growth_rate_from_doubling_time(1) == math.log(2)
        True
        >>> growth_rate_from_doubling_time(-20)
        Traceback (most recent call last):
        ...
        ValueError: doubling must be > 0, got -20
    """
    time = require_positive_real(doubling, "doubling")
    return require_float_result(_LN2 / time, "growth_rate_from_doubling_time")


def decay_rate_from_half_life(half_life: float) -> float:
    """Return the decay constant ``lambda = ln 2 / T`` of a half-life ``T`` (5.7).

    Args:
        half_life: The half-life ``T``; a finite real number > 0.

    Returns:
        ``lambda`` per unit of time of ``T``.

    Raises:
        TypeError: If ``half_life`` is not a real number.
        ValueError: If ``half_life`` <= 0 or is not finite.
        OverflowError: If the result is too large for a float.

    Examples:
        >>> f"{decay_rate_from_half_life(C14_HALF_LIFE):.4e}"
        '1.2097e-04'
        >>> decay_rate_from_half_life(0)
        Traceback (most recent call last):
        ...
        ValueError: half_life must be > 0, got 0
    """
    time = require_positive_real(half_life, "half_life")
    return require_float_result(_LN2 / time, "decay_rate_from_half_life")


def half_life_from_rate(decay_rate: float) -> float:
    """Return the half-life ``ln 2 / lambda`` of the decay ``e**(-lambda t)`` (5.7).

    Args:
        decay_rate: The decay constant ``lambda``; a finite real number > 0.

    Returns:
        The half-life, in the unit of time ``lambda`` is per.

    Raises:
        TypeError: If ``decay_rate`` is not a real number.
        ValueError: If ``decay_rate`` <= 0 or is not finite.
        OverflowError: If the result is too large for a float.

    Examples:
        >>> half_life_from_rate(math.log(2))
        1.0
        >>> half_life_from_rate(-0.1)
        Traceback (most recent call last):
        ...
        ValueError: decay_rate must be > 0, got -0.1
    """
    rate = require_positive_real(decay_rate, "decay_rate")
    return require_float_result(_LN2 / rate, "half_life_from_rate")


def remaining_fraction(t: float, half_life: float) -> float:
    """Return the fraction ``2**(-t/T) = e**(-lambda t)`` left after the time ``t`` (5.6).

    Computed as a power of 2, so that every whole number of half-lives gives an
    exact power of 1/2.

    Args:
        t: The elapsed time; finite and >= 0.
        half_life: The half-life ``T``, in the same unit as ``t``; finite and > 0.

    Returns:
        A fraction in [0, 1]; it underflows to 0.0 after about 1075 half-lives.

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If ``t`` < 0, ``half_life`` <= 0, or an argument is not finite.

    Examples:
        >>> remaining_fraction(5730, C14_HALF_LIFE)
        0.5
        >>> remaining_fraction(3 * 5730, C14_HALF_LIFE)
        0.125
        >>> remaining_fraction(-1, C14_HALF_LIFE)
        Traceback (most recent call last):
        ...
        ValueError: t must be >= 0, got -1
    """
    time = _require_time(t, "t")
    life = require_positive_real(half_life, "half_life")
    return math.pow(2.0, -(time / life))


def age_from_fraction(fraction: float, half_life: float = C14_HALF_LIFE) -> float:
    """Return the age ``T log2(1/f)`` of a sample with the fraction ``f`` left (5.8).

    The inverse of [`remaining_fraction`][aimath.exponential.growth.remaining_fraction]: solving
    ``2**(-t/T) = f`` for ``t``. With the default half-life, the physical one (5730 years),
    this is the time since death in the simplest model. The conventional radiocarbon age
    that laboratories report is computed with the Libby half-life instead (pass
    [`LIBBY_HALF_LIFE`][aimath.exponential.growth.LIBBY_HALF_LIFE], 5568 years); calibration
    curves then convert that age to calendar years, which also corrects for the changing
    carbon-14 content of the atmosphere.

    Args:
        fraction: The fraction ``f`` of the original amount still present; a
            finite real number with ``0 < f <= 1``.
        half_life: The half-life ``T``; a finite real number > 0. Defaults to
            [`C14_HALF_LIFE`][aimath.exponential.growth.C14_HALF_LIFE] (years).

    Returns:
        The age, in the unit of ``half_life``.

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If ``fraction`` is not in (0, 1], ``half_life`` <= 0, or an
            argument is not finite.
        OverflowError: If the age is too large for a float.

    Examples:
        >>> age_from_fraction(0.25)
        11460.0
        >>> age_from_fraction(0.25, LIBBY_HALF_LIFE)
        11136.0
        >>> age_from_fraction(1)
        0.0
        >>> age_from_fraction(1.5)
        Traceback (most recent call last):
        ...
        ValueError: fraction must be in (0, 1], got 1.5
    """
    f = require_finite_real(fraction, "fraction")
    if not 0 < f <= 1:
        msg = f"fraction must be in (0, 1], got {fraction!r}"
        raise ValueError(msg)
    life = require_positive_real(half_life, "half_life")
    if f == 1:
        return 0.0  # not -0.0
    return require_float_result(-life * math.log2(f), "age_from_fraction")
