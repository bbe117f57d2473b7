"""pytest plugin: every python and pycon block of every page is a test item.

Enabled from pyproject (``-p sitebuild.pytest_examples``). For each Markdown page
under ``docs/``, each executable block becomes one item named by its line
(``docs/ja/index.md::line:12``). Blocks run through :mod:`sitebuild.execution`,
with the same sessions as the build: one namespace per page and session. When an
item runs alone (``-k``), the earlier blocks of its session run first, so the
item sees the state it sees in the build.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitebuild.execution import SessionStore, run_pycon, run_python, session_key
from sitebuild.fences import CodeBlock, find_code_blocks

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
        """Parse the page once; its sessions start empty."""
        super().__init__(**kwargs)
        self.blocks = find_code_blocks(self.path.read_text(encoding="utf-8"))
        self.sessions = SessionStore()
        self.finished: set[int] = set()
        docs = Path(str(self.config.rootpath)) / "docs"
        self.page = self.path.relative_to(docs).as_posix()
        self.source_name = self.path.relative_to(Path(str(self.config.rootpath))).as_posix()

    def collect(self) -> Iterator[MarkdownExampleItem]:
        """Yield one item per python or pycon block."""
        for index, block in enumerate(self.blocks):
            yield MarkdownExampleItem.from_parent(self, name=f"line:{block.info_line}", index=index)

    def run_block(self, index: int) -> None:
        """Run block ``index`` after any earlier, not yet run block of its session."""
        block = self.blocks[index]
        for earlier in range(index):
            if earlier not in self.finished and self.blocks[earlier].session == block.session:
                try:
                    self._execute(self.blocks[earlier])
                except ExampleFailure as failure:
                    msg = (
                        f"{self.source_name}:{self.blocks[earlier].info_line}: an earlier "
                        f"block of this session failed, so line {block.info_line} cannot run:"
                        f"\n{failure}"
                    )
                    raise ExampleFailure(msg) from None
                self.finished.add(earlier)
        self._execute(block)
        self.finished.add(index)

    def _execute(self, block: CodeBlock) -> None:
        if not block.executes:
            msg = (
                f"{self.source_name}:{block.info_line}: {block.language} block without "
                'exec="on" is shown to readers but never run; add exec="on"'
            )
            raise ExampleFailure(msg)
        namespace = self.sessions.namespace(session_key(self.page, block.session))
        if block.language == "pycon":
            result = run_pycon(
                block.code,
                filename=self.source_name,
                first_line=block.first_code_line,
                namespace=namespace,
            )
            if result.mismatches:
                raise ExampleFailure("\n\n".join(m.describe() for m in result.mismatches))
            return
        try:
            run_python(
                block.code,
                filename=self.source_name,
                first_line=block.first_code_line,
                namespace=namespace,
            )
        except Exception as error:  # noqa: BLE001 - any error of an example is its failure
            frames = [
                line
                for line in traceback.format_exception(error)
                if "sitebuild/execution.py" not in line
            ]
            msg = f"{self.source_name}:{block.info_line}: the block raised\n" + "".join(frames)
            raise ExampleFailure(msg) from None


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
