// OutOfDark web sample: the Activity Map, the Detail view and the Warnings view over the JSON API.
// No framework and no innerHTML: every piece of user text goes into the page through textContent.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const state = { journeyId: null, version: null, journey: null, selected: null, offset: 0 };
const PAGE = 50;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

function say(text) {
  const message = document.getElementById("message");
  message.textContent = text || "";
  message.hidden = !text;
}

function rememberVersion(response) {
  const etag = response.headers.get("ETag");
  if (etag) {
    state.version = etag;
    document.getElementById("version").textContent = "version " + etag.replaceAll('"', "");
  }
}

async function api(path, options) {
  const response = await fetch(path, options);
  rememberVersion(response);
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json() : null;
  if (!response.ok) {
    const errors = body && body.errors ? Object.entries(body.errors).map(([field, list]) => field + ": " + list.join(" ")).join("; ") : "";
    const error = new Error((body && (body.detail || body.title)) || response.statusText);
    error.status = response.status;
    error.details = errors;
    throw error;
  }
  return body;
}

async function command(path, body, method) {
  return api(path, {
    method: method || "POST",
    headers: { "Content-Type": "application/json", "If-Match": state.version || "*" },
    body: JSON.stringify(body),
  });
}

function journeyPath(suffix) {
  return "/api/journeys/" + encodeURIComponent(state.journeyId) + (suffix || "");
}

// ---- Activity Map -------------------------------------------------------------------------------------------------

function truncate(text, max) {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

async function renderMap() {
  const map = await api(journeyPath("/map"));
  const host = document.getElementById("map");
  const root = svg("svg", { width: map.width, height: map.height, viewBox: `0 0 ${map.width} ${map.height}`, role: "group", "aria-label": "Activity map" });
  const defs = svg("defs");
  const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" });
  marker.append(svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#52606d" }));
  defs.append(marker);
  root.append(defs);

  for (const lane of map.lanes) {
    root.append(svg("rect", { class: "lane", x: lane.bounds.x, y: lane.bounds.y, width: lane.bounds.width, height: lane.bounds.height }));
    root.append(svg("rect", { class: "lane-header", x: lane.header.x, y: lane.header.y, width: lane.header.width, height: lane.header.height }));
    root.append(svg("text", { class: "lane-name", x: lane.header.x + 10, y: lane.header.y + 22 }, lane.name));
    if (lane.customerGoal) {
      root.append(svg("text", { class: "lane-goal", x: lane.header.x + 10, y: lane.header.y + 40 }, truncate(lane.customerGoal, Math.floor(lane.header.width / 6.2))));
    }
  }

  for (const edge of map.edges) {
    const line = svg("line", { class: "edge-" + edge.kind, x1: edge.x1, y1: edge.y1, x2: edge.x2, y2: edge.y2 });
    if (edge.kind === "flow") line.setAttribute("marker-end", "url(#arrow)");
    if (edge.label) line.append(svg("title", {}, edge.label));
    root.append(line);
  }

  for (const node of map.nodes) {
    const group = svg("g", {
      class: "node" + (node.severity ? " severity-" + node.severity : "") + (node.activityId === state.selected ? " selected" : ""),
      "data-activity-id": node.activityId,
      "data-testid": "map-node",
      tabindex: "0",
      role: "button",
    });
    group.append(svg("title", {}, node.name + (node.warningCount ? ` — ${node.warningCount} warning(s)` : "")));
    group.append(svg("rect", { x: node.bounds.x, y: node.bounds.y, width: node.bounds.width, height: node.bounds.height }));
    const label = svg("text", { class: "node-name", x: node.bounds.x + 8, y: node.bounds.y + 19 }, truncate(node.name, Math.floor(node.bounds.width / 7)));
    group.append(label);
    group.append(svg("text", { class: "badge", x: node.bounds.x + 8, y: node.bounds.y + 36 },
      node.status + (node.warningCount ? ` · ${node.warningCount} ⚠` : "")));
    const open = () => { location.hash = "#/map/" + node.activityId; };
    group.addEventListener("click", open);
    group.addEventListener("keydown", event => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(); } });
    root.append(group);
  }

  host.replaceChildren(root);
}

// ---- Detail view --------------------------------------------------------------------------------------------------

