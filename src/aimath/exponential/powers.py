"""Powers: from repeated multiplication to real exponents.

A power ``a**n`` with a positive integer ``n`` is ``a`` multiplied by itself ``n``
times. Extending the exponent to all real numbers keeps the laws (1.1)-(1.4) only
when the base is positive, which is why [`real_power`][aimath.exponential.powers.real_power] insists
on ``a > 0``.
"""

from __future__ import annotations

import math
from fractions import Fraction

from aimath._checks import (
    describe,
    exact_bits,
    is_exact_number,
    refuse_above,
    require_finite_real,
    require_int,
    require_positive_real,
)

__all__ = [
    "decimal_bracket",
    "integer_power",
    "power_by_repeated_multiplication",
    "rational_power",
    "real_power",
]

# Limits that keep every call under about a second. Times measured on the project's
# build machine (2 shared cores, CPython 3.11), December 2026.
# power_by_repeated_multiplication, float base: 10**6 factors 0.09 s, 10**7 factors 1.2 s.
_MAX_REPEATED_FACTORS = 1_000_000
# A Fraction multiplication costs about 2 microseconds even for small values (a gcd and a
# new object): Fraction(-1) with 10**6 factors 2.2 s, 2 * 10**5 factors 0.4 to 1.2 s.
_MAX_REPEATED_FRACTION_FACTORS = 100_000
# Exact base: the product grows at every step, so the time grows with the square of the
# exponent: 3 with 30_000 factors (48_000 bits) 0.13 s, with 100_000 factors 0.72 s;
# Fraction(2, 3) (gcds at every step) with 10_000 factors 0.18 s, 30_000 factors 1.5 s.
_MAX_REPEATED_PRODUCT_BITS = 50_000
# integer_power with an exact base (Python's pow, by squaring): 3**10**6 (1.6 million bits)
# 0.24 s, 3**10**7 (16 million bits) 13 s.
_MAX_EXACT_POWER_BITS = 2_000_000
# rational_power: the integer roots take Newton steps with long divisions: a**p of 100_000
# bits 0.19 s, of 300_000 bits 1.5 s, of a million bits 16 s.
_MAX_RATIONAL_POWER_BITS = 100_000
# decimal_bracket builds 10**digits: 100_000 digits 0.02 s, a million 0.9 s.
_MAX_BRACKET_DIGITS = 100_000
_SQUARING = "use integer_power, which squares instead of multiplying one factor at a time"


def power_by_repeated_multiplication(
    base: Fraction | float, exponent: int
) -> int | Fraction | float:
    """Multiply ``base`` by itself ``exponent`` times, the definition of a power.

    Integer and ``Fraction`` bases give exact results; a float base gives the
    rounded product of ``exponent`` floating-point multiplications.

    Args:
        base: The number being multiplied (any finite real number).
        exponent: How many factors there are; an integer >= 1.

    Returns:
        ``base * base * ... * base`` with ``exponent`` factors.

    Raises:
        TypeError: If ``base`` is not a real number or ``exponent`` is not an int.
        ValueError: If ``exponent`` < 1 or ``base`` is not finite; also, before
            starting, if the loop would take over a second: ``exponent`` above
            1_000_000 (100_000 for a ``Fraction`` base), or an exact product above
            50_000 bits. Use
            [`integer_power`][aimath.exponential.powers.integer_power] for those.

    Examples:
        >>> power_by_repeated_multiplication(2, 3)
        8
        >>> power_by_repeated_multiplication(Fraction(1, 2), 4)
        Fraction(1, 16)
        >>> power_by_repeated_multiplication(2, 0)
        Traceback (most recent call last):
        ...
        ValueError: exponent must be >= 1, got 0
        >>> power_by_repeated_multiplication(1.000000001, 10**9)
        Traceback (most recent call last):
        ...
        ValueError: exponent must be <= 1_000_000 (one multiplication per factor: more take over a second), got 1000000000; use integer_power, which squares instead of multiplying one factor at a time
    """
    require_int(exponent, "exponent", minimum=1)
    if not is_exact_number(base):
        require_finite_real(base, "base")
    cost = "one multiplication per factor: more take over a second"
    refuse_above(exponent, _MAX_REPEATED_FACTORS, "exponent", cost=cost, instead=_SQUARING)
    if isinstance(base, Fraction):
        cost = "a Fraction multiplication takes microseconds: more take over a second"
        refuse_above(
            exponent, _MAX_REPEATED_FRACTION_FACTORS, "exponent", cost=cost, instead=_SQUARING
        )
    if is_exact_number(base):
        assert isinstance(base, int | Fraction)  # narrowed for mypy by the check above
        bits = exact_bits(base)
        if bits > 0:
            largest = max(1, int(_MAX_REPEATED_PRODUCT_BITS / bits))
            cost = (
                f"the exact product of {describe(base)} would pass "
                f"{_MAX_REPEATED_PRODUCT_BITS:_} bits, and multiplying it one factor at a "
                "time would take over a second"
            )
            refuse_above(exponent, largest, "exponent", cost=cost, instead=_SQUARING)
    product = base
    for _ in range(exponent - 1):
        product = product * base
    return product


