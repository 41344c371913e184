// OutOfDark web sample: the Warnings view for triage. "Needs attention" (open warnings) first; snoozed, acknowledged
// and resolved ones in sections of their own; evidence inline; the subject links to its Detail view; snooze for a
// chosen length with a note; select several and acknowledge or snooze them in one request. The filters live in the
// URL (#/warnings?severity=critical&owner=…), so reload and back keep them. The navigation shows the open counts.
// After an action, focus stays where the person was working (see placeTriageFocus) and a polite live region says what
// was done ("Acknowledged: Checkout"). Evidence, messages and dates go through format.js.
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

function triageSubjectName(w) {
  // A metric's warning names the metric and where it sits: "Average wait on Support call" (workspace rows carry it so,
  // with the segment); a per-segment warning adds its segment: "CSAT on Checkout (customer first-time buyer, region DE)".
  if (!w.metric) return w.subjectName;
  return `${w.metric} on ${w.subjectName}` + (w.segmentText ? ` (${w.segmentText})` : "");
}

// The warning as an action names it: rule, kind:id and, for a per-segment warning, its dimension values.
function triageWarningRef(w) {
  const ref = { rule: w.rule, subject: w.subjectKind + ":" + w.subjectId };
  if (w.segment) ref.segment = w.segment;
  return ref;
}

function triageSubjectCell(w, journeyId) {
  const name = triageSubjectName(w);
  const activityId = w.activityId || (w.subjectKind === "activity" ? w.subjectId : null);
  if (!activityId) return el("td", { "data-label": "Subject" }, bdi(name));
  const href = (journeyId && journeyId !== state.journeyId ? "?journey=" + encodeURIComponent(journeyId) : location.pathname + location.search)
    + "#/map/" + encodeURIComponent(activityId);
  return el("td", { "data-label": "Subject" }, el("a", { href, class: "subject", title: "Open the Detail view" }, bdi(name)));
}

// What users typed that a warning's message may hold beyond the open journey's names (another journey's, in the workspace).
function triageUserTexts(w) {
  return [w.subjectName, w.metric, w.phaseName, w.owner, w.team, w.journeyName, ...Object.values(w.segment || {})];
}

function triageStateText(w) {
  // An open warning with a handler was reopened by them: "reopened by Ana", not "open by Ana".
  const parts = [w.state === "open" && w.handledBy ? "reopened" : words(w.state)];
  if (w.handledBy) parts.push("by " + w.handledBy);
  if (w.handledAt) parts.push(humanInstant(w.handledAt, state.now));
  if (w.snoozedUntil) parts.push("until " + humanDate(w.snoozedUntil));
  return parts.join(" ");
}

function triageMessageCell(w) {
  const cell = el("td", { "data-label": "Warning" }, el("div", { class: "rule", "data-rule": w.rule }, ruleName(w.rule)),
    el("div", { class: "message" }, isolated(readable(w.message, triageUserTexts(w)), triageUserTexts(w))));
  if (w.evidence && w.evidence.length) {
    cell.append(el("dl", { class: "evidence" }, ...formatEvidence(w.evidence, w.rule, w.unit).flatMap(e => [el("dt", {}, e.name), el("dd", {}, e.value)])));
  }
  return cell;
}

function triageActionsCell(w, journeyId) {
  const cell = el("td", { class: "actions", "data-label": "Actions" });
  const button = (action, label) => el("button", { type: "button", "data-action": action }, label);
  if (w.state !== "acknowledged") cell.append(button("acknowledge", "Acknowledge"));
  if (w.state !== "snoozed") cell.append(button("snooze", "Snooze…"));
  if (w.state !== "resolved") cell.append(button("resolve", "Resolve"));
  if (w.state !== "open") cell.append(button("reopen", "Reopen"));
  cell.addEventListener("click", event => {
    const action = event.target.getAttribute && event.target.getAttribute("data-action");
    if (!action || event.target.closest("form")) return;
    const origin = triageFocusOrigin(cell.closest("tr"), action);
    if (action === "snooze") {
      triageSnoozeDialog(cell, event.target, "Snooze: " + triageSubjectName(w), ruleName(w.rule) + ": " + readable(w.message, triageUserTexts(w)), options => handleWarnings("snooze", [{ w, journeyId }], options, origin));
    } else {
      handleWarnings(action, [{ w, journeyId }], {}, origin);
    }
  });
  return cell;
}

