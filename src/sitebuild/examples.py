"""The examples of a build: markdown-exec runs them here, a process pool runs pages ahead.

:meth:`BuildExamples.prepare` takes a page's Markdown before conversion: it gives
every executable fence an ``id`` naming its file and line (markdown-exec names it
when the block fails), gives the page fresh sessions, and takes the page's outputs
from the pool if it ran them. During conversion markdown-exec calls
:meth:`BuildExamples.format_python` and :meth:`BuildExamples.format_pycon`, which
run the block through :class:`sitebuild.execution.Runner` (or take its output from
the runner's cache) and return what the page shows.

:class:`Prefetch`: running examples is most of a cold build's time, and the site
generator builds the languages one after the other in one process. A
:class:`~concurrent.futures.ProcessPoolExecutor` with one worker gets one future
per page, the pages of the other languages first, each language's from its end.
Before a page, the build calls ``future.cancel()``: True means the worker has not
started it, so the build runs it itself; otherwise it waits for the result and
loads it into its cache. Nothing here changes what a page shows: a worker's output
is used only under its cache key, and only for blocks that ran cleanly.
"""

from __future__ import annotations

import logging
import multiprocessing
import re
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import markdown_exec

from sitebuild.execution import Outcome, Runner, forget_modules, source_digest
from sitebuild.pages import Page, format_info, read_page

__all__ = ["BuildExamples", "Prefetch", "run_page"]

log = logging.getLogger("mkdocs.plugins.sitebuild")
_OPENING = re.compile(r"[ \t]*(`{3,}|~{3,})")


def run_page(project: Path, docs: Path, page: str, library_digest: str) -> dict[str, str]:
    """Run one page's examples as the build would; return the cache entries of clean ones.

    Args:
        project: The project's root.
        docs: The docs folder.
        page: The page's path under ``docs/``, e.g. ``"en/index.md"``.
        library_digest: The hash of the teaching library the build uses.

    Returns:
        Cache keys mapped to outputs, up to the first block that does not run cleanly.
    """
    source = read_page(docs / page)
    runner = Runner(library_digest)
    runner.start_page(page, (docs / page).relative_to(project).as_posix(), source.blocks)
    for block in source.blocks:
        if block.executes and not runner.run(page, block).ok:
            break
    return runner.cache


class Prefetch:
    """Pages run ahead by a worker process, one future per page."""

    def __init__(self, project: Path, docs: Path, pages: list[str], library_digest: str) -> None:
        """Submit ``pages`` in the order the worker should take them.

        Args:
            project: The project's root.
            docs: The docs folder.
            pages: Pages under ``docs``.
            library_digest: The hash of the teaching library the build uses.
        """
        # spawn: the worker does not inherit the build's threads and pipes.
        context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
        self.futures: dict[str, Future[dict[str, str]]] = {
            page: self.pool.submit(run_page, project, docs, page, library_digest) for page in pages
        }

    def take(self, page: str) -> dict[str, str]:
        """Claim ``page`` for the build, or wait for the worker's outputs of it.

        Returns:
            The worker's cache entries for the page; ``{}`` if the build runs it
            (not submitted, claimed here, or the worker failed).
        """
        future = self.futures.pop(page, None)
        if future is None or future.cancel():
            return {}
        try:
            return future.result()
        except Exception:  # noqa: BLE001 - a broken worker only means the build runs the page
            return {}

    def close(self) -> None:
        """Cancel the pages not started; let the worker end."""
        self.pool.shutdown(wait=False, cancel_futures=True)


