r"""The one reader of a Markdown page: front matter, fenced code blocks, prose lines.

The build, the example tests, the parity check and the browser audit all read
pages through :func:`read_page` (or :class:`Page` for text already read), so they
agree on where a block starts and which lines are prose. Line numbers are lines
of the file, front matter included. :func:`last_commit_dates` gives each page the
date of its last commit, which readers see as "last update".
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

__all__ = [
    "CodeBlock",
    "Page",
    "find_code_blocks",
    "format_date",
    "last_commit_dates",
    "prose_lines",
    "read_page",
]

#: The fence languages the site executes.
EXECUTABLE_LANGUAGES = frozenset({"python", "pycon"})

_FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.DOTALL)
_OPENING = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")
_OPTION = re.compile(r'(?P<key>[\w-]+)=(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s"]+))')


@dataclass(frozen=True)
class CodeBlock:
    """One fenced code block whose language is python or pycon.

    Attributes:
        language: ``"python"`` or ``"pycon"``.
        options: The ``key="value"`` options of the info string, in order.
        code: The block's content, with the fence's indentation removed.
        info_line: Line number of the opening fence.
        fence: What precedes the info string: the indentation, then the backticks or tildes.
    """

    language: str
    options: dict[str, str] = field(default_factory=dict)
    code: str = ""
    info_line: int = 0
    fence: str = "```"

    @property
    def first_code_line(self) -> int:
        """Line number of the block's first line of code."""
        return self.info_line + 1

    @property
    def executes(self) -> bool:
        """Whether markdown-exec runs this block (``exec="on"``)."""
        return _flag(self.options.get("exec", ""))

    @property
    def shows_html(self) -> bool:
        """Whether markdown-exec inserts the block's output as HTML (``html="on"``)."""
        return _flag(self.options.get("html", ""))

    @property
    def session(self) -> str:
        """The session name written on the block, ``""`` for the page's default."""
        return self.options.get("session", "")

    def opening_line(self, **options: str) -> str:
        """Write the block's opening fence again, with ``options`` added to its info string.

        Examples:
            >>> CodeBlock("pycon", {"exec": "on"}, fence="    ```").opening_line(id="p.md:3")
            '    ```pycon exec="on" id="p.md:3"'
        """
        info = [f'{key}="{value}"' for key, value in {**self.options, **options}.items()]
        return " ".join([f"{self.fence}{self.language}", *info])


def _flag(value: str) -> bool:
    """Read a yes/no option as markdown-exec does: anything but "", no, off, false, 0.

    Examples:
        >>> [_flag(value) for value in ("on", "1", "True", "", "off", "No")]
        [True, True, True, False, False, False]
    """
    return value.lower() not in {"", "no", "off", "false", "0"}


def _scan(lines: list[str]) -> Iterator[tuple[int, int, re.Match[str] | None]]:
    """Yield ``(start, end, opening)``: a fence from start to end, or one prose line."""
    index = 0
    while index < len(lines):
        opening = _OPENING.match(lines[index])
        if opening is None:
            yield index, index, None
            index += 1
            continue
        fence = opening["fence"]
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = index + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        yield index, end, opening
        index = end + 1


def find_code_blocks(markdown: str, first_line: int = 1) -> list[CodeBlock]:
    r"""Return the python and pycon fenced blocks of ``markdown``, in page order.

    Fences may be indented (inside admonitions or collapsible blocks); the content
    loses the opening fence's indentation. Blocks of other languages are skipped
    but still consume their lines, so a fence shown inside a longer fence is not
    mistaken for a real one.

    Examples:
        >>> page = 'Text\n\n```pycon exec="on"\n>>> 1 + 1\n2\n```\n'
        >>> [(b.language, b.info_line, b.code) for b in find_code_blocks(page)]
        [('pycon', 3, '>>> 1 + 1\n2')]
    """
    lines = markdown.split("\n")
    blocks = []
    for start, end, opening in _scan(lines):
        if opening is None:
            continue
        language, _, rest = opening["info"].strip().partition(" ")
        if language.strip() not in EXECUTABLE_LANGUAGES:
            continue
        indent = opening["indent"]
        body = [
            line[len(indent) :] if line.startswith(indent) else line.lstrip(" \t")
            for line in lines[start + 1 : end]
        ]
        options = {
            match["key"]: match["quoted"] if match["quoted"] is not None else match["bare"]
            for match in _OPTION.finditer(rest)
        }
        fence = f"{indent}{opening['fence']}"
        blocks.append(
            CodeBlock(language.strip(), options, "\n".join(body), first_line + start, fence)
        )
    return blocks


