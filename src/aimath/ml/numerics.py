r"""Tools for checking numbers: exact references, relative errors, numerical derivatives.

``central_difference`` is [`central_difference`][aimath.exponential.derivatives.central_difference].

The references are computed with `decimal` at a precision chosen so that the
result carries about 40 correct significant digits, far beyond a float's 16; a
float result can then be judged by its relative error against them.
"""

from __future__ import annotations

import math
import sys
from decimal import Decimal, localcontext
from fractions import Fraction

from aimath._checks import refuse_above, require_finite_real

# The ML pages check derivatives with the same central difference as the lesson
# (one function, one set of checks on its arguments and on f's values).
from aimath.exponential.derivatives import central_difference

__all__ = ["central_difference", "reference_expm1", "reference_log1p", "relative_error"]

REFERENCE_DIGITS = 40
"""Significant digits kept by the references."""
# Enough digits to hold 1 + x exactly for every float x (the smallest float has
# its last decimal digit at 10**-1074).
_EXACT_SUM_DIGITS = 1100
# relative_error turns a Decimal reference into an exact fraction, which builds
# 10**|exponent|: an exponent of 100_000 takes 0.01 s, a million 0.55 s (measured on the
# project's build machine, 2 shared cores, December 2026), 1E-999999999 would take hours.
_MAX_DECIMAL_EXPONENT = 100_000
# reference_expm1: e**100_000 is about 1E+43429, inside Decimal's default exponent range
# (up to 1E+999999); a larger x would raise decimal.Overflow instead of a clear error.
_MAX_EXPM1_ARGUMENT = 100_000
# relative_error: an exact error above this has no float (float() would raise OverflowError).
_LARGEST_FLOAT = Fraction(sys.float_info.max)


def reference_expm1(x: float) -> Decimal:
    r"""Return \(e^{x} - 1\) for the float ``x``, to about 40 significant digits.

    ``exp`` is evaluated with enough extra digits that subtracting 1 still leaves
    40 correct ones, however small ``x`` is.

    Args:
        x: A finite real number (taken exactly as the float it converts to).

    Returns:
        \(e^{x} - 1\) as a `Decimal`.

    Raises:
        TypeError: If ``x`` is not a real number.
        ValueError: If ``x`` is not finite.

    Examples:
        >>> reference_expm1(1e-10)  # the float 1e-10 is not exactly 10**-10
        Decimal('1.000000000050000036433863985807669644231E-10')
        >>> reference_expm1(0)
        Decimal('0')
    """
    value = require_finite_real(x, "x")
    if value == 0:
        return Decimal(0)
    if value > _MAX_EXPM1_ARGUMENT:  # Decimal's exp would raise decimal.Overflow
        msg = (
            f"x must be <= {_MAX_EXPM1_ARGUMENT:_} (e**x would leave Decimal's exponent "
            f"range), got {value!r}; beyond about 709.78 no float holds e**x - 1 anyway"
        )
        raise ValueError(msg)
    # exp(x) is about 1 + x: keep 40 digits beyond the position of x's leading digit.
    extra_digits = max(0, -math.floor(math.log10(abs(value))))
    with localcontext() as context:
        context.prec = REFERENCE_DIGITS + extra_digits + 5
        expm1 = Decimal(value).exp() - 1
        context.prec = REFERENCE_DIGITS
        return +expm1  # unary plus rounds to the context's precision


def reference_log1p(x: float) -> Decimal:
    r"""Return \(\ln(1 + x)\) for the float ``x > -1``, to about 40 significant digits.

    ``1 + x`` is formed exactly (no rounding at all), and `Decimal.ln` is
    correctly rounded, so no digit of a small ``x`` is lost.

    Args:
        x: A finite real number > -1.

    Returns:
        \(\ln(1 + x)\) as a `Decimal`.

    Raises:
        TypeError: If ``x`` is not a real number.
        ValueError: If ``x`` is not finite or ``x <= -1``.

    Examples:
        >>> reference_log1p(1e-16)
        Decimal('9.999999999999999290977867240346089853958E-17')
    """
    value = require_finite_real(x, "x")
    if value <= -1:
        msg = f"x must be > -1, got {x!r}"
        raise ValueError(msg)
    with localcontext() as context:
        context.prec = _EXACT_SUM_DIGITS
        one_plus_x = 1 + Decimal(value)
        context.prec = REFERENCE_DIGITS
        return one_plus_x.ln()


def relative_error(computed: float, reference: Decimal | Fraction | float) -> float:
    r"""Return the relative error \(|\text{computed} - \text{reference}| / |\text{reference}|\).

    The difference is taken exactly (with fractions), so the error itself is
    not spoiled by rounding.

    Args:
        computed: The float to judge; finite.
        reference: The accurate value; nonzero.

    Returns:
        The relative error (0.0 when they are equal, 1.0 when ``computed`` is 0).

    Raises:
        TypeError: If an argument is not a number.
        ValueError: If ``computed`` is not finite or ``reference`` is 0 or not finite,
            or a ``Decimal`` reference has an exponent beyond +-100_000 (it is turned
            into an exact fraction; floats lie between about 1E-324 and 1E+308).

    Examples:
        >>> relative_error(0.0, Decimal("1E-16"))
        1.0
        >>> relative_error(1.1, 1)
        0.10000000000000009
        >>> relative_error(0.0, Decimal("1E-999999999"))
        Traceback (most recent call last):
        ...
        ValueError: the exponent of a Decimal reference (in absolute value) must be <= 100_000 (it is turned into an exact fraction with 10**|exponent|), got 999999999; floats lie between about 1E-324 and 1E+308
    """
    value = Fraction(require_finite_real(computed, "computed"))
    if isinstance(reference, Decimal):
        if not reference.is_finite():
            msg = f"reference must be finite, got {reference!r}"
            raise ValueError(msg)
        exponent = reference.as_tuple().exponent
        assert isinstance(exponent, int)  # a finite Decimal has an int exponent
        refuse_above(
            abs(exponent),
            _MAX_DECIMAL_EXPONENT,
            "the exponent of a Decimal reference (in absolute value)",
            cost="it is turned into an exact fraction with 10**|exponent|",
            instead="floats lie between about 1E-324 and 1E+308",
        )
        exact = Fraction(reference)
    elif isinstance(reference, Fraction):
        exact = reference
    else:
        exact = Fraction(require_finite_real(reference, "reference"))
    if exact == 0:
        msg = "reference must be nonzero for a relative error"
        raise ValueError(msg)
    error = abs(value - exact) / abs(exact)
    if error > _LARGEST_FLOAT:  # float() of it would raise a bare OverflowError
        msg = (
            f"the relative error of computed={computed!r} against reference={reference!r} "
            "is larger than the largest float (about 1.8e308)"
        )
        raise ValueError(msg)
    return float(error)
