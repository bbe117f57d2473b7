"""Textbook formulas written literally, to show where they break. Not for real use.

Each function here computes its formula exactly as printed, with NumPy, so that
the pages can show what goes wrong: ``exp`` overflows to ``inf`` beyond about
709.78, underflows to 0 below about -745, and ``inf / inf``, ``0 / 0`` and
``log(0)`` follow. When that happens NumPy emits a ``RuntimeWarning`` (for
example ``overflow encountered in exp``) and returns ``inf`` or ``nan``; these
functions let it, on purpose. Input is checked for type like everywhere else.

Use the stable versions in [`aimath.ml.softmax`][aimath.ml.softmax],
[`aimath.ml.sigmoid`][aimath.ml.sigmoid] and [`aimath.ml.activations`][aimath.ml.activations].
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from aimath._checks import require_positive_real
from aimath.ml._arrays import FloatArray, as_class_labels, as_real_array

__all__ = [
    "naive_cross_entropy",
    "naive_elu",
    "naive_log_sigmoid",
    "naive_logsumexp",
    "naive_sigmoid",
    "naive_softmax",
    "naive_softplus",
]


def naive_softmax(x: ArrayLike) -> FloatArray:
    """Return ``np.exp(x) / np.sum(np.exp(x))`` over the last axis, exactly as the definition reads.

    Args:
        x: Real numbers, at least one dimension.

    Returns:
        The softmax; ``nan`` where ``exp`` overflowed or every term underflowed.

    Examples:
        >>> naive_softmax([0.0, 0.0])
        array([0.5, 0.5])
    """
    values = as_real_array(x, "x")
    exponentials = np.exp(values)
    result: FloatArray = exponentials / np.sum(exponentials, axis=-1, keepdims=True)
    return result


def naive_logsumexp(x: ArrayLike) -> FloatArray:
    """Return ``np.log(np.sum(np.exp(x)))`` over the last axis.

    Args:
        x: Real numbers, at least one dimension.

    Returns:
        The log-sum-exp; ``inf`` once a term overflows.

    Examples:
        >>> float(naive_logsumexp([0.0, 0.0]))
        0.6931471805599453
    """
    values = as_real_array(x, "x")
    result: FloatArray = np.log(np.sum(np.exp(values), axis=-1))
    return result


def naive_cross_entropy(logits: ArrayLike, labels: ArrayLike) -> FloatArray:
    """Return ``-np.log(p[label])`` with ``p = naive_softmax(logits)``, classes on the last axis.

    Args:
        logits: Real numbers, at least one dimension.
        labels: The true class of each example (shape of ``logits`` without its last axis).

    Returns:
        The losses; ``nan`` or ``inf`` where the probabilities broke down.

    Examples:
        >>> float(naive_cross_entropy([0.0, 0.0], 1))
        0.6931471805599453
    """
    probabilities = naive_softmax(logits)
    true_class = as_class_labels(
        labels, "labels", shape=probabilities.shape[:-1], classes=probabilities.shape[-1]
    )
    picked = np.take_along_axis(probabilities, true_class[..., np.newaxis], axis=-1)
    result: FloatArray = -np.log(picked[..., 0])
    return result


def naive_sigmoid(x: ArrayLike) -> FloatArray:
    """Return ``1 / (1 + np.exp(-x))``.

    Args:
        x: Real numbers.

    Returns:
        The sigmoid; correct in value, but ``exp(-x)`` overflows (with a warning)
        for ``x`` below about -709.78.

    Examples:
        >>> float(naive_sigmoid(0.0))
        0.5
    """
    values = as_real_array(x, "x")
    result: FloatArray = 1.0 / (1.0 + np.exp(-values))
    return result


def naive_softplus(x: ArrayLike) -> FloatArray:
    """Return ``np.log(1 + np.exp(x))``.

    Args:
        x: Real numbers.

    Returns:
        The softplus; ``inf`` when ``exp(x)`` overflows, and 0 (all digits lost)
        once ``exp(x)`` is below half the spacing of floats near 1.

    Examples:
        >>> float(naive_softplus(0.0))
        0.6931471805599453
    """
    values = as_real_array(x, "x")
    result: FloatArray = np.log(1.0 + np.exp(values))
    return result


def naive_log_sigmoid(x: ArrayLike) -> FloatArray:
    """Return ``np.log(1 / (1 + np.exp(-x)))``, the log of ``naive_sigmoid``.

    Args:
        x: Real numbers.

    Returns:
        The log-sigmoid; ``-inf`` once the sigmoid has underflowed to 0.

    Examples:
        >>> float(naive_log_sigmoid(0.0))
        -0.6931471805599453
    """
    result: FloatArray = np.log(naive_sigmoid(x))
    return result


def naive_elu(x: ArrayLike, alpha: float = 1.0) -> FloatArray:
    r"""Return the ELU with its negative branch written `alpha * (np.exp(x) - 1)`.

    Only \(x \le 0\) goes into `exp` (as in [`elu`][aimath.ml.activations.elu]),
    so the one difference is the subtraction: for \(x\) near 0, `np.exp(x)` is
    a float close to 1 and subtracting 1 cancels most of its digits.

    Args:
        x: Real numbers.
        alpha: The ELU's parameter \(\alpha > 0\); finite. Default 1.

    Returns:
        The ELU; for \(x < 0\) near 0 its relative error grows like
        \(\varepsilon / |x|\), with \(\varepsilon = 2^{-52}\).

    Raises:
        TypeError: If `x` does not hold real numbers or `alpha` is not a real number.
        ValueError: If `alpha` is not a finite number > 0.

    Examples:
        >>> float(naive_elu(-1e-10))  # the true value is about -9.9999999995e-11
        -1.000000082740371e-10
    """
    a = require_positive_real(alpha, "alpha")
    values = as_real_array(x, "x")
    result: FloatArray = np.where(values > 0, values, a * (np.exp(np.minimum(values, 0.0)) - 1.0))
    return result
