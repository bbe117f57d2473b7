"""What the browser runs (sitebuild.in_browser), checked under CPython.

The browser tests (tests/browser/test_runner.py) run the same module in Pyodide.
"""

from __future__ import annotations

import importlib
import sys
import tracemalloc

import pytest

from sitebuild.execution import run_pycon
from sitebuild.in_browser import NUMPY_MESSAGE, OUTPUT_LIMIT, Block, Runtime

SESSION = "en/page.md#"


def python(code: str, line: int = 1) -> Block:
    return Block(SESSION, line, "python", code)


def pycon(code: str, line: int = 1) -> Block:
    return Block(SESSION, line, "pycon", code)


# --------------------------------------------------------------------------- tracebacks


def test_a_traceback_points_at_the_readers_line_and_shows_it() -> None:
    result = Runtime().run([python("x = 1\nprint('so far')\ny = x / 0\n", line=40)])
    assert result.status == "error"
    assert result.output == (
        "so far\n"
        "Traceback (most recent call last):\n"
        '  File "<code>", line 3, in <module>\n'
        "    y = x / 0\n"
        "        ~~^~~\n"
        "ZeroDivisionError: division by zero\n"
    )


def test_a_traceback_leaves_out_the_runners_frames_and_keeps_the_librarys() -> None:
    code = "from aimath.exponential.powers import integer_power\ninteger_power(0, -1)\n"
    output = Runtime().run([python(code)]).output
    assert "in_browser.py" not in output
    assert "execution.py" not in output
    assert '  File "<code>", line 2, in <module>\n    integer_power(0, -1)\n' in output
    assert "aimath/exponential/powers.py" in output


def test_code_of_an_earlier_run_is_named_so_with_its_own_line() -> None:
    runtime = Runtime()
    runtime.run([python("def inverse(x):\n    return 1 / x\n")])
    output = runtime.run([python("print(1)\nprint(2)\ninverse(0)\n", line=9)]).output
    assert '  File "<code>", line 3, in <module>\n    inverse(0)\n' in output
    assert '  File "<earlier code>", line 2, in inverse\n    return 1 / x\n' in output


def test_a_syntax_error_names_the_readers_line() -> None:
    output = Runtime().run([python("x = 1\nprint(x +)\n")]).output
    assert '  File "<code>", line 2\n    print(x +)\n' in output
    assert output.rstrip().endswith("SyntaxError: invalid syntax")


# --------------------------------------------------------------------------- output


def test_output_is_cut_at_the_limit() -> None:
    result = Runtime().run([python("print('x' * 250_000)")])
    assert (len(result.output), result.cut, result.limit) == (OUTPUT_LIMIT, True, OUTPUT_LIMIT)
    assert result.status == "ok"
    small = Runtime(limit=10).run([pycon(">>> print('abcdefghijklmnop')")])
    assert (small.output, small.cut) == (">>> print(", True)


def test_output_within_the_limit_is_whole() -> None:
    result = Runtime().run([python(f"print('x' * {OUTPUT_LIMIT - 1})")])
    assert (len(result.output), result.cut) == (OUTPUT_LIMIT, False)


# --------------------------------------------------------------------------- build-only modules


@pytest.mark.parametrize(
    "statement",
    [
        "import numpy",
        "import numpy as np",
        "import numpy.linalg",
        "from numpy import exp",
        "from matplotlib import pyplot",
        "import matplotlib.pyplot as plt",
        "from aimath.ml import softmax",
        "import aimath.plots",
    ],
)
def test_build_only_modules_are_refused_with_the_pages_message(statement: str) -> None:
    # NumPy is installed here and may be imported already: the refusal holds anyway.
    importlib.import_module("numpy")
    message = "NumPy はビルド時にだけ動きます。"
    runtime = Runtime(numpy_message=message)
    python_output = runtime.run([python(statement)]).output
    assert python_output.rstrip().endswith(f"ModuleNotFoundError: {message}"), python_output
    pycon_output = runtime.run([pycon(f">>> {statement}")]).output
    assert pycon_output == (
        f">>> {statement}\nTraceback (most recent call last):\n  ...\n"
        f"ModuleNotFoundError: {message}"
    )


def test_the_refusal_has_an_english_default_and_ends_with_the_run() -> None:
    output = Runtime(numpy_message="").run([python("import numpy")]).output
    assert output.rstrip().endswith(f"ModuleNotFoundError: {NUMPY_MESSAGE}")
    finders = list(sys.meta_path)
    Runtime().run([python("x = 1")])
    assert sys.meta_path == finders
    assert importlib.import_module("numpy.linalg")  # outside a Run, nothing is refused


