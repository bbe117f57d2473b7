"""Each language is a site of its own for Material's script: search, sitemap, base URL.

mkdocs-static-i18n builds the default language at the site root and every other
language under ``/<lang>/``, by calling MkDocs' build again from its own
``on_post_build``; at the very end of the outer build it writes ONE search index
holding every language, so results mixed both languages. Material's script reads
everything relative to ``__config.base`` (the page's ``base_url``): it fetches
``<base>search/search_index.json`` and ``<base>sitemap.xml`` and resolves the
locations of search results against ``<base>``. :class:`LanguageSites` makes every
language a complete site under its own root:

- a page's ``base_url`` points at the root of its language (:func:`language_base_url`),
  and ``extra.scope`` keeps the reader's preferences (palette) shared by both languages;
- each language build's index is kept, with that language's search settings (lunr
  language, separator, pipeline), and written to ``<language root>/search/`` after
  the merged index (:meth:`LanguageSites.collect`, :meth:`LanguageSites.write`);
- ``<language root>/sitemap.xml`` lists the pages of that language, since Material's
  script requests it (:func:`language_sitemap`);
- the ``<link rel="alternate" hreflang>`` tags leave the page head
  (:func:`drop_alternate_links`): for each of them Material's script requests
  ``sitemap.xml`` next to the linked page, which does not exist, and with the
  failed fetch it bends the language switcher's link to a redirect. The switcher's
  own links already lead to the same page in the other language, and the site's
  ``sitemap.xml`` carries the same hreflang alternates for search engines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

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
#: Template overrides of Material (see ``overrides/``), ahead of the theme's own.
OVERRIDES = Path(__file__).with_name("overrides")
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

    Args:
        url: A URL relative to the site root, e.g. ``"en/exponential/laws/"``.
        languages: The site's languages, the default one first.

    Returns:
        The language code.

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

    Args:
        page_url: The page's URL relative to the site root (MkDocs' ``page.url``).
        language: The page's language.
        default: The default language, built at the site root.

    Returns:
        The relative URL from the page to the root of its language.

    Examples:
        >>> language_base_url("en/exponential/laws/", "en", "ja")
        '../..'
        >>> language_base_url("en/", "en", "ja")
        '.'
        >>> language_base_url("exponential/laws/", "ja", "ja")
        '../..'
    """
    root = "." if language == default else language
    return get_relative_url(root, page_url)


def localize_index(
    index: dict[str, Any],
    language: str,
    languages: list[str],
    settings: dict[str, Any],
) -> dict[str, Any]:
    """Keep one language's documents, relative to its root, with its search settings.

    Args:
        index: A search index as Material's search plugin writes it.
        language: The language to keep.
        languages: The site's languages, the default one first.
        settings: Search settings replacing those of ``index["config"]`` (``lang``,
            ``separator``, ``pipeline``).

    Returns:
        A new index whose locations are relative to the language's root.

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

    Args:
        sitemap: The site's ``sitemap.xml`` (every language, with hreflang alternates).
        root_url: The absolute URL of a language's root, ending in ``/``.

    Returns:
        The sitemap of that language (a sitemap may only list URLs below its folder).

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

    Args:
        page_html: A page as Material renders it.

    Returns:
        The page without those tags (see the module's docstring for why).

    Examples:
        >>> drop_alternate_links('<head>\n  <link rel="alternate" href="./" hreflang="ja">\n'
        ...                      '  <link rel="icon" href="x.png">\n</head>')
        '<head>\n  <link rel="icon" href="x.png">\n</head>'
    """
    head_end = page_html.find("</head>")
    if head_end < 0:
        return page_html
    return _ALTERNATE_LINK.sub("", page_html[:head_end]) + page_html[head_end:]


def material_translator(config: MkDocsConfig) -> Callable[[str], str]:
    """Return Material's ``lang.t`` for the language of the current build.

    Args:
        config: The configuration of the current (language) build.

    Returns:
        A function from a translation key to its text, e.g.
        ``"search.config.separator"``.
    """
    env = config.theme.get_env()
    template = env.get_template("partials/language.html", None, {"config": config})
    translate: Callable[[str], str] = template.module.t  # type: ignore[attr-defined]
    return translate


def search_separator(language: str, separator: str) -> str:
    r"""Return the search separator for ``language``: Material's, plus script boundaries in Japanese.

    Args:
        language: The language of the index.
        separator: Material's separator for that language (a regular expression).

    Returns:
        The separator to use.

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
        """Start with no index collected.

        Args:
            languages: The site's languages, the default one (at the root) first.
        """
        self.languages = languages
        self.indexes: dict[str, dict[str, Any]] = {}

    @property
    def default(self) -> str:
        """The default language, built at the site root."""
        return self.languages[0]

    def configure(self, config: MkDocsConfig) -> None:
        """Put the template overrides ahead of the theme; share preferences.

        Args:
            config: The configuration of the current build.
        """
        dirs: list[str] = config.theme.dirs
        if str(OVERRIDES) not in dirs:
            # A project's own custom_dir (always first) still wins over these.
            dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))
        if config.site_url and "scope" not in config.extra:
            # Material keeps the palette choice under the scope's path; by default
            # that is base_url, which is now the language's root.
            config.extra["scope"] = urlsplit(config.site_url).path or "/"

    def base_url(self, page_url: str) -> str:
        """Return the ``base_url`` a page of the site gets (its language's root).

        Args:
            page_url: The page's URL relative to the site root.

        Returns:
            The relative URL of the root of the page's language.
        """
        language = language_of(page_url, self.languages)
        return language_base_url(page_url, language, self.default)

    def collect(self, config: MkDocsConfig) -> None:
        """Keep the index the search plugin just wrote for the current language build.

        Call after the search plugin's ``on_post_build`` and before
        mkdocs-static-i18n's (which builds the next language, then merges).

        Args:
            config: The configuration of the current build.
        """
        path = Path(config.site_dir, SEARCH_INDEX)
        if not path.is_file():
            return
        language = config.theme["language"]
        if language not in self.languages:
            return
        translate = material_translator(config)
        settings = {
            "lang": [translate("search.config.lang")],
            "separator": search_separator(language, translate("search.config.separator")),
            "pipeline": [
                step for step in re.split(r"\s*,\s*", translate("search.config.pipeline")) if step
            ],
        }
        index = json.loads(path.read_text(encoding="utf-8"))
        self.indexes[language] = localize_index(index, language, self.languages, settings)

    def write(self, config: MkDocsConfig) -> None:
        """Write each collected index and each language's sitemap under its root.

        Call after mkdocs-static-i18n's ``on_post_build``, which writes the merged index.

        Args:
            config: The configuration of the current build.
        """
        site = Path(config.site_dir)
        for language, index in self.indexes.items():
            root = site if language == self.default else site / language
            target = root / SEARCH_INDEX
            target.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str)
            target.write_text(text, encoding="utf-8")
        sitemap = site / "sitemap.xml"
        if not sitemap.is_file() or not config.site_url:
            return
        site_url = config.site_url if config.site_url.endswith("/") else f"{config.site_url}/"
        text = sitemap.read_text(encoding="utf-8")
        for language in self.languages[1:]:
            if (site / language).is_dir():
                localized = language_sitemap(text, f"{site_url}{language}/")
                (site / language / "sitemap.xml").write_text(localized, encoding="utf-8")
