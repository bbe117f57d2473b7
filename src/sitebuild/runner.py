"""Run a page's examples during the build, with a cache for ``mkdocs serve``.

markdown-exec calls :func:`format_python` and :func:`format_pycon` for each
``exec="on"`` block. They run the code through :mod:`sitebuild.execution` in the
block's session and return what the page shows.

Cache: a block's output depends on its own code, the code before it in its
session, and the teaching library in ``src/``. :class:`BuildRunner` keys outputs
by exactly that, so when a contributor edits prose under ``mkdocs serve``, no
unchanged example runs again. When a block further down a session changed, the
skipped blocks before it are replayed first, so its namespace is what it would
be in a cold build. A fresh process (every ``mkdocs build``) starts empty.

Switching execution off (``SITEBUILD_EXECUTE=0``) shows the blocks' source
instead; the benchmark uses it to measure what execution costs.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown_exec

from sitebuild.execution import SessionStore, run_pycon, run_python

__all__ = ["RUNNER", "BuildRunner", "format_pycon", "format_python", "source_digest"]

log = logging.getLogger("mkdocs.plugins.sitebuild")


def source_digest(folder: Path) -> str:
    """Hash every Python file under ``folder`` (paths and contents).

    Args:
        folder: The teaching library's folder, e.g. ``src/aimath``.

    Returns:
        A hex digest that changes whenever any of those files changes.
    """
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.py")):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class _Block:
    language: str
    code: str
    filename: str
    line: int
    html: bool


@dataclass
class _SessionProgress:
    """The blocks a session has seen in this build, and how many really ran."""

    blocks: list[_Block] = field(default_factory=list)
    executed: int = 0


@dataclass
class BuildStats:
    """What running the examples cost in this process."""

    executed: int = 0
    from_cache: int = 0
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))


class BuildRunner:
    """Runs blocks for the build: sessions, cache, statistics, on/off switch."""

    def __init__(self) -> None:
        """Start with empty sessions and cache; execution on."""
        self.sessions = SessionStore()
        self.progress: dict[str, _SessionProgress] = {}
        self.cache: dict[str, str] = {}
        self.library_digest = ""
        self.execute = True
        self.stats = BuildStats()

    def start_page(self, page: str) -> None:
        """Forget the namespaces of ``page`` before its blocks run again."""
        self.sessions.forget_page(page)
        for key in [key for key in self.progress if key.startswith(f"{page}#")]:
            del self.progress[key]

    def _cache_key(self, session: str, blocks: list[_Block]) -> str:
        digest = hashlib.sha256(f"{self.library_digest}\0{session}".encode())
        for block in blocks:
            digest.update(f"\0{block.language}\0{block.html}\0{block.code}".encode())
        return digest.hexdigest()

    def run(self, block: _Block, session: str) -> str:
        """Return what the page shows for ``block``, running it if needed.

        Raises:
            markdown_exec.ExecutionError: If a python block raises; the message
                holds the traceback, which names the Markdown file and line.
        """
        progress = self.progress.setdefault(session, _SessionProgress())
        progress.blocks.append(block)
        key = self._cache_key(session, progress.blocks)
        if key in self.cache:
            self.stats.from_cache += 1
            return self.cache[key]
        namespace = self.sessions.namespace(session)
        for earlier in progress.blocks[progress.executed : -1]:
            # Bring the namespace to where a cold build would have it.
            self._execute(earlier, namespace)
        shown, cacheable = self._execute(block, namespace, report=True)
        progress.executed = len(progress.blocks)
        if cacheable:
            self.cache[key] = shown
        return shown

    def _execute(
        self, block: _Block, namespace: dict[str, Any], *, report: bool = False
    ) -> tuple[str, bool]:
        kind = "plots and tables" if block.html else block.language
        started = time.perf_counter()
        try:
            if block.language == "pycon":
                result = run_pycon(
                    block.code, filename=block.filename, first_line=block.line, namespace=namespace
                )
                if report:
                    for mismatch in result.mismatches:
                        log.warning(mismatch.describe())
                return _pycon_markdown(result.transcript), not result.mismatches
            try:
                output = run_python(
                    block.code, filename=block.filename, first_line=block.line, namespace=namespace
                )
            except Exception as error:
                # markdown-exec logs this as a warning naming the block id (file:line);
                # --strict turns it into a failed build.
                trace = "".join(traceback.format_exception(error))
                raise markdown_exec.ExecutionError(trace) from error
            return output, True
        finally:
            self.stats.executed += 1
            self.stats.seconds[kind] += time.perf_counter() - started


def _pycon_markdown(transcript: str) -> str:
    # A fence longer than any run of backticks in the transcript keeps it whole.
    longest = max((len(run) for run in re.findall(r"`+", transcript)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}pycon\n{transcript}\n{fence}\n"


#: The runner of this process; the plugin configures it, markdown-exec calls it.
RUNNER = BuildRunner()


def _run_with(language: str, html: bool) -> Any:
    def run(code: str, session: str | None = None, id: str = "", **_: Any) -> str:
        filename, line = id.rpartition(":")[::2]
        block = _Block(language, code, filename, int(line), html)
        if not RUNNER.execute:
            return _pycon_markdown(code) if language == "pycon" else ""
        return RUNNER.run(block, session or "")

    return run


def format_python(**kwargs: Any) -> Any:
    """markdown-exec formatter for ``python exec="on"`` blocks."""
    run = _run_with("python", bool(kwargs.get("html")))
    return markdown_exec.base_format(language="python", run=run, **kwargs)


def format_pycon(**kwargs: Any) -> Any:
    """markdown-exec formatter for ``pycon exec="on"`` blocks."""
    return markdown_exec.base_format(language="pycon", run=_run_with("pycon", False), **kwargs)
