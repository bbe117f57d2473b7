"""Command line: ``python3 dev.py bench`` (``python -m benchmarks``).

Measures build speed, page weight, time to painted formulas, the edit loop under
``mkdocs serve`` and the size and imports of ``src/sitebuild``; prints one
PASS/FAIL line per budget; writes every result to ``benchmarks/results.json``,
which the contributor pages show. Budgets are checked here, never in timed tests.

Measured:

- cold strict build of the whole site: median of ``--runs`` fresh processes into
  an empty folder; the same with example execution switched off
  (``SITEBUILD_EXECUTE=0``), so that the cost of executing examples shows as a
  ratio; time spent in KaTeX rendering and in each kind of example (from the
  plugin's statistics);
- time of the fast test suite (``-m "not browser"``);
- per page, in headless Chromium: bytes transferred at first load (raw and gzip)
  and the time until every formula is painted (median of 5 fresh contexts);
- readers' runs, in a fresh Chromium each: the first Run of an example (seconds
  from the click to the output, gzipped bytes of every response after the click),
  the second Run of it, and the same for an example that loads SymPy; the gzipped
  bytes of the runner's script and styles, which every page loads;
- how the build grows: the site plus copies of its pages at x1, x4 and x16;
- the edit loop: seconds from saving an edit to ``mkdocs serve`` serving it
  (prose, one code block, the library; median of ``--edits``);
- ``src/sitebuild``: lines of every file, and the modules that import ``mkdocs``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.browser_runs import measure_runs, runner_script_bytes
from benchmarks.budgets import all_pass, evaluate, format_value
from benchmarks.editloop import measure_edit_loop
from benchmarks.measure import (
    ROOT,
    measure_growth,
    measure_pages,
    median_build,
    mkdocs_importing_modules,
    sitebuild_files,
    time_fast_tests,
)
from benchmarks.report import RESULTS

#: The readers' first Run: the last example of the first lesson (default language).
RUN_PAGE = "exponential/what-is/"
#: The first Run of an example that imports SymPy: the laws' second runnable example.
SYMPY_RUN_PAGE = "exponential/laws/"
SYMPY_RUN_EXAMPLE = 1


def measure(runs: int, edits: int) -> dict[str, Any]:
    """Run every measurement once and gather the results.

    Args:
        runs: Cold builds per median.
        edits: Edits of each kind in the edit loop.

    Returns:
        The results, as written to ``benchmarks/results.json``.
    """
    load_before = os.getloadavg()[0]
    files = sitebuild_files()
    importing = mkdocs_importing_modules()
    print(f"cold strict builds, {runs} runs each ...", flush=True)
    build_seconds, stats = median_build(ROOT, runs, execute=True)
    plain_seconds, _ = median_build(ROOT, runs, execute=False)
    print(f"edit loop under mkdocs serve, {edits} edits of each kind ...", flush=True)
    edit_loop = measure_edit_loop(edits)
    print("fast test suite ...", flush=True)
    tests_seconds = time_fast_tests()
    print("pages in Chromium ...", flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
            cwd=ROOT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            check=True,
        )
        pages = measure_pages(site)
        print("readers' runs in Chromium (a fresh browser each) ...", flush=True)
        runner_bytes = runner_script_bytes(site)
        reader_runs = measure_runs(site, RUN_PAGE, -1)
        sympy_runs = measure_runs(site, SYMPY_RUN_PAGE, SYMPY_RUN_EXAMPLE)
    print("growth x1, x4, x16 ...", flush=True)
    growth = measure_growth()
    heaviest = max(pages, key=lambda record: record["total_gzip"])
    heaviest_raw = max(pages, key=lambda record: record["total_raw"])
    return {
        "measured_on": time.strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}",
        # Other work on the machine slows every timing: how busy it was (1-minute average).
        "load_average": {"start": load_before, "end": os.getloadavg()[0]},
        "build_seconds": build_seconds,
        "build_without_execution_seconds": plain_seconds,
        "execution_ratio": build_seconds / plain_seconds,
        "katex_seconds": stats["katex_seconds"],
        "execution_seconds": stats["execution_seconds"],
        "blocks_executed": stats["blocks_executed"],
        "formulas_rendered": stats["formulas_rendered"],
        "katex_processes": stats["katex_processes"],
        "fast_tests_seconds": tests_seconds,
        "pages": pages,
        "heaviest_page": heaviest["page"],
        "heaviest_page_gzip_bytes": heaviest["total_gzip"],
        "heaviest_raw_page": heaviest_raw["page"],
        "heaviest_raw_page_bytes": heaviest_raw["total_raw"],
        "math_asset_bytes": max(r["bytes"].get("math", [0, 0])[0] for r in pages),
        "math_js_bytes": max(r["bytes"].get("math-js", [0, 0])[0] for r in pages),
        "slowest_formula_paint_ms": max(r["formula_paint_ms"] for r in pages),
        "growth_seconds": growth,
        # Per-copy cost of the last 12 copies over that of copies 2 to 4: 1.0 is linear.
        "growth_ratio": ((growth["x16"] - growth["x4"]) / 12) / ((growth["x4"] - growth["x1"]) / 3),
        "edit_loop_runs": edit_loop,
        **{key: statistics.median(seconds) for key, seconds in edit_loop.items()},
        "runner_page_gzip_bytes": runner_bytes,
        "runs": reader_runs,
        "first_run_bytes": reader_runs["first_run_bytes"],
        "first_run_seconds": reader_runs["first_run_seconds"],
        "second_run_seconds": reader_runs["second_run_seconds"],
        # SymPy loads only for code that imports it, and has no budget: 4.5 MB more.
        "sympy_runs": sympy_runs,
        "sitebuild_files": files,
        "sitebuild_lines": sum(files.values()),
        "mkdocs_importing_modules": importing,
        "mkdocs_importers": len(importing),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the results and one PASS/FAIL line per budget.

    Args:
        argv: Arguments (default: ``sys.argv[1:]``).

    Returns:
        0 when every budget passes, 1 otherwise.
    """
    parser = argparse.ArgumentParser(prog="python3 dev.py bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="cold builds per median")
    parser.add_argument("--edits", type=int, default=3, help="edits of each kind per median")
    parser.add_argument("--output", type=Path, default=RESULTS)
    arguments = parser.parse_args(argv)
    results = measure(arguments.runs, arguments.edits)
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    print()
    print(f"{'page':<45} {'raw KB':>8} {'gzip KB':>8} {'formulas painted':>17}")
    for record in results["pages"]:
        print(
            f"{record['page']:<45} {record['total_raw'] / 1000:>8.1f} "
            f"{record['total_gzip'] / 1000:>8.1f} {record['formula_paint_ms']:>14.0f} ms"
        )
    print()
    print(
        f"build {results['build_seconds']:.2f} s, without execution "
        f"{results['build_without_execution_seconds']:.2f} s; KaTeX "
        f"{results['katex_seconds']:.2f} s ({results['formulas_rendered']} formulas)"
    )
    for kind, seconds in sorted(results["execution_seconds"].items()):
        print(f"examples, {kind}: {seconds:.2f} s")
    print(f"fast tests {results['fast_tests_seconds']:.1f} s; growth {results['growth_seconds']}")
    print(f"edit loop (each run): {results['edit_loop_runs']}")
    print(f"modules importing mkdocs: {', '.join(results['mkdocs_importing_modules'])}")
    print()
    outcome = evaluate(results)
    for item in outcome:
        verdict = "PASS" if item.passed else "FAIL"
        value = "not measured" if item.value is None else format_value(item.value, item.budget.unit)
        limit = format_value(item.budget.limit, item.budget.unit)
        print(f"{verdict}: {item.budget.key}: {value} (limit {limit})")
    print(f"results written to {arguments.output}")
    return 0 if all_pass(outcome) else 1


if __name__ == "__main__":
    raise SystemExit(main())
