"""Translations cannot drift: the parity check and the staleness records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitebuild.parity import check_docs, is_stale, main, page_facts, sync_page
from tests.conftest import ROOT

LANGUAGES = ["ja", "en"]

JA = """# 指数法則

$$
a^{x} a^{y} = a^{x+y} \\tag{1.1}
$$

```pycon exec="on"
>>> from aimath.exponential import real_power
>>> real_power(2, 3)  # 2 の 3 乗
8.0
>>> print("こんにちは")
こんにちは
```
"""

EN = """# The exponent laws

$$
a^{x} a^{y} = a^{x+y} \\tag{1.1}
$$

```pycon exec="on"
>>> from aimath.exponential import real_power
>>> real_power(2, 3)  # 2 cubed
8.0
>>> print("hello")
hello
```
"""


def write_docs(root: Path, ja: str = JA, en: str = EN, *, synced: bool = True) -> Path:
    docs = root / "docs"
    for language, text in (("ja", ja), ("en", en)):
        (docs / language).mkdir(parents=True, exist_ok=True)
        (docs / language / "laws.md").write_text(text, encoding="utf-8")
    if synced:
        sync_page(docs / "ja/laws.md", docs / "en/laws.md")
        sync_page(docs / "en/laws.md", docs / "ja/laws.md")
    return docs


def test_the_real_site_is_in_step() -> None:
    problems = check_docs(ROOT / "docs", LANGUAGES)
    assert problems == [], "\n".join(problems)


def test_translated_prose_comments_and_strings_are_allowed(tmp_path: Path) -> None:
    assert check_docs(write_docs(tmp_path), LANGUAGES) == []


def test_page_in_one_language_only(tmp_path: Path) -> None:
    docs = write_docs(tmp_path)
    (docs / "en/extra.md").write_text("# Extra\n", encoding="utf-8")
    problems = check_docs(docs, LANGUAGES)
    assert any(
        "en/extra.md has no counterpart" in p and "ja/extra.md is missing" in p for p in problems
    )


def test_equation_renumbered_in_one_language(tmp_path: Path) -> None:
    docs = write_docs(tmp_path, en=EN.replace("\\tag{1.1}", "\\tag{1.2}"))
    problems = check_docs(docs, LANGUAGES)
    assert f"{docs}/ja/laws.md:7 and {docs}/en/laws.md:7: equation tags differ: '1.1' vs '1.2'" in (
        problems
    )


def test_code_edited_on_one_side_only(tmp_path: Path) -> None:
    docs = write_docs(tmp_path, en=EN.replace("real_power(2, 3)", "real_power(2, 4)"))
    problems = check_docs(docs, LANGUAGES)
    assert any(
        p.startswith(f"{docs}/ja/laws.md:12 and {docs}/en/laws.md:12: code differs: '3' vs '4'")
        for p in problems
    ), problems


def test_written_output_edited_on_one_side_only(tmp_path: Path) -> None:
    docs = write_docs(tmp_path, en=EN.replace("8.0\n", "8.00\n"))
    problems = check_docs(docs, LANGUAGES)
    assert any("code differs: '8.0\\n' vs '8.00\\n'" in p for p in problems), problems


def test_ascii_string_changed_on_one_side_is_caught(tmp_path: Path) -> None:
    docs = write_docs(tmp_path, ja=JA.replace("aimath.exponential", "aimath.exponentials"))
    assert any("code differs" in p for p in check_docs(docs, LANGUAGES))


def test_stale_translation_is_named(tmp_path: Path) -> None:
    docs = write_docs(tmp_path)
    english = docs / "en/laws.md"
    english.write_text(english.read_text("utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    problems = check_docs(docs, LANGUAGES)
    assert len(problems) == 1
    assert problems[0].startswith(f"{docs}/ja/laws.md may be stale: {docs}/en/laws.md changed")
    assert is_stale(docs, "ja/laws.md", LANGUAGES)
    assert not is_stale(docs, "en/laws.md", LANGUAGES)


def test_missing_record_is_named(tmp_path: Path) -> None:
    docs = write_docs(tmp_path, synced=False)
    problems = check_docs(docs, LANGUAGES)
    assert any("ja/laws.md: no `counterpart:` record" in p for p in problems)


def test_command_line_reports_and_syncs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = write_docs(tmp_path, synced=False)
    assert main(["--docs", str(docs)]) == 1
    assert "parity problem(s)" in capsys.readouterr().err
    assert main(["--docs", str(docs), "--sync", str(docs / "en/laws.md")]) == 0
    assert page_facts(docs / "ja/laws.md").recorded_hash is not None
    assert main(["--docs", str(docs)]) == 0


@pytest.mark.build
def test_stale_page_shows_readers_a_notice_in_their_language(
    make_project,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    from tests.conftest import run_build

    project = make_project(
        {"ja/index.md": "# ホーム\n\n本文。\n", "en/index.md": "# Home\n\nText.\n"}
    )
    docs = project / "docs"
    sync_page(docs / "ja/index.md", docs / "en/index.md")
    sync_page(docs / "en/index.md", docs / "ja/index.md")
    english = docs / "en/index.md"
    english.write_text(english.read_text("utf-8") + "\nMore text.\n", encoding="utf-8")
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    japanese = build.page("")
    assert "翻訳が追いついていない可能性があります" in japanese
    assert "This translation may be behind" not in build.page("en/")
    # The notice follows the title, which stays the page's title (search, tab, nav).
    assert japanese.index('<h1 id="ホーム">') < japanese.index("翻訳が追いついていない")
    index = json.loads((build.site / "search/search_index.json").read_text("utf-8"))
    assert index["docs"][0]["title"] == "ホーム"


@pytest.mark.build
def test_pages_show_their_last_commit_date(built_site) -> None:  # type: ignore[no-untyped-def]
    from sitebuild.pages import format_date, last_commit_dates

    dates = last_commit_dates(ROOT)
    date = dates["docs/ja/exponential/what-is.md"]
    assert format_date(date, "ja") in built_site.page("exponential/what-is/")
    date = dates["docs/en/exponential/what-is.md"]
    assert format_date(date, "en") in built_site.page("en/exponential/what-is/")
