"""Readers run and edit the examples in the page (issue 14), in a real browser.

Every page with runnable examples, in both languages: Run on every runnable block
in page order gives the output the page shows (pycon: the transcript shown; python:
the output the build's own runner gives), with one Python runtime per page, and no
request leaves the site. Then a reader's bad code on one page: Stop and the time
limit end an endless loop and the next Run works; a traceback names the reader's
line; NumPy is refused in the page's language; megabytes of output are cut; the
controls work from the keyboard; Edit and Reset.

The runtime boots in seconds and SymPy imports slowly on this machine: the waits
are generous. The time limit is lowered for its test through the documented
``data-sb-time-limit`` attribute of ``<html>``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Locator

from benchmarks.localsite import Server, serve
from sitebuild.execution import Runner
from sitebuild.in_browser import OUTPUT_LIMIT
from sitebuild.pages import CodeBlock, read_page
from sitebuild.runnable import TEXTS, build_only_reasons
from tests.browser.audit import PHONE, axe_problems, horizontal_scroll_problems, walk_views
from tests.browser.conftest import LANGUAGES, Tab, page_paths, source_of
from tests.conftest import ROOT, run_build

pytestmark = pytest.mark.browser

#: A Run may have to boot Pyodide and import SymPy on a loaded 2-core machine.
RUN_TIMEOUT_MS = 240_000
#: The page the reader's-code tests use: pycon blocks, no SymPy; and one with python blocks.
PYCON_PAGE = "exponential/what-is/"
PYTHON_PAGE = "exponential/napier/"
RUNNABLE = '[data-sb-example="runnable"]'


def runnable_blocks(language: str, path: str) -> list[CodeBlock]:
    """The blocks of a page that the browser runs, in page order (as the build decides)."""
    executed = [b for b in read_page(source_of(language, path)).blocks if b.executes]
    return [
        b
        for b, reason in zip(executed, build_only_reasons(executed), strict=True)
        if reason is None
    ]


def _runnable_pages() -> list[tuple[str, str]]:
    return [
        (language, path)
        for language in LANGUAGES
        for path in page_paths()
        if runnable_blocks(language, path)
    ]


@functools.cache
def build_outputs(language: str, path: str) -> dict[int, str]:
    """What the build's runner gives each python block of a page, by first code line."""
    source = source_of(language, path)
    page = f"{language}/{source.relative_to(ROOT / 'docs' / language).as_posix()}"
    blocks = read_page(source).blocks
    runner = Runner()
    runner.start_page(page, source.relative_to(ROOT).as_posix(), blocks)
    outputs = {}
    for block in blocks:
        if block.executes and block.language == "python":
            outcome = runner.run(page, block)
            assert outcome.ok, f"the build's runner fails on {page}:{block.info_line}"
            outputs[block.first_code_line] = outcome.shown
    return outputs


@dataclass(frozen=True)
class Shown:
    """What a Run put under an example: its output (a ``<pre>``) and its notes."""

    output: str
    notes: list[str]


def examples(tab: Tab) -> Locator:
    return tab.page.locator(RUNNABLE)


def click(example: Locator, action: str) -> None:
    """Click a control, after opening the collapsed block around it (an exercise's answer)."""
    example.evaluate(
        "(node) => { for (let box = node.closest('details'); box;"
        " box = box.parentElement.closest('details')) box.open = true; }"
    )
    example.locator(f'[data-sb-action="{action}"]').click()


def wait_done(example: Locator, timeout: int = RUN_TIMEOUT_MS) -> Shown:
    """Wait until the example's Run has finished; return what it shows."""
    example.page.wait_for_function(
        "(node) => !node.hasAttribute('aria-busy')", arg=example.element_handle(), timeout=timeout
    )
    output = example.locator(".sb-example__output")
    pre = output.locator("pre code")
    return Shown(
        pre.text_content() or "" if pre.count() else "",
        output.locator(".sb-example__note").all_text_contents(),
    )


def run(example: Locator, timeout: int = RUN_TIMEOUT_MS) -> Shown:
    click(example, "run")
    return wait_done(example, timeout)


def wait_running(example: Locator, running: str) -> None:
    """Wait until the example's code runs (Python is loaded, the time limit counts)."""
    example.locator(".sb-example__note", has_text=running).wait_for(timeout=RUN_TIMEOUT_MS)


