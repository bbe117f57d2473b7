r"""The sigmoid function and its relatives, evaluated without overflow.

\(\sigma(x) = 1 / (1 + e^{-x})\). The naive formula overflows for very
negative ``x`` (``exp(-x)`` is too large), although the value itself is just
close to 0. Because \(1 - \sigma(x) = \sigma(-x)\), every function here
needs only \(e^{-|x|} \in (0, 1]\), which cannot overflow.

Conventions shared by every function here:

- ``x`` is a real number, a Python sequence or a NumPy array; the function is
  applied element by element. A single number gives a ``float``, anything else
  an array of the same shape.
- ``+inf`` and ``-inf`` give the limits (``sigmoid(inf) = 1``,
  ``softplus(-inf) = 0``, ``log_sigmoid(-inf) = -inf``...), as in SciPy.
- ``nan`` raises ``ValueError`` (SciPy returns ``nan``).
- [`sigmoid`][aimath.ml.sigmoid.sigmoid] and [`log_sigmoid`][aimath.ml.sigmoid.log_sigmoid] agree
  with ``scipy.special.expit`` and ``scipy.special.log_expit`` to a relative tolerance of ``1e-12``, and
  [`softplus`][aimath.ml.sigmoid.softplus] with ``numpy.logaddexp(0, x)``; the tests check this on
  random and extreme inputs. Results below ``1e-300`` (subnormal floats) may
  differ by an absolute ``1e-300``: ``sigmoid(-745)`` is ``5e-324`` here, the
  nearest float to \(e^{-745}\), where SciPy returns 0.
- No NumPy warning is emitted for any accepted input.
"""

from __future__ import annotations

from typing import overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from aimath.ml._arrays import FloatArray, as_real_array, number_or_array, real_values

__all__ = [
    "binary_cross_entropy",
    "log_sigmoid",
    "logit",
    "sigmoid",
    "sigmoid_derivative",
    "softplus",
]


def _exp_minus_abs(values: FloatArray) -> FloatArray:
    """``exp(-|x|)``, in (0, 1]: never overflows (it may underflow to 0, correctly)."""
    with np.errstate(under="ignore"):
        result: FloatArray = np.exp(-np.abs(values))
    return result


@overload
def sigmoid(x: float) -> float: ...
@overload
def sigmoid(x: ArrayLike) -> FloatArray: ...
def sigmoid(x: ArrayLike) -> float | FloatArray:
    r"""Return the logistic sigmoid \(\sigma(x) = 1 / (1 + e^{-x})\).

    Evaluated as ``1 / (1 + z)`` for ``x >= 0`` and ``z / (1 + z)`` for ``x < 0``
    with ``z = exp(-|x|)``; the second form is the first multiplied by
    \(e^{x}/e^{x}\).

    Args:
        x: A real number or an array of them (``nan`` rejected).

    Returns:
        \(\sigma(x)\) in [0, 1], element by element.

    Raises:
        TypeError: If ``x`` does not hold real numbers.
        ValueError: If ``x`` is empty or contains ``nan``.

    Examples:
        >>> sigmoid(0)
        0.5
        >>> sigmoid(-1000.0)
        0.0
        >>> sigmoid([-np.inf, 2.0, np.inf])
        array([0.        , 0.88079708, 1.        ])
    """
    values = real_values(x, "x")
    z = _exp_minus_abs(values)
    result = np.where(values >= 0, 1.0 / (1.0 + z), z / (1.0 + z))
    return number_or_array(x, result)


@overload
def sigmoid_derivative(x: float) -> float: ...
@overload
def sigmoid_derivative(x: ArrayLike) -> FloatArray: ...
def sigmoid_derivative(x: ArrayLike) -> float | FloatArray:
    r"""Return the derivative \(\sigma'(x) = \sigma(x)(1 - \sigma(x)) = \sigma(x)\sigma(-x)\).

    The product \(\sigma(x)\sigma(-x)\) is used because ``1 - sigmoid(x)``
    cancels to 0 once ``sigmoid(x)`` rounds to 1 (from about ``x = 37``), while
    \(\sigma(-x)\) keeps its digits.

    Args:
        x: A real number or an array of them (``nan`` rejected).

    Returns:
        \(\sigma'(x)\) in [0, 1/4], element by element.

    Raises:
        TypeError: If ``x`` does not hold real numbers.
        ValueError: If ``x`` is empty or contains ``nan``.

    Examples:
        >>> sigmoid_derivative(0)
        0.25
        >>> sigmoid_derivative(40.0)
        4.248354255291589e-18
    """
    values = real_values(x, "x")
    z = _exp_minus_abs(values)
    # sigma(x) * sigma(-x) = z / (1 + z)**2 for either sign of x.
    with np.errstate(under="ignore"):
        result = z / (1.0 + z) ** 2
    return number_or_array(x, result)


