"""Logarithms as inverses of exponentials, and their derivatives (3.1), (3.2).

For ``x > 0``, ``ln x`` is the one real ``y`` with ``e**y = x``; for a base
``a > 0, a != 1``, ``log_a x`` is the one real ``y`` with ``a**y = x``. Both are
defined only for ``x > 0`` because ``e**y`` and ``a**y`` are always positive, and
``a = 1`` is excluded because ``1**y = 1`` for every ``y``.

Differentiating ``x = e**y`` with (1.6) gives ``(ln x)' = 1/x`` (3.1); with (1.5),
``x = a**y`` gives ``(log_a x)' = 1/(x ln a)`` (3.2).
"""

from __future__ import annotations

import math

from aimath._checks import require_positive_real

__all__ = [
    "log_base",
    "log_base_derivative",
    "natural_log",
    "natural_log_derivative",
]


def _require_log_base(base: object) -> float:
    a = require_positive_real(base, "base")
    if a == 1:
        msg = "base must not be 1 (1**y == 1 for every y, so log_1 is undefined)"
        raise ValueError(msg)
    return a


def natural_log(x: float) -> float:
    """Return the natural logarithm ``ln x = log_e x``, the ``y`` with ``e**y == x``.

    Python's ``math.log`` is this logarithm; this function only adds a clear
    error for ``x <= 0``, where ``math.log`` says ``math domain error``.

    Args:
        x: A finite real number > 0.

    Returns:
        ``ln x`` as a float.

    Raises:
        TypeError: If ``x`` is not a real number.
        ValueError: If ``x`` <= 0 or is not finite.

    Examples:
        >>> natural_log(1)
        0.0
        >>> natural_log(math.e)
        1.0
        >>> natural_log(0)
        Traceback (most recent call last):
        ...
        ValueError: x must be > 0, got 0
    """
    return math.log(require_positive_real(x, "x"))


def log_base(x: float, base: float) -> float:
    """Return ``log_a x``, the ``y`` with ``a**y == x``, for ``a > 0, a != 1``.

    Computed as ``ln x / ln a`` (from ``x = a**y = e**(y ln a)``), except for the
    bases 2 and 10, where ``math.log2`` and ``math.log10`` are exact on exact
    powers; ``math.log(1000, 10)`` is ``2.9999999999999996``.

    Args:
        x: A finite real number > 0.
        base: The base ``a``; a finite real number > 0 other than 1.

    Returns:
        ``log_a x`` as a float.

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If ``x`` <= 0, ``base`` <= 0, ``base`` == 1, or an argument
            is not finite.

    Examples:
        >>> log_base(1000, 10)
        3.0
        >>> log_base(0.25, 2)
        -2.0
        >>> log_base(8, 1)
        Traceback (most recent call last):
        ...
        ValueError: base must not be 1 (1**y == 1 for every y, so log_1 is undefined)
    """
    value = require_positive_real(x, "x")
    a = _require_log_base(base)
    if a == 2:
        return math.log2(value)
    if a == 10:
        return math.log10(value)
    return math.log(value) / math.log(a)


def natural_log_derivative(x: float) -> float:
    """Return the derivative of ``ln`` at ``x``: ``1 / x``, formula (3.1).

    Args:
        x: A finite real number > 0.

    Returns:
        ``1 / x`` as a float.

    Raises:
        TypeError: If ``x`` is not a real number.
        ValueError: If ``x`` <= 0 or is not finite.
        OverflowError: If ``1 / x`` is too large for a float.

    Examples:
        >>> natural_log_derivative(4)
        0.25
        >>> natural_log_derivative(-1)
        Traceback (most recent call last):
        ...
        ValueError: x must be > 0, got -1
    """
    value = require_positive_real(x, "x")
    result = 1.0 / value
    if math.isinf(result):
        # Only subnormal x get here: 1/x overflows instead of dividing by zero.
        msg = f"1/x is too large for a float at x = {x!r}"
        raise OverflowError(msg)
    return result


def log_base_derivative(x: float, base: float) -> float:
    """Return the derivative of ``log_a`` at ``x``: ``1 / (x ln a)``, formula (3.2).

    Args:
        x: A finite real number > 0.
        base: The base ``a``; a finite real number > 0 other than 1.

    Returns:
        ``1 / (x ln a)`` as a float; negative when ``0 < a < 1``.

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If ``x`` <= 0, ``base`` <= 0, ``base`` == 1, or an argument
            is not finite.
        OverflowError: If the result is too large for a float.

    Examples:
        >>> log_base_derivative(1, math.e)
        1.0
        >>> log_base_derivative(2, 0.5) < 0
        True
    """
    value = require_positive_real(x, "x")
    a = _require_log_base(base)
    denominator = value * math.log(a)
    # For tiny x and a close to 1, x ln a can underflow to 0 or 1/(x ln a) overflow.
    result = 1.0 / denominator if denominator != 0 else math.inf
    if math.isinf(result):
        msg = f"1/(x ln a) is too large for a float at x = {x!r}, base = {base!r}"
        raise OverflowError(msg)
    return result
