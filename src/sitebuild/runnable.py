"""Which examples a reader can run in the browser, and the markup around every example.

The browser runs Python with Pyodide, which has no NumPy or matplotlib here. A block
is *build-only* when it draws a figure (``html="1"``), imports NumPy, matplotlib or
the parts of the teaching library built on them, or says ``run="build"`` (its output
depends on the platform). Every other executed block is *runnable*: the build wraps
it with controls (Run, Edit, Reset, Stop) that ``assets/runner.js`` brings to life.
A build-only block gets a note instead, in the page's language, where the controls
would be. :func:`runner_texts` gives the runner its messages in the page's language.
"""

from __future__ import annotations

import ast
import doctest
import html
import json
import sys

from sitebuild.pages import CodeBlock

__all__ = [
    "BROWSER_PACKAGES",
    "BUILD_ONLY_MODULES",
    "RUNNABLE",
    "TEXTS",
    "build_only_reason",
    "build_only_reasons",
    "imported_modules",
    "is_build_only_module",
    "runner_texts",
    "wrap_example",
]

#: Modules (and their submodules) that the browser cannot import: no Pyodide build
#: of NumPy or matplotlib can be served, and these parts of aimath import them.
BUILD_ONLY_MODULES = ("numpy", "matplotlib", "aimath.plots", "aimath.plots_calculus", "aimath.ml")
#: What the browser has besides Python's standard library (see browser_runtime).
BROWSER_PACKAGES = frozenset({"aimath", "sympy", "mpmath"})
_BROWSER_MODULES = BROWSER_PACKAGES | sys.stdlib_module_names

#: Everything the controls, notes and runner say, per language. ``note_*`` keys are
#: the reasons of :func:`build_only_reason`.
TEXTS: dict[str, dict[str, str]] = {
    "ja": {
        "run": "実行",
        "edit": "編集",
        "reset": "元に戻す",
        "stop": "停止",
        "code": "この出力を作ったコード",
        "note_figure": "この図はサイトのビルド時に描かれます（ブラウザーで動く Python には NumPy と matplotlib がないためです）。",
        "note_numpy": "この例はサイトのビルド時にだけ実行されます（ブラウザーで動く Python には NumPy と matplotlib がないためです）。",
        "note_platform": "この例はサイトのビルド時にだけ実行されます（出力が実行環境や Python のバージョンによって変わるためです）。",
        "note_session": "この例はサイトのビルド時にだけ実行されます（上にある、ビルド時にだけ実行される例で定義したものを使うためです）。",
        "note_module": "この例はサイトのビルド時にだけ実行されます（ブラウザーで動く Python にはないモジュールを使うためです）。",
        "loading": "Python を読み込んでいます…",
        "running": "実行しています…",
        "stopped": "実行を停止しました。もう一度「実行」を押すと、最初からやり直します。",
        "time_limit": "{seconds} 秒以内に終わらなかったため、停止しました。もう一度「実行」を押すと、最初からやり直します。",
        "output_cut": "出力が長すぎるため、最初の {limit} 文字だけを表示しています。",
        "earlier_failed": "上にある例（ページのソースの {line} 行目）でエラーが起きたため、この例は実行されませんでした。その例の出力です:",
        "numpy": "ブラウザーで動く Python には、NumPy と matplotlib、およびそれらを使う aimath のモジュールがありません。これらはサイトのビルド時にだけ動きます。",
        "edit_label": "編集できるコード",
        "output_label": "実行結果",
        "no_output": "（出力はありません）",
        "load_failed": "Python を読み込めませんでした:",
    },
    "en": {
        "run": "Run",
        "edit": "Edit",
        "reset": "Reset",
        "stop": "Stop",
        "code": "The code behind this output",
        "note_figure": "This figure is drawn when the site is built (the Python in your browser has no NumPy or matplotlib).",
        "note_numpy": "This example runs only when the site is built (the Python in your browser has no NumPy or matplotlib).",
        "note_platform": "This example runs only when the site is built (its output depends on the platform or the Python version).",
        "note_session": "This example runs only when the site is built (it uses something defined by an example above that runs only then).",
        "note_module": "This example runs only when the site is built (it imports a module that the Python in your browser does not have).",
        "loading": "Loading Python…",
        "running": "Running…",
        "stopped": "Stopped. Press Run to start again from the beginning.",
        "time_limit": "Stopped: the code did not finish within {seconds} seconds. Press Run to start again from the beginning.",
        "output_cut": "The output is too long: only its first {limit} characters are shown.",
        "earlier_failed": "An example above (line {line} of the page's source) raised an error, so this one did not run. Its output:",
        "numpy": "The Python in your browser has no NumPy or matplotlib, nor the aimath modules that use them. They run only when the site is built.",
        "edit_label": "Code you can edit",
        "output_label": "Output",
        "no_output": "(no output)",
        "load_failed": "Python could not be loaded:",
    },
}


def _tree(block: CodeBlock) -> ast.Module | None:
    code = block.code
    if block.language == "pycon":
        examples = doctest.DocTestParser().get_examples(code)
        code = "\n".join(example.source for example in examples)
    try:
        return ast.parse(code)
    except SyntaxError:
        return None


def _names(block: CodeBlock) -> tuple[set[str], set[str]]:
    """The names a block binds and the names it reads."""
    bound: set[str] = set()
    read: set[str] = set()
    for node in ast.walk(_tree(block) or ast.Module(body=[], type_ignores=[])):
        if isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.arg):  # a parameter, of a lambda too
            bound.add(node.arg)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            bound.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return bound, read


#: The mark of a runnable example in a built page.
RUNNABLE = 'data-sb-example="runnable"'