def real_power(base: float, exponent: float) -> float:
    """Return ``base ** exponent`` for a positive base and any real exponent.

    For ``a > 0`` the power ``a**x`` exists for every real ``x`` and is a
    positive real number; it equals ``exp(x ln a)``. It is computed with
    ``math.pow``. A base <= 0 is
    rejected rather than handed to Python, where ``(-8) ** (1/3)`` silently
    becomes a complex number.

    Args:
        base: The base ``a``; must be a finite real number > 0.
        exponent: The exponent ``x``; any finite real number.

    Returns:
        ``a ** x`` as a float.

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If ``base`` <= 0 or an argument is not finite.
        OverflowError: If the result is too large for a float.

    Examples:
        >>> real_power(2, 3)
        8.0
        >>> real_power(8, 1/3)
        2.0
        >>> real_power(-8, 1/3)
        Traceback (most recent call last):
        ...
        ValueError: base must be > 0, got -8
    """
    a = require_positive_real(base, "base")
    x = require_finite_real(exponent, "exponent")
    try:
        result = math.pow(a, x)
    except OverflowError:
        msg = f"real_power({base!r}, {exponent!r}) is too large for a float"
        raise OverflowError(msg) from None
    return result


def integer_power(base: Fraction | float, exponent: int) -> int | Fraction | float:
    """Return ``base ** exponent`` for any integer exponent, exactly when the base is exact.

    The exponent is extended from the positive integers by keeping
    ``a**m * a**n == a**(m + n)``: that forces ``a**0 == 1`` and
    ``a**-n == 1 / a**n``. Those two rules need ``a != 0`` but allow a negative
    base, so any nonzero base works here. ``0**n`` is ``0`` for ``n >= 1`` and
    ``0**0`` is ``1`` by the empty-product convention (as in Python);
    ``0**n`` for ``n < 0`` would divide by zero and raises ``ZeroDivisionError``.

    An ``int`` base with ``exponent >= 0`` gives an ``int``; any other exact base
    or a negative exponent gives a ``Fraction``; a float base gives a float.

    Args:
        base: The base ``a``; an ``int``, ``Fraction`` or finite float.
        exponent: The exponent ``n``; any ``int``.

    Returns:
        ``a ** n``, exact for an exact base.

    Raises:
        TypeError: If ``base`` is not a real number or ``exponent`` is not an int.
        ValueError: If a float ``base`` is not finite, or, before computing, if an
            exact result would have more than 2_000_000 bits (about 600_000 decimal
            digits; larger ones take over a second). A float base gives an
            approximation quickly.
        ZeroDivisionError: If ``base`` is 0 and ``exponent`` < 0.
        OverflowError: If a float result is too large for a float.

    Examples:
        >>> integer_power(2, 10)
        1024
        >>> integer_power(2, -3)
        Fraction(1, 8)
        >>> integer_power(-2, -3)
        Fraction(-1, 8)
        >>> integer_power(0.5, -2)
        4.0
        >>> integer_power(0, -1)
        Traceback (most recent call last):
        ...
        ZeroDivisionError: base 0 cannot be raised to a negative exponent, got -1
        >>> integer_power(3, 10**7)
        Traceback (most recent call last):
        ...
        ValueError: exponent must be <= 1_261_859 for the exact base 3 (the result would pass 2_000_000 bits: over a second), got 10000000; use a float base, integer_power(float(base), exponent), for an approximation
    """
    require_int(exponent, "exponent")
    if not is_exact_number(base):
        require_finite_real(base, "base")
    else:
        assert isinstance(base, int | Fraction)  # narrowed for mypy by the check above
        _refuse_large_exact_power(
            base,
            exponent,
            _MAX_EXACT_POWER_BITS,
            "exponent",
            "use a float base, integer_power(float(base), exponent), for an approximation",
        )
    if base == 0 and exponent < 0:
        msg = f"base 0 cannot be raised to a negative exponent, got {exponent}"
        raise ZeroDivisionError(msg)
    if isinstance(base, int) and exponent >= 0:
        power: int = base**exponent  # int ** int is typed Any: it is a float for n < 0
        return power
    if is_exact_number(base):
        return Fraction(base) ** exponent
    return _float_integer_power(float(base), exponent)


