"""The glossary (docs/<language>/glossary.md) points at the places that define its terms.

Each row of a glossary table names a term in the page's language, the term in the
other language, a symbol, and one or more links. For every link the target page
must exist in the same language, the anchor must be one of its headings, and the
term must appear in that section (from the heading to the next heading of the
same or a higher level; a link to the page's title covers the whole page). The
two glossaries must list the same terms in the same order, each pointing at the
same pages, with the same symbols. No build is needed: the anchors are computed
from the Markdown headings with the site's own slugify (the strict build checks
the links again on the rendered pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from pymdownx.slugs import slugify  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGUAGES = ("ja", "en")
GLOSSARY = "glossary.md"

_SLUGIFY = slugify(case="lower")  # as mkdocs.yml's toc extension
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ATTR_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_TAG = re.compile(r"<[^>]+>")
_PARENTHESES = re.compile(r"\s*(?:（[^）]*）|\([^)]*\))")


@dataclass(frozen=True)
class Row:
    """One row of a glossary table.

    Attributes:
        line: The line in the glossary file.
        term: The term as the page's language writes it (first column).
        other: The term in the other language (second column).
        symbol: The symbol column.
        links: ``(text, target)`` of each link in the last column.
    """

    line: int
    term: str
    other: str
    symbol: str
    links: tuple[tuple[str, str], ...]

    @property
    def search_term(self) -> str:
        """The term without what is in parentheses: what a reader would type."""
        return _PARENTHESES.sub("", self.term).strip()


@dataclass(frozen=True)
class Section:
    """A heading of a page and the text under it (heading line included)."""

    anchor: str
    level: int
    text: str


def glossary_rows(language: str, docs: Path = DOCS) -> list[Row]:
    """The rows of every table in a language's glossary, header rows left out."""
    rows = []
    lines = (docs / language / GLOSSARY).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.startswith("|") or re.fullmatch(r"[|\-: ]+", line):
            continue
        if number < len(lines) and re.fullmatch(r"[|\-: ]+", lines[number]):
            continue  # the header row: the next line is the separator
        # Cells may mark their language for screen readers: <span lang="en">power</span>.
        cells = [_TAG.sub("", cell).strip() for cell in line.strip().strip("|").split("|")]
        rows.append(
            Row(
                line=number,
                term=cells[0],
                other=cells[1],
                symbol=cells[2],
                links=tuple((m[1], m[2]) for m in _LINK.finditer(cells[-1])),
            )
        )
    return rows


def sections(page: Path) -> list[Section]:
    """Every heading of a Markdown page outside code, with its id and its section's
    prose (code blocks are left out: a term only in code is not defined there)."""
    lines = page.read_text(encoding="utf-8").splitlines()
    prose = list(lines)
    headings: list[tuple[int, int, str]] = []  # (line index, level, id)
    seen: dict[str, int] = {}
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if opening or fence is not None:
            prose[index] = ""
        if opening:
            mark = opening[1]
            if fence is None:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence):
                fence = None
            continue
        if fence is not None:
            continue
        heading = _HEADING.match(line)
        if not heading:
            continue
        title = heading[2]
        explicit = _ATTR_ID.search(title)
        if explicit:
            anchor = explicit[1]
        else:
            anchor = _SLUGIFY(title, "-")
            # Python-Markdown's toc makes repeated ids unique: x, x_1, x_2, ...
            count = seen.get(anchor, 0)
            seen[anchor] = count + 1
            if count:
                anchor = f"{anchor}_{count}"
        headings.append((index, len(heading[1]), anchor))
    found = []
    for position, (index, level, anchor) in enumerate(headings):
        end = len(lines)
        for later_index, later_level, _ in headings[position + 1 :]:
            if later_level <= level:
                end = later_index
                break
        found.append(Section(anchor, level, "\n".join(prose[index:end])))
    return found


def _normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).casefold()