def imported_modules(block: CodeBlock) -> set[str]:
    r"""The modules a block imports, by name (``from a.b import c`` gives ``a.b``).

    Code that does not parse imports nothing that can be seen.

    Examples:
        >>> sorted(imported_modules(CodeBlock("python", code="import numpy as np\nimport math")))
        ['math', 'numpy']
        >>> imported_modules(CodeBlock("pycon", code=">>> from aimath.ml import softmax\n"))
        {'aimath.ml'}
    """
    names: set[str] = set()
    for node in ast.walk(_tree(block) or ast.Module(body=[], type_ignores=[])):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def build_only_reason(block: CodeBlock) -> str | None:
    """Why a block runs only at build time, or None when the browser can run it.

    The reasons: ``platform`` (the fence says ``run="build"``), ``figure``, ``numpy``
    (it imports a build-only module) and ``module`` (a module the browser lacks).

    Examples:
        >>> build_only_reason(CodeBlock("python", {"exec": "on", "html": "1"}))
        'figure'
        >>> build_only_reason(CodeBlock("pycon", {"exec": "on", "run": "build"}))
        'platform'
        >>> build_only_reason(CodeBlock("python", {"exec": "on"}, code="import benchmarks"))
        'module'
        >>> build_only_reason(CodeBlock("pycon", {"exec": "on"}, code=">>> 2 ** 10"))
    """
    if block.options.get("run") == "build":
        return "platform"
    if block.shows_html:
        return "figure"
    names = imported_modules(block)
    if any(is_build_only_module(name) for name in names):
        return "numpy"
    if any(name.split(".")[0] not in _BROWSER_MODULES for name in names):
        return "module"
    return None


def is_build_only_module(name: str) -> bool:
    """Whether ``name`` is one of :data:`BUILD_ONLY_MODULES` or inside one.

    Examples:
        >>> is_build_only_module("numpy.linalg"), is_build_only_module("aimath.exponential")
        (True, False)
    """
    return any(name == module or name.startswith(f"{module}.") for module in BUILD_ONLY_MODULES)


def build_only_reasons(blocks: list[CodeBlock]) -> list[str | None]:
    r""":func:`build_only_reason` of each executed block of a page, in page order.

    A block that reads a name which, in its session, only build-only blocks before
    it have bound is build-only too (reason ``session``): the browser skips those.

    Examples:
        >>> figure = CodeBlock("python", {"exec": "on", "html": "1"}, code="import numpy as np")
        >>> uses = CodeBlock("pycon", {"exec": "on"}, code=">>> np.pi")
        >>> alone = CodeBlock("pycon", {"exec": "on"}, code=">>> import math\n>>> math.pi")
        >>> build_only_reasons([figure, uses, alone])
        ['figure', 'session', None]
    """
    reasons: list[str | None] = []
    runnable_names: dict[str, set[str]] = {}
    build_only_names: dict[str, set[str]] = {}
    for block in blocks:
        bound, read = _names(block)
        runnable = runnable_names.setdefault(block.session, set())
        only_at_build = build_only_names.setdefault(block.session, set())
        reason = build_only_reason(block)
        if reason is None and (read - bound - runnable) & only_at_build:
            reason = "session"
        (runnable if reason is None else only_at_build).update(bound)
        reasons.append(reason)
    return reasons


def _texts(language: str) -> dict[str, str]:
    # A page in a language without a table speaks English.
    return TEXTS.get(language, TEXTS["en"])


def wrap_example(
    shown: str, block: CodeBlock, session: str, language: str, reason: str | None
) -> str:
    r"""Wrap what the build shows for ``block`` with its controls, or its build-only note.

    The markup is the contract with ``assets/runner.js``: see the contributor guide.

    Examples:
        >>> block = CodeBlock("pycon", {"exec": "on"}, code=">>> 1 + 1\n2", info_line=4)
        >>> markup = wrap_example("<pre>…</pre>", block, "en/p.md#", "en", None)
        >>> 'data-sb-example="runnable"' in markup, '>Run</button>' in markup
        (True, True)
    """
    text = _texts(language)
    attributes = (
        f'class="sb-example" data-sb-kind="{block.language}" '
        f'data-sb-session="{html.escape(session)}" data-sb-line="{block.first_code_line}"'
    )
    shown = f'<div class="sb-example__shown">{shown}</div>'
    if reason is not None:
        note = f'<p class="sb-example__note" data-search-exclude>{text[f"note_{reason}"]}</p>'
        return f'<div {attributes} data-sb-example="build-only">{shown}{note}</div>'
    code = ""
    if block.language == "python":
        code = (
            f'<details class="sb-example__code" data-search-exclude><summary>{text["code"]}'
            f'</summary><pre><code class="language-python" data-sb-source>'
            f"{html.escape(block.code)}</code></pre></details>"
        )
    buttons = "".join(
        f'<button type="button" class="sb-example__button" data-sb-action="{action}"'
        f"{' hidden' if action == 'stop' else ''}>{text[action]}</button>"
        for action in ("run", "edit", "reset", "stop")
    )
    return (
        f"<div {attributes} {RUNNABLE}>{shown}{code}"
        f'<div class="sb-example__controls" data-search-exclude hidden>{buttons}</div>'
        f'<div class="sb-example__output" data-search-exclude aria-live="polite"></div></div>'
    )


def runner_texts(language: str) -> str:
    """The runner's messages for a page in ``language``, as the script element it reads.

    Examples:
        >>> runner_texts("ja").startswith('<script type="application/json" id="sb-runner-text">')
        True
    """
    messages = {
        key: value for key, value in _texts(language).items() if not key.startswith("note_")
    }
    data = json.dumps(messages, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="sb-runner-text">{data}</script>'
