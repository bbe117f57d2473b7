"""Both sides of the exponent laws (1.1)-(1.4), evaluated in floating point.

For a base ``a > 0`` and real exponents ``x``, ``y``:

- (1.1) ``a**x * a**y == a**(x + y)``
- (1.2) ``1 / a**x == a**(-x)``
- (1.3) ``a**y / a**x == a**(y - x)``
- (1.4) ``(a**x)**y == a**(x * y)``

In floats the two sides are computed by different chains of rounded
operations, so they may differ in the last bits.
[`law_rel_tol`][aimath.exponential.laws.law_rel_tol] gives a relative tolerance for `math.isclose`
derived from those chains. Exact checks (integer or rational exponents) use
[`integer_power`][aimath.exponential.powers.integer_power] and
[`rational_power`][aimath.exponential.powers.rational_power] instead.
"""

from __future__ import annotations

import math
from typing import Final

from aimath._checks import require_finite_real, require_float_result, require_positive_real
from aimath.exponential.powers import real_power

__all__ = [
    "LAWS",
    "UNIT_ROUNDOFF",
    "law_rel_tol",
    "power_law_sides",
    "product_law_sides",
    "quotient_law_sides",
    "reciprocal_law_sides",
]

LAWS: Final = ("1.1", "1.2", "1.3", "1.4")
"""The equation numbers of the exponent laws, as used on the pages."""

UNIT_ROUNDOFF: Final = 2.0**-53
"""The unit roundoff of IEEE 754 double precision, 2**-53: one correctly rounded operation
(``+``, ``*``, ``/``) has a relative error of at most this much.
"""


def _nonzero_power(a: float, x: float) -> float:
    # An intermediate power that underflows to 0.0 would turn the left side into
    # 0, inf or a division by zero; the float range is the problem, so say so.
    power = real_power(a, x)
    if power == 0.0:
        msg = f"{a!r} ** {x!r} underflows to 0.0, outside the range of floats"
        raise OverflowError(msg)
    return power


def product_law_sides(a: float, x: float, y: float) -> tuple[float, float]:
    """Evaluate both sides of (1.1), ``a**x * a**y`` and ``a**(x + y)``.

    Args:
        a: The base; a finite real number > 0.
        x: The first exponent; a finite real number.
        y: The second exponent; a finite real number.

    Returns:
        ``(a**x * a**y, a**(x + y))`` as floats.

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If ``a`` <= 0 or an argument is not finite.
        OverflowError: If a side, or a power on the left, leaves the float range.

    Examples:
        >>> product_law_sides(2, 3, 4)
        (128.0, 128.0)
        >>> product_law_sides(-2, 3, 4)
        Traceback (most recent call last):
        ...
        ValueError: a must be > 0, got -2
    """
    base, first, second = _checked(a, x, y)
    right = real_power(base, first + second)
    left = _nonzero_power(base, first) * _nonzero_power(base, second)
    return require_float_result(left, "a**x * a**y"), right


def reciprocal_law_sides(a: float, x: float) -> tuple[float, float]:
    """Evaluate both sides of (1.2), ``1 / a**x`` and ``a**(-x)``.

    Args:
        a: The base; a finite real number > 0.
        x: The exponent; a finite real number.

    Returns:
        ``(1 / a**x, a**(-x))`` as floats.

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If ``a`` <= 0 or an argument is not finite.
        OverflowError: If a side, or ``a**x``, leaves the float range.

    Examples:
        >>> reciprocal_law_sides(2, 3)
        (0.125, 0.125)
    """
    base, exponent, _ = _checked(a, x, 0.0)
    right = real_power(base, -exponent)
    left = 1.0 / _nonzero_power(base, exponent)
    return require_float_result(left, "1 / a**x"), right


def quotient_law_sides(a: float, x: float, y: float) -> tuple[float, float]:
    """Evaluate both sides of (1.3), ``a**y / a**x`` and ``a**(y - x)``.

    Args:
        a: The base; a finite real number > 0.
        x: The exponent of the denominator; a finite real number.
        y: The exponent of the numerator; a finite real number.

    Returns:
        ``(a**y / a**x, a**(y - x))`` as floats.

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If ``a`` <= 0 or an argument is not finite.
        OverflowError: If a side, or a power on the left, leaves the float range.

    Examples:
        >>> quotient_law_sides(2, 3, 5)
        (4.0, 4.0)
    """
    base, first, second = _checked(a, x, y)
    right = real_power(base, second - first)
    left = _nonzero_power(base, second) / _nonzero_power(base, first)
    return require_float_result(left, "a**y / a**x"), right


