"""Each language a site of its own for Material's script: search index, sitemap, base URL.

mkdocs-static-i18n builds the default language at the site root and every other
under ``/<lang>/``, and writes one search index holding every language. Material's
script reads everything relative to the page's ``base_url``: the search index, the
sitemap, the locations of results. :class:`LanguageSites` makes each language a
complete site under its own root: ``base_url`` at the language's root
(:func:`language_base_url`); each language's index with its own search settings,
written under its root after the merged one (:meth:`LanguageSites.collect`,
:meth:`LanguageSites.write`); a sitemap per language (:func:`language_sitemap`).
The ``<link rel="alternate" hreflang>`` tags leave the head
(:func:`drop_alternate_links`): Material's script requests ``sitemap.xml`` beside
each, which does not exist, and then bends the language switcher's link to a
redirect; the switcher's own links and the site's sitemap carry the alternates.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

__all__ = [
    "SEARCH_INDEX",
    "LanguageSites",
    "drop_alternate_links",
    "language_base_url",
    "language_of",
    "language_sitemap",
    "localize_index",
]

#: Where Material's search plugin writes the index, relative to a site root.
SEARCH_INDEX = PurePosixPath("search/search_index.json")
_ALTERNATE_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
_SITEMAP_URL = re.compile(r"[ \t]*<url>.*?</url>\n?", re.DOTALL)
_SITEMAP_LOC = re.compile(r"<loc>([^<]*)</loc>")
#: Extra word boundaries for Japanese search: the middle dot that lists words
#: (複利・増殖), and, zero-width, where katakana or hiragana meets kanji (ネイピア|数,
#: 底|の|変換, 桁|落|ち). Material splits Japanese text with TinySegmenter when it
#: builds the index, but splits a query only at the separator (and kanji runs by the
#: index's terms), so a query like ネイピア数 or 丸め誤差 stayed one term the index
#: never held and found nothing. Both the index and the query split here alike.
JAPANESE_SCRIPT_BOUNDARY = (
    r"・|(?<=[\u3040-\u30ff])(?=[\u4e00-\u9fff\u3005])"
    r"|(?<=[\u4e00-\u9fff\u3005])(?=[\u3040-\u30ff])"
)


def language_of(url: str, languages: list[str]) -> str:
    """Return the language a site URL belongs to; the first language is at the root.

    Examples:
        >>> language_of("en/exponential/laws/#intro", ["ja", "en"])
        'en'
        >>> language_of("exponential/laws/", ["ja", "en"])
        'ja'
        >>> language_of("en/", ["ja", "en"]), language_of("", ["ja", "en"])
        ('en', 'ja')
    """
    first = url.split("/", 1)[0].split("#", 1)[0]
    return first if first in languages[1:] else languages[0]


def language_base_url(page_url: str, language: str, default: str) -> str:
    """Return ``base_url`` for a page: the relative URL of its language's root.

    Examples:
        >>> language_base_url("en/exponential/laws/", "en", "ja")
        '../..'
        >>> language_base_url("en/", "en", "ja")
        '.'
        >>> language_base_url("exponential/laws/", "ja", "ja")
        '../..'
    """
    root = "." if language == default else language
    folder = (
        page_url if page_url.endswith("/") or "." not in page_url else posixpath.dirname(page_url)
    )
    return posixpath.relpath(f"/{root}", f"/{folder}")


def localize_index(
    index: dict[str, Any],
    language: str,
    languages: list[str],
    settings: dict[str, Any],
) -> dict[str, Any]:
    """Keep one language's documents, relative to its root, with its search settings.

    Examples:
        >>> index = {"config": {"lang": ["ja", "en"], "fields": {}},
        ...          "docs": [{"location": ""}, {"location": "en/laws/#a"}]}
        >>> localize_index(index, "en", ["ja", "en"], {"lang": ["en"]})
        {'config': {'lang': ['en'], 'fields': {}}, 'docs': [{'location': 'laws/#a'}]}
        >>> localize_index(index, "ja", ["ja", "en"], {"lang": ["ja"]})["docs"]
        [{'location': ''}]
    """
    prefix = "" if language == languages[0] else f"{language}/"
    docs = []
    for doc in index["docs"]:
        if language_of(doc["location"], languages) == language:
            docs.append({**doc, "location": doc["location"].removeprefix(prefix)})
    return {"config": {**index["config"], **settings}, "docs": docs}


def language_sitemap(sitemap: str, root_url: str) -> str:
    r"""Keep the ``<url>`` entries of a sitemap whose location lies under ``root_url``.

    Examples:
        >>> xml = ('<urlset>\n<url><loc>https://a.b/x/</loc></url>\n'
        ...        '<url><loc>https://a.b/en/x/</loc></url>\n</urlset>')
        >>> print(language_sitemap(xml, "https://a.b/en/"))
        <urlset>
        <url><loc>https://a.b/en/x/</loc></url>
        </urlset>
    """

    def keep(match: re.Match[str]) -> str:
        location = _SITEMAP_LOC.search(match.group(0))
        inside = location is not None and location.group(1).startswith(root_url)
        return match.group(0) if inside else ""

    return _SITEMAP_URL.sub(keep, sitemap)


def drop_alternate_links(page_html: str) -> str:
    r"""Remove the ``<link rel="alternate" hreflang>`` tags Material writes in the head.

    Examples:
        >>> drop_alternate_links('<head>\n  <link rel="alternate" href="./" hreflang="ja">\n'
        ...                      '  <link rel="icon" href="x.png">\n</head>')
        '<head>\n  <link rel="icon" href="x.png">\n</head>'
    """
    head_end = page_html.find("</head>")
    if head_end < 0:
        return page_html
    return _ALTERNATE_LINK.sub("", page_html[:head_end]) + page_html[head_end:]


def search_separator(language: str, separator: str) -> str:
    r"""Return the search separator for ``language``: Material's, plus script boundaries in Japanese.

    Examples:
        >>> pattern = re.compile(search_separator("ja", r"[\s\-]+"))
        >>> [part for part in pattern.split("ネイピア数 e と指数関数") if part]
        ['ネイピア', '数', 'e', 'と', '指数関数']
        >>> search_separator("en", r"[\s\-]+")
        '[\\s\\-]+'
    """
    return f"{separator}|{JAPANESE_SCRIPT_BOUNDARY}" if language == "ja" else separator


class LanguageSites:
    """Per-language search indexes and sitemaps, and base URLs pointing at them."""

    def __init__(self, languages: list[str]) -> None:
        """Start with no index collected."""
        self.languages = languages
        self.indexes: dict[str, dict[str, Any]] = {}

    def base_url(self, page_url: str) -> str:
        """Return the ``base_url`` a page of the site gets (its language's root)."""
        language = language_of(page_url, self.languages)
        return language_base_url(page_url, language, self.languages[0])

    def collect(self, site_dir: Path, language: str, translate: Callable[[str], str]) -> None:
        """Keep the index the search plugin just wrote for one language's build.

        Call after the search plugin wrote it and before mkdocs-static-i18n builds
        the next language (and merges the indexes).
        """
        path = site_dir / SEARCH_INDEX
        if not path.is_file() or language not in self.languages:
            return
        settings = {
            "lang": [translate("search.config.lang")],
            "separator": search_separator(language, translate("search.config.separator")),
            "pipeline": [
                step for step in re.split(r"\s*,\s*", translate("search.config.pipeline")) if step
            ],
        }
        index = json.loads(path.read_text(encoding="utf-8"))
        self.indexes[language] = localize_index(index, language, self.languages, settings)

    def write(self, site: Path, site_url: str) -> None:
        """Write each collected index and each language's sitemap under its root.

        Call after mkdocs-static-i18n wrote the merged index.
        """
        for language, index in self.indexes.items():
            root = site if language == self.languages[0] else site / language
            target = root / SEARCH_INDEX
            target.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str)
            target.write_text(text, encoding="utf-8")
        sitemap = site / "sitemap.xml"
        if not sitemap.is_file() or not site_url:
            return
        site_url = site_url if site_url.endswith("/") else f"{site_url}/"
        text = sitemap.read_text(encoding="utf-8")
        for language in self.languages[1:]:
            if (site / language).is_dir():
                localized = language_sitemap(text, f"{site_url}{language}/")
                (site / language / "sitemap.xml").write_text(localized, encoding="utf-8")
