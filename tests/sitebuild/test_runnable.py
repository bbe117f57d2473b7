"""Runnable examples: the browser skips build-only blocks; the rest must not notice.

The browser replays a session without its build-only blocks and cannot import NumPy
or matplotlib. These tests do the same in CPython, for every page, and require each
runnable block's output to equal the build's: a block that leans on a name made
only at build time fails here in seconds, named by file and line, before any
browser test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild.execution import Runner, session_key
from sitebuild.in_browser import Block, Runtime
from sitebuild.pages import read_page
from sitebuild.runnable import TEXTS, build_only_reasons
from tests.conftest import ROOT

PAGES = sorted((ROOT / "docs").rglob("*.md"))
CHAPTER = [page for page in PAGES if page.parent.name == "exponential"]


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_runnable_blocks_run_alike_in_the_browsers_runtime(path: Path) -> None:
    # in_browser.Runtime is what the browser runs: it replays a session without its
    # build-only blocks and refuses build-only imports, as Pyodide here must.
    page = path.relative_to(ROOT / "docs").as_posix()
    filename = path.relative_to(ROOT).as_posix()
    blocks = [block for block in read_page(path).blocks if block.executes]
    runner = Runner()
    runner.start_page(page, filename, blocks)
    runtime = Runtime()
    earlier: dict[str, list[Block]] = {}
    for block, reason in zip(blocks, build_only_reasons(blocks), strict=True):
        expected = runner.run(page, block)
        if reason is not None:
            continue
        key = session_key(page, block.session)
        target = Block(key, block.first_code_line, block.language, block.code)
        result = runtime.run([*earlier.setdefault(key, []), target])
        earlier[key].append(target)
        assert (result.status, result.output) == ("ok", expected.shown), (
            f"{filename}:{block.first_code_line}: runs differently when the build-only "
            "examples before it are skipped (as in the browser); define what it needs in a "
            f'runnable example, or mark it run="build"\n{result.output}'
        )


@pytest.mark.parametrize("language", ["ja", "en"])
def test_nine_in_ten_of_the_chapter_run_in_the_browser(language: str) -> None:
    reasons = [
        reason
        for path in CHAPTER
        if path.is_relative_to(ROOT / "docs" / language)
        for reason in build_only_reasons([b for b in read_page(path).blocks if b.executes])
    ]
    runnable = reasons.count(None)
    assert runnable >= 0.9 * len(reasons), f"{runnable} of {len(reasons)} runnable"


def test_the_controls_say_the_same_in_both_languages() -> None:
    assert TEXTS["ja"].keys() == TEXTS["en"].keys()
    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    for key, ja in TEXTS["ja"].items():
        en = TEXTS["en"][key]
        assert re.findall(r"\{\w+\}", ja) == re.findall(r"\{\w+\}", en), key
        assert japanese.search(ja), f"ja {key}: {ja!r} is not Japanese"
        assert not japanese.search(en), f"en {key}: {en!r} has Japanese"
