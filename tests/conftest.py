"""Fixtures shared by the test suites: building the real site, or a small one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Build:
    """The outcome of one ``mkdocs build --strict``."""

    returncode: int
    output: str
    site: Path

    def page(self, url_path: str) -> str:
        """Return the HTML of the page at ``url_path`` (e.g. ``"en/"``)."""
        return (self.site / url_path / "index.html").read_text(encoding="utf-8")


def run_build(project: Path, site: Path, *, env: dict[str, str] | None = None) -> Build:
    """Run a strict build of ``project`` into ``site`` in a fresh process."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    return Build(completed.returncode, completed.stdout + completed.stderr, site)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The whole real site, built once per test session with ``--strict``."""
    build = run_build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert build.returncode == 0, build.output
    return build


def write_project(project: Path, pages: dict[str, str]) -> Path:
    """Write a small project with the real configuration and the given pages.

    ``pages`` maps paths under ``docs/`` (e.g. ``"ja/index.md"``) to Markdown.
    The nav lists the ja pages in order; node_modules is linked from the real project.
    """
    project.mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    head, _, rest = config.partition("\nnav:\n")
    _, _, tail = rest.partition("\nplugins:\n")
    nav = "".join(f"  - {page[3:]}\n" for page in pages if page.startswith("ja/"))
    (project / "mkdocs.yml").write_text(f"{head}\nnav:\n{nav}\nplugins:\n{tail}")
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(ROOT / name, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    (project / "src").mkdir()  # mkdocs.yml watches src/
    for page, text in pages.items():
        path = project / "docs" / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


@pytest.fixture
def make_project(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Make a small project with the real configuration and the given pages (see write_project)."""

    def make(pages: dict[str, str]) -> Path:
        return write_project(tmp_path / "project", pages)

    return make
