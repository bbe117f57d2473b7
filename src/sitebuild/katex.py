r"""Render the formulas of the build to HTML+MathML with KaTeX, at build time.

pymdownx.arithmatex (generic mode) leaves ``<span class="arithmatex">\(...\)</span>``
and ``<div class="arithmatex">\[...\]</div>`` in the HTML; :func:`render_formulas`
replaces them with KaTeX's output, so pages ship KaTeX's CSS and fonts but no math
JavaScript. One Node.js process (:class:`KatexRenderer`) serves every build of the
process and renders each formula once.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Formula",
    "KatexError",
    "KatexRenderer",
    "KatexSetupError",
    "find_formulas",
    "katex_dist",
    "render_formulas",
]

#: Matches the markup arithmatex (generic) writes for inline and display math.
_FORMULA = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<body>.*?)</(?P=tag)>', re.DOTALL)
_WORKER = Path(__file__).with_name("katex_worker.cjs")


class KatexSetupError(RuntimeError):
    """Node.js or the KaTeX package is missing; the message says what to run."""


class KatexError(ValueError):
    """KaTeX could not parse a formula."""


@dataclass(frozen=True)
class Formula:
    """One formula as arithmatex left it in the HTML.

    Attributes:
        tex: The TeX source, without delimiters.
        display: ``True`` for display math (``$$ ... $$``), ``False`` for inline.
    """

    tex: str
    display: bool


def find_formulas(page_html: str) -> list[Formula]:
    r"""List the formulas arithmatex left in ``page_html``, in order.

    Examples:
        >>> find_formulas('<p><span class="arithmatex">\\(a^{x} &lt; 1\\)</span></p>')
        [Formula(tex='a^{x} < 1', display=False)]
    """
    formulas = []
    for match in _FORMULA.finditer(page_html):
        body = html.unescape(match["body"]).strip()
        display = match["tag"] == "div"
        formulas.append(Formula(tex=body[2:-2].strip(), display=display))
    return formulas


def katex_dist(project_root: Path) -> Path:
    """Return KaTeX's ``dist`` folder inside the project's ``node_modules``.

    Raises:
        KatexSetupError: If KaTeX is not installed or not the version the lock file pins.
    """
    package = project_root / "node_modules" / "katex" / "package.json"
    if not package.is_file():
        msg = (
            f"KaTeX is not installed in {project_root / 'node_modules'}; "
            f"run `npm ci` in {project_root} (needs Node.js 18 or newer)"
        )
        raise KatexSetupError(msg)
    installed = json.loads(package.read_text(encoding="utf-8"))["version"]
    lock = project_root / "package-lock.json"
    if lock.is_file():
        locked = json.loads(lock.read_text(encoding="utf-8"))["packages"]["node_modules/katex"]
        if locked["version"] != installed:
            msg = (
                f"KaTeX {installed} is installed but package-lock.json pins "
                f"{locked['version']}; run `npm ci` in {project_root}"
            )
            raise KatexSetupError(msg)
    return package.parent / "dist"


def render_formulas(
    page_html: str, renderer: KatexRenderer, place: Callable[[str], str] = str
) -> tuple[str, list[str]]:
    r"""Replace every formula arithmatex left in ``page_html`` with KaTeX's rendering.

    Raises:
        KatexError: If KaTeX cannot render a formula; the message holds its TeX.
    """
    formulas = find_formulas(page_html)
    if not formulas:
        return page_html, []
    rendered = renderer.render(formulas)
    for formula, result in zip(formulas, rendered, strict=True):
        if isinstance(result, KatexError):
            msg = f"KaTeX cannot render the formula {formula.tex!r}: {result}"
            raise KatexError(msg)
    markups = [str(result) for result in rendered]
    results = iter(markups)

    def replace(match: re.Match[str]) -> str:
        tag = match["tag"]
        # data-search-exclude: a search index would otherwise hold each formula three
        # times (MathML, TeX annotation, HTML glyphs).
        return place(f'<{tag} class="arithmatex" data-search-exclude="1">{next(results)}</{tag}>')

    return _FORMULA.sub(replace, page_html), markups


class KatexRenderer:
    """A long-lived Node.js process that renders TeX with KaTeX.

    Results are cached by (TeX, display), so a formula shared by both languages
    or unchanged across ``mkdocs serve`` rebuilds is rendered once.
    """

    def __init__(self, project_root: Path) -> None:
        """Check that Node.js and KaTeX are there; the process starts on first use.

        Raises:
            KatexSetupError: If Node.js or KaTeX is missing.
        """
        node = shutil.which("node")
        if node is None:
            msg = (
                "Node.js is needed to render math at build time but `node` is not on PATH; "
                f"install Node.js 18 or newer, then run `npm ci` in {project_root}"
            )
            raise KatexSetupError(msg)
        self._node = node
        self._node_modules = katex_dist(project_root).parent.parent
        self._process: subprocess.Popen[str] | None = None
        self._cache: dict[Formula, str] = {}
        self.processes_started = 0
        self.formulas_rendered = 0
        self.seconds = 0.0

    def _start(self) -> subprocess.Popen[str]:
        env = {**os.environ, "NODE_PATH": str(self._node_modules)}
        process = subprocess.Popen(
            [self._node, str(_WORKER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        assert process.stdout is not None
        if not process.stdout.readline():  # the worker's greeting: KaTeX loaded
            error = process.stderr.read() if process.stderr else ""
            msg = f"the KaTeX worker did not start: {error.strip()}"
            raise KatexSetupError(msg)
        self.processes_started += 1
        return process

    def render(self, formulas: list[Formula]) -> list[str | KatexError]:
        """Render formulas in one round trip; each result is HTML or the error."""
        started = time.perf_counter()
        missing = list(dict.fromkeys(f for f in formulas if f not in self._cache))
        errors: dict[Formula, KatexError] = {}
        if missing:
            if self._process is None or self._process.poll() is not None:
                self._process = self._start()
            assert self._process.stdin is not None
            assert self._process.stdout is not None
            request = [{"tex": f.tex, "display": f.display} for f in missing]
            self._process.stdin.write(json.dumps(request) + "\n")
            self._process.stdin.flush()
            reply = json.loads(self._process.stdout.readline())
            for formula, item in zip(missing, reply, strict=True):
                if "html" in item:
                    self._cache[formula] = item["html"]
                    self.formulas_rendered += 1
                else:
                    errors[formula] = KatexError(item["error"])
        self.seconds += time.perf_counter() - started
        return [errors.get(f) or self._cache[f] for f in formulas]

    def close(self) -> None:
        """Stop the Node.js process, if it runs."""
        if self._process is not None:
            if self._process.stdin is not None:
                self._process.stdin.close()
            self._process.wait(timeout=10)
            for stream in (self._process.stdout, self._process.stderr):
                if stream is not None:
                    stream.close()
            self._process = None
