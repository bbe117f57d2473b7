"""Runnable examples: the browser skips build-only blocks; the rest must not notice.

The browser replays a session without its build-only blocks and cannot import NumPy
or matplotlib. These tests do the same in CPython, for every page, and require each
runnable block's output to equal the build's: a block that leans on a name made
only at build time fails here in seconds, named by file and line, before any
browser test.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from sitebuild.execution import Runner, run_block, session_key
from sitebuild.pages import read_page
from sitebuild.runnable import BUILD_ONLY_MODULES, TEXTS, build_only_reasons
from tests.conftest import ROOT

PAGES = sorted((ROOT / "docs").rglob("*.md"))
CHAPTER = [page for page in PAGES if page.parent.name == "exponential"]


@contextmanager
def without_build_only_modules() -> Iterator[None]:
    """Make every import of a build-only module fail, as in the browser."""
    real_import = builtins.__import__

    def guarded(name: str, *args: Any, **kwargs: Any) -> Any:
        if any(name == module or name.startswith(f"{module}.") for module in BUILD_ONLY_MODULES):
            msg = f"No module named {name!r} (build-only)"
            raise ModuleNotFoundError(msg)
        return real_import(name, *args, **kwargs)

    builtins.__import__ = guarded
    try:
        yield
    finally:
        builtins.__import__ = real_import


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_runnable_blocks_run_alike_without_build_only_ones(path: Path) -> None:
    page = path.relative_to(ROOT / "docs").as_posix()
    filename = path.relative_to(ROOT).as_posix()
    blocks = [block for block in read_page(path).blocks if block.executes]
    runner = Runner()
    runner.start_page(page, filename, blocks)
    built = [runner.run(page, block) for block in blocks]
    namespaces: dict[str, dict[str, Any]] = {}
    with without_build_only_modules():
        for block, reason, expected in zip(blocks, build_only_reasons(blocks), built, strict=True):
            if reason is not None:
                continue
            namespace = namespaces.setdefault(
                session_key(page, block.session), {"__name__": "__main__"}
            )
            outcome = run_block(block, filename, namespace)
            assert (outcome.error, outcome.shown) == (None, expected.shown), (
                f"{filename}:{block.first_code_line}: runs differently when the build-only "
                "examples before it are skipped (as in the browser); define what it needs in a "
                f'runnable example, or mark it run="build"\n{outcome.error or outcome.shown}'
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
