r"""Keep the language trees of ``docs/`` in step, so translations cannot drift.

Each language folder (``docs/ja/``, ``docs/en/``) holds the same pages under the
same paths, and each pair of pages has the same heading levels, ``\tag{...}``
numbers and images in the same order, and the same executable code token for
token (comments, and string literals that hold Japanese text on one side, may
differ; written pycon output counts as code). Each page's front matter records
``counterpart: <hash>``, the hash of its counterpart when the two were last
brought in line (``python -m sitebuild.parity --sync PAGE...``); when one side
changes and the other does not, the other is named as stale. A page in one
language only is an error (mkdocs-static-i18n would silently show the other).
"""

from __future__ import annotations

import argparse
import doctest
import hashlib
import io
import re
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

from sitebuild.pages import CodeBlock, Page, read_page

__all__ = [
    "PageFacts",
    "check_docs",
    "compare_pages",
    "counterpart_hash",
    "counterpart_of",
    "is_stale",
    "main",
    "missing_translations",
    "page_facts",
    "pages_of",
    "stale_pages",
    "sync_page",
]

_COUNTERPART = re.compile(r"^counterpart:\s*(?P<hash>[0-9a-f]+)\s*$", re.MULTILINE)
_HEADING = re.compile(r"^(#{1,6})\s")
_TAG = re.compile(r"\\tag\{([^}]*)\}")
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def pages_of(language_dir: Path) -> set[str]:
    """Return the Markdown pages under ``language_dir``, as POSIX relative paths."""
    return {path.relative_to(language_dir).as_posix() for path in language_dir.rglob("*.md")}


def missing_translations(docs_dir: Path, languages: list[str]) -> list[str]:
    """List every page that exists in one language folder but not in another.

    Examples:
        >>> import tempfile
        >>> root = Path(tempfile.mkdtemp())
        >>> for name in ("ja/index.md", "en/index.md", "ja/laws.md"):
        ...     (root / name).parent.mkdir(parents=True, exist_ok=True)
        ...     _ = (root / name).write_text("# x")
        >>> missing_translations(root, ["ja", "en"])  # doctest: +ELLIPSIS
        ['.../ja/laws.md has no counterpart: .../en/laws.md is missing']
    """
    pages = {language: pages_of(docs_dir / language) for language in languages}
    every_page = set().union(*pages.values())
    messages = []
    for page in sorted(every_page):
        present = [language for language in languages if page in pages[language]]
        for language in languages:
            if page not in pages[language]:
                source = docs_dir / present[0] / page
                messages.append(
                    f"{source} has no counterpart: {docs_dir / language / page} is missing"
                )
    return messages


@dataclass(frozen=True)
class PageFacts:
    r"""What the parity check compares in one page.

    Attributes:
        path: The Markdown file.
        body: The page without its front matter.
        recorded_hash: The ``counterpart`` hash in the front matter, if any.
        headings: ``(line, level)`` of each heading outside code blocks.
        tags: ``(line, tag)`` of each ``\tag{...}`` outside code blocks.
        images: ``(line, target)`` of each Markdown image.
        blocks: The python and pycon blocks.
    """

    path: Path
    body: str
    recorded_hash: str | None
    headings: tuple[tuple[int, int], ...]
    tags: tuple[tuple[int, str], ...]
    images: tuple[tuple[int, str], ...]
    blocks: tuple[CodeBlock, ...]


def page_facts(path: Path) -> PageFacts:
    """Read the facts the parity check compares from one page."""
    page: Page = read_page(path)
    recorded = _COUNTERPART.search(page.front_matter)
    prose = page.prose
    return PageFacts(
        path=path,
        body=page.body,
        recorded_hash=recorded["hash"] if recorded else None,
        headings=tuple(
            (line, len(match.group(1))) for line, text in prose if (match := _HEADING.match(text))
        ),
        tags=tuple((line, tag) for line, text in prose for tag in _TAG.findall(text)),
        images=tuple((line, target) for line, text in prose for target in _IMAGE.findall(text)),
        blocks=tuple(page.blocks),
    )


def counterpart_hash(facts: PageFacts) -> str:
    """Hash a page's body (whitespace at line ends ignored), to record in its counterpart."""
    normalised = "\n".join(line.rstrip() for line in facts.body.strip().split("\n"))
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class _Token:
    kind: int
    text: str
    line: int


