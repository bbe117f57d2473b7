"""Rebuilds under ``mkdocs serve`` reuse outputs, and never a stale one."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_build

pytestmark = pytest.mark.build

MakeProject = Callable[[dict[str, str]], Path]

PAGE = '# {title}\n\n```pycon exec="on"\n>>> from lessonlib import answer\n>>> answer()\n42\n```\n'
LIBRARY = "def answer():\n    return {}\n"
#: Builds twice in one process with the plugins kept, as `mkdocs serve` does,
#: changing the teaching library in between; with --dirty as `dev.py serve` does
#: (only changed pages rebuilt, warnings not fatal).
SERVE = """
import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

if __name__ == "__main__":
    logging.getLogger("mkdocs").addHandler(logging.StreamHandler())
    dirty = "--dirty" in sys.argv
    config = load_config("mkdocs.yml", site_dir="served", strict=not dirty)
    config.plugins.on_startup(command="serve", dirty=dirty)
    build(config, dirty=dirty)
    print("FIRST BUILD PASSED", flush=True)
    Path("src/lessonlib/__init__.py").write_text({library!r})
    try:
        build(load_config("mkdocs.yml", site_dir="served", strict=not dirty), dirty=dirty)
    except Abort:
        pass
    config.plugins.on_shutdown()
"""


def mismatch_reports(output: str) -> list[str]:
    """Each report of a written output that differs, with its indented lines."""
    return re.findall(
        r"\S+: written output differs from the real output\n(?:    .*\n?|  .*\n?)*", output
    )


def run_like_serve(
    make_project: MakeProject, script: str, *args: str
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Run ``script`` in a two-language project whose page calls the library ``lessonlib``."""
    project = make_project(
        {"ja/index.md": PAGE.format(title="ホーム"), "en/index.md": PAGE.format(title="Home")}
    )
    (project / "src/lessonlib").mkdir()
    (project / "src/lessonlib/__init__.py").write_text(LIBRARY.format(42))
    (project / "script.py").write_text(script)
    env = {**os.environ, "PYTHONPATH": str(project / "src"), "NO_MKDOCS_2_WARNING": "1"}
    served = subprocess.run(
        [sys.executable, "script.py", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    return project, served


@pytest.mark.parametrize("mode", ["", "--dirty"])
def test_a_library_change_reruns_the_examples_and_reports_as_a_cold_build(
    make_project: MakeProject, tmp_path: Path, mode: str
) -> None:
    project, served = run_like_serve(
        make_project, SERVE.format(library=LIBRARY.format(43)), *filter(None, [mode])
    )
    output = served.stdout + served.stderr
    first, _, rebuild = output.partition("FIRST BUILD PASSED")
    assert rebuild, output
    assert mismatch_reports(first) == []
    cold = run_build(project, tmp_path / "cold", env={"PYTHONPATH": str(project / "src")})
    assert cold.returncode != 0
    expected = mismatch_reports(cold.output)
    assert len(expected) == 2, cold.output  # one per language
    assert "  real:\n    43" in expected[0]
    assert sorted(mismatch_reports(rebuild)) == sorted(expected)


#: Three dirty rebuilds in one process with the plugins kept, as `dev.py serve` does,
#: each after an edit of one page; prints the size of the written search index.
REBUILDS = """
import json
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

if __name__ == "__main__":
    config = load_config("mkdocs.yml", site_dir="served", strict=False)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    page = Path("docs/en/index.md")
    for edit in range(3):
        page.write_text(page.read_text() + f"\\nEdit {edit}.\\n")
        build(load_config("mkdocs.yml", site_dir="served", strict=False), dirty=True)
        index = json.loads(Path("served/search/search_index.json").read_text())
        print("ENTRIES", len(index["docs"]), flush=True)
    config.plugins.on_shutdown()
"""


def test_dirty_rebuilds_do_not_pile_up_search_entries(make_project: MakeProject) -> None:
    # Material and mkdocs-static-i18n both merged the previous index into each dirty
    # rebuild's: the index, and the rebuild's time, doubled on every save.
    # mkdocs-static-i18n reads --dirty from the command line for its nested builds.
    _, served = run_like_serve(make_project, REBUILDS, "--dirty")
    counts = re.findall(r"ENTRIES (\d+)", served.stdout)
    assert len(counts) == 3, served.stdout + served.stderr
    assert len(set(counts)) == 1, counts  # without the fix: 2, 4, 8
