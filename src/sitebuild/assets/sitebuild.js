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
  // scrollable-region-focusable), as Material does for code blocks. Boxes that fit
  // stay out of the tab order.
  function focusWideFormulas() {
    const boxes = ".md-typeset div.arithmatex, .md-typeset .md-typeset__scrollwrap";
    for (const box of document.querySelectorAll(boxes)) {
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
      } else {
        box.removeAttribute("tabindex");
      }
    }
  }

  dropCodeNavLandmarks();
  focusWideFormulas();
  new MutationObserver(dropCodeNavLandmarks).observe(document.body, {
    childList: true,
    subtree: true,
  });
  new ResizeObserver(focusWideFormulas).observe(document.body);
})();