function triageRow(w, journeyId, workspace) {
  const key = w.key;
  triage.rows.set(triageRowId(journeyId, key), { w, journeyId });
  const box = el("input", { type: "checkbox", class: "select", "aria-label": "Select " + triageSubjectName(w) + ": " + ruleName(w.rule) + ": " + readable(w.message, triageUserTexts(w)) });
  box.checked = triage.selected.has(triageRowId(journeyId, key));
  box.addEventListener("change", () => {
    if (box.checked) triage.selected.add(triageRowId(journeyId, key)); else triage.selected.delete(triageRowId(journeyId, key));
    updateTriageBulkBar();
  });
  return el("tr", { "data-warning-key": key, "data-state": w.state, "data-journey-id": journeyId, "data-segment": w.segmentText || null },
    el("td", { class: "select-cell", "data-label": "Select" }, box),
    workspace ? el("td", { class: "journey-column", "data-label": "Journey" }, w.journeyName) : null,
    el("td", { "data-label": "Severity" }, el("span", { class: "sev sev-" + w.severity }, w.severity)),
    triageSubjectCell(w, journeyId),
    el("td", { "data-label": "Phase" }, w.phaseName ?? ""),
    el("td", { "data-label": "Owner" }, w.owner ?? ""),
    triageMessageCell(w),
    el("td", { class: "state", "data-label": "State" }, triageStateText(w), w.note ? el("div", { class: "note" }, "“" + w.note + "”") : null),
    triageActionsCell(w, journeyId));
}

