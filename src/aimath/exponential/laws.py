"""Both sides of the exponent laws (1.1)-(1.4), (1.7) and (1.8), evaluated in floating point.

For a base ``a > 0`` and real exponents ``x``, ``y``:

- (1.1) ``a**x * a**y == a**(x + y)``
- (1.2) ``1 / a**x == a**(-x)``
- (1.3) ``a**y / a**x == a**(y - x)``
- (1.4) ``(a**x)**y == a**(x * y)``
- (1.7) ``(a * b)**x == a**x * b**x`` and (1.8) ``(a / b)**x == a**x / b**x``,
  for a second base ``b > 0``

In floats the two sides are computed by different chains of rounded
operations, so they may differ in the last bits.
[`law_rel_tol`][aimath.exponential.laws.law_rel_tol] gives a relative tolerance for `math.isclose`
derived from those chains. Exact checks (integer or rational exponents) use
[`integer_power`][aimath.exponential.powers.integer_power] and
[`rational_power`][aimath.exponential.powers.rational_power] instead.
"""

from __future__ import annotations

import math
import sys
from typing import Final

from aimath._checks import require_finite_real, require_positive_real
from aimath.exponential.powers import real_power

__all__ = [
    "BASE_LAWS",
    "LAWS",
    "UNIT_ROUNDOFF",
    "base_law_rel_tol",
    "law_rel_tol",
    "power_law_sides",
    "power_of_product_sides",
    "power_of_quotient_sides",
    "product_law_sides",
    "quotient_law_sides",
    "reciprocal_law_sides",
]

LAWS: Final = ("1.1", "1.2", "1.3", "1.4")
"""The equation numbers of the exponent laws, as used on the pages."""

BASE_LAWS: Final = ("1.7", "1.8")
"""The equation numbers of the laws for two bases, (ab)^x and (a/b)^x."""

UNIT_ROUNDOFF: Final = 2.0**-53
"""The unit roundoff of IEEE 754 double precision, 2**-53: one correctly rounded operation
(``+``, ``*``, ``/``) has a relative error of at most this much.
"""


def _normal_float(value: float, what: str) -> float:
    # The rounding bounds of law_rel_tol and base_law_rel_tol are relative errors,
    # which hold only for normal floats. A value that overflowed (inf), underflowed
    # to 0.0 or fell into the subnormal range (below sys.float_info.min, where
    # floats have fewer significant bits) would make them meaningless, so refuse it.
    if math.isinf(value) or value < sys.float_info.min:
        msg = f"{what} = {value!r} is outside the normal range of floats"
        raise OverflowError(msg)
    return value


def _normal_power(a: float, x: float, what: str) -> float:
    return _normal_float(real_power(a, x), what)


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
        OverflowError: If a side, or a power on the left, leaves the normal float range
            (overflow, or underflow to 0.0 or a subnormal number).

    Examples:
        >>> product_law_sides(2, 3, 4)
        (128.0, 128.0)
        >>> product_law_sides(-2, 3, 4)
        Traceback (most recent call last):
        ...
        ValueError: a must be > 0, got -2
    """
    base, first, second = _checked(a, x, y)
    right = _normal_power(base, first + second, "a**(x + y)")
    left = _normal_power(base, first, "a**x") * _normal_power(base, second, "a**y")
    return _normal_float(left, "a**x * a**y"), right


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
        OverflowError: If a side, or ``a**x``, leaves the normal float range
            (overflow, or underflow to 0.0 or a subnormal number).

    Examples:
        >>> reciprocal_law_sides(2, 3)
        (0.125, 0.125)
    """
    base, exponent, _ = _checked(a, x, 0.0)
    right = _normal_power(base, -exponent, "a**(-x)")
    left = 1.0 / _normal_power(base, exponent, "a**x")
    return _normal_float(left, "1 / a**x"), right


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
        OverflowError: If a side, or a power on the left, leaves the normal float range
            (overflow, or underflow to 0.0 or a subnormal number).

    Examples:
        >>> quotient_law_sides(2, 3, 5)
        (4.0, 4.0)
    """
    base, first, second = _checked(a, x, y)
    right = _normal_power(base, second - first, "a**(y - x)")
    left = _normal_power(base, second, "a**y") / _normal_power(base, first, "a**x")
    return _normal_float(left, "a**y / a**x"), right


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
        OverflowError: If a side, or ``a**x``, leaves the normal float range
            (overflow, or underflow to 0.0 or a subnormal number).

    Examples:
        >>> power_law_sides(2, 3, 2)
        (64.0, 64.0)
        >>> power_law_sides(4, 0.5, 3)
        (8.0, 8.0)
    """
    base, inner, outer = _checked(a, x, y)
    right = _normal_power(base, inner * outer, "a**(x * y)")
    left = _normal_power(_normal_power(base, inner, "a**x"), outer, "(a**x)**y")
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
    underflow to subnormal numbers); the ``*_sides`` functions raise
    ``OverflowError`` otherwise.

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


