"""Last-updated dates of pages, read from git, shown in the reader's language.

One ``git log`` call per build collects the date of the last commit that touched
each file under ``docs/``; nothing is fetched from the network.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

__all__ = ["format_date", "last_commit_dates"]

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def last_commit_dates(repository: Path, folder: str = "docs") -> dict[str, dt.date]:
    """Map each file under ``folder`` to the date of the last commit that changed it.

    Args:
        repository: The git work tree.
        folder: The folder to look at, relative to ``repository``.

    Returns:
        POSIX paths relative to ``repository`` mapped to commit dates; empty when
        ``repository`` is not a git work tree or git is missing.
    """
    try:
        completed = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", folder],
            cwd=repository,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, dt.date] = {}
    for entry in completed.stdout.split("\x00")[1:]:
        day, *names = entry.strip().split("\n")
        for name in filter(None, (name.strip() for name in names)):
            # git log lists newest first: keep the first date seen for each file.
            dates.setdefault(name, dt.date.fromisoformat(day))
    return dates


def format_date(date: dt.date, language: str) -> str:
    """Write ``date`` the way readers of ``language`` expect it.

    Args:
        date: The date.
        language: ``"ja"`` or ``"en"``.

    Returns:
        The date as text, independent of the machine's locale.

    Raises:
        ValueError: If ``language`` is not supported.

    Examples:
        >>> format_date(dt.date(2026, 11, 28), "ja")
        '2026年11月28日'
        >>> format_date(dt.date(2026, 11, 28), "en")
        'November 28, 2026'
    """
    if language == "ja":
        return f"{date.year}年{date.month}月{date.day}日"
    if language == "en":
        return f"{_MONTHS[date.month - 1]} {date.day}, {date.year}"
    msg = f"language must be 'ja' or 'en', got {language!r}"
    raise ValueError(msg)