def edit(example: Locator, code: str) -> None:
    click(example, "edit")
    editor = example.locator("textarea")
    editor.fill(code)


def expected(example: Locator, language: str, path: str, index: int) -> str:
    """What the page shows for its ``index``-th runnable example: the transcript
    shown, or what the build's runner printed."""
    if example.get_attribute("data-sb-kind") == "pycon":
        return example.locator(".sb-example__shown pre code").text_content() or ""
    block = runnable_blocks(language, path)[index]
    return build_outputs(language, path)[block.first_code_line]


def where(language: str, path: str, block: CodeBlock) -> str:
    return f"{source_of(language, path).relative_to(ROOT).as_posix()}:{block.first_code_line}"


def text(language: str, key: str, **values: object) -> str:
    return TEXTS[language][key].format(**values)


@pytest.fixture
def open_page(site: Server, new_tab: Callable[..., Tab]) -> Callable[..., Tab]:
    def make(language: str, path: str, **options: object) -> Tab:
        tab = new_tab(site.origin, **options)
        tab.open(site.url(language, path))
        return tab

    return make


# --------------------------------------------------------------------------- same results


@pytest.mark.parametrize(
    ("language", "path"), _runnable_pages(), ids=lambda value: value.rstrip("/") or "home"
)
def test_every_runnable_block_gives_the_pages_output(
    open_page: Callable[..., Tab], language: str, path: str
) -> None:
    tab = open_page(language, path)
    blocks = runnable_blocks(language, path)
    shown_blocks = examples(tab)
    kinds = [example.get_attribute("data-sb-kind") for example in shown_blocks.all()]
    assert kinds == [block.language for block in blocks], (
        f"{language}/{path}: the page's runnable examples are not the Markdown's runnable blocks"
    )
    wrong_lines = []
    for index, block in enumerate(blocks):
        example = shown_blocks.nth(index)
        want = expected(example, language, path, index).rstrip("\n")
        shown = run(example)
        assert shown.output.rstrip("\n") == want, (
            f"{where(language, path, block)}: the browser's output differs from the page's\n"
            f"page:\n{want}\nbrowser:\n{shown.output}\nnotes: {shown.notes}"
        )
        assert shown.notes in ([], [text(language, "no_output")]), (
            f"{where(language, path, block)}: unexpected notes {shown.notes}"
        )
        if example.get_attribute("data-sb-line") != str(block.first_code_line):
            wrong_lines.append(
                f"{where(language, path, block)}: data-sb-line="
                f"{example.get_attribute('data-sb-line')}"
            )
    assert wrong_lines == [], wrong_lines
    assert tab.network.problems() == [], tab.network.problems()
    # One runtime per page: the runtime's files were fetched once.
    boots = [url for url in tab.network.requests if url.endswith("/pyodide.asm.wasm")]
    assert len(boots) == 1, boots


# --------------------------------------------------------------------------- a reader's code


def test_stop_ends_an_endless_loop_and_the_next_run_works(open_page: Callable[..., Tab]) -> None:
    language = "ja"
    tab = open_page(language, PYCON_PAGE)
    example = examples(tab).nth(1)
    edit(example, "while True: pass")
    click(example, "run")
    wait_running(example, text(language, "running"))
    stop = example.locator('[data-sb-action="stop"]')
    assert stop.is_visible()
    stop.click()
    shown = wait_done(example, timeout=5_000)
    assert shown.notes == [text(language, "stopped")]
    assert not stop.is_visible()
    click(example, "reset")
    # A new runtime, with the session's first block run again before this one.
    assert run(example).output.rstrip("\n") == expected(example, language, PYCON_PAGE, 1).rstrip(
        "\n"
    )
    assert tab.network.problems() == []


def test_the_time_limit_ends_an_endless_loop_without_stop(open_page: Callable[..., Tab]) -> None:
    language = "en"
    tab = open_page(language, PYCON_PAGE)
    tab.page.evaluate("document.documentElement.dataset.sbTimeLimit = '2'")
    example = examples(tab).nth(1)
    edit(example, ">>> while True:\n...     pass\n")
    shown = run(example)
    assert shown.notes == [text(language, "time_limit", seconds=2)]
    click(example, "reset")
    assert run(example).output.rstrip("\n") == expected(example, language, PYCON_PAGE, 1).rstrip(
        "\n"
    )


