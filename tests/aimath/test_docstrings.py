"""Docstrings are Markdown (no Sphinx roles) and every public callable has a runnable example.

The API reference renders docstrings with mkdocstrings as Markdown: a Sphinx role
such as ``:func:`name``` would be shown literally. Math goes in ``\\( \\)``,
cross-references are written ``[`name`][aimath.module.name]``.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import itertools
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import aimath

SOURCE = Path(aimath.__file__).resolve().parent
# A role is ":name:" directly followed by a backtick, e.g. :math:`x` or :func:`f`.
SPHINX_ROLE = re.compile(r":[a-z]+:`")
EXAMPLES_SECTION = re.compile(r"^\s*Examples:\s*$", re.MULTILINE)


def docstrings(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """Yield (line, text) for every docstring in a module's syntax tree.

    That is the docstring of the module, of every class and function (private,
    nested and overloads included) and every attribute docstring (a string
    right after an assignment, which mkdocstrings shows too).
    """
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            text = ast.get_docstring(node, clean=False)
            if text is not None:
                yield (node.body[0].lineno, text)
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for previous, statement in itertools.pairwise(body):
                if (
                    isinstance(previous, ast.Assign | ast.AnnAssign)
                    and isinstance(statement, ast.Expr)
                    and isinstance(statement.value, ast.Constant)
                    and isinstance(statement.value.value, str)
                ):
                    yield (statement.lineno, statement.value.value)


SOURCE_FILES = sorted(SOURCE.rglob("*.py"))


def test_the_scan_sees_the_whole_package() -> None:
    names = {path.relative_to(SOURCE).as_posix() for path in SOURCE_FILES}
    assert {"__init__.py", "exponential/powers.py", "ml/decay.py", "plots.py"} <= names
    counted = sum(
        len(list(docstrings(ast.parse(path.read_text(encoding="utf-8"))))) for path in SOURCE_FILES
    )
    assert counted > 100


@pytest.mark.parametrize("path", SOURCE_FILES, ids=lambda path: path.relative_to(SOURCE).as_posix())
def test_no_docstring_uses_a_sphinx_role(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [
        f"{path.name}:{line}: {match.group(0)}"
        for line, text in docstrings(tree)
        for match in SPHINX_ROLE.finditer(text)
    ]
    assert not found, "Sphinx roles (write Markdown instead):\n" + "\n".join(found)


def test_the_role_pattern_catches_roles() -> None:
    tree = ast.parse('def f():\n    """Use :func:`g` and :math:`x^2`."""\n')
    [(_, text)] = docstrings(tree)
    assert SPHINX_ROLE.findall(text) == [":func:`", ":math:`"]
    assert not SPHINX_ROLE.search("Returns: see [`g`][aimath.m.g] and \\(x^2\\).")


def public_modules() -> list[ModuleType]:
    modules = [aimath]
    for info in pkgutil.walk_packages(aimath.__path__, prefix="aimath."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            modules.append(importlib.import_module(info.name))
    return modules


def public_callables() -> list[tuple[str, object]]:
    found: dict[str, object] = {}
    for module in public_modules():
        names = getattr(module, "__all__", None)
        if names is None:
            names = [name for name in vars(module) if not name.startswith("_")]
        for name in names:
            value = getattr(module, name)
            if inspect.isfunction(value) or inspect.isclass(value):
                home = f"{value.__module__}.{value.__qualname__}"
                if home.startswith("aimath."):
                    found.setdefault(home, value)
    return sorted(found.items())


PUBLIC_CALLABLES = public_callables()


def test_public_callables_are_found() -> None:
    names = {name for name, _ in PUBLIC_CALLABLES}
    assert {
        "aimath.exponential.powers.integer_power",
        "aimath.exponential.derivatives.CentralDifferenceError",
        "aimath.ml.softmax.softmax",
        "aimath.plots.function_plot_svg",
    } <= names


@pytest.mark.parametrize(("name", "value"), PUBLIC_CALLABLES, ids=[n for n, _ in PUBLIC_CALLABLES])
def test_every_public_callable_has_an_example(name: str, value: object) -> None:
    doc = inspect.getdoc(value) or ""
    section = EXAMPLES_SECTION.search(doc)
    assert section is not None, f"{name} has no Examples: section"
    assert re.search(r"^\s*>>> ", doc[section.end() :], re.MULTILINE), (
        f"{name}: its Examples: section has no >>> line"
    )
