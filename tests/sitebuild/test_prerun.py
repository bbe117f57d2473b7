"""The second process runs the other language's examples; the build uses its outputs."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from sitebuild.prerun import prerun_pages
from tests.conftest import run_build

pytestmark = pytest.mark.build

MakeProject = Callable[[dict[str, str]], Path]

PAGE = '# {title}\n\n```pycon exec="on"\n>>> 2 ** 10\n1024\n```\n\n```python exec="on"\nprint("**{word}**")\n```\n'


def test_the_build_takes_the_second_process_outputs(
    make_project: MakeProject, tmp_path: Path
) -> None:
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
    # The two English blocks ran in the second process, the Japanese ones here.
    assert stats["blocks_run_by_second_process"] == 2
    assert stats["blocks_from_cache"] == 2
    assert stats["blocks_executed"] == 2
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
    cache = prerun_pages(tmp_path, docs, ["en/index.md"])
    assert list(cache.values()) == ["1\n"]
