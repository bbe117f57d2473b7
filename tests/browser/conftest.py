"""Fixtures of the browser suite: the built site served locally, and Debian's Chromium.

One Chromium for the whole session (started on first use), a fresh browser context
for every test. Chromium resolves no host but 127.0.0.1, so a request to anywhere
else fails at once, but still shows in the request log.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from benchmarks.localsite import CHROMIUM, CHROMIUM_ARGS, Server, serve
from tests.browser.audit import DESKTOP, NetworkLog
from tests.conftest import ROOT, Build

JAPANESE_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
INSTALL_HINT = (
    "run `sudo apt-get install -y chromium fonts-noto-cjk` (Debian/Ubuntu; never "
    "`playwright install`), or deselect the browser tests with -m 'not browser'"
)
SCREENSHOTS = ROOT / "screenshots" / "browser"
LANGUAGES = ("ja", "en")


# --------------------------------------------------------------------------- pages


def page_paths(docs: Path = ROOT / "docs") -> list[str]:
    """URL paths of the site's pages (as in the default language), from the docs folder.

    The audit tests are parametrized with these; ``test_every_built_page_is_audited``
    checks them against the pages the build actually wrote.
    """
    paths = []
    for source in sorted((docs / LANGUAGES[0]).rglob("*.md")):
        relative = source.relative_to(docs / LANGUAGES[0]).with_suffix("")
        parts = relative.parts[:-1] if relative.name == "index" else relative.parts
        paths.append("".join(f"{part}/" for part in parts))
    return paths


def source_of(language: str, path: str, docs: Path = ROOT / "docs") -> Path:
    """The Markdown file of the page at ``path`` (e.g. ``"exponential/laws/"``)."""
    stem = docs / language / path.rstrip("/")
    page = stem.with_suffix(".md") if path else docs / language / "index.md"
    return page if page.is_file() else stem / "index.md"


def built_pages(site: Path) -> set[tuple[str, str]]:
    """(language, path) of every page the build wrote."""
    found = set()
    for index in site.rglob("index.html"):
        relative = index.parent.relative_to(site).as_posix()
        path = "" if relative == "." else f"{relative}/"
        first = path.split("/", 1)[0]
        if first in {"assets", "search"}:
            continue
        if first in LANGUAGES[1:]:
            found.add((first, path.removeprefix(f"{first}/")))
        else:
            found.add((LANGUAGES[0], path))
    return found


# --------------------------------------------------------------------------- server


@pytest.fixture(scope="session")
def site(built_site: Build) -> Iterator[Server]:
    """The real site, built once (``built_site``) and served for the whole session."""
    with serve(built_site.site) as server:
        yield server


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """Playwright's driver; fails (never skips) when Chromium or the Japanese font is missing."""
    if not CHROMIUM.exists():
        pytest.fail(f"Debian's Chromium is not installed at {CHROMIUM}: {INSTALL_HINT}")
    if not JAPANESE_FONT.exists():
        pytest.fail(f"the Japanese font {JAPANESE_FONT} is missing: {INSTALL_HINT}")
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@dataclass
class Tab:
    """A page in a fresh browser context, with the log of its traffic and console."""

    page: Page
    network: NetworkLog

    def open(self, url: str) -> None:
        """Load ``url`` and wait until the page and its scripts' requests are done."""
        response = self.page.goto(url, wait_until="load")
        assert response is not None, f"{url}: no response"
        assert response.ok, f"{url}: HTTP {response.status}"
        self.network.wait_until_quiet(self.page)


@pytest.fixture
def new_tab(browser: Browser) -> Iterator[Callable[..., Tab]]:
    """Make pages in fresh browser contexts (closed after the test); keyword
    arguments go to ``browser.new_context`` (e.g. ``color_scheme="dark"``)."""
    contexts: list[BrowserContext] = []

    def make(origin: str, **options: Any) -> Tab:
        context = browser.new_context(
            viewport=options.pop("viewport", DESKTOP), reduced_motion="reduce", **options
        )
        contexts.append(context)
        page = context.new_page()
        network = NetworkLog(origin)
        network.attach(page)
        return Tab(page, network)

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The folder the screenshots go to, emptied at the start of the session."""
    if SCREENSHOTS.exists():
        shutil.rmtree(SCREENSHOTS)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say where the screenshots are, for people to look at."""
    if SCREENSHOTS.is_dir():
        count = sum(1 for _ in SCREENSHOTS.iterdir())
        if count:
            terminalreporter.write_line(f"browser screenshots ({count}): {SCREENSHOTS}")