def _refuse_large_exact_power(
    base: int | Fraction, exponent: int, limit_bits: int, name: str, instead: str
) -> None:
    """Raise ValueError if ``base ** exponent`` would have more than ``limit_bits`` bits."""
    bits = exact_bits(base)
    if bits > 0 and abs(exponent) * bits > limit_bits:
        largest = int(limit_bits / bits)
        cost = f"the result would pass {limit_bits:_} bits: over a second"
        msg = (
            f"{name} must be <= {largest:_} for the exact base {describe(base)} ({cost}), "
            f"got {describe(exponent)}; {instead}"
        )
        raise ValueError(msg)


def _float_integer_power(base: float, exponent: int) -> float:
    # The sign comes from the parity of the int exponent, not from math.pow: a
    # huge odd int exponent may round to an even float on its way into math.pow.
    negative = base < 0 and exponent % 2 == 1
    try:
        magnitude = math.pow(abs(base), exponent)
    except OverflowError:
        msg = f"integer_power({base!r}, {exponent!r}) is too large for a float"
        raise OverflowError(msg) from None
    return -magnitude if negative else magnitude


def rational_power(base: int | Fraction, exponent: int | Fraction) -> Fraction:
    """Return ``base ** exponent`` exactly, for a positive rational base and any rational exponent.

    With ``exponent = p/q`` in lowest terms (``q >= 1``), ``a**(p/q)`` is the
    positive ``q``-th root of ``a**p``. That root is rational only when the
    numerator and the denominator of ``a**p`` are both ``q``-th powers of
    integers; otherwise the power is irrational and cannot be returned exactly.

    Args:
        base: The base ``a``; an ``int`` or ``Fraction`` > 0.
        exponent: The exponent ``p/q``; an ``int`` or ``Fraction``.

    Returns:
        ``a ** (p/q)`` as a ``Fraction``.

    Raises:
        TypeError: If ``base`` or ``exponent`` is not an ``int`` or ``Fraction``.
        ValueError: If ``base`` <= 0, or if the power is irrational; also, before
            computing, if ``base ** p`` (``p`` the numerator of the exponent) would
            have more than 100_000 bits (larger ones take over a second).
            [`real_power`][aimath.exponential.powers.real_power] gives a float quickly.

    Examples:
        >>> rational_power(8, Fraction(2, 3))
        Fraction(4, 1)
        >>> rational_power(Fraction(1, 16), Fraction(-3, 4))
        Fraction(8, 1)
        >>> rational_power(2, Fraction(1, 2))
        Traceback (most recent call last):
        ...
        ValueError: 2 ** (1/2) is irrational; use real_power for a float approximation
        >>> rational_power(2, Fraction(10**6, 3))
        Traceback (most recent call last):
        ...
        ValueError: the numerator of exponent must be <= 100_000 for the exact base 2 (the result would pass 100_000 bits: over a second), got 1000000; use real_power for a float approximation
    """
    exact_base = _require_exact(base, "base")
    exact_exponent = _require_exact(exponent, "exponent")
    if exact_base <= 0:
        msg = f"base must be > 0, got {base!r}"
        raise ValueError(msg)
    _refuse_large_exact_power(
        base,
        exact_exponent.numerator,
        _MAX_RATIONAL_POWER_BITS,
        "the numerator of exponent",
        "use real_power for a float approximation",
    )
    power = exact_base**exact_exponent.numerator
    root_numerator = _exact_integer_root(power.numerator, exact_exponent.denominator)
    root_denominator = _exact_integer_root(power.denominator, exact_exponent.denominator)
    if root_numerator is None or root_denominator is None:
        msg = (
            f"{exact_base} ** ({exact_exponent}) is irrational; "
            "use real_power for a float approximation"
        )
        raise ValueError(msg)
    return Fraction(root_numerator, root_denominator)


