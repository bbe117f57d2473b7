"""Benchmark: build speed, page weight and time to painted formulas, with budgets.

Run with ``python3 dev.py bench`` (or ``python -m sitebuild.benchmark``). It prints
one table and a PASS/FAIL line per budget, and writes the results to
``benchmarks/results.json``, which the contributor page renders. Budgets are
checked here, never in timed tests.

Measured:

- cold strict build of the whole site: median of 5 fresh processes, ``site/``
  removed; the same with example execution switched off (``SITEBUILD_EXECUTE=0``),
  so that the cost of executing examples shows as a ratio; time spent in KaTeX
  rendering and in each kind of example (from the plugin's statistics);
- time of the fast test suite (``-m "not browser"``);
- per page, in headless Chromium: bytes transferred at first load (HTML, CSS, JS,
  fonts, images; raw and gzip) and the time until every formula is painted
  (median of 5 fresh browser contexts);
- how the build grows: the site plus generated copies of its pages at x1, x4 and
  x16 its page count.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitebuild.localsite import CHROMIUM, CHROMIUM_ARGS, serve

__all__ = [
    "BUDGETS",
    "Budget",
    "evaluate_budgets",
    "formula_markup_bytes",
    "main",
    "pages_table",
    "results_table",
    "timings_table",
    "weight_table",
]

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results.json"


@dataclass(frozen=True)
class Budget:
    """One budget: a measured value and the limit it must not pass.

    Attributes:
        name: What is budgeted, in words (English).
        name_ja: The same in Japanese, for the Japanese contributor page.
        key: The result's key in the results dictionary.
        limit: The largest value that passes.
        unit: The unit the value and limit are written in.
    """

    name: str
    name_ja: str
    key: str
    limit: float
    unit: str


BUDGETS = (
    Budget("full cold build", "サイト全体のコールドビルド", "build_seconds", 10.0, "s"),
    Budget(
        "execution overhead (build / build without execution)",
        "例の実行による増分（ビルド／実行なしのビルド）",
        "execution_ratio",
        2.0,
        "x",
    ),
    # Transferred, not raw: see "Why the page budget counts transferred bytes" on the
    # contributor page (the theme alone is 70 % of 450 KB raw before any content).
    Budget(
        "heaviest page at first load, transferred (gzip)",
        "最も重いページの初回読み込み（転送量、gzip）",
        "heaviest_page_gzip_bytes",
        450_000,
        "B",
    ),
    Budget(
        "math assets at first load, raw",
        "数式用アセットの初回読み込み（非圧縮）",
        "math_asset_bytes",
        80_000,
        "B",
    ),
    Budget("math JavaScript at first load", "数式用 JavaScript", "math_js_bytes", 0, "B"),
    Budget(
        "build growth (x16 per-copy cost / x4 per-copy cost)",
        "ページ数に対するビルド時間の伸び（×16 と ×4 の 1 コピーあたりの比）",
        "growth_ratio",
        1.5,
        "x",
    ),
)


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def timed_build(project: Path, *, execute: bool = True) -> tuple[float, dict[str, Any]]:
    """Build ``project`` strictly in a fresh process into an empty folder.

    Args:
        project: The folder holding ``mkdocs.yml``.
        execute: Whether examples run (``False`` shows their source instead).

    Returns:
        Wall-clock seconds and the plugin's statistics for that build.

    Raises:
        RuntimeError: If the build fails.
    """
    with tempfile.TemporaryDirectory() as scratch:
        stats_file = Path(scratch) / "stats.json"
        env = _env(SITEBUILD_STATS=str(stats_file), SITEBUILD_EXECUTE="1" if execute else "0")
        started = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", f"{scratch}/site"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - started
        if completed.returncode != 0:
            msg = f"build of {project} failed:\n{completed.stdout}{completed.stderr}"
            raise RuntimeError(msg)
        return seconds, json.loads(stats_file.read_text(encoding="utf-8"))


def _median_build(project: Path, runs: int, *, execute: bool) -> tuple[float, dict[str, Any]]:
    results = [timed_build(project, execute=execute) for _ in range(runs)]
    seconds = statistics.median(seconds for seconds, _ in results)
    return seconds, results[len(results) // 2][1]


def _copy_project(target: Path, copies: int) -> Path:
    """Copy the project with every page present ``copies`` times, in both languages."""
    project = target / f"x{copies}"
    project.mkdir()
    for name in ("mkdocs.yml", "package.json", "package-lock.json"):
        shutil.copyfile(ROOT / name, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    (project / "src").symlink_to(ROOT / "src")
    shutil.copytree(ROOT / "docs", project / "docs")
    for language_dir in (project / "docs").iterdir():
        if not language_dir.is_dir() or language_dir.name not in {"ja", "en"}:
            continue
        pages = [p for p in language_dir.rglob("*.md") if "copies" not in p.parts]
        for copy in range(1, copies):
            for page in pages:
                relative = page.relative_to(language_dir)
                duplicate = language_dir / "copies" / str(copy) / relative
                duplicate.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(page, duplicate)
    return project


def measure_growth(multiples: tuple[int, ...] = (1, 4, 16)) -> dict[str, float]:
    """Build the site with its pages copied 1, 4 and 16 times; one cold build each.

    Args:
        multiples: How many copies of every page each build holds.

    Returns:
        Seconds per multiple, keyed ``"x1"``, ``"x4"``, ...
    """
    timings = {}
    with tempfile.TemporaryDirectory() as scratch:
        for copies in multiples:
            project = _copy_project(Path(scratch), copies)
            timings[f"x{copies}"] = timed_build(project)[0]
    return timings


def time_fast_tests() -> float:
    """Run the fast suite (everything but the browser) once and time it.

    Returns:
        Wall-clock seconds.

    Raises:
        RuntimeError: If the suite fails.
    """
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-m", "not browser", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        msg = f"the fast test suite failed:\n{completed.stdout[-3000:]}"
        raise RuntimeError(msg)
    return time.perf_counter() - started


def _page_paths(site: Path) -> list[str]:
    paths = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        if relative.startswith(("assets", "search", "copies")) or "/copies/" in relative:
            continue
        paths.append("" if relative == "." else f"{relative}/")
    return paths


def _kind(url: str, content_type: str) -> str:
    if "/katex/" in url:
        return "math-js" if url.endswith(".js") else "math"
    if content_type.startswith("text/html"):
        return "html"
    if "css" in content_type:
        return "css"
    if "javascript" in content_type:
        return "js"
    if "font" in content_type or url.endswith((".woff2", ".woff", ".ttf")):
        return "font"
    return "other"


_SPAN_TAG = re.compile(r"<(/?)span\b")


def formula_markup_bytes(page_html: str) -> int:
    """Count the bytes of a page's rendered formulas (KaTeX's HTML and MathML).

    Args:
        page_html: A built page.

    Returns:
        The UTF-8 bytes of every ``<span class="katex">`` element, tags included.

    Examples:
        >>> formula_markup_bytes('<p>x <span class="katex"><span>a</span></span> y</p>')
        41
    """
    total = 0
    for start in re.finditer(r'<span class="katex">', page_html):
        depth = 0
        for tag in _SPAN_TAG.finditer(page_html, start.start()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = page_html.index(">", tag.end()) + 1
                total += len(page_html[start.start() : end].encode())
                break
    return total


def measure_pages(site: Path, contexts: int = 5) -> list[dict[str, Any]]:
    """Load every page in headless Chromium; weigh it and time its formulas.

    Args:
        site: The built site.
        contexts: Fresh browser contexts per page; the paint time is their median.

    Returns:
        One record per page: bytes by kind (raw and gzip) and milliseconds until
        every formula is painted.
    """
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - optional, heavy

    records = []
    with serve(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for path in _page_paths(site):
            paint_times = []
            weights: dict[str, list[int]] = {}
            for attempt in range(contexts):
                context = browser.new_context()
                page = context.new_page()
                loaded: list[tuple[str, str, bytes]] = []

                def on_response(
                    response: Any, loaded: list[tuple[str, str, bytes]] = loaded
                ) -> None:
                    with contextlib.suppress(Exception):
                        loaded.append(
                            (
                                response.url,
                                response.headers.get("content-type", ""),
                                response.body(),
                            )
                        )

                page.on("response", on_response)
                response = page.goto(server.address(path), wait_until="load")
                paint_times.append(
                    page.evaluate(
                        """async () => {
                            await document.fonts.ready;
                            const formulas = [...document.querySelectorAll('.katex')];
                            const painted = () => formulas.every(f => {
                                const box = f.getBoundingClientRect();
                                return box.width > 0 && box.height > 0;
                            });
                            while (!painted()) {
                                await new Promise(r => requestAnimationFrame(r));
                            }
                            await new Promise(r => requestAnimationFrame(r));
                            return performance.now();
                        }"""
                    )
                )
                if attempt == 0:
                    # Everything the page requests on its own, however late, counts.
                    page.wait_for_load_state("networkidle")
                    assert response is not None
                    formula_bytes = formula_markup_bytes(response.text())
                    for url, content_type, body in loaded:
                        kind = _kind(url, content_type)
                        raw, packed = weights.setdefault(kind, [0, 0])
                        weights[kind] = [raw + len(body), packed + len(gzip.compress(body))]
                context.close()
            records.append(
                {
                    "page": "/" + path,
                    "bytes": weights,
                    "total_raw": sum(raw for raw, _ in weights.values()),
                    "total_gzip": sum(packed for _, packed in weights.values()),
                    "formula_bytes": formula_bytes,
                    "formula_paint_ms": statistics.median(paint_times),
                }
            )
        browser.close()
    return records


def evaluate_budgets(results: dict[str, Any]) -> list[tuple[Budget, float, bool]]:
    """Compare results with the budgets.

    Args:
        results: The measured values, keyed as in :data:`BUDGETS`.

    Returns:
        ``(budget, value, passed)`` for each budget.

    Examples:
        >>> outcome = evaluate_budgets({"build_seconds": 7.5, "execution_ratio": 2.5})
        >>> [(budget.key, passed) for budget, _, passed in outcome][:2]
        [('build_seconds', True), ('execution_ratio', False)]
    """
    outcome = []
    for budget in BUDGETS:
        value = float(results.get(budget.key, float("inf")))
        outcome.append((budget, value, value <= budget.limit))
    return outcome


def _format_value(value: float, unit: str) -> str:
    if unit == "B":
        return f"{value / 1000:,.1f} KB"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:.2f}{unit}"


#: Column headings per language, keyed by the language's own name (as a page writes it:
#: the parity check lets a string differ between the languages where it holds Japanese).
def _in_language(table: dict[str, Any], language: str) -> Any:
    """Return ``table[language]``; a language the table lacks is a ValueError."""
    if language not in table:
        msg = f"language must be one of {sorted(table)}, not {language!r}"
        raise ValueError(msg)
    return table[language]


_PAGE_HEADINGS = {
    "日本語": ("ページ", "非圧縮", "gzip", "数式の描画完了"),
    "English": ("Page", "Raw", "gzip", "Formulas painted"),
}
_HEADERS = {
    "日本語": ("予算", "測定値", "上限", "判定"),
    "English": ("Budget", "Measured", "Limit", "Result"),
}


def results_table(results: dict[str, Any], language: str = "English") -> str:
    """Write the budgets and the measured values as a Markdown table.

    Args:
        results: The benchmark results (as in ``benchmarks/results.json``).
        language: ``"日本語"`` or ``"English"``, for the headings and budget names.

    Returns:
        The table, one row per budget.

    Raises:
        ValueError: If ``language`` is neither.

    Examples:
        >>> results = {"build_seconds": 7.5, "execution_ratio": 1.2,
        ...            "heaviest_page_gzip_bytes": 300_000, "math_asset_bytes": 60_000,
        ...            "math_js_bytes": 0, "growth_ratio": 1.1}
        >>> print(results_table(results).splitlines()[2])
        | full cold build | 7.50 s | 10.00 s | PASS |
        >>> print(results_table({**results, "build_seconds": 12.0}, "日本語").splitlines()[2])
        | サイト全体のコールドビルド | 12.00 s | 10.00 s | FAIL |
    """
    header = _in_language(_HEADERS, language)
    lines = [f"| {' | '.join(header)} |", "|---|---:|---:|---|"]
    for budget, value, passed in evaluate_budgets(results):
        name = budget.name if language == "English" else budget.name_ja
        lines.append(
            f"| {name} | {_format_value(value, budget.unit)} | "
            f"{_format_value(budget.limit, budget.unit)} | {'PASS' if passed else 'FAIL'} |"
        )
    return "\n".join(lines)


_TIMING_HEADINGS = {"日本語": ("項目", "時間"), "English": ("What", "Time")}
_TIMING_LABELS = {
    "日本語": {
        "build_seconds": "コールドビルド（中央値）",
        "build_without_execution_seconds": "例を実行しないコールドビルド（中央値）",
        "katex_seconds": "うち KaTeX による数式のレンダリング",
        "execution": "うちビルドのプロセスでの例の実行：{kind}",
        "fast_tests_seconds": "高速テスト（ブラウザーなし）",
        "growth": "ページ数 {multiple} 倍のビルド",
    },
    "English": {
        "build_seconds": "cold build (median)",
        "build_without_execution_seconds": "cold build without executing examples (median)",
        "katex_seconds": "of which KaTeX rendering formulas",
        "execution": "of which examples run in the build's own process: {kind}",
        "fast_tests_seconds": "fast tests (no browser)",
        "growth": "build with the pages {multiple} times",
    },
}


#: The kinds of example the plugin times (sitebuild.runner), as each language says them.
_KIND_LABELS = {
    "日本語": {"plots and tables": "図と表", "pycon": "対話形式（pycon）", "python": "python"},
    "English": {},
}


def timings_table(results: dict[str, Any], language: str = "English") -> str:
    """Write where the build's time goes as a Markdown table.

    Args:
        results: The benchmark results (as in ``benchmarks/results.json``).
        language: ``"日本語"`` or ``"English"``.

    Returns:
        The table, one row per measured time.

    Raises:
        ValueError: If ``language`` is neither.
    """
    labels = _in_language(_TIMING_LABELS, language)
    rows = [
        (labels[key], results[key])
        for key in ("build_seconds", "build_without_execution_seconds", "katex_seconds")
    ]
    kinds = _in_language(_KIND_LABELS, language)
    rows += [
        (labels["execution"].format(kind=kinds.get(kind, kind)), seconds)
        for kind, seconds in sorted(results["execution_seconds"].items())
    ]
    rows.append((labels["fast_tests_seconds"], results["fast_tests_seconds"]))
    rows += [
        (labels["growth"].format(multiple=multiple.lstrip("x")), seconds)
        for multiple, seconds in results["growth_seconds"].items()
    ]
    lines = [f"| {' | '.join(_in_language(_TIMING_HEADINGS, language))} |", "|---|---:|"]
    lines += [f"| {label} | {seconds:.2f} s |" for label, seconds in rows]
    return "\n".join(lines)


def pages_table(results: dict[str, Any], language: str = "English") -> str:
    """Write each page's weight and formula paint time as a Markdown table.

    Args:
        results: The benchmark results (as in ``benchmarks/results.json``).
        language: ``"日本語"`` or ``"English"``.

    Returns:
        The table, one row per page.

    Raises:
        ValueError: If ``language`` is neither.
    """
    lines = [f"| {' | '.join(_in_language(_PAGE_HEADINGS, language))} |", "|---|---:|---:|---:|"]
    for record in results["pages"]:
        lines.append(
            f"| `{record['page'] or '/'}` | {record['total_raw'] / 1000:,.1f} KB | "
            f"{record['total_gzip'] / 1000:,.1f} KB | {record['formula_paint_ms']:.0f} ms |"
        )
    return "\n".join(lines)


_PART_LABELS = {
    "日本語": {
        "heading": ("内訳", "非圧縮", "gzip"),
        "html": "HTML",
        "formulas": "うち数式（KaTeX の HTML と MathML）",
        "css": "CSS（テーマ Material とサイト）",
        "js": "JavaScript（テーマ Material とサイト）",
        "math": "数式用 CSS とフォント",
        "font": "フォント",
        "other": "その他",
        "total": "合計",
        "without formulas": "数式を除いた合計",
    },
    "English": {
        "heading": ("Part", "Raw", "gzip"),
        "html": "HTML",
        "formulas": "of which formulas (KaTeX's HTML and MathML)",
        "css": "CSS (the Material theme and the site)",
        "js": "JavaScript (the Material theme and the site)",
        "math": "math CSS and fonts",
        "font": "fonts",
        "other": "other",
        "total": "total",
        "without formulas": "total without the formulas",
    },
}


def weight_table(results: dict[str, Any], language: str = "English") -> str:
    r"""Write what the page with the most raw bytes loads, part by part.

    Args:
        results: The benchmark results (as in ``benchmarks/results.json``).
        language: ``"日本語"`` or ``"English"``.

    Returns:
        A Markdown table: one row per kind of file, the formulas within the HTML
        (raw only), the total, and the total without the formulas (raw only).

    Raises:
        ValueError: If ``language`` is neither.

    Examples:
        >>> record = {"page": "/a/", "bytes": {"html": [2000, 500], "css": [1000, 200]},
        ...           "total_raw": 3000, "total_gzip": 700, "formula_bytes": 1500}
        >>> table = weight_table({"pages": [record]}).splitlines()
        >>> print("\n".join(table[3:]))
        | of which formulas (KaTeX's HTML and MathML) | 1.5 KB | |
        | CSS (the Material theme and the site) | 1.0 KB | 0.2 KB |
        | total | 3.0 KB | 0.7 KB |
        | total without the formulas | 1.5 KB | |
    """
    labels = _in_language(_PART_LABELS, language)
    record = max(results["pages"], key=lambda page: page["total_raw"])
    lines = [f"| {' | '.join(labels['heading'])} |", "|---|---:|---:|"]
    for kind in ("html", "css", "js", "math", "font", "other"):
        if kind not in record["bytes"]:
            continue
        raw, packed = record["bytes"][kind]
        lines.append(f"| {labels[kind]} | {raw / 1000:,.1f} KB | {packed / 1000:,.1f} KB |")
        if kind == "html":
            lines.append(f"| {labels['formulas']} | {record['formula_bytes'] / 1000:,.1f} KB | |")
    total_raw, total_gzip = record["total_raw"] / 1000, record["total_gzip"] / 1000
    lines.append(f"| {labels['total']} | {total_raw:,.1f} KB | {total_gzip:,.1f} KB |")
    without = total_raw - record["formula_bytes"] / 1000
    lines.append(f"| {labels['without formulas']} | {without:,.1f} KB | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the table and one PASS/FAIL line per budget.

    Args:
        argv: Arguments (default: ``sys.argv[1:]``).

    Returns:
        0 when every budget passes, 1 otherwise.
    """
    parser = argparse.ArgumentParser(prog="python3 dev.py bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="cold builds per median")
    parser.add_argument("--output", type=Path, default=RESULTS)
    arguments = parser.parse_args(argv)
    runs: int = arguments.runs

    print(f"cold strict builds, {runs} runs each ...", flush=True)
    build_seconds, stats = _median_build(ROOT, runs, execute=True)
    plain_seconds, _ = _median_build(ROOT, runs, execute=False)
    print("fast test suite ...", flush=True)
    tests_seconds = time_fast_tests()
    print("pages in Chromium ...", flush=True)
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
            cwd=ROOT,
            env=_env(),
            check=True,
        )
        pages = measure_pages(site)
    print("growth x1, x4, x16 ...", flush=True)
    growth = measure_growth()
    heaviest = max(pages, key=lambda record: record["total_gzip"])
    heaviest_raw = max(pages, key=lambda record: record["total_raw"])
    results: dict[str, Any] = {
        "measured_on": time.strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}",
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
    }
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    print()
    print(f"{'page':<45} {'raw KB':>8} {'gzip KB':>8} {'formulas painted':>17}")
    for record in pages:
        print(
            f"{record['page']:<45} {record['total_raw'] / 1000:>8.1f} "
            f"{record['total_gzip'] / 1000:>8.1f} {record['formula_paint_ms']:>14.0f} ms"
        )
    print()
    print(f"build {build_seconds:.2f} s, without execution {plain_seconds:.2f} s")
    print(
        f"KaTeX {stats['katex_seconds']:.2f} s ({stats['formulas_rendered']} formulas, "
        f"{stats['katex_processes']} Node.js process)"
    )
    for kind, seconds in sorted(stats["execution_seconds"].items()):
        print(f"examples, {kind}: {seconds:.2f} s")
    print(f"fast tests {tests_seconds:.1f} s; growth {growth}")
    print()
    print(results_table(results))
    print()
    outcome = evaluate_budgets(results)
    for budget, value, passed in outcome:
        verdict = "PASS" if passed else "FAIL"
        limit = _format_value(budget.limit, budget.unit)
        print(f"{verdict}: {budget.name}: {_format_value(value, budget.unit)} (limit {limit})")
    print(f"results written to {arguments.output}")
    return 0 if all(passed for _, _, passed in outcome) else 1


if __name__ == "__main__":
    raise SystemExit(main())
