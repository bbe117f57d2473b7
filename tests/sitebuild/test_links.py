"""Every internal link and anchor of the built site resolves; Japanese anchors are readable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sitebuild.links import PageLinks, broken_links, parse_page, parse_site, unreadable_anchors
from tests.conftest import Build, run_build

pytestmark = pytest.mark.build

MakeProject = Callable[[dict[str, str]], Path]


@pytest.fixture(scope="module")
def parsed_site(built_site: Build) -> dict[Path, PageLinks]:
    """Every page of the real site, parsed once for both checks."""
    return parse_site(built_site.site)


def test_every_internal_link_and_anchor_of_the_site_resolves(
    built_site: Build, parsed_site: dict[Path, PageLinks]
) -> None:
    assert broken_links(built_site.site, parsed_site) == []


def test_japanese_headings_get_readable_anchors(
    built_site: Build, parsed_site: dict[Path, PageLinks]
) -> None:
    assert unreadable_anchors(built_site.site, parsed_site) == []
    heading_ids = parse_page(built_site.page("exponential/laws/")).heading_ids
    assert any("指数" in anchor for anchor in heading_ids), heading_ids


def test_the_checker_finds_a_broken_file_link_and_a_broken_anchor(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text(
        '<h2 id="_1">見出し</h2><a href="en/">ok</a><a href="en/#missing">x</a>'
        '<a href="gone/">y</a><a href="https://example.org/">outside link</a>',
        encoding="utf-8",
    )
    (tmp_path / "en" / "index.html").write_text('<h2 id="here">Here</h2>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "index.html: en/#missing (no element with id 'missing')",
        "index.html: gone/ (no such file)",
    ]
    assert unreadable_anchors(tmp_path) == ["index.html: #_1"]


def test_a_broken_anchor_in_markdown_fails_the_build(
    make_project: MakeProject, tmp_path: Path
) -> None:
    body = "# ホーム\n\n## 指数法則\n\n[法則へ](#指数法則) と [どこにもない](#nowhere)\n"
    build = run_build(
        make_project({"ja/index.md": body, "en/index.md": "# Home\n"}), tmp_path / "site"
    )
    assert build.returncode != 0
    assert "index.md" in build.output
    assert "'#nowhere'" in build.output
    assert "'#指数法則'" not in build.output
