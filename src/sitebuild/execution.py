"""Run a page's examples: python blocks and pycon transcripts, in sessions, with a cache.

The same :class:`Runner` runs the examples at build time (through
:mod:`sitebuild.examples`) and under pytest (:mod:`sitebuild.pytest_examples`), so
a reader sees exactly the output that the tests checked.

Sessions: a block's namespace is named by :func:`session_key` from its page (with
language) and its ``session`` option; no state leaks between pages or languages.

Cache: what a block shows depends on its code, the code before it in its session,
and the teaching library; :meth:`Runner.cache_key` hashes exactly that. When a
block must run, the skipped blocks before it in its session run first (replay), so
its namespace is the one a cold build gives it. Only clean outputs are cached: a
failing block or a wrong written output runs and reports again on every build.

Code is compiled under the Markdown file's name, shifted so that tracebacks and
mismatch reports give the line in that file.
"""

from __future__ import annotations

import doctest
import hashlib
import io
import re
import sys
import time
import traceback
from collections import defaultdict
from collections.abc import Callable
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitebuild.pages import CodeBlock

__all__ = [
    "Mismatch",
    "Outcome",
    "Runner",
    "forget_modules",
    "run_pycon",
    "run_python",
    "session_key",
    "source_digest",
]

_DOCTEST_DIRECTIVE = re.compile(r"\s*#\s*doctest:.*$", re.MULTILINE)


def source_digest(folder: Path) -> str:
    """Hash every Python file under ``folder`` (paths and contents)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.py")):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def forget_modules(folder: Path) -> None:
    """Drop from ``sys.modules`` every module loaded from ``folder`` but this package.

    The next import of such a module reads its file again.
    """
    folder, own = folder.resolve(), Path(__file__).resolve().parent
    for name, module in list(sys.modules.items()):
        path = Path(getattr(module, "__file__", None) or "/").resolve()
        if path.is_relative_to(folder) and not path.is_relative_to(own):
            del sys.modules[name]


def session_key(page: str, session: str) -> str:
    """Name the namespace of a block: its page (with language) and session.

    Examples:
        >>> session_key("en/index.md", "laws")
        'en/index.md#laws'
    """
    return f"{page}#{session}"


def _compile(source: str, filename: str, line: int, mode: str) -> Any:
    # Leading newlines shift the code so tracebacks name the Markdown line.
    return compile("\n" * (line - 1) + source, filename, mode, dont_inherit=True)


def run_python(code: str, *, filename: str, first_line: int, namespace: dict[str, Any]) -> str:
    r"""Execute a python block and return what it printed.

    Raises:
        Exception: Whatever the code raises, unchanged; its traceback points
            into ``filename`` at the right line.

    Examples:
        >>> run_python("x = 6 * 7\nprint(x)", filename="page.md", first_line=10,
        ...            namespace={})
        '42\n'
    """
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        exec(_compile(code, filename, first_line, "exec"), namespace)  # noqa: S102 - running examples is the point
    return buffer.getvalue()


@dataclass(frozen=True)
class Mismatch:
    """A pycon example whose real output differs from the written one.

    Attributes:
        filename: The Markdown file.
        line: The line of the example's ``>>>`` prompt in that file.
        source: The example's code.
        want: The output written in the page.
        got: The output the code really produced.
    """

    filename: str
    line: int
    source: str
    want: str
    got: str

    def describe(self) -> str:
        """Say where and how the written output is wrong, in a compiler-like form."""
        return (
            f"{self.filename}:{self.line}: written output differs from the real output\n"
            f"  example:\n{_indent(self.source)}\n"
            f"  written:\n{_indent(self.want)}\n"
            f"  real:\n{_indent(self.got)}"
        )


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in (text.rstrip("\n") or "<nothing>").split("\n"))


def run_pycon(
    code: str,
    *,
    filename: str,
    first_line: int,
    namespace: dict[str, Any],
    new_buffer: Callable[[], io.StringIO] = io.StringIO,
) -> tuple[str, tuple[Mismatch, ...]]:
    r"""Run a REPL transcript and compare every written output with the real one.

    Examples are parsed as doctest parses them: ``>>>`` and ``...`` lines are the
    input, the lines after them the expected output. Each input is compiled in
    ``"single"`` mode, so a bare expression echoes its ``repr`` as in the REPL.
    Comparison uses doctest's checker and honours inline ``# doctest:`` flags.
    Returns the transcript a reader sees (each input, then its real output) and
    the mismatches. Each example prints into a buffer from ``new_buffer`` (the
    browser's runner gives one that stops keeping output past its limit).

    Examples:
        >>> transcript, mismatches = run_pycon(">>> 2 ** 3\n9", filename="p.md",
        ...                                    first_line=5, namespace={})
        >>> transcript, mismatches[0].line, mismatches[0].got
        ('>>> 2 ** 3\n8', 5, '8\n')
    """
    parser = doctest.DocTestParser()
    checker = doctest.OutputChecker()
    transcript: list[str] = []
    mismatches: list[Mismatch] = []
    for example in parser.get_examples(code, name=filename):
        line = first_line + example.lineno
        shown_source = _DOCTEST_DIRECTIVE.sub("", example.source.rstrip("\n"))
        transcript.append(_prompt(shown_source))
        flags = sum(flag for flag, enabled in example.options.items() if enabled)
        buffer = new_buffer()
        raised: BaseException | None = None
        with redirect_stdout(buffer):
            try:
                exec(_compile(example.source, filename, line, "single"), namespace)  # noqa: S102
            except Exception as error:  # noqa: BLE001 - the transcript reports any error
                raised = error
        got = buffer.getvalue()
        if raised is not None:
            exception_text = "".join(traceback.format_exception_only(raised))
            got += "Traceback (most recent call last):\n  ...\n" + exception_text
            # doctest's exc_msg is the last line of the written traceback, type included.
            matches = example.exc_msg is not None and checker.check_output(
                example.exc_msg, exception_text, flags
            )
        else:
            matches = example.exc_msg is None and checker.check_output(example.want, got, flags)
        if got:
            transcript.append(got.rstrip("\n"))
        if not matches:
            mismatches.append(Mismatch(filename, line, shown_source, example.want, got))
    return "\n".join(transcript), tuple(mismatches)


def _prompt(source: str) -> str:
    first, *rest = source.split("\n")
    return "\n".join([f">>> {first}", *(f"... {line}" for line in rest)])


@dataclass(frozen=True)
class Outcome:
    """What running one block gave.

    Attributes:
        block: The block that ran (an earlier one of its session if that one failed).
        shown: What the page shows: printed output, or the pycon transcript.
        mismatches: pycon examples whose written output is not the real one.
        error: The traceback, naming the Markdown file and line, if the block raised.
    """

    block: CodeBlock
    shown: str = ""
    mismatches: tuple[Mismatch, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the block ran cleanly (and may be cached)."""
        return self.error is None and not self.mismatches


def run_block(block: CodeBlock, filename: str, namespace: dict[str, Any]) -> Outcome:
    """Run a python or pycon block in ``namespace`` (the one python/pycon dispatch).

    Examples:
        >>> run_block(CodeBlock("python", code="print(6 * 7)"), "p.md", {}).shown.strip()
        '42'
    """
    line = block.first_code_line
    if block.language == "pycon":
        return Outcome(
            block, *run_pycon(block.code, filename=filename, first_line=line, namespace=namespace)
        )
    try:
        return Outcome(
            block, run_python(block.code, filename=filename, first_line=line, namespace=namespace)
        )
    except Exception as error:  # noqa: BLE001 - the outcome reports any error of an example
        frames = traceback.format_exception(error)
        # Leave out this function's and run_python's frames: the Markdown file comes first.
        return Outcome(block, error="".join(frames[:1] + frames[3:]))


@dataclass
class Session:
    """One page's blocks that share a namespace, and how many of them have run in it."""

    filename: str
    blocks: list[CodeBlock]
    namespace: dict[str, Any] = field(default_factory=lambda: {"__name__": "__main__"})
    executed: int = 0


@dataclass
class RunStats:
    """What running the examples cost in this process."""

    executed: int = 0
    from_cache: int = 0
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))


