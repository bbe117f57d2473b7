r"""Gradients of the softmax and sigmoid losses with respect to the logits.

With \(p = \mathrm{softmax}(x)\) and the cross-entropy
\(L = \mathrm{LSE}(x) - x_y\), the gradient is \(\partial L / \partial x_i = p_i - [i = y]\),
that is \(p - \mathrm{onehot}(y)\). With the sigmoid and the binary cross-entropy
the gradient is \(\sigma(x) - y\). Both are what backpropagation sends back from
the loss, and both are computed here from the stable
[`softmax`][aimath.ml.softmax.softmax] and [`sigmoid`][aimath.ml.sigmoid.sigmoid],
so they never overflow.
"""

from __future__ import annotations

from typing import overload

import numpy as np
from numpy.typing import ArrayLike

from aimath.ml._arrays import (
    FloatArray,
    as_class_labels,
    as_real_array,
    number_or_array,
    reject_nan,
    reject_positive_inf,
    require_at_least_1d,
    require_axis,
)
from aimath.ml.sigmoid import _binary_targets, sigmoid
from aimath.ml.softmax import softmax

__all__ = ["binary_cross_entropy_gradient", "cross_entropy_gradient", "softmax_jacobian"]


def cross_entropy_gradient(logits: ArrayLike, labels: ArrayLike, axis: int = -1) -> FloatArray:
    r"""Return the gradient \(\mathrm{softmax}(x) - \mathrm{onehot}(y)\) of the cross-entropy.

    The loss is [`cross_entropy`][aimath.ml.softmax.cross_entropy],
    \(L = \mathrm{LSE}(x) - x_y\); its partial derivatives are
    \(\partial L / \partial x_i = \mathrm{softmax}(x)_i - [i = y]\), where
    \([i = y]\) is 1 for the true class and 0 otherwise.

    Args:
        logits: The scores, classes along `axis`; no `nan` or `+inf`.
        labels: The true class of each example, an integer in `range(K)`; its
            shape is the shape of `logits` without `axis` (a single int for
            one-dimensional logits).
        axis: The axis of the classes in `logits`.

    Returns:
        An array of the shape of `logits`: one gradient per example, each
        summing to 0 along `axis`.

    Raises:
        TypeError: If `logits` does not hold real numbers or `labels` not integers.
        ValueError: If the shapes do not match, a label is out of range, or
            `logits` contains `nan`, `+inf` or a slice of only `-inf`.

    Examples:
        >>> cross_entropy_gradient([1.0, 2.0, 3.0], 0)
        array([-0.90996943,  0.24472847,  0.66524096])
        >>> cross_entropy_gradient([[0.0, 0.0], [1000.0, 0.0]], [1, 0])
        array([[ 0.5, -0.5],
               [ 0. ,  0. ]])
        >>> cross_entropy_gradient([1.0, 2.0], 2)
        Traceback (most recent call last):
        ...
        ValueError: labels must be class indices in range(2), got 2
    """
    scores = as_real_array(logits, "logits")
    require_at_least_1d(scores, "logits")
    reject_nan(scores, "logits")
    reject_positive_inf(scores, "logits")
    ax = require_axis(axis, scores.ndim)
    shape_without_classes = scores.shape[:ax] + scores.shape[ax + 1 :]
    true_class = as_class_labels(
        labels, "labels", shape=shape_without_classes, classes=scores.shape[ax]
    )
    probabilities = softmax(scores, axis=ax)
    classes = np.arange(scores.shape[ax]).reshape(
        [-1 if dim == ax else 1 for dim in range(scores.ndim)]
    )
    onehot = (classes == np.expand_dims(true_class, ax)).astype(np.float64)
    gradient: FloatArray = probabilities - onehot
    return gradient


def softmax_jacobian(x: ArrayLike) -> FloatArray:
    r"""Return the Jacobian \(\partial\, \mathrm{softmax}(x)_i / \partial x_j = p_i([i = j] - p_j)\).

    As a matrix this is \(\mathrm{diag}(p) - p p^{\top}\) with \(p = \mathrm{softmax}(x)\).
    It is symmetric, and every row and every column sums to 0: a column sums to
    0 because the probabilities always sum to 1, so moving one logit leaves
    their total unchanged; a row sums to 0 because adding the same number to
    every logit leaves the softmax unchanged.

    Args:
        x: One vector of logits (one dimension); no `nan` or `+inf`.

    Returns:
        A \(K \times K\) array for \(K\) logits.

    Raises:
        TypeError: If `x` does not hold real numbers.
        ValueError: If `x` is not one-dimensional, or contains `nan`, `+inf`
            or only `-inf`.

    Examples:
        >>> softmax_jacobian([0.0, 0.0])
        array([[ 0.25, -0.25],
               [-0.25,  0.25]])
        >>> softmax_jacobian([[0.0, 0.0]])
        Traceback (most recent call last):
        ...
        ValueError: x must be one-dimensional (one vector of logits), got shape (1, 2)
    """
    logits = as_real_array(x, "x")
    if logits.ndim != 1:
        msg = f"x must be one-dimensional (one vector of logits), got shape {logits.shape}"
        raise ValueError(msg)
    p = softmax(logits)
    jacobian: FloatArray = np.diag(p) - np.outer(p, p)
    return jacobian


@overload
def binary_cross_entropy_gradient(logits: float, targets: float) -> float: ...
@overload
def binary_cross_entropy_gradient(logits: ArrayLike, targets: ArrayLike) -> float | FloatArray: ...
def binary_cross_entropy_gradient(logits: ArrayLike, targets: ArrayLike) -> float | FloatArray:
    r"""Return \(\sigma(x) - y\), the derivative of the binary cross-entropy in the logit \(x\).

    The loss is [`binary_cross_entropy`][aimath.ml.sigmoid.binary_cross_entropy],
    \(\ln(1 + e^{x}) - y x\); its derivative is \(\sigma(x) - y\), element by element.

    Args:
        logits: Finite real logits, a number or an array.
        targets: Targets \(y\) in \([0, 1]\) (usually 0 or 1), of the same shape
            as `logits`.

    Returns:
        The derivative of each element, in \([-1, 1]\): a float for numbers,
        otherwise an array of the shape of `logits`.

    Raises:
        TypeError: If an argument does not hold real numbers.
        ValueError: If the shapes differ, a logit is not finite, or a target is
            outside \([0, 1]\).

    Examples:
        >>> binary_cross_entropy_gradient(0.0, 1.0)
        -0.5
        >>> binary_cross_entropy_gradient([0.0, 2.0, -1000.0], [1.0, 1.0, 0.0])
        array([-0.5       , -0.11920292,  0.        ])
        >>> binary_cross_entropy_gradient([0.0], [2.0])
        Traceback (most recent call last):
        ...
        ValueError: targets must be in [0, 1], got 2.0 at index (0,)
    """
    values, y = _binary_targets(logits, targets)
    gradient: FloatArray = np.asarray(sigmoid(values), dtype=np.float64) - y
    return number_or_array(logits, gradient)
