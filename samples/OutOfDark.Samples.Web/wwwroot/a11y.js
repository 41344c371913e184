// OutOfDark web sample: the keyboard path. The views re-render after every change, which drops the browser's focus;
// this module puts focus back where the user was, whoever rendered the view:
//   - an activity opened from the map (Enter or click): focus moves to the Detail view's heading;
//   - Escape closes the Detail view: focus returns to that activity on the map.
// (The Warnings view puts focus back itself after an action, once its list is drawn again: triage.js.)
// It only reads the DOM (data-activity-id, #detail) and never changes what a view shows.
"use strict";

(() => {
  // What to focus once the page has re-rendered; dropped after a few seconds so a late render never steals focus.
  let pending = null;
  const PENDING_MS = 5000;

  function expect(kind, value) {
    // The heading on screen now belongs to the activity shown before: wait for the new one.
    const stale = detailOpen()?.querySelector("h2") || null;
    pending = { kind, value, stale, until: Date.now() + PENDING_MS };
    settle();
  }

  function focusable(node) {
    return node && !node.closest("[hidden]") && node.getClientRects().length > 0;
  }

  function focus(node) {
    if (!focusable(node)) return false;
    if (!node.matches("a[href], button, input, select, textarea, [tabindex]")) node.setAttribute("tabindex", "-1");
    node.focus({ preventScroll: false });
    return document.activeElement === node;
  }

  function detailOpen() {
    const detail = document.getElementById("detail");
    return detail && !detail.hidden ? detail : null;
  }

  function byAttribute(scope, name, value) {
    return [...scope.querySelectorAll(`[${name}]`)].find(node => node.getAttribute(name) === value) || null;
  }

  function settle() {
    if (!pending) return;
    if (Date.now() > pending.until) { pending = null; return; }
    let done = false;
    switch (pending.kind) {
      case "detail": {
        const detail = detailOpen();
        const heading = detail && detail.querySelector("h2");
        done = !!heading && heading !== pending.stale && location.hash.endsWith("/" + pending.value) && focus(heading);
        break;
      }
      case "activity": {
        const map = document.getElementById("map");
        done = !detailOpen() && !!map && focus(byAttribute(map, "data-activity-id", pending.value));
        break;
      }
    }
    if (done) pending = null;
  }

  // Re-renders replace nodes: try again after each batch of DOM changes.
  new MutationObserver(() => settle()).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden"] });

  window.addEventListener("hashchange", event => {
    const [, view, id] = (new URL(event.newURL).hash || "#/map").split("/");
    const [, oldView, oldId] = (new URL(event.oldURL).hash || "#/map").split("/");
    if (view === "map" && id && id !== oldId) expect("detail", id);
    else if (view === "map" && !id && oldView === "map" && oldId && (!pending || pending.kind !== "activity")) expect("activity", oldId);
  });

  document.addEventListener("keydown", event => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    const detail = detailOpen();
    if (!detail) return;
    const [, view, id] = (location.hash || "").split("/");
    if (view !== "map" || !id) return;
    event.preventDefault();
    expect("activity", id);
    location.hash = "#/map";
  });
})();