def power_law_sides(a: float, x: float, y: float) -> tuple[float, float]:
    """Evaluate both sides of (1.4), ``(a**x)**y`` and ``a**(x * y)``.

    Args:
        a: The base; a finite real number > 0.
        x: The inner exponent; a finite real number.
        y: The outer exponent; a finite real number.

    Returns:
        ``((a**x)**y, a**(x * y))`` as floats.

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If ``a`` <= 0 or an argument is not finite.
        OverflowError: If a side, or ``a**x``, leaves the float range.

    Examples:
        >>> power_law_sides(2, 3, 2)
        (64.0, 64.0)
        >>> power_law_sides(4, 0.5, 3)
        (8.0, 8.0)
    """
    base, inner, outer = _checked(a, x, y)
    right = real_power(base, inner * outer)
    left = real_power(_nonzero_power(base, inner), outer)
    return left, right


def _checked(a: object, x: object, y: object) -> tuple[float, float, float]:
    return (
        require_positive_real(a, "a"),
        require_finite_real(x, "x"),
        require_finite_real(y, "y"),
    )


def law_rel_tol(law: str, a: float, x: float, y: float = 0.0) -> float:
    """Return a relative tolerance that covers the rounding of both sides of a law.

    Write ``u`` for [`UNIT_ROUNDOFF`][aimath.exponential.laws.UNIT_ROUNDOFF]. ``real_power``
    (``math.pow``) is accurate to 1 ulp on the platforms we test (glibc, Apple's libm; the C
    standard does not promise it), a relative error of at most ``2u``; ``*`` and ``/`` add
    at most ``u`` each. Rounding the exponent (``x + y``, ``y - x``, ``x * y``)
    moves it by at most ``u`` times its size ``t``, which changes ``a**t`` by a
    factor of about ``1 + |t ln a| u``. Raising ``a**x`` (error ``2u``) to the
    power ``y`` multiplies that error by ``|y|``. Adding the errors of both
    sides gives, to first order,

    - (1.1) ``(7 + |(x + y) ln a|) u``,
    - (1.2) ``5u`` (``-x`` is exact),
    - (1.3) ``(7 + |(y - x) ln a|) u``,
    - (1.4) ``(4 + 2|y| + |x y ln a|) u``.

    The tolerance is twice that bound, a margin for the neglected second-order
    terms. It holds while every power stays in the normal float range (no
    underflow to subnormal numbers).

    Args:
        law: The equation number: ``"1.1"``, ``"1.2"``, ``"1.3"`` or ``"1.4"``.
        a: The base; a finite real number > 0.
        x: The exponent ``x``; a finite real number.
        y: The exponent ``y``; a finite real number (not used by (1.2)).

    Returns:
        A relative tolerance for `math.isclose` (``rel_tol``).

    Raises:
        TypeError: If ``a``, ``x`` or ``y`` is not a real number.
        ValueError: If ``law`` is not one of [`LAWS`][aimath.exponential.laws.LAWS], ``a`` <= 0
            or an argument is not finite.

    Examples:
        >>> law_rel_tol("1.2", 10, 0.5)
        1.1102230246251565e-15
        >>> law_rel_tol("2.1", 10, 0.5)
        Traceback (most recent call last):
        ...
        ValueError: law must be one of ('1.1', '1.2', '1.3', '1.4'), got '2.1'
    """
    base, first, second = _checked(a, x, y)
    log_base = abs(math.log(base))
    units_of_roundoff = {
        "1.1": 7 + abs(first + second) * log_base,
        "1.2": 5.0,
        "1.3": 7 + abs(second - first) * log_base,
        "1.4": 4 + 2 * abs(second) + abs(first * second) * log_base,
    }
    if law not in units_of_roundoff:
        msg = f"law must be one of {LAWS}, got {law!r}"
        raise ValueError(msg)
    return 2 * units_of_roundoff[law] * UNIT_ROUNDOFF