@overload
def softplus(x: float) -> float: ...
@overload
def softplus(x: ArrayLike) -> FloatArray: ...
def softplus(x: ArrayLike) -> float | FloatArray:
    r"""Return the softplus \(\log(1 + e^{x})\), computed as ``max(x, 0) + log1p(exp(-|x|))``.

    For ``x > 0``, \(1 + e^{x} = e^{x}(1 + e^{-x})\), so the log is
    \(x + \log(1 + e^{-x})\); ``log1p`` keeps the digits of the small term.

    Args:
        x: A real number or an array of them (``nan`` rejected).

    Returns:
        \(\log(1 + e^{x}) > 0\) (``+inf`` for ``+inf``, 0 for ``-inf``).

    Raises:
        TypeError: If ``x`` does not hold real numbers.
        ValueError: If ``x`` is empty or contains ``nan``.

    Examples:
        >>> softplus(1000.0)
        1000.0
        >>> softplus(-40.0)
        4.248354255291589e-18
    """
    values = real_values(x, "x")
    result = np.maximum(values, 0.0) + np.log1p(_exp_minus_abs(values))
    return number_or_array(x, result)


@overload
def log_sigmoid(x: float) -> float: ...
@overload
def log_sigmoid(x: ArrayLike) -> FloatArray: ...
def log_sigmoid(x: ArrayLike) -> float | FloatArray:
    r"""Return the log of the sigmoid, \(\log \sigma(x) = -\mathrm{softplus}(-x)\).

    Computed as ``min(x, 0) - log1p(exp(-|x|))``, never as ``log(sigmoid(x))``,
    which is ``log(0) = -inf`` once ``sigmoid(x)`` underflows.

    Args:
        x: A real number or an array of them (``nan`` rejected).

    Returns:
        \(\log \sigma(x) < 0\) (0 for ``+inf``, ``-inf`` for ``-inf``).

    Raises:
        TypeError: If ``x`` does not hold real numbers.
        ValueError: If ``x`` is empty or contains ``nan``.

    Examples:
        >>> log_sigmoid(-1000.0)
        -1000.0
        >>> log_sigmoid(0)
        -0.6931471805599453
    """
    values = real_values(x, "x")
    result = np.minimum(values, 0.0) - np.log1p(_exp_minus_abs(values))
    return number_or_array(x, result)


def _bad_value_message(values: FloatArray, bad: NDArray[np.bool_], name: str, rule: str) -> str:
    """The error message for the first element of ``values`` where ``bad`` is True."""
    where = tuple(int(i) for i in np.argwhere(np.atleast_1d(bad))[0])
    first = float(np.atleast_1d(values)[where])
    suffix = "" if values.ndim == 0 else f" at index {where}"
    return f"{name} must be {rule}, got {first!r}{suffix}"


