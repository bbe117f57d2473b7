"""The tables of the contributor pages, rendered from a small results dictionary."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.budgets import BUDGETS
from benchmarks.report import (
    budgets_table,
    edit_loop_table,
    pages_table,
    sitebuild_table,
    weight_table,
)

NAMES = {budget.key: budget.key.replace("_", " ") for budget in BUDGETS}
HEADINGS = ("Budget", "Measured", "Limit", "Result")


def _results() -> dict[str, Any]:
    return {
        "build_seconds": 7.44,
        "execution_ratio": 2.5,
        "edit_loop_runs": {
            "edit_prose_seconds": [0.9, 1.4, 0.8],
            "edit_code_seconds": [1.9, 2.1, 2.0],
        },
        "edit_prose_seconds": 0.9,
        "edit_code_seconds": 2.0,
        "sitebuild_lines": 3701,
        "mkdocs_importers": 1,
        "sitebuild_files": {"plugin.py": 301, "pages.py": 2000, "assets/site.css": 300},
        "mkdocs_importing_modules": ["sitebuild.plugin"],
        "pages": [
            {
                "page": "/a/",
                "bytes": {"html": [2000, 500], "js": [4000, 1000]},
                "total_raw": 6000,
                "total_gzip": 1500,
                "formula_bytes": 1200,
                "formula_paint_ms": 80.6,
            },
            {
                "page": "/",
                "bytes": {"html": [100, 50]},
                "total_raw": 100,
                "total_gzip": 50,
                "formula_bytes": 0,
                "formula_paint_ms": 12.0,
            },
        ],
    }


def _rows(table: str) -> dict[str, list[str]]:
    """Map each body row's first cell to its other cells."""
    rows = {}
    for line in table.splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows[cells[0]] = cells[1:]
    return rows


def test_budgets_table_shows_pass_fail_and_not_measured() -> None:
    table = budgets_table(_results(), HEADINGS, NAMES)
    lines = table.splitlines()
    assert lines[0] == "| Budget | Measured | Limit | Result |"
    assert len(lines) == 2 + len(BUDGETS)
    rows = _rows(table)
    assert rows["build seconds"] == ["7.44 s", "10.00 s", "PASS"]
    assert rows["execution ratio"] == ["2.50x", "2.00x", "FAIL"]
    assert rows["edit prose seconds"] == ["0.90 s", "1.00 s", "PASS"]
    assert rows["edit code seconds"] == ["2.00 s", "2.00 s", "PASS"]
    assert rows["sitebuild lines"] == ["3,701", "3,700", "FAIL"]
    assert rows["mkdocs importers"] == ["1", "2", "PASS"]
    assert rows["edit library seconds"] == ["—", "10.00 s", "—"]


def test_budgets_table_uses_the_pages_words_and_names_a_missing_one() -> None:
    japanese = {**NAMES, "build_seconds": "サイト全体のコールドビルド"}
    table = budgets_table(_results(), ("予算", "測定値", "上限", "判定"), japanese)
    assert table.startswith("| 予算 | 測定値 | 上限 | 判定 |")
    assert "| サイト全体のコールドビルド | 7.44 s | 10.00 s | PASS |" in table
    del japanese["sitebuild_lines"]
    with pytest.raises(ValueError, match="'sitebuild_lines'"):
        budgets_table(_results(), HEADINGS, japanese)
    with pytest.raises(ValueError, match="headings must have 4 entries"):
        budgets_table(_results(), HEADINGS[:3], NAMES)


def test_budgets_table_can_show_a_subset() -> None:
    table = budgets_table(_results(), HEADINGS, NAMES, keys=("mkdocs_importers",))
    assert list(_rows(table)) == ["mkdocs importers"]


def test_edit_loop_table_gives_median_and_every_run() -> None:
    labels = {
        "edit_prose_seconds": "prose",
        "edit_code_seconds": "code",
        "edit_library_seconds": "library",
        "build_seconds": "cold",
    }
    rows = _rows(edit_loop_table(_results(), ("Edit", "Median", "Each run"), labels))
    assert rows["prose"] == ["0.90 s", "0.90 s, 1.40 s, 0.80 s"]
    assert rows["code"] == ["2.00 s", "1.90 s, 2.10 s, 2.00 s"]
    assert rows["library"] == ["—", ""]
    assert rows["cold"] == ["7.44 s", ""]


def test_sitebuild_table_sorts_by_size_totals_and_marks_mkdocs_importers() -> None:
    table = sitebuild_table(_results(), ("File", "Lines", "mkdocs"), "total")
    rows = _rows(table)
    assert list(rows) == ["`pages.py`", "`plugin.py`", "`assets/site.css`", "total"]
    assert rows["`plugin.py`"] == ["301", "✓"]
    assert rows["`pages.py`"] == ["2,000", ""]
    assert rows["total"] == ["2,601", ""]


def test_pages_and_weight_tables() -> None:
    pages = _rows(pages_table(_results(), ("Page", "Raw", "gzip", "Painted")))
    assert pages["`/a/`"] == ["6.0 KB", "1.5 KB", "81 ms"]
    assert pages["`/`"] == ["0.1 KB", "0.1 KB", "12 ms"]
    labels = {
        "html": "HTML",
        "js": "JS",
        "formulas": "formulas",
        "total": "total",
        "without formulas": "without",
    }
    weight = weight_table(_results(), ("Part", "Raw", "gzip"), labels)
    assert list(_rows(weight)) == ["HTML", "formulas", "JS", "total", "without"]
    assert _rows(weight)["without"] == ["4.8 KB", ""]
    del labels["js"]
    with pytest.raises(ValueError, match="'js'"):
        weight_table(_results(), ("Part", "Raw", "gzip"), labels)


def test_results_from_before_the_new_measurements_still_render() -> None:
    old = {
        key: value
        for key, value in _results().items()
        if not key.startswith(("edit", "site", "mkdocs"))
    }
    assert _rows(sitebuild_table(old, ("File", "Lines", "mkdocs"), "total")) == {"total": ["—", ""]}
    labels = {
        "edit_prose_seconds": "p",
        "edit_code_seconds": "c",
        "edit_library_seconds": "l",
        "build_seconds": "b",
    }
    assert _rows(edit_loop_table(old, ("E", "M", "R"), labels))["p"] == ["—", ""]
    assert _rows(budgets_table(old, HEADINGS, NAMES))["sitebuild lines"] == ["—", "3,700", "—"]
