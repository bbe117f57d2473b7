"""The budgets and their check (pure functions, no measuring)."""

from __future__ import annotations

import math

import pytest

from benchmarks.budgets import BUDGETS, Budget, all_pass, evaluate, format_value

LINES = Budget("sitebuild_lines", 2600, "lines")
EDIT = Budget("edit_prose_seconds", 1.0, "s")


def test_every_budget_key_is_distinct_and_every_unit_formats() -> None:
    keys = [budget.key for budget in BUDGETS]
    assert len(keys) == len(set(keys))
    for budget in BUDGETS:
        assert format_value(budget.limit, budget.unit)


def test_issue_13_and_14_budgets_are_present_with_their_limits() -> None:
    limits = {budget.key: (budget.limit, budget.unit) for budget in BUDGETS}
    # Issue 13's 2,600 lines, plus the runner of readers' examples (issue 14).
    assert limits["sitebuild_lines"] == (3700.0, "lines")
    assert limits["mkdocs_importers"] == (2.0, "modules")
    assert limits["edit_prose_seconds"] == (1.0, "s")
    assert limits["edit_code_seconds"] == (2.0, "s")
    assert limits["build_seconds"] == (10.0, "s")
    assert limits["runner_page_gzip_bytes"] == (5000.0, "B")
    assert limits["first_run_bytes"] == (7_000_000.0, "B")
    assert limits["first_run_seconds"] == (8.0, "s")
    assert limits["second_run_seconds"] == (0.3, "s")


@pytest.mark.parametrize(
    ("value", "passed"),
    [(0, True), (2600, True), (2601, False), (1e9, False)],
)
def test_the_limit_itself_passes_and_anything_above_fails(value: int, passed: bool) -> None:
    (outcome,) = evaluate({"sitebuild_lines": value}, (LINES,))
    assert outcome.value == value
    assert outcome.passed is passed


@pytest.mark.parametrize("value", [None, "0.5", True, math.nan, math.inf, [0.5]])
def test_a_value_missing_or_not_a_finite_number_fails(value: object) -> None:
    results = {} if value is None else {"edit_prose_seconds": value}
    (outcome,) = evaluate(results, (EDIT,))
    assert not outcome.passed
    assert not all_pass([outcome])


def test_not_measured_is_none_not_a_number() -> None:
    (outcome,) = evaluate({"something_else": 0.1}, (EDIT,))
    assert outcome.value is None


def test_all_pass_needs_every_budget() -> None:
    results = {"sitebuild_lines": 2000, "edit_prose_seconds": 1.5}
    outcome = evaluate(results, (LINES, EDIT))
    assert [item.passed for item in outcome] == [True, False]
    assert not all_pass(outcome)
    assert all_pass(evaluate({**results, "edit_prose_seconds": 0.4}, (LINES, EDIT)))


def test_format_value_rejects_an_unknown_unit() -> None:
    with pytest.raises(ValueError, match="unit must be one of"):
        format_value(1.0, "ms")
