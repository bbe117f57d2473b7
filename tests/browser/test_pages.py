"""Every page, in both languages, both palettes and both widths, checked in a real browser.

One test per page walks it as a reader would. The Japanese page opens on a phone
(390 x 844) in the light palette; the palette toggle; the window widened to a
desktop (1280 x 900); the toggle again; then the language switcher to the English
page (which keeps the reader's palette) at desktop width, the toggle, the phone
width, the toggle, and the switcher back. So each language is seen in its four
views (light and dark, desktop and phone), one language loaded at each width.

In every view axe-core finds no violation. At desktop width, in each palette:
every formula is rendered and painted, no TeX shows as text, equation numbers
stand at the right, formulas and plots have enough contrast. At phone width the
page never scrolls sideways. Throughout: nothing is requested from outside the
site and nothing fails or logs an error. Screenshots (full page in both palettes,
and the phone's first screen) are written to ``screenshots/browser/`` for people
to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from benchmarks.localsite import Server
from tests.browser.audit import (
    PHONE,
    axe_problems,
    contrast_problems,
    count_formulas,
    current_palette,
    formula_problems,
    horizontal_scroll_problems,
    inspect,
    set_width,
    walk_views,
)
from tests.browser.conftest import (
    LANGUAGES,
    Tab,
    built_pages,
    page_paths,
    source_of,
)
from tests.conftest import Build

pytestmark = pytest.mark.browser

PAGES = page_paths()


def page_id(path: str) -> str:
    return path.rstrip("/") or "home"


def switch_language(tab: Tab, language: str, *, settle: bool = True) -> None:
    """Open the language menu in the header and pick ``language``; with ``settle``,
    wait until the new page's scripts have made their requests."""
    page = tab.page
    page.locator(".md-header .md-select > button").hover()
    with page.expect_navigation(wait_until="load"):
        page.locator(f".md-header .md-select__link[hreflang='{language}']").click()
    if settle:
        tab.network.wait_until_quiet(page)


def audit_view(
    page: Page, language: str, path: str, screenshots: Path, palette: str, width: str
) -> list[str]:
    """Check the page as it is shown now, and take its screenshot.

    Every view: axe-core. Desktop: formulas, equation numbers, contrast, a full-page
    screenshot. Phone: no sideways scrolling, a screenshot of the first screen.
    """
    name = f"{language}-{page_id(path).replace('/', '-')}"
    if width == "phone":
        found = horizontal_scroll_problems(page)
        found += axe_problems(page)
        page.screenshot(path=screenshots / f"{name}-phone-{palette}.jpg", type="jpeg", quality=85)
        return found
    facts = inspect(page)
    found = []
    if facts["lang"] != language:
        found.append(f'<html lang="{facts["lang"]}">, expected {language}')
    expected = count_formulas(source_of(language, path).read_text(encoding="utf-8"))
    found += formula_problems(facts, expected)
    found += contrast_problems(facts)
    found += axe_problems(page)
    page.screenshot(
        path=screenshots / f"{name}-{palette}.jpg", full_page=True, type="jpeg", quality=85
    )
    return found


def audit_language(tab: Tab, language: str, path: str, screenshots: Path) -> list[str]:
    """The four views of the page (see ``walk_views``), from the view it opened in."""
    page = tab.page
    # Collapsed answers are opened: their formulas are checked and show in the screenshots.
    page.evaluate("document.querySelectorAll('details:not([open])').forEach(d => d.open = true)")
    found = walk_views(
        page,
        lambda palette, width: audit_view(page, language, path, screenshots, palette, width),
    )
    return [f"[{language}] {problem}" for problem in found]


def test_every_built_page_is_audited(built_site: Build) -> None:
    audited = {(language, path) for language in LANGUAGES for path in PAGES}
    assert built_pages(built_site.site) == audited


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page(site: Server, new_tab: Callable[..., Tab], screenshots: Path, path: str) -> None:
    first, second = LANGUAGES
    tab = new_tab(site.origin, color_scheme="light", viewport=PHONE)
    tab.open(site.url(first, path))
    problems = audit_language(tab, first, path, screenshots)  # ends at desktop width
    palette = current_palette(tab.page)

    switch_language(tab, second)
    if tab.page.url != site.url(second, path):
        problems.append(f"the switcher led to {tab.page.url}, not {site.url(second, path)}")
    elif current_palette(tab.page) != palette:
        problems.append(f"the {palette} palette was not kept across the language switch")
    else:
        problems += audit_language(tab, second, path, screenshots)  # ends at phone width
    set_width(tab.page, "desktop")

    switch_language(tab, first, settle=False)  # the page checked first, loaded again
    if tab.page.url != site.url(first, path):
        problems.append(f"the switcher led back to {tab.page.url}, not {site.url(first, path)}")

    problems += tab.network.problems()
    assert not problems, "\n".join([site.url(first, path), *problems])
