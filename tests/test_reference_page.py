"""The API reference reads naturally in each language (section titles, table headings, no roles)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import Build

pytestmark = pytest.mark.build

# What mkdocstrings-python writes itself around a docstring: the section titles
# ("Parameters:") and the headings of the tables under them ("Name", "Type" ...).
TITLE = re.compile(r'<span class="doc-section-title">([^<]*)</span>')
TABLE_HEADING = re.compile(r"<th[^>]*>([^<]*)</th>")
JAPANESE = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")
# The handler's own Japanese strings are calques of the English ones; the site
# replaces them (src/sitebuild/templates) and none may come back.
CALQUES = ("タイプ", "デスクリプション", "デフォルト", "発生：")
NATURAL_JAPANESE = ("引数：", "戻り値：", "例外：", "例：", "名前", "型", "説明", "既定値")
ENGLISH = ("Parameters:", "Returns:", "Raises:", "Examples:", "Name", "Type", "Description")
# A role shown literally: ":func:" before the rendered name (its backticks became <code>).
SPHINX_ROLE = re.compile(r":(?:math|func|class|data|mod|meth|attr|exc|obj|ref):")


def headings(html: str) -> list[str]:
    """Return the section titles and table headings that mkdocstrings wrote."""
    return TITLE.findall(html) + TABLE_HEADING.findall(html)


def test_english_reference_has_english_headings(built_site: Build) -> None:
    found = headings(built_site.page("en/reference/"))
    japanese = sorted({text for text in found if JAPANESE.search(text)})
    assert not japanese, f"Japanese headings on the English reference: {japanese}"
    assert set(ENGLISH) <= set(found)


def test_japanese_reference_has_natural_japanese_headings(built_site: Build) -> None:
    html = built_site.page("reference/")
    calques = [word for word in CALQUES if word in html]
    assert not calques, f"katakana calques on the Japanese reference: {calques}"
    found = set(headings(html))
    assert set(NATURAL_JAPANESE) <= found, set(NATURAL_JAPANESE) - found
    english = sorted(text for text in found if text in ENGLISH)
    assert not english, f"English headings on the Japanese reference: {english}"


@pytest.mark.parametrize("page", ["reference/", "en/reference/"])
def test_reference_shows_no_sphinx_role(built_site: Build, page: str) -> None:
    text = re.sub(r"<[^>]+>", "", built_site.page(page))
    roles = sorted(set(SPHINX_ROLE.findall(text)))
    assert not roles, f"{page}: Sphinx roles shown as text: {roles}"
