"""The example runner: cache for prose edits, replay for changed blocks."""

from __future__ import annotations

from pathlib import Path

from sitebuild.execution import Runner, source_digest
from sitebuild.pages import CodeBlock

PAGE = "ja/page.md"


def block(code: str, line: int = 1, language: str = "python") -> CodeBlock:
    return CodeBlock(language, {"exec": "on"}, code, info_line=line - 1)


def build_page(runner: Runner, codes: list[str], language: str = "python") -> list[str]:
    blocks = [block(code, line=i * 10 + 1, language=language) for i, code in enumerate(codes)]
    runner.start_page(PAGE, "docs/ja/page.md", blocks)
    return [runner.run(PAGE, each).shown for each in blocks]


def test_unchanged_examples_are_not_run_again(tmp_path: Path) -> None:
    log = tmp_path / "runs.txt"
    append = f"from pathlib import Path\nPath({str(log)!r}).write_text(Path({str(log)!r}).read_text() + 'x')"
    log.write_text("")
    codes = [f"{append}\nprint('first')", "print('second')"]
    runner = Runner()
    assert build_page(runner, codes) == ["first\n", "second\n"]
    assert build_page(runner, codes) == ["first\n", "second\n"]
    assert log.read_text() == "x"
    assert (runner.stats.executed, runner.stats.from_cache) == (2, 2)


def test_changed_block_sees_the_state_of_skipped_blocks() -> None:
    runner = Runner()
    build_page(runner, ["x = 20", "print(x + 1)"])
    assert build_page(runner, ["x = 20", "print(x + 2)"]) == ["", "22\n"]
    # The unchanged first block came from the cache and was replayed once.
    assert runner.stats.from_cache == 1


def test_library_change_invalidates_the_cache() -> None:
    runner = Runner()
    build_page(runner, ["print(1)"])
    runner.library_digest = "changed"
    build_page(runner, ["print(1)"])
    assert runner.stats.from_cache == 0


def test_pycon_with_a_wrong_output_is_never_cached() -> None:
    runner = Runner()
    reports = []
    for _ in range(2):
        only = block(">>> 1 + 1\n3", language="pycon")
        runner.start_page(PAGE, "docs/ja/page.md", [only])
        reports += [m.describe() for m in runner.run(PAGE, only).mismatches]
    assert runner.stats.from_cache == 0
    assert sum("docs/ja/page.md:1: written output differs" in r for r in reports) == 2


def test_failing_block_reports_a_traceback_naming_the_line() -> None:
    runner = Runner()
    failing = block("x = 1\n1 / 0", line=11)
    runner.start_page(PAGE, "docs/ja/page.md", [failing])
    outcome = runner.run(PAGE, failing)
    assert outcome.error is not None
    assert 'docs/ja/page.md", line 12' in outcome.error
    assert "sitebuild" not in outcome.error  # the traceback starts in the page


def test_source_digest_follows_file_contents(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    before = source_digest(tmp_path)
    (tmp_path / "a.py").write_text("x = 2\n")
    assert source_digest(tmp_path) != before
