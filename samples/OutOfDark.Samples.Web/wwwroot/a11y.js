// OutOfDark web sample: the keyboard path. The views re-render after every change, which drops the browser's focus;
// this module puts focus back where the user was, whoever rendered the view:
//   - an activity opened from the map (Enter or click): focus moves to the Detail view's heading;
//   - Escape closes the Detail view: focus returns to that activity on the map;
//   - a warning action (acknowledge, snooze, resolve, reopen): focus stays on the warning's row, or moves to the row
//     now at its place when the warning left the list.
// It only reads the DOM (data-activity-id, data-warning-key, #detail) and never changes what a view shows.
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

  // Focus the warning's row (its first action, else the row), or the row now at the same place, or the table.
  function focusWarning({ key, index }) {
    const table = document.getElementById("warnings");
    if (!table || !focusable(table)) return false;
    // Rows in a folded section (a warning that left "Needs attention") cannot take focus: the row now at its place does.
    const rows = [...table.querySelectorAll("tbody tr[data-warning-key]")].filter(r => focusable(r));
    const row = rows.find(r => r.getAttribute("data-warning-key") === key) || rows[Math.min(index, rows.length - 1)];
    if (!row) return focus(table);
    return focus(row.querySelector("button:not([disabled]), a[href], input") || row);
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
      case "warning": {
        // The triage view renders more than once after an action (the list, then its counts): until the time is up,
        // focus is put back whenever a render drops it to the page, never taken from where the user moved it.
        const lost = !document.activeElement || document.activeElement === document.body;
        if (!pending.placed || lost) pending.placed = focusWarning(pending.value) || !!pending.placed;
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

  // A warning action re-renders the list: remember which row it was and where.
  document.addEventListener("click", event => {
    const button = event.target instanceof Element ? event.target.closest("#warnings button[data-action]") : null;
    if (!button) return;
    const row = button.closest("tr[data-warning-key]");
    if (!row) return;
    const rows = [...row.parentElement.querySelectorAll("tr[data-warning-key]")];
    // Wait for the list to change: the row is still there, in its old state, until the command's answer comes back.
    const before = row.getAttribute("data-state");
    pending = { kind: "wait", until: Date.now() + PENDING_MS };
    const key = row.getAttribute("data-warning-key"), index = rows.indexOf(row);
    const watch = new MutationObserver(() => {
      const now = byAttribute(document.getElementById("warnings") || document, "data-warning-key", key);
      if (now === row && row.getAttribute("data-state") === before) return;
      watch.disconnect();
      expect("warning", { key, index });
    });
    watch.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-state"] });
    setTimeout(() => watch.disconnect(), PENDING_MS);
  }, true);
})();
