"""Figures: byte-identical, palette-neutral, accessible, with real glyphs."""

from __future__ import annotations

import re

import numpy as np
import pytest

from aimath.plots import figure_to_svg, function_plot_svg, new_figure


def two_curves(name: str = "demo") -> str:
    return function_plot_svg(
        [("$2^x$", lambda x: np.power(2.0, x)), (r"$\sigma'(x)$", lambda x: x)],
        x_range=(-2, 2),
        name=name,
        description="Two curves",
    )


def test_rebuilds_are_byte_identical() -> None:
    assert two_curves() == two_curves()


def test_no_date_no_prolog_no_matplotlib_metadata() -> None:
    svg = two_curves()
    assert "<?xml" not in svg
    assert "<!DOCTYPE" not in svg
    assert "dc:date" not in svg
    assert "Matplotlib" not in svg


def test_ids_are_prefixed_so_two_figures_never_collide() -> None:
    ids_one = set(re.findall(r'id="([^"]+)"', two_curves("one")))
    ids_two = set(re.findall(r'id="([^"]+)"', two_curves("two")))
    assert ids_one
    assert not ids_one & ids_two
    for reference in re.findall(r"url\(#([^)]+)\)", two_curves("one")):
        assert reference in ids_one


def test_black_follows_the_text_colour() -> None:
    svg = two_curves()
    assert "#000000" not in svg
    assert "currentColor" in svg


def test_text_keeps_real_unicode_glyphs() -> None:
    svg = two_curves()
    assert ">σ</tspan>" in svg
    assert ">\u2032</tspan>" in svg  # the prime of σ'(x)
    assert "cmsy10" not in svg
    assert "cmmi10" not in svg


def test_accessible_name_and_search_exclusion() -> None:
    svg = two_curves()
    assert svg.startswith('<figure class="aimath-plot" data-search-exclude="1">')
    assert '<svg role="img" aria-label="Two curves"' in svg
    assert svg.endswith("<figcaption>Two curves</figcaption></figure>")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"functions": []}, "functions must name at least one function"),
        ({"x_range": (1, 1)}, "x_range must satisfy low < high"),
        ({"y_range": (2, 1)}, "y_range must satisfy low < high"),
        ({"samples": 1}, "samples must be >= 2"),
    ],
)
def test_bad_arguments_are_named(kwargs: dict[str, object], message: str) -> None:
    arguments: dict[str, object] = {
        "functions": [("x", lambda x: x)],
        "x_range": (0, 1),
        "name": "bad",
        "description": "bad",
        **kwargs,
    }
    with pytest.raises(ValueError, match=re.escape(message)):
        function_plot_svg(**arguments)  # type: ignore[arg-type]


def test_empty_description_is_refused() -> None:
    with pytest.raises(ValueError, match="description must not be empty"):
        figure_to_svg(new_figure(), name="x", description="  ")


def test_mathtext_parses_are_shared_and_change_no_byte() -> None:
    from matplotlib.mathtext import MathTextParser

    import aimath.plots

    assert getattr(MathTextParser._parse_cached, "_aimath_shared", False)
    curves = [("$2^x$", lambda x: 2.0**x), (r"$\sigma(x)$", lambda x: x)]
    first = aimath.plots.function_plot_svg(curves, x_range=(-1, 1), name="a", description="d")
    # A parser made anew (as every renderer does) gets the shared layouts: same bytes.
    MathTextParser("path").parse("$2^x$")
    again = aimath.plots.function_plot_svg(curves, x_range=(-1, 1), name="a", description="d")
    assert first == again