def _require_exact(value: object, name: str) -> Fraction:
    if not is_exact_number(value):
        msg = f"{name} must be an int or Fraction, got {type(value).__name__}"
        raise TypeError(msg)
    assert isinstance(value, int | Fraction)  # narrowed for mypy by the check above
    return Fraction(value)


def _exact_integer_root(value: int, degree: int) -> int | None:
    """Return the integer ``r >= 0`` with ``r**degree == value``, or None if there is none.

    Newton's method on integers, started above the root, decreases to the
    floor of the real root; the root is exact only if its power gives ``value``
    back.

    Examples:
        >>> _exact_integer_root(64, 3), _exact_integer_root(65, 3)
        (4, None)
    """
    if value < 2:  # 0 and 1 are their own roots
        return value
    if value.bit_length() <= degree:  # 1 < root < 2: no integer root (and 2**degree is never built)
        return None
    root = 1 << -(-value.bit_length() // degree)  # 2**ceil(bits/degree) > the real root
    while True:
        smaller = ((degree - 1) * root + value // root ** (degree - 1)) // degree
        if smaller >= root:
            break
        root = smaller
    return root if root**degree == value else None


def decimal_bracket(x: float, digits: int) -> tuple[Fraction, Fraction]:
    """Return the decimals ``low <= x < high`` with ``digits`` places, ``high - low = 10**-digits``.

    They are rational exponents closing in on a real exponent ``x``: this is how
    ``a**x`` for an irrational ``x`` is reached through rational powers.
    The float ``x`` is used at its exact binary value.

    Args:
        x: A finite real number.
        digits: The number of decimal places; an ``int`` >= 0.

    Returns:
        ``(low, high)`` as ``Fraction`` values.

    Raises:
        TypeError: If ``x`` is not a real number or ``digits`` is not an int.
        ValueError: If ``x`` is not finite or ``digits`` < 0, or above 100_000
            (``10**digits`` is built exactly; more digits take over a second).

    Examples:
        >>> decimal_bracket(1.4142135623730951, 2)
        (Fraction(141, 100), Fraction(71, 50))
        >>> decimal_bracket(-0.25, 1)
        (Fraction(-3, 10), Fraction(-1, 5))
    """
    require_finite_real(x, "x")
    require_int(digits, "digits", minimum=0)
    refuse_above(
        digits,
        _MAX_BRACKET_DIGITS,
        "digits",
        cost="10**digits is built exactly: more take over a second",
        instead="Fraction(x) is the exact value of x (a float has at most 1074 decimal places)",
    )
    scale = 10**digits
    low = Fraction(math.floor(Fraction(x) * scale), scale)
    return low, low + Fraction(1, scale)
