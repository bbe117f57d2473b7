"""aimath.ml.softmax against scipy.special, on random and extreme inputs, and bad input."""

from __future__ import annotations

import warnings
from fractions import Fraction

import numpy as np
import pytest
import scipy.special
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from aimath.ml import cross_entropy, log_softmax, logsumexp, softmax

# The tolerance documented in aimath.ml.softmax.
RTOL = 1e-12

RNG_SEED = 20240601
SHAPES = [(7,), (4, 5), (3, 4, 5)]
SCALES = [1.0, 30.0, 1000.0, 1e300]


def random_logits(shape: tuple[int, ...], scale: float, seed: int = RNG_SEED) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape) * scale


def axes_of(shape: tuple[int, ...]) -> list[int | None]:
    return [None, *range(len(shape)), -1]


EXTREME_INPUTS = [
    [1000.0, 999.0, 998.0],
    [-1000.0, -999.0, -998.0],
    [1000.0, -1000.0],
    [0.0, -np.inf, 3.0],
    [-np.inf, -np.inf, -5.0],
    [1.7e308, -1.7e308, 0.0],
    [5e-324, 0.0, -5e-324],
]


def scipy_reference(function: object, *args: object, **kwargs: object) -> np.ndarray:
    # SciPy warns where its own subtraction overflows (inputs near +-1.8e308);
    # the overflow there is harmless, as in aimath, so the reference may too.
    with np.errstate(over="ignore"):
        return np.asarray(function(*args, **kwargs))  # type: ignore[operator]


def assert_matches(ours: np.ndarray, reference: np.ndarray) -> None:
    reference = np.asarray(reference)
    assert ours.shape == reference.shape
    # Entries that are exactly 0 or -inf must agree exactly; the rest within RTOL.
    np.testing.assert_array_equal(ours == 0, reference == 0)
    np.testing.assert_array_equal(np.isneginf(ours), np.isneginf(reference))
    np.testing.assert_allclose(ours, reference, rtol=RTOL, atol=0)


# --- softmax -----------------------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("scale", SCALES)
def test_softmax_matches_scipy_on_random_input(shape: tuple[int, ...], scale: float) -> None:
    logits = random_logits(shape, scale)
    for axis in axes_of(shape):
        assert_matches(softmax(logits, axis=axis), scipy.special.softmax(logits, axis=axis))


@pytest.mark.parametrize("logits", EXTREME_INPUTS)
def test_softmax_matches_scipy_on_extreme_input(logits: list[float]) -> None:
    assert_matches(softmax(logits), scipy_reference(scipy.special.softmax, np.array(logits)))


@pytest.mark.parametrize("temperature", [1e-3, 0.5, 1, 2.0, 100.0])
def test_softmax_with_temperature_is_softmax_of_scaled_logits(temperature: float) -> None:
    logits = random_logits((4, 6), 5.0)
    expected = scipy.special.softmax(logits / temperature, axis=-1)
    assert_matches(softmax(logits, temperature=temperature), expected)


def test_tiny_temperature_gives_the_argmax_and_huge_gives_uniform() -> None:
    logits = [1.0, 3.0, 2.0]
    np.testing.assert_array_equal(softmax(logits, temperature=1e-300), [0.0, 1.0, 0.0])
    np.testing.assert_allclose(softmax(logits, temperature=1e300), [1 / 3] * 3, rtol=1e-15)


def test_softmax_sums_to_one_and_is_shift_invariant() -> None:
    logits = random_logits((5, 8), 10.0)
    probabilities = softmax(logits)
    np.testing.assert_allclose(probabilities.sum(axis=-1), 1.0, rtol=1e-15)
    np.testing.assert_allclose(softmax(logits + 123.0), probabilities, rtol=1e-12)
    # Shifting by the maximum is what softmax does inside: the results agree exactly.
    shifted = logits - logits.max(axis=-1, keepdims=True)
    np.testing.assert_array_equal(softmax(shifted), probabilities)


def test_neg_inf_logit_has_probability_zero() -> None:
    np.testing.assert_array_equal(softmax([0.0, -np.inf, 0.0]), [0.5, 0.0, 0.5])


@given(
    hnp.arrays(
        np.float64,
        hnp.array_shapes(min_dims=1, max_dims=2, min_side=1, max_side=6),
        elements=st.floats(-1e6, 1e6),
    )
)
def test_softmax_is_a_distribution_for_any_finite_input(logits: np.ndarray) -> None:
    probabilities = softmax(logits)
    assert np.all((probabilities >= 0) & (probabilities <= 1))
    np.testing.assert_allclose(probabilities.sum(axis=-1), 1.0, rtol=1e-12)
    assert_matches(probabilities, scipy.special.softmax(logits, axis=-1))