class BuildExamples:
    """The examples of one site build (and of its rebuilds under ``mkdocs serve``)."""

    def __init__(self, project: Path, docs: Path, *, execute: bool = True) -> None:
        """Start with an empty cache.

        Args:
            project: The project's root, holding ``src/``.
            docs: The docs folder.
            execute: False shows the blocks' source instead of running them.
        """
        self.project = project
        self.docs = docs
        self.execute = execute
        self.runner = Runner()
        self.prefetch: Prefetch | None = None
        self.prefetched = 0
        self._blocks: dict[str, tuple[str, Any]] = {}

    def start_build(self) -> bool:
        """Before a build: hash the teaching library (part of every cache key).

        Returns:
            Whether the library changed since the previous build of this process;
            its modules are then forgotten, so that examples import the new code.
        """
        digest = source_digest(self.project / "src")
        changed = digest != self.runner.library_digest and bool(self.runner.library_digest)
        if changed:
            forget_modules(self.project / "src")
        self.runner.library_digest = digest
        return changed

    def uncached_pages(self, pages: list[str]) -> list[str]:
        """The pages with an executable block whose output is not cached."""
        return [
            page
            for page in pages
            if not self.runner.is_cached(page, read_page(self.docs / page).blocks)
        ]

    def run_ahead(self, pages: list[str]) -> None:
        """Let a worker process run ``pages`` (in this order) while the build goes on."""
        if self.execute and pages:
            self.prefetch = Prefetch(self.project, self.docs, pages, self.runner.library_digest)

    def prepare(self, page: str, text: str, markdown: str) -> str:
        """Give each executable fence of a page an id; start its sessions.

        Args:
            page: The page's path under ``docs/``, language first.
            text: The page's file as stored.
            markdown: The page's Markdown as the site generator hands it over.

        Returns:
            The Markdown with ``id="docs/<page>:<line>"`` on every executable fence.
        """
        filename = (self.docs / page).relative_to(self.project).as_posix()
        source = Page.from_body(text, markdown)
        self.runner.start_page(page, filename, source.blocks)
        if self.prefetch is not None:
            results = self.prefetch.take(page)
            self.prefetched += len(results)
            self.runner.cache.update(results)
        lines = markdown.split("\n")
        for block in source.blocks:
            if not block.executes:
                continue
            block_id = f"{filename}:{block.first_code_line}"
            self._blocks[block_id] = (page, block)
            index = block.info_line - source.body_start
            opening = _OPENING.match(lines[index])
            assert opening is not None
            options = {**block.options, "id": block_id, "idprefix": ""}
            lines[index] = f"{opening.group(0)}{format_info(block.language, options)}"
        return "\n".join(lines)

    def _shown(self, code: str, block_id: str, language: str) -> str:
        if not self.execute:
            return _pycon_fence(code) if language == "pycon" else ""
        page, block = self._blocks[block_id]
        outcome: Outcome = self.runner.run(page, block)
        if outcome.error is not None:
            # markdown-exec logs this as a warning naming the block id (file:line);
            # --strict turns it into a failed build.
            raise markdown_exec.ExecutionError(outcome.error)
        for mismatch in outcome.mismatches:
            log.warning(mismatch.describe())
        return _pycon_fence(outcome.shown) if language == "pycon" else outcome.shown

    def format_python(self, **kwargs: Any) -> Any:
        """markdown-exec formatter for ``python exec="on"`` blocks."""

        def run(code: str, id: str = "", **_: Any) -> str:
            return self._shown(code, id, "python")

        return markdown_exec.base_format(language="python", run=run, **kwargs)

    def format_pycon(self, **kwargs: Any) -> Any:
        """markdown-exec formatter for ``pycon exec="on"`` blocks."""

        def run(code: str, id: str = "", **_: Any) -> str:
            return self._shown(code, id, "pycon")

        return markdown_exec.base_format(language="pycon", run=run, **kwargs)

    def close(self) -> None:
        """Let the worker process end."""
        if self.prefetch is not None:
            self.prefetch.close()
            self.prefetch = None


def _pycon_fence(transcript: str) -> str:
    # A fence longer than any run of backticks in the transcript keeps it whole.
    longest = max((len(run) for run in re.findall(r"`+", transcript)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}pycon\n{transcript}\n{fence}\n"
