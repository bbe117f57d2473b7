"""Tests for aimath.plots_calculus: data plots and curves with tangents."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from aimath.exponential.derivatives import Line, tangent_line
from aimath.plots_calculus import data_plot_svg, tangents_plot_svg

ERRORS = ("$|error|$", [1e-1, 1e-2, 1e-3], [1e-2, 1e-4, 1e-6])


def test_data_plot_is_deterministic_and_accessible() -> None:
    first = data_plot_svg(
        [ERRORS], x_label="$h$", y_label="", log_x=True, log_y=True, name="e", description="誤差"
    )
    second = data_plot_svg(
        [ERRORS], x_label="$h$", y_label="", log_x=True, log_y=True, name="e", description="誤差"
    )
    assert first == second
    assert 'aria-label="誤差"' in first
    assert "<figcaption>誤差</figcaption>" in first


def test_data_plot_reference_lines_appear_in_the_legend() -> None:
    svg = data_plot_svg(
        [("$y$", [0.0, 1.0], [0.0, 1.0])],
        x_label="$x$",
        y_label="$y$",
        horizontal=[("$y = 1$", 1.0)],
        vertical=[("$x = e$", math.e)],
        legend_location="upper center",
        name="refs",
        description="Reference lines",
    )
    # Legend entries are text elements (svg.fonttype none keeps text as text).
    assert svg.count("<text") >= 3


def test_equal_aspect_makes_a_square_canvas() -> None:
    svg = data_plot_svg(
        [("$y$", [0.0, 1.0], [0.0, 1.0])],
        x_label="$x$",
        y_label="$y$",
        equal_aspect=True,
        name="square",
        description="Square",
    )
    size = re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    assert size is not None
    assert float(size.group(1)) == pytest.approx(float(size.group(2)))


@pytest.mark.parametrize(
    ("series", "message"),
    [
        ([], "series must hold at least one"),
        ([("a", [1.0], [1.0])], "needs at least two points"),
        ([("a", [1.0, 2.0], [1.0])], "needs at least two points"),
    ],
)
def test_data_plot_rejects_bad_series(
    series: list[tuple[str, list[float], list[float]]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        data_plot_svg(series, x_label="x", y_label="y", name="bad", description="Bad")


def test_data_plot_rejects_empty_ranges() -> None:
    with pytest.raises(ValueError, match=r"x_range must satisfy low < high, got \(1, 1\)"):
        data_plot_svg([ERRORS], x_label="x", y_label="y", x_range=(1, 1), name="r", description="R")


def test_tangents_plot_marks_each_contact_point() -> None:
    tangents = [(t, tangent_line(math.exp, t, slope=math.exp(t))) for t in (-1.0, 0.0, 1.0)]
    svg = tangents_plot_svg(
        "$e^x$",
        np.exp,
        tangents,
        x_range=(-3, 2),
        y_range=(-1, 7.5),
        name="tangents",
        description="Tangents of e^x",
    )
    assert svg.count("<svg") == 1
    assert svg.startswith('<figure class="aimath-plot"')


def test_tangents_plot_rejects_bad_input() -> None:
    line = Line(slope=1.0, intercept=0.0)
    with pytest.raises(ValueError, match="y_range must satisfy low < high"):
        tangents_plot_svg(
            "f", np.exp, [(0.0, line)], x_range=(0, 1), y_range=(2, 1), name="t", description="T"
        )
    with pytest.raises(ValueError, match="samples must be >= 2, got 1"):
        tangents_plot_svg(
            "f",
            np.exp,
            [(0.0, line)],
            x_range=(0, 1),
            y_range=(0, 3),
            name="t",
            description="T",
            samples=1,
        )
