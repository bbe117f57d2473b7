"""Run a page's examples in the reader's browser, inside Pyodide.

The page's runner worker (``assets/runner-worker.mjs``) imports this module in
Pyodide and hands every Run to :meth:`Runtime.run_json`: the runnable blocks of the
target's session that come before it on the page (with the code they have now,
edited or not) and the target itself. The module also imports under CPython, where
the tests run it.

The outputs are the build's: pycon blocks go through
:func:`sitebuild.execution.run_pycon`, python blocks are executed and their
printing captured as :func:`sitebuild.execution.run_python` does. What differs is
what a reader needs and a build does not:

- a traceback names the reader's code: file ``<code>``, line 1 = the block's first
  line, the source line shown; this module's frames are left out;
- output is cut at :data:`OUTPUT_LIMIT` characters;
- an import of NumPy or matplotlib (any submodule) raises ``ModuleNotFoundError``
  with a message in the page's language: they run only at build time here;
- a pycon block edited into plain code (no ``>>>`` line) runs as a python block.
"""

from __future__ import annotations

import builtins
import io
import json
import linecache
import re
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, redirect_stdout
from dataclasses import asdict, dataclass, replace
from importlib.machinery import ModuleSpec
from types import ModuleType, TracebackType
from typing import Any

from sitebuild import execution
from sitebuild.execution import run_pycon
from sitebuild.runnable import is_build_only_module

__all__ = ["NUMPY_MESSAGE", "OUTPUT_LIMIT", "Block", "Result", "Runtime"]

#: Characters of output a Run shows at most; the rest is cut, with a note.
OUTPUT_LIMIT = 100_000
#: The refusal's message when the page gives none (the page's text is in its language).
NUMPY_MESSAGE = (
    "NumPy and matplotlib run only when the site is built; they are not available in the browser."
)
#: The name tracebacks give the code being run.
CODE_NAME = "<code>"
#: The name they give code that an earlier Run defined (a function called now, say).
EARLIER_CODE_NAME = "<earlier code>"

_PROMPT = re.compile(r"^\s*(?:>>>|\.\.\.) ?", re.MULTILINE)
_HAS_PROMPT = re.compile(r"^\s*>>>", re.MULTILINE)
_OWN_FILES = frozenset({__file__, execution.__file__})


@dataclass(frozen=True)
class Block:
    """One runnable block as the page has it now.

    Attributes:
        session: The block's ``data-sb-session``: blocks with the same one share a namespace.
        line: Its ``data-sb-line``; with the session, it names the block.
        kind: ``"python"`` or ``"pycon"``.
        code: The code to run: the page's, or what the reader made of it.
    """

    session: str
    line: int
    kind: str
    code: str


@dataclass(frozen=True)
class Result:
    """What a Run shows.

    Attributes:
        output: The printed output (python, with the traceback if it raised) or the
            transcript (pycon), at most :data:`OUTPUT_LIMIT` characters.
        status: ``"ok"``; ``"error"`` when the python block raised; ``"earlier-failed"``
            when an earlier block of the session raised (``output`` and ``line`` are its).
        cut: Whether output was cut at the limit.
        line: The line of the block the output comes from.
        replayed: How many earlier blocks ran first.
        limit: The most characters of output a Run shows (for the note on a cut).
    """

    output: str
    status: str = "ok"
    cut: bool = False
    line: int = 0
    replayed: int = 0
    limit: int = OUTPUT_LIMIT


