// The site's only script of its own: small accessibility fixes to the theme. It
// requests nothing and renders no math (formulas are rendered at build time).
(function () {
  "use strict";

  // Material puts the copy button of every code block in a <nav> without a name,
  // so a page with two code blocks has navigation landmarks that screen readers
  // cannot tell apart (axe: landmark-unique). A copy button is not navigation:
  // those wrappers lose the landmark role; the button keeps its name.
  function dropCodeNavLandmarks() {
    for (const nav of document.querySelectorAll("nav.md-code__nav:not([role])")) {
      nav.setAttribute("role", "none");
    }
  }

  // A display formula or a table wider than the column scrolls inside its own box;
  // keyboard users must be able to reach it to scroll it (axe:
  // scrollable-region-focusable), as Material does for code blocks. Such a box
  // becomes a named region in the tab order ("数式 (5.2)", "Table 2": names must
  // differ, axe: landmark-unique); boxes that fit stay plain and out of the tab
  // order. Checked again whenever a width can change: the window or a box is
  // resized, fonts finish loading, Material wraps a table, a collapsed answer
  // opens, a tab is chosen.
  const NAMES = {
    ja: { formula: "数式", table: "表" },
    en: { formula: "Formula", table: "Table" },
  };
  const SCROLLERS = [
    ["formula", ".md-typeset div.arithmatex"],
    ["table", ".md-typeset .md-typeset__scrollwrap"],
  ];
  const MARK = "data-sitebuild-scroll";
  const sizes = new ResizeObserver(markScrollables);
  const watched = new WeakSet();

  function nameOf(kind, box, number) {
    const language = document.documentElement.lang in NAMES ? document.documentElement.lang : "en";
    const word = NAMES[language][kind];
    const tag = kind === "formula" ? box.querySelector(".katex-tag") : null;
    return tag ? `${word} ${tag.textContent.trim()}` : `${word} ${number}`;
  }

  function markScrollables() {
    for (const [kind, selector] of SCROLLERS) {
      let number = 0;
      for (const box of document.querySelectorAll(selector)) {
        number += 1;
        if (!watched.has(box)) {
          watched.add(box);
          sizes.observe(box);
        }
        const wide = box.scrollWidth > box.clientWidth + 1;
        if (wide && box.getAttribute(MARK) !== kind) {
          box.setAttribute(MARK, kind);
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", nameOf(kind, box, number));
        } else if (!wide && box.hasAttribute(MARK)) {
          for (const name of [MARK, "tabindex", "role", "aria-label"]) box.removeAttribute(name);
        }
      }
    }
  }

  function update() {
    dropCodeNavLandmarks();
    markScrollables();
  }

  update();
  new MutationObserver(update).observe(document.body, { childList: true, subtree: true });
  sizes.observe(document.body);
  document.fonts.addEventListener("loadingdone", markScrollables);
  document.fonts.ready.then(markScrollables);
  document.addEventListener("toggle", markScrollables, true); // <details> opened
  document.addEventListener("change", markScrollables); // a content tab chosen
})();
