r"""Where `exp` overflows in the floating-point formats used for training.

A binary floating-point format laid out like IEEE 754 (\(w\) exponent bits with
bias \(2^{w-1} - 1\), \(f\) fraction bits, the all-ones exponent reserved for
`inf` and `nan`) has the largest finite value
\((2 - 2^{-f}) \cdot 2^{2^{w-1} - 1}\). Its natural logarithm is the overflow
threshold of `exp`: for \(x > \ln(\text{max})\) the exact \(e^{x}\) is larger
than every finite number of the format. Formats that use the all-ones exponent
for finite numbers, such as the 8-bit format `float8_e4m3fn`, do
not follow this formula.

NumPy describes `float16`, `float32` and `float64` with `numpy.finfo`; it has no
`bfloat16`, whose largest value is computed here from its format instead:
`bfloat16` is the upper half of a `float32` (sign, the same 8 exponent bits, the
first 7 of the 23 fraction bits), with the same reserved exponent.
"""

from __future__ import annotations

import math
from typing import Final

import numpy as np

__all__ = ["BFLOAT16_MAX", "largest_finite", "overflow_threshold"]


def largest_finite(exponent_bits: int, fraction_bits: int) -> float:
    r"""Return the largest finite value of a binary floating-point format.

    In a format laid out like IEEE 754 (exponent bias \(2^{w-1} - 1\), the
    all-ones exponent reserved for `inf` and `nan`), the largest value has every
    fraction bit set and the largest exponent that is not reserved, so it is
    \((2 - 2^{-f}) \cdot 2^{2^{w-1} - 1}\) for \(w\) exponent bits and \(f\)
    fraction bits. The result is exact.

    Args:
        exponent_bits: \(w\), an int from 2 to 11 (11 is `float64`).
        fraction_bits: \(f\), an int from 1 to 52 (52 is `float64`).

    Returns:
        The largest finite value as a float.

    Raises:
        TypeError: If an argument is not an int.
        ValueError: If an argument is outside its range (a wider format does not
            fit in a Python float).

    Examples:
        >>> largest_finite(5, 10)  # float16
        65504.0
        >>> largest_finite(8, 7)  # bfloat16
        3.3895313892515355e+38
        >>> largest_finite(11, 52) == float(np.finfo(np.float64).max)
        True
        >>> largest_finite(12, 52)
        Traceback (most recent call last):
        ...
        ValueError: exponent_bits must be from 2 to 11, got 12
    """
    w = _bits(exponent_bits, "exponent_bits", 2, 11)
    f = _bits(fraction_bits, "fraction_bits", 1, 52)
    return math.ldexp(2.0 - math.ldexp(1.0, -f), 2 ** (w - 1) - 1)


def _bits(value: object, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        msg = f"{name} must be an int, got {type(value).__name__}"
        raise TypeError(msg)
    if not low <= value <= high:
        msg = f"{name} must be from {low} to {high}, got {value}"
        raise ValueError(msg)
    return int(value)


BFLOAT16_MAX: Final[float] = largest_finite(8, 7)
r"""The largest finite `bfloat16`, \((2 - 2^{-7}) \cdot 2^{127}\) (NumPy has no `bfloat16`)."""

_NUMPY_FORMATS: Final[dict[str, type[np.floating]]] = {
    "float16": np.float16,
    "float32": np.float32,
    "float64": np.float64,
}


def overflow_threshold(dtype: object) -> float:
    r"""Return \(\ln(\text{max})\), above which \(e^{x}\) exceeds every finite value of `dtype`.

    For `float16`, `float32` and `float64` the largest value comes from
    `numpy.finfo`; for `"bfloat16"`, which NumPy lacks, it is
    [`BFLOAT16_MAX`][aimath.ml.floats.BFLOAT16_MAX]. The threshold is returned as a
    `float64`. The threshold is a fact about the exact \(e^{x}\); a computed `exp`
    rounds, so the first \(x\) at which it returns `inf` may differ from the
    threshold by a rounding error.

    Args:
        dtype: `"float16"`, `"bfloat16"`, `"float32"`, `"float64"`, or the NumPy
            type or dtype of one of the three NumPy formats (`np.float32`,
            `np.dtype("float32")`...).

    Returns:
        \(\ln\) of the largest finite value of the format.

    Raises:
        ValueError: If `dtype` is none of these four formats.

    Examples:
        >>> overflow_threshold(np.float32)
        88.72283905206835
        >>> overflow_threshold("float64")
        709.782712893384
        >>> round(overflow_threshold("bfloat16"), 4)
        88.7189
        >>> overflow_threshold("int32")
        Traceback (most recent call last):
        ...
        ValueError: dtype must be one of float16, bfloat16, float32, float64, got 'int32'
    """
    if isinstance(dtype, str) and dtype == "bfloat16":
        return math.log(BFLOAT16_MAX)
    numpy_type = _numpy_format(dtype)
    if numpy_type is None:
        msg = f"dtype must be one of float16, bfloat16, float32, float64, got {dtype!r}"
        raise ValueError(msg)
    return math.log(float(np.finfo(numpy_type).max))


def _numpy_format(dtype: object) -> type[np.floating] | None:
    """Return the NumPy type for float16/32/64 given by name, type or dtype; else None."""
    if dtype is None:  # np.dtype(None) would mean float64
        return None
    if isinstance(dtype, str):
        return _NUMPY_FORMATS.get(dtype)
    try:
        name = np.dtype(dtype).name  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None
    return _NUMPY_FORMATS.get(name)
