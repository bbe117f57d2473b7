"""Bad input fails the build (or the tests) with a message that says where."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_build

pytestmark = pytest.mark.build

MakeProject = Callable[[dict[str, str]], Path]


def pages(ja_body: str, en_body: str = "# Home\n\nFine.\n") -> dict[str, str]:
    return {"ja/index.md": ja_body, "en/index.md": en_body}


def test_a_small_valid_project_builds(make_project: MakeProject, tmp_path: Path) -> None:
    project = make_project(pages("# ホーム\n\n\\(a^x\\)\n"))
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output


def test_fonts_keep_a_character_only_the_second_language_uses(
    make_project: MakeProject, tmp_path: Path
) -> None:
    from fontTools.ttLib import TTFont

    # The Japanese build starts the font subsetting with its own characters; Ω
    # comes only with the English page, built afterwards.
    project = make_project(pages("# ホーム\n\n\\(a^x\\)\n", "# Home\n\n\\(\\Omega\\)\n"))
    build = run_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    fonts = tmp_path / "site/assets/katex/fonts"
    assert ord("Ω") in TTFont(fonts / "KaTeX_Main-Regular.woff2").getBestCmap()
    assert ord("a") in TTFont(fonts / "KaTeX_Math-Italic.woff2").getBestCmap()


@pytest.mark.parametrize("front_matter", ["", "---\nsearch:\n  boost: 2\n---\n\n"])
def test_example_that_raises_fails_the_build_naming_the_page(
    make_project: MakeProject, tmp_path: Path, front_matter: str
) -> None:
    # Lines count from the top of the file, front matter included.
    shift = front_matter.count("\n")
    body = (
        f'{front_matter}# ホーム\n\n```python exec="on"\nx = 1\nraise RuntimeError("boom")\n```\n'
    )
    build = run_build(make_project(pages(body)), tmp_path / "site")
    assert build.returncode != 0
    assert f"docs/ja/index.md:{4 + shift}" in build.output
    assert f'File "docs/ja/index.md", line {5 + shift}' in build.output
    assert "RuntimeError: boom" in build.output


def test_wrong_written_output_fails_the_build_with_file_and_line(
    make_project: MakeProject, tmp_path: Path
) -> None:
    body = '# ホーム\n\n```pycon exec="on"\n>>> 2 ** 3\n9\n```\n'
    build = run_build(make_project(pages(body)), tmp_path / "site")
    assert build.returncode != 0
    assert "docs/ja/index.md:4: written output differs from the real output" in build.output


def test_tex_error_fails_the_build_naming_page_and_formula(
    make_project: MakeProject, tmp_path: Path
) -> None:
    body = "# Home\n\n$$\n\\frac{1}{a^{x} \\tag{1.2}\n$$\n"
    build = run_build(make_project(pages("# ホーム\n", body)), tmp_path / "site")
    assert build.returncode != 0
    assert "en/index.md: KaTeX cannot render the formula" in build.output
    assert "\\\\frac{1}{a^{x} \\\\tag{1.2}" in build.output


def test_page_in_one_language_only_fails_the_build(
    make_project: MakeProject, tmp_path: Path
) -> None:
    files = {**pages("# ホーム\n"), "ja/extra.md": "# 追加\n"}
    build = run_build(make_project(files), tmp_path / "site")
    assert build.returncode != 0
    assert "docs/ja/extra.md has no counterpart" in build.output
    assert "docs/en/extra.md is missing" in build.output


def test_missing_katex_says_to_run_npm_ci(make_project: MakeProject, tmp_path: Path) -> None:
    project = make_project(pages("# ホーム\n"))
    (project / "node_modules").unlink()
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "KaTeX is not installed" in build.output
    assert "run `npm ci`" in build.output


def test_missing_node_says_what_to_install(make_project: MakeProject, tmp_path: Path) -> None:
    project = make_project(pages("# ホーム\n"))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    build = run_build(project, tmp_path / "site", env={"PATH": str(bin_dir)})
    assert build.returncode != 0
    assert "`node` is not on PATH" in build.output
    assert "install Node.js 18 or newer" in build.output


def test_wrong_written_output_fails_the_tests_at_file_and_line(
    make_project: MakeProject,
) -> None:
    body = '# ホーム\n\nText.\n\n```pycon exec="on"\n>>> 1 + 1\n2\n>>> 2 ** 3\n9\n```\n'
    project = make_project(pages(body))
    (project / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\naddopts = ["-p", "sitebuild.pytest_examples"]\n'
    )
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "docs", "-q", "-p", "no:cacheprovider"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=120,
    )
    assert completed.returncode == 1, completed.stdout
    assert "docs/ja/index.md:8: written output differs from the real output" in completed.stdout
    assert "1 failed in" in completed.stdout
