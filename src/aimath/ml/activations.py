r"""Activation functions built on \(e^{x} - 1\): the ELU and its derivative.

The exponential linear unit (ELU) with parameter \(\alpha > 0\) is
\(\operatorname{ELU}_\alpha(x) = x\) for \(x > 0\) and
\(\operatorname{ELU}_\alpha(x) = \alpha\,(e^{x} - 1)\) for \(x \le 0\).

For \(x\) just below 0, \(e^{x}\) is a float close to 1 and `exp(x) - 1`
cancels most of its digits; [`elu`][aimath.ml.activations.elu] evaluates the
negative branch with `expm1`, as PyTorch's `torch.nn.ELU` does, and keeps them.

Conventions (as in `aimath.ml.sigmoid`):

- `x` is a real number, a Python sequence or a NumPy array; the function is
  applied element by element. A single number gives a `float`, anything else
  an array of the same shape.
- `+inf` and `-inf` give the limits (`elu(inf) = inf`, `elu(-inf) = -alpha`).
- `nan` in `x` raises `ValueError`; so does an `alpha` that is not a finite
  number > 0.
- No NumPy warning is emitted for any accepted input.
"""

from __future__ import annotations

from typing import overload

import numpy as np
from numpy.typing import ArrayLike

from aimath._checks import require_positive_real
from aimath.ml._arrays import FloatArray, number_or_array, real_values

__all__ = ["elu", "elu_derivative"]


@overload
def elu(x: float, alpha: float = 1.0) -> float: ...
@overload
def elu(x: ArrayLike, alpha: float = 1.0) -> FloatArray: ...
def elu(x: ArrayLike, alpha: float = 1.0) -> float | FloatArray:
    r"""Return the ELU, \(x\) for \(x > 0\) and \(\alpha(e^{x} - 1)\) for \(x \le 0\).

    The negative branch is computed as `alpha * expm1(x)`, so it keeps all its
    digits near 0, where `alpha * (exp(x) - 1)` loses them (see
    [`naive_elu`][aimath.ml.naive.naive_elu]). Only \(x \le 0\) is passed to
    `expm1`, so nothing overflows.

    Args:
        x: A real number or an array of them (`nan` rejected).
        alpha: The parameter \(\alpha > 0\), finite; the ELU tends to
            \(-\alpha\) as \(x \to -\infty\). Default 1.

    Returns:
        \(\operatorname{ELU}_\alpha(x)\), element by element, in \([-\alpha, \infty]\)
        (it rounds to \(-\alpha\) for very negative `x`).

    Raises:
        TypeError: If `x` does not hold real numbers or `alpha` is not a real number.
        ValueError: If `x` is empty or contains `nan`, or `alpha` is not a finite
            number > 0.

    Examples:
        >>> elu(2.0)
        2.0
        >>> elu(-1e-10)  # e^x - 1 = -1e-10 + 5e-21 - ..., to every digit
        -9.999999999500001e-11
        >>> elu([-np.inf, 0.0, 1.5], alpha=0.5)
        array([-0.5,  0. ,  1.5])
        >>> elu(1.0, alpha=-1.0)
        Traceback (most recent call last):
        ...
        ValueError: alpha must be > 0, got -1.0
    """
    a = require_positive_real(alpha, "alpha")
    values = real_values(x, "x")
    with np.errstate(under="ignore"):  # alpha * expm1 of a tiny x may be subnormal
        negative = a * np.expm1(np.minimum(values, 0.0))
    result = np.where(values > 0, values, negative)
    return number_or_array(x, result)


@overload
def elu_derivative(x: float, alpha: float = 1.0) -> float: ...
@overload
def elu_derivative(x: ArrayLike, alpha: float = 1.0) -> FloatArray: ...
def elu_derivative(x: ArrayLike, alpha: float = 1.0) -> float | FloatArray:
    r"""Return the ELU's derivative, 1 for \(x > 0\) and \(\alpha e^{x}\) for \(x \le 0\).

    For \(x < 0\), \(\frac{d}{dx}\,\alpha(e^{x} - 1) = \alpha e^{x}\), which also
    equals \(\operatorname{ELU}_\alpha(x) + \alpha\). At \(x = 0\) the two
    one-sided derivatives are \(\alpha\) (left) and 1 (right), so the ELU is
    differentiable there only for \(\alpha = 1\); this function returns the
    left value \(\alpha\) at 0.

    Args:
        x: A real number or an array of them (`nan` rejected).
        alpha: The ELU's parameter \(\alpha > 0\); finite. Default 1.

    Returns:
        The derivative, element by element, in \([0, \max(\alpha, 1)]\)
        (it underflows to 0 for very negative `x`, and is 0 for `-inf`).

    Raises:
        TypeError: If `x` does not hold real numbers or `alpha` is not a real number.
        ValueError: If `x` is empty or contains `nan`, or `alpha` is not a finite
            number > 0.

    Examples:
        >>> elu_derivative(3.0)
        1.0
        >>> elu_derivative(-2.0), elu(-2.0) + 1.0  # alpha e^x = ELU(x) + alpha
        (0.1353352832366127, 0.1353352832366127)
        >>> elu_derivative([-np.inf, 0.0, 1.0], alpha=2.0)
        array([0., 2., 1.])
    """
    a = require_positive_real(alpha, "alpha")
    values = real_values(x, "x")
    with np.errstate(under="ignore"):  # e^x underflows to 0 below about -745, correctly
        negative = a * np.exp(np.minimum(values, 0.0))
    result = np.where(values > 0, 1.0, negative)
    return number_or_array(x, result)
