// OutOfDark web sample: the Activity Map. The server draws it with the library's own SVG renderer (GET …/map.svg), so
// the page shows exactly the report's map: routed flows with their labels, the legend, phase colours, every lane and
// severity outlines. This file puts that SVG into the page and makes its boxes work: every box is a <g> carrying
// data-activity-id, tabindex=0, role=button and an aria-label; click or Enter opens its Detail view and moves focus
// there, Escape closes the Detail view and gives focus back to the box.
// The SVG is parsed as XML (DOMParser, never innerHTML); the renderer escapes all user text and writes no script.
"use strict";

const mapState = { open: null, focusDetail: false, shown: null };

function mapNodes() {
  return document.querySelectorAll("#map g.ood-node[data-activity-id]");
}

function mapNode(activityId) {
  return [...mapNodes()].find(node => node.getAttribute("data-activity-id") === activityId) || null;
}

function openActivity(activityId) {
  mapState.open = activityId;
  mapState.focusDetail = true;
  location.hash = "#/map/" + activityId;
}

async function renderMap() {
  const response = await fetch(journeyPath("/map.svg"));
  if (!response.ok) {
    const error = new Error(`Could not load the map (${response.status} ${response.statusText}).`);
    error.status = response.status;
    throw error;
  }
  const text = await response.text();
  const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
  if (parsed.querySelector("parsererror") || parsed.documentElement.localName !== "svg") {
    throw new Error("The map could not be read.");
  }
  const root = document.importNode(parsed.documentElement, true);
  // The renderer writes the domain's messages (warnings in a box's tooltip): names for ids, local dates for ISO ones.
  for (const title of root.querySelectorAll("title, desc")) title.textContent = readable(title.textContent);
  for (const labelled of root.querySelectorAll("[aria-label]")) labelled.setAttribute("aria-label", readable(labelled.getAttribute("aria-label")));
  root.setAttribute("aria-label", root.querySelector("title") ? root.querySelector("title").textContent : "Activity map");
  const host = document.getElementById("map");
  host.replaceChildren(root);
  if (window.OutOfDarkEdit) window.OutOfDarkEdit.map(host);
  for (const node of mapNodes()) {
    const id = node.getAttribute("data-activity-id");
    node.setAttribute("data-testid", "map-node");
    node.classList.toggle("selected", id === state.selected);
    node.setAttribute("aria-pressed", id === state.selected ? "true" : "false");
  }
  // Back from a Detail view to the plain map: focus returns to the box the view was opened from.
  if (!state.selected && mapState.open) {
    const node = mapNode(mapState.open);
    mapState.open = null;
    const active = document.activeElement;
    if (node && (!active || active === document.body || document.getElementById("detail").contains(active) || host.contains(active))) {
      node.focus();
    }
  } else if (state.selected) {
    mapState.open = state.selected;
  }
}

// Called by the router once the Detail view of the open activity is drawn: focus moves into it when it was opened from
// the map (not when it is redrawn after, say, recording a value).
function mapDetailShown() {
  const heading = document.getElementById("detail-name");
  // The open activity's box is brought into view once per opening, not on every redraw of the same Detail view.
  const box = mapNode(state.selected);
  if (box && mapState.shown !== state.selected) {
    mapState.shown = state.selected;
    box.scrollIntoView({ block: "nearest", inline: "nearest" });
    // On a phone the Detail view sits below the map: brought into view, its heading focused, or it is never seen.
    if (heading && window.matchMedia("(max-width: 760px)").matches) {
      heading.scrollIntoView({ block: "start" });
      mapState.focusDetail = true;
    }
  }
  if (!heading || !mapState.focusDetail) return;
  mapState.focusDetail = false;
  heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: true });
}

function closeDetail() {
  if (document.getElementById("detail").hidden || !state.selected) return;
  mapState.open = state.selected;
  mapState.shown = null;
  location.hash = "#/map";
}

document.addEventListener("DOMContentLoaded", () => {
  const host = document.getElementById("map");
  host.addEventListener("click", event => {
    const node = event.target.closest && event.target.closest("g.ood-node[data-activity-id]");
    if (node) openActivity(node.getAttribute("data-activity-id"));
  });
  host.addEventListener("keydown", event => {
    const node = event.target.closest && event.target.closest("g.ood-node[data-activity-id]");
    if (node && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      openActivity(node.getAttribute("data-activity-id"));
    }
  });
  document.addEventListener("keydown", event => {
    if (event.key === "Escape" && !document.getElementById("map-view").hidden) closeDetail();
  });
});