def test_a_traceback_names_the_readers_line(open_page: Callable[..., Tab]) -> None:
    tab = open_page("en", PYTHON_PAGE)
    example = examples(tab).first
    edit(example, "def inverse(x):\n    return 1 / x\n\nprint('before')\ninverse(0)\n")
    shown = run(example)
    assert shown.output.startswith("before\nTraceback (most recent call last):\n"), shown.output
    assert '  File "<code>", line 5, in <module>\n    inverse(0)\n' in shown.output, shown.output
    assert '  File "<code>", line 2, in inverse\n    return 1 / x\n' in shown.output, shown.output
    assert shown.output.rstrip().endswith("ZeroDivisionError: division by zero")
    assert "in_browser.py" not in shown.output
    assert "execution.py" not in shown.output


@pytest.mark.parametrize("language", LANGUAGES)
def test_numpy_is_refused_in_the_pages_language(
    open_page: Callable[..., Tab], language: str
) -> None:
    tab = open_page(language, PYCON_PAGE)
    example = examples(tab).first
    edit(example, ">>> import numpy as np\n")
    shown = run(example)
    assert shown.output.rstrip("\n").endswith(f"ModuleNotFoundError: {text(language, 'numpy')}"), (
        shown.output
    )


def test_megabytes_of_output_are_cut_with_a_note(open_page: Callable[..., Tab]) -> None:
    language = "ja"
    tab = open_page(language, PYTHON_PAGE)
    example = examples(tab).first
    edit(example, "for line in range(300_000):\n    print(f'{line:>9}')\n")  # 3 MB
    shown = run(example)
    assert len(shown.output) == OUTPUT_LIMIT
    assert shown.output.startswith("        0\n        1\n")
    assert shown.notes == [text(language, "output_cut", limit=f"{OUTPUT_LIMIT:,}")]


def test_the_controls_work_from_the_keyboard(open_page: Callable[..., Tab]) -> None:
    language = "en"
    tab = open_page(language, PYCON_PAGE)
    page = tab.page
    example = examples(tab).first
    for name in ("run", "edit", "reset"):
        assert example.locator(f'[data-sb-action="{name}"]').text_content() == text(language, name)

    def focused_action() -> str | None:
        return page.evaluate("document.activeElement.dataset.sbAction ?? null")  # type: ignore[no-any-return]

    # Tab from the link before the example's controls (its shown code and buttons follow).
    example.locator(".sb-example__shown").evaluate(
        "(node) => { const a = document.createElement('a'); a.href = '#'; a.textContent = 'x';"
        " node.before(a); a.focus(); }"
    )
    for _ in range(5):
        page.keyboard.press("Tab")
        if focused_action() == "run":
            break
    assert focused_action() == "run"
    page.keyboard.press("Tab")
    assert focused_action() == "edit"
    page.keyboard.press("Tab")
    assert focused_action() == "reset"
    # Enter on Run runs; Space on Edit opens the editor and moves the focus into it.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert wait_done(example).output.rstrip("\n") == expected(
        example, language, PYCON_PAGE, 0
    ).rstrip("\n")
    example.locator('[data-sb-action="edit"]').focus()
    page.keyboard.press(" ")
    editor = example.locator("textarea")
    assert editor.evaluate("(node) => node === document.activeElement")
    assert editor.get_attribute("aria-label") == text(language, "edit_label")
    # Ctrl+Enter in the editor runs the edited code.
    editor.fill(">>> 6 * 7\n")
    page.keyboard.press("Control+Enter")
    assert wait_done(example).output == ">>> 6 * 7\n42"
    example.locator('[data-sb-action="reset"]').focus()
    page.keyboard.press("Enter")
    assert example.locator("textarea").count() == 0
    assert example.locator(".sb-example__output").inner_text() == ""


