"""Deterministic SVG figures for the pages.

Figures are drawn with matplotlib and returned as inline SVG markup that

- is byte-identical from one build to the next (no date, fixed hash salt, ids
  prefixed per figure so that two figures on one page never share an id),
- reads in both the light and the dark palette: everything matplotlib draws in
  black (axes, ticks, labels) becomes ``currentColor``, so it takes the page's
  text colour, and the background is transparent,
- keeps text as ``<text>`` (``svg.fonttype = "none"``), so labels use the page's
  fonts, Japanese included,
- stays out of the search index (``data-search-exclude``) and carries an
  accessible name for screen readers.
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import re
from collections.abc import Callable, Sequence
from typing import Any

import matplotlib as mpl

mpl.use("Agg")  # no display here or in CI; must precede pyplot

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.mathtext import MathTextParser

from aimath._checks import refuse_above

__all__ = [
    "LINE_COLORS",
    "MAX_SAMPLES",
    "check_samples",
    "figure_to_svg",
    "function_plot_svg",
    "new_figure",
]


def _share_mathtext_parses() -> None:
    """Let every renderer reuse mathtext layouts parsed by any other.

    matplotlib caches a parsed ``$...$`` label per MathTextParser, and every
    renderer makes its own parser, so each figure parses its labels again, twice
    with constrained layout (pyparsing: about a third of the time spent drawing
    the site's figures). The cache here is keyed like matplotlib's own, by output
    type instead of parser instance; the result of a parse is the same either way
    (checked: every figure of the site came out byte-identical, while the
    examples ran about a third faster). Skipped if matplotlib changes its internals.
    """
    parse = getattr(MathTextParser, "_parse_cached", None)
    uncached = getattr(parse, "__wrapped__", None)
    if uncached is None or getattr(parse, "_aimath_shared", False):
        return
    parsers: dict[str, Any] = {}

    @functools.lru_cache(maxsize=4096)
    def shared(output_type: str, *key: Any) -> Any:
        return uncached(parsers[output_type], *key)

    def parse_shared(self: Any, *key: Any) -> Any:
        parsers.setdefault(self._output_type, self)
        return shared(self._output_type, *key)

    parse_shared._aimath_shared = True  # type: ignore[attr-defined]
    MathTextParser._parse_cached = parse_shared  # type: ignore[attr-defined]


_share_mathtext_parses()


# The most x values a curve may have. A million samples take 0.9 s, four million 2.5 s
# (measured on the project's build machine, 2 shared cores, December 2026); a figure
# needs a few hundred.
MAX_SAMPLES = 1_000_000
"""The largest number of x values a curve may have (a figure needs a few hundred)."""


def check_samples(samples: int) -> None:
    """Raise ValueError unless ``2 <= samples <= MAX_SAMPLES``.

    Args:
        samples: The number of x values of a curve.

    Raises:
        ValueError: If ``samples`` < 2 or above 1_000_000 (more take over a second).

    Examples:
        >>> check_samples(400)
        >>> check_samples(10**8)
        Traceback (most recent call last):
        ...
        ValueError: samples must be <= 1_000_000 (more take over a second to draw), got 100000000; a figure needs a few hundred (the default is 400)
    """
    if samples < 2:
        msg = f"samples must be >= 2, got {samples}"
        raise ValueError(msg)
    refuse_above(
        samples,
        MAX_SAMPLES,
        "samples",
        cost="more take over a second to draw",
        instead="a figure needs a few hundred (the default is 400)",
    )


LINE_COLORS: tuple[str, ...] = ("#1f77d4", "#e4572e", "#2a9d5c", "#9b5de5", "#b88000")
"""Line colours with enough contrast on Material's white and slate backgrounds."""

_STYLE: dict[Any, Any] = {
    "svg.fonttype": "none",
    # Text stays text, so glyphs must carry their real Unicode code points: the
    # default "cm" fontset writes σ as "¾" in font cmmi10, which browsers lack.
    "mathtext.fontset": "dejavusans",
    "svg.hashsalt": "aimath",
    "font.family": "sans-serif",
    "font.size": 11,
    "axes.edgecolor": "#000000",
    "axes.labelcolor": "#000000",
    "xtick.color": "#000000",
    "ytick.color": "#000000",
    "text.color": "#000000",
    "grid.color": "#000000",
    "grid.alpha": 0.15,
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.facecolor": "none",
    "legend.facecolor": "none",
    "legend.edgecolor": "#000000",
    "legend.framealpha": 0.0,
}


def new_figure(width: float = 6.4, height: float = 4.0) -> Figure:
    """Create a figure in the site's style.

    Args:
        width: Width in inches.
        height: Height in inches.

    Returns:
        A matplotlib figure with one axes, to be passed to
        [`figure_to_svg`][aimath.plots.figure_to_svg].

    Examples:
        >>> fig = new_figure()
        >>> len(fig.axes)
        1
        >>> plt.close(fig)
    """
    with mpl.rc_context(_STYLE):
        fig, _ = plt.subplots(figsize=(width, height), layout="constrained")
    return fig


def figure_to_svg(fig: Figure, *, name: str, description: str) -> str:
    """Render ``fig`` to inline SVG markup and close it.

    Args:
        fig: The figure to render.
        name: A short identifier, unique on its page; it prefixes every id in the SVG.
        description: What the figure shows, in the page's language; read by
            screen readers and shown as the caption.

    Returns:
        A ``<figure>`` element holding the SVG and its caption.

    Raises:
        ValueError: If ``name`` is not a simple identifier or ``description`` is empty.

    Examples:
        >>> fig = new_figure()
        >>> svg = figure_to_svg(fig, name="demo", description="An empty plot")
        >>> svg.startswith('<figure class="aimath-plot" data-search-exclude="1">')
        True
        >>> figure_to_svg(new_figure(), name="two words", description="x")
        Traceback (most recent call last):
        ...
        ValueError: name must match [a-z0-9-]+, got 'two words'
    """
    if not re.fullmatch(r"[a-z0-9-]+", name):
        plt.close(fig)
        msg = f"name must match [a-z0-9-]+, got {name!r}"
        raise ValueError(msg)
    if not description.strip():
        plt.close(fig)
        msg = "description must not be empty"
        raise ValueError(msg)
    buffer = io.StringIO()
    with mpl.rc_context(_STYLE):
        fig.savefig(
            buffer,
            format="svg",
            metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
        )
    plt.close(fig)
    svg = _clean_svg(buffer.getvalue(), prefix=name, description=description)
    caption = html.escape(description)
    return (
        '<figure class="aimath-plot" data-search-exclude="1">'
        f"{svg}<figcaption>{caption}</figcaption></figure>"
    )


def _clean_svg(svg: str, *, prefix: str, description: str) -> str:
    # Drop the XML prolog and DOCTYPE: inline SVG in HTML must not carry them.
    svg = svg[svg.index("<svg") :]
    # Drop <metadata> (RDF boilerplate) so nothing but the drawing remains.
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.DOTALL)
    # Prefix ids and their references, so two figures on a page never collide.
    digest = hashlib.sha1(prefix.encode()).hexdigest()[:6]
    svg = re.sub(r'id="([^"]+)"', rf'id="{prefix}-{digest}-\1"', svg)
    svg = re.sub(r"#([A-Za-z_][\w.-]*)\)", rf"#{prefix}-{digest}-\1)", svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-{digest}-\1"', svg)
    # Matplotlib draws a prime (x') as "0" in cmsy10 even with DejaVu fonts.
    svg = re.sub(r"(font-family: 'cmsy10'\">)0<", "\\1\u2032<", svg)
    svg = svg.replace("font-family: 'cmsy10'", "font-family: 'DejaVu Sans'")
    # Black strokes and text follow the page's text colour in both palettes.
    svg = svg.replace("#000000", "currentColor")
    svg = re.sub(r"(stroke|fill): ?#000000", r"\1: currentColor", svg)
    label = html.escape(description, quote=True)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return svg.strip()


def function_plot_svg(
    functions: Sequence[tuple[str, Callable[[np.ndarray], np.ndarray]]],
    *,
    x_range: tuple[float, float],
    y_range: tuple[float, float] | None = None,
    name: str,
    description: str,
    samples: int = 400,
) -> str:
    """Plot labelled functions of one variable on shared axes and return SVG.

    Args:
        functions: ``(label, f)`` pairs; ``f`` maps a NumPy array of x values to y
            values. Labels may contain matplotlib mathtext such as ``"$2^x$"``.
        x_range: The interval of x shown, ``(low, high)`` with ``low < high``.
        y_range: The interval of y shown, or ``None`` to fit the data.
        name: Identifier of the figure, unique on its page.
        description: What the figure shows, in the page's language.
        samples: Number of x values per curve; 2 to 1_000_000.

    Returns:
        The figure as inline SVG markup (see [`figure_to_svg`][aimath.plots.figure_to_svg]).

    Raises:
        ValueError: If ``functions`` is empty, a range is empty, or ``samples`` is
            below 2 or above 1_000_000.

    Examples:
        >>> svg = function_plot_svg([("$2^x$", lambda x: 2.0**x)], x_range=(-2, 2),
        ...                         name="two", description="2 to the x")
        >>> svg.count("<svg")
        1
    """
    if not functions:
        msg = "functions must name at least one function"
        raise ValueError(msg)
    if not x_range[0] < x_range[1]:
        msg = f"x_range must satisfy low < high, got {x_range}"
        raise ValueError(msg)
    if y_range is not None and not y_range[0] < y_range[1]:
        msg = f"y_range must satisfy low < high, got {y_range}"
        raise ValueError(msg)
    check_samples(samples)
    fig = new_figure()
    ax = fig.axes[0]
    x = np.linspace(x_range[0], x_range[1], samples)
    for index, (label, function) in enumerate(functions):
        color = LINE_COLORS[index % len(LINE_COLORS)]
        ax.plot(x, function(x), label=label, color=color, linewidth=2)
    ax.axhline(0, color="#000000", linewidth=0.8)
    ax.axvline(0, color="#000000", linewidth=0.8)
    ax.set_xlim(*x_range)
    if y_range is not None:
        ax.set_ylim(*y_range)
    ax.set_xlabel("$x$")
    ax.grid(visible=True)
    ax.legend(loc="upper left")
    return figure_to_svg(fig, name=name, description=description)
