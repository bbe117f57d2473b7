"""Measuring the site: build times, page weight, formula paint time, code size.

Every function here measures one thing and returns plain numbers; the budgets
(:mod:`benchmarks.budgets`) and the pages that show the numbers
(:mod:`benchmarks.report`) never measure. The edit loop under ``mkdocs serve``
is measured in :mod:`benchmarks.editloop`.
"""

from __future__ import annotations

import ast
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
from pathlib import Path
from typing import Any

from benchmarks.localsite import CHROMIUM, CHROMIUM_ARGS, serve

__all__ = [
    "ROOT",
    "SITEBUILD",
    "formula_markup_bytes",
    "imports_mkdocs",
    "measure_growth",
    "measure_pages",
    "median_build",
    "mkdocs_importing_modules",
    "sitebuild_files",
    "time_fast_tests",
    "timed_build",
]

#: The project's root (the folder holding ``mkdocs.yml``).
ROOT = Path(__file__).resolve().parents[1]
#: The build machinery whose size and imports are measured.
SITEBUILD = ROOT / "src" / "sitebuild"


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


def median_build(project: Path, runs: int, *, execute: bool) -> tuple[float, dict[str, Any]]:
    """Build ``project`` ``runs`` times (see :func:`timed_build`).

    Args:
        project: The folder holding ``mkdocs.yml``.
        runs: How many cold builds.
        execute: Whether examples run.

    Returns:
        The median seconds and the statistics of the median run.
    """
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


def sitebuild_files(folder: Path = SITEBUILD) -> dict[str, int]:
    """Count the lines of every text file in the build machinery.

    Python modules, the KaTeX worker, CSS, JavaScript and templates all count;
    compiled caches (``__pycache__``) and files that are not UTF-8 text do not.

    Args:
        folder: The folder to count, ``src/sitebuild`` by default.

    Returns:
        Lines per file, keyed by the file's path relative to ``folder``.

    Examples:
        >>> files = sitebuild_files()
        >>> files["__init__.py"] > 0 and all(lines >= 0 for lines in files.values())
        True
    """
    counts = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        counts[path.relative_to(folder).as_posix()] = len(text.splitlines())
    return counts


def imports_mkdocs(source: str) -> bool:
    r"""Whether Python source imports ``mkdocs`` or one of its modules, anywhere in it.

    Args:
        source: A module's source.

    Returns:
        ``True`` if an ``import`` statement (at any depth) names ``mkdocs``.

    Examples:
        >>> imports_mkdocs("from mkdocs.plugins import BasePlugin")
        True
        >>> imports_mkdocs("def f():\n    import mkdocs")
        True
        >>> imports_mkdocs("import mkdocs_static_i18n  # another package\nx = 'import mkdocs'")
        False
    """
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        if any(name == "mkdocs" or name.startswith("mkdocs.") for name in names):
            return True
    return False


def mkdocs_importing_modules(folder: Path = SITEBUILD) -> list[str]:
    """Name the modules of the build machinery that import MkDocs.

    The rule of the machinery: only the plugin module and at most one adapter
    beside it import ``mkdocs``; everything else is plain Python.

    Args:
        folder: The package's folder, ``src/sitebuild`` by default.

    Returns:
        Dotted module names, sorted.

    Examples:
        >>> modules = mkdocs_importing_modules()
        >>> len(modules) >= 1 and all(name.startswith("sitebuild.") for name in modules)
        True
    """
    modules = []
    for path in sorted(folder.rglob("*.py")):
        if "__pycache__" in path.parts or not imports_mkdocs(path.read_text(encoding="utf-8")):
            continue
        parts = path.relative_to(folder.parent).with_suffix("").parts
        modules.append(".".join(parts).removesuffix(".__init__"))
    return modules
