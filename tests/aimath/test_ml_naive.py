"""aimath.ml.naive: right where the formula is safe, warns and breaks where it is not."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import numpy as np
import pytest

from aimath.ml import (
    cross_entropy,
    log_sigmoid,
    logsumexp,
    naive_cross_entropy,
    naive_log_sigmoid,
    naive_logsumexp,
    naive_sigmoid,
    naive_softmax,
    naive_softplus,
    sigmoid,
    softmax,
    softplus,
)

MODERATE = np.random.default_rng(20240604).standard_normal((4, 5)) * 5


def warning_messages(call: Callable[[], object]) -> tuple[object, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    return result, [str(w.message) for w in caught if w.category is RuntimeWarning]


def test_naive_forms_agree_with_stable_ones_on_moderate_input() -> None:
    np.testing.assert_allclose(naive_softmax(MODERATE), softmax(MODERATE), rtol=1e-13)
    np.testing.assert_allclose(naive_logsumexp(MODERATE), logsumexp(MODERATE), rtol=1e-13)
    np.testing.assert_allclose(naive_sigmoid(MODERATE), sigmoid(MODERATE), rtol=1e-13)
    np.testing.assert_allclose(naive_softplus(MODERATE), softplus(MODERATE), rtol=1e-12)
    # log(sigmoid(x)) near 0 already loses digits (sigmoid(x) is close to 1).
    np.testing.assert_allclose(naive_log_sigmoid(MODERATE), log_sigmoid(MODERATE), rtol=1e-9)
    labels = [0, 4, 2, 1]
    np.testing.assert_allclose(
        naive_cross_entropy(MODERATE, labels), cross_entropy(MODERATE, labels), rtol=1e-12
    )


def test_naive_softmax_overflows_to_nan() -> None:
    result, messages = warning_messages(lambda: naive_softmax([1000.0, 999.0, 998.0]))
    assert np.isnan(result).all()
    assert messages == ["overflow encountered in exp", "invalid value encountered in divide"]


def test_naive_softmax_underflows_to_zero_over_zero() -> None:
    result, messages = warning_messages(lambda: naive_softmax([-1000.0, -999.0, -998.0]))
    assert np.isnan(result).all()
    assert messages == ["invalid value encountered in divide"]


def test_naive_logsumexp_and_cross_entropy_break_for_large_logits() -> None:
    result, messages = warning_messages(lambda: naive_logsumexp([1000.0, 1000.0]))
    assert result == np.inf
    assert messages == ["overflow encountered in exp"]
    losses, messages = warning_messages(
        lambda: naive_cross_entropy([[1000.0, 0.0, -1000.0]] * 2, [0, 1])
    )
    assert np.isnan(losses[0])  # type: ignore[index]
    assert losses[1] == np.inf  # type: ignore[index]
    assert "overflow encountered in exp" in messages


def test_naive_sigmoid_warns_but_softplus_loses_digits() -> None:
    with pytest.warns(RuntimeWarning, match="overflow encountered in exp"):
        assert naive_sigmoid(-1000.0) == 0.0
    assert naive_softplus(-40.0) == 0.0  # silently: 1 + 4e-18 rounds to 1
    with pytest.warns(RuntimeWarning, match="overflow encountered in exp"):
        assert naive_softplus(1000.0) == np.inf


def test_naive_functions_still_check_their_input() -> None:
    with pytest.raises(TypeError, match="x must hold real numbers"):
        naive_softmax(["a"])
