// OutOfDark web sample: the Warnings view for triage. "Needs attention" (open warnings) first; snoozed, acknowledged
// and resolved ones in sections of their own; evidence inline; the subject links to its Detail view; snooze for a
// chosen length with a note; select several and acknowledge or snooze them in one request. The filters live in the
// URL (#/warnings?severity=critical&owner=…), so reload and back keep them. The navigation shows the open counts.
"use strict";

const SECTIONS = [
  { state: "open", title: "Needs attention", open: true },
  { state: "snoozed", title: "Snoozed" },
  { state: "acknowledged", title: "Acknowledged" },
  { state: "resolved", title: "Resolved" },
];
const FILTERS = ["scope", "severity", "phase", "owner", "state"];
const triage = { rows: new Map(), selected: new Set() };

function triageFiltersFromUrl() {
  const query = (location.hash.split("?")[1]) || "";
  return new URLSearchParams(query);
}

function writeTriageFiltersToUrl(form) {
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value;
    if (value && !(name === "scope" && value === "journey")) query.set(name, value);
  }
  const text = query.toString();
  const hash = "#/warnings" + (text ? "?" + text : "");
  // A new history entry per change: Back returns to the previous filters.
  if (location.hash !== hash) location.hash = hash; else renderWarnings().catch(error => say(error.message));
}

function fillFilters() {
  const form = document.getElementById("warning-filters");
  const phase = form.elements.phase, owner = form.elements.owner;
  phase.replaceChildren(el("option", { value: "" }, "any"), ...state.journey.phases.map(p => el("option", { value: p.id }, p.name)));
  const owners = [...new Set(state.journey.activities.map(a => a.owner).filter(o => o))].sort();
  owner.replaceChildren(el("option", { value: "" }, "any"), ...owners.map(o => el("option", { value: o }, o)));
  const wanted = triageFiltersFromUrl();
  for (const name of FILTERS) {
    const select = form.elements[name];
    const value = wanted.get(name) || (name === "scope" ? "journey" : "");
    select.value = value;
    // A value that is not among the options (a phase of another journey) falls back to "any".
    if (select.value !== value) select.value = name === "scope" ? "journey" : "";
  }
  return form;
}

// ---- Rows -------------------------------------------------------------------------------------------------------

function triageSubjectCell(w, journeyId) {
  const name = w.metric ? `${w.subjectName} › ${w.metric}` : w.subjectName;
  const activityId = w.activityId || (w.subjectKind === "activity" ? w.subjectId : null);
  if (!activityId) return el("td", {}, name);
  const href = (journeyId && journeyId !== state.journeyId ? "?journey=" + encodeURIComponent(journeyId) : location.pathname + location.search)
    + "#/map/" + encodeURIComponent(activityId);
  return el("td", {}, el("a", { href, class: "subject", title: "Open the Detail view" }, name));
}

function triageStateText(w) {
  const parts = [words(w.state)];
  if (w.handledBy) parts.push("by " + w.handledBy);
  if (w.handledAt) parts.push(humanInstant(w.handledAt, state.now));
  if (w.snoozedUntil) parts.push("until " + humanDate(w.snoozedUntil));
  return parts.join(" ");
}

function triageMessageCell(w) {
  const cell = el("td", {}, el("div", {}, w.message));
  if (w.evidence && w.evidence.length) {
    cell.append(el("dl", { class: "evidence" }, ...w.evidence.flatMap(e => [el("dt", {}, e.name), el("dd", {}, e.value)])));
  }
  return cell;
}

function triageActionsCell(w, journeyId) {
  const cell = el("td", { class: "actions" });
  const button = (action, label) => el("button", { type: "button", "data-action": action }, label);
  if (w.state !== "acknowledged") cell.append(button("acknowledge", "Acknowledge"));
  if (w.state !== "snoozed") cell.append(button("snooze", "Snooze…"));
  if (w.state !== "resolved") cell.append(button("resolve", "Resolve"));
  if (w.state !== "open") cell.append(button("reopen", "Reopen"));
  cell.addEventListener("click", event => {
    const action = event.target.getAttribute && event.target.getAttribute("data-action");
    if (!action || event.target.closest("form")) return;
    if (action === "snooze") {
      if (!cell.querySelector("form.snooze")) cell.append(triageSnoozeForm(options => handleWarnings("snooze", [{ w, journeyId }], options), cell));
      cell.querySelector("form.snooze select").focus();
    } else {
      handleWarnings(action, [{ w, journeyId }], {});
    }
  });
  return cell;
}

