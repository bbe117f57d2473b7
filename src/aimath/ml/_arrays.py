"""Argument checks for functions that take arrays of numbers.

The scalar checks of `aimath._checks` cover single numbers; the machine
learning functions take Python sequences and NumPy arrays, so they convert and
check their input here, with the same rules: ``TypeError`` for anything that is
not made of real numbers (``bool`` rejected), ``ValueError`` naming the argument
for bad values or shapes.
"""

from __future__ import annotations

from numbers import Integral, Real
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "FloatArray",
    "IntArray",
    "as_class_labels",
    "as_real_array",
    "number_or_array",
    "real_values",
    "reject_nan",
    "reject_positive_inf",
    "require_at_least_1d",
    "require_axis",
]

FloatArray = NDArray[np.float64]
"""The array type every function of `aimath.ml` returns."""
IntArray = NDArray[np.int64]
"""Class labels (indices) as an array."""

_NUMBER_KINDS = frozenset("iuf")  # signed int, unsigned int, float


def as_real_array(value: object, name: str) -> FloatArray:
    """Convert ``value`` to a float64 array, or raise if it is not made of real numbers.

    Args:
        value: A real number, a (nested) sequence of real numbers or a NumPy array.
        name: The argument's name, used in error messages.

    Returns:
        The values as a float64 array (the input itself if it already is one;
        it is never modified).

    Raises:
        TypeError: If ``value`` holds anything but real numbers (strings,
            ``None``, complex numbers, ``bool``).
        ValueError: If ``value`` is empty or its nested sequences are ragged.
        OverflowError: If a number is too large for a float.

    Examples:
        >>> as_real_array([1, 2.5], "x")
        array([1. , 2.5])
        >>> as_real_array([1, "2"], "x")
        Traceback (most recent call last):
        ...
        TypeError: x must hold real numbers, got str_
        >>> as_real_array([], "x")
        Traceback (most recent call last):
        ...
        ValueError: x must not be empty
    """
    if isinstance(value, str | bytes):
        msg = f"{name} must hold real numbers, got {type(value).__name__}"
        raise TypeError(msg)
    try:
        array = np.asarray(value)
    except ValueError:
        msg = f"{name} must be a rectangular array of numbers (its rows differ in length)"
        raise ValueError(msg) from None
    if array.dtype.kind == "O":
        array = _object_array_to_float(array, name)
    elif array.dtype.kind not in _NUMBER_KINDS:
        msg = f"{name} must hold real numbers, got {array.dtype.type.__name__}"
        raise TypeError(msg)
    if array.size == 0:
        msg = f"{name} must not be empty"
        raise ValueError(msg)
    if array.dtype != np.float64:
        # Wider floats (longdouble) can exceed float64: say so instead of
        # letting the cast turn them into inf.
        with np.errstate(over="ignore"):
            converted = array.astype(np.float64)
        if np.count_nonzero(np.isinf(converted)) != np.count_nonzero(np.isinf(array)):
            msg = f"{name} holds a number too large for a float"
            raise OverflowError(msg)
        return converted
    return array


def _object_array_to_float(array: NDArray[Any], name: str) -> FloatArray:
    # Object arrays come from exact numbers (Fraction, big ints) or from mixed junk.
    converted = np.empty(array.shape, dtype=np.float64)
    for index, item in np.ndenumerate(array):
        if isinstance(item, bool | np.bool_) or not isinstance(item, Real):
            msg = f"{name} must hold real numbers, got {type(item).__name__}"
            raise TypeError(msg)
        try:
            converted[index] = float(item)
        except OverflowError:
            msg = f"{name} holds a number too large for a float: {item!r}"
            raise OverflowError(msg) from None
    return converted


def require_at_least_1d(array: FloatArray, name: str) -> None:
    """Raise unless ``array`` has at least one dimension.

    Args:
        array: The converted argument.
        name: The argument's name, used in the error message.

    Raises:
        ValueError: If ``array`` is a single number (0 dimensions).

    Examples:
        >>> require_at_least_1d(np.float64(3.0).reshape(()), "x")
        Traceback (most recent call last):
        ...
        ValueError: x must be a sequence or an array with at least one dimension, got a single number
    """
    if array.ndim == 0:
        msg = (
            f"{name} must be a sequence or an array with at least one dimension, "
            "got a single number"
        )
        raise ValueError(msg)


def require_axis(axis: object, ndim: int, name: str = "axis") -> int:
    """Return ``axis`` as a non-negative axis index of an array with ``ndim`` dimensions.

    Args:
        axis: The requested axis; negative values count from the end.
        ndim: The number of dimensions of the array.
        name: The argument's name, used in error messages.

    Returns:
        The axis in ``range(ndim)``.

    Raises:
        TypeError: If ``axis`` is not an int.
        ValueError: If ``axis`` is outside ``[-ndim, ndim)``.

    Examples:
        >>> require_axis(-1, 2)
        1
        >>> require_axis(2, 2)
        Traceback (most recent call last):
        ...
        ValueError: axis must be in [-2, 2) for an array with 2 dimensions, got 2
    """
    if isinstance(axis, bool) or not isinstance(axis, int):
        msg = f"{name} must be an int, got {type(axis).__name__}"
        raise TypeError(msg)
    if not -ndim <= axis < ndim:
        msg = f"{name} must be in [{-ndim}, {ndim}) for an array with {ndim} dimensions, got {axis}"
        raise ValueError(msg)
    return axis % ndim


