"""aimath.ml.gradients: analytic gradients against central differences and SymPy."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath.ml import (
    binary_cross_entropy,
    binary_cross_entropy_gradient,
    central_difference,
    cross_entropy,
    cross_entropy_gradient,
    softmax,
    softmax_jacobian,
)

logit_values = st.floats(min_value=-20.0, max_value=20.0, allow_nan=False)


def partial_derivatives(function: object, x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """Central differences of a scalar function of a vector, one coordinate at a time."""

    def along(i: int) -> float:
        def moved(t: float) -> float:
            shifted = x.copy()
            shifted[i] += t
            return float(function(shifted))  # type: ignore[operator]

        return central_difference(moved, 0.0, h=h)

    return np.array([along(i) for i in range(x.size)])


@settings(max_examples=50, deadline=None)
@given(st.lists(logit_values, min_size=2, max_size=6), st.data())
def test_cross_entropy_gradient_matches_central_differences(
    logits: list[float], data: st.DataObject
) -> None:
    x = np.array(logits)
    label = data.draw(st.integers(0, x.size - 1))
    numeric = partial_derivatives(lambda v: cross_entropy(v, label), x)
    analytic = cross_entropy_gradient(x, label)
    np.testing.assert_allclose(analytic, numeric, rtol=0, atol=1e-7)


@settings(max_examples=50, deadline=None)
@given(st.lists(logit_values, min_size=2, max_size=6))
def test_gradient_sums_to_zero_and_is_p_minus_onehot(logits: list[float]) -> None:
    x = np.array(logits)
    for label in range(x.size):
        gradient = cross_entropy_gradient(x, label)
        assert abs(gradient.sum()) < 1e-12
        assert gradient[label] <= 0
        expected = softmax(x)
        expected[label] -= 1
        np.testing.assert_array_equal(gradient, expected)


def test_cross_entropy_gradient_batch_along_both_axes() -> None:
    batch = np.array([[2.0, 0.0, -1.0], [0.5, 0.5, 3.0]])
    rows = cross_entropy_gradient(batch, [0, 2])
    columns = cross_entropy_gradient(batch.T, [0, 2], axis=0)
    np.testing.assert_array_equal(rows, columns.T)
    np.testing.assert_array_equal(rows[1], cross_entropy_gradient(batch[1], 2))


def test_cross_entropy_gradient_of_huge_logits_has_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        gradient = cross_entropy_gradient([1000.0, 0.0, -1000.0], 1)
    np.testing.assert_array_equal(gradient, [1.0, -1.0, 0.0])


@pytest.mark.parametrize(
    ("logits", "labels", "message"),
    [
        ([1.0, np.nan], 0, "logits must not contain nan"),
        ([1.0, np.inf], 0, r"logits must not contain \+inf"),
        ([1.0, 2.0], 2, r"labels must be class indices in range\(2\), got 2"),
        ([[1.0, 2.0]], [0, 1], r"labels must have shape \(1,\)"),
    ],
)
def test_cross_entropy_gradient_rejects_bad_input(
    logits: object, labels: object, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        cross_entropy_gradient(logits, labels)  # type: ignore[arg-type]


@settings(max_examples=50, deadline=None)
@given(st.lists(logit_values, min_size=1, max_size=6))
def test_softmax_jacobian_matches_central_differences(logits: list[float]) -> None:
    x = np.array(logits)
    jacobian = softmax_jacobian(x)
    for i in range(x.size):
        numeric = partial_derivatives(lambda v, i=i: softmax(v)[i], x)
        np.testing.assert_allclose(jacobian[i], numeric, rtol=0, atol=1e-8)
    np.testing.assert_allclose(jacobian, jacobian.T, rtol=0, atol=0)
    np.testing.assert_allclose(jacobian.sum(axis=1), 0, atol=1e-15)


def test_softmax_jacobian_matches_sympy() -> None:
    symbols = sympy.symbols("x0:3", real=True)
    denominator = sum(sympy.exp(s) for s in symbols)
    probabilities = [sympy.exp(s) / denominator for s in symbols]
    point = dict(zip(symbols, (0.3, -1.2, 2.0), strict=True))
    exact = np.array(
        [[float(sympy.diff(p, s).subs(point)) for s in symbols] for p in probabilities]
    )
    np.testing.assert_allclose(softmax_jacobian([0.3, -1.2, 2.0]), exact, rtol=1e-13, atol=0)


def test_softmax_jacobian_rejects_a_matrix() -> None:
    with pytest.raises(ValueError, match="x must be one-dimensional"):
        softmax_jacobian([[0.0, 1.0]])


@settings(max_examples=100, deadline=None)
@given(logit_values, st.sampled_from([0.0, 1.0, 0.3]))
def test_binary_cross_entropy_gradient_matches_central_difference(x: float, y: float) -> None:
    numeric = central_difference(lambda t: binary_cross_entropy(t, y), x, h=1e-6)
    analytic = binary_cross_entropy_gradient(x, y)
    assert abs(float(analytic) - numeric) < 1e-8


def test_binary_cross_entropy_gradient_is_sigmoid_minus_target_at_extremes() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        gradient = binary_cross_entropy_gradient([-1000.0, 1000.0, 0.0], [1.0, 1.0, 0.0])
    np.testing.assert_array_equal(gradient, [-1.0, 0.0, 0.5])


@pytest.mark.parametrize(
    ("logits", "targets", "message"),
    [
        ([np.inf], [1.0], r"logits must be finite, got inf at index \(0,\)"),
        ([0.0, 1.0], [1.0], r"targets must have the shape of logits, \(2,\), got \(1,\)"),
        ([0.0], [-0.5], r"targets must be in \[0, 1\], got -0.5 at index \(0,\)"),
        ([0.0], [np.nan], r"targets must be in \[0, 1\], got nan"),
    ],
)
def test_binary_cross_entropy_gradient_rejects_bad_input(
    logits: object, targets: object, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        binary_cross_entropy_gradient(logits, targets)  # type: ignore[arg-type]
