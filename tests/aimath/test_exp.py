"""Tests for aimath.exponential.exp: e**x from scratch, within 1 ulp everywhere."""

from __future__ import annotations

import math
import random
import struct
from fractions import Fraction

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aimath.exponential.exp import WORKING_BITS, exp

# No example database: the tests leave no .hypothesis folder in the project.
PROPERTY = settings(database=None, max_examples=1000)

LN2 = math.log(2)
#: The largest float whose exp is finite, and the smallest whose exp rounds above 0.
LAST_FINITE = 709.782712893384
LAST_NONZERO = -745.1332191019411
NOT_NUMBERS = ["1", None, True, 1j, [1.0]]


def reference(x: float) -> float:
    """Return e**x correctly rounded to a double, subnormals and 0.0 included.

    mpmath's own float() rounds twice in the subnormal range, so the rounding is
    done here: find the spacing of doubles at e**x, and round to a multiple of it.
    Raises OverflowError when the rounded value is beyond the largest double.
    """
    with mpmath.workprec(300):
        value = mpmath.exp(mpmath.mpf(x))
        exponent = int(mpmath.floor(mpmath.log(value, 2)))
        quantum = max(exponent - 52, -1074)
        mantissa = int(mpmath.nint(value * mpmath.mpf(2) ** -quantum))
    return math.ldexp(mantissa, quantum)  # exact; raises OverflowError above the range


def ordinal(value: float) -> int:
    """Map a float >= 0 to its position among the floats (adjacent floats differ by 1)."""
    (bits,) = struct.unpack("<q", struct.pack("<d", value))
    return int(bits)


def ulps_apart(a: float, b: float) -> int:
    return abs(ordinal(a) - ordinal(b))


# --- accuracy over the whole range -----------------------------------------------------


@PROPERTY
@given(st.floats(-746.0, LAST_FINITE))
def test_within_one_ulp_of_correctly_rounded(x: float) -> None:
    assert ulps_apart(exp(x), reference(x)) <= 1


@PROPERTY
@given(st.floats(-1.0, 1.0))
def test_within_one_ulp_near_zero(x: float) -> None:
    assert ulps_apart(exp(x), reference(x)) <= 1


def test_seeded_sample_is_correctly_rounded() -> None:
    # A fixed sample, so the outcome is reproducible: over the full range, in the
    # subnormal results, and for small |x| at every scale.
    rng = random.Random(20240501)
    sample = [rng.uniform(-745.2, LAST_FINITE) for _ in range(6000)]
    sample += [rng.uniform(-746.0, -708.0) for _ in range(2000)]
    sample += [rng.uniform(-1, 1) * 2.0 ** rng.randint(-1074, 0) for _ in range(2000)]
    wrong = [x for x in sample if exp(x) != reference(x)]
    assert wrong == []


@pytest.mark.parametrize("k", [*range(-1075, 1025, 7), -1074, -1022, -1, 1, 1023, 1024])
def test_near_multiples_of_ln2(k: int) -> None:
    # Here r = x - k ln 2 is tiny, and the reduction must not lose it.
    centre = k * LN2
    for x in (math.nextafter(centre, -math.inf), centre, math.nextafter(centre, math.inf)):
        if x > LAST_FINITE:
            with pytest.raises(OverflowError):
                exp(x)
            continue
        assert exp(x) == reference(x)


def test_half_way_multiples_of_ln2() -> None:
    # Where the reduction switches from k to k + 1, |r| is largest (ln(2)/2).
    for k in range(-1075, 1024, 5):
        x = (k + 0.5) * LN2
        if x <= LAST_FINITE:
            assert exp(x) == reference(x)


# --- edge inputs ---------------------------------------------------------------------


def test_zero_and_tiny_arguments() -> None:
    assert exp(0) == 1.0
    assert exp(0.0) == 1.0
    assert exp(-0.0) == 1.0
    for x in (5e-324, -5e-324, 2.0**-60, -(2.0**-60), 2.0**-54, -(2.0**-54)):
        assert exp(x) == 1.0 == reference(x)
    # Just large enough to move away from 1.0.
    assert exp(2.0**-52) == 1.0 + 2.0**-52
    assert exp(-(2.0**-53)) == 1.0 - 2.0**-53
    # Below 2**-WORKING_BITS the argument is truncated in fixed point; still exact.
    assert exp(2.0 ** -(WORKING_BITS + 5)) == 1.0


def test_subnormal_results() -> None:
    for x in (-708.4, -709.0, -720.0, -740.0, -744.4, -745.0, -745.13):
        result = exp(x)
        assert 0 < result < 2.2250738585072014e-308
        assert result == reference(x)
    assert exp(LAST_NONZERO) == 5e-324
    assert exp(math.nextafter(LAST_NONZERO, -math.inf)) == 0.0
    assert exp(-746.0) == 0.0
    assert exp(-1e6) == 0.0


def test_overflow_threshold() -> None:
    assert exp(LAST_FINITE) == 1.7976931348622732e308 == reference(LAST_FINITE)
    for x in (math.nextafter(LAST_FINITE, math.inf), 709.79, 710.0, 1e6, 1e308):
        with pytest.raises(OverflowError, match="at x = "):
            exp(x)


def test_infinities() -> None:
    assert exp(-math.inf) == 0.0
    with pytest.raises(OverflowError, match=r"exp\(x\) is too large for a float at x = inf"):
        exp(math.inf)


def test_agrees_with_math_exp_on_special_cases() -> None:
    for x in (0.0, 1.0, -1.0, 0.5, 10.0, -745.2, -math.inf, LAST_FINITE, LAST_NONZERO):
        assert exp(x) == math.exp(x)
    assert exp(1) == math.e


def test_other_real_types() -> None:
    assert exp(Fraction(1, 2)) == exp(0.5)
    assert exp(np.float64(1.5)) == exp(1.5)
    assert exp(2) == exp(2.0)
    # Ints beyond the float range: only the sign matters.
    assert exp(-(10**400)) == 0.0
    with pytest.raises(OverflowError, match="at x = 1000"):
        exp(10**400)
    with pytest.raises(OverflowError, match="at x = an int too large to print"):
        exp(10**5000)
    assert exp(-(10**5000)) == 0.0


# --- bad input -----------------------------------------------------------------------


@pytest.mark.parametrize("bad", NOT_NUMBERS)
def test_rejects_non_numbers(bad: object) -> None:
    with pytest.raises(TypeError, match="x must be a real number"):
        exp(bad)  # type: ignore[arg-type]


def test_rejects_nan() -> None:
    with pytest.raises(ValueError, match="x must not be nan"):
        exp(math.nan)
    with pytest.raises(ValueError, match="x must not be nan"):
        exp(np.float64("nan"))
