"""Powers: from repeated multiplication to real exponents.

A power ``a**n`` with a positive integer ``n`` is ``a`` multiplied by itself ``n``
times. Extending the exponent to all real numbers keeps the laws (1.1)-(1.4) only
when the base is positive, which is why :func:`real_power` insists on ``a > 0``.
"""

from __future__ import annotations

import math
from fractions import Fraction

from aimath._checks import (
    is_exact_number,
    require_finite_real,
    require_int,
    require_positive_real,
)

__all__ = ["power_by_repeated_multiplication", "real_power"]


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
        ValueError: If ``exponent`` < 1 or ``base`` is not finite.

    Examples:
        >>> power_by_repeated_multiplication(2, 3)
        8
        >>> power_by_repeated_multiplication(Fraction(1, 2), 4)
        Fraction(1, 16)
        >>> power_by_repeated_multiplication(2, 0)
        Traceback (most recent call last):
        ...
        ValueError: exponent must be >= 1, got 0
    """
    require_int(exponent, "exponent", minimum=1)
    if not is_exact_number(base):
        require_finite_real(base, "base")
    product = base
    for _ in range(exponent - 1):
        product = product * base
    return product


def real_power(base: float, exponent: float) -> float:
    """Return ``base ** exponent`` for a positive base and any real exponent.

    For ``a > 0`` the power ``a**x`` is defined for every real ``x`` as
    ``exp(x * ln a)``, and it is always a positive real number. A base <= 0 is
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
