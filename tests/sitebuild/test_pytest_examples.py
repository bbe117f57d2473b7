"""The pytest plugin: one item per block, sessions as in the build, file:line on failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PAGE = """# Page

```python exec="on"
x = 40
```

```pycon exec="on" session="other"
>>> x
Traceback (most recent call last):
  ...
NameError: name 'x' is not defined
```

```pycon exec="on"
>>> x + 2
42
```
"""


def run_pytest(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "sitebuild.pytest_examples",
            "-q",
            "-p",
            "no:cacheprovider",
            *args,
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=120,
    )


def make_docs(tmp_path: Path, pages: dict[str, str]) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.pytest.ini_options]\n")
    for name, text in pages.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_one_item_per_block_named_by_line(tmp_path: Path) -> None:
    project = make_docs(tmp_path, {"ja/page.md": PAGE, "en/page.md": PAGE})
    ids = run_pytest(project, "--collect-only", "docs").stdout.split()
    assert [i for i in ids if "::" in i] == [
        f"docs/{lang}/page.md::line:{line}" for lang in ("en", "ja") for line in (3, 7, 14)
    ]


def test_sessions_are_shared_per_page_and_separate_by_name(tmp_path: Path) -> None:
    project = make_docs(tmp_path, {"ja/page.md": PAGE})
    completed = run_pytest(project, "docs")
    assert completed.returncode == 0, completed.stdout
    assert "3 passed" in completed.stdout


def test_an_item_run_alone_replays_its_session(tmp_path: Path) -> None:
    project = make_docs(tmp_path, {"ja/page.md": PAGE})
    completed = run_pytest(project, "docs/ja/page.md::line:14")
    assert completed.returncode == 0, completed.stdout
    assert "1 passed" in completed.stdout


def test_state_never_crosses_pages(tmp_path: Path) -> None:
    second = '# Two\n\n```pycon exec="on"\n>>> x\n40\n```\n'
    project = make_docs(tmp_path, {"ja/page.md": PAGE, "ja/two.md": second})
    completed = run_pytest(project, "docs")
    assert completed.returncode == 1
    assert "docs/ja/two.md:4: written output differs" in completed.stdout
    assert "NameError: name 'x' is not defined" in completed.stdout


def test_block_without_exec_is_a_failure(tmp_path: Path) -> None:
    project = make_docs(tmp_path, {"ja/page.md": "# P\n\n```python\nprint(1)\n```\n"})
    completed = run_pytest(project, "docs")
    assert completed.returncode == 1
    assert 'docs/ja/page.md:3: python block without exec="on"' in completed.stdout


def test_raising_block_names_file_and_line(tmp_path: Path) -> None:
    page = '# P\n\n```python exec="on"\nvalue = 1\nvalue / 0\n```\n'
    project = make_docs(tmp_path, {"en/page.md": page})
    completed = run_pytest(project, "docs")
    assert completed.returncode == 1
    assert 'File "docs/en/page.md", line 5' in completed.stdout
    assert "ZeroDivisionError" in completed.stdout
