"""Each check of the browser suite fails on a page that breaks it.

A small site with the project's real configuration is built with one defect per
page (an image from another host, a formula left as raw TeX, text too faint to
read, a link to an anchor that does not exist) and the very checkers that audit
the real site must report each defect, and nothing on the clean page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sitebuild.links import broken_links
from sitebuild.localsite import Server, serve
from tests.browser.audit import axe_problems, count_formulas, formula_problems, inspect
from tests.browser.conftest import Tab
from tests.conftest import run_build, write_project

pytestmark = pytest.mark.browser

CLEAN = "# {title}\n\nThe base \\(a > 0\\).\n\n$$\na^x a^y = a^{{x+y}} \\tag{{1.1}}\n$$\n"
DEFECTS = {
    "outside": '# Outside\n\n<img src="https://example.org/pixel.png" alt="a pixel">\n',
    "raw-tex": "# Raw\n\n<div>\\(a^x\\) stays raw inside an HTML block.</div>\n",
    "faint": '# Faint\n\n<p style="color: #d0d0d0">Text too faint to read.</p>\n',
    "anchor": '# Anchor\n\n<a href="#nowhere">a link to an anchor that does not exist</a>\n',
}


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Server]]:
    """The small site, built strictly and served."""
    root = tmp_path_factory.mktemp("broken")
    pages = {"ja/index.md": CLEAN.format(title="ホーム"), "en/index.md": CLEAN.format(title="Home")}
    for name, body in DEFECTS.items():
        pages[f"ja/{name}.md"] = body
        pages[f"en/{name}.md"] = body
    project = write_project(root / "project", pages)
    build = run_build(project, root / "site")
    assert build.returncode == 0, build.output
    with serve(build.site) as server:
        yield build.site, server


def open_page(broken_site: tuple[Path, Server], new_tab: Callable[..., Tab], name: str) -> Tab:
    _, server = broken_site
    tab = new_tab(server.origin)
    tab.open(server.url("en", "" if name == "index" else f"{name}/"))
    return tab


def test_the_clean_page_passes_every_check(
    broken_site: tuple[Path, Server], new_tab: Callable[..., Tab]
) -> None:
    tab = open_page(broken_site, new_tab, "index")
    expected = count_formulas(CLEAN.format(title="Home"))
    assert formula_problems(inspect(tab.page), expected) == []
    assert axe_problems(tab.page) == []
    assert tab.network.problems() == []


def test_a_request_to_another_host_is_reported(
    broken_site: tuple[Path, Server], new_tab: Callable[..., Tab]
) -> None:
    tab = open_page(broken_site, new_tab, "outside")
    problems = tab.network.problems()
    assert "request to outside the site: https://example.org/pixel.png" in problems


def test_a_raw_formula_is_reported(
    broken_site: tuple[Path, Server], new_tab: Callable[..., Tab]
) -> None:
    tab = open_page(broken_site, new_tab, "raw-tex")
    problems = formula_problems(inspect(tab.page), count_formulas(DEFECTS["raw-tex"]))
    assert any(problem.startswith("raw TeX in the visible text") for problem in problems), problems


def test_an_axe_violation_is_reported(
    broken_site: tuple[Path, Server], new_tab: Callable[..., Tab]
) -> None:
    tab = open_page(broken_site, new_tab, "faint")
    problems = axe_problems(tab.page)
    assert any(problem.startswith("axe color-contrast (serious)") for problem in problems), problems


def test_a_broken_anchor_is_reported(broken_site: tuple[Path, Server]) -> None:
    site, _ = broken_site
    assert broken_links(site) == [
        "anchor/index.html: #nowhere (no element with id 'nowhere')",
        "en/anchor/index.html: #nowhere (no element with id 'nowhere')",
    ]
