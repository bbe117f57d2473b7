"""Keep the language trees of ``docs/`` in step.

Each language has its own folder (``docs/ja/``, ``docs/en/``) holding the same
pages under the same paths. A page present in one language only is an error:
mkdocs-static-i18n would otherwise silently show the default language's page.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["missing_translations", "pages_of"]


def pages_of(language_dir: Path) -> set[str]:
    """Return the Markdown pages under ``language_dir``, as POSIX relative paths.

    Args:
        language_dir: One language's folder, e.g. ``docs/ja``.

    Returns:
        The relative paths of its ``.md`` files.
    """
    return {path.relative_to(language_dir).as_posix() for path in language_dir.rglob("*.md")}


def missing_translations(docs_dir: Path, languages: list[str]) -> list[str]:
    """List every page that exists in one language folder but not in another.

    Args:
        docs_dir: The ``docs/`` folder.
        languages: The language folder names, e.g. ``["ja", "en"]``.

    Returns:
        One message per missing page, naming the file that exists and the one
        that does not; empty when the trees match.

    Examples:
        >>> import tempfile
        >>> root = Path(tempfile.mkdtemp())
        >>> for name in ("ja/index.md", "en/index.md", "ja/laws.md"):
        ...     (root / name).parent.mkdir(parents=True, exist_ok=True)
        ...     _ = (root / name).write_text("# x")
        >>> missing_translations(root, ["ja", "en"])  # doctest: +ELLIPSIS
        ['.../ja/laws.md has no counterpart: .../en/laws.md is missing']
    """
    pages = {language: pages_of(docs_dir / language) for language in languages}
    every_page = set().union(*pages.values())
    messages = []
    for page in sorted(every_page):
        present = [language for language in languages if page in pages[language]]
        for language in languages:
            if page not in pages[language]:
                source = docs_dir / present[0] / page
                messages.append(
                    f"{source} has no counterpart: {docs_dir / language / page} is missing"
                )
    return messages