function triageRow(w, journeyId, workspace) {
  const key = w.key;
  triage.rows.set(triageRowId(journeyId, key), { w, journeyId });
  const box = el("input", { type: "checkbox", class: "select", "aria-label": "Select " + w.subjectName + ": " + w.message });
  box.checked = triage.selected.has(triageRowId(journeyId, key));
  box.addEventListener("change", () => {
    if (box.checked) triage.selected.add(triageRowId(journeyId, key)); else triage.selected.delete(triageRowId(journeyId, key));
    updateTriageBulkBar();
  });
  return el("tr", { "data-warning-key": key, "data-state": w.state, "data-journey-id": journeyId },
    el("td", {}, box),
    workspace ? el("td", { class: "journey-column" }, w.journeyName) : null,
    el("td", {}, el("span", { class: "sev sev-" + w.severity }, w.severity)),
    triageSubjectCell(w, journeyId),
    el("td", {}, w.phaseName ?? ""),
    el("td", {}, w.owner ?? ""),
    triageMessageCell(w),
    el("td", { class: "state" }, triageStateText(w), w.note ? el("div", { class: "note" }, "“" + w.note + "”") : null),
    triageActionsCell(w, journeyId));
}

function triageRowId(journeyId, key) {
  return journeyId + " " + key;
}

function triageSection(spec, rows, workspace, count) {
  const head = el("thead", {}, el("tr", {},
    el("th", { scope: "col" }, el("input", { type: "checkbox", class: "select-all", "aria-label": "Select every warning in " + spec.title })),
    workspace ? el("th", { scope: "col", class: "journey-column" }, "Journey") : null,
    el("th", { scope: "col" }, "Severity"), el("th", { scope: "col" }, "Subject"), el("th", { scope: "col" }, "Phase"),
    el("th", { scope: "col" }, "Owner"), el("th", { scope: "col" }, "Warning"), el("th", { scope: "col" }, "State"),
    el("th", { scope: "col" }, "Actions")));
  const table = el("table", { class: "warnings", "data-section": spec.state },
    el("caption", { class: "visually-hidden" }, spec.title), head, el("tbody", {}, ...rows));
  head.querySelector(".select-all").addEventListener("change", event => {
    for (const box of table.querySelectorAll("tbody .select")) {
      box.checked = event.target.checked;
      box.dispatchEvent(new Event("change"));
    }
  });
  const heading = `${spec.title} (${count})`;
  if (spec.open) {
    return el("section", { class: "warning-section", "data-section": spec.state }, el("h2", {}, heading),
      rows.length ? table : el("p", { class: "muted empty" }, "Nothing needs attention with these filters."));
  }
  const details = el("details", { class: "warning-section", "data-section": spec.state },
    el("summary", {}, heading), rows.length ? table : el("p", { class: "muted empty" }, "None."));
  return details;
}

// ---- Rendering --------------------------------------------------------------------------------------------------

async function renderWarnings() {
  setUpTriage();
  const form = fillFilters();
  const workspace = form.elements.scope.value === "workspace";
  const wantedState = form.elements.state.value;
  triage.rows.clear();
  const groups = workspace ? await triageWorkspaceGroups(form, wantedState) : await triageJourneyGroups(form);
  const sections = SECTIONS
    .filter(spec => wantedState === "all" || (wantedState ? spec.state === wantedState : spec.state !== "resolved"))
    .map(spec => {
      const found = groups[spec.state] || { items: [], total: 0 };
      const rows = found.items.map(item => triageRow(item.w, item.journeyId, workspace));
      const built = triageSection(wantedState === spec.state || wantedState === "all" ? { ...spec, open: true } : spec, rows, workspace, found.total);
      return built;
    });
  document.getElementById("warnings").replaceChildren(...sections);
  for (const id of [...triage.selected]) if (!triage.rows.has(id)) triage.selected.delete(id);
  updateTriageBulkBar();
}

async function triageJourneyGroups(form) {
  document.getElementById("warning-pages").hidden = true;
  const query = new URLSearchParams();
  for (const name of ["severity", "phase", "owner"]) {
    if (form.elements[name].value) query.set(name, form.elements[name].value);
  }
  const warnings = await api(journeyPath("/warnings?" + query));
  const groups = {};
  for (const w of warnings) {
    (groups[w.state] ||= { items: [], total: 0 }).items.push({ w, journeyId: state.journeyId });
    groups[w.state].total++;
  }
  const open = (groups.open || { items: [] }).items.map(i => i.w);
  document.getElementById("warning-counts").textContent = triageCountsText(open.length, triageSeverityCounts(open), "in this journey");
  return groups;
}