def test_other_imports_work() -> None:
    result = Runtime().run(
        [python("import math\nfrom fractions import Fraction\nprint(Fraction(1, 3))")]
    )
    assert result.output == "1/3\n"


# --------------------------------------------------------------------------- pycon


def test_a_pycon_edit_without_prompts_runs_as_python() -> None:
    result = Runtime().run([pycon("x = 6 * 7\nprint(x)\n")])
    assert (result.output, result.status) == ("42\n", "ok")
    failed = Runtime().run([pycon("x = 1\n1 / 0\n")])
    assert failed.status == "error"
    assert '  File "<code>", line 2, in <module>\n    1 / 0\n' in failed.output


def test_a_pycon_transcript_is_run_pycons() -> None:
    code = (
        ">>> from fractions import Fraction\n"
        ">>> Fraction(1, 3) + 1\n"
        "Fraction(4, 3)\n"
        ">>> for k in range(2):\n"
        "...     print(k)  # doctest: +NORMALIZE_WHITESPACE\n"
        "0\n1\n"
        ">>> 0 ** -1\n"
        "Traceback (most recent call last):\n  ...\nZeroDivisionError: wrong on purpose\n"
        ">>> 2 ** 10\n"
        "9\n"
    )
    transcript, _ = run_pycon(code, filename="p.md", first_line=1, namespace={})
    result = Runtime().run([pycon(code)])
    assert (result.output, result.status) == (transcript, "ok")


# Every runnable block of every page, in this runtime against the build:
# tests/sitebuild/test_runnable.py.


# --------------------------------------------------------------------------- replay


def test_earlier_blocks_run_once_and_again_when_their_code_changed() -> None:
    runtime = Runtime()
    first = python("runs = globals().get('runs', 0) + 1\nx = 2", line=1)
    assert runtime.run([first, python("print(runs, x)", line=5)]).replayed == 1
    result = runtime.run([first, python("print(runs, x)", line=9)])
    assert (result.output, result.replayed) == ("1 2\n", 0)
    edited = python("runs = globals().get('runs', 0) + 1\nx = 3", line=1)
    result = runtime.run([edited, python("print(runs, x)", line=9)])
    assert (result.output, result.replayed) == ("2 3\n", 1)


def test_an_earlier_failure_ends_the_run_and_is_not_remembered() -> None:
    runtime = Runtime()
    broken = python("print('earlier')\nundefined_name", line=3)
    result = runtime.run([broken, python("print('target')", line=8)])
    assert (result.status, result.line) == ("earlier-failed", 3)
    assert result.output.startswith("earlier\nTraceback (most recent call last):\n")
    assert "NameError: name 'undefined_name' is not defined" in result.output
    fixed = python("print('earlier')", line=3)
    result = runtime.run([fixed, python("print('target')", line=8)])
    assert (result.status, result.output, result.replayed) == ("ok", "target\n", 1)


def test_sessions_do_not_share_names() -> None:
    runtime = Runtime()
    runtime.run([Block("en/p.md#a", 1, "python", "x = 1")])
    output = runtime.run([Block("en/p.md#b", 5, "pycon", ">>> x")]).output
    assert output.endswith("NameError: name 'x' is not defined")


def test_run_json_is_run_for_the_worker() -> None:
    request = '[{"session": "s", "line": 2, "kind": "pycon", "code": ">>> print(\\"é\\")"}]'
    lines: list[int] = []
    answer = Runtime().run_json(request, lines.append)
    assert answer == (
        '{"output": ">>> print(\\"é\\")\\né", "status": "ok", "cut": false, "line": 2, '
        '"replayed": 0, "limit": 100000}'
    )
    assert lines == [2]


@pytest.mark.parametrize("kind", ["python", "pycon"])
def test_output_past_the_limit_is_not_kept_while_the_code_runs(kind: str) -> None:
    # 200,000 lines of 100 characters: 20 MB if printing were kept until the end.
    loop = "for _ in range(200_000):\n    print('x' * 99)\n"
    code = loop if kind == "python" else ">>> " + loop.replace("\n    ", "\n...     ")
    tracemalloc.start()
    try:
        result = Runtime().run([Block("en/p.md#", 1, kind, code)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.cut
    assert peak < 5_000_000, f"{peak:,} bytes held while printing"
