"""Exponentials in machine learning: softmax, sigmoid, decay, expm1/log1p.

- [`aimath.ml.softmax`][aimath.ml.softmax]: softmax (with temperature), log-softmax,
  log-sum-exp and cross-entropy from logits, all without overflow.
- [`aimath.ml.sigmoid`][aimath.ml.sigmoid]: sigmoid, its derivative, softplus and log-sigmoid,
  the logit (its inverse) and the binary cross-entropy from logits.
- [`aimath.ml.activations`][aimath.ml.activations]: the ELU and its derivative, with `expm1`.
- [`aimath.ml.gradients`][aimath.ml.gradients]: the gradients of both losses with respect to the
  logits (`p - onehot(y)` and `sigmoid(x) - y`) and the softmax Jacobian.
- [`aimath.ml.floats`][aimath.ml.floats]: the overflow threshold of `exp` in float16, bfloat16,
  float32 and float64.
- [`aimath.ml.decay`][aimath.ml.decay]: exponential learning-rate decay and exponential
  moving averages (with Adam's bias correction).
- [`aimath.ml.numerics`][aimath.ml.numerics]: exact references for ``expm1``/``log1p``,
  relative errors and central differences, for checking results.
- [`aimath.ml.naive`][aimath.ml.naive]: the textbook formulas written literally, kept only
  to show on the pages how they overflow.

Functions take real numbers, Python sequences or NumPy arrays and return floats
or float64 arrays; bad input raises ``TypeError`` or ``ValueError`` naming the
argument, and no NumPy warning is emitted for accepted input (except by the
deliberately naive functions).
"""

from aimath.ml.activations import elu, elu_derivative
from aimath.ml.decay import (
    continuous_decay_lr,
    ema_weights,
    exponential_decay_lr,
    exponential_moving_average,
    half_life_steps,
    lr_schedule,
)
from aimath.ml.floats import BFLOAT16_MAX, largest_finite, overflow_threshold
from aimath.ml.gradients import (
    binary_cross_entropy_gradient,
    cross_entropy_gradient,
    softmax_jacobian,
)
from aimath.ml.naive import (
    naive_cross_entropy,
    naive_elu,
    naive_log_sigmoid,
    naive_logsumexp,
    naive_sigmoid,
    naive_softmax,
    naive_softplus,
)
from aimath.ml.numerics import (
    central_difference,
    reference_expm1,
    reference_log1p,
    relative_error,
)
from aimath.ml.sigmoid import (
    binary_cross_entropy,
    log_sigmoid,
    logit,
    sigmoid,
    sigmoid_derivative,
    softplus,
)
from aimath.ml.softmax import cross_entropy, log_softmax, logsumexp, softmax

__all__ = [
    "BFLOAT16_MAX",
    "binary_cross_entropy",
    "binary_cross_entropy_gradient",
    "central_difference",
    "continuous_decay_lr",
    "cross_entropy",
    "cross_entropy_gradient",
    "elu",
    "elu_derivative",
    "ema_weights",
    "exponential_decay_lr",
    "exponential_moving_average",
    "half_life_steps",
    "largest_finite",
    "log_sigmoid",
    "log_softmax",
    "logit",
    "logsumexp",
    "lr_schedule",
    "naive_cross_entropy",
    "naive_elu",
    "naive_log_sigmoid",
    "naive_logsumexp",
    "naive_sigmoid",
    "naive_softmax",
    "naive_softplus",
    "overflow_threshold",
    "reference_expm1",
    "reference_log1p",
    "relative_error",
    "sigmoid",
    "sigmoid_derivative",
    "softmax",
    "softmax_jacobian",
    "softplus",
]
