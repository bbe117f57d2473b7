"""Each check of the browser suite fails on a page that breaks it.

A small site with the project's real configuration is built with one defect per
page (an image from another host, a formula left as raw TeX, text too faint to
read, text too faint only in the dark palette on a phone, a box that scrolls but
cannot be reached by keyboard, a link to an anchor that does not exist) and the
very checkers that audit the real site must report each defect, and nothing on
the clean page. A page with a formula and a table too wide for a phone shows that
the site's script makes them keyboard regions, and that axe reports them without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from benchmarks.localsite import Server, serve
from sitebuild.links import broken_links
from tests.browser.audit import (
    PHONE,
    axe_problems,
    count_formulas,
    formula_problems,
    inspect,
    set_width,
    walk_views,
)
from tests.browser.conftest import Tab
from tests.conftest import run_build, write_project

pytestmark = pytest.mark.browser

CLEAN = "# {title}\n\nThe base \\(a > 0\\).\n\n$$\na^x a^y = a^{{x+y}} \\tag{{1.1}}\n$$\n"
DEFECTS = {
    "outside": '# Outside\n\n<img src="https://example.org/pixel.png" alt="a pixel">\n',
    "raw-tex": "# Raw\n\n<div>\\(a^x\\) stays raw inside an HTML block.</div>\n",
    "faint": '# Faint\n\n<p style="color: #d0d0d0">Text too faint to read.</p>\n',
    "anchor": '# Anchor\n\n<a href="#nowhere">a link to an anchor that does not exist</a>\n',
    "dark-phone": (
        "# Dark phone\n\n<style>@media screen and (max-width: 30em) {\n"
        '  [data-md-color-scheme="slate"] .faint-dark-phone { color: #404040; }\n}</style>\n\n'
        '<p class="faint-dark-phone">Faint only in the dark palette on a phone.</p>\n'
    ),
    "scroll-box": (
        '# Scroll box\n\n<div style="overflow-x: auto"><p style="white-space: nowrap">'
        + "A box that scrolls sideways but takes no keyboard focus. " * 8
        + "</p></div>\n"
    ),
}
#: Too wide for a phone (390 px), narrow enough for a desktop's column (the formula).
WIDE = (
    "# Wide\n\n$$\ne^{x} = 1 + x + \\frac{x^{2}}{2!} + \\frac{x^{3}}{3!} + \\frac{x^{4}}{4!}"
    " + \\frac{x^{5}}{5!} + \\cdots \\tag{9.1}\n$$\n\n"
    "| first | second | third | fourth | fifth | sixth | seventh |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 1 | 2 | 3 | 4 | 5 | 6 | 7 |\n"
)


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Server]]:
    """The small site, built strictly and served."""
    root = tmp_path_factory.mktemp("broken")
    pages = {"ja/index.md": CLEAN.format(title="ホーム"), "en/index.md": CLEAN.format(title="Home")}
    for name, body in DEFECTS.items():
        pages[f"ja/{name}.md"] = body
        pages[f"en/{name}.md"] = body
    pages["ja/wide.md"] = pages["en/wide.md"] = WIDE
    project = write_project(root / "project", pages)
    build = run_build(project, root / "site")
    assert build.returncode == 0, build.output
    with serve(build.site) as server:
        yield build.site, server


def open_page(broken_site: tuple[Path, Server], new_tab: Callable[..., Tab], name: str) -> Tab:
    _, server = broken_site
    tab = new_tab(server.origin)
    tab.open(server.url("en", "" if name == "index" else f"{name}/"))
    return tab


def test_the_clean_page_passes_every_check(
    broken_site: tuple[Path, Server], new_tab: Callable[..., Tab]
) -> None:
    tab = open_page(broken_site, new_tab, "index")
    expected = count_formulas(CLEAN.format(title="Home"))
    assert formula_problems(inspect(tab.page), expected) == []
    assert axe_problems(tab.page) == []
    assert tab.network.problems() == []


def test_a_request_to_another_host_is_reported(
    broken_site: tuple[Path, Server], new_tab: Callable[..., Tab]
) -> None:
    tab = open_page(broken_site, new_tab, "outside")
    problems = tab.network.problems()
    assert "request to outside the site: https://example.org/pixel.png" in problems


def test_a_raw_formula_is_reported(
    broken_site: tuple[Path, Server], new_tab: Callable[..., Tab]
) -> None:
    tab = open_page(broken_site, new_tab, "raw-tex")
    problems = formula_problems(inspect(tab.page), count_formulas(DEFECTS["raw-tex"]))
    assert any(problem.startswith("raw TeX in the visible text") for problem in problems), problems


def test_an_axe_violation_is_reported(
    broken_site: tuple[Path, Server], new_tab: Callable[..., Tab]
) -> None:
    tab = open_page(broken_site, new_tab, "faint")
    problems = axe_problems(tab.page)
    assert any(problem.startswith("axe color-contrast (serious)") for problem in problems), problems


def test_a_broken_anchor_is_reported(broken_site: tuple[Path, Server]) -> None:
    site, _ = broken_site
    assert broken_links(site) == [
        "anchor/index.html: #nowhere (no element with id 'nowhere')",
        "en/anchor/index.html: #nowhere (no element with id 'nowhere')",
    ]


def test_a_problem_in_one_view_is_reported_in_that_view_only(
    broken_site: tuple[Path, Server], new_tab: Callable[..., Tab]
) -> None:
    tab = open_page(broken_site, new_tab, "dark-phone")
    problems = walk_views(tab.page, lambda _palette, _width: axe_problems(tab.page))
    assert problems, "the walk missed the text that is faint in the dark palette on a phone"
    assert all(
        problem.startswith("phone, dark palette: axe color-contrast (serious)")
        for problem in problems
    ), problems


def test_a_box_that_scrolls_without_keyboard_access_is_reported(
    broken_site: tuple[Path, Server], new_tab: Callable[..., Tab]
) -> None:
    tab = open_page(broken_site, new_tab, "scroll-box")
    problems = axe_problems(tab.page)
    assert any(
        problem.startswith("axe scrollable-region-focusable (serious)") for problem in problems
    ), problems


#: Each display formula and table box: does it overflow, and how is it marked.
_BOXES = """() => [...document.querySelectorAll(
  ".md-typeset div.arithmatex, .md-typeset .md-typeset__scrollwrap")].map((box) => ({
    wide: box.scrollWidth > box.clientWidth + 1,
    tabindex: box.getAttribute("tabindex"),
    role: box.getAttribute("role"),
    label: box.getAttribute("aria-label"),
  }))"""


@pytest.mark.parametrize(
    ("language", "formula", "table"),
    [("ja", "数式 (9.1)", "表 1"), ("en", "Formula (9.1)", "Table 1")],
)
def test_a_wide_formula_and_table_are_keyboard_regions_on_a_phone(
    broken_site: tuple[Path, Server],
    new_tab: Callable[..., Tab],
    language: str,
    formula: str,
    table: str,
) -> None:
    _, server = broken_site
    tab = new_tab(server.origin, viewport=PHONE)  # loaded at phone width
    tab.open(server.url(language, "wide/"))
    page = tab.page
    assert page.evaluate(_BOXES) == [
        {"wide": True, "tabindex": "0", "role": "region", "label": formula},
        {"wide": True, "tabindex": "0", "role": "region", "label": table},
    ]
    assert axe_problems(page) == []

    # The keyboard reaches the formula, and its focus ring shows.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == formula:
            break
    ring = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert ring[0] == "solid", ring
    assert ring[1] >= 2, ring

    # On a desktop the formula fits: it leaves the tab order and loses its name.
    set_width(page, "desktop")
    boxes = page.evaluate(_BOXES)
    assert boxes[0] == {"wide": False, "tabindex": None, "role": None, "label": None}
    assert all((box["tabindex"] == "0") == box["wide"] for box in boxes), boxes

    # Back on a phone, without the site's marks the same boxes are violations.
    set_width(page, "phone")
    page.evaluate(
        """() => document.querySelectorAll("[data-sitebuild-scroll]").forEach((box) =>
             ["data-sitebuild-scroll", "tabindex", "role", "aria-label"].forEach(
               (name) => box.removeAttribute(name)))"""
    )
    problems = axe_problems(page)
    assert any(
        problem.startswith("axe scrollable-region-focusable (serious)") for problem in problems
    ), problems
