"""aimath.ml.floats: largest finite values and exp overflow thresholds per format."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from aimath.ml import BFLOAT16_MAX, largest_finite, overflow_threshold

NUMPY_FORMATS = [(np.float16, 5, 10), (np.float32, 8, 23), (np.float64, 11, 52)]


@pytest.mark.parametrize(("dtype", "exponent_bits", "fraction_bits"), NUMPY_FORMATS)
def test_largest_finite_agrees_with_numpy_finfo(
    dtype: type[np.floating], exponent_bits: int, fraction_bits: int
) -> None:
    info = np.finfo(dtype)
    assert info.nmant == fraction_bits
    assert largest_finite(exponent_bits, fraction_bits) == float(info.max)


def test_bfloat16_max_is_float32_max_with_seven_fraction_bits() -> None:
    # bfloat16 is the upper half of a float32: the largest one keeps the
    # float32 exponent and the top 7 fraction bits set.
    float32_max_bits = np.array(np.finfo(np.float32).max, dtype=np.float32).view(np.uint32)
    truncated = np.array(int(float32_max_bits) & 0xFFFF0000, dtype=np.uint32).view(np.float32)
    assert float(truncated) == BFLOAT16_MAX == (2 - 2**-7) * 2.0**127


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_exp_just_below_threshold_is_finite_and_just_above_is_inf(dtype: type[np.floating]) -> None:
    threshold = overflow_threshold(dtype)
    below = np.nextafter(dtype(threshold), dtype(0))
    above = dtype(threshold) * dtype(1.0 + 4 * np.finfo(dtype).eps)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        assert np.isfinite(np.exp(below))
        assert np.isinf(np.exp(above))


@pytest.mark.parametrize(
    "dtype", [np.float32, np.dtype("float32"), "float32", np.dtype(np.float32).type]
)
def test_overflow_threshold_accepts_name_type_and_dtype(dtype: object) -> None:
    assert overflow_threshold(dtype) == math.log(float(np.finfo(np.float32).max))


def test_thresholds_in_order_and_bfloat16_just_below_float32() -> None:
    values = [overflow_threshold(d) for d in ("float16", "bfloat16", "float32", "float64")]
    assert values == sorted(values)
    gap = overflow_threshold("float32") - overflow_threshold("bfloat16")
    # ln((2 - 2**-23) / (2 - 2**-7)), about 2**-8.
    assert gap == pytest.approx(math.log((2 - 2**-23) / (2 - 2**-7)), rel=1e-9)
    assert 2**-9 < gap < 2**-7


@pytest.mark.parametrize("dtype", ["int32", np.int64, np.complex128, None, "float128", "bf16", 3])
def test_overflow_threshold_rejects_other_formats(dtype: object) -> None:
    with pytest.raises(ValueError, match="dtype must be one of float16, bfloat16"):
        overflow_threshold(dtype)


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        ((1, 10), ValueError, "exponent_bits must be from 2 to 11, got 1"),
        ((5, 53), ValueError, "fraction_bits must be from 1 to 52, got 53"),
        ((5.0, 10), TypeError, "exponent_bits must be an int, got float"),
        ((5, True), TypeError, "fraction_bits must be an int, got bool"),
    ],
)
def test_largest_finite_rejects_bad_bits(
    args: tuple[object, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        largest_finite(*args)  # type: ignore[arg-type]
