"""Links and anchors of the built site: every internal one must resolve.

MkDocs checks the links written in Markdown; this checks what came out: every
``href`` of every built page (theme, mkdocstrings and raw HTML included) must lead
to a file of the site and, with a ``#fragment``, to an element with that id. It
also finds unreadable heading anchors (``_1``: default slugify on Japanese).

Run alone: ``python -m sitebuild.links site/``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

__all__ = ["PageLinks", "broken_links", "parse_page", "parse_site", "resolve", "unreadable_anchors"]

_HEADING = re.compile(r"h[1-6]")
#: Anchors made of nothing but underscores and digits say nothing to a reader.
_UNREADABLE_ID = re.compile(r"_*\d*")


@dataclass
class PageLinks:
    """What one HTML page offers (ids) and points to (hrefs)."""

    ids: set[str] = field(default_factory=set)
    hrefs: list[str] = field(default_factory=list)
    heading_ids: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links = PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        for name in ("id", "name") if tag == "a" else ("id",):
            if name in values:
                self.links.ids.add(values[name])
        if tag == "a" and "href" in values:
            self.links.hrefs.append(values["href"])
        if _HEADING.fullmatch(tag) and "id" in values:
            self.links.heading_ids.append(values["id"])


def parse_page(html: str) -> PageLinks:
    """Collect the ids, link targets and heading ids of a page.

    Examples:
        >>> links = parse_page('<h2 id="laws">L</h2><a href="#laws">x</a><a name="top"></a>')
        >>> sorted(links.ids), links.hrefs, links.heading_ids
        (['laws', 'top'], ['#laws'], ['laws'])
    """
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.links


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """Return the file and fragment an internal ``href`` on ``page`` leads to.

    Examples:
        >>> site = Path("/site")
        >>> resolve(site, site / "en/laws/index.html", "../what-is/#base")
        (PosixPath('/site/en/what-is/index.html'), 'base')
        >>> resolve(site, site / "index.html", "#top")
        (PosixPath('/site/index.html'), 'top')
        >>> resolve(site, site / "index.html", "https://example.org/") is None
        True
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        target = page
    else:
        base = site if path.startswith("/") else page.parent
        target = (base / path.lstrip("/")).resolve()
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
    return target, unquote(parts.fragment)


def parse_site(site: Path) -> dict[Path, PageLinks]:
    """Parse every HTML page of the site once (see :func:`parse_page`)."""
    site = site.resolve()
    return {path: parse_page(path.read_text(encoding="utf-8")) for path in site.rglob("*.html")}


def broken_links(site: Path, pages: dict[Path, PageLinks] | None = None) -> list[str]:
    """Every internal link of the site that leads nowhere, as ``page: href (why)``."""
    site = site.resolve()
    pages = parse_site(site) if pages is None else pages
    problems = []
    for page, links in sorted(pages.items()):
        where = page.relative_to(site).as_posix()
        for href in links.hrefs:
            resolved = resolve(site, page, href)
            if resolved is None:
                continue
            target, fragment = resolved
            if not target.is_file():
                problems.append(f"{where}: {href} (no such file)")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else set()
                if fragment not in ids:
                    problems.append(f"{where}: {href} (no element with id {fragment!r})")
    return problems


def unreadable_anchors(site: Path, pages: dict[Path, PageLinks] | None = None) -> list[str]:
    """Headings whose anchors are only digits and underscores, as ``page: #id``."""
    site = site.resolve()
    pages = parse_site(site) if pages is None else pages
    problems = []
    for page, links in sorted(pages.items()):
        for anchor in links.heading_ids:
            if _UNREADABLE_ID.fullmatch(anchor):
                problems.append(f"{page.relative_to(site).as_posix()}: #{anchor}")
    return problems


def main(argv: list[str]) -> int:
    """Print broken links and unreadable anchors of the site in ``argv[0]``."""
    site = Path(argv[0] if argv else "site")
    pages = parse_site(site)
    problems = broken_links(site, pages) + unreadable_anchors(site, pages)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
