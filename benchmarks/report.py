r"""How the benchmark's results are shown: Markdown tables for the contributor pages.

Each function takes the results (as in ``benchmarks/results.json``) and the words
of the page that shows them: the Japanese and English pages each pass their own
headings and labels, so no text in a reader's language lives here. A label the
page does not give is a ``ValueError`` naming it.

Examples:
    >>> results = {"build_seconds": 7.5, "execution_ratio": 2.5}
    >>> print(budgets_table(results, ("Budget", "Measured", "Limit", "Result"),
    ...                     {"build_seconds": "cold build", "execution_ratio": "overhead"},
    ...                     keys=("build_seconds", "execution_ratio")))
    | Budget | Measured | Limit | Result |
    |---|---:|---:|---|
    | cold build | 7.50 s | 10.00 s | PASS |
    | overhead | 2.50x | 2.00x | FAIL |
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmarks.budgets import evaluate, format_value

__all__ = [
    "RESULTS",
    "budgets_table",
    "edit_loop_table",
    "load_results",
    "pages_table",
    "runs_table",
    "sitebuild_table",
    "timings_table",
    "weight_table",
]

#: Where ``python3 dev.py bench`` writes the results and the pages read them.
RESULTS = Path(__file__).resolve().with_name("results.json")

#: Shown for a value the results do not hold (not measured yet).
NOT_MEASURED = "—"


def load_results(path: Path = RESULTS) -> dict[str, Any]:
    """Read the results written by the last complete ``python3 dev.py bench``.

    Args:
        path: The results file.

    Returns:
        The results dictionary.
    """
    results: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return results


def _label(labels: Mapping[str, str], key: str) -> str:
    if key not in labels:
        msg = f"labels has no entry for {key!r}; the page must name every row it shows"
        raise ValueError(msg)
    return labels[key]


def _table(headings: Sequence[str], align: str, rows: Sequence[Sequence[str]]) -> str:
    if len(headings) != len(align):
        msg = f"headings must have {len(align)} entries, not {len(headings)}"
        raise ValueError(msg)
    rule = "|".join("---:" if side == "r" else "---" for side in align)
    lines = [_row(headings), f"|{rule}|", *(_row(row) for row in rows)]
    return "\n".join(lines)


def _row(cells: Sequence[str]) -> str:
    return "|" + "|".join(f" {cell} " if cell else " " for cell in cells) + "|"


def budgets_table(
    results: Mapping[str, Any],
    headings: Sequence[str],
    names: Mapping[str, str],
    *,
    keys: Sequence[str] | None = None,
) -> str:
    """Write the budgets, the measured values and PASS/FAIL as a Markdown table.

    Args:
        results: The benchmark results.
        headings: Four column headings (budget, measured, limit, result).
        names: Each budget's name in the page's language, keyed by its result key.
        keys: Only these budgets (default: every budget, in order).

    Returns:
        The table; a value not measured yet shows as ``—`` in both columns.

    Raises:
        ValueError: If ``headings`` is not four long or ``names`` lacks a budget.

    Examples:
        >>> print(budgets_table({}, ("B", "M", "L", "R"), {"sitebuild_lines": "lines"},
        ...                     keys=("sitebuild_lines",)).splitlines()[2])
        | lines | — | 3,700 | — |
    """
    rows = []
    for outcome in evaluate(results):
        budget = outcome.budget
        if keys is not None and budget.key not in keys:
            continue
        if outcome.value is None:
            value, verdict = NOT_MEASURED, NOT_MEASURED
        else:
            value = format_value(outcome.value, budget.unit)
            verdict = "PASS" if outcome.passed else "FAIL"
        limit = format_value(budget.limit, budget.unit)
        rows.append((_label(names, budget.key), value, limit, verdict))
    return _table(headings, "lrrl", rows)


def timings_table(
    results: Mapping[str, Any],
    headings: Sequence[str],
    labels: Mapping[str, str],
    kinds: Mapping[str, str] | None = None,
) -> str:
    """Write where the cold build's time goes as a Markdown table.

    Args:
        results: The benchmark results.
        headings: Two column headings (what, time).
        labels: Row labels keyed ``build_seconds``, ``build_without_execution_seconds``,
            ``katex_seconds``, ``fast_tests_seconds``, and two templates: ``execution``
            (with ``{kind}``) and ``growth`` (with ``{multiple}``).
        kinds: How the page names each kind of example (default: the kind as recorded).

    Returns:
        The table, one row per measured time.

    Raises:
        ValueError: If ``labels`` lacks a row or ``headings`` is not two long.

    Examples:
        >>> labels = {"build_seconds": "build", "build_without_execution_seconds": "plain",
        ...           "katex_seconds": "KaTeX", "fast_tests_seconds": "tests",
        ...           "execution": "run: {kind}", "growth": "x{multiple}"}
        >>> results = {"build_seconds": 7.4, "build_without_execution_seconds": 4.0,
        ...            "katex_seconds": 0.4, "execution_seconds": {"pycon": 0.3},
        ...            "fast_tests_seconds": 51.0, "growth_seconds": {"x4": 20.0}}
        >>> print(timings_table(results, ("What", "Time"), labels, {"pycon": "sessions"}))
        | What | Time |
        |---|---:|
        | build | 7.40 s |
        | plain | 4.00 s |
        | KaTeX | 0.40 s |
        | run: sessions | 0.30 s |
        | tests | 51.00 s |
        | x4 | 20.00 s |
    """
    kinds = kinds or {}
    keys = ("build_seconds", "build_without_execution_seconds", "katex_seconds")
    rows = [(_label(labels, key), results[key]) for key in keys]
    rows += [
        (_label(labels, "execution").format(kind=kinds.get(kind, kind)), seconds)
        for kind, seconds in sorted(results["execution_seconds"].items())
    ]
    rows.append((_label(labels, "fast_tests_seconds"), results["fast_tests_seconds"]))
    rows += [
        (_label(labels, "growth").format(multiple=multiple.lstrip("x")), seconds)
        for multiple, seconds in results["growth_seconds"].items()
    ]
    return _table(headings, "lr", [(label, format_value(s, "s")) for label, s in rows])


def edit_loop_table(
    results: Mapping[str, Any], headings: Sequence[str], labels: Mapping[str, str]
) -> str:
    """Write the edit loop's times under ``mkdocs serve`` and the cold build as a table.

    Args:
        results: The benchmark results; ``edit_loop_runs`` holds each run's seconds.
        headings: Three column headings (what, median, every run).
        labels: Row labels keyed ``edit_prose_seconds``, ``edit_code_seconds``,
            ``edit_library_seconds`` and ``build_seconds``.

    Returns:
        The table: median and every run, one row per kind of edit, then the cold
        build's median. A row not measured yet shows ``—``.

    Raises:
        ValueError: If ``labels`` lacks a row or ``headings`` is not three long.

    Examples:
        >>> labels = {"edit_prose_seconds": "prose", "edit_code_seconds": "code",
        ...           "edit_library_seconds": "library", "build_seconds": "cold build"}
        >>> results = {"edit_loop_runs": {"edit_prose_seconds": [0.9, 0.7, 0.8]},
        ...            "build_seconds": 7.44}
        >>> print(edit_loop_table(results, ("What", "Median", "Runs"), labels))
        | What | Median | Runs |
        |---|---:|---|
        | prose | 0.80 s | 0.90 s, 0.70 s, 0.80 s |
        | code | — | |
        | library | — | |
        | cold build | 7.44 s | |
    """
    runs: Mapping[str, list[float]] = results.get("edit_loop_runs", {})
    rows: list[Sequence[str]] = []
    for key in ("edit_prose_seconds", "edit_code_seconds", "edit_library_seconds"):
        seconds = runs.get(key)
        if not seconds:
            rows.append((_label(labels, key), NOT_MEASURED, ""))
            continue
        each = ", ".join(format_value(s, "s") for s in seconds)
        rows.append((_label(labels, key), format_value(statistics.median(seconds), "s"), each))
    rows.append((_label(labels, "build_seconds"), format_value(results["build_seconds"], "s"), ""))
    return _table(headings, "lrl", rows)


def runs_table(
    results: Mapping[str, Any], headings: Sequence[str], labels: Mapping[str, str]
) -> str:
    """Write the readers' runs of examples in the browser as a table.

    Args:
        results: The benchmark results; ``runs`` and ``sympy_runs`` hold each measurement.
        headings: Five column headings (what, first Run, its bytes, second Run, every first Run).
        labels: Row labels keyed ``runs`` and ``sympy_runs``.

    Returns:
        One row per measured example: medians, then each first Run. A row not
        measured yet shows ``—``.

    Raises:
        ValueError: If ``labels`` lacks a row or ``headings`` is not five long.

    Examples:
        >>> runs = {"first_run_seconds": 2.5, "first_run_bytes": 6_421_000,
        ...         "second_run_seconds": 0.03, "runs": [{"first_ms": 2500.0}]}
        >>> print(runs_table({"runs": runs}, ("W", "F", "B", "S", "E"),
        ...                  {"runs": "what-is", "sympy_runs": "laws"}).splitlines()[2:])
        ['| what-is | 2.50 s | 6,421.0 KB | 0.03 s | 2.50 s |', '| laws | — | — | — | |']
    """
    if len(headings) != 5:
        msg = f"runs_table needs 5 headings, got {len(headings)}"
        raise ValueError(msg)
    rows: list[Sequence[str]] = []
    for key in ("runs", "sympy_runs"):
        measured = results.get(key)
        if not measured:
            rows.append((_label(labels, key), NOT_MEASURED, NOT_MEASURED, NOT_MEASURED, ""))
            continue
        each = ", ".join(format_value(run["first_ms"] / 1000, "s") for run in measured["runs"])
        rows.append(
            (
                _label(labels, key),
                format_value(measured["first_run_seconds"], "s"),
                format_value(measured["first_run_bytes"], "B"),
                format_value(measured["second_run_seconds"], "s"),
                each,
            )
        )
    return _table(headings, "lrrrl", rows)


def sitebuild_table(results: Mapping[str, Any], headings: Sequence[str], total_label: str) -> str:
    """Write the lines of each file in ``src/sitebuild`` and which import MkDocs.

    Args:
        results: The benchmark results; ``sitebuild_files`` maps each file (relative
            to ``src/sitebuild``) to its lines, ``mkdocs_importing_modules`` lists
            the modules that import ``mkdocs``.
        headings: Three column headings (file, lines, imports MkDocs).
        total_label: The label of the last row, the total.

    Returns:
        The table, largest file first; a file that imports MkDocs is marked ``✓``.
        Results that predate this measurement give the total row only, as ``—``.

    Raises:
        ValueError: If ``headings`` is not three long.

    Examples:
        >>> results = {"sitebuild_files": {"plugin.py": 250, "pages.py": 120, "a.css": 30},
        ...            "mkdocs_importing_modules": ["sitebuild.plugin"]}
        >>> print(sitebuild_table(results, ("File", "Lines", "MkDocs"), "total"))
        | File | Lines | MkDocs |
        |---|---:|---|
        | `plugin.py` | 250 | ✓ |
        | `pages.py` | 120 | |
        | `a.css` | 30 | |
        | total | 400 | |
    """
    if "sitebuild_files" not in results:
        return _table(headings, "lrl", [(total_label, NOT_MEASURED, "")])
    files: Mapping[str, int] = results["sitebuild_files"]
    importing = set(results["mkdocs_importing_modules"])
    rows: list[Sequence[str]] = []
    for name, lines in sorted(files.items(), key=lambda item: (-item[1], item[0])):
        module = "sitebuild." + name.removesuffix(".py").replace("/", ".")
        module = module.removesuffix(".__init__")
        mark = "✓" if name.endswith(".py") and module in importing else ""
        rows.append((f"`{name}`", format_value(lines, "lines"), mark))
    rows.append((total_label, format_value(sum(files.values()), "lines"), ""))
    return _table(headings, "lrl", rows)


def pages_table(results: Mapping[str, Any], headings: Sequence[str]) -> str:
    """Write each page's weight and formula paint time as a Markdown table.

    Args:
        results: The benchmark results.
        headings: Four column headings (page, raw, gzip, formulas painted).

    Returns:
        The table, one row per page.

    Raises:
        ValueError: If ``headings`` is not four long.

    Examples:
        >>> record = {"page": "/a/", "total_raw": 3000, "total_gzip": 700,
        ...           "formula_paint_ms": 81.4}
        >>> print(pages_table({"pages": [record]}, ("Page", "Raw", "gzip", "Painted")))
        | Page | Raw | gzip | Painted |
        |---|---:|---:|---:|
        | `/a/` | 3.0 KB | 0.7 KB | 81 ms |
    """
    rows = [
        (
            f"`{record['page'] or '/'}`",
            format_value(record["total_raw"], "B"),
            format_value(record["total_gzip"], "B"),
            f"{record['formula_paint_ms']:.0f} ms",
        )
        for record in results["pages"]
    ]
    return _table(headings, "lrrr", rows)


def weight_table(
    results: Mapping[str, Any], headings: Sequence[str], labels: Mapping[str, str]
) -> str:
    r"""Write what the page with the most raw bytes loads, part by part.

    Args:
        results: The benchmark results.
        headings: Three column headings (part, raw, gzip).
        labels: Row labels keyed by kind of file (``html``, ``css``, ``js``,
            ``math``, ``font``, ``other``: those the page loads), ``formulas``,
            ``total`` and ``without formulas``.

    Returns:
        A Markdown table: one row per kind of file, the formulas within the HTML
        (raw only), the total, and the total without the formulas (raw only).

    Raises:
        ValueError: If ``labels`` lacks a row or ``headings`` is not three long.

    Examples:
        >>> record = {"page": "/a/", "bytes": {"html": [2000, 500], "css": [1000, 200]},
        ...           "total_raw": 3000, "total_gzip": 700, "formula_bytes": 1500}
        >>> labels = {"html": "HTML", "css": "CSS", "formulas": "of which formulas",
        ...           "total": "total", "without formulas": "without formulas"}
        >>> print(weight_table({"pages": [record]}, ("Part", "Raw", "gzip"), labels))
        | Part | Raw | gzip |
        |---|---:|---:|
        | HTML | 2.0 KB | 0.5 KB |
        | of which formulas | 1.5 KB | |
        | CSS | 1.0 KB | 0.2 KB |
        | total | 3.0 KB | 0.7 KB |
        | without formulas | 1.5 KB | |
    """
    record = max(results["pages"], key=lambda page: page["total_raw"])
    rows: list[Sequence[str]] = []
    for kind in ("html", "css", "js", "math", "font", "other"):
        if kind not in record["bytes"]:
            continue
        raw, packed = record["bytes"][kind]
        rows.append((_label(labels, kind), format_value(raw, "B"), format_value(packed, "B")))
        if kind == "html":
            rows.append(
                (_label(labels, "formulas"), format_value(record["formula_bytes"], "B"), "")
            )
    total_raw, total_gzip = record["total_raw"], record["total_gzip"]
    rows.append(
        (_label(labels, "total"), format_value(total_raw, "B"), format_value(total_gzip, "B"))
    )
    without = total_raw - record["formula_bytes"]
    rows.append((_label(labels, "without formulas"), format_value(without, "B"), ""))
    return _table(headings, "lrr", rows)
