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

function truncate(text, max) {
  return text.length > max ? text.slice(0, max - 1) + "…" : text;
}

function say(text) {
  const message = document.getElementById("message");
  message.replaceChildren(isolated(readable(text) || ""));
  message.hidden = !text;
}

function rememberVersion(response) {
  const etag = response.headers.get("ETag");
  if (etag) state.version = etag;
}

// The words of a refusal (an RFC 9457 problem): its detail when it has one, else its field errors, and its title only
// when it says nothing else: "The request is not valid." carries nothing the person can act on.
function problemText(body, errors) {
  if (!body) return "";
  return body.detail || errors || body.title || "";
}

async function api(path, options) {
  const response = await fetchWithRetry(path, options);
  rememberVersion(response);
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json() : null;
  if (!response.ok) {
    // The banner speaks words only: the field keys ("phaseId") stay in error.fields for the messages next to fields.
    const errors = body && body.errors ? Object.values(body.errors).flat().join(" ") : "";
    const error = new Error(problemText(body, errors) || response.statusText);
    error.status = response.status;
    // Said once: callers append error.details to error.message, so it is empty when the message already is the errors.
    error.details = error.message === errors ? "" : errors;
    error.fields = (body && body.errors) || {};
    error.errors = body && body.errors;
    error.problem = body;
    throw error;
  }
  // A change that went through clears an earlier refusal still on screen; whatever the caller says next replaces it.
  if (((options && options.method) || "GET").toUpperCase() !== "GET") say("");
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

// ---- Activity Map: map.js (renderMap, mapDetailShown) -------------------------------------------------------------

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
      const latest = c.latest ? el("div", {}, el("span", { class: "value" }, formatAmount(c.latest.value, c.unit)), " on " + humanDate(c.latest.date)) : el("div", { class: "muted" }, "No observations yet");
      const limit = value => value === null || value === undefined ? "–" : formatAmount(value, c.unit);
      const limits = el("div", { class: "muted" },
        `target ${limit(c.target)} · warning ${limit(c.warningThreshold)} · critical ${limit(c.criticalThreshold)} · ${formatNumber(c.observationCount)} observations`);
      return [latest, limits, sparkline(c.recent), recordForm(widget)];
    }
    case "link":
      return [c.clickable ? el("a", { href: c.url, rel: "noopener noreferrer", target: "_blank" }, c.url) : el("span", {}, c.url)];
    case "description":
      return [el("p", {}, c.markdown)];
    case "solution":
      return [el("p", {}, el("strong", {}, "Problem: "), c.problem), el("p", {}, el("strong", {}, "Solution: "), c.solution), el("div", { class: "muted" }, "Status: " + words(c.status))];
    case "emotion":
      return [el("p", { class: "emotion", "data-persona": c.persona ?? "" }, `${c.persona ?? "?"} feels ${emotionText(c.asIs)}` + (c.toBe !== null ? `; should feel ${emotionText(c.toBe)}` : "")), c.note ? el("p", { class: "muted" }, c.note) : null];
    case "feedback":
      return [el("div", { class: "muted" }, `${c.count} entries`),
        el("ul", { class: "feedback" }, ...c.entries.map(e => el("li", {}, el("q", {}, e.quote), ` — ${e.source}, ${humanDate(e.date)} (${words(e.sentiment)})`)))];
    default:
      return [el("dl", {}, ...Object.entries(c).flatMap(([k, v]) => [el("dt", {}, words(k)), el("dd", {}, formatValue(v))]))];
  }
}

// The default date of every date input: today in the app's clock (the Detail answer's `today`), never the browser's date.
function appToday() {
  return state.today || new Date().toISOString().slice(0, 10);
}

function recordForm(widget) {
  const form = el("form", { class: "record", "data-widget-id": widget.id },
    el("input", { type: "date", name: "date", required: "required", value: appToday(), "aria-label": "Date" }),
    el("input", { type: "number", name: "value", step: "any", required: "required", placeholder: "value", "aria-label": "Value" }),
    el("button", { type: "submit" }, "Record"));
  OutOfDarkLimits.observationDates(form.elements.date, appToday());
  const latest = widget.content.latest;
  if (latest && latest.date === appToday()) {
    // One observation per date: say so before the refusal, and where the date field is.
    const note = el("p", { class: "muted record-today", id: "record-today-" + widget.id },
      `A value for today (${humanDate(latest.date)}) is already recorded; a metric keeps one value per date, so pick another date to record one.`);
    form.elements.date.setAttribute("aria-describedby", note.id);
    form.append(note);
  }
  form.addEventListener("submit", async event => {
    event.preventDefault();
    try {
      await command(journeyPath("/widgets/" + encodeURIComponent(widget.id) + "/observations"),
        { date: form.elements.date.value, value: OutOfDarkLimits.exactNumber(form.elements.value.value) });
      say("");
      // Focus stays on the value field of this metric's redrawn form (focus.js), and the result is said.
      if (window.OutOfDarkFocus) OutOfDarkFocus.after([`#detail form.record[data-widget-id="${widget.id}"] input[name="value"]`], `Recorded ${form.elements.value.value} for ${widget.title} on ${humanDate(form.elements.date.value)}`);
      await route();
    } catch (error) {
      if (error.status === 412) { showConflict(form, error); return; }
      const rest = showFieldErrors(form, error);
      say(rest ? `Could not record: ${rest}` : "");
      if (typeof offerCorrection === "function") offerCorrection(form, widget, error);
    }
  });
  return form;
}

