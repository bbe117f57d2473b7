"""Search, typed into the header's search box with real key events, in each language.

Each language has its own index (``sitebuild.language_sites``): a Japanese query on the
Japanese site finds the Japanese page first, an English query on the English site
the English page, and no result leads to the other language.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest

from benchmarks.localsite import Server
from tests.browser.conftest import LANGUAGES, Tab

pytestmark = pytest.mark.browser

#: Queries and the page each must find first; paths relative to the language's root.
SEARCHES = {
    "ja": [
        ("ネイピア数", "exponential/napier/"),
        ("指数法則", "exponential/laws/"),
        ("複利", "exponential/applications/"),
        ("微分", "exponential/derivatives/"),
    ],
    "en": [
        ("Napier", "exponential/napier/"),
        ("exponent laws", "exponential/laws/"),
        ("compound interest", "exponential/applications/"),
        ("derivatives", "exponential/derivatives/"),
    ],
}

_RESULTS = """() => [...document.querySelectorAll(
  ".md-search-result__list > .md-search-result__item > .md-search-result__link")]
  .map((link) => link.href)"""


def type_query(tab: Tab, query: str) -> list[str]:
    """Type ``query`` into the (empty) search box; return the result links once settled."""
    page = tab.page
    # ASCII characters are pressed key by key; Japanese arrives as an IME would send
    # it (text input, no key events) and the key that ends the conversion follows.
    page.keyboard.type(query, delay=20)
    page.keyboard.press("End")
    page.wait_for_function(f"({_RESULTS})().length > 0", timeout=10_000)
    previous: list[str] = []
    for _ in range(40):  # results arrive per keystroke; wait until they stop changing
        page.wait_for_timeout(150)
        current: list[str] = page.evaluate(_RESULTS)
        if current == previous:
            return current
        previous = current
    return previous


def language_of_path(site: Server, path: str) -> str:
    """The language of a page path on the server (the default language is at the root)."""
    first = path.removeprefix(site.base_path).split("/", 1)[0]
    return first if first in LANGUAGES[1:] else LANGUAGES[0]


def clear_query(tab: Tab) -> None:
    tab.page.keyboard.press("Control+A")
    tab.page.keyboard.press("Backspace")
    tab.page.wait_for_function(f"({_RESULTS})().length === 0")


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_the_page_in_the_current_language(
    site: Server, new_tab: Callable[..., Tab], language: str
) -> None:
    tab = new_tab(site.origin)
    tab.open(site.url(language))
    root = urlsplit(site.url(language)).path
    tab.page.locator(".md-search__input").click()  # the header's search box (desktop)
    problems = []
    for query, expected in SEARCHES[language]:
        results = [urlsplit(url).path for url in type_query(tab, query)]
        if not results or results[0] != f"{root}{expected}":
            problems.append(f"{query!r}: first result {results[:1]}, expected {root}{expected}")
        foreign = [path for path in results if language_of_path(site, path) != language]
        if foreign:
            problems.append(f"{query!r}: results in another language: {foreign}")
        clear_query(tab)

    index = f"{site.origin}{root}search/search_index.json"
    loaded = [url for url in tab.network.requests if url.endswith("search/search_index.json")]
    if loaded != [index]:
        problems.append(f"search indexes loaded: {loaded}, expected only {index}")
    problems += tab.network.problems()
    assert not problems, "\n".join(problems)


def index_requests(tab: Tab) -> list[str]:
    return [url for url in tab.network.requests if url.endswith("search/search_index.json")]


@pytest.mark.parametrize(
    ("language", "start"),
    [("ja", "click"), ("en", "click"), ("ja", "slash"), ("en", "slash")],
)
def test_the_search_index_loads_only_when_the_reader_starts_to_search(
    site: Server, new_tab: Callable[..., Tab], language: str, start: str
) -> None:
    tab = new_tab(site.origin)
    tab.open(site.url(language, "exponential/napier/"))
    tab.page.wait_for_timeout(500)
    assert index_requests(tab) == [], "the index loaded before anyone searched"
    if start == "click":
        tab.page.locator(".md-search__input").click()
    else:
        tab.page.keyboard.press("/")  # Material's shortcut to the search box
    root = urlsplit(site.url(language)).path
    results = [urlsplit(url).path for url in type_query(tab, SEARCHES[language][0][0])]
    assert results[:1] == [f"{root}{SEARCHES[language][0][1]}"]
    assert index_requests(tab) == [f"{site.origin}{root}search/search_index.json"]
    assert tab.network.problems() == []


def test_a_page_opened_from_a_search_result_highlights_the_terms(
    site: Server, new_tab: Callable[..., Tab]
) -> None:
    tab = new_tab(site.origin)
    tab.open(site.url("en", "exponential/napier/") + "?h=Napier")
    tab.page.wait_for_selector("mark", timeout=10_000)
    assert "Napier" in tab.page.locator("mark").first.inner_text()
    assert len(index_requests(tab)) == 1
