"""The examples of a build: markdown-exec runs them here, a process pool runs pages ahead.

:meth:`BuildExamples.prepare` gives each executable fence of a page an ``id``
naming its file and line and fresh sessions; markdown-exec then calls
:meth:`BuildExamples.formatter` for each block; the formatters run
the block through :class:`sitebuild.execution.Runner` or take it from its cache,
and wrap what it shows with its controls or its build-only note
(:mod:`sitebuild.runnable`).

:class:`Prefetch`: the site generator builds the languages one after the other in
one process. A one-worker :class:`~concurrent.futures.ProcessPoolExecutor` gets
one future per page; before a page the build calls ``future.cancel()``: True means
the worker has not started it and the build runs it, otherwise the build waits for
the worker's outputs. They are used only under their cache keys, and only for
blocks that ran cleanly, so nothing here changes what a page shows.
"""

from __future__ import annotations

import logging
import multiprocessing
import re
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import markdown_exec
from markupsafe import Markup

from sitebuild.execution import Outcome, Runner, forget_modules, session_key, source_digest
from sitebuild.pages import CodeBlock, Page, read_page
from sitebuild.runnable import build_only_reasons, wrap_example

__all__ = ["BuildExamples", "Prefetch", "run_page"]

log = logging.getLogger("mkdocs.plugins.sitebuild")


def run_page(project: Path, docs: Path, page: str, library_digest: str) -> dict[str, str]:
    """Run one page's examples as the build would; return the cache entries of clean ones."""
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
        """Submit ``pages`` in the order the worker should take them."""
        # spawn: the worker does not inherit the build's threads and pipes.
        context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
        self.futures: dict[str, Future[dict[str, str]]] = {
            page: self.pool.submit(run_page, project, docs, page, library_digest) for page in pages
        }

    def take(self, page: str) -> dict[str, str]:
        """Claim ``page`` for the build, or wait for the worker's outputs of it."""
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
        """Start with an empty cache."""
        self.project = project
        self.docs = docs
        self.execute = execute
        self.runner = Runner()
        self.prefetch: Prefetch | None = None
        self.prefetched = 0
        self._blocks: dict[str, tuple[str, CodeBlock, str | None]] = {}

    def start_build(self) -> bool:
        """Before a build: hash the teaching library (part of every cache key)."""
        digest = source_digest(self.project / "src")
        changed = digest != self.runner.library_digest and bool(self.runner.library_digest)
        if changed:
            forget_modules(self.project / "src")
        self.runner.library_digest = digest
        return changed

    def run_ahead(self, pages: list[str]) -> None:
        """Let a worker run the uncached ones of ``pages`` (in this order) during the build.

        A worker costs about a second to start: only when most pages are uncached.
        """
        docs = self.docs
        todo = [p for p in pages if not self.runner.is_cached(p, read_page(docs / p).blocks)]
        if self.execute and self.prefetch is None and len(todo) > len(pages) // 2:
            self.prefetch = Prefetch(self.project, docs, todo, self.runner.library_digest)

    def prepare(self, page: str, text: str, markdown: str) -> str:
        """Give each executable fence of a page an id; start its sessions."""
        filename = (self.docs / page).relative_to(self.project).as_posix()
        source = Page.from_body(text, markdown)
        self.runner.start_page(page, filename, source.blocks)
        if self.prefetch is not None:
            results = self.prefetch.take(page)
            self.prefetched += len(results)
            self.runner.cache.update(results)
        lines = markdown.split("\n")
        executed = [block for block in source.blocks if block.executes]
        for block, reason in zip(executed, build_only_reasons(executed), strict=True):
            block_id = f"{filename}:{block.first_code_line}"
            self._blocks[block_id] = (page, block, reason)
            lines[block.info_line - source.body_start] = block.opening_line(
                id=block_id, idprefix=""
            )
        return "\n".join(lines)

    def _shown(self, code: str, block_id: str, language: str) -> str:
        if not self.execute:
            return _pycon_fence(code) if language == "pycon" else ""
        page, block, _ = self._blocks[block_id]
        outcome: Outcome = self.runner.run(page, block)
        if outcome.error is not None:
            # markdown-exec logs this as a warning naming the block id (file:line);
            # --strict turns it into a failed build.
            raise markdown_exec.ExecutionError(outcome.error)
        for mismatch in outcome.mismatches:
            log.warning(mismatch.describe())
        return _pycon_fence(outcome.shown) if language == "pycon" else outcome.shown

    def formatter(self, language: str) -> Callable[..., Any]:
        """The markdown-exec formatter for ``python`` or ``pycon`` blocks with ``exec="on"``."""

        def run(code: str, id: str = "", **_: Any) -> str:
            return self._shown(code, id, language)

        def format_block(**options: Any) -> Any:
            shown = markdown_exec.base_format(language=language, run=run, **options)
            if options.get("id") not in self._blocks:
                return shown
            page, block, reason = self._blocks[options["id"]]
            session, page_language = session_key(page, block.session), page.partition("/")[0]
            return Markup(wrap_example(shown, block, session, page_language, reason))

        return format_block

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
