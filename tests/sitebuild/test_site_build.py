"""The whole site builds strictly, in both languages, with nothing from outside."""

from __future__ import annotations

import json
import re
import zipfile
from html.parser import HTMLParser

import pytest

from sitebuild.browser_runtime import PYODIDE_FILES
from sitebuild.runnable import TEXTS
from tests.conftest import ROOT, Build

pytestmark = pytest.mark.build

PAGES = ["", "exponential/what-is/"]
OUTSIDE_ASSET = re.compile(
    r"""<(?:script|img|iframe|source)[^>]+src=["'](?:https?:)?//"""
    r"""|<link[^>]+href=["'](?:https?:)?//[^"']*["'][^>]*rel=["']?(?:stylesheet|preload|icon)"""
    r"""|<link[^>]+rel=["']?(?:stylesheet|preload|icon|preconnect)[^>]+href=["'](?:https?:)?//"""
    r"""|@import\s+(?:url\()?["']?(?:https?:)?//"""
    r"""|url\(["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def test_build_output_has_both_languages(built_site: Build) -> None:
    for page in PAGES:
        assert '<html lang="ja"' in built_site.page(page)
        assert '<html lang="en"' in built_site.page(f"en/{page}")


def test_site_names_differ_per_language(built_site: Build) -> None:
    assert "<title>指数関数とは - 指数関数 — AIの数理</title>" in built_site.page(
        "exponential/what-is/"
    )
    assert (
        "<title>What an exponential function is - The Exponential Function — Math Behind AI"
        in built_site.page("en/exponential/what-is/")
    )


def test_switcher_leads_to_the_same_page(built_site: Build) -> None:
    ja = built_site.page("exponential/what-is/")
    en = built_site.page("en/exponential/what-is/")
    assert 'href="../../en/exponential/what-is/" hreflang="en"' in ja
    assert 'href="../../../exponential/what-is/" hreflang="ja"' in en


def test_every_formula_is_rendered_by_katex(built_site: Build) -> None:
    source = (ROOT / "docs/ja/exponential/what-is.md").read_text(encoding="utf-8")
    display_formulas = sum(line.strip() == "$$" for line in source.split("\n")) // 2
    html = built_site.page("exponential/what-is/")
    assert "\\(" not in re.sub(r"<annotation.*?</annotation>", "", html, flags=re.DOTALL)
    assert html.count('class="katex-display"') == display_formulas
    assert html.count('class="katex-tag"') == source.count("\\tag{")
    assert "<math" in html  # MathML for assistive technology


def test_no_page_loads_anything_from_outside(built_site: Build) -> None:
    for path in built_site.site.rglob("*"):
        if path.suffix in {".html", ".css", ".js", ".mjs"}:
            text = path.read_text(encoding="utf-8")
            match = OUTSIDE_ASSET.search(text)
            assert match is None, f"{path}: {match.group(0) if match else ''}"


def test_pages_ship_katex_css_and_no_math_javascript(built_site: Build) -> None:
    html = built_site.page("en/exponential/what-is/")
    assert "assets/katex/katex.min.css" in html
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert not [s for s in scripts if re.search(r"katex|mathjax|arithmatex", s, re.IGNORECASE)]
    fonts = built_site.site / "assets" / "katex" / "fonts"
    css = (built_site.site / "assets/katex/katex.min.css").read_text(encoding="utf-8")
    for font in re.findall(r"url\((fonts/[^)]+)\)", css):
        assert (fonts.parent / font).is_file(), font


def test_search_index_holds_no_formula_markup(built_site: Build) -> None:
    index = json.loads((built_site.site / "search/search_index.json").read_text("utf-8"))
    # The what-is pages have formulas but show no TeX in code blocks.
    docs = [doc for doc in index["docs"] if "exponential/what-is/" in doc["location"]]
    assert docs
    text = " ".join(doc["text"] for doc in docs)
    assert "2 の 3 乗" in text  # the prose is indexed, the formulas are not
    assert "\\tag" not in text
    assert "katex" not in text
    assert "mathml" not in text.lower()


def test_pycon_output_on_the_page_is_the_real_output(built_site: Build) -> None:
    html = built_site.page("exponential/what-is/")
    text = re.sub(r"<[^>]+>", "", html).replace("&gt;", ">").replace("&#39;", "'")
    assert ">>> power_by_repeated_multiplication(3, 4)\n81" in text
    assert "ValueError: base must be > 0, got -8" in text


def test_plot_is_inline_svg_and_deterministic(built_site: Build) -> None:
    html = built_site.page("exponential/what-is/")
    figures = re.findall(r'<figure class="aimath-plot".*?</figure>', html, re.DOTALL)
    assert len(figures) == 1
    assert 'role="img"' in figures[0]
    assert "Matplotlib" not in figures[0]
    assert "dc:date" not in figures[0]


class _HeaderText(HTMLParser):
    """Collects, per table header cell, the text that is not inside a formula."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.in_cell = False
        self.formula_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "th":
            self.in_cell = True
            self.cells.append("")
        elif self.formula_depth or ("class", "katex") in attrs:
            self.formula_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "th":
            self.in_cell = False
        elif self.formula_depth:
            self.formula_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_cell and not self.formula_depth:
            self.cells[-1] += data


def test_table_headers_have_words_besides_formulas(built_site: Build) -> None:
    # A header cell holding only a formula has no text that screen readers can see
    # (KaTeX's visible part is aria-hidden): axe reports it as an empty header.
    problems = []
    for path in sorted(built_site.site.rglob("*.html")):
        parser = _HeaderText()
        parser.feed(path.read_text(encoding="utf-8"))
        empty = [index for index, text in enumerate(parser.cells) if not text.strip()]
        if empty:
            problems.append(f"{path.relative_to(built_site.site)}: header cells {empty}")
    assert problems == []


def test_katex_fonts_are_cut_down_to_the_characters_the_formulas_use(built_site: Build) -> None:
    from fontTools.ttLib import TTFont

    from sitebuild.fonts import formula_characters

    used: set[str] = set()
    for path in built_site.site.rglob("*.html"):
        for formula in re.findall(
            r'<span class="katex">.*?</annotation>', path.read_text(encoding="utf-8"), re.DOTALL
        ):
            used |= formula_characters(formula)
    assert {"e", "π", "≤", "∑"} <= used
    original = ROOT / "node_modules/katex/dist/fonts"
    shipped = built_site.site / "assets/katex/fonts"
    for font_file in sorted(original.glob("*.woff2")):
        subset = shipped / font_file.name
        assert subset.stat().st_size < font_file.stat().st_size, font_file.name
        full_map = TTFont(font_file).getBestCmap()
        subset_map = TTFont(subset).getBestCmap()
        wanted = {ord(character) for character in used} & set(full_map)
        assert wanted <= set(subset_map), (
            font_file.name,
            sorted(map(chr, wanted - set(subset_map))),
        )


def test_each_language_has_its_own_search_index(built_site: Build) -> None:
    for path, language in (("search", "ja"), ("en/search", "en")):
        index = json.loads((built_site.site / path / "search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == [language]
        assert index["docs"]
        assert not [doc for doc in index["docs"] if doc["location"].startswith("en/")]


def test_runnable_examples_speak_the_pages_language(built_site: Build) -> None:
    for prefix, language in (("", "ja"), ("en/", "en")):
        html = built_site.page(f"{prefix}exponential/laws/")
        for action in ("run", "edit", "reset", "stop"):
            assert f'data-sb-action="{action}"' in html
            assert f">{TEXTS[language][action]}</button>" in html
        script = re.search(
            r'<script type="application/json" id="sb-runner-text">(.*?)</script>', html
        )
        assert script is not None, f"{prefix}exponential/laws/: no runner messages"
        assert json.loads(script.group(1))["running"] == TEXTS[language]["running"]
        figure_page = built_site.page(f"{prefix}exponential/what-is/")
        assert TEXTS[language]["note_figure"] in figure_page


def test_the_browser_gets_the_runtime_and_the_sites_python(built_site: Build) -> None:
    runtime = built_site.site / "assets" / "pyodide"
    for name in (*PYODIDE_FILES, "site-python.zip", "sympy.zip", "mpmath.zip"):
        assert (runtime / name).is_file(), name
    names = zipfile.ZipFile(runtime / "site-python.zip").namelist()
    assert "sitebuild/in_browser.py" in names
    assert "sitebuild/plugin.py" not in names  # the browser gets the runner, not MkDocs' side
    built = zipfile.ZipFile(runtime / "site-python.zip").read("aimath/exponential/laws.py")
    assert built == (ROOT / "src/aimath/exponential/laws.py").read_bytes()
    sympy = zipfile.ZipFile(runtime / "sympy.zip").namelist()
    assert "sympy/__init__.py" in sympy
    assert not [name for name in sympy if "/tests/" in name]