@overload
def logit(p: float) -> float: ...
@overload
def logit(p: ArrayLike) -> FloatArray: ...
def logit(p: ArrayLike) -> float | FloatArray:
    r"""Return the logit \(\ln(p / (1 - p))\), the inverse of the sigmoid.

    For \(0 < p < 1\), \(x = \ln(p/(1-p))\) is the one real number with
    \(\sigma(x) = p\). It is computed as `log(p) - log1p(-p)`. No real \(x\)
    has \(\sigma(x) = 0\) or \(1\), so \(p = 0\) and \(p = 1\) have no logit
    (the formula would give \(-\infty\) and \(+\infty\)); they are refused
    with every other value outside \((0, 1)\). `scipy.special.logit` returns
    `-inf` and `inf` at 0 and 1, and `nan` outside \([0, 1]\).

    Args:
        p: A probability strictly between 0 and 1, or an array of them.

    Returns:
        The logit, a float for a number, an array of the same shape otherwise.

    Raises:
        TypeError: If `p` does not hold real numbers.
        ValueError: If `p` is empty, or an element is not in the open interval
            \((0, 1)\) (`nan` included).

    Examples:
        >>> logit(0.5)
        0.0
        >>> logit([0.25, 0.75])
        array([-1.09861229,  1.09861229])
        >>> logit(1.0)
        Traceback (most recent call last):
        ...
        ValueError: p must be in the open interval (0, 1), got 1.0
    """
    values = as_real_array(p, "p")
    outside = ~((values > 0) & (values < 1))  # nan is outside too
    if outside.any():
        raise ValueError(_bad_value_message(values, outside, "p", "in the open interval (0, 1)"))
    result: FloatArray = np.log(values) - np.log1p(-values)
    return number_or_array(p, result)


def _binary_targets(logits: object, targets: object) -> tuple[FloatArray, FloatArray]:
    """Check logits (finite) and targets (in [0, 1], same shape) for the binary loss."""
    values = as_real_array(logits, "logits")
    not_finite = ~np.isfinite(values)
    if not_finite.any():
        raise ValueError(_bad_value_message(values, not_finite, "logits", "finite"))
    y = as_real_array(targets, "targets")
    if y.shape != values.shape:
        msg = f"targets must have the shape of logits, {values.shape}, got {y.shape}"
        raise ValueError(msg)
    outside = ~((y >= 0) & (y <= 1))  # nan is outside too
    if outside.any():
        raise ValueError(_bad_value_message(y, outside, "targets", "in [0, 1]"))
    return values, y


@overload
def binary_cross_entropy(logits: float, targets: float) -> float: ...
@overload
def binary_cross_entropy(logits: ArrayLike, targets: ArrayLike) -> float | FloatArray: ...
def binary_cross_entropy(logits: ArrayLike, targets: ArrayLike) -> float | FloatArray:
    r"""Return the binary cross-entropy of \(\sigma(x)\) against \(y\), from the logit \(x\).

    The loss \(-y \ln \sigma(x) - (1 - y) \ln(1 - \sigma(x))\) equals
    \(\ln(1 + e^{x}) - y x\) for every real \(y\). It is computed as
    `x * (1 - y) + log1p(exp(-x))` for \(x \ge 0\) and
    `-x * y + log1p(exp(x))` for \(x < 0\). No exponent is positive, so nothing
    overflows (PyTorch's `BCEWithLogitsLoss` also works from logits for this
    reason), and the difference `x - x * y`, which cancels for a large \(x\) and
    a soft target close to 1, is never formed. Neither is \(\sigma(x)\), so a
    probability that rounds to 0 or 1 cannot produce \(\ln 0\).

    Args:
        logits: Finite real logits, a number or an array.
        targets: Targets \(y\) in \([0, 1]\) (usually 0 or 1), of the same shape
            as `logits`.

    Returns:
        The loss of each element, \(\ge 0\): a float for numbers, otherwise an
        array of the shape of `logits`. For a soft target \(0 < y < 1\) the
        smallest loss over \(x\) is not 0 but \(-y \ln y - (1 - y) \ln(1 - y)\),
        at \(x = \mathrm{logit}(y)\).

    Raises:
        TypeError: If an argument does not hold real numbers.
        ValueError: If the shapes differ, a logit is not finite, or a target is
            outside \([0, 1]\).

    Examples:
        >>> binary_cross_entropy(0.0, 1.0)
        0.6931471805599453
        >>> binary_cross_entropy([1000.0, -1000.0], [0.0, 0.0])
        array([1000.,    0.])
        >>> binary_cross_entropy(30.0, 0.999999)  # soft target: 30 * 1e-6 + e^-30
        3.00000000944389e-05
        >>> binary_cross_entropy(float("inf"), 1.0)
        Traceback (most recent call last):
        ...
        ValueError: logits must be finite, got inf
    """
    values, y = _binary_targets(logits, targets)
    linear = np.where(values >= 0, values * (1.0 - y), -values * y)
    losses = linear + np.log1p(_exp_minus_abs(values))
    return number_or_array(logits, losses)
