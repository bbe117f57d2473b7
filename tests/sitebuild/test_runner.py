"""The build's example runner: cache for prose edits, replay for changed blocks."""

from __future__ import annotations

from pathlib import Path

import markdown_exec
import pytest

from sitebuild.runner import BuildRunner, _Block, source_digest

PAGE = "ja/page.md"
SESSION = f"{PAGE}#"


def block(code: str, line: int = 1, language: str = "python") -> _Block:
    return _Block(language, code, "docs/ja/page.md", line, html=False)


def build_page(runner: BuildRunner, codes: list[str]) -> list[str]:
    runner.start_page(PAGE)
    return [runner.run(block(code, line=i * 10 + 1), SESSION) for i, code in enumerate(codes)]


def test_unchanged_examples_are_not_run_again(tmp_path: Path) -> None:
    log = tmp_path / "runs.txt"
    append = f"from pathlib import Path\nPath({str(log)!r}).write_text(Path({str(log)!r}).read_text() + 'x')"
    log.write_text("")
    codes = [f"{append}\nprint('first')", "print('second')"]
    runner = BuildRunner()
    assert build_page(runner, codes) == ["first\n", "second\n"]
    assert build_page(runner, codes) == ["first\n", "second\n"]
    assert log.read_text() == "x"
    assert (runner.stats.executed, runner.stats.from_cache) == (2, 2)


def test_changed_block_sees_the_state_of_skipped_blocks() -> None:
    runner = BuildRunner()
    build_page(runner, ["x = 20", "print(x + 1)"])
    assert build_page(runner, ["x = 20", "print(x + 2)"]) == ["", "22\n"]
    # The unchanged first block came from the cache and was replayed once.
    assert runner.stats.from_cache == 1


def test_library_change_invalidates_the_cache() -> None:
    runner = BuildRunner()
    build_page(runner, ["print(1)"])
    runner.library_digest = "changed"
    build_page(runner, ["print(1)"])
    assert runner.stats.from_cache == 0


def test_pycon_with_a_wrong_output_is_never_cached(caplog: pytest.LogCaptureFixture) -> None:
    runner = BuildRunner()
    for _ in range(2):
        runner.start_page(PAGE)
        runner.run(block(">>> 1 + 1\n3", language="pycon"), SESSION)
    assert runner.stats.from_cache == 0
    assert caplog.text.count("docs/ja/page.md:1: written output differs") == 2


def test_failing_block_raises_execution_error_naming_the_line() -> None:
    runner = BuildRunner()
    runner.start_page(PAGE)
    with pytest.raises(markdown_exec.ExecutionError, match=r'docs/ja/page.md", line 12'):
        runner.run(block("x = 1\n1 / 0", line=11), SESSION)


def test_source_digest_follows_file_contents(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    before = source_digest(tmp_path)
    (tmp_path / "a.py").write_text("x = 2\n")
    assert source_digest(tmp_path) != before