def prose_lines(markdown: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    r"""Yield ``(line number, line)`` for every line outside fenced code blocks.

    Examples:
        >>> list(prose_lines("a\n```tex\n$$\n```\nb"))
        [(1, 'a'), (5, 'b')]
    """
    lines = markdown.split("\n")
    for start, _, opening in _scan(lines):
        if opening is None:
            yield first_line + start, lines[start]


@dataclass(frozen=True)
class Page:
    r"""A page's text, split into front matter and body.

    Attributes:
        body: The Markdown after the front matter.
        body_start: The line number of the body's first line in the file.
        front_matter: The YAML between the ``---`` lines, ``""`` without any.

    Examples:
        >>> page = Page.parse('---\ncounterpart: 00ff\n---\n# T\n```python exec="on"\nx\n```\n')
        >>> page.front_matter, page.body_start, page.blocks[0].info_line
        ('counterpart: 00ff', 4, 5)
    """

    body: str
    body_start: int = 1
    front_matter: str = ""

    @classmethod
    def parse(cls, text: str) -> Page:
        """Split a page's text (as stored in its file) into front matter and body."""
        front = _FRONT_MATTER.match(text)
        if front is None:
            return cls(text)
        return cls(text[front.end() :], text[: front.end()].count("\n") + 1, front["yaml"])

    @classmethod
    def from_body(cls, text: str, body: str) -> Page:
        r"""The page stored as ``text`` whose body (the end of ``text``) a generator handed over.

        MkDocs strips the front matter, the blank lines after it and the final newline;
        the body's first line is found in ``text`` by its position.

        Examples:
            >>> text = "---\ntitle: t\n---\n\n# Title\n```python\nprint(1)\n```\n"
            >>> Page.from_body(text, "# Title\n```python\nprint(1)\n```").blocks[0].info_line
            6
        """
        core = body.strip("\n")
        found = text.rfind(core) if core else -1
        start = text.count("\n", 0, found) + 1 - (len(body) - len(body.lstrip("\n")))
        return cls(body, start if found >= 0 else 1, cls.parse(text).front_matter)

    @cached_property
    def blocks(self) -> list[CodeBlock]:
        """The python and pycon blocks, numbered by file line."""
        return find_code_blocks(self.body, self.body_start)

    @cached_property
    def prose(self) -> list[tuple[int, str]]:
        """``(file line, line)`` of each line outside fenced code blocks."""
        return list(prose_lines(self.body, self.body_start))


def read_page(path: Path) -> Page:
    """Read a Markdown file (see :class:`Page`)."""
    return Page.parse(path.read_text(encoding="utf-8"))


_MONTHS = "January February March April May June July August September October November December"


def last_commit_dates(repository: Path, folder: str = "docs") -> dict[str, dt.date]:
    """Map each file under ``folder`` to the date of the last commit that changed it.

    One ``git log`` call; POSIX paths relative to ``repository``. Empty when
    ``repository`` is not a git work tree or git is missing.
    """
    command = ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", folder]
    try:
        log = subprocess.run(command, cwd=repository, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, dt.date] = {}
    for entry in log.stdout.split("\x00")[1:]:
        day, *names = entry.strip().split("\n")
        for name in filter(None, (name.strip() for name in names)):
            dates.setdefault(name, dt.date.fromisoformat(day))  # newest first: keep the first
    return dates


def format_date(date: dt.date, language: str) -> str:
    """Write ``date`` as readers of ``language`` (``ja`` or ``en``) expect, whatever the locale.

    Examples:
        >>> format_date(dt.date(2026, 11, 28), "ja"), format_date(dt.date(2026, 11, 28), "en")
        ('2026年11月28日', 'November 28, 2026')
    """
    if language == "ja":
        return f"{date.year}年{date.month}月{date.day}日"
    if language == "en":
        return f"{_MONTHS.split()[date.month - 1]} {date.day}, {date.year}"
    msg = f"language must be 'ja' or 'en', got {language!r}"
    raise ValueError(msg)