def _python_tokens(code: str, first_line: int) -> list[_Token]:
    tokens = []
    skipped = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING, tokenize.ENDMARKER}
    try:
        for token in tokenize.generate_tokens(io.StringIO(code + "\n").readline):
            if token.type not in skipped:
                tokens.append(_Token(token.type, token.string, first_line + token.start[0] - 1))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        # Not valid Python: compare it as text, line by line.
        return [
            _Token(tokenize.OP, line, first_line + index)
            for index, line in enumerate(code.split("\n"))
        ]
    return tokens


def _block_tokens(block: CodeBlock) -> list[_Token]:
    """Tokens of a block; pycon outputs become string-like tokens."""
    if block.language != "pycon":
        return _python_tokens(block.code, block.first_code_line)
    tokens: list[_Token] = []
    for example in doctest.DocTestParser().get_examples(block.code):
        line = block.first_code_line + example.lineno
        tokens.extend(_python_tokens(example.source, line))
        output_line = line + example.source.count("\n")
        tokens.append(_Token(tokenize.STRING, example.want, output_line))
    return tokens


def _tokens_differ(first: _Token, second: _Token) -> bool:
    if first.kind != second.kind:
        return True
    if first.text == second.text:
        return False
    # A string shown to readers may be translated: allowed where it holds Japanese.
    translated = _NON_ASCII.search(first.text) or _NON_ASCII.search(second.text)
    return not (first.kind == tokenize.STRING and translated)


def _compare_blocks(first: PageFacts, second: PageFacts) -> list[str]:
    messages = []
    if len(first.blocks) != len(second.blocks):
        messages.append(
            f"{first.path} has {len(first.blocks)} executable blocks, "
            f"{second.path} has {len(second.blocks)}"
        )
    for one, other in zip(first.blocks, second.blocks, strict=False):
        where = f"{first.path}:{one.info_line} and {second.path}:{other.info_line}"
        if (one.language, one.options) != (other.language, other.options):
            messages.append(
                f"{where}: block options differ "
                f"({one.language} {one.options} vs {other.language} {other.options})"
            )
            continue
        tokens_one, tokens_other = _block_tokens(one), _block_tokens(other)
        for token_one, token_other in zip(tokens_one, tokens_other, strict=False):
            if _tokens_differ(token_one, token_other):
                messages.append(
                    f"{first.path}:{token_one.line} and {second.path}:{token_other.line}: "
                    f"code differs: {token_one.text!r} vs {token_other.text!r}"
                )
                break
        else:
            if len(tokens_one) != len(tokens_other):
                messages.append(f"{where}: code differs in length")
    return messages


def _compare_sequence(
    what: str,
    first: PageFacts,
    second: PageFacts,
    items_one: tuple[tuple[int, object], ...],
    items_other: tuple[tuple[int, object], ...],
) -> list[str]:
    values_one = [value for _, value in items_one]
    values_other = [value for _, value in items_other]
    if values_one == values_other:
        return []
    for (line_one, one), (line_other, other) in zip(items_one, items_other, strict=False):
        if one != other:
            message = (
                f"{first.path}:{line_one} and {second.path}:{line_other}: "
                f"{what} differ: {one!r} vs {other!r}"
            )
            return [message]
    message = (
        f"{first.path} and {second.path}: {what} differ: "
        f"{len(values_one)} vs {len(values_other)} ({values_one} vs {values_other})"
    )
    return [message]


def compare_pages(first: PageFacts, second: PageFacts) -> list[str]:
    """Compare two translations of one page."""
    return [
        *_compare_sequence("heading levels", first, second, first.headings, second.headings),
        *_compare_sequence("equation tags", first, second, first.tags, second.tags),
        *_compare_sequence("images", first, second, first.images, second.images),
        *_compare_blocks(first, second),
    ]


