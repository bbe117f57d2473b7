"""KaTeX's fonts, cut down to the characters the site's formulas use.

KaTeX ships twenty WOFF2 fonts (260 KB); the site's formulas use under a hundred
characters. :func:`subset_fonts` writes subsets holding only the characters
collected by :func:`formula_characters` (fontTools, WOFF2 by Brotli), in a second
process (``python -m sitebuild.fonts``) that :class:`FontSubsetting` starts and
joins while the build goes on.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

__all__ = ["FontSubsetting", "formula_characters", "subset_fonts"]

_TAG = re.compile(r"<[^>]*>")
_ANNOTATION = re.compile(r"<annotation\b.*?</annotation>", re.DOTALL)


def formula_characters(rendered: str) -> set[str]:
    r"""Return the characters a rendered formula shows (its TeX source left out).

    Examples:
        >>> sorted(formula_characters(
        ...     '<span class="katex"><math><mi>x</mi><mo>≤</mo>'
        ...     '<annotation encoding="application/x-tex">x \\le 1</annotation></math>'
        ...     '<span class="katex-html"><span>x</span><span>&le;</span></span></span>'))
        ['x', '≤']
    """
    text = html.unescape(_TAG.sub("", _ANNOTATION.sub("", rendered)))
    return {character for character in text if not character.isspace()}


def subset_fonts(source: Path, target: Path, characters: str) -> None:
    """Write a subset of every WOFF2 font in ``source`` to ``target``."""
    from fontTools import subset  # noqa: PLC0415 - only the subsetting process needs it

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.notdef_outline = True
    unicodes = sorted({ord(character) for character in characters})
    target.mkdir(parents=True, exist_ok=True)
    for font_file in sorted(source.glob("*.woff2")):
        font = subset.load_font(str(font_file), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        subset.save_font(font, str(target / font_file.name), options)


class FontSubsetting:
    """A second process writing font subsets for one language's build."""

    def __init__(self, source: Path, target: Path, characters: set[str]) -> None:
        """Start the process."""
        self.source = source
        self.target = target
        self.characters = set(characters)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sitebuild.fonts", str(source), str(target)],
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        assert self.process.stdin is not None
        self.process.stdin.write("".join(sorted(characters)))
        self.process.stdin.close()

    def stop(self) -> None:
        """Stop the process without waiting for its work."""
        self.process.kill()
        self.process.wait()
        if self.process.stderr is not None:
            self.process.stderr.close()

    def wait(self) -> str | None:
        """Wait for the process; return its error output if it failed."""
        assert self.process.stderr is not None
        errors = self.process.stderr.read()
        self.process.stderr.close()
        return errors if self.process.wait() != 0 else None


def main(argv: list[str]) -> int:
    """``python -m sitebuild.fonts SOURCE TARGET`` with the characters on stdin."""
    source, target = argv
    subset_fonts(Path(source), Path(target), sys.stdin.read())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