// At phone width (triage-phone.css) the rows become cards with display: block, which makes browsers forget that
// they are a table; explicit roles keep the rows, column headers and cells announced as a table.
function triageKeepTableRoles(table) {
  table.setAttribute("role", "table");
  for (const group of table.querySelectorAll("thead, tbody")) group.setAttribute("role", "rowgroup");
  for (const row of table.querySelectorAll("tr")) row.setAttribute("role", "row");
  for (const header of table.querySelectorAll("th")) header.setAttribute("role", "columnheader");
  for (const cell of table.querySelectorAll("td")) cell.setAttribute("role", "cell");
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
  triageKeepTableRoles(table);
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
  // A folded section the person opened stays open when the list is drawn again.
  const unfolded = new Set([...document.querySelectorAll("#warnings details[open][data-section]")].map(d => d.getAttribute("data-section")));
  const groups = workspace ? await triageWorkspaceGroups(form, wantedState) : await triageJourneyGroups(form);
  const sections = SECTIONS
    .filter(spec => wantedState === "all" || (wantedState ? spec.state === wantedState : spec.state !== "resolved"))
    .map(spec => {
      const found = groups[spec.state] || { items: [], total: 0 };
      const rows = found.items.map(item => triageRow(item.w, item.journeyId, workspace));
      const built = triageSection(wantedState === spec.state || wantedState === "all" ? { ...spec, open: true } : spec, rows, workspace, found.total);
      if (built.tagName === "DETAILS" && unfolded.has(spec.state)) built.open = true;
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
  document.getElementById("warning-counts").textContent = triageCountsText(open.length, triageSeverityCounts(open), "in this journey") + triageOthersText(groups);
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
  // The summary counts what the sections show: the first section's total by severity (the counts of its answer), then
  // how many each other section holds, so it adds up to the sections' headings.
  const first = groups.open ? "open" : Object.keys(groups)[0];
  const what = first === "open" ? "need attention" : (SECTIONS.find(s => s.state === first) || { title: first }).title.toLowerCase();
  const shown = page.items.length && (page.offset > 0 || page.hasMore) ? ` (${page.offset + 1}–${page.offset + page.items.length} shown)` : "";
  const others = Object.fromEntries(Object.entries(groups).filter(([name]) => name !== first));
  document.getElementById("warning-counts").textContent =
    `${page.total} ${what} across the workspace${shown} · ${page.counts.critical} critical · ${page.counts.warning} warning · ${page.counts.info} info` + triageOthersText(others);
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

// ", and 2 snoozed · 3 acknowledged": the other sections drawn, so the summary and the headings tell the same story.
function triageOthersText(groups) {
  const parts = SECTIONS.filter(spec => spec.state !== "open" && groups[spec.state]).map(spec => `${groups[spec.state].total} ${spec.title.toLowerCase()}`);
  return parts.length ? "; also " + parts.join(" · ") : "";
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
  // Every severity that needs attention, info too, so the badge agrees with the view's "30 need attention · … · 10 info".
  const spoken = [];
  for (const severity of ["critical", "warning", "info"]) {
    if (!counts[severity]) continue;
    parts.push(el("span", { class: "count count-" + severity }, `${counts[severity]} ${severity}`));
    spoken.push(`${counts[severity]} ${severity}`);
  }
  const link = document.getElementById("nav-warnings");
  const joined = parts.flatMap((part, i) => i ? [" · ", part] : [part]);
  link.replaceChildren("Warnings", ...(joined.length ? [" ", el("span", { class: "nav-counts" }, ...joined)] : []));
  // The accessible name starts with the visible text (WCAG 2.5.3, label in name), then says the total.
  if (open.length) link.setAttribute("aria-label", `Warnings ${spoken.join(" · ")}, ${open.length} need attention`);
  else link.removeAttribute("aria-label");
}

// ---- Actions ----------------------------------------------------------------------------------------------------

// A modal dialog holding the snooze form, opened from a row's "Snooze…" or the bulk bar's "Snooze selected…": focus goes
// into it; Escape or Cancel closes it and gives focus back to the button that opened it; Snooze closes it and acts.
// about: what is snoozed, in words (the rule's name and the message), or null for several warnings.
function triageSnoozeDialog(host, opener, title, about, submit) {
  host.querySelector("dialog.snooze-dialog")?.remove();
  const id = "snooze-title-" + Math.random().toString(36).slice(2);
  const dialog = el("dialog", { class: "snooze-dialog", "aria-labelledby": id, "aria-describedby": about ? id + "-about" : null },
    el("h2", { id }, title), about ? el("p", { id: id + "-about", class: "snooze-about" }, about) : null);
  // Closed here, at once (the dialog's own close event comes later, after the next key may have moved focus on).
  const finish = backToOpener => {
    if (dialog.open) dialog.close();
    dialog.remove();
    if (backToOpener && opener.isConnected) opener.focus();
  };
  // submit(options) resolves to null once done, or to the server's refusal of the snooze itself (an end in the past,
  // too far ahead): then the dialog stays open with the note as typed and the message next to its field.
  const form = triageSnoozeForm(async options => {
    const refusal = await submit(options);
    if (!refusal) { finish(false); return; }
    const rest = showFieldErrors(form, refusal);
    const problem = form.querySelector(".snooze-problem");
    problem.replaceChildren(isolated(readable(rest)));
    problem.hidden = !rest;
    const invalid = form.querySelector("[aria-invalid=true]");
    (invalid || form.elements.note).focus();
  }, () => finish(true));
  dialog.append(form);
  dialog.addEventListener("cancel", event => { event.preventDefault(); finish(true); });
  host.append(dialog);
  dialog.showModal();
  form.elements.period.focus();
  return dialog;
}

// A small form to snooze for 1 day, 1 week or until a chosen date, with a note.
function triageSnoozeForm(submit, cancel) {
  // The page says what is wrong next to the field (the browser's own bubbles would stop the submit silently).
  const form = el("form", { class: "snooze", novalidate: "novalidate" },
    el("label", {}, "For ",
      el("select", { name: "period" },
        el("option", { value: "1" }, "1 day"),
        el("option", { value: "7", selected: "selected" }, "1 week"),
        el("option", { value: "custom" }, "until a date…"))),
    el("label", { class: "until", hidden: "hidden" }, "Until ", el("input", { type: "date", name: "until" })),
    el("label", { class: "note-field" }, "Note ", OutOfDarkLimits.limit(el("textarea", { name: "note", rows: "3", placeholder: "why, for the others" }), OutOfDarkLimits.TEXT)),
    el("output", { name: "ends", class: "snooze-ends", "aria-live": "polite" }),
    el("p", { class: "field-error snooze-problem", role: "alert", hidden: "hidden" }),
    el("button", { type: "submit" }, "Snooze"),
    el("button", { type: "button", "data-cancel": "true" }, "Cancel"));
  const untilLabel = form.querySelector(".until");
  // The end the snooze will have, shown before Snooze is pressed: now plus the days (the server counts from its own
  // clock, so to the minute it may differ), or the start of the chosen day, in the visitor's time zone.
  const showEnd = () => {
    const period = form.elements.period.value;
    let end = null;
    if (period !== "custom") end = new Date((state.now ? Date.parse(state.now) : Date.now()) + Number(period) * DAY_MS);
    else if (form.elements.until.value) end = new Date(form.elements.until.value + "T00:00:00");
    form.elements.ends.value = end && !Number.isNaN(end.getTime()) ? "Comes back " + humanDateTime(end.toISOString()) + " (" + (Intl.DateTimeFormat().resolvedOptions().timeZone || "your time zone") + ")" : "Choose the date it comes back.";
  };
  form.elements.period.addEventListener("change", () => {
    untilLabel.hidden = form.elements.period.value !== "custom";
    form.elements.until.required = !untilLabel.hidden;
    showEnd();
  });
  form.elements.until.addEventListener("input", showEnd);
  showEnd();
  setSnoozeBounds(form);
  // The server's clock may not be the browser's (the sample can start its clock at a set instant): ask it for now.
  api(journeyPath("/history?offset=0&limit=1")).then(page => { state.now = page.now; if (form.isConnected) { setSnoozeBounds(form); showEnd(); } },
    error => say("Could not read the server's clock for the snooze's end: " + error.message));
  form.querySelector("[data-cancel]").addEventListener("click", () => cancel());
  form.addEventListener("submit", event => {
    event.preventDefault();
    const options = { note: form.elements.note.value || null };
    if (form.elements.period.value === "custom") {
      if (!form.elements.until.value) {
        showFieldErrors(form, { fields: { until: ["Choose the date the warning comes back."] } });
        return;
      }
      const { min, max } = form.elements.until;
      if (min && form.elements.until.value < min || max && form.elements.until.value > max) {
        showFieldErrors(form, { fields: { until: [`Choose a date from ${humanDate(min)} to ${humanDate(max)}: a snooze ends after now and at most ${SNOOZE_MAX_DAYS} days ahead.`] } });
        form.elements.until.focus();
        return;
      }
      // Midnight at the start of the chosen day, in the visitor's time zone.
      options.until = new Date(form.elements.until.value + "T00:00:00").toISOString();
    } else {
      options.days = Number(form.elements.period.value);
    }
    submit(options);
  });
  return form;
}

// The longest snooze the server takes, in days from its now (JourneyApi.MaxSnoozeDays).
const SNOOZE_MAX_DAYS = 365;

// The date input's bounds, as the server's rule: the snooze ends at midnight (visitor's time zone) of the chosen day,
// which must be after now (so tomorrow at the earliest) and at most SNOOZE_MAX_DAYS days from now. "Now" is the
// server's clock when known (state.now), else the browser's.
function setSnoozeBounds(form) {
  const now = state.now ? Date.parse(state.now) : Date.now();
  const localDate = ms => { const d = new Date(ms); return `${String(d.getFullYear()).padStart(4, "0")}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`; };
  form.elements.until.min = localDate(now + DAY_MS);
  form.elements.until.max = localDate(now + SNOOZE_MAX_DAYS * DAY_MS);
}

// Applies an action to warnings (one or several, possibly of several journeys): one bulk request per journey. origin
// (triageFocusOrigin): where focus goes back once the list is drawn again. Resolves to null, or — for a snooze whose
// own options (until, days, note) the server refuses before anything was applied — to that refusal (the error, with
// its fields), leaving the list as it is so the snooze dialog can show it and stay open.
async function handleWarnings(action, items, options, origin) {
  const byJourney = new Map();
  for (const item of items) {
    if (!byJourney.has(item.journeyId)) byJourney.set(item.journeyId, []);
    byJourney.get(item.journeyId).push(triageWarningRef(item.w));
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
      if (action === "snooze" && error.status === 400 && applied === 0 && !problems.length
        && Object.keys(error.fields || {}).some(field => ["until", "days", "note"].includes(field))) return error;
      problems.push(error.status === 412 ? "Someone changed the journey meanwhile; the list is reloaded, try again." : readable(error.message + " " + (error.details || "")));
    }
  }
  if (problems.length) say(`Could not ${action} ${problems.length === 1 ? "one warning" : problems.length + " warnings"}: ${readable(problems.join(" "))}`);
  else if (items.length > 1) say(`${DONE[action]} ${applied} warnings.`);
  else say("");
  triage.selected.clear();
  await renderWarnings();
  placeTriageFocus(origin);
  // Several warnings: the page's message line (a status region) already says it; said once, not twice.
  if (!problems.length && items.length === 1) announceTriage(`${DONE[action]}: ${triageSubjectName(items[0].w)} (${ruleName(items[0].w.rule)})`);
  await refreshWarningCounts();
  return null;
}

const DONE = { acknowledge: "Acknowledged", snooze: "Snoozed", resolve: "Resolved", reopen: "Reopened" };

// ---- Focus after an action --------------------------------------------------------------------------------------

// Where an action started: the row (by journey and key), its section and place in it, and the control to come back to
// (an action's name for a row's button, "select" for the bulk bar's rows).
function triageFocusOrigin(row, control) {
  const table = row && row.closest("table[data-section]");
  if (!table) return null;
  const rows = [...table.querySelectorAll("tbody tr[data-warning-key]")];
  return { rowId: triageRowId(row.getAttribute("data-journey-id"), row.getAttribute("data-warning-key")), section: table.getAttribute("data-section"), index: rows.indexOf(row), control };
}

// The bulk bar acts on the selected rows: focus comes back to the first of them, or the row now at its place.
function triageBulkOrigin() {
  const box = document.querySelector("#warnings tbody tr[data-warning-key] input.select:checked");
  return box ? triageFocusOrigin(box.closest("tr"), "select") : null;
}

// After the list is drawn again: the warning's row when it is still in its section (the action failed, or did not move
// it), else the row now at its place (the next one), else the one before it (it was the last), else the section's
// heading (the section is empty). On that row, the same control: the next warning can be acknowledged with one more
// Enter. Focus the person moved elsewhere meanwhile is left where it is.
function placeTriageFocus(origin) {
  if (!origin) return;
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected && !active.closest("#warnings, #bulk-bar")) return;
  const sections = [...document.querySelectorAll("#warnings .warning-section[data-section]")];
  const section = sections.find(s => s.getAttribute("data-section") === origin.section) || sections[0];
  if (!section) return;
  const rows = [...section.querySelectorAll("tbody tr[data-warning-key]")];
  const row = rows.find(r => triageRowId(r.getAttribute("data-journey-id"), r.getAttribute("data-warning-key")) === origin.rowId)
    || rows[Math.min(origin.index, rows.length - 1)];
  let target = section.querySelector(":scope > h2, :scope > summary");
  if (row) {
    target = row.querySelector(origin.control === "select" ? "input.select" : `button[data-action="${origin.control}"]`)
      || row.querySelector("button[data-action]") || target;
  }
  if (!target) return;
  if (!target.matches("button, input, summary")) target.setAttribute("tabindex", "-1");
  target.focus();
}

// Says what was done in a polite live region (screen readers read it after the newly focused control).
function announceTriage(text) {
  const region = document.getElementById("triage-announce");
  if (!region) return;
  region.textContent = "";
  // Emptied first and filled a moment later, so the same words twice in a row are read twice.
  setTimeout(() => { region.replaceChildren(isolated(text)); }, 100);
}

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
  bar.before(el("p", { id: "triage-announce", class: "visually-hidden", role: "status", "aria-live": "polite" }));
  bar.querySelector("#bulk-acknowledge").addEventListener("click", () => handleWarnings("acknowledge", triageSelectedItems(), {}, triageBulkOrigin()));
  bar.querySelector("#bulk-snooze").addEventListener("click", event => {
    const count = triageSelectedItems().length;
    triageSnoozeDialog(bar, event.currentTarget, count === 1 ? "Snooze 1 warning" : `Snooze ${count} warnings`, null,
      options => handleWarnings("snooze", triageSelectedItems(), options, triageBulkOrigin()));
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
