"""Every glossary term, searched on the site, leads first to the page that defines it.

For each row of ``docs/<language>/glossary.md`` the term (without what is in
parentheses) is typed into the header's search box of that language's site, as
in ``test_search.py``, and the first result must be one of the pages the row links
to (the defining section's page, or the page that treats the term at length). The
glossary page itself takes part in the search like any page (readers may look a
term up there), but its front matter gives it a low boost, so it must not come
first. All terms of a language are checked in one browser page; the test lists
every term whose first result is wrong, with the results it got, and writes every
term's first results to ``screenshots/browser/search-<language>.txt``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from benchmarks.localsite import Server
from tests.browser.conftest import LANGUAGES, Tab
from tests.browser.test_search import clear_query
from tests.test_glossary import glossary_rows

pytestmark = pytest.mark.browser

_STATE = """() => ({
  meta: (document.querySelector(".md-search-result__meta") || {}).textContent || "",
  links: [...document.querySelectorAll(
    ".md-search-result__list > .md-search-result__item > .md-search-result__link")]
    .map((link) => link.href),
})"""


def search(tab: Tab, query: str) -> list[str]:
    """Type ``query`` into the (empty, ready) search box; return the result links once
    they stop changing, or [] once the search has answered that nothing matches.

    The line above the results says what the search is doing: its text before
    typing (Material's "type to start searching") changes to a count of results,
    or to "no matching documents".
    """
    page = tab.page
    before = page.evaluate(_STATE)["meta"]
    page.keyboard.type(query, delay=20)
    page.keyboard.press("End")
    previous: dict[str, Any] = {}
    for _ in range(60):
        page.wait_for_timeout(150)
        state: dict[str, Any] = page.evaluate(_STATE)
        if state["meta"] != before and state == previous:
            break
        previous = state
    return list(previous.get("links", []))


def expected_pages(targets: list[str]) -> list[str]:
    """Site paths (relative to the language root) of the pages a row links to."""
    pages = []
    for target in targets:
        path = target.partition("#")[0].removesuffix(".md")
        path = path.removesuffix("index")
        page = f"{path}/" if path and not path.endswith("/") else path
        if page not in pages:
            pages.append(page)
    return pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_glossary_term_finds_its_defining_page_first(
    site: Server, new_tab: Callable[..., Tab], screenshots: Path, language: str
) -> None:
    tab = new_tab(site.origin)
    tab.open(site.url(language))
    root = urlsplit(site.url(language)).path
    initializing = tab.page.evaluate(_STATE)["meta"]  # "Initializing search"
    tab.page.locator(".md-search__input").click()
    tab.page.wait_for_function(
        f"({_STATE})().meta !== {json.dumps(initializing)}", timeout=15_000
    )  # the index is loaded
    rows = glossary_rows(language)
    problems = []
    report = []
    for row in rows:
        wanted = expected_pages([target for _, target in row.links])
        found = [urlsplit(url).path.removeprefix(root) for url in search(tab, row.search_term)]
        first = found[0] if found else None
        where = f"docs/{language}/glossary.md:{row.line} {row.search_term!r}"
        if first in wanted:
            report.append(f"ok     {row.search_term}: {first}")
        else:
            report.append(f"wrong  {row.search_term}: {found[:3]}, expected {wanted}")
            problems.append(
                f"{where}: first results {found[:3] or 'none'}, expected {' or '.join(wanted)}"
            )
        clear_query(tab)
    (screenshots / f"search-{language}.txt").write_text("\n".join(report) + "\n", "utf-8")
    problems += tab.network.problems()
    assert not problems, f"{len(rows)} terms searched:\n" + "\n".join(problems)
