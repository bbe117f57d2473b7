"""Derivatives of exponential functions, exact and numerical.

The derivative of ``f`` at ``x`` is the limit of the difference quotient
``(f(x + h) - f(x)) / h`` as ``h -> 0``. For ``f(x) = a**x`` law (1.1) splits
the quotient into ``a**x * (a**h - 1) / h``, so everything hinges on the limit
of [`exponential_slope_quotient`][aimath.exponential.derivatives.exponential_slope_quotient]; it is
``ln a``, which gives (1.5) ``(a**x)' = a**x * ln a`` and, for ``a = e``, (1.6) ``(e**x)' = e**x``.

The numerical side uses the central difference ``(f(x + h) - f(x - h)) / (2h)``.
Its truncation error shrinks like ``h**2`` while its rounding error grows like
``eps / h``; [`default_step`][aimath.exponential.derivatives.default_step] balances the two.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple, cast

from aimath._checks import require_finite_real, require_positive_real
from aimath.exponential.powers import real_power

__all__ = [
    "CentralDifferenceError",
    "Line",
    "central_difference",
    "central_difference_error",
    "default_step",
    "difference_quotient",
    "exponential_derivative",
    "exponential_slope_quotient",
    "tangent_line",
]

#: The cube root of the machine epsilon of a float, about 6.06e-6.
_CBRT_EPSILON = math.cbrt(sys.float_info.epsilon)


def _require_callable(function: object, name: str) -> Callable[[float], float]:
    if not callable(function):
        msg = f"{name} must be callable, got {type(function).__name__}"
        raise TypeError(msg)
    return cast("Callable[[float], float]", function)


def _require_nonzero_step(h: object) -> float:
    step = require_finite_real(h, "h")
    if step == 0:
        msg = "h must be nonzero, got 0"
        raise ValueError(msg)
    return step


def _finite_value(function: Callable[[float], float], x: float, label: str) -> float:
    # A function that returns nan or inf must not leak into a derivative silently.
    return require_finite_real(function(x), label)


def _finite_result(value: float, what: str) -> float:
    # Finite inputs can still give an infinite quotient when h is tiny.
    if not math.isfinite(value):
        msg = f"{what} is too large for a float"
        raise OverflowError(msg)
    return value


def difference_quotient(function: Callable[[float], float], x: float, h: float) -> float:
    """Return the difference quotient ``(f(x + h) - f(x)) / h``.

    It is the slope of the secant through ``(x, f(x))`` and ``(x + h, f(x + h))``;
    its limit as ``h -> 0`` is the derivative ``f'(x)``. ``h`` may be negative
    (the secant to the left), but not zero.

    Args:
        function: The function ``f``, taking and returning a float.
        x: The point ``x``; a finite real number.
        h: The step; a finite real number other than 0.

    Returns:
        The quotient as a float.

    Raises:
        TypeError: If ``function`` is not callable or a number is not real.
        ValueError: If ``h`` is 0, an argument is not finite, or ``f`` returns
            a value that is not a finite real number.
        OverflowError: If the quotient is too large for a float.

    Examples:
        >>> difference_quotient(lambda t: t * t, 3, 0.5)
        6.5
        >>> difference_quotient(lambda t: t * t, 3, 0)
        Traceback (most recent call last):
        ...
        ValueError: h must be nonzero, got 0
    """
    f = _require_callable(function, "function")
    point = require_finite_real(x, "x")
    step = _require_nonzero_step(h)
    ahead = _finite_value(f, point + step, "f(x + h)")
    here = _finite_value(f, point, "f(x)")
    return _finite_result((ahead - here) / step, "the difference quotient")


def default_step(x: float) -> float:
    """Return the step that ``central_difference`` uses at ``x`` when none is given.

    The central difference has a truncation error of about ``h**2 / 6 * |f'''(x)|``
    and a rounding error of about ``eps * |f(x)| / h``. Their sum is smallest for
    ``h`` near the cube root of ``eps`` times the scale on which ``f`` changes.
    Without knowing ``f``, the scale is taken to be ``max(1, |x|)``.

    Args:
        x: The point where the derivative is wanted; a finite real number.

    Returns:
        ``cbrt(eps) * max(1, |x|)``, where ``eps`` is the float machine epsilon.

    Raises:
        TypeError: If ``x`` is not a real number.
        ValueError: If ``x`` is not finite.

    Examples:
        >>> default_step(0.5)
        6.0554544523933395e-06
        >>> default_step(-100.0)
        0.000605545445239334
    """
    point = require_finite_real(x, "x")
    return _CBRT_EPSILON * max(1.0, abs(point))


def central_difference(
    function: Callable[[float], float], x: float, h: float | None = None
) -> float:
    """Approximate ``f'(x)`` by the central difference ``(f(x + h) - f(x - h)) / (2h)``.

    For a function with a continuous third derivative the error is
    ``h**2 / 6 * f'''(x)`` plus terms of higher order in ``h``, one order better
    than [`difference_quotient`][aimath.exponential.derivatives.difference_quotient]. Rounding adds
    an error of about ``eps * |f(x)| / h``, so ``h`` must not be too small either; the default is
    [`default_step`][aimath.exponential.derivatives.default_step]. ``f`` must be defined on
    ``[x - h, x + h]``.

    Args:
        function: The function ``f``, taking and returning a float.
        x: The point ``x``; a finite real number.
        h: The step; a finite real number > 0, or ``None`` for
            ``default_step(x)``.

    Returns:
        The approximation of ``f'(x)`` as a float.

    Raises:
        TypeError: If ``function`` is not callable or a number is not real.
        ValueError: If ``h`` <= 0, an argument is not finite, or ``f`` returns a
            value that is not a finite real number.
        OverflowError: If the result is too large for a float.

    Examples:
        >>> central_difference(lambda t: t * t, 3, 0.5)
        6.0
        >>> round(central_difference(math.exp, 0.0), 9)
        1.0
        >>> central_difference(math.exp, 0.0, h=-0.1)
        Traceback (most recent call last):
        ...
        ValueError: h must be > 0, got -0.1
    """
    f = _require_callable(function, "function")
    point = require_finite_real(x, "x")
    step = default_step(point) if h is None else require_positive_real(h, "h")
    ahead = _finite_value(f, point + step, "f(x + h)")
    behind = _finite_value(f, point - step, "f(x - h)")
    return _finite_result((ahead - behind) / (2 * step), "the central difference")


class CentralDifferenceError(NamedTuple):
    """The two parts of the error of a central difference, as estimated sizes.

    Attributes:
        truncation: ``h**2 / 6 * |f'''(x)|``, from cutting the Taylor series.
        rounding: ``eps * |f(x)| / h``, from rounding ``f(x + h)`` and ``f(x - h)``.

    Examples:
        >>> error = CentralDifferenceError(truncation=1e-10, rounding=2e-11)
        >>> error.truncation > error.rounding  # this h is too large: a smaller one is better
        True
        >>> truncation, rounding = error  # a named tuple unpacks like any tuple
        >>> rounding
        2e-11
    """

    truncation: float
    rounding: float


def central_difference_error(
    h: float, value: float, third_derivative: float
) -> CentralDifferenceError:
    """Estimate the truncation and the rounding error of a central difference.

    Taylor's theorem gives
    ``(f(x + h) - f(x - h)) / (2h) = f'(x) + h**2 / 6 * f'''(x) + ...``, so
    cutting the series costs about ``h**2 / 6 * |f'''(x)|``. Each of
    ``f(x + h)`` and ``f(x - h)`` is rounded by up to about ``eps/2 * |f(x)|``;
    the difference, divided by ``2h``, can be off by about ``eps * |f(x)| / (2h)``.
    Allowing twice that for a function computed to within one unit in the last
    place gives ``eps * |f(x)| / h``. (Rounding ``x + h`` and ``x - h`` adds about
    ``eps * |x * f'(x)| / (2h)``, left out here; it matters only when
    ``|x * f'(x)|`` is much larger than ``|f(x)|``.) The first estimate falls and the second
    grows as ``h`` shrinks.

    Args:
        h: The step; a finite real number > 0.
        value: ``f(x)``; a finite real number.
        third_derivative: ``f'''(x)``; a finite real number.

    Returns:
        The two estimates, as a
        [`CentralDifferenceError`][aimath.exponential.derivatives.CentralDifferenceError].

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If ``h`` <= 0 or an argument is not finite.

    Examples:
        >>> central_difference_error(1e-3, 1.0, 6.0)
        CentralDifferenceError(truncation=1e-06, rounding=2.220446049250313e-13)
    """
    step = require_positive_real(h, "h")
    size = abs(require_finite_real(value, "value"))
    third = abs(require_finite_real(third_derivative, "third_derivative"))
    return CentralDifferenceError(
        truncation=step * step / 6 * third,
        rounding=sys.float_info.epsilon * size / step,
    )


def exponential_slope_quotient(base: float, h: float) -> float:
    """Return ``(a**h - 1) / h``, the difference quotient of ``a**x`` at ``x = 0``.

    By law (1.1), ``(a**(x + h) - a**x) / h = a**x * (a**h - 1) / h``: the
    slope of ``a**x`` anywhere is ``a**x`` times this quotient in the limit
    ``h -> 0``. That limit is ``ln a``; it equals 1 only for ``a = e``.

    Args:
        base: The base ``a``; a finite real number > 0.
        h: The step; a finite real number other than 0 (it may be negative).

    Returns:
        The quotient as a float.

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If ``base`` <= 0, ``h`` is 0 or an argument is not finite.
        OverflowError: If ``a**h`` is too large for a float.

    Examples:
        >>> exponential_slope_quotient(2, 1)
        1.0
        >>> exponential_slope_quotient(4, 0.5)
        2.0
        >>> exponential_slope_quotient(0, 0.5)
        Traceback (most recent call last):
        ...
        ValueError: base must be > 0, got 0
    """
    step = _require_nonzero_step(h)
    power = real_power(base, step)
    return _finite_result((power - 1.0) / step, "the quotient")


def exponential_derivative(base: float, x: float) -> float:
    """Return the derivative of ``a**x`` at ``x``: ``a**x * ln a``, formula (1.5).

    (1.5) holds for every ``a > 0``; for ``a = 1`` both sides are 0. With
    ``a = e`` it reads ``(e**x)' = e**x``, formula (1.6).

    Args:
        base: The base ``a``; a finite real number > 0.
        x: The point ``x``; a finite real number.

    Returns:
        ``a**x * ln a`` as a float.

    Raises:
        TypeError: If an argument is not a real number.
        ValueError: If ``base`` <= 0 or an argument is not finite.
        OverflowError: If the result is too large for a float.

    Examples:
        >>> exponential_derivative(math.e, 0)
        1.0
        >>> exponential_derivative(1, 5)
        0.0
        >>> exponential_derivative(-2, 1)
        Traceback (most recent call last):
        ...
        ValueError: base must be > 0, got -2
    """
    a = require_positive_real(base, "base")
    power = real_power(base, x)
    return _finite_result(power * math.log(a), f"the derivative of {base!r}**x at {x!r}")


@dataclass(frozen=True)
class Line:
    """The straight line ``y = slope * x + intercept``.

    Attributes:
        slope: The slope of the line.
        intercept: The value of ``y`` at ``x = 0``.

    Examples:
        >>> Line(slope=2.0, intercept=1.0)(3.0)
        7.0
    """

    slope: float
    intercept: float

    def __call__(self, x: float) -> float:
        """Return the height of the line at ``x``.

        Args:
            x: Any real number.

        Returns:
            ``slope * x + intercept``.
        """
        return self.slope * x + self.intercept


def tangent_line(function: Callable[[float], float], x0: float, slope: float) -> Line:
    """Return the line through ``(x0, f(x0))`` with the given slope.

    With ``slope = f'(x0)`` this is the tangent to the graph of ``f`` at ``x0``:
    ``y = f(x0) + f'(x0) * (x - x0)``.

    Args:
        function: The function ``f``, taking and returning a float.
        x0: The point of contact; a finite real number.
        slope: The slope, usually ``f'(x0)``; a finite real number.

    Returns:
        The line, as a [`Line`][aimath.exponential.derivatives.Line].

    Raises:
        TypeError: If ``function`` is not callable or a number is not real.
        ValueError: If a number is not finite or ``f(x0)`` is not a finite real.

    Examples:
        >>> tangent_line(math.exp, 0, slope=1.0)
        Line(slope=1.0, intercept=1.0)
    """
    f = _require_callable(function, "function")
    point = require_finite_real(x0, "x0")
    gradient = require_finite_real(slope, "slope")
    height = _finite_value(f, point, "f(x0)")
    return Line(slope=gradient, intercept=height - gradient * point)