def stale_pages(first: PageFacts, second: PageFacts) -> list[str]:
    """Name each page whose record of its counterpart is missing or out of date."""
    messages = []
    for page, counterpart in ((first, second), (second, first)):
        current = counterpart_hash(counterpart)
        if page.recorded_hash is None:
            messages.append(
                f"{page.path}: no `counterpart:` record in its front matter; when it is in "
                f"line with {counterpart.path}, run `python -m sitebuild.parity --sync {page.path}`"
            )
        elif page.recorded_hash != current:
            messages.append(
                f"{page.path} may be stale: {counterpart.path} changed since they were last "
                f"brought in line; update it, then run "
                f"`python -m sitebuild.parity --sync {page.path}`"
            )
    return messages


def sync_page(page: Path, counterpart: Path) -> bool:
    """Record in ``page``'s front matter that it is in line with ``counterpart`` now."""
    record = f"counterpart: {counterpart_hash(page_facts(counterpart))}"
    text = page.read_text(encoding="utf-8")
    source = Page.parse(text)
    if _COUNTERPART.search(source.front_matter):
        front = _COUNTERPART.sub(record, source.front_matter, count=1)
    else:
        front = "\n".join(filter(None, [source.front_matter, record]))
    updated = f"---\n{front}\n---\n{source.body}"
    if updated == text:
        return False
    page.write_text(updated, encoding="utf-8")
    return True


def check_docs(docs_dir: Path, languages: list[str], *, staleness: bool = True) -> list[str]:
    """Run every parity check over ``docs_dir``."""
    messages = missing_translations(docs_dir, languages)
    reference, *others = languages
    for other in others:
        for page in sorted(pages_of(docs_dir / reference) & pages_of(docs_dir / other)):
            first = page_facts(docs_dir / reference / page)
            second = page_facts(docs_dir / other / page)
            messages.extend(compare_pages(first, second))
            if staleness:
                messages.extend(stale_pages(first, second))
    return messages


def counterpart_of(docs_dir: Path, page: str, languages: list[str]) -> Path | None:
    """Return the translation of ``page`` (``"ja/laws.md"``), or None without exactly one.

    Examples:
        >>> counterpart_of(Path("docs"), "ja/laws.md", ["ja", "en"])
        PosixPath('docs/en/laws.md')
    """
    language, _, rest = page.partition("/")
    others = [other for other in languages if other != language]
    return docs_dir / others[0] / rest if language in languages and len(others) == 1 else None


def main(argv: list[str] | None = None) -> int:
    """Command line: check parity, or record that pages are in line (``--sync``)."""
    parser = argparse.ArgumentParser(prog="python -m sitebuild.parity", description=__doc__)
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the docs folder")
    parser.add_argument("--languages", nargs="+", default=["ja", "en"])
    parser.add_argument(
        "--sync",
        nargs="*",
        type=Path,
        metavar="PAGE",
        help="record that PAGE (and its counterpart) are in line now; no PAGE: every page",
    )
    arguments = parser.parse_args(argv)
    docs_dir: Path = arguments.docs
    languages: list[str] = arguments.languages
    if arguments.sync is not None:
        targets = arguments.sync or [
            docs_dir / language / page
            for language in languages
            for page in sorted(pages_of(docs_dir / language))
        ]
        pairs: set[tuple[Path, ...]] = set()
        for target in targets:
            page = target.resolve().relative_to(docs_dir.resolve()).as_posix()
            if (counterpart := counterpart_of(docs_dir, page, languages)) is None:
                msg = f"{target} is not a page of one of {languages}"
                raise SystemExit(msg)
            pairs.add(tuple(sorted((docs_dir / page, counterpart))))
        # Sync both sides of each pair, so that the two records agree.
        for one, other in sorted(pairs):
            for page, counterpart in ((one, other), (other, one)):
                if sync_page(page, counterpart):
                    print(f"recorded: {page} is in line with {counterpart}")
    problems = check_docs(docs_dir, languages)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} parity problem(s)", file=sys.stderr)
        return 1
    print(f"{', '.join(languages)}: pages, headings, tags, code and records are in step")
    return 0


def is_stale(docs_dir: Path, page: str, languages: list[str]) -> bool:
    """Whether ``page`` may lag behind its counterpart (its record is out of date)."""
    counterpart = counterpart_of(docs_dir, page, languages)
    if counterpart is None or not counterpart.is_file():
        return False
    recorded = page_facts(docs_dir / page).recorded_hash
    return recorded not in {None, counterpart_hash(page_facts(counterpart))}


if __name__ == "__main__":
    raise SystemExit(main())