async function renderDetail(activityId) {
  const aside = document.getElementById("detail");
  const detail = await api(journeyPath("/activities/" + encodeURIComponent(activityId)));
  const a = detail.activity;
  state.today = detail.today;
  const phase = state.journey && state.journey.phases.find(p => p.id === a.phaseId);
  const phaseGoal = phase && phase.customerGoal;
  const meta = el("dl", {},
    // The phase's customer goal in full (the map's lane header shows one line of it, its tooltip the rest).
    el("dt", {}, "Phase"), el("dd", {}, el("span", { class: "phase-name" }, detail.phaseName), phaseGoal ? el("div", { class: "muted phase-goal" }, "Customer goal: " + phaseGoal) : null),
    el("dt", {}, "Kind"), el("dd", {}, words(a.kind)),
    el("dt", {}, "Status"), el("dd", {}, words(a.status)),
    el("dt", {}, "Owner"), el("dd", {}, a.owner ?? "—"),
    el("dt", {}, "Team"), el("dd", {}, a.team ?? "—"),
    el("dt", {}, "Channels"), el("dd", {}, a.channels.join(", ") || "—"),
    ...(a.plannedStart || a.plannedEnd ? [el("dt", {}, "Planned"), el("dd", {}, [humanDate(a.plannedStart), humanDate(a.plannedEnd)].filter(d => d).join(" – "))] : []));
  const widgets = detail.widgets.map(w => el("article", { class: "widget", "data-kind": w.kind, "data-widget-id": w.id },
    el("span", { class: "kind" }, words(w.kind)), el("h3", {}, w.title), ...widgetBody(w)));
  const warnings = detail.warnings.length
    ? el("ul", { class: "activity-warnings" }, ...detail.warnings.map(w => el("li", {}, el("span", { class: "sev sev-" + w.severity }, w.severity), " ", isolated(readable(w.message, detail.widgets.map(x => x.title))), el("span", { class: "muted" }, ` (${words(w.state)})`))))
    : el("p", { class: "muted" }, "No warnings.");
  const history = el("div", { id: "detail-history" });
  aside.replaceChildren(...[
    el("button", { type: "button", id: "close-detail" }, "Close"),
    el("h2", { id: "detail-name" }, a.name),
    a.description ? el("p", {}, a.description) : null,
    meta,
    el("h3", {}, "Warnings"), warnings,
    el("h3", {}, `Widgets (${detail.widgets.length})`), ...widgets,
    el("h3", {}, "History"), history].filter(child => child !== null));
  aside.querySelector("#close-detail").addEventListener("click", () => { location.hash = "#/map"; });
  if (window.OutOfDarkEdit) window.OutOfDarkEdit.detail(aside, detail);
  aside.hidden = false;
  await renderHistoryInto(history, { activity: activityId, limit: 10 });
  decorateDetailEmotions(aside);
}

// ---- Routing ------------------------------------------------------------------------------------------------------

// The view a hash names ("map", "warnings", "history"): a refusal on the page's message line belongs to the view it was
// made in, so it is cleared when the person goes to another view (not when the same view is drawn again).
function viewOfHash(hash) {
  return (hash || "#/map").split("?")[0].split("/")[1] || "map";
}

let shownView = viewOfHash(location.hash);

function clearMessageOnViewChange() {
  const view = viewOfHash(location.hash);
  if (view !== shownView) say("");
  shownView = view;
}

async function route() {
  const [, view, id] = (location.hash || "#/map").split("?")[0].split("/");
  const isWarnings = view === "warnings", isHistory = view === "history";
  document.getElementById("map-view").hidden = isWarnings || isHistory;
  document.getElementById("warnings-view").hidden = !isWarnings;
  document.getElementById("history-view").hidden = !isHistory;
  document.getElementById("nav-map").classList.toggle("active", !isWarnings && !isHistory);
  document.getElementById("nav-warnings").classList.toggle("active", isWarnings);
  document.getElementById("nav-history").classList.toggle("active", isHistory);
  if (!state.journeyId) return;
  try {
    state.journey = await api(journeyPath(""));
    showExports();
    await refreshWarningCounts();
    if (isWarnings) {
      await renderWarnings();
    } else if (isHistory) {
      await renderHistory();
    } else {
      state.selected = id || null;
      await renderMap();
      await renderEmotionLane();
      if (id) { await renderDetail(id); mapDetailShown(); } else document.getElementById("detail").hidden = true;
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
  setUpSearch();
  setUpActorName();
  await loadRuleNames();
  window.addEventListener("hashchange", () => { clearMessageOnViewChange(); route(); });
  await route();
  document.body.setAttribute("data-ready", "true");
}

start().catch(error => say("Could not load: " + error.message));
