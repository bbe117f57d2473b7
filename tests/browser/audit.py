"""What the browser suite checks on a page, as plain functions that return problems.

Every checker returns a list of human-readable problems (empty when the page is
fine), so that one test can report everything wrong with a page at once, and so
that the tests in ``test_checkers.py`` can show that each checker does report a
broken page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import ConsoleMessage, Page, Request, Response, ViewportSize

from sitebuild.pages import prose_lines

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

#: WCAG 2 AA: text needs 4.5:1 against its background, graphics (plot lines) 3:1.
TEXT_CONTRAST = 4.5
GRAPHICS_CONTRAST = 3.0

#: The two widths every page is checked at, and Material's two palettes.
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
WIDTHS: dict[str, ViewportSize] = {"desktop": DESKTOP, "phone": PHONE}
SCHEMES = {"light": "default", "dark": "slate"}


# --------------------------------------------------------------------------- views


def current_palette(page: Page) -> str:
    """``"light"`` or ``"dark"``: the palette the page shows now."""
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    return "dark" if scheme == SCHEMES["dark"] else "light"


def toggle_palette(page: Page) -> str:
    """Click the palette toggle in the header, as a reader would; return the new palette."""
    before = current_palette(page)
    page.locator("[data-md-component=palette] label:not([hidden])").click()
    wanted = SCHEMES["light" if before == "dark" else "dark"]
    page.wait_for_function(f"document.body.dataset.mdColorScheme === '{wanted}'")
    return current_palette(page)


def current_width(page: Page) -> str:
    """``"desktop"`` or ``"phone"``: the width the page is shown at now."""
    size = page.viewport_size
    return "phone" if size is not None and size["width"] == PHONE["width"] else "desktop"


def set_width(page: Page, width: str) -> None:
    """Resize the window to ``width`` (a key of WIDTHS) and wait until the page has
    laid itself out again (resize observers run before the second frame)."""
    page.set_viewport_size(WIDTHS[width])
    page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def walk_views(page: Page, check: Callable[[str, str], list[str]]) -> list[str]:
    """Check the page in its four views: both palettes at both widths.

    As a reader would: the view it opened in, the palette toggle, the other width
    (the window resized), the toggle again. ``check(palette, width)`` returns the
    problems of the view shown; each comes back prefixed with the view's name. The
    page is left at the other width in the palette it opened in.
    """
    found: list[str] = []
    first = current_width(page)
    second = "desktop" if first == "phone" else "phone"
    for width in (first, second):
        if width != current_width(page):
            set_width(page, width)
        for step in range(2):
            if step:
                toggle_palette(page)
            palette = current_palette(page)
            found += [f"{width}, {palette} palette: {problem}" for problem in check(palette, width)]
    return found


# --------------------------------------------------------------------------- network


@dataclass
class NetworkLog:
    """Everything a page asked for and everything that went wrong while it loaded.

    Attributes:
        origin: The local server's origin, e.g. ``http://127.0.0.1:41234``.
        requests: Every URL requested (page, assets, the search worker's files).
        failures: Requests that failed or got an HTTP error status.
        console_errors: Messages of type error on the browser console.
        page_errors: Uncaught exceptions in the page's scripts.
    """

    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    in_flight: set[Request] = field(default_factory=set)

    def attach(self, page: Page) -> None:
        """Record the page's traffic and console from now on."""

        def on_request(request: Request) -> None:
            self.requests.append(request.url)
            self.in_flight.add(request)

        def on_finished(request: Request) -> None:
            self.in_flight.discard(request)

        def on_failed(request: Request) -> None:
            self.in_flight.discard(request)
            self.failures.append(f"{request.url}: {request.failure}")

        def on_response(response: Response) -> None:
            if response.status >= 400:
                self.failures.append(f"{response.url}: HTTP {response.status}")

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                self.console_errors.append(f"{message.text} ({message.location.get('url')})")

        page.on("request", on_request)
        page.on("requestfinished", on_finished)
        page.on("requestfailed", on_failed)
        page.on("response", on_response)
        page.on("console", on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def wait_until_quiet(self, page: Page, quiet_ms: int = 150, timeout_ms: int = 15_000) -> None:
        """Wait until no request has been in flight for ``quiet_ms`` (Playwright's
        networkidle waits a fixed 500 ms; the search worker's requests are the last)."""
        waited = quiet = 0
        while quiet < quiet_ms and waited < timeout_ms:
            page.wait_for_timeout(50)
            waited += 50
            quiet = quiet + 50 if not self.in_flight else 0

    def outside_requests(self) -> list[str]:
        """Requests to any host but the local server (data: and blob: URLs are no requests)."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme in {"http", "https", "ws", "wss"}
            and not url.startswith(f"{self.origin}/")
        ]

    def problems(self) -> list[str]:
        """Outside requests, failed requests, console errors and script errors."""
        found = [f"request to outside the site: {url}" for url in self.outside_requests()]
        found += [f"failed request: {failure}" for failure in self.failures]
        found += [f"console error: {text}" for text in self.console_errors]
        found += [f"script error: {text}" for text in self.page_errors]
        return found


# --------------------------------------------------------------------------- formulas


@dataclass(frozen=True)
class FormulaCounts:
    """How many formulas a page's Markdown holds outside code.

    Attributes:
        inline: ``\\( ... \\)`` formulas.
        display: ``$$`` blocks.
        tags: ``\\tag{...}`` equation numbers.
    """

    inline: int
    display: int
    tags: int


_INLINE_CODE = re.compile(r"(?P<ticks>`+)(?:(?!(?P=ticks)).)+?(?P=ticks)", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def markdown_without_code(markdown: str) -> str:
    r"""Drop fenced code blocks, inline code and HTML comments from Markdown.

    Examples:
        >>> markdown_without_code("a `\\(x\\)` b\n```tex\n$$\n```\n\\(y\\)\n")
        'a  b\n\\(y\\)\n'
    """
    text = "\n".join(line for _, line in prose_lines(markdown))
    return _INLINE_CODE.sub("", _HTML_COMMENT.sub("", text))


def count_formulas(markdown: str) -> FormulaCounts:
    r"""Count the formulas of a page's Markdown that are not in code.

    Formulas printed by executed code (a table built by a ``python exec`` block)
    are not in the Markdown: a page may show more inline formulas than this counts.

    Examples:
        >>> count_formulas("\\(a\\) and \\(b\\)\n\n$$\nx \\tag{1.1}\n$$\n\n`\\(c\\)`\n")
        FormulaCounts(inline=2, display=1, tags=1)
    """
    text = markdown_without_code(markdown)
    display_delimiters = sum(line.strip() == "$$" for line in text.splitlines())
    return FormulaCounts(
        inline=text.count("\\("),
        display=display_delimiters // 2,
        tags=len(re.findall(r"\\tag\*?\{", text)),
    )


# --------------------------------------------------------------------------- in the page

#: One pass over the rendered page; returns plain data for :func:`page_problems`.
_INSPECT = r"""
async ({textContrast, graphicsContrast}) => {
  await document.fonts.ready;
  const parse = (value) => {
    const m = /rgba?\(([^)]+)\)/.exec(value || "");
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) =>
    [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let base = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) base = over(layers[i], base);
    return base;
  };
  const luminance = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const contrast = (el, value, opacity) => {
    const fg = parse(value);
    if (!fg) return null;
    fg[3] *= opacity;
    const bg = background(el);
    return ratio(over(fg, bg), bg);
  };
  const describe = (el) => {
    const id = el.closest("[id]");
    const text = (el.textContent || "").trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${id ? ` in #${id.id}` : ""} "${text}"`;
  };
  const visible = (el) => el.checkVisibility() && el.getClientRects().length > 0;

  // Formulas: arithmatex's wrappers (the plugin keeps one per formula it found)
  // and KaTeX's rendering inside each.
  const wrappers = [...document.querySelectorAll(".arithmatex")];
  const unrendered = [];
  const unpainted = [];
  for (const w of wrappers) {
    const html = w.querySelectorAll(".katex .katex-html");
    if (w.querySelectorAll(".katex").length !== 1 || html.length !== 1) {
      unrendered.push(describe(w));
      continue;
    }
    if (visible(w)) {
      const r = html[0].getBoundingClientRect();
      if (!(r.width > 0 && r.height > 0)) unpainted.push(describe(w));
    }
  }
  const katexFonts = [...document.fonts].filter((f) => f.family.replace(/"/g, "").startsWith("KaTeX"));

  // TeX left as text: visible text outside code and outside KaTeX's output.
  const rawTex = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || parent.closest("pre, code, kbd, samp, script, style, textarea, .katex")) continue;
    if (!visible(parent)) continue;
    const text = n.textContent;
    for (const token of ["\\(", "\\)", "\\[", "\\]", "$$", "\\tag", "\\frac", "\\text{"]) {
      if (text.includes(token)) rawTex.push(`${token} in "${text.trim().slice(0, 60)}"`);
    }
  }

  // Equation numbers: painted, at the right edge of their display, clear of the formula.
  const tags = [];
  for (const tag of document.querySelectorAll(".katex-tag")) {
    const box = tag.closest(".arithmatex");
    if (!visible(box)) continue;
    const r = tag.getBoundingClientRect();
    const d = box.getBoundingClientRect();
    const contentLeft = d.left - box.scrollLeft;
    const contentRight = contentLeft + box.scrollWidth;
    const bases = [...box.querySelectorAll(".katex-html > .katex-base")];
    const formulaRight = Math.max(...bases.map((b) => b.getBoundingClientRect().right));
    tags.push({
      text: tag.textContent.trim(),
      painted: r.width > 0 && r.height > 0,
      atRightEdge: Math.abs(r.right - contentRight) <= 2 && r.left > (contentLeft + contentRight) / 2,
      clear: formulaRight <= r.left + 1,
    });
  }

  // Contrast of formulas and plots against what is behind them.
  const lowContrast = [];
  for (const k of document.querySelectorAll(".katex .katex-html")) {
    if (!visible(k)) continue;
    const c = contrast(k, getComputedStyle(k).color, 1);
    if (c !== null && c < textContrast) lowContrast.push(`formula ${describe(k)}: ${c.toFixed(2)}:1`);
  }
  let plotsChecked = 0;
  for (const svg of document.querySelectorAll("figure.aimath-plot svg")) {
    if (!visible(svg)) continue;
    plotsChecked++;
    const name = (svg.getAttribute("aria-label") || "").slice(0, 50);
    // Not painted themselves: definitions, clip paths. The legend's frame is a backdrop.
    const backdrop = (el) => el.closest("defs, clipPath, mask, marker, pattern, symbol")
      || el.matches('g[id*="-legend_"] > g[id*="-patch_"]:first-of-type > path');
    for (const el of svg.querySelectorAll("path, line, polyline, polygon, rect, circle, ellipse, use, text")) {
      if (backdrop(el)) continue;
      const cs = getComputedStyle(el);
      const opacity = Number(cs.opacity);
      if (el.tagName === "text") {
        const c = contrast(svg, cs.fill, opacity * Number(cs.fillOpacity));
        if (c !== null && c < textContrast) lowContrast.push(`plot "${name}": text in ${cs.fill}: ${c.toFixed(2)}:1`);
        continue;
      }
      for (const [paint, alpha] of [[cs.stroke, cs.strokeOpacity], [cs.fill, cs.fillOpacity]]) {
        const shown = opacity * Number(alpha);
        if (!paint || paint === "none" || shown < 0.5) continue;  // decorative (grid) or invisible
        if (paint === cs.stroke && parseFloat(cs.strokeWidth) === 0) continue;
        const c = contrast(svg, paint, shown);
        if (c !== null && c < graphicsContrast) lowContrast.push(`plot "${name}": ${el.tagName} in ${paint}: ${c.toFixed(2)}:1`);
      }
    }
  }

  return {
    scheme: document.body.getAttribute("data-md-color-scheme"),
    lang: document.documentElement.lang,
    formulas: wrappers.length,
    inline: wrappers.filter((w) => w.tagName === "SPAN").length,
    display: wrappers.filter((w) => w.tagName === "DIV").length,
    katexErrors: document.querySelectorAll(".katex-error").length,
    unrendered, unpainted, rawTex, tags,
    katexFontsLoaded: katexFonts.filter((f) => f.status === "loaded").length,
    katexFontsFailed: katexFonts.filter((f) => f.status === "error").map((f) => f.family),
    lowContrast: [...new Set(lowContrast)],
    plotsChecked,
  };
}
"""


def inspect(page: Page) -> dict[str, Any]:
    """Run the in-page inspection (formulas, equation numbers, contrast)."""
    result: dict[str, Any] = page.evaluate(
        _INSPECT, {"textContrast": TEXT_CONTRAST, "graphicsContrast": GRAPHICS_CONTRAST}
    )
    return result


def formula_problems(facts: dict[str, Any], expected: FormulaCounts | None) -> list[str]:
    """Formulas left unrendered, raw TeX in the text, misplaced equation numbers."""
    found = [f"formula not rendered by KaTeX: {item}" for item in facts["unrendered"]]
    found += [f"formula rendered but not painted: {item}" for item in facts["unpainted"]]
    found += [f"raw TeX in the visible text: {item}" for item in facts["rawTex"]]
    if facts["katexErrors"]:
        found.append(f"{facts['katexErrors']} KaTeX error(s) on the page")
    if facts["formulas"] and not facts["katexFontsLoaded"]:
        found.append("no KaTeX font loaded although the page shows formulas")
    found += [f"KaTeX font failed to load: {family}" for family in facts["katexFontsFailed"]]
    for tag in facts["tags"]:
        if not tag["painted"]:
            found.append(f"equation number {tag['text']} is not painted")
        elif not tag["atRightEdge"]:
            found.append(f"equation number {tag['text']} is not at the right edge of its display")
        elif not tag["clear"]:
            found.append(f"equation number {tag['text']} overlaps its formula")
    if expected is not None:
        if facts["display"] != expected.display:
            found.append(
                f"the Markdown has {expected.display} display formulas ($$ blocks), "
                f"the page shows {facts['display']}"
            )
        if len(facts["tags"]) != expected.tags:
            found.append(
                f"the Markdown has {expected.tags} equation numbers (\\tag), "
                f"the page shows {len(facts['tags'])}"
            )
        if facts["inline"] < expected.inline:
            found.append(
                f"the Markdown has {expected.inline} inline formulas (\\( \\)), "
                f"the page shows only {facts['inline']}"
            )
    return found


def contrast_problems(facts: dict[str, Any]) -> list[str]:
    """Formulas or plot lines and labels that do not stand out from the background."""
    return [
        f"low contrast in the {facts['scheme']} palette: {item}" for item in facts["lowContrast"]
    ]


# --------------------------------------------------------------------------- axe-core


def axe_problems(page: Page) -> list[str]:
    """Run axe-core (every rule it runs by default) and list its violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations: list[dict[str, Any]] = page.evaluate(
        """async () => {
          const result = await axe.run(document, {resultTypes: ["violations"]});
          return result.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => n.target.join(" ") + ": " + (n.failureSummary || "")),
          }));
        }"""
    )
    found = []
    for violation in violations:
        nodes = violation["nodes"]
        shown = "; ".join(node.replace("\n", " ") for node in nodes[:3])
        more = f" (and {len(nodes) - 3} more)" if len(nodes) > 3 else ""
        found.append(
            f"axe {violation['id']} ({violation['impact']}): {violation['help']}: {shown}{more}"
        )
    return found


# --------------------------------------------------------------------------- layout


def horizontal_scroll_problems(page: Page) -> list[str]:
    """The page body must not scroll sideways; a wide formula scrolls in its own box."""
    facts: dict[str, Any] = page.evaluate(
        """() => {
          const root = document.documentElement;
          const width = root.clientWidth;
          const boxes = [...document.querySelectorAll("div.arithmatex")].filter(
            (b) => b.checkVisibility());
          return {
            scrollWidth: root.scrollWidth, clientWidth: width,
            wide: boxes.filter((b) => b.scrollWidth > b.clientWidth).map((b) => ({
              overflow: getComputedStyle(b).overflowX,
              right: b.getBoundingClientRect().right,
              tex: (b.querySelector("annotation") || {}).textContent || "",
            })),
            overflowing: [...document.querySelectorAll(".md-content *")]
              .filter((e) => e.getBoundingClientRect().right > width + 1
                             && !e.closest("div.arithmatex, pre, .md-typeset__scrollwrap, .tabbed-labels")
                             && e.checkVisibility())
              .slice(0, 3)
              .map((e) => e.tagName.toLowerCase() + "." + [...e.classList].join(".")),
          };
        }"""
    )
    found = []
    if facts["scrollWidth"] > facts["clientWidth"]:
        found.append(
            f"the page scrolls sideways at {facts['clientWidth']} px: scrollWidth is "
            f"{facts['scrollWidth']} px (wider elements: {facts['overflowing']})"
        )
    for box in facts["wide"]:
        if box["overflow"] not in {"auto", "scroll"}:
            found.append(f"wide formula does not scroll in its box: {box['tex'][:60]}")
        if box["right"] > facts["clientWidth"] + 1:
            found.append(f"wide formula box sticks out of the page: {box['tex'][:60]}")
    return found