def test_softmax_accepts_sequences_of_ints_and_fractions() -> None:
    assert_matches(softmax([1, 2, 3]), scipy.special.softmax([1.0, 2.0, 3.0]))
    assert_matches(softmax([Fraction(1, 2), 0]), scipy.special.softmax([0.5, 0.0]))
    assert_matches(softmax(np.array([1, 2], dtype=np.int8)), scipy.special.softmax([1.0, 2.0]))


def test_softmax_does_not_modify_its_input() -> None:
    logits = np.array([3.0, 1.0, 2.0])
    softmax(logits)
    np.testing.assert_array_equal(logits, [3.0, 1.0, 2.0])


# --- log_softmax and logsumexp -------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("scale", SCALES[:3])
def test_log_softmax_matches_scipy(shape: tuple[int, ...], scale: float) -> None:
    logits = random_logits(shape, scale)
    for axis in axes_of(shape):
        ours = log_softmax(logits, axis=axis)
        assert_matches(ours, scipy.special.log_softmax(logits, axis=axis))


@pytest.mark.parametrize("logits", EXTREME_INPUTS[:5])
def test_log_softmax_matches_scipy_on_extreme_input(logits: list[float]) -> None:
    assert_matches(log_softmax(logits), scipy.special.log_softmax(np.array(logits)))


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("scale", SCALES[:3])
def test_logsumexp_matches_scipy_on_random_input(shape: tuple[int, ...], scale: float) -> None:
    values = random_logits(shape, scale)
    for axis in axes_of(shape):
        ours = np.asarray(logsumexp(values, axis=axis))
        assert_matches(ours, scipy.special.logsumexp(values, axis=axis))


@pytest.mark.parametrize("values", EXTREME_INPUTS[:6])
def test_logsumexp_matches_scipy_on_extreme_input(values: list[float]) -> None:
    ours = logsumexp(values)
    assert isinstance(ours, float)
    assert_matches(np.asarray(ours), scipy_reference(scipy.special.logsumexp, np.array(values)))


def test_logsumexp_is_log_of_sum_where_that_does_not_overflow() -> None:
    values = [0.5, -1.0, 2.0]
    assert logsumexp(values) == pytest.approx(np.log(np.sum(np.exp(values))), rel=1e-15)
    assert logsumexp([1000.0, 1000.0]) == pytest.approx(1000 + np.log(2), rel=1e-15)


def test_logsumexp_of_only_neg_inf_is_neg_inf_like_scipy() -> None:
    assert logsumexp([-np.inf, -np.inf]) == -np.inf
    rows = logsumexp([[-np.inf, -np.inf], [0.0, 0.0]])
    assert isinstance(rows, np.ndarray)
    assert rows[0] == -np.inf
    assert rows[1] == pytest.approx(np.log(2))


def test_logsumexp_near_the_largest_float_does_not_overflow() -> None:
    # max + log 2 rounds back to max: the spacing of floats there is about 2e292.
    assert logsumexp([1.7e308, 1.7e308]) == 1.7e308


def test_logsumexp_returns_float_for_one_number_and_array_otherwise() -> None:
    assert isinstance(logsumexp([1.0, 2.0]), float)
    assert isinstance(logsumexp([[1.0, 2.0]], axis=None), float)
    result = logsumexp([[1.0, 2.0], [3.0, 4.0]], axis=0)
    assert isinstance(result, np.ndarray)
    assert result.shape == (2,)


# --- cross_entropy --------------------------------------------------------------


def test_cross_entropy_matches_scipy_log_softmax() -> None:
    rng = np.random.default_rng(RNG_SEED)
    logits = rng.standard_normal((6, 4)) * 50
    labels = rng.integers(0, 4, size=6)
    expected = -scipy.special.log_softmax(logits, axis=-1)[np.arange(6), labels]
    np.testing.assert_allclose(cross_entropy(logits, labels), expected, rtol=RTOL)


def test_cross_entropy_along_axis_zero() -> None:
    rng = np.random.default_rng(RNG_SEED + 1)
    logits = rng.standard_normal((4, 6))  # classes along axis 0
    labels = rng.integers(0, 4, size=6)
    expected = -scipy.special.log_softmax(logits, axis=0)[labels, np.arange(6)]
    np.testing.assert_allclose(cross_entropy(logits, labels, axis=0), expected, rtol=RTOL)


def test_cross_entropy_stays_finite_for_huge_logits() -> None:
    assert cross_entropy([1000.0, 0.0, -1000.0], 0) == 0.0
    assert cross_entropy([1000.0, 0.0, -1000.0], 1) == 1000.0
    assert cross_entropy([1000.0, 0.0, -1000.0], 2) == 2000.0


def test_cross_entropy_of_a_neg_inf_true_logit_is_inf() -> None:
    assert cross_entropy([0.0, -np.inf], 1) == np.inf
    assert cross_entropy([0.0, -np.inf], 0) == 0.0


