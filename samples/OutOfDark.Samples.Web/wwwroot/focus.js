// OutOfDark web sample: where focus goes after something is removed or moved. A removal or move redraws the view, which
// drops the browser's focus onto <body>; a keyboard user would have to Tab from the top again. edit.js and reorder.js
// call OutOfDarkFocus.after(pick, text) once the command succeeded: pick() finds the element a keyboard user expects
// next in the redrawn view (the same move button in its new place; after a removal the next sibling, the previous one,
// or the parent), text is said in the polite live region #edit-announce ("Removed widget Average wait"). Views may
// redraw more than once (a hash change redraws again): for a short while focus is put back whenever a redraw drops it.
"use strict";

(function () {
  const WINDOW_MS = 3000;
  let pending = null;

  function region() {
    let node = document.getElementById("edit-announce");
    if (!node) {
      node = el("p", { id: "edit-announce", class: "visually-hidden", role: "status", "aria-live": "polite" });
      document.body.append(node);
    }
    return node;
  }

  // Says text politely; the same text twice in a row is still said (the region is emptied first).
  function announce(text) {
    const node = region();
    node.textContent = "";
    setTimeout(() => { node.textContent = text; }, 50);
  }

  function usable(node) {
    return !!node && node.isConnected && !node.disabled && !node.closest("[hidden]") && node.getClientRects().length > 0;
  }

  function focus(node) {
    if (!usable(node)) return false;
    if (!node.matches("a[href], button, input, select, textarea, summary, [tabindex]")) node.setAttribute("tabindex", "-1");
    node.focus();
    return document.activeElement === node;
  }

  // The first usable element of a list of candidates (elements, selectors, or functions giving either).
  function first(candidates) {
    for (const c of candidates) {
      const value = typeof c === "function" ? c() : c;
      const node = typeof value === "string" ? document.querySelector(value) : value;
      if (usable(node)) return node;
    }
    return null;
  }

  function settle() {
    if (!pending) return;
    if (Date.now() > pending.until) { pending = null; return; }
    const active = document.activeElement;
    const kept = active && active !== document.body && active.isConnected;
    if (kept && active === pending.focused) return;
    // Focus was put in place and the user has moved it since: leave it where they put it.
    if (kept && pending.focused) { pending = null; return; }
    const node = first(pending.candidates);
    if (node && focus(node)) pending.focused = node;
  }

  new MutationObserver(() => settle()).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden", "disabled"] });

  // candidates: in order of preference, tried now and after each redraw for a few seconds; text: said once.
  function after(candidates, text) {
    pending = { candidates, focused: null, until: Date.now() + WINDOW_MS };
    settle();
    if (text) announce(text);
  }

  // The map box of an activity, by id.
  function mapBox(id) {
    return () => id ? [...document.querySelectorAll("#map g.ood-node[data-activity-id]")].find(n => n.getAttribute("data-activity-id") === id) || null : null;
  }

  window.OutOfDarkFocus = { after, announce, mapBox };
})();
