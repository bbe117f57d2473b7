"""Every page, in both languages and both palettes, checked in a real browser.

One test per page walks it as a reader would: the Japanese page in the light
palette, the palette toggle, then the language switcher to the English page
(which keeps the reader's palette), the toggle again, and the switcher back. On
each language's page, in each palette: nothing is requested from outside the site
and nothing fails or logs an error; every formula is rendered and painted, no TeX
shows as text, equation numbers stand at the right; formulas and plots have enough
contrast; axe-core finds no violation; on a phone the page never scrolls sideways.
Screenshots (full page in both palettes, and the phone's first screen) are written
to ``screenshots/browser/`` for people to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from sitebuild.localsite import Server
from tests.browser.audit import (
    axe_problems,
    contrast_problems,
    count_formulas,
    formula_problems,
    horizontal_scroll_problems,
    inspect,
)
from tests.browser.conftest import (
    DESKTOP,
    LANGUAGES,
    PHONE,
    Tab,
    built_pages,
    page_paths,
    source_of,
)
from tests.conftest import Build

pytestmark = pytest.mark.browser

PAGES = page_paths()
SCHEMES = {"light": "default", "dark": "slate"}


def page_id(path: str) -> str:
    return path.rstrip("/") or "home"


def current_palette(page: Page) -> str:
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    return "dark" if scheme == SCHEMES["dark"] else "light"


def toggle_palette(page: Page) -> str:
    """Click the palette toggle in the header, as a reader would; return the new palette."""
    before = current_palette(page)
    page.locator("[data-md-component=palette] label:not([hidden])").click()
    wanted = SCHEMES["light" if before == "dark" else "dark"]
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{wanted}'")
    return current_palette(page)


def switch_language(tab: Tab, language: str, *, settle: bool = True) -> None:
    """Open the language menu in the header and pick ``language``; with ``settle``,
    wait until the new page's scripts have made their requests."""
    page = tab.page
    page.locator(".md-header .md-select > button").hover()
    with page.expect_navigation(wait_until="load"):
        page.locator(f".md-header .md-select__link[hreflang='{language}']").click()
    if settle:
        tab.network.wait_until_quiet(page)


def audit_palette(page: Page, language: str, path: str, screenshots: Path) -> list[str]:
    """Check the page as it is now shown, and take its screenshot."""
    palette = current_palette(page)
    facts = inspect(page)
    found = []
    if facts["lang"] != language:
        found.append(f'<html lang="{facts["lang"]}">, expected {language}')
    expected = count_formulas(source_of(language, path).read_text(encoding="utf-8"))
    found += formula_problems(facts, expected)
    found += contrast_problems(facts)
    found += [f"{palette} palette: {problem}" for problem in axe_problems(page)]
    name = f"{language}-{page_id(path).replace('/', '-')}-{palette}"
    page.screenshot(path=screenshots / f"{name}.jpg", full_page=True, type="jpeg", quality=85)
    return found


def audit_phone(page: Page, language: str, path: str, screenshots: Path) -> list[str]:
    """At a phone's width the page must not scroll sideways; back to desktop after."""
    page.set_viewport_size(PHONE)
    page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )
    found = horizontal_scroll_problems(page)
    name = f"{language}-{page_id(path).replace('/', '-')}-phone"
    page.screenshot(path=screenshots / f"{name}.jpg", type="jpeg", quality=85)
    page.set_viewport_size(DESKTOP)
    return [f"phone: {problem}" for problem in found]


def audit_language(tab: Tab, language: str, path: str, screenshots: Path) -> list[str]:
    """Both palettes (the current one first), then the phone."""
    page = tab.page
    # Collapsed answers are opened: their formulas are checked and show in the screenshots.
    page.evaluate("document.querySelectorAll('details:not([open])').forEach(d => d.open = true)")
    found = audit_palette(page, language, path, screenshots)
    toggle_palette(page)
    found += audit_palette(page, language, path, screenshots)
    found += audit_phone(page, language, path, screenshots)
    return [f"[{language}] {problem}" for problem in found]


def test_every_built_page_is_audited(built_site: Build) -> None:
    audited = {(language, path) for language in LANGUAGES for path in PAGES}
    assert built_pages(built_site.site) == audited


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page(site: Server, new_tab: Callable[..., Tab], screenshots: Path, path: str) -> None:
    first, second = LANGUAGES
    tab = new_tab(site.origin, color_scheme="light")
    tab.open(site.url(first, path))
    problems = audit_language(tab, first, path, screenshots)
    palette = current_palette(tab.page)

    switch_language(tab, second)
    if tab.page.url != site.url(second, path):
        problems.append(f"the switcher led to {tab.page.url}, not {site.url(second, path)}")
    elif current_palette(tab.page) != palette:
        problems.append(f"the {palette} palette was not kept across the language switch")
    else:
        problems += audit_language(tab, second, path, screenshots)

    switch_language(tab, first, settle=False)  # the page checked first, loaded again
    if tab.page.url != site.url(first, path):
        problems.append(f"the switcher led back to {tab.page.url}, not {site.url(first, path)}")

    problems += tab.network.problems()
    assert not problems, "\n".join([site.url(first, path), *problems])
