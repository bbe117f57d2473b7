"""Argument checks shared by the teaching library.

Every public function validates its input with these helpers, so that bad input
raises a clear exception naming the argument instead of silently producing
``nan``, ``inf`` or a complex number.
"""

from __future__ import annotations

import math
from fractions import Fraction
from numbers import Real

__all__ = [
    "describe",
    "exact_bits",
    "refuse_above",
    "require_finite_real",
    "require_float_result",
    "require_int",
    "require_positive_real",
]


def require_finite_real(value: object, name: str) -> float:
    """Return ``value`` as a float, or raise if it is not a finite real number.

    Args:
        value: The argument to check.
        name: The argument's name, used in the error message.

    Returns:
        The value converted to ``float``.

    Raises:
        TypeError: If ``value`` is not a real number (``bool`` is rejected too).
        ValueError: If ``value`` is ``nan`` or infinite.

    Examples:
        >>> require_finite_real(2, "x")
        2.0
        >>> require_finite_real("2", "x")
        Traceback (most recent call last):
        ...
        TypeError: x must be a real number, got str
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        msg = f"{name} must be a real number, got {type(value).__name__}"
        raise TypeError(msg)
    as_float = float(value)
    if not math.isfinite(as_float):
        msg = f"{name} must be finite, got {value!r}"
        raise ValueError(msg)
    return as_float


def require_positive_real(value: object, name: str) -> float:
    """Return ``value`` as a float, or raise unless it is a finite real number > 0.

    Args:
        value: The argument to check.
        name: The argument's name, used in the error message.

    Returns:
        The value converted to ``float``.

    Raises:
        TypeError: If ``value`` is not a real number.
        ValueError: If ``value`` is not finite or not strictly positive.

    Examples:
        >>> require_positive_real(0.5, "a")
        0.5
        >>> require_positive_real(-8, "a")
        Traceback (most recent call last):
        ...
        ValueError: a must be > 0, got -8
    """
    as_float = require_finite_real(value, name)
    if as_float <= 0:
        msg = f"{name} must be > 0, got {value!r}"
        raise ValueError(msg)
    return as_float


def require_float_result(value: float, what: str) -> float:
    """Return a computed ``value``, or raise OverflowError if it came out infinite.

    Public functions never hand an inf to the reader; they say which result
    left the range of floats, as ``math.exp`` does.

    Args:
        value: A result computed in floats.
        what: What the result is, used in the error message.

    Returns:
        ``value`` unchanged.

    Raises:
        OverflowError: If ``value`` is infinite.

    Examples:
        >>> require_float_result(1e308 * 10, "a**x * a**y")
        Traceback (most recent call last):
        ...
        OverflowError: a**x * a**y is too large for a float
    """
    if math.isinf(value):
        msg = f"{what} is too large for a float"
        raise OverflowError(msg)
    return value


def require_int(value: object, name: str, *, minimum: int | None = None) -> int:
    """Return ``value`` if it is an ``int`` (not ``bool``), optionally bounded below.

    Args:
        value: The argument to check.
        name: The argument's name, used in the error message.
        minimum: The smallest allowed value, if any.

    Returns:
        The value itself.

    Raises:
        TypeError: If ``value`` is not an ``int``.
        ValueError: If ``value`` is below ``minimum``.

    Examples:
        >>> require_int(3, "n", minimum=0)
        3
        >>> require_int(-1, "digits", minimum=0)
        Traceback (most recent call last):
        ...
        ValueError: digits must be >= 0, got -1
    """
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{name} must be an int, got {type(value).__name__}"
        raise TypeError(msg)
    if minimum is not None and value < minimum:
        msg = f"{name} must be >= {minimum}, got {value}"
        raise ValueError(msg)
    return value


def is_exact_number(value: object) -> bool:
    """Tell whether ``value`` is an exact rational (``int`` or ``Fraction``, not ``bool``).

    Args:
        value: Any object.

    Returns:
        ``True`` for ``int`` and ``Fraction`` values.

    Examples:
        >>> is_exact_number(Fraction(1, 3)), is_exact_number(0.5)
        (True, False)
    """
    return isinstance(value, int | Fraction) and not isinstance(value, bool)


def describe(value: object) -> str:
    """Return ``repr(value)``, or a short description of an exact number too long to print.

    Error messages show the bad argument; an int of millions of digits would make
    a message of millions of characters (and ``str`` refuses ints above 4300
    digits).

    Args:
        value: Any object.

    Returns:
        Its ``repr``, or ``"an int of N bits"`` / ``"a Fraction of N bits"``.

    Examples:
        >>> describe(10**9)
        '1000000000'
        >>> describe(2**5000)
        'an int of 5001 bits'
    """
    if is_exact_number(value):
        assert isinstance(value, int | Fraction)  # narrowed for mypy by the check above
        ratio = Fraction(value)
        bits = abs(ratio.numerator).bit_length() + ratio.denominator.bit_length() - 1
        if bits > _DESCRIBE_BITS:
            kind = "an int" if isinstance(value, int) else "a Fraction"
            return f"{kind} of {bits} bits"
    return repr(value)


_DESCRIBE_BITS = 256


def exact_bits(value: int | Fraction) -> float:
    """Return ``log2 |numerator| + log2 denominator``, the bits one exact factor adds to a product.

    A power ``a**n`` of an exact ``a`` has about ``n`` times this many bits in its
    numerator and denominator together; the limits on exact powers are stated in bits.

    Args:
        value: An ``int`` or ``Fraction``.

    Returns:
        The number of bits, 0.0 for 0, 1 and -1.

    Examples:
        >>> exact_bits(8)
        3.0
        >>> exact_bits(Fraction(1, 4))
        2.0
    """
    ratio = Fraction(value)
    numerator = abs(ratio.numerator)
    return (math.log2(numerator) if numerator else 0.0) + math.log2(ratio.denominator)


def refuse_above(value: int, limit: int, name: str, *, cost: str, instead: str) -> None:
    """Raise ValueError before a call that would run too long: ``value`` above ``limit``.

    The message names the argument, states the limit and why it exists, and
    points to a fast way of getting what the caller wants.

    Args:
        value: The size the caller asked for (an argument, or a size computed from one).
        limit: The largest accepted size.
        name: The argument's name, used in the error message.
        cost: Why the limit exists, e.g. ``"one multiplication per factor"``.
        instead: What to use instead, e.g. ``"use integer_power, which squares instead"``.

    Raises:
        ValueError: If ``value`` > ``limit``.

    Examples:
        >>> refuse_above(10, 100, "n", cost="n steps", instead="use f")
        >>> refuse_above(10**9, 1_000_000, "n", cost="n steps", instead="use f")
        Traceback (most recent call last):
        ...
        ValueError: n must be <= 1_000_000 (n steps), got 1000000000; use f
    """
    if value > limit:
        msg = f"{name} must be <= {limit:_} ({cost}), got {describe(value)}; {instead}"
        raise ValueError(msg)
