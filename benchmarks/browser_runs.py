"""Measuring the examples readers run: the first Run on a page, and the next one.

A first Run starts the runtime: Pyodide, the site's Python, the replay of the
example's session. It is measured in a fresh Chromium each time (nothing in any
cache, V8's compiled WebAssembly included), from the click to the output, with
the bytes of every response after the click, gzipped as a static host sends them.
The second Run is the same button pressed again on the same page.
"""

from __future__ import annotations

import contextlib
import gzip
import statistics
from pathlib import Path
from typing import Any

from benchmarks.localsite import CHROMIUM, CHROMIUM_ARGS, serve

__all__ = ["RUN_EXAMPLE", "measure_runs", "runner_script_bytes"]

#: Clicks Run on the runnable example ``index`` of the page (``-1``: the last one,
#: which replays the most); resolves when its
#: output is shown (the runner removes ``aria-busy``), with the milliseconds taken.
RUN_EXAMPLE = """async (index) => {
    const example = [...document.querySelectorAll('[data-sb-example="runnable"]')].at(index);
    const started = performance.now();
    const done = new Promise((resolve) => {
        const watch = new MutationObserver(() => {
            if (!example.hasAttribute("aria-busy")) { watch.disconnect(); resolve(); }
        });
        watch.observe(example, { attributes: true });
    });
    example.querySelector('[data-sb-action="run"]').click();
    await done;
    return {
        ms: performance.now() - started,
        output: example.querySelector(".sb-example__output").textContent,
    };
}"""


def runner_script_bytes(site: Path) -> int:
    """Gzipped bytes that every page loads for the runner: its script and its styles.

    A page that is only read loads these and nothing else of the runner.
    """
    script = (site / "assets" / "runner.js").read_bytes()
    styles = (site / "assets" / "runner.css").read_bytes()
    return len(gzip.compress(script, 9)) + len(gzip.compress(styles, 9))


def _one_first_run(server_address: str, index: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - optional, heavy

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        page.goto(server_address, wait_until="networkidle")
        bodies: list[bytes] = []

        def on_response(response: Any) -> None:
            with contextlib.suppress(Exception):
                bodies.append(response.body())

        page.on("response", on_response)
        first = page.evaluate(RUN_EXAMPLE, index)
        second = page.evaluate(RUN_EXAMPLE, index)
        browser.close()
    return {
        "first_ms": first["ms"],
        "second_ms": second["ms"],
        "bytes": sum(len(gzip.compress(body, 6)) for body in bodies),
        "requests": len(bodies),
        "same_output": first["output"] == second["output"],
    }


def measure_runs(site: Path, path: str, index: int, runs: int = 3) -> dict[str, Any]:
    """First and second Run of example ``index`` on the page at ``path``; medians of ``runs``.

    Returns:
        Seconds of the first and second Run (medians, and every run), the bytes
        transferred by the first Run (gzip, median) and how many requests it made.
    """
    with serve(site) as server:
        records = [_one_first_run(server.address(path), index) for _ in range(runs)]
    return {
        "page": "/" + path,
        "example": index,
        "first_run_seconds": statistics.median(r["first_ms"] for r in records) / 1000,
        "second_run_seconds": statistics.median(r["second_ms"] for r in records) / 1000,
        "first_run_bytes": statistics.median(r["bytes"] for r in records),
        "first_run_requests": max(r["requests"] for r in records),
        "runs": records,
    }