// The workspace read model pages on the server: the open section pages with Previous/Next; the other sections show
// their first page.
async function triageWorkspaceGroups(form, wantedState) {
  const base = new URLSearchParams();
  for (const name of ["severity", "owner"]) {
    if (form.elements[name].value) base.set(name, form.elements[name].value);
  }
  const phase = form.elements.phase;
  if (phase.value) base.set("phase", phase.options[phase.selectedIndex].textContent);
  const groups = {};
  let openPage = null;
  for (const spec of SECTIONS) {
    if (wantedState && wantedState !== "all" && wantedState !== spec.state) continue;
    if (!wantedState && spec.state === "resolved") continue;
    const query = new URLSearchParams(base);
    query.set("state", spec.state);
    query.set("offset", String(spec.state === "open" ? state.offset : 0));
    query.set("limit", String(PAGE));
    const page = await api("/api/workspace/warnings?" + query);
    groups[spec.state] = { items: page.items.map(w => ({ w, journeyId: w.journeyId })), total: page.total };
    if (spec.state === "open" || !openPage) openPage = page;
  }
  const page = openPage;
  const shown = page.items.length ? `${page.offset + 1}–${page.offset + page.items.length} of ${page.total}` : `0 of ${page.total}`;
  document.getElementById("warning-counts").textContent =
    `${shown} warnings across the workspace · ${page.counts.critical} critical · ${page.counts.warning} warning · ${page.counts.info} info`;
  document.getElementById("warning-pages").hidden = page.offset === 0 && !page.hasMore;
  document.getElementById("previous-page").disabled = page.offset === 0;
  document.getElementById("next-page").disabled = !page.hasMore;
  return groups;
}

function triageSeverityCounts(list) {
  const counts = { critical: 0, warning: 0, info: 0 };
  for (const w of list) counts[w.severity] = (counts[w.severity] || 0) + 1;
  return counts;
}

function triageCountsText(total, counts, where) {
  return `${total} need attention ${where} · ${counts.critical} critical · ${counts.warning} warning · ${counts.info} info`;
}

// The navigation's "Warnings 3 critical · 5 warning": the open warnings of the journey, whatever the view.
async function refreshWarningCounts() {
  if (!state.journeyId) return;
  const open = await api(journeyPath("/warnings?state=open"));
  const counts = triageSeverityCounts(open);
  const parts = [];
  if (counts.critical) parts.push(el("span", { class: "count count-critical" }, `${counts.critical} critical`));
  if (counts.warning) parts.push(el("span", { class: "count count-warning" }, `${counts.warning} warning`));
  if (!parts.length && counts.info) parts.push(el("span", { class: "count count-info" }, `${counts.info} info`));
  const link = document.getElementById("nav-warnings");
  const joined = parts.flatMap((part, i) => i ? [" · ", part] : [part]);
  link.replaceChildren("Warnings", ...(joined.length ? [" ", el("span", { class: "nav-counts" }, ...joined)] : []));
}

// ---- Actions ----------------------------------------------------------------------------------------------------

// A small form to snooze for 1 day, 1 week or until a chosen date, with a note.
function triageSnoozeForm(submit, owner) {
  const form = el("form", { class: "snooze" },
    el("label", {}, "For ",
      el("select", { name: "period" },
        el("option", { value: "1" }, "1 day"),
        el("option", { value: "7", selected: "selected" }, "1 week"),
        el("option", { value: "custom" }, "until a date…"))),
    el("label", { class: "until", hidden: "hidden" }, "Until ", el("input", { type: "date", name: "until" })),
    el("label", {}, "Note ", el("input", { type: "text", name: "note", maxlength: "500", placeholder: "why, for the others" })),
    el("button", { type: "submit" }, "Snooze"),
    el("button", { type: "button", "data-cancel": "true" }, "Cancel"));
  const untilLabel = form.querySelector(".until");
  form.elements.period.addEventListener("change", () => {
    untilLabel.hidden = form.elements.period.value !== "custom";
    form.elements.until.required = !untilLabel.hidden;
  });
  form.querySelector("[data-cancel]").addEventListener("click", () => { form.remove(); owner.querySelector("button")?.focus(); });
  form.addEventListener("submit", event => {
    event.preventDefault();
    const options = { note: form.elements.note.value || null };
    if (form.elements.period.value === "custom") {
      if (!form.elements.until.value) {
        showFieldErrors(form, { fields: { until: ["Choose the date the warning comes back."] } });
        return;
      }
      // Midnight at the start of the chosen day, in the visitor's time zone.
      options.until = new Date(form.elements.until.value + "T00:00:00").toISOString();
    } else {
      options.days = Number(form.elements.period.value);
    }
    submit(options, form);
  });
  return form;
}