@pytest.mark.parametrize(
    ("labels", "error", "message"),
    [
        ([0, 1, 0], ValueError, r"labels must have shape \(2,\) to match the logits, got \(3,\)"),
        (0, ValueError, r"labels must have shape \(2,\)"),
        ([0, 3], ValueError, r"labels must be class indices in range\(3\), got 3"),
        ([-1, 0], ValueError, r"labels must be class indices in range\(3\), got -1"),
        ([2**70, 0], ValueError, r"labels must be class indices in range\(3\)"),
        ([0.0, 1.0], TypeError, "labels must hold integers"),
        ([True, False], TypeError, "labels must hold integers"),
        ("01", TypeError, "labels must hold integers"),
    ],
)
def test_cross_entropy_rejects_bad_labels(labels: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        cross_entropy([[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]], labels)  # type: ignore[call-overload]


def test_cross_entropy_rejects_axis_none() -> None:
    with pytest.raises(TypeError, match="axis must be an int, got NoneType"):
        cross_entropy([0.0, 1.0], 0, axis=None)  # type: ignore[call-overload]


def test_cross_entropy_names_logits_in_errors() -> None:
    with pytest.raises(ValueError, match="logits must not contain nan"):
        cross_entropy([0.0, np.nan], 0)
    with pytest.raises(ValueError, match="logits has a slice whose entries are all -inf"):
        cross_entropy([-np.inf, -np.inf], 0)


# --- bad input shared by the softmax family --------------------------------------

FUNCTIONS = [softmax, log_softmax, logsumexp]


@pytest.mark.parametrize("function", FUNCTIONS)
@pytest.mark.parametrize(
    ("x", "error", "message"),
    [
        ([], ValueError, "x must not be empty"),
        (np.zeros((3, 0)), ValueError, "x must not be empty"),
        (3.0, ValueError, "x must be a sequence or an array with at least one dimension"),
        ([1.0, np.nan], ValueError, r"x must not contain nan \(found at index \(1,\)\)"),
        ([1.0, np.inf], ValueError, r"x must not contain \+inf"),
        ([[1.0, 2.0], [3.0]], ValueError, "x must be a rectangular array"),
        (["a", "b"], TypeError, "x must hold real numbers, got str_"),
        ("12", TypeError, "x must hold real numbers, got str"),
        ([1.0, None], TypeError, "x must hold real numbers, got NoneType"),
        ([True, False], TypeError, "x must hold real numbers, got bool"),
        ([1j, 2.0], TypeError, "x must hold real numbers, got complex128"),
        (None, TypeError, "x must hold real numbers, got NoneType"),
        ([10**400, 1], OverflowError, "x holds a number too large for a float"),
    ],
)
def test_bad_input_raises_a_clear_error(
    function: object, x: object, error: type, message: str
) -> None:
    with pytest.raises(error, match=message):
        function(x)  # type: ignore[operator]


@pytest.mark.parametrize("function", FUNCTIONS)
def test_bad_axis_raises(function: object) -> None:
    with pytest.raises(ValueError, match=r"axis must be in \[-2, 2\) .* got 2"):
        function([[1.0, 2.0]], axis=2)  # type: ignore[operator]
    with pytest.raises(TypeError, match="axis must be an int, got float"):
        function([1.0, 2.0], axis=0.0)  # type: ignore[operator]


@pytest.mark.parametrize("function", [softmax, log_softmax])
def test_a_slice_of_only_neg_inf_has_no_softmax(function: object) -> None:
    with pytest.raises(ValueError, match="x has a slice whose entries are all -inf"):
        function([[0.0, 1.0], [-np.inf, -np.inf]])  # type: ignore[operator]


@pytest.mark.parametrize(
    ("temperature", "error", "message"),
    [
        (0, ValueError, "temperature must be > 0, got 0"),
        (-1.0, ValueError, "temperature must be > 0, got -1.0"),
        (np.inf, ValueError, "temperature must be finite"),
        (np.nan, ValueError, "temperature must be finite"),
        ("2", TypeError, "temperature must be a real number, got str"),
        (True, TypeError, "temperature must be a real number, got bool"),
    ],
)
def test_bad_temperature_raises(temperature: object, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        softmax([1.0, 2.0], temperature=temperature)  # type: ignore[arg-type]


def test_scipy_returns_nan_or_inf_where_these_functions_raise() -> None:
    # What the softmax page and module docstring say SciPy does for nan and +inf.
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        assert np.isnan(scipy.special.softmax([0.0, np.inf])).all()
        assert np.isnan(scipy.special.softmax([0.0, np.nan])).all()
        assert scipy.special.logsumexp([0.0, np.inf]) == np.inf
        assert np.isnan(scipy.special.logsumexp([0.0, np.nan]))