def link_problems(language: str, row: Row, docs: Path = DOCS) -> list[str]:
    """What is wrong with a row's links: missing page, missing anchor, term not there."""
    where = f"docs/{language}/{GLOSSARY}:{row.line} ({row.term})"
    if not row.links:
        return [f"{where}: no link to the place that defines the term"]
    problems = []
    for _, target in row.links:
        path, _, anchor = target.partition("#")
        page = (docs / language / path).resolve()
        if not page.is_file() or (docs / language).resolve() not in page.parents:
            problems.append(f"{where}: link {target}: page docs/{language}/{path} does not exist")
            continue
        shown = page.relative_to(docs.resolve().parent)
        if not anchor:
            problems.append(f"{where}: link {target}: no heading anchor (#...) in the link")
            continue
        by_anchor = {section.anchor: section for section in sections(page)}
        section = by_anchor.get(anchor)
        if section is None:
            near = ", ".join(sorted(by_anchor)[:40])
            problems.append(
                f"{where}: link {target}: {shown} has no heading with the anchor "
                f"#{anchor} (its anchors: {near})"
            )
            continue
        if _normalize(row.search_term) not in _normalize(section.text):
            problems.append(
                f"{where}: link {target}: the term {row.search_term!r} does not appear "
                f"in the section #{anchor} of {shown}"
            )
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_glossary_link_leads_to_a_section_that_uses_the_term(language: str) -> None:
    rows = glossary_rows(language)
    assert len(rows) >= 30, f"docs/{language}/{GLOSSARY}: only {len(rows)} terms found"
    problems = [problem for row in rows for problem in link_problems(language, row)]
    assert not problems, "\n".join(problems)


def test_both_glossaries_list_the_same_terms_pointing_at_the_same_pages() -> None:
    first, second = (glossary_rows(language) for language in LANGUAGES)
    assert len(first) == len(second), (
        f"docs/ja/{GLOSSARY} has {len(first)} terms, docs/en/{GLOSSARY} has {len(second)}"
    )
    problems = []
    for ja, en in zip(first, second, strict=True):
        pair = f"docs/ja/{GLOSSARY}:{ja.line} and docs/en/{GLOSSARY}:{en.line}"
        if (ja.term, ja.other) != (en.other, en.term):
            problems.append(f"{pair}: {ja.term} / {ja.other} against {en.other} / {en.term}")
        if ja.symbol != en.symbol:
            problems.append(f"{pair}: symbols differ: {ja.symbol!r} and {en.symbol!r}")
        pages = [[target.partition("#")[0] for _, target in row.links] for row in (ja, en)]
        if pages[0] != pages[1]:
            problems.append(f"{pair}: linked pages differ: {pages[0]} and {pages[1]}")
    assert not problems, "\n".join(problems)


def test_a_broken_glossary_is_reported(tmp_path: Path) -> None:
    (tmp_path / "ja" / "exponential").mkdir(parents=True)
    (tmp_path / "ja" / "exponential" / "laws.md").write_text(
        "# 指数法則\n\n## 積の法則 (1.1)\n\n底が同じ累乗の積。\n\n"
        "```python\n# 指数関数 (in code: not a heading)\n```\n\n## 落とし穴\n\n指数関数の落とし穴。\n",
        encoding="utf-8",
    )
    (tmp_path / "ja" / GLOSSARY).write_text(
        "# 用語集\n\n| 用語 | 英語 | 記号 | 定義 |\n|---|---|---|---|\n"
        "| 累乗 | power | \\(a^n\\) | [積](exponential/laws.md#積の法則-11) |\n"
        "| 指数関数 | exponential function | \\(a^x\\) | [積](exponential/laws.md#積の法則-11) |\n"
        "| 底 | base | \\(a\\) | [なし](exponential/laws.md#底) |\n"
        "| 指数 | exponent | \\(x\\) | [なし](exponential/what-is.md#指数) |\n"
        "| 指数法則（法則） | exponent laws | | [法則](exponential/laws.md#指数法則) |\n",
        encoding="utf-8",
    )
    rows = glossary_rows("ja", tmp_path)
    assert [row.search_term for row in rows] == ["累乗", "指数関数", "底", "指数", "指数法則"]
    problems = [problem for row in rows for problem in link_problems("ja", row, tmp_path)]
    assert len(problems) == 3, problems
    assert problems[0].startswith(f"docs/ja/{GLOSSARY}:6 (指数関数): link exponential/laws.md#")
    assert "the term '指数関数' does not appear in the section #積の法則-11" in problems[0]
    assert problems[1].startswith(f"docs/ja/{GLOSSARY}:7 (底): link exponential/laws.md#底: ")
    assert "has no heading with the anchor #底" in problems[1]
    assert problems[2] == (
        f"docs/ja/{GLOSSARY}:8 (指数): link exponential/what-is.md#指数: "
        "page docs/ja/exponential/what-is.md does not exist"
    )
