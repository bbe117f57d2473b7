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

``KNOWN_MISSES`` lists the terms whose first result is wrong today, each with the
reason; they need a change in the lesson's prose (owned by the lesson's authors)
or in the Japanese query segmentation (``sitebuild.language_sites``). Such a term is
tolerated, but the test fails when it starts to find its page first, so that the
list only shrinks.
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

_NO_RESULT = (
    "no result at all: the query mixes kanji and kana, and Material splits a query "
    "only at the separator and along kanji runs, not as TinySegmenter split the page's "
    "text for the index (sitebuild.language_sites)"
)
#: (language, term): why the first result is not the defining page (see the docstring).
KNOWN_MISSES: dict[tuple[str, str], str] = {
    (
        "ja",
        "累乗",
    ): "the laws page has 累乗 in a heading (累乗の累乗の法則); what-is defines it once",
    ("ja", "指数"): "the query becomes the prefix 指数*, which the laws page's title matches",
    ("ja", "指数関数"): "split into 指数* 関数*; laws and training-decay match in titles",
    (
        "ja",
        "導関数",
    ): "derivatives uses 導関数 once, in parentheses; sigmoid has the heading 導関数",
    ("ja", "底の変換公式"): _NO_RESULT,
    ("ja", "打ち切り誤差"): _NO_RESULT,
    ("ja", "丸め誤差"): _NO_RESULT,
    ("ja", "引数の縮小"): _NO_RESULT,
    ("ja", "学習率の指数減衰"): _NO_RESULT,
    ("ja", "桁落ち"): _NO_RESULT,
    (
        "ja",
        "元金",
    ): "applications uses 元金 once (its definition); the query's 元* matches elsewhere",
    (
        "ja",
        "オーバーフロー",
    ): "sigmoid has it in a heading; softmax defines it once in running text",
    ("ja", "減衰率"): "applications has 減衰 in its title; training-decay uses 減衰率 once",
    ("ja", "計算機イプシロン"): "expm1-log1p uses the term once (its definition)",
    ("en", "exponent"): "the laws page's title (The exponent laws) matches",
    ("en", "exponential function"): "derivatives' title (…exponential functions) matches",
    ("en", "change of base formula"): "toward-log names it twice; base and formula match elsewhere",
    ("en", "common logarithm"): "derivatives names it once; toward-log has logarithm in titles",
    ("en", "truncation error"): "derivatives names it once; napier speaks of truncation more",
    ("en", "rounding error"): "derivatives names it once; laws has Floating-point rounding",
    ("en", "effective annual rate"): "applications names it once; rate is in other headings",
    ("en", "rule of 72"): "applications names it once; what-is has The rule to keep",
    ("en", "cross-entropy"): "expm1-log1p's heading (binary cross-entropy) outranks softmax",
    ("en", "overflow"): "sigmoid has Evaluating without overflow; softmax defines it in text",
    ("en", "cancellation"): "expm1-log1p defines it once; napier uses the word more",
}

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
        known = KNOWN_MISSES.get((language, row.search_term))
        if first in wanted:
            report.append(f"ok     {row.search_term}: {first}")
            if known:
                problems.append(f"{where} now finds {first} first: drop it from KNOWN_MISSES")
        else:
            report.append(f"wrong  {row.search_term}: {found[:3]}, expected {wanted}: {known}")
            if not known:
                problems.append(
                    f"{where}: first results {found[:3] or 'none'}, expected {' or '.join(wanted)}"
                )
        clear_query(tab)
    (screenshots / f"search-{language}.txt").write_text("\n".join(report) + "\n", "utf-8")
    terms = {row.search_term for row in rows}
    problems += [
        f"KNOWN_MISSES names {term!r}, which is not a term of docs/{language}/glossary.md"
        for known_language, term in KNOWN_MISSES
        if known_language == language and term not in terms
    ]
    problems += tab.network.problems()
    assert not problems, f"{len(rows)} terms searched:\n" + "\n".join(problems)
