"""pytest plugin: every python and pycon block of every page is a test item.

Enabled from pyproject (``-p sitebuild.pytest_examples``). For each Markdown page
under ``docs/``, each python or pycon block becomes one item named by its line
(``docs/ja/index.md::line:12``). Blocks run through the build's
:class:`sitebuild.execution.Runner`, with the same sessions: one namespace per page
and session. When an item runs alone (``-k``), the earlier blocks of its session
run first, so the item sees the state it sees in the build.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitebuild.execution import Runner
from sitebuild.pages import read_page

__all__ = ["ExampleFailure", "MarkdownExampleItem", "MarkdownExamples"]


class ExampleFailure(Exception):
    """An example failed; the message names the Markdown file and line."""


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect Markdown pages inside the project's ``docs/`` folder."""
    docs = Path(str(parent.config.rootpath)) / "docs"
    if file_path.suffix == ".md" and file_path.is_relative_to(docs):
        collector: MarkdownExamples = MarkdownExamples.from_parent(parent, path=file_path)
        return collector
    return None


class MarkdownExamples(pytest.File):
    """The executable blocks of one Markdown page."""

    def __init__(self, **kwargs: Any) -> None:
        """Read the page once; its sessions start empty."""
        super().__init__(**kwargs)
        root = Path(str(self.config.rootpath))
        self.blocks = read_page(self.path).blocks
        self.page = self.path.relative_to(root / "docs").as_posix()
        self.source_name = self.path.relative_to(root).as_posix()
        self.runner = Runner()
        self.runner.start_page(self.page, self.source_name, self.blocks)

    def collect(self) -> Iterator[MarkdownExampleItem]:
        """Yield one item per python or pycon block."""
        for index, block in enumerate(self.blocks):
            yield MarkdownExampleItem.from_parent(self, name=f"line:{block.info_line}", index=index)

    def run_block(self, index: int) -> None:
        """Run block ``index``, after the earlier blocks of its session that have not run."""
        block = self.blocks[index]
        if not block.executes:
            msg = (
                f"{self.source_name}:{block.info_line}: {block.language} block without "
                'exec="on" is shown to readers but never run; add exec="on"'
            )
            raise ExampleFailure(msg)
        outcome = self.runner.run(self.page, block)
        if outcome.ok:
            return
        if outcome.error is not None:
            failure = f"{self.source_name}:{outcome.block.info_line}: the block raised\n"
            failure += outcome.error
        else:
            failure = "\n\n".join(m.describe() for m in outcome.mismatches)
        if outcome.block is not block:
            failure = (
                f"{self.source_name}:{outcome.block.info_line}: an earlier block of this "
                f"session failed, so line {block.info_line} cannot run:\n{failure}"
            )
        raise ExampleFailure(failure)


class MarkdownExampleItem(pytest.Item):
    """One python or pycon block of a page."""

    def __init__(self, *, index: int, **kwargs: Any) -> None:
        """Remember which block of the page this item runs."""
        super().__init__(**kwargs)
        self.index = index

    @property
    def page(self) -> MarkdownExamples:
        """The page this block belongs to."""
        assert isinstance(self.parent, MarkdownExamples)
        return self.parent

    def runtest(self) -> None:
        """Run the block (and its session's earlier blocks if needed)."""
        self.page.run_block(self.index)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str:
        """Show the failure as file:line and the difference, without pytest internals."""
        if isinstance(excinfo.value, ExampleFailure):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int, str]:
        """Point at the block's opening fence."""
        block = self.page.blocks[self.index]
        return self.path, block.info_line - 1, f"{block.language} block at line {block.info_line}"
