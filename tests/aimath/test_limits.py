"""No call runs unbounded: arguments that would take minutes are refused before any work.

Each refusal is a ValueError that names the argument, states the limit and points to
a fast alternative. Without the checks, every call refused here would run for minutes
or hours (or fill the memory), so a missing check shows as a hanging test.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest

from aimath.exponential.derivatives import Line
from aimath.exponential.napier import (
    e_as_fraction,
    e_by_limit,
    e_by_series,
    e_digits,
    e_series_partial_sum,
    exp_series,
)
from aimath.exponential.powers import (
    decimal_bracket,
    integer_power,
    power_by_repeated_multiplication,
    rational_power,
)
from aimath.ml.decay import ema_weights, lr_schedule
from aimath.ml.numerics import relative_error
from aimath.plots import function_plot_svg
from aimath.plots_calculus import tangents_plot_svg


def line_plot(samples: int) -> str:
    return function_plot_svg(
        [("$x$", lambda x: x)], x_range=(0, 1), name="n", description="d", samples=samples
    )


def tangent_plot(samples: int) -> str:
    return tangents_plot_svg(
        "$x$",
        lambda x: x,
        [(0.5, Line(slope=1.0, intercept=0.0))],
        x_range=(0, 1),
        y_range=(0, 1),
        name="n",
        description="d",
        samples=samples,
    )


# (call, the argument named, the limit stated, the alternative pointed to)
REFUSED: list[tuple[str, Callable[[], object], str, str, str]] = [
    (
        "repeated multiplication, float base",
        lambda: power_by_repeated_multiplication(1.000000001, 10**9),
        "exponent",
        "1_000_000",
        "integer_power",
    ),
    (
        "repeated multiplication, big int product",
        lambda: power_by_repeated_multiplication(3, 10**6),
        "exponent",
        f"{int(50_000 / math.log2(3)):_}",
        "integer_power",
    ),
    (
        "repeated multiplication, big fraction product",
        lambda: power_by_repeated_multiplication(Fraction(2, 3), 10**5),
        "exponent",
        "50_000 bits",
        "integer_power",
    ),
    (
        "exact integer power",
        lambda: integer_power(3, 10**9),
        "exponent",
        "2_000_000 bits",
        "float(base)",
    ),
    (
        "exact integer power, negative exponent",
        lambda: integer_power(Fraction(2, 3), -(10**9)),
        "exponent",
        "2_000_000 bits",
        "float(base)",
    ),
    (
        "rational power",
        lambda: rational_power(2, Fraction(10**9, 3)),
        "exponent",
        "100_000 bits",
        "real_power",
    ),
    (
        "decimal bracket",
        lambda: decimal_bracket(0.1, 10**9),
        "digits",
        "100_000",
        "Fraction(x)",
    ),
    ("limit for e", lambda: e_by_limit(2**100_000), "n.bit_length()", "4_096", "math.e"),
    (
        "series for e, exact",
        lambda: e_series_partial_sum(10**6),
        "terms",
        "2_000",
        "e_digits",
    ),
    ("series for e, float", lambda: e_by_series(10**6), "terms", "2_000", "18 terms"),
    ("digits of e", lambda: e_digits(10**7), "count", "50_000", "mpmath"),
    ("e as a fraction", lambda: e_as_fraction(10**7), "decimals", "50_000", "mpmath"),
    (
        "learning-rate schedule",
        lambda: lr_schedule(0.1, 0.9, 10**10),
        "steps",
        "1_000_000",
        "exponential_decay_lr",
    ),
    ("EMA weights", lambda: ema_weights(0.9, 10**10), "step", "1_000_000", "beta**(step - i)"),
    (
        "relative error against a tiny Decimal",
        lambda: relative_error(0.0, Decimal("1E-999999999")),
        "Decimal reference",
        "100_000",
        "1E-324",
    ),
    ("function plot", lambda: line_plot(10**9), "samples", "1_000_000", "default is 400"),
    ("tangent plot", lambda: tangent_plot(10**9), "samples", "1_000_000", "default is 400"),
]


@pytest.mark.parametrize(
    ("call", "argument", "limit", "alternative"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_refused_before_starting_with_a_helpful_message(
    call: Callable[[], object], argument: str, limit: str, alternative: str
) -> None:
    with pytest.raises(ValueError, match=r"must be <= ") as caught:
        call()
    message = str(caught.value)
    assert argument in message
    assert limit in message
    assert alternative in message


def test_a_huge_argument_is_described_not_printed() -> None:
    with pytest.raises(ValueError, match=r"got an int of 100001 bits;"):
        power_by_repeated_multiplication(2.0, 2**100_000)


def test_the_exact_limit_follows_the_size_of_the_base() -> None:
    # 2 adds one bit per factor, 2**100 a hundred: the second reaches 50_000 bits sooner.
    assert power_by_repeated_multiplication(2, 50_000) == 2**50_000
    with pytest.raises(ValueError, match=r"exponent must be <= 500 \(the exact product of"):
        power_by_repeated_multiplication(2**100, 501)
    assert power_by_repeated_multiplication(2**100, 500) == 2**50_000


@pytest.mark.parametrize("base", [0, 1, -1, 0.5])
def test_bases_whose_powers_stay_small_only_meet_the_count_limit(base: float) -> None:
    assert power_by_repeated_multiplication(base, 1_000_000) == base**1_000_000
    assert integer_power(base, 10**12) == base**10**12


def test_a_fraction_base_meets_a_lower_count_limit() -> None:
    assert power_by_repeated_multiplication(Fraction(-1), 100_000) == 1
    with pytest.raises(ValueError, match=r"exponent must be <= 100_000 \(a Fraction"):
        power_by_repeated_multiplication(Fraction(-1), 100_001)
    assert integer_power(Fraction(-1), 10**12) == 1


def test_calls_at_the_limits_are_accepted() -> None:
    assert power_by_repeated_multiplication(1.0, 1_000_000) == 1.0
    assert integer_power(2, 2_000_000) == 1 << 2_000_000
    assert rational_power(4, Fraction(49_999, 2)) == 2**49_999
    assert decimal_bracket(0.5, 100_000)[0] == Fraction(1, 2)
    assert lr_schedule(1.0, 0.5, 1_000_000).shape == (1_000_000,)
    assert ema_weights(0.5, 1_000_000).shape == (1_000_000,)
    assert e_by_limit(2**4095) == math.e
    assert relative_error(0.0, Decimal("1E-100000")) == 1.0


def test_a_root_of_huge_degree_is_found_irrational_without_building_2_to_the_degree() -> None:
    with pytest.raises(ValueError, match=re.escape("2 ** (1/1000000000000) is irrational")):
        rational_power(2, Fraction(1, 10**12))
    assert rational_power(1, Fraction(1, 10**12)) == 1


@pytest.mark.parametrize("x", [1.0, 700.0, -700.0, 1e-300, 0.0, -1e-5])
def test_exp_series_stops_once_the_terms_are_zero(x: float) -> None:
    # The terms reach 0 after at most a few thousand steps; a trillion terms is then free.
    assert exp_series(x, 10**12) == exp_series(x, 5000)
