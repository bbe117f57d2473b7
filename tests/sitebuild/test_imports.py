"""Only the MkDocs plugin speaks MkDocs: the rest of sitebuild is plain Python."""

from __future__ import annotations

import ast
from pathlib import Path

import sitebuild

PACKAGE = Path(sitebuild.__file__).parent
#: Packages of the site generator and its theme.
GENERATOR = {"mkdocs", "material", "mkdocs_static_i18n"}
#: The modules allowed to import them: the plugin (an adapter beside it would go here).
ADAPTERS = {"plugin.py"}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_plugin_imports_the_site_generator() -> None:
    importers = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if imported_packages(path) & GENERATOR
    }
    assert importers <= ADAPTERS, importers - ADAPTERS


def test_the_rule_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from mkdocs.utils import get_relative_url\n")
    assert "mkdocs" in imported_packages(module)
