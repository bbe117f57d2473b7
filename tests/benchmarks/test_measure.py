"""Counting lines and MkDocs imports of a package (on a small package made here)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.editloop import add_to_prose, add_to_pycon_block
from benchmarks.measure import mkdocs_importing_modules, sitebuild_files


def _package(root: Path) -> Path:
    package = root / "sitebuild"
    (package / "assets").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    (package / "__init__.py").write_text('"""Doc."""\n', encoding="utf-8")
    (package / "plugin.py").write_text("from mkdocs.plugins import BasePlugin\n", encoding="utf-8")
    (package / "adapter.py").write_text("def f():\n    import mkdocs.config\n", encoding="utf-8")
    (package / "pages.py").write_text("import markdown\n# import mkdocs\nx = 1\n", encoding="utf-8")
    (package / "assets" / "site.css").write_text("a {}\nb {}\n", encoding="utf-8")
    (package / "assets" / "font.woff2").write_bytes(b"\xff\xfe\x00binary")
    (package / "__pycache__" / "plugin.cpython-311.pyc").write_bytes(b"\x00\x01")
    return package


def test_every_text_file_counts_and_caches_and_binaries_do_not(tmp_path: Path) -> None:
    assert sitebuild_files(_package(tmp_path)) == {
        "__init__.py": 1,
        "adapter.py": 2,
        "assets/site.css": 2,
        "pages.py": 3,
        "plugin.py": 1,
    }


def test_modules_importing_mkdocs_are_found_by_syntax_not_by_text(tmp_path: Path) -> None:
    assert mkdocs_importing_modules(_package(tmp_path)) == ["sitebuild.adapter", "sitebuild.plugin"]


def test_the_real_package_is_counted() -> None:
    files = sitebuild_files()
    assert "__init__.py" in files
    assert sum(files.values()) > 0
    # The plugin, whatever its module is called, imports MkDocs.
    assert mkdocs_importing_modules()


def test_edits_for_the_edit_loop_leave_code_and_front_matter_alone() -> None:
    page = "---\ncounterpart: abc\n---\n# T\n\n```python\nprint(1)\n```\n\nProse here.\n"
    edited = add_to_prose(page, "benchedit0x")
    assert edited.splitlines()[-1] == "Prose here. benchedit0x"
    assert edited.replace(" benchedit0x", "") == page
    block = '```pycon exec="on" session="s"\n>>> x = 1\n```\n'
    edited, output = add_to_pycon_block(block, 41)
    assert output == "42"
    assert edited == '```pycon exec="on" session="s"\n>>> x = 1\n>>> 41 + 1\n42\n```\n'


def test_the_edit_loop_serves_as_dev_py_serve_does() -> None:
    from benchmarks.editloop import serve_flags

    # dev.py serve rebuilds only edited pages; timing a full rebuild instead would
    # measure a loop no contributor runs.
    assert "--dirty" in serve_flags()
