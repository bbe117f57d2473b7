"""Run the examples of a page: python blocks and pycon transcripts.

The same functions run at build time (through markdown-exec) and under pytest,
so a reader sees exactly the output that the tests checked.

Namespaces: every block belongs to a session. Blocks on one page without a
``session`` option share the page's default session; a named session is scoped
to its page and language too. No state ever leaks between pages or languages.

Line numbers: code is compiled under the Markdown file's name, shifted so that
tracebacks and mismatch reports give the line in the Markdown file.
"""

from __future__ import annotations

import doctest
import io
import re
import traceback
from contextlib import redirect_stdout
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Mismatch",
    "PyconResult",
    "SessionStore",
    "run_pycon",
    "run_python",
    "session_key",
]

_DOCTEST_DIRECTIVE = re.compile(r"\s*#\s*doctest:.*$", re.MULTILINE)


def session_key(page: str, session: str) -> str:
    """Name the namespace of a block: its page (with language) and session.

    Args:
        page: The page's path relative to ``docs/``, e.g. ``"ja/index.md"``.
        session: The block's session option, ``""`` for the page default.

    Returns:
        The key under which the namespace is stored.

    Examples:
        >>> session_key("en/index.md", "laws")
        'en/index.md#laws'
    """
    return f"{page}#{session}"


class SessionStore:
    """Namespaces of executed blocks, keyed by :func:`session_key`."""

    def __init__(self) -> None:
        """Start with no namespaces."""
        self._namespaces: dict[str, dict[str, Any]] = {}

    def namespace(self, key: str) -> dict[str, Any]:
        """Return the namespace for ``key``, creating an empty one if needed.

        Args:
            key: A key made by :func:`session_key`.

        Returns:
            The mutable globals dictionary shared by the session's blocks.
        """
        if key not in self._namespaces:
            self._namespaces[key] = {"__name__": "__main__"}
        return self._namespaces[key]

    def forget_page(self, page: str) -> None:
        """Drop every namespace of ``page``, before the page runs again.

        Args:
            page: The page's path relative to ``docs/``.
        """
        prefix = f"{page}#"
        for key in [key for key in self._namespaces if key.startswith(prefix)]:
            del self._namespaces[key]


def _compile(source: str, filename: str, line: int, mode: str) -> Any:
    # Leading newlines shift the code so tracebacks name the Markdown line.
    return compile("\n" * (line - 1) + source, filename, mode, dont_inherit=True)


def run_python(code: str, *, filename: str, first_line: int, namespace: dict[str, Any]) -> str:
    r"""Execute a python block and return what it printed.

    Args:
        code: The block's code.
        filename: The Markdown file, named in tracebacks.
        first_line: The line of the file where the code starts.
        namespace: The session's globals; updated in place.

    Returns:
        Everything the block wrote to standard output.

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


@dataclass(frozen=True)
class PyconResult:
    """The outcome of running a pycon block.

    Attributes:
        transcript: The session as a reader sees it: each ``>>>`` input followed by
            its real output.
        mismatches: Examples whose written output is not the real one.
    """

    transcript: str
    mismatches: tuple[Mismatch, ...]


def _exception_only(error: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(error), error))


def run_pycon(
    code: str, *, filename: str, first_line: int, namespace: dict[str, Any]
) -> PyconResult:
    r"""Run a REPL transcript and compare every written output with the real one.

    Examples are parsed as doctest parses them: ``>>>`` and ``...`` lines are the
    input, the lines after them the expected output. Each input is compiled in
    ``"single"`` mode, so a bare expression echoes its ``repr`` as in the REPL.
    Comparison uses doctest's checker and honours inline ``# doctest:`` flags.

    Args:
        code: The block's content.
        filename: The Markdown file, named in tracebacks and mismatches.
        first_line: The line of the file where the block's content starts.
        namespace: The session's globals; updated in place.

    Returns:
        The transcript with real outputs, and the mismatches found.

    Examples:
        >>> result = run_pycon(">>> 2 ** 3\n9", filename="p.md", first_line=5,
        ...                    namespace={})
        >>> result.transcript
        '>>> 2 ** 3\n8'
        >>> result.mismatches[0].line, result.mismatches[0].got
        (5, '8\n')
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
        buffer = io.StringIO()
        raised: BaseException | None = None
        with redirect_stdout(buffer):
            try:
                exec(_compile(example.source, filename, line, "single"), namespace)  # noqa: S102
            except Exception as error:  # noqa: BLE001 - the transcript reports any error
                raised = error
        got = buffer.getvalue()
        if raised is not None:
            exception_text = _exception_only(raised)
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
    return PyconResult("\n".join(transcript), tuple(mismatches))


def _prompt(source: str) -> str:
    first, *rest = source.split("\n")
    return "\n".join([f">>> {first}", *(f"... {line}" for line in rest)])
