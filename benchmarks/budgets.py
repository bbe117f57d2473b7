"""The benchmark's budgets: limits that measured values must not pass.

A budget names a key of the results (as written to ``benchmarks/results.json``
by :mod:`benchmarks.measure`), a limit and a unit. Its name in words is not
here: each language's contributor page writes it (see :mod:`benchmarks.report`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["BUDGETS", "Budget", "Outcome", "all_pass", "evaluate", "format_value"]


@dataclass(frozen=True)
class Budget:
    """One budget: the key of a measured value and the limit it must not pass.

    Attributes:
        key: The value's key in the results dictionary.
        limit: The largest value that passes.
        unit: ``"s"``, ``"x"`` (a ratio), ``"B"`` (bytes), ``"lines"`` or ``"modules"``.
    """

    key: str
    limit: float
    unit: str


#: Every budget, in the order the pages show them.
BUDGETS = (
    Budget("build_seconds", 10.0, "s"),
    Budget("execution_ratio", 2.0, "x"),
    # Transferred, not raw: see "Why the page budget counts transferred bytes" on the
    # contributor page (the theme alone is 70 % of 450 KB raw before any content).
    Budget("heaviest_page_gzip_bytes", 450_000, "B"),
    Budget("math_asset_bytes", 80_000, "B"),
    Budget("math_js_bytes", 0, "B"),
    Budget("growth_ratio", 1.5, "x"),
    Budget("edit_prose_seconds", 1.0, "s"),
    Budget("edit_code_seconds", 2.0, "s"),
    # Generous: an edit to the library re-runs every example, as a cold build does.
    Budget("edit_library_seconds", 10.0, "s"),
    # 2,600 held the build machinery as issue 13 left it (2,594 lines). Issue 14 added
    # the runner of readers' examples, about 1,000 lines: at build time runnable.py and
    # browser_runtime.py; in the browser in_browser.py, runner.js, the worker, styles.
    Budget("sitebuild_lines", 3700, "lines"),
    # Readers' runs (issue 14): a page only read pays the runner's script and styles;
    # the first Run starts Pyodide (cold cache, fresh browser), the second reuses it.
    Budget("runner_page_gzip_bytes", 5_000, "B"),
    Budget("first_run_bytes", 7_000_000, "B"),
    Budget("first_run_seconds", 8.0, "s"),
    Budget("second_run_seconds", 0.3, "s"),
    Budget("mkdocs_importers", 2, "modules"),
)


@dataclass(frozen=True)
class Outcome:
    """A budget checked against the results.

    Attributes:
        budget: The budget.
        value: The measured value, or ``None`` when the results lack it.
        passed: Whether the value is within the limit (``False`` when not measured).
    """

    budget: Budget
    value: float | None
    passed: bool


def evaluate(results: Mapping[str, Any], budgets: tuple[Budget, ...] = BUDGETS) -> list[Outcome]:
    """Check the results against each budget.

    A value the results lack, or one that is not a finite number, fails its budget.

    Args:
        results: The measured values, keyed as the budgets' ``key``.
        budgets: The budgets to check.

    Returns:
        One outcome per budget, in the budgets' order.

    Examples:
        >>> outcome = evaluate({"build_seconds": 7.5, "execution_ratio": 2.5})
        >>> [(o.budget.key, o.value, o.passed) for o in outcome][:3]
        [('build_seconds', 7.5, True), ('execution_ratio', 2.5, False), ('heaviest_page_gzip_bytes', None, False)]
    """
    outcome = []
    for budget in budgets:
        raw = results.get(budget.key)
        value = float(raw) if isinstance(raw, int | float) and not isinstance(raw, bool) else None
        passed = value is not None and math.isfinite(value) and value <= budget.limit
        outcome.append(Outcome(budget, value, passed))
    return outcome


def all_pass(outcome: list[Outcome]) -> bool:
    """Whether every budget passed (a value not measured does not pass).

    Args:
        outcome: What :func:`evaluate` returned.

    Returns:
        ``True`` when every outcome passed.

    Examples:
        >>> all_pass(evaluate({"sitebuild_lines": 2000}, (Budget("sitebuild_lines", 2600, "lines"),)))
        True
        >>> all_pass(evaluate({}, (Budget("sitebuild_lines", 2600, "lines"),)))
        False
    """
    return all(item.passed for item in outcome)


def format_value(value: float, unit: str) -> str:
    """Write a value with its unit, as the tables and the command line show it.

    Args:
        value: The value, in ``unit``.
        unit: One of the units of :class:`Budget`.

    Returns:
        The value, rounded for reading.

    Raises:
        ValueError: If ``unit`` is not one of those units.

    Examples:
        >>> format_value(156_861, "B"), format_value(7.4407, "s"), format_value(1.866, "x")
        ('156.9 KB', '7.44 s', '1.87x')
        >>> format_value(2431, "lines"), format_value(2, "modules")
        ('2,431', '2')
    """
    if unit == "B":
        return f"{value / 1000:,.1f} KB"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "x":
        return f"{value:.2f}x"
    if unit in {"lines", "modules"}:
        return f"{value:,.0f}"
    msg = f"unit must be one of B, s, x, lines, modules, not {unit!r}"
    raise ValueError(msg)