function sparkline(points) {
  if (points.length < 2) return null;
  const values = points.map(p => p.value);
  const min = Math.min(...values), max = Math.max(...values);
  const width = 360, height = 40, span = max - min || 1;
  const coords = points.map((p, i) => `${(i * width / (points.length - 1)).toFixed(1)},${(height - 2 - (p.value - min) * (height - 4) / span).toFixed(1)}`);
  const chart = svg("svg", { class: "spark", width, height, viewBox: `0 0 ${width} ${height}` });
  chart.append(svg("polyline", { points: coords.join(" ") }));
  return chart;
}

function widgetBody(widget) {
  const c = widget.content;
  switch (widget.kind) {
    case "metric": {
      const unit = c.unit ? " " + c.unit : "";
      const latest = c.latest ? el("div", {}, el("span", { class: "value" }, c.latest.value + unit), " on " + c.latest.date) : el("div", { class: "muted" }, "No observations yet");
      const limits = el("div", { class: "muted" },
        `target ${c.target ?? "–"} · warning ${c.warningThreshold ?? "–"} · critical ${c.criticalThreshold ?? "–"} · ${c.observationCount} observations`);
      return [latest, limits, sparkline(c.recent), recordForm(widget)];
    }
    case "link":
      return [c.clickable ? el("a", { href: c.url, rel: "noopener noreferrer", target: "_blank" }, c.url) : el("span", {}, c.url)];
    case "description":
      return [el("p", {}, c.markdown)];
    case "solution":
      return [el("p", {}, el("strong", {}, "Problem: "), c.problem), el("p", {}, el("strong", {}, "Solution: "), c.solution), el("div", { class: "muted" }, "Status: " + c.status)];
    case "emotion":
      return [el("p", {}, `${c.persona ?? "?"}: feels ${c.asIs > 0 ? "+" + c.asIs : c.asIs}` + (c.toBe !== null ? `, should feel ${c.toBe > 0 ? "+" + c.toBe : c.toBe}` : "")), c.note ? el("p", { class: "muted" }, c.note) : null];
    case "feedback":
      return [el("div", { class: "muted" }, `${c.count} entries`),
        el("ul", { class: "feedback" }, ...c.entries.map(e => el("li", {}, el("q", {}, e.quote), ` — ${e.source}, ${e.date} (${e.sentiment})`)))];
    default:
      return [el("dl", {}, ...Object.entries(c).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v ?? "")]))];
  }
}

