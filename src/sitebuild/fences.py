"""Find the executable code blocks of a Markdown page.

The build (to rewrite a block's options) and the tests (to collect one item per
block) read pages through this one parser, so both see the same blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["EXECUTABLE_LANGUAGES", "CodeBlock", "find_code_blocks", "format_info"]

#: The fence languages the site executes.
EXECUTABLE_LANGUAGES = frozenset({"python", "pycon"})

_OPENING = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")
_OPTION = re.compile(r'(?P<key>[\w-]+)=(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s"]+))')


@dataclass(frozen=True)
class CodeBlock:
    """One fenced code block whose language is python or pycon.

    Attributes:
        language: ``"python"`` or ``"pycon"``.
        options: The ``key="value"`` options of the info string, in order.
        code: The block's content, with the fence's indentation removed.
        info_line: 1-based line number of the opening fence.
        indent: The indentation in front of the opening fence.
    """

    language: str
    options: dict[str, str] = field(default_factory=dict)
    code: str = ""
    info_line: int = 0
    indent: str = ""

    @property
    def first_code_line(self) -> int:
        """1-based line number of the block's first line of code."""
        return self.info_line + 1

    @property
    def executes(self) -> bool:
        """Whether markdown-exec runs this block (``exec="on"``)."""
        return _markdown_exec_flag(self.options.get("exec", ""))

    @property
    def shows_html(self) -> bool:
        """Whether markdown-exec inserts the block's output as HTML (``html="on"``)."""
        return _markdown_exec_flag(self.options.get("html", ""))

    @property
    def session(self) -> str:
        """The session name written on the block, ``""`` for the page's default."""
        return self.options.get("session", "")


def _markdown_exec_flag(value: str) -> bool:
    """Read a yes/no option as markdown-exec does: anything but "", no, off, false, 0.

    Examples:
        >>> [_markdown_exec_flag(value) for value in ("on", "1", "True", "", "off", "No")]
        [True, True, True, False, False, False]
    """
    return value.lower() not in {"", "no", "off", "false", "0"}


def _parse_info(info: str) -> tuple[str, dict[str, str]]:
    language, _, rest = info.strip().partition(" ")
    options = {
        match["key"]: match["quoted"] if match["quoted"] is not None else match["bare"]
        for match in _OPTION.finditer(rest)
    }
    return language.strip(), options


def format_info(language: str, options: dict[str, str]) -> str:
    """Write an info string back from a language and its options.

    Args:
        language: The fence language.
        options: The options, written in their order as ``key="value"``.

    Returns:
        The info string, e.g. ``pycon exec="on"``.

    Examples:
        >>> format_info("pycon", {"exec": "on", "session": "laws"})
        'pycon exec="on" session="laws"'
    """
    parts = [language, *(f'{key}="{value}"' for key, value in options.items())]
    return " ".join(parts)


def find_code_blocks(markdown: str) -> list[CodeBlock]:
    r"""Return the python and pycon fenced blocks of ``markdown``, in page order.

    Fences may be indented (inside admonitions or collapsible blocks); the content
    loses the opening fence's indentation. Blocks of other languages are skipped
    but still consume their lines, so a fence shown inside a longer fence is not
    mistaken for a real one.

    Args:
        markdown: The page source.

    Returns:
        The blocks found.

    Examples:
        >>> page = 'Text\n\n```pycon exec="on"\n>>> 1 + 1\n2\n```\n'
        >>> [(b.language, b.info_line, b.code) for b in find_code_blocks(page)]
        [('pycon', 3, '>>> 1 + 1\n2')]
    """
    lines = markdown.split("\n")
    blocks: list[CodeBlock] = []
    index = 0
    while index < len(lines):
        opening = _OPENING.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = index + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        language, options = _parse_info(opening["info"])
        if language in EXECUTABLE_LANGUAGES:
            body = [_dedent(line, indent) for line in lines[index + 1 : end]]
            blocks.append(
                CodeBlock(
                    language=language,
                    options=options,
                    code="\n".join(body),
                    info_line=index + 1,
                    indent=indent,
                )
            )
        index = end + 1
    return blocks


def _dedent(line: str, indent: str) -> str:
    return line[len(indent) :] if line.startswith(indent) else line.lstrip(" \t")