def _sessions(page: str, filename: str, blocks: list[CodeBlock]) -> dict[str, Session]:
    sessions: dict[str, Session] = {}
    for block in blocks:
        if block.executes:
            key = session_key(page, block.session)
            sessions.setdefault(key, Session(filename, [])).blocks.append(block)
    return sessions


class Runner:
    """Runs the blocks of pages in their sessions, with a cache of clean outputs."""

    def __init__(self, library_digest: str = "") -> None:
        """Start with no session and an empty cache."""
        self.library_digest = library_digest
        self.cache: dict[str, str] = {}
        self.sessions: dict[str, Session] = {}
        self.stats = RunStats()

    def start_page(self, page: str, filename: str, blocks: list[CodeBlock]) -> None:
        """Give the page fresh sessions, before its blocks run (again)."""
        for key in [key for key in self.sessions if key.startswith(f"{page}#")]:
            del self.sessions[key]
        self.sessions.update(_sessions(page, filename, blocks))

    def is_cached(self, page: str, blocks: list[CodeBlock]) -> bool:
        """Whether the outputs of every executable block of a page are in the cache."""
        return all(
            self.cache_key(key, session.blocks[: index + 1]) in self.cache
            for key, session in _sessions(page, "", blocks).items()
            for index in range(len(session.blocks))
        )

    def cache_key(self, session: str, blocks: list[CodeBlock]) -> str:
        """The key of the last of ``blocks``: the library, the session, the code so far."""
        digest = hashlib.sha256(f"{self.library_digest}\0{session}".encode())
        for block in blocks:
            digest.update(f"\0{block.language}\0{block.shows_html}\0{block.code}".encode())
        return digest.hexdigest()

    def run(self, page: str, block: CodeBlock) -> Outcome:
        """Return the outcome of ``block`` of ``page``, running it if it is not cached.

        Blocks of its session that were skipped before it run first, so that it
        sees the namespace of a cold build.
        """
        key = session_key(page, block.session)
        session = self.sessions[key]
        index = session.blocks.index(block)
        cache_key = self.cache_key(key, session.blocks[: index + 1])
        if cache_key in self.cache:
            self.stats.from_cache += 1
            return Outcome(block, self.cache[cache_key])
        if index < session.executed:  # ran before in this namespace: start it again
            session.namespace, session.executed = {"__name__": "__main__"}, 0
        for earlier in session.blocks[session.executed : index]:
            outcome = self._execute(session, earlier)
            if not outcome.ok:
                return outcome
        outcome = self._execute(session, block)
        if outcome.ok:
            self.cache[cache_key] = outcome.shown
        return outcome

    def _execute(self, session: Session, block: CodeBlock) -> Outcome:
        started = time.perf_counter()
        outcome = run_block(block, session.filename, session.namespace)
        session.executed = session.blocks.index(block) + 1
        kind = "plots and tables" if block.shows_html else block.language
        self.stats.executed += 1
        self.stats.seconds[kind] += time.perf_counter() - started
        return outcome