@pytest.mark.parametrize(("path", "index"), [(PYCON_PAGE, 0), (PYTHON_PAGE, 0)])
def test_edit_and_run_shows_the_new_output_and_reset_restores(
    open_page: Callable[..., Tab], path: str, index: int
) -> None:
    language = "ja"
    tab = open_page(language, path)
    example = examples(tab).nth(index)
    page_code = example.locator("[data-sb-source], .sb-example__shown pre code").first
    original = page_code.text_content()
    if example.get_attribute("data-sb-kind") == "pycon":
        edit(example, ">>> 3 ** 4\n>>> print('三の四乗')\n")
        assert run(example).output == ">>> 3 ** 4\n81\n>>> print('三の四乗')\n三の四乗"
    else:
        edit(example, "print(3 ** 4)\n")
        assert run(example).output == "81\n"
    click(example, "reset")
    assert example.locator("textarea").count() == 0
    assert page_code.is_visible()
    assert page_code.text_content() == original
    assert example.locator(".sb-example__output").inner_text() == ""
    assert run(example).output.rstrip("\n") == expected(example, language, path, index).rstrip("\n")
    assert tab.network.problems() == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_controls_editor_and_output_pass_axe_in_every_view(
    open_page: Callable[..., Tab], screenshots: Path, language: str
) -> None:
    """axe finds nothing and the page never scrolls sideways, in both palettes at both
    widths, with an output, an error, a note and an open editor on the page."""
    tab = open_page(language, PYTHON_PAGE, viewport=PHONE)
    blocks = examples(tab)
    run(blocks.nth(0))  # a wide table as output
    edit(blocks.nth(1), ">>> 1 / 0\n")
    run(blocks.nth(1))  # a traceback
    edit(blocks.nth(2), "x = 1\n")
    run(blocks.nth(2))  # the no-output note
    edit(blocks.nth(3), "print('edited')\n")  # an open editor

    def check(palette: str, width: str) -> list[str]:
        blocks.nth(1).screenshot(path=screenshots / f"runner-{language}-{width}-{palette}.png")
        return axe_problems(tab.page) + horizontal_scroll_problems(tab.page)

    assert walk_views(tab.page, check) == []


# --------------------------------------------------------------------------- where it runs


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_only_read_loads_nothing_of_the_runtime(
    open_page: Callable[..., Tab], language: str
) -> None:
    tab = open_page(language, PYCON_PAGE)
    assert examples(tab).first.locator('[data-sb-action="run"]').is_visible()
    runner = [url for url in tab.network.requests if "/assets/runner" in url]
    assert sorted(url.rsplit("/", 1)[1] for url in runner) == ["runner.css", "runner.js"]
    runtime = [url for url in tab.network.requests if "/assets/pyodide/" in url]
    assert runtime == [], runtime


def test_runs_go_on_offline_once_python_is_loaded(open_page: Callable[..., Tab]) -> None:
    language = "en"
    tab = open_page(language, PYCON_PAGE)
    assert run(examples(tab).first).output
    tab.page.context.set_offline(True)
    last = examples(tab).count() - 1
    example = examples(tab).nth(last)
    assert run(example).output.rstrip("\n") == expected(example, language, PYCON_PAGE, last).rstrip(
        "\n"
    )
    edit(example, ">>> 2 ** 10")
    assert run(example).output == ">>> 2 ** 10\n1024"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The site built for a project site under a subpath, as GitHub Pages serves it."""
    site = tmp_path_factory.mktemp("subpath") / "site"
    build = run_build(ROOT, site, env={"SITE_URL": "http://127.0.0.1:8000/exponential-function/"})
    assert build.returncode == 0, build.output
    with serve(site) as server:
        yield server


@pytest.mark.parametrize("language", LANGUAGES)
def test_runs_from_a_site_under_a_subpath(
    subpath_site: Server, new_tab: Callable[..., Tab], language: str
) -> None:
    assert subpath_site.base_path == "/exponential-function/"
    tab = new_tab(subpath_site.origin)
    tab.open(subpath_site.url(language, PYCON_PAGE))
    example = examples(tab).last
    want = example.locator(".sb-example__shown pre code").text_content() or ""
    assert run(example).output.rstrip("\n") == want.rstrip("\n")
    outside = [url for url in tab.network.requests if not url.startswith(subpath_site.address())]
    assert outside == [], outside
    assert tab.network.problems() == [], tab.network.problems()


def test_a_failed_download_ends_the_load_with_a_message(open_page: Callable[..., Tab]) -> None:
    language = "ja"
    tab = open_page(language, PYCON_PAGE)
    context = tab.page.context
    context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    example = examples(tab).first
    shown = run(example, timeout=60_000)  # Pyodide alone would wait forever
    assert len(shown.notes) == 1
    assert shown.notes[0].startswith(text(language, "load_failed"))
    assert "pyodide.asm.wasm" in shown.notes[0]
    context.unroute("**/pyodide.asm.wasm")
    want = expected(example, language, PYCON_PAGE, 0)
    assert run(example).output.rstrip("\n") == want.rstrip("\n")
