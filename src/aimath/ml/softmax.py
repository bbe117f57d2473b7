r"""Softmax, log-sum-exp and cross-entropy, computed without overflow.

All three rest on one identity, which follows from the exponent law (1.3),
\(e^{x_i - c} = e^{x_i} / e^{c}\): shifting every input by the same constant
``c`` leaves softmax unchanged and shifts log-sum-exp by exactly ``c``. Taking
``c`` as the maximum keeps every exponent <= 0, so ``exp`` can neither overflow
nor make every term 0.

Conventions shared by every function here:

- ``x`` / ``logits`` is a Python sequence (nested for several rows) or a NumPy
  array of real numbers, with at least one dimension. ``axis`` (default ``-1``,
  the last axis, as in ML code) is the axis of the classes; ``axis=None`` treats
  all elements as one vector. SciPy's default is ``axis=None``.
- ``-inf`` is a legitimate logit: its class gets probability exactly 0. A slice
  whose entries are all ``-inf`` has no softmax (every term is 0), which raises
  ``ValueError``; its log-sum-exp is ``-inf`` (the log of 0), as in SciPy.
- ``nan`` and ``+inf`` raise ``ValueError``. SciPy returns ``nan`` for them
  (``logsumexp`` returns ``inf`` for a ``+inf``), which then spreads silently
  through a computation.
- On finite and ``-inf`` inputs the results agree with ``scipy.special``
  (``softmax``, ``log_softmax``, ``logsumexp``) to a relative tolerance of
  ``1e-12`` (the tests check this on random and extreme inputs); entries that
  are 0 or ``-inf`` agree exactly.
- No NumPy warning is emitted for any accepted input.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

import numpy as np
from numpy.typing import ArrayLike

from aimath._checks import require_positive_real
from aimath.ml._arrays import (
    FloatArray,
    as_class_labels,
    as_real_array,
    reject_nan,
    reject_positive_inf,
    require_at_least_1d,
    require_axis,
)

__all__ = ["cross_entropy", "log_softmax", "logsumexp", "softmax"]


def _checked_logits(x: object, name: str) -> FloatArray:
    """Convert logits to an array; reject what has no softmax (nan, +inf, no dimension)."""
    logits = as_real_array(x, name)
    require_at_least_1d(logits, name)
    reject_nan(logits, name)
    reject_positive_inf(logits, name)
    return logits


def _logits(x: object, name: str, axis: object) -> tuple[FloatArray, int | None]:
    """Check logits and axis; return the axis as a non-negative int, or None for all."""
    logits = _checked_logits(x, name)
    return logits, None if axis is None else require_axis(axis, logits.ndim)


def _shift_by_max(logits: FloatArray, axis: int | None, name: str) -> FloatArray:
    """Return ``logits - max`` along ``axis``; raise where a slice is all ``-inf``."""
    maximum = np.max(logits, axis=axis, keepdims=True)
    if np.isneginf(maximum).any():
        msg = (
            f"{name} has a slice whose entries are all -inf: every exp() is 0, "
            "so its softmax (0/0) is undefined"
        )
        raise ValueError(msg)
    # A difference below -1.8e308 rounds to -inf, and exp(-inf) = 0 is then the
    # correctly rounded value, so the overflow is harmless: silence it.
    with np.errstate(over="ignore"):
        shifted: FloatArray = logits - maximum
    return shifted


def _as_result(values: FloatArray) -> float | FloatArray:
    """Return a 0-dimensional result as a float, anything else unchanged."""
    return float(values) if values.ndim == 0 else values


def softmax(x: ArrayLike, axis: int | None = -1, temperature: float = 1.0) -> FloatArray:
    r"""Return the probabilities \(e^{x_i/T} / \sum_j e^{x_j/T}\) for real scores (logits).

    Computed as ``exp((x - max) / T)`` normalised, which is the same value by
    the law (1.3) but never overflows.

    Args:
        x: The logits; at least one dimension, no ``nan`` or ``+inf``.
        axis: The axis along which the probabilities sum to 1, or ``None`` for
            all elements together.
        temperature: ``T > 0``. Below 1 the distribution is sharper, above 1
            flatter; ``T = 1`` is the plain softmax.

    Returns:
        An array of the shape of ``x``, entries in [0, 1], summing to 1 along ``axis``.

    Raises:
        TypeError: If ``x`` does not hold real numbers, or ``axis`` is not an int.
        ValueError: If ``x`` is empty, a single number, contains ``nan`` or
            ``+inf`` or a slice of only ``-inf``; if ``axis`` is out of range;
            if ``temperature`` is not > 0.

    Examples:
        >>> softmax([1.0, 2.0, 3.0])
        array([0.09003057, 0.24472847, 0.66524096])
        >>> softmax([1000.0, 1000.0])
        array([0.5, 0.5])
        >>> softmax([0.0, -np.inf])
        array([1., 0.])
        >>> softmax([1.0, 2.0], temperature=0)
        Traceback (most recent call last):
        ...
        ValueError: temperature must be > 0, got 0
    """
    t = require_positive_real(temperature, "temperature")
    logits, ax = _logits(x, "x", axis)
    shifted = _shift_by_max(logits, ax, "x")
    # Dividing values <= 0 by T > 0 may underflow to 0 or overflow to -inf;
    # both are the correctly rounded inputs for exp.
    with np.errstate(over="ignore", under="ignore"):
        exponentials = np.exp(shifted / t)
    result: FloatArray = exponentials / np.sum(exponentials, axis=ax, keepdims=True)
    return result


def log_softmax(x: ArrayLike, axis: int | None = -1) -> FloatArray:
    """Return ``log(softmax(x))`` without ever forming the (possibly 0) probabilities.

    ``log softmax(x)_i = x_i - logsumexp(x)``, computed from the shifted logits.

    Args:
        x: The logits; at least one dimension, no ``nan`` or ``+inf``.
        axis: The axis of the classes, or ``None`` for all elements together.

    Returns:
        An array of the shape of ``x``, entries <= 0 (``-inf`` for ``-inf`` logits).

    Raises:
        TypeError: If ``x`` does not hold real numbers, or ``axis`` is not an int.
        ValueError: As for [`softmax`][aimath.ml.softmax.softmax].

    Examples:
        >>> log_softmax([0.0, -1000.0])
        array([    0., -1000.])
    """
    logits, ax = _logits(x, "x", axis)
    shifted = _shift_by_max(logits, ax, "x")
    # Each slice holds a 0 (its maximum), so the sum is >= 1 and its log finite.
    sum_of_exponentials = np.sum(np.exp(shifted), axis=ax, keepdims=True)
    result: FloatArray = shifted - np.log(sum_of_exponentials)
    return result


@overload
def logsumexp(x: Sequence[float], axis: int | None = -1) -> float: ...
@overload
def logsumexp(x: ArrayLike, axis: int | None = -1) -> float | FloatArray: ...
def logsumexp(x: ArrayLike, axis: int | None = -1) -> float | FloatArray:
    r"""Return \(\log \sum_i e^{x_i}\) as ``m + log(sum(exp(x - m)))``, ``m = max x``.

    Args:
        x: The values; at least one dimension, no ``nan`` or ``+inf``.
        axis: The axis to reduce, or ``None`` for all elements.

    Returns:
        A float when the result is a single number (``x`` one-dimensional or
        ``axis=None``), otherwise an array with ``axis`` removed. A slice of only
        ``-inf`` gives ``-inf`` (the log of a sum of zeros).

    Raises:
        TypeError: If ``x`` does not hold real numbers, or ``axis`` is not an int.
        ValueError: If ``x`` is empty, a single number, contains ``nan`` or
            ``+inf``, or ``axis`` is out of range.

    Examples:
        >>> logsumexp([1000.0, 1000.0])
        1000.6931471805599
        >>> logsumexp([[0.0, 0.0], [1.0, -np.inf]])
        array([0.69314718, 1.        ])
        >>> logsumexp([-np.inf, -np.inf])
        -inf
    """
    logits, ax = _logits(x, "x", axis)
    maximum = np.max(logits, axis=ax, keepdims=True)
    # A slice of only -inf: shift by 0 instead, so that exp gives zeros, not nan.
    shift = np.where(np.isneginf(maximum), 0.0, maximum)
    with np.errstate(over="ignore"):  # see _shift_by_max
        shifted = logits - shift
    sum_of_exponentials = np.sum(np.exp(shifted), axis=ax, keepdims=True)
    # log(0) = -inf is the right answer for a slice of only -inf. The sum cannot
    # overflow: it is at most max + log(number of terms), and log of any array
    # length is below 44, far less than the spacing of floats near the maximum.
    with np.errstate(divide="ignore"):
        total = shift + np.log(sum_of_exponentials)
    result = total.reshape(()) if ax is None else np.squeeze(total, axis=ax)
    return _as_result(result)


@overload
def cross_entropy(logits: Sequence[float], labels: int, axis: int = -1) -> float: ...
@overload
def cross_entropy(logits: ArrayLike, labels: ArrayLike, axis: int = -1) -> float | FloatArray: ...
def cross_entropy(logits: ArrayLike, labels: ArrayLike, axis: int = -1) -> float | FloatArray:
    r"""Return the cross-entropy \(-\log \mathrm{softmax}(x)_y = \mathrm{LSE}(x) - x_y\) of logits.

    The probability of the true class is never formed, so the loss stays accurate
    where ``-log(softmax(x)[y])`` would give ``log(0) = -inf`` or ``nan``.

    Args:
        logits: The scores, classes along ``axis``; no ``nan`` or ``+inf``.
        labels: The true class of each example, an integer in ``range(K)``
            (``K`` classes); its shape is the shape of ``logits`` without ``axis``
            (a single int for one-dimensional logits).
        axis: The axis of the classes in ``logits``.

    Returns:
        The loss of each example: a float for one example, otherwise an array
        of the shape of ``labels``. Average it yourself for a batch loss. A true
        class with logit ``-inf`` has probability 0 and loss ``+inf``
        (the exact value of ``-log 0``).

    Raises:
        TypeError: If ``logits`` does not hold real numbers or ``labels`` not integers.
        ValueError: If the shapes do not match, a label is out of range, or
            ``logits`` is invalid as for [`softmax`][aimath.ml.softmax.softmax].

    Examples:
        >>> cross_entropy([1000.0, 0.0, -1000.0], 1)
        1000.0
        >>> cross_entropy([[2.0, 0.0], [0.0, 2.0]], [0, 0])
        array([0.12692801, 2.12692801])
        >>> cross_entropy([[2.0, 0.0], [0.0, 2.0]], [0, 0, 1])
        Traceback (most recent call last):
        ...
        ValueError: labels must have shape (2,) to match the logits, got (3,)
    """
    scores = _checked_logits(logits, "logits")
    ax = require_axis(axis, scores.ndim)
    shape_without_classes = scores.shape[:ax] + scores.shape[ax + 1 :]
    true_class = as_class_labels(
        labels, "labels", shape=shape_without_classes, classes=scores.shape[ax]
    )
    shifted = _shift_by_max(scores, ax, "logits")
    log_normaliser = np.log(np.sum(np.exp(shifted), axis=ax, keepdims=True))
    true_shifted = np.take_along_axis(shifted, np.expand_dims(true_class, ax), axis=ax)
    # A -inf true logit gives log_normaliser - (-inf) = +inf: the exact -log 0.
    losses = np.squeeze(log_normaliser - true_shifted, axis=ax)
    return _as_result(losses)