// Applies an action to warnings (one or several, possibly of several journeys): one bulk request per journey.
async function handleWarnings(action, items, options) {
  const byJourney = new Map();
  for (const item of items) {
    if (!byJourney.has(item.journeyId)) byJourney.set(item.journeyId, []);
    byJourney.get(item.journeyId).push({ rule: item.w.rule, subject: item.w.subjectKind + ":" + item.w.subjectId });
  }
  const problems = [];
  let applied = 0;
  for (const [journeyId, warnings] of byJourney) {
    try {
      const result = await api("/api/journeys/" + encodeURIComponent(journeyId) + "/warnings/bulk", {
        method: "POST",
        headers: { "Content-Type": "application/json", "If-Match": journeyId === state.journeyId ? (state.version || "*") : "*" },
        body: JSON.stringify(Object.assign({ action, warnings }, options)),
      });
      applied += result.applied.length;
      for (const failure of result.failed) problems.push(failure.message);
    } catch (error) {
      problems.push(error.status === 412 ? "Someone changed the journey meanwhile; the list is reloaded, try again." : readable(error.message + " " + (error.details || "")));
    }
  }
  if (problems.length) say(`Could not ${action} ${problems.length === 1 ? "one warning" : problems.length + " warnings"}: ${readable(problems.join(" "))}`);
  else if (items.length > 1) say(`${DONE[action]} ${applied} warnings.`);
  else say("");
  triage.selected.clear();
  await renderWarnings();
  await refreshWarningCounts();
}

const DONE = { acknowledge: "Acknowledged", snooze: "Snoozed", resolve: "Resolved", reopen: "Reopened" };

function triageSelectedItems() {
  return [...triage.selected].map(id => triage.rows.get(id)).filter(Boolean);
}

function updateTriageBulkBar() {
  const bar = document.getElementById("bulk-bar");
  const count = triageSelectedItems().length;
  bar.hidden = count === 0;
  document.getElementById("bulk-count").textContent = count === 1 ? "1 warning selected" : `${count} warnings selected`;
}

// Built on the first visit to the view (app.js, which defines el(), runs after this file).
function setUpTriage() {
  if (triage.ready) return;
  triage.ready = true;
  const bar = el("div", { id: "bulk-bar", class: "bulk-bar", hidden: "hidden", role: "region", "aria-label": "Selected warnings" },
    el("span", { id: "bulk-count" }),
    el("button", { type: "button", id: "bulk-acknowledge" }, "Acknowledge selected"),
    el("button", { type: "button", id: "bulk-snooze" }, "Snooze selected…"),
    el("button", { type: "button", id: "bulk-clear" }, "Clear selection"));
  document.getElementById("warnings").before(bar);
  bar.querySelector("#bulk-acknowledge").addEventListener("click", () => handleWarnings("acknowledge", triageSelectedItems(), {}));
  bar.querySelector("#bulk-snooze").addEventListener("click", () => {
    if (!bar.querySelector("form.snooze")) bar.append(triageSnoozeForm(options => handleWarnings("snooze", triageSelectedItems(), options), bar));
  });
  bar.querySelector("#bulk-clear").addEventListener("click", () => {
    triage.selected.clear();
    for (const box of document.querySelectorAll("#warnings .select, #warnings .select-all")) box.checked = false;
    updateTriageBulkBar();
  });
  const form = document.getElementById("warning-filters");
  form.addEventListener("change", () => { state.offset = 0; writeTriageFiltersToUrl(form); });
  form.addEventListener("submit", event => event.preventDefault());
  document.getElementById("previous-page").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); renderWarnings().catch(error => say(error.message)); });
  document.getElementById("next-page").addEventListener("click", () => { state.offset += PAGE; renderWarnings().catch(error => say(error.message)); });
}
