r"""The exponential function from scratch, accurate to the last bit.

[`exp`][aimath.exponential.exp.exp] computes e**x for a float ``x`` in three steps, the classic
recipe of math libraries:

1. **Range reduction.** Write ``x = k*ln 2 + r`` with an integer ``k`` and
   ``|r| <= ln(2)/2``, so that ``e**x = 2**k * e**r`` (4.6).
2. **A short series.** ``e**r = 1 + r + r**2/2! + ...`` converges fast because
   ``|r| < 0.35``.
3. **Scaling.** Multiply by ``2**k``, which only moves the binary point.

Done naively in floats, each step loses a little: ``k*ln 2`` is not exact, the
series rounds at every term, and scaling into the subnormal range rounds a
second time. Here the first two steps run in binary fixed point with
[`WORKING_BITS`][aimath.exponential.exp.WORKING_BITS] fractional bits (Python ints have no size
limit), and the third is a single correctly rounded int division. The value handed to that
final rounding is within about ``2**-150`` (relative) of the true e**x, so the
result is the correctly rounded double except when e**x lies within that
distance of a tie between two doubles; even then it is off by at most
``0.5 + 2**-96`` units in the last place (ulp), never more than 1 ulp. The
tests compare it with mpmath on thousands of inputs.

Edge cases, chosen to match `math.exp` where that is safe:

- ``exp(x)`` raises `OverflowError` when the correctly rounded result
  would be infinite (``x`` above about 709.782712893384), and for ``x = inf``.
- ``exp(-inf)`` is ``0.0``: the exact limit, and a finite value.
- Results that underflow round to subnormals and then to ``0.0`` (for ``x``
  below about -745.1332), as in IEEE 754 arithmetic.
- ``nan`` raises `ValueError`; non-numbers (and ``bool``) raise
  `TypeError`.
"""

from __future__ import annotations

import math
from numbers import Real

__all__ = ["WORKING_BITS", "exp"]

WORKING_BITS = 160
"""Fractional bits of the fixed-point arithmetic. 53 are needed for a double; the rest are
guard bits that absorb the rounding of the reduction and series (about 12 bits lost, see
below) and keep ties between doubles decidable.
"""

_ONE = 1 << WORKING_BITS

# Outside this interval the answer is known without computing: e**x is at least
# e**709.79 > 2**1024 (overflow), or at most e**-746 < 2**-1076, which rounds to 0.
_OVERFLOW_BOUND = 709.79
_UNDERFLOW_BOUND = -746.0


def _ln2_fixed(bits: int) -> int:
    """Return ``round(ln 2 * 2**bits)`` up to one unit, by integer arithmetic.

    Uses ``ln 2 = 2 * atanh(1/3) = 2 * sum(1 / ((2j+1) * 3**(2j+1)))``: each term
    shrinks ninefold, and the sum runs with 16 guard bits so that the integer
    divisions (each off by less than one unit) do not reach the result.
    """
    guard = 16
    scale = 1 << (bits + guard)
    total = 0
    power = scale // 3  # scale / 3**(2j+1)
    j = 0
    while power:
        total += power // (2 * j + 1)
        power //= 9
        j += 1
    return (2 * total + (1 << (guard - 1))) >> guard


#: ln 2 in fixed point. The extra 12 bits make the error of ``k * ln 2`` (with
#: |k| <= 1077) smaller than one unit of WORKING_BITS.
_LN2_EXTRA_BITS = 12
_LN2 = _ln2_fixed(WORKING_BITS + _LN2_EXTRA_BITS)


def _to_float(value: object) -> float:
    """Check the argument and return it as a float (ints too large become +-inf)."""
    if isinstance(value, bool) or not isinstance(value, Real):
        msg = f"x must be a real number, got {type(value).__name__}"
        raise TypeError(msg)
    try:
        as_float = float(value)
    except OverflowError:
        # An int or Fraction beyond the float range: only its sign matters here.
        as_float = -math.inf if value < 0 else math.inf
    if math.isnan(as_float):
        msg = "x must not be nan"
        raise ValueError(msg)
    return as_float


def _overflow_message(x: object) -> str:
    """Say that e**x overflows, naming ``x`` (also when it is an int too long to print)."""
    try:
        shown = repr(x)
    except ValueError:  # an int above sys.get_int_max_str_digits() digits
        shown = "an int too large to print"
    return f"exp(x) is too large for a float at x = {shown}"


def exp(x: float) -> float:
    """Return e**x, correctly rounded except in rare near-ties (always within 1 ulp).

    Args:
        x: A real number (int, float, Fraction, ...); converted to float first,
            as `math.exp` does.

    Returns:
        e**x as a float; ``0.0`` when it underflows (and for ``x = -inf``).

    Raises:
        TypeError: If ``x`` is not a real number (``bool`` is rejected).
        ValueError: If ``x`` is nan.
        OverflowError: If e**x is too large for a float (also for ``x = inf``).

    Examples:
        >>> exp(0)
        1.0
        >>> exp(1)
        2.718281828459045
        >>> exp(-745.2)  # below half the smallest subnormal: rounds to 0
        0.0
        >>> exp(710)
        Traceback (most recent call last):
        ...
        OverflowError: exp(x) is too large for a float at x = 710
    """
    value = _to_float(x)
    if value > _OVERFLOW_BOUND:
        msg = _overflow_message(x)
        raise OverflowError(msg)
    if value < _UNDERFLOW_BOUND:
        return 0.0

    # x in fixed point. x is a dyadic rational n/d; tiny x (below 2**-160) is
    # truncated, an error of at most one unit, like the other roundings below.
    numerator, denominator = value.as_integer_ratio()
    x_fixed = (numerator << WORKING_BITS) // denominator

    # Step 1: k = round(x / ln 2), r = x - k*ln 2 with |r| <= ln(2)/2 (+ a unit).
    # _LN2 carries 12 extra bits; compare at that precision, then drop them.
    x_extended = x_fixed << _LN2_EXTRA_BITS
    k = (x_extended + (_LN2 >> 1)) // _LN2
    r_fixed = (x_extended - k * _LN2) >> _LN2_EXTRA_BITS

    # Step 2: e**r by its Taylor series. |r| < 0.35, so the terms r**j/j! fall
    # below 2**-160 after about 32 terms. Each step floors twice (>> and //), so
    # a term is off by less than 2 units plus 0.35 times the previous term's
    # error, that is by less than 4 units; the sum is off by fewer than 130
    # units (with the error of r, 2**-152 relative, as e**r > 0.7).
    total = _ONE
    term = _ONE
    j = 1
    while term:
        term = (term * r_fixed >> WORKING_BITS) // j
        total += term
        j += 1
        if term == -1:
            # Python's // floors towards -inf, so a negative term never reaches
            # 0 by itself; stop once it is a unit in size.
            break

    # Step 3: e**x = total * 2**(k - WORKING_BITS). A Python int division (or
    # int-to-float conversion) rounds exactly once, to nearest, also into the
    # subnormal range, where math.ldexp after a first rounding would round twice.
    shift = WORKING_BITS - k
    try:
        return total / (1 << shift) if shift >= 0 else float(total << -shift)
    except OverflowError:
        msg = _overflow_message(x)
        raise OverflowError(msg) from None