def power_of_product_sides(a: float, b: float, x: float) -> tuple[float, float]:
    r"""Evaluate both sides of (1.7), \((ab)^{x}\) and \(a^{x} b^{x}\).

    Args:
        a: The first base; a finite real number > 0.
        b: The second base; a finite real number > 0.
        x: The exponent; a finite real number.

    Returns:
        `((a * b) ** x, a ** x * b ** x)` as floats.

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If `a` or `b` is <= 0, or an argument is not finite.
        OverflowError: If `a * b`, a power or a side leaves the normal float range.

    Examples:
        >>> power_of_product_sides(4, 9, 0.5)
        (6.0, 6.0)
        >>> power_of_product_sides(-1, -1, 0.5)
        Traceback (most recent call last):
        ...
        ValueError: a must be > 0, got -1
    """
    first, second, exponent = _checked_bases(a, b, x)
    left = _normal_power(_normal_float(first * second, "a * b"), exponent, "(a * b)**x")
    right = _normal_power(first, exponent, "a**x") * _normal_power(second, exponent, "b**x")
    return left, _normal_float(right, "a**x * b**x")


def power_of_quotient_sides(a: float, b: float, x: float) -> tuple[float, float]:
    r"""Evaluate both sides of (1.8), \((a/b)^{x}\) and \(a^{x} / b^{x}\).

    Args:
        a: The base of the numerator; a finite real number > 0.
        b: The base of the denominator; a finite real number > 0.
        x: The exponent; a finite real number.

    Returns:
        `((a / b) ** x, a ** x / b ** x)` as floats.

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If `a` or `b` is <= 0, or an argument is not finite.
        OverflowError: If `a / b`, a power or a side leaves the normal float range.

    Examples:
        >>> power_of_quotient_sides(8, 27, 1 / 3)
        (0.6666666666666666, 0.6666666666666666)
    """
    first, second, exponent = _checked_bases(a, b, x)
    left = _normal_power(_normal_float(first / second, "a / b"), exponent, "(a / b)**x")
    right = _normal_power(first, exponent, "a**x") / _normal_power(second, exponent, "b**x")
    return left, _normal_float(right, "a**x / b**x")


def _checked_bases(a: object, b: object, x: object) -> tuple[float, float, float]:
    return (
        require_positive_real(a, "a"),
        require_positive_real(b, "b"),
        require_finite_real(x, "x"),
    )


def base_law_rel_tol(law: str, x: float) -> float:
    r"""Return a relative tolerance that covers the rounding of both sides of (1.7) or (1.8).

    Write \(u\) for `UNIT_ROUNDOFF`. On the
    left, `a * b` (or `a / b`) is rounded once, a relative error of at most
    \(u\), which the power \(x\) multiplies by \(|x|\); the power itself adds
    \(2u\) (`math.pow` is within 1 ulp on the platforms we test). On the right,
    two powers and one product or quotient add \(2u + 2u + u\). To first order
    the sides differ by at most \((7 + |x|)\,u\), for both laws and whatever
    the bases; the tolerance is twice that, a margin for the neglected
    second-order terms. It holds while `a * b` (or `a / b`) and every power stay
    in the normal float range.

    Args:
        law: The equation number: `"1.7"` or `"1.8"`.
        x: The exponent; a finite real number.

    Returns:
        A relative tolerance for `math.isclose` (`rel_tol`).

    Raises:
        TypeError: If `x` is not a real number.
        ValueError: If `law` is not one of
            `BASE_LAWS` or `x` is not finite.

    Examples:
        >>> base_law_rel_tol("1.7", 0.5) == 2 * 7.5 * UNIT_ROUNDOFF
        True
        >>> base_law_rel_tol("1.4", 0.5)
        Traceback (most recent call last):
        ...
        ValueError: law must be one of ('1.7', '1.8'), got '1.4'
    """
    exponent = require_finite_real(x, "x")
    if law not in BASE_LAWS:
        msg = f"law must be one of {BASE_LAWS}, got {law!r}"
        raise ValueError(msg)
    return 2 * (7 + abs(exponent)) * UNIT_ROUNDOFF