class Runtime:
    r"""The sessions of one page in one Python, and which blocks have run in them.

    Examples:
        >>> runtime = Runtime()
        >>> first = Block("en/p.md#", 3, "python", "x = 6 * 7")
        >>> runtime.run([first, Block("en/p.md#", 9, "pycon", ">>> x")]).output
        '>>> x\n42'
        >>> runtime.run([first, Block("en/p.md#", 12, "python", "print(x + 1)")]).output
        '43\n'
    """

    def __init__(self, numpy_message: str = NUMPY_MESSAGE, limit: int = OUTPUT_LIMIT) -> None:
        """Start with empty sessions.

        Args:
            numpy_message: The page's words for "NumPy runs only at build time here".
            limit: The most characters of output a Run shows.
        """
        self.numpy_message = numpy_message or NUMPY_MESSAGE
        self.limit = limit
        self.namespaces: dict[str, dict[str, Any]] = {}
        #: Each block that ran cleanly, and the code it ran.
        self.ran: dict[tuple[str, int], str] = {}
        self._runs = 0

    def run(
        self, blocks: Sequence[Block], on_block: Callable[[int], object] | None = None
    ) -> Result:
        """Run the last of ``blocks``, after those before it that have not run as they are now.

        An earlier block runs again when its code changed since it ran; its output is
        not shown unless it raises, which ends the Run.

        Args:
            blocks: The earlier runnable blocks of the target's session, in page order,
                then the target.
            on_block: Called with a block's line just before it runs (the worker
                restarts the time limit there).
        """
        *earlier, target = blocks
        replayed = 0
        for block in earlier:
            if self.ran.get((block.session, block.line)) == block.code:
                continue
            if on_block is not None:
                on_block(block.line)
            result = self._run(block)
            if result.status != "ok":
                return replace(result, status="earlier-failed", replayed=replayed)
            replayed += 1
        if on_block is not None:
            on_block(target.line)
        return replace(self._run(target), replayed=replayed)

    def run_json(self, blocks: str, on_block: Callable[[int], object] | None = None) -> str:
        """:meth:`run` for the worker: blocks as a JSON list of objects, the result as JSON.

        Examples:
            >>> Runtime().run_json('[{"session": "s", "line": 4, "kind": "python", "code": "1"}]')
            '{"output": "", "status": "ok", "cut": false, "line": 4, "replayed": 0, "limit": 100000}'
        """
        result = self.run([Block(**block) for block in json.loads(blocks)], on_block)
        return json.dumps(asdict(result), ensure_ascii=False)

    def _run(self, block: Block) -> Result:
        namespace = self.namespaces.setdefault(block.session, {"__name__": "__main__"})
        namespace["__builtins__"] = self._builtins()
        self._runs += 1
        filename = f"<code-{self._runs}>"
        is_pycon = block.kind == "pycon" and _HAS_PROMPT.search(block.code) is not None
        # Tracebacks read the source from linecache, without the prompts of a transcript.
        source = _PROMPT.sub("", block.code) if is_pycon else block.code
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        with _refusing(self.numpy_message):
            if is_pycon:
                output, _ = run_pycon(
                    block.code,
                    filename=filename,
                    first_line=1,
                    namespace=namespace,
                    new_buffer=lambda: _CappedBuffer(self.limit),
                )
                status = "ok"
            else:
                output, status = _run_python(block.code, filename, namespace, self.limit)
        output = _rename(output, filename)
        if status == "ok":
            self.ran[block.session, block.line] = block.code
        cut = len(output) > self.limit
        return Result(output[: self.limit], status, cut, block.line, limit=self.limit)

    def _builtins(self) -> dict[str, Any]:
        # The namespace's own builtins refuse build-only modules even where they are
        # installed and imported already (CPython under the tests).
        refused = _refuse(self.numpy_message)

        def guarded_import(name: str, *args: Any, **kwargs: Any) -> ModuleType:
            level = args[3] if len(args) > 3 else kwargs.get("level", 0)
            if level == 0:
                refused(name)
            return builtins.__import__(name, *args, **kwargs)

        return {**vars(builtins), "__import__": guarded_import}


def _refuse(message: str) -> Callable[[str], None]:
    def refuse(name: str) -> None:
        if is_build_only_module(name):
            raise ModuleNotFoundError(message, name=name)

    return refuse


class _BuildOnlyFinder:
    """A meta path finder that refuses build-only modules imported by a library module."""

    def __init__(self, message: str) -> None:
        self.refuse = _refuse(message)

    def find_spec(self, name: str, *_: object) -> ModuleSpec | None:
        self.refuse(name)
        return None


@contextmanager
def _refusing(message: str) -> Iterator[None]:
    finder = _BuildOnlyFinder(message)
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


class _CappedBuffer(io.StringIO):
    r"""Printed output, kept up to one character past ``limit``.

    A loop that prints megabytes fills no memory; the caller sees the extra
    character and cuts.

    Examples:
        >>> buffer = _CappedBuffer(5)
        >>> for _ in range(1000):
        ...     _ = buffer.write("abc\n")
        >>> buffer.getvalue()
        'abc\nab'
    """

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.room = limit + 1

    def write(self, text: str, /) -> int:
        kept = text[: self.room]
        self.room -= len(kept)
        super().write(kept)
        return len(text)


def _run_python(code: str, filename: str, namespace: dict[str, Any], limit: int) -> tuple[str, str]:
    """Execute ``code``; return what it printed (and its traceback if it raised) and the status."""
    buffer = _CappedBuffer(limit)
    with redirect_stdout(buffer):
        try:
            exec(compile(code, filename, "exec", dont_inherit=True), namespace)  # noqa: S102
        except Exception as error:  # noqa: BLE001 - the reader sees any error of their code
            error.__traceback__ = _readers_frames(error.__traceback__)
            return buffer.getvalue() + "".join(traceback.format_exception(error)), "error"
    return buffer.getvalue(), "ok"


def _readers_frames(tb: TracebackType | None) -> TracebackType | None:
    """The traceback without this module's and execution's frames."""
    kept: list[TracebackType] = []
    while tb is not None:
        if tb.tb_frame.f_code.co_filename not in _OWN_FILES:
            kept.append(tb)
        tb = tb.tb_next
    rebuilt = None
    for frame in reversed(kept):
        rebuilt = TracebackType(rebuilt, frame.tb_frame, frame.tb_lasti, frame.tb_lineno)
    return rebuilt


def _rename(output: str, filename: str) -> str:
    r"""Name the code just run ``<code>`` in tracebacks, and code of earlier runs otherwise.

    Examples:
        >>> _rename('File "<code-3>", line 2\nFile "<code-1>", line 5', "<code-3>")
        'File "<code>", line 2\nFile "<earlier code>", line 5'
    """
    output = output.replace(f'File "{filename}"', f'File "{CODE_NAME}"')
    return re.sub(r'File "<code-\d+>"', f'File "{EARLIER_CODE_NAME}"', output)
