"""A worker process runs pages ahead of the build; the build uses its outputs."""

from __future__ import annotations

import concurrent.futures
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from sitebuild.examples import Prefetch, run_page
from tests.conftest import run_build

MakeProject = Callable[[dict[str, str]], Path]

PAGE = '# {title}\n\n```pycon exec="on"\n>>> 2 ** 10\n1024\n```\n\n```python exec="on"\nprint("**{word}**")\n```\n'


@pytest.mark.build
def test_the_build_takes_the_worker_outputs(make_project: MakeProject, tmp_path: Path) -> None:
    project = make_project(
        {
            "ja/index.md": PAGE.format(title="ホーム", word="太字"),
            "en/index.md": PAGE.format(title="Home", word="bold"),
        }
    )
    stats_file = tmp_path / "stats.json"
    build = run_build(project, tmp_path / "site", env={"SITEBUILD_STATS": str(stats_file)})
    assert build.returncode == 0, build.output
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    # The worker takes the English page first, then the Japanese one; the build
    # takes the Japanese page unless the worker was quicker. No block runs twice.
    assert stats["blocks_run_by_second_process"] in {2, 4}
    assert stats["blocks_from_cache"] == stats["blocks_run_by_second_process"]
    assert stats["blocks_executed"] + stats["blocks_from_cache"] == 4
    english = build.page("en/")
    assert "<strong>bold</strong>" in english
    assert "1024" in english


def write_docs(root: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    return root / "docs"


def test_a_failing_block_is_left_to_the_build(tmp_path: Path) -> None:
    page = '# Home\n\n```python exec="on"\nprint(1)\n```\n\n```python exec="on"\nraise RuntimeError("boom")\n```\n'
    docs = write_docs(tmp_path, {"en/index.md": page})
    assert list(run_page(tmp_path, docs, "en/index.md", "").values()) == ["1\n"]


def test_each_page_is_run_by_one_process(tmp_path: Path) -> None:
    docs = write_docs(
        tmp_path,
        {
            f"{language}/{name}.md": PAGE.format(title=title, word=name)
            for language, title in (("ja", "ホーム"), ("en", "Home"))
            for name in ("a", "b", "c")
        },
    )
    # The order the build submits them: the other language from its end, then its own.
    ahead = ["en/c.md", "en/b.md", "en/a.md", "ja/c.md", "ja/b.md", "ja/a.md"]
    prefetch = Prefetch(tmp_path, docs, ahead, "")
    try:
        # The build claims its first page at once: the worker is still starting.
        assert prefetch.take("ja/a.md") == {}
        # The worker runs the others (the build would wait for each).
        concurrent.futures.wait(list(prefetch.futures.values()))
        for page in ["ja/b.md", "ja/c.md", "en/a.md", "en/b.md", "en/c.md"]:
            shown = "\n".join(prefetch.take(page).values())
            assert "1024" in shown, page
            assert f"**{page[3]}**" in shown, page
        assert prefetch.take("ja/a.md") == {}  # taken once
    finally:
        prefetch.close()


def test_the_build_does_not_wait_for_a_worker_that_stopped(tmp_path: Path) -> None:
    stops = '# Home\n\n```python exec="on"\nimport os\n\nos._exit(1)\n```\n'
    docs = write_docs(tmp_path, {"en/index.md": stops})
    prefetch = Prefetch(tmp_path, docs, ["en/index.md"], "")
    try:
        assert prefetch.take("en/index.md") == {}  # the build then runs the page itself
    finally:
        prefetch.close()
