"""Napier's number e: as a limit, as a series, and digit by digit.

Three roads lead to the same number:

- the compound-interest limit ``(1 + 1/n)**n`` as ``n`` grows (4.1),
- the series ``1/0! + 1/1! + 1/2! + ...`` (4.2),
- exact digits from integer arithmetic ([`e_digits`][aimath.exponential.napier.e_digits]), which is
  how the other two are checked on the page.

The limit converges slowly (its error is about ``e/(2n)``), the series
factorially fast. Float arithmetic adds a trap of its own: ``1 + 1/n`` is rounded
before it is raised to the ``n``-th power, so the naive float expression drifts
away from e for large ``n``. [`e_by_limit`][aimath.exponential.napier.e_by_limit] therefore works
with integers.

The module also holds the Japanese mnemonic for e, 「二塁から内野にわたる」, as
data, so that its digits can be checked against [`e_digits`][aimath.exponential.napier.e_digits].
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from aimath._checks import refuse_above, require_finite_real, require_int

__all__ = [
    "E_MNEMONIC_READING",
    "GOROAWASE_DIGITS",
    "e_as_fraction",
    "e_by_limit",
    "e_by_series",
    "e_digits",
    "e_series_partial_sum",
    "exp_series",
    "mnemonic_digits",
]

# Limits that keep every call under about a second. Times measured on the project's
# build machine (2 shared cores, CPython 3.11), December 2026.
# e_by_limit: n of 2048 bits 0.06 s, 4096 bits 0.29 s, 6000 bits 0.76 s, 10_000 bits 2.5 s.
_MAX_LIMIT_N_BITS = 4096
# e_series_partial_sum (exact fractions): 1000 terms 0.05 s, 2000 terms 0.8 s, 3000 terms 1.0 s,
# 10_000 terms 80 s.
_MAX_SERIES_TERMS = 2000
# e_digits, quadratic in the count: 30_000 digits 0.09 s, 50_000 digits 0.28 to 0.51 s,
# 100_000 digits 0.87 to 2.5 s depending on the load (a million would take 93 s, ten million
# about two hours).
_MAX_E_DIGITS = 50_000
# e_as_fraction also reduces the fraction (a gcd of two long ints): 100_000 decimals 3.0 s.
_MAX_E_FRACTION_DECIMALS = 50_000
_MPMATH = "mpmath gives millions of digits faster (mpmath.mp.dps = count; mpmath.mp.e)"


def e_by_limit(n: int) -> float:
    """Return ``(1 + 1/n)**n``, the n-th term of a sequence that tends to e (4.1).

    The power is computed in binary fixed point with enough guard bits that the
    only error left is the final rounding to a float (well under one unit in the
    last place). The naive ``(1 + 1/n) ** n`` in floats is not that accurate:
    ``1 + 1/n`` is rounded first, and the power multiplies that rounding error
    by ``n``.

    Args:
        n: The number of compounding periods; an int >= 1.

    Returns:
        ``(1 + 1/n)**n`` as a float.

    Raises:
        TypeError: If ``n`` is not an int.
        ValueError: If ``n`` < 1, or ``n`` >= ``2**4096`` (a larger ``n`` takes over a
            second; ``n = 10**17`` already gives the float nearest to e).

    Examples:
        >>> e_by_limit(1)
        2.0
        >>> e_by_limit(2)
        2.25
        >>> e_by_limit(10**16)  # the float expression (1 + 1e-16) ** 1e16 gives 1.0
        2.718281828459045
        >>> e_by_limit(2**5000)
        Traceback (most recent call last):
        ...
        ValueError: n.bit_length() must be <= 4_096 (the fixed-point power needs 2 bits per bit of n: more take over a second), got 5001; the limit is within e/(2n) of e, so n = 10**17 already gives the float nearest to e, math.e
    """
    require_int(n, "n", minimum=1)
    refuse_above(
        n.bit_length(),
        _MAX_LIMIT_N_BITS,
        "n.bit_length()",
        cost="the fixed-point power needs 2 bits per bit of n: more take over a second",
        instead=(
            "the limit is within e/(2n) of e, so n = 10**17 already gives the float "
            "nearest to e, math.e"
        ),
    )
    # Each rounding below is at most one unit of 2**-bits; the power multiplies
    # a relative error by at most n per level of squaring, so 2*bitlen(n) + 64
    # guard bits keep the total far below a float's 2**-53.
    bits = 2 * n.bit_length() + 64
    one = 1 << bits
    base = ((n + 1) << bits) // n  # (1 + 1/n) in fixed point, rounded down
    result = one
    exponent = n
    while exponent:
        if exponent & 1:
            result = (result * base) >> bits
        exponent >>= 1
        if exponent:
            base = (base * base) >> bits
    return result / one  # int / int is correctly rounded in Python


def e_series_partial_sum(terms: int) -> Fraction:
    """Return the exact partial sum ``1/0! + 1/1! + ... + 1/(terms-1)!`` of (4.2).

    Args:
        terms: How many terms to add; an int >= 1.

    Returns:
        The sum as an exact fraction.

    Raises:
        TypeError: If ``terms`` is not an int.
        ValueError: If ``terms`` < 1 or ``terms`` > 2000 (the exact fractions grow
            with every term; more terms take over a second).

    Examples:
        >>> e_series_partial_sum(4)  # 1 + 1 + 1/2 + 1/6
        Fraction(8, 3)
        >>> e_series_partial_sum(10**5)
        Traceback (most recent call last):
        ...
        ValueError: terms must be <= 2_000 (exact fractions grow with every term: more take over a second), got 100000; 18 terms give e to float precision, and e_as_fraction(d) or e_digits(d) give e to d decimals
    """
    require_int(terms, "terms", minimum=1)
    refuse_above(
        terms,
        _MAX_SERIES_TERMS,
        "terms",
        cost="exact fractions grow with every term: more take over a second",
        instead=(
            "18 terms give e to float precision, and e_as_fraction(d) or e_digits(d) "
            "give e to d decimals"
        ),
    )
    total = Fraction(0)
    term = Fraction(1)
    for k in range(terms):
        if k:
            term /= k
        total += term
    return total


def e_by_series(terms: int) -> float:
    """Return the partial sum of the series (4.2) with ``terms`` terms, as a float.

    The sum is formed exactly
    ([`e_series_partial_sum`][aimath.exponential.napier.e_series_partial_sum]) and rounded once, so
    the only float error is that final rounding.

    Args:
        terms: How many terms ``1/k!`` to add (``k = 0, ..., terms - 1``); >= 1.

    Returns:
        The partial sum, correctly rounded to a float.

    Raises:
        TypeError: If ``terms`` is not an int.
        ValueError: If ``terms`` < 1 or ``terms`` > 2000, as for
            [`e_series_partial_sum`][aimath.exponential.napier.e_series_partial_sum].

    Examples:
        >>> e_by_series(3)  # 1 + 1 + 1/2
        2.5
        >>> e_by_series(18)
        2.718281828459045
    """
    return float(e_series_partial_sum(terms))


def _scaled_e_floor(decimals: int) -> int:
    """Return ``floor(e * 10**decimals)`` exactly, by a fixed-point series."""
    guard = 10
    while True:
        scale = 10 ** (decimals + guard)
        # Sum the terms scale/k! with integer division (each rounds down).
        # Error bound, in units of 1/scale: term k is below its true value by
        # less than 2 (induction: err_k < err_{k-1}/k + 1), and once a term
        # reaches 0 the true tail is below 2 * (K+1)/K <= 4. With K terms the
        # sum is therefore low by less than 2*K + 4.
        total = 0
        term = scale
        k = 0
        while term:
            total += term
            k += 1
            term //= k
        slack = 2 * k + 4
        unit: int = 10**guard
        low, high = total // unit, (total + slack) // unit
        if low == high:
            # e*scale lies in [total, total + slack): the truncated digits agree.
            return low
        guard += 10  # the digits after the cut are ...999 or ...000: look further


def _decimal_string(value: int) -> str:
    """Write a non-negative int in decimal, however long.

    ``str(int)`` refuses ints above 4300 digits (a guard against slow
    conversions of untrusted input); splitting by a power of ten keeps each
    piece under that limit without changing the interpreter-wide setting.
    """
    if value < _STR_LIMIT:
        return str(value)
    half = len(bin(value)) * 3 // 20  # about half the decimal digits (log10(2) ~ 3/10)
    high, low = divmod(value, 10**half)
    return _decimal_string(high) + _decimal_string(low).zfill(half)


_STR_LIMIT = 10**4000


def e_digits(count: int) -> str:
    """Return e written with ``count`` decimal places, truncated (not rounded).

    The digits are exact: they come from integer arithmetic only, with guard
    digits and a rigorous error bound (see the source). Thousands of digits
    take milliseconds; the time grows with the square of ``count``, so the count
    is limited to 50_000 (well under a second).

    Args:
        count: The number of digits after the decimal point; an int >= 0.

    Returns:
        ``"2"`` for ``count == 0``, else ``"2."`` followed by ``count`` digits.

    Raises:
        TypeError: If ``count`` is not an int.
        ValueError: If ``count`` < 0 or ``count`` > 50_000.

    Examples:
        >>> e_digits(5)
        '2.71828'
        >>> e_digits(15)
        '2.718281828459045'
        >>> e_digits(-1)
        Traceback (most recent call last):
        ...
        ValueError: count must be >= 0, got -1
        >>> e_digits(10**7)
        Traceback (most recent call last):
        ...
        ValueError: count must be <= 50_000 (the time grows with the square of the count: more take over a second), got 10000000; mpmath gives millions of digits faster (mpmath.mp.dps = count; mpmath.mp.e)
    """
    require_int(count, "count", minimum=0)
    refuse_above(
        count,
        _MAX_E_DIGITS,
        "count",
        cost="the time grows with the square of the count: more take over a second",
        instead=_MPMATH,
    )
    digits = _decimal_string(_scaled_e_floor(count))
    if count == 0:
        return digits
    return f"{digits[0]}.{digits[1:]}"


def e_as_fraction(decimals: int) -> Fraction:
    """Return e truncated to ``decimals`` decimal places, as an exact fraction.

    Useful as a reference value: it is below e by less than ``10**-decimals``.

    Args:
        decimals: The number of decimal places; an int >= 0.

    Returns:
        ``floor(e * 10**decimals) / 10**decimals``.

    Raises:
        TypeError: If ``decimals`` is not an int.
        ValueError: If ``decimals`` < 0 or ``decimals`` > 50_000 (more take over a
            second).

    Examples:
        >>> e_as_fraction(3)  # 2718/1000, which Fraction writes in lowest terms
        Fraction(1359, 500)
        >>> e_as_fraction(3) == Fraction(2718, 1000)
        True
        >>> e_as_fraction(0)
        Fraction(2, 1)
        >>> e_as_fraction(10**6)
        Traceback (most recent call last):
        ...
        ValueError: decimals must be <= 50_000 (the time grows with the square of the count: more take over a second), got 1000000; mpmath gives millions of digits faster (mpmath.mp.dps = count; mpmath.mp.e)
    """
    require_int(decimals, "decimals", minimum=0)
    refuse_above(
        decimals,
        _MAX_E_FRACTION_DECIMALS,
        "decimals",
        cost="the time grows with the square of the count: more take over a second",
        instead=_MPMATH,
    )
    return Fraction(_scaled_e_floor(decimals), 10**decimals)


def exp_series(x: float, terms: int) -> float:
    """Return the partial sum ``sum(x**k / k!)`` for ``k < terms``, in floats.

    This is the power series of e**x (4.5) evaluated the obvious way, each term
    from the previous one (``term *= x / k``), with a float rounding at every
    step. Those roundings add up: even for ``x = 1`` the sum can end a unit in
    the last place away from the correctly rounded e (compare
    [`e_by_series`][aimath.exponential.napier.e_by_series], which rounds once). For large positive
    ``x`` it needs many terms; for large negative ``x`` the terms alternate in sign and are far
    larger than the result, so rounding errors swamp it (see the page).
    Once a term underflows to 0 every later term is 0 and the sum stops changing,
    so the loop ends there: a huge ``terms`` costs no more than a few thousand
    steps.

    Args:
        x: A finite real number.
        terms: How many terms to add; an int >= 1.

    Returns:
        The partial sum as a float.

    Raises:
        TypeError: If ``x`` is not a real number or ``terms`` is not an int.
        ValueError: If ``x`` is not finite or ``terms`` < 1.
        OverflowError: If a term or the sum is too large for a float.

    Examples:
        >>> exp_series(0.5, 3)  # 1 + 0.5 + 0.125
        1.625
        >>> exp_series(1, 18)  # one ulp above the float nearest to e
        2.7182818284590455
        >>> e_by_series(18)  # the same 18 terms, summed exactly, rounded once
        2.718281828459045
        >>> exp_series(800, 10_000)
        Traceback (most recent call last):
        ...
        OverflowError: exp_series(x, terms) is too large for a float at x = 800, terms = 10000
    """
    value = require_finite_real(x, "x")
    require_int(terms, "terms", minimum=1)
    total = 0.0
    term = 1.0
    for k in range(terms):
        if k:
            term *= value / k
        total += term
        if not (math.isfinite(term) and math.isfinite(total)):
            msg = f"exp_series(x, terms) is too large for a float at x = {x!r}, terms = {terms!r}"
            raise OverflowError(msg)
        if term == 0:  # every later term is 0 too: the sum is final
            break
    return total


GOROAWASE_DIGITS: dict[str, int] = {"に": 2, "な": 7, "い": 1, "や": 8, "わ": 8}
"""Kana that stand for digits in the mnemonic below, with the reading they come from: に ni (2),
な nana (7), い ichi (1), や yattsu (8) and わ (8, from は in hachi, because the particle は is
pronounced wa).
"""

E_MNEMONIC_READING: tuple[tuple[str, bool], ...] = (
    ("に", True),  # 二 (two)
    ("る", False),
    ("い", False),  # the い of 塁 is filler, the い of 内 is not
    ("か", False),
    ("ら", False),
    ("な", True),
    ("い", True),
    ("や", True),
    ("に", True),
    ("わ", True),
    ("た", False),
    ("る", False),
)
"""「二塁から内野にわたる」 (nirui kara naiya ni wataru) read syllable by syllable. The second item says
whether the syllable carries a digit; the others are filler that makes the phrase read as
Japanese.
"""


def mnemonic_digits(reading: Sequence[tuple[str, bool]]) -> str:
    """Turn a goroawase reading into the number it encodes.

    The first digit-carrying syllable gives the integer part, the rest the
    decimals (the mnemonics for e and the like are read that way).

    Args:
        reading: ``(kana, carries_digit)`` pairs, in order.

    Returns:
        The number as a string, e.g. ``"2.71828"``.

    Raises:
        ValueError: If a digit-carrying kana is not in
            [`GOROAWASE_DIGITS`][aimath.exponential.napier.GOROAWASE_DIGITS], or no
            syllable carries a digit.

    Examples:
        >>> mnemonic_digits(E_MNEMONIC_READING)
        '2.71828'
        >>> mnemonic_digits([("に", True), ("る", False)])
        '2'
    """
    digits = []
    for kana, carries_digit in reading:
        if not carries_digit:
            continue
        if kana not in GOROAWASE_DIGITS:
            msg = f"reading has a digit-carrying kana with no known digit: {kana!r}"
            raise ValueError(msg)
        digits.append(str(GOROAWASE_DIGITS[kana]))
    if not digits:
        msg = "reading must have at least one digit-carrying syllable"
        raise ValueError(msg)
    head, *tail = digits
    return f"{head}.{''.join(tail)}" if tail else head
