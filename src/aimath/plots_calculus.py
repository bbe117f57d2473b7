"""Figures for calculus pages: computed data points, and curves with tangents.

Built on [`aimath.plots`][aimath.plots], so the figures share its style and guarantees
(deterministic SVG, colours that follow the palette, an accessible caption).
Labels are matplotlib mathtext or ASCII: matplotlib measures text with its own
font, which has no Japanese glyphs, so Japanese belongs in the description.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import numpy as np

from aimath.exponential.derivatives import Line
from aimath.plots import LINE_COLORS, check_samples, figure_to_svg, new_figure

__all__ = ["LegendLocation", "data_plot_svg", "tangents_plot_svg"]

Reference = tuple[str, float]
"""A labelled reference line: ``(label, position)``."""

LegendLocation = Literal[
    "best",
    "upper left",
    "upper center",
    "upper right",
    "center left",
    "center right",
    "lower left",
    "lower center",
    "lower right",
]
"""Where a legend may go (a subset of matplotlib's ``loc`` values)."""


def _check_range(name: str, value: tuple[float, float] | None) -> None:
    if value is not None and not value[0] < value[1]:
        msg = f"{name} must satisfy low < high, got {value}"
        raise ValueError(msg)


def data_plot_svg(
    series: Sequence[tuple[str, Sequence[float], Sequence[float]]],
    *,
    x_label: str,
    y_label: str,
    name: str,
    description: str,
    x_range: tuple[float, float] | None = None,
    y_range: tuple[float, float] | None = None,
    log_x: bool = False,
    log_y: bool = False,
    horizontal: Sequence[Reference] = (),
    vertical: Sequence[Reference] = (),
    markers: bool = False,
    equal_aspect: bool = False,
    legend_location: LegendLocation = "best",
) -> str:
    """Plot computed ``(x, y)`` data as labelled lines and return SVG.

    Use it when the values come from a function of `aimath` evaluated point
    by point (an error table, a quotient for many steps), rather than from a
    NumPy expression.

    Args:
        series: ``(label, xs, ys)`` triples; ``xs`` and ``ys`` have equal length >= 2.
        x_label: Label of the x axis (mathtext or ASCII).
        y_label: Label of the y axis (mathtext or ASCII).
        name: Identifier of the figure, unique on its page.
        description: What the figure shows, in the page's language.
        x_range: The interval of x shown, or ``None`` to fit the data.
        y_range: The interval of y shown, or ``None`` to fit the data.
        log_x: Whether the x axis is logarithmic.
        log_y: Whether the y axis is logarithmic.
        horizontal: Dashed horizontal reference lines ``(label, y)``.
        vertical: Dotted vertical reference lines ``(label, x)``.
        markers: Whether to mark each data point.
        equal_aspect: Whether one unit has the same length on both axes (for
            pictures that rely on symmetry, such as mirroring in ``y = x``).
        legend_location: Where the legend goes, as matplotlib's ``loc``
            (``"best"``, ``"upper center"``, ...).

    Returns:
        The figure as inline SVG markup (see [`figure_to_svg`][aimath.plots.figure_to_svg]).

    Raises:
        ValueError: If ``series`` is empty, a series has mismatched or fewer than
            two points, or a range is empty.

    Examples:
        >>> svg = data_plot_svg([("$y$", [1, 2, 3], [1, 4, 9])], x_label="$x$",
        ...                     y_label="$y$", name="squares", description="Squares")
        >>> svg.count("<svg")
        1
        >>> data_plot_svg([("$y$", [1], [1])], x_label="x", y_label="y",
        ...               name="one", description="One point")
        Traceback (most recent call last):
        ...
        ValueError: series '$y$' needs at least two points with as many xs as ys
    """
    if not series:
        msg = "series must hold at least one (label, xs, ys) triple"
        raise ValueError(msg)
    for label, xs, ys in series:
        if len(xs) != len(ys) or len(xs) < 2:
            msg = f"series {label!r} needs at least two points with as many xs as ys"
            raise ValueError(msg)
    _check_range("x_range", x_range)
    _check_range("y_range", y_range)
    # Equal units on both axes need a square canvas, or the plot shrinks to a strip.
    fig = new_figure(5.6, 5.6) if equal_aspect else new_figure()
    ax = fig.axes[0]
    for index, (label, xs, ys) in enumerate(series):
        color = LINE_COLORS[index % len(LINE_COLORS)]
        marker = "o" if markers else None
        ax.plot(xs, ys, label=label, color=color, linewidth=2, marker=marker, markersize=4)
    for label, y in horizontal:
        ax.axhline(y, color="#000000", linewidth=1, linestyle="--", alpha=0.7, label=label)
    for label, x in vertical:
        ax.axvline(x, color="#000000", linewidth=1, linestyle=":", alpha=0.9, label=label)
    if log_x:
        ax.set_xscale("log")
    if log_y:
        ax.set_yscale("log")
    if x_range is not None:
        ax.set_xlim(*x_range)
    if y_range is not None:
        ax.set_ylim(*y_range)
    if equal_aspect:
        ax.set_aspect("equal")
    ax.set_xlabel(x_label)
    ax.set_ylabel(y_label)
    ax.grid(visible=True)
    ax.legend(loc=legend_location)
    return figure_to_svg(fig, name=name, description=description)


def tangents_plot_svg(
    label: str,
    function: Callable[[np.ndarray], np.ndarray],
    tangents: Sequence[tuple[float, Line]],
    *,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    name: str,
    description: str,
    samples: int = 400,
) -> str:
    """Plot a curve with tangent lines and their points of contact, and return SVG.

    Args:
        label: Legend label of the curve (mathtext or ASCII).
        function: Maps a NumPy array of x values to the curve's y values.
        tangents: ``(x0, line)`` pairs: each line is drawn across the whole x
            range and the point ``(x0, line(x0))`` is marked.
        x_range: The interval of x shown, ``(low, high)`` with ``low < high``.
        y_range: The interval of y shown, ``(low, high)`` with ``low < high``.
        name: Identifier of the figure, unique on its page.
        description: What the figure shows, in the page's language.
        samples: Number of x values for the curve; 2 to 1_000_000.

    Returns:
        The figure as inline SVG markup (see [`figure_to_svg`][aimath.plots.figure_to_svg]).

    Raises:
        ValueError: If a range is empty, or ``samples`` is below 2 or above 1_000_000.

    Examples:
        >>> svg = tangents_plot_svg("$x^2$", lambda x: x**2,
        ...                         [(1.0, Line(slope=2.0, intercept=-1.0))],
        ...                         x_range=(-2, 2), y_range=(-1, 4),
        ...                         name="parabola", description="A parabola")
        >>> svg.count("<svg")
        1
    """
    _check_range("x_range", x_range)
    _check_range("y_range", y_range)
    check_samples(samples)
    fig = new_figure()
    ax = fig.axes[0]
    x = np.linspace(x_range[0], x_range[1], samples)
    ax.plot(x, function(x), label=label, color=LINE_COLORS[0], linewidth=2.5)
    ends = np.array(x_range, dtype=float)
    for index, (x0, line) in enumerate(tangents):
        color = LINE_COLORS[(index + 1) % len(LINE_COLORS)]
        ax.plot(ends, line.slope * ends + line.intercept, color=color, linewidth=1.2)
        ax.plot([x0], [line(x0)], marker="o", color=color, markersize=6)
    ax.axhline(0, color="#000000", linewidth=0.8)
    ax.axvline(0, color="#000000", linewidth=0.8)
    ax.set_xlim(*x_range)
    ax.set_ylim(*y_range)
    ax.set_xlabel("$x$")
    ax.grid(visible=True)
    ax.legend(loc="upper left")
    return figure_to_svg(fig, name=name, description=description)
