"""A second process shares the examples with the build; the build uses its outputs."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from sitebuild.prerun import Claims, PreRun, share_pages
from tests.conftest import run_build

pytestmark = pytest.mark.build

MakeProject = Callable[[dict[str, str]], Path]

PAUSE = '\n```python exec="on"\nimport time\n\ntime.sleep(3)\n```\n'
PAGE = '# {title}\n\n```pycon exec="on"\n>>> 2 ** 10\n1024\n```\n\n```python exec="on"\nprint("**{word}**")\n```\n'


def test_the_build_takes_the_second_process_outputs(
    make_project: MakeProject, tmp_path: Path
) -> None:
    project = make_project(
        {
            # The pause keeps the build on the Japanese page until the second
            # process has surely started and claimed the English one.
            "ja/index.md": PAGE.format(title="ホーム", word="太字") + PAUSE,
            "en/index.md": PAGE.format(title="Home", word="bold"),
        }
    )
    stats_file = tmp_path / "stats.json"
    build = run_build(project, tmp_path / "site", env={"SITEBUILD_STATS": str(stats_file)})
    assert build.returncode == 0, build.output
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    # Each language's pages are shared: the build takes them from the start, the
    # second process from the end. With one page per language, the build gets
    # the Japanese one unless the second process is quicker to start; the English
    # one the second process runs while the build is still on the Japanese page.
    # No block runs twice.
    assert stats["blocks_run_by_second_process"] in {2, 5}
    assert stats["blocks_from_cache"] == stats["blocks_run_by_second_process"]
    assert stats["blocks_executed"] + stats["blocks_from_cache"] == 5
    english = build.page("en/")
    assert "<strong>bold</strong>" in english
    assert "1024" in english


def test_a_failing_block_is_left_to_the_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    (docs / "en" / "index.md").write_text(
        '# Home\n\n```python exec="on"\nprint(1)\n```\n\n'
        '```python exec="on"\nraise RuntimeError("boom")\n```\n',
        encoding="utf-8",
    )
    (tmp_path / "src").mkdir()
    claims = Claims(tmp_path)
    share_pages(tmp_path, docs, claims, [["en/index.md"]])
    assert list((claims.results("en/index.md") or {}).values()) == ["1\n"]


def test_each_page_is_run_by_one_process_and_the_build_waits_for_the_other(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    for language, title in (("ja", "ホーム"), ("en", "Home")):
        for name in ("a", "b", "c"):
            page = docs / language / f"{name}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(PAGE.format(title=title, word=name), encoding="utf-8")
    (tmp_path / "src").mkdir()
    japanese = ["ja/a.md", "ja/b.md", "ja/c.md"]
    english = ["en/a.md", "en/b.md", "en/c.md"]
    prerun = PreRun(tmp_path, docs, [japanese, english])
    try:
        # The build claims the first Japanese page while the second process is
        # still starting, so it runs that one itself.
        assert prerun.take("ja/a.md") == {}
        prerun.process.wait(timeout=120)
        # The second process ran the Japanese pages from the end until it met the
        # build's claim, then the English pages from the end.
        for page in ["ja/c.md", "ja/b.md", *english]:
            shown = "\n".join(prerun.take(page).values())
            name = page[3]
            assert "1024" in shown, page
            assert f"**{name}**" in shown, page
        assert prerun.blocks == 10
        assert prerun.take("ja/a.md") == {}
    finally:
        prerun.stop()
    assert not prerun.folder.exists()


def test_the_build_does_not_wait_for_a_second_process_that_stopped(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "src").mkdir()
    prerun = PreRun(tmp_path, docs, [[]])  # nothing to do: the process ends at once
    try:
        prerun.process.wait(timeout=60)
        # As if it had claimed a page and stopped before publishing its outputs.
        prerun.pages.add("ja/index.md")
        assert prerun.claims.claim("ja/index.md")
        assert prerun.take("ja/index.md") == {}  # the build then runs the page itself
    finally:
        prerun.stop()