def reject_nan(array: FloatArray, name: str) -> None:
    """Raise if ``array`` contains ``nan``.

    A ``nan`` input has no meaningful output; SciPy would pass it through to the
    result, where it spreads silently. Here it is stopped at the door.

    Args:
        array: The converted argument.
        name: The argument's name, used in the error message.

    Raises:
        ValueError: If any element is ``nan``.

    Examples:
        >>> reject_nan(np.array([1.0, np.nan]), "x")
        Traceback (most recent call last):
        ...
        ValueError: x must not contain nan (found at index (1,))
    """
    if np.isnan(array).any():
        where = tuple(int(i) for i in np.argwhere(np.isnan(array))[0])
        msg = f"{name} must not contain nan (found at index {where})"
        raise ValueError(msg)


def reject_positive_inf(array: FloatArray, name: str) -> None:
    """Raise if ``array`` contains ``+inf``.

    Args:
        array: The converted argument.
        name: The argument's name, used in the error message.

    Raises:
        ValueError: If any element is ``+inf``.

    Examples:
        >>> reject_positive_inf(np.array([0.0, -np.inf, np.inf]), "x")
        Traceback (most recent call last):
        ...
        ValueError: x must not contain +inf (found at index (2,))
    """
    positive_inf = np.isposinf(array)
    if positive_inf.any():
        where = tuple(int(i) for i in np.argwhere(positive_inf)[0])
        msg = f"{name} must not contain +inf (found at index {where})"
        raise ValueError(msg)


def as_class_labels(value: object, name: str, *, shape: tuple[int, ...], classes: int) -> IntArray:
    """Convert class labels to an int array of a given shape, each in ``range(classes)``.

    Args:
        value: An int, a (nested) sequence of ints or an integer NumPy array.
        name: The argument's name, used in error messages.
        shape: The shape the labels must have.
        classes: The number of classes; labels run from 0 to ``classes - 1``.

    Returns:
        The labels as an int64 array.

    Raises:
        TypeError: If ``value`` holds anything but integers (``bool`` rejected).
        ValueError: If the shape is not ``shape`` or a label is out of range.

    Examples:
        >>> as_class_labels([0, 2], "labels", shape=(2,), classes=3)
        array([0, 2])
        >>> as_class_labels([0, 3], "labels", shape=(2,), classes=3)
        Traceback (most recent call last):
        ...
        ValueError: labels must be class indices in range(3), got 3
    """
    if isinstance(value, str | bytes):
        msg = f"{name} must hold integers (class indices), got {type(value).__name__}"
        raise TypeError(msg)
    try:
        array = np.asarray(value)
    except ValueError:
        msg = f"{name} must be a rectangular array of integers (its rows differ in length)"
        raise ValueError(msg) from None
    if array.dtype.kind == "O":
        for item in array.flat:
            if isinstance(item, bool) or not isinstance(item, Integral):
                msg = f"{name} must hold integers (class indices), got {type(item).__name__}"
                raise TypeError(msg)
    elif array.dtype.kind not in "iu":
        msg = f"{name} must hold integers (class indices), got {array.dtype.type.__name__}"
        raise TypeError(msg)
    if array.shape != shape:
        msg = f"{name} must have shape {shape} to match the logits, got {array.shape}"
        raise ValueError(msg)
    out_of_range = np.asarray((array < 0) | (array >= classes), dtype=bool)
    if out_of_range.any():
        msg = f"{name} must be class indices in range({classes}), got {array[out_of_range][0]}"
        raise ValueError(msg)
    return array.astype(np.int64)


def real_values(x: object, name: str) -> FloatArray:
    """Return ``x`` as a float64 array, refusing non-numbers and ``nan``.

    The input check of the elementwise functions (sigmoid, softplus, ELU, ...).

    Examples:
        >>> real_values([0, 1.5], "x")
        array([0. , 1.5])
    """
    values = as_real_array(x, name)
    reject_nan(values, name)
    return values


def number_or_array(x: object, values: FloatArray) -> float | FloatArray:
    """Return ``values`` in the form of the input ``x``: a number in, a float out.

    A sequence or array in gives an array out.

    Examples:
        >>> number_or_array(2, np.array(4.0))
        4.0
        >>> number_or_array([2], np.array([4.0]))
        array([4.])
    """
    if values.ndim == 0 and not isinstance(x, np.ndarray):
        return float(values)
    return values