function nextDay(date) {
  const next = date ? new Date(date + "T00:00:00Z") : new Date();
  if (date) next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function recordForm(widget) {
  const form = el("form", { class: "record", "data-widget-id": widget.id },
    el("input", { type: "date", name: "date", required: "required", value: nextDay(widget.content.latest && widget.content.latest.date), "aria-label": "Date" }),
    el("input", { type: "number", name: "value", step: "any", required: "required", placeholder: "value", "aria-label": "Value" }),
    el("button", { type: "submit" }, "Record"));
  form.addEventListener("submit", async event => {
    event.preventDefault();
    try {
      await command(journeyPath("/widgets/" + encodeURIComponent(widget.id) + "/observations"),
        { date: form.elements.date.value, value: Number(form.elements.value.value) });
      say("");
      await route();
    } catch (error) {
      say(error.status === 412 ? "Someone changed the journey meanwhile; it is reloaded, try again." : `Could not record: ${error.message} ${error.details || ""}`);
      if (error.status === 412) await route();
    }
  });
  return form;
}

async function renderDetail(activityId) {
  const aside = document.getElementById("detail");
  const detail = await api(journeyPath("/activities/" + encodeURIComponent(activityId)));
  const a = detail.activity;
  const meta = el("dl", {},
    el("dt", {}, "Phase"), el("dd", {}, detail.phaseName),
    el("dt", {}, "Kind"), el("dd", {}, a.kind),
    el("dt", {}, "Status"), el("dd", {}, a.status),
    el("dt", {}, "Owner"), el("dd", {}, a.owner ?? "—"),
    el("dt", {}, "Team"), el("dd", {}, a.team ?? "—"),
    el("dt", {}, "Channels"), el("dd", {}, a.channels.join(", ") || "—"));
  const widgets = detail.widgets.map(w => el("article", { class: "widget", "data-kind": w.kind, "data-widget-id": w.id },
    el("span", { class: "kind" }, w.kind), el("h3", {}, w.title), ...widgetBody(w)));
  const warnings = detail.warnings.length
    ? el("ul", { class: "activity-warnings" }, ...detail.warnings.map(w => el("li", {}, el("span", { class: "sev sev-" + w.severity }, w.severity), " ", w.message, el("span", { class: "muted" }, ` (${w.state})`))))
    : el("p", { class: "muted" }, "No warnings.");
  const history = el("ol", { class: "history" }, ...detail.history.slice(0, 40).map(h =>
    el("li", {}, el("time", {}, `v${h.version} · ${h.at} · ${h.actor}`), h.description + (h.reason ? ` (${h.reason})` : ""))));
  aside.replaceChildren(...[
    el("button", { type: "button", id: "close-detail" }, "Close"),
    el("h2", { id: "detail-name" }, a.name),
    a.description ? el("p", {}, a.description) : null,
    meta,
    el("h3", {}, "Warnings"), warnings,
    el("h3", {}, `Widgets (${detail.widgets.length})`), ...widgets,
    el("h3", {}, "History"), history].filter(child => child !== null));
  aside.querySelector("#close-detail").addEventListener("click", () => { location.hash = "#/map"; });
  aside.hidden = false;
}

// ---- Warnings view ------------------------------------------------------------------------------------------------

function fillFilters() {
  const form = document.getElementById("warning-filters");
  const phase = form.elements.phase, owner = form.elements.owner;
  const keepPhase = phase.value, keepOwner = owner.value;
  phase.replaceChildren(el("option", { value: "" }, "any"), ...state.journey.phases.map(p => el("option", { value: p.id }, p.name)));
  const owners = [...new Set(state.journey.activities.map(a => a.owner).filter(o => o))].sort();
  owner.replaceChildren(el("option", { value: "" }, "any"), ...owners.map(o => el("option", { value: o }, o)));
  phase.value = keepPhase;
  owner.value = keepOwner;
}

async function act(action, warning, extra) {
  try {
    await command(journeyPath("/warnings/" + action), Object.assign({ rule: warning.rule, subject: warning.subjectKind + ":" + warning.subjectId }, extra || {}));
    say("");
  } catch (error) {
    say(error.status === 412 ? "Someone changed the journey meanwhile; the list is reloaded, try again." : `Could not ${action}: ${error.message} ${error.details || ""}`);
  }
  await renderWarnings();
}

// The whole workspace's warnings, from the workspace read model: filters and pages go to the server.
async function renderWorkspaceWarnings(form) {
  const query = new URLSearchParams();
  for (const name of ["severity", "owner", "state"]) {
    if (form.elements[name].value) query.set(name, form.elements[name].value);
  }
  const phase = form.elements.phase;
  if (phase.value) query.set("phase", phase.options[phase.selectedIndex].textContent);
  query.set("offset", String(state.offset));
  query.set("limit", String(PAGE));
  const page = await api("/api/workspace/warnings?" + query);
  const rows = page.items.map(w => el("tr", { "data-warning-key": w.key, "data-state": w.state, "data-journey-id": w.journeyId },
    el("td", { class: "journey-column" }, w.journeyName),
    el("td", {}, el("span", { class: "sev sev-" + w.severity }, w.severity)),
    el("td", {}, w.subjectName),
    el("td", {}, w.phaseName ?? ""),
    el("td", {}, w.owner ?? ""),
    el("td", {}, w.message),
    el("td", { class: "state" }, w.state + (w.snoozedUntil ? ` until ${w.snoozedUntil}` : "")),
    el("td", {})));
  document.querySelector("#warnings tbody").replaceChildren(...rows);
  const shown = page.items.length ? `${page.offset + 1}–${page.offset + page.items.length} of ${page.total}` : `0 of ${page.total}`;
  document.getElementById("warning-counts").textContent =
    `${shown} warnings across the workspace · ${page.counts.critical} critical · ${page.counts.warning} warning · ${page.counts.info} info`;
  document.getElementById("warning-pages").hidden = page.offset === 0 && !page.hasMore;
  document.getElementById("previous-page").disabled = page.offset === 0;
  document.getElementById("next-page").disabled = !page.hasMore;
}

async function renderWarnings() {
  fillFilters();
  const form = document.getElementById("warning-filters");
  const workspace = form.elements.scope.value === "workspace";
  for (const cell of document.querySelectorAll("#warnings .journey-column")) cell.hidden = !workspace;
  if (workspace) return renderWorkspaceWarnings(form);
  document.getElementById("warning-counts").textContent = "";
  document.getElementById("warning-pages").hidden = true;
  const query = new URLSearchParams();
  for (const name of ["severity", "phase", "owner", "state"]) {
    if (form.elements[name].value) query.set(name, form.elements[name].value);
  }
  const warnings = await api(journeyPath("/warnings?" + query));
  const rows = warnings.map(w => {
    const actions = el("td", {});
    if (w.state !== "acknowledged") actions.append(el("button", { type: "button", "data-action": "acknowledge" }, "Acknowledge"));
    if (w.state !== "snoozed") actions.append(el("button", { type: "button", "data-action": "snooze" }, "Snooze 7 days"));
    if (w.state !== "resolved") actions.append(el("button", { type: "button", "data-action": "resolve" }, "Resolve"));
    if (w.state !== "open") actions.append(el("button", { type: "button", "data-action": "reopen" }, "Reopen"));
    actions.addEventListener("click", event => {
      const action = event.target.getAttribute("data-action");
      if (action) act(action, w, action === "snooze" ? { days: 7 } : {});
    });
    const state = w.state + (w.handledBy ? ` by ${w.handledBy}` : "") + (w.snoozedUntil ? ` until ${w.snoozedUntil}` : "");
    return el("tr", { "data-warning-key": w.key, "data-state": w.state },
      el("td", {}, el("span", { class: "sev sev-" + w.severity }, w.severity)),
      el("td", {}, w.metric ? `${w.subjectName} › ${w.metric}` : w.subjectName),
      el("td", {}, w.phaseName ?? ""),
      el("td", {}, w.owner ?? ""),
      el("td", { title: w.evidence.map(e => `${e.name}: ${e.value}`).join("\n") }, w.message),
      el("td", { class: "state" }, state),
      actions);
  });
  document.querySelector("#warnings tbody").replaceChildren(...rows);
}

// ---- Routing ------------------------------------------------------------------------------------------------------

async function route() {
  const [, view, id] = (location.hash || "#/map").split("/");
  const isWarnings = view === "warnings";
  document.getElementById("map-view").hidden = isWarnings;
  document.getElementById("warnings-view").hidden = !isWarnings;
  document.getElementById("nav-map").classList.toggle("active", !isWarnings);
  document.getElementById("nav-warnings").classList.toggle("active", isWarnings);
  if (!state.journeyId) return;
  try {
    state.journey = await api(journeyPath(""));
    if (isWarnings) {
      await renderWarnings();
    } else {
      state.selected = id || null;
      await renderMap();
      if (id) await renderDetail(id); else document.getElementById("detail").hidden = true;
    }
  } catch (error) {
    say(error.message);
  }
}

async function start() {
  const journeys = await api("/api/journeys");
  const select = document.getElementById("journey");
  select.replaceChildren(...journeys.map(j => el("option", { value: j.id }, j.name)));
  const wanted = new URLSearchParams(location.search).get("journey");
  state.journeyId = journeys.some(j => j.id === wanted) ? wanted : (journeys[0] && journeys[0].id);
  if (state.journeyId) select.value = state.journeyId; else say("No journeys in this workspace yet.");
  select.addEventListener("change", () => { state.journeyId = select.value; location.hash = "#/map"; route(); });
  document.getElementById("warning-filters").addEventListener("change", () => { state.offset = 0; renderWarnings().catch(error => say(error.message)); });
  document.getElementById("previous-page").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); renderWarnings().catch(error => say(error.message)); });
  document.getElementById("next-page").addEventListener("click", () => { state.offset += PAGE; renderWarnings().catch(error => say(error.message)); });
  window.addEventListener("hashchange", route);
  await route();
  document.body.setAttribute("data-ready", "true");
}

start().catch(error => say("Could not load: " + error.message));
