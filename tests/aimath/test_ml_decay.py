"""aimath.ml.decay: schedules, moving averages (against scipy.signal.lfilter), bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.signal
from hypothesis import given
from hypothesis import strategies as st

from aimath.exponential.growth import half_life_from_rate
from aimath.ml import (
    continuous_decay_lr,
    ema_weights,
    exponential_decay_lr,
    exponential_moving_average,
    half_life_steps,
    lr_schedule,
)

RNG_SEED = 20240603


def test_exponential_decay_multiplies_by_gamma_each_step() -> None:
    assert exponential_decay_lr(0.1, 0.9, 0) == 0.1
    for k in range(1, 20):
        previous = exponential_decay_lr(0.1, 0.9, k - 1)
        assert exponential_decay_lr(0.1, 0.9, k) == pytest.approx(previous * 0.9, rel=1e-15)


def test_schedule_lists_the_same_rates() -> None:
    schedule = lr_schedule(0.1, 0.9, 50)
    assert schedule.shape == (50,)
    expected = [exponential_decay_lr(0.1, 0.9, k) for k in range(50)]
    np.testing.assert_allclose(schedule, expected, rtol=1e-15)


def test_schedule_underflows_to_zero_without_warning() -> None:
    assert lr_schedule(1.0, 0.5, 1200)[-1] == 0.0
    assert exponential_decay_lr(1.0, 0.5, 1200) == 0.0


@given(st.floats(1e-6, 10.0), st.floats(1e-3, 1.0), st.integers(0, 500))
def test_continuous_form_with_gamma_e_to_minus_lambda_agrees(
    lr0: float, gamma: float, k: int
) -> None:
    rate = -math.log(gamma)
    assert continuous_decay_lr(lr0, rate, k) == pytest.approx(
        exponential_decay_lr(lr0, gamma, k), rel=1e-10
    )


@pytest.mark.parametrize("gamma", [0.5, 0.9, 0.99, 0.999])
def test_half_life_halves_the_rate(gamma: float) -> None:
    steps = half_life_steps(gamma)
    assert gamma**steps == pytest.approx(0.5, rel=1e-12)


@pytest.mark.parametrize("gamma", [0.5, 0.9, 0.99, 0.999])
def test_half_life_steps_is_half_life_from_rate_with_lambda_minus_ln_gamma(gamma: float) -> None:
    assert half_life_steps(gamma) == pytest.approx(half_life_from_rate(-math.log(gamma)), rel=1e-15)


@pytest.mark.parametrize("mu", [0.0, 0.5, 0.9, 0.99])
def test_momentum_buffer_is_the_ema_divided_by_one_minus_mu(mu: float) -> None:
    # PyTorch's SGD with dampening 0: b_k = mu b_{k-1} + g_k, b_0 = 0.
    g = np.random.default_rng(RNG_SEED + 2).standard_normal(200)
    buffer, buffers = 0.0, []
    for value in g:
        buffer = mu * buffer + value
        buffers.append(buffer)
    np.testing.assert_allclose(
        buffers, exponential_moving_average(g, mu) / (1 - mu), rtol=1e-10, atol=1e-12
    )


def test_ema_matches_lfilter_and_the_unrolled_sum() -> None:
    rng = np.random.default_rng(RNG_SEED)
    g = rng.standard_normal(100)
    for beta in (0.0, 0.5, 0.9, 0.999):
        ema = exponential_moving_average(g, beta)
        reference = scipy.signal.lfilter([1 - beta], [1, -beta], g)
        np.testing.assert_allclose(ema, reference, rtol=1e-12, atol=1e-15)
        for k in (1, 10, 100):
            unrolled = float(np.dot(ema_weights(beta, k), g[:k]))
            assert ema[k - 1] == pytest.approx(unrolled, rel=1e-10, abs=1e-14)


def test_ema_along_an_axis_treats_other_axes_independently() -> None:
    rng = np.random.default_rng(RNG_SEED + 1)
    g = rng.standard_normal((3, 40))  # 3 series, steps along axis 1
    ema = exponential_moving_average(g, 0.8, axis=1)
    assert ema.shape == g.shape
    for row in range(3):
        np.testing.assert_allclose(ema[row], exponential_moving_average(g[row], 0.8))


@given(st.floats(0.0, 0.999), st.integers(1, 300))
def test_weights_sum_to_one_minus_beta_to_the_k(beta: float, k: int) -> None:
    assert float(np.sum(ema_weights(beta, k))) == pytest.approx(1 - beta**k, rel=1e-9, abs=1e-12)


@given(st.floats(0.0, 0.999), st.floats(-100, 100), st.integers(1, 200))
def test_bias_correction_makes_a_constant_series_exact(beta: float, c: float, n: int) -> None:
    corrected = exponential_moving_average([c] * n, beta, bias_correction=True)
    np.testing.assert_allclose(corrected, c, rtol=1e-9, atol=1e-12)


def test_constant_series_without_correction_is_one_minus_beta_to_the_k() -> None:
    ema = exponential_moving_average([1.0] * 5, 0.9)
    np.testing.assert_allclose(ema, [1 - 0.9**k for k in range(1, 6)], rtol=1e-14)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: exponential_decay_lr(0, 0.9, 1), ValueError, "initial_lr must be > 0, got 0"),
        (lambda: exponential_decay_lr(0.1, 0, 1), ValueError, "gamma must be > 0, got 0"),
        (lambda: exponential_decay_lr(0.1, 1.1, 1), ValueError, r"gamma must be in \(0, 1\]"),
        (lambda: exponential_decay_lr(0.1, 0.9, -1), ValueError, "step must be >= 0, got -1"),
        (lambda: exponential_decay_lr(0.1, 0.9, 1.0), TypeError, "step must be an int"),
        (lambda: exponential_decay_lr("0.1", 0.9, 1), TypeError, "initial_lr must be a real"),
        (lambda: lr_schedule(0.1, 0.9, 0), ValueError, "steps must be >= 1, got 0"),
        (lambda: continuous_decay_lr(0.1, -1.0, 1.0), ValueError, "rate must be >= 0"),
        (lambda: continuous_decay_lr(0.1, 1.0, -1.0), ValueError, "step must be >= 0"),
        (lambda: continuous_decay_lr(0.1, math.inf, 1.0), ValueError, "rate must be finite"),
        (lambda: half_life_steps(1.0), ValueError, "gamma must be < 1 to have a half-life"),
        (lambda: exponential_moving_average([1.0], 1.0), ValueError, r"beta must be in \[0, 1\)"),
        (lambda: exponential_moving_average([1.0], -0.1), ValueError, r"beta must be in \[0, 1\)"),
        (lambda: exponential_moving_average([1.0], True), TypeError, "beta must be a real number"),
        (lambda: exponential_moving_average([], 0.9), ValueError, "values must not be empty"),
        (lambda: exponential_moving_average(1.0, 0.9), ValueError, "at least one dimension"),
        (
            lambda: exponential_moving_average([1.0, np.nan], 0.9),
            ValueError,
            "must not contain nan",
        ),
        (lambda: exponential_moving_average([1.0, np.inf], 0.9), ValueError, "must be finite"),
        (lambda: exponential_moving_average(["a"], 0.9), TypeError, "values must hold real"),
        (lambda: exponential_moving_average([1.0], 0.9, axis=1), ValueError, "axis must be in"),
        (lambda: ema_weights(0.9, 0), ValueError, "step must be >= 1, got 0"),
    ],
)
def test_bad_input_raises_a_clear_error(call: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
