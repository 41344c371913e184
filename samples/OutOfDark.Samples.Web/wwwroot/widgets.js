// OutOfDark web sample: the fields of each widget kind in the add-widget and edit-widget forms that edit.js builds.
// Loaded after edit.js, which calls in through window.OutOfDarkWidgets: kinds (extra choices of the Kind select),
// fields(form, kind, widget, helpers) (the kind's fields, or null for the kinds edit.js draws itself) and body(elements)
// (what the kind's fields add to the request). Metric (with its kind and direction in words), emotion (a persona's as-is
// and to-be score on the domain's scale), solution (problem, solution, status) and feedback (entries: add one, remove
// any shown). No innerHTML: user text goes into the page through textContent.
"use strict";

(function () {
  const METRIC_KINDS = [
    ["count", "count"], ["percentage", "percentage"], ["currency", "currency"], ["score", "score"],
    ["nps", "Net Promoter Score (NPS)"], ["csat", "customer satisfaction (CSAT)"], ["ces", "customer effort score (CES)"], ["ratio", "ratio"],
  ];
  const DIRECTIONS = [["higherIsBetter", "higher is better"], ["lowerIsBetter", "lower is better"]];
  const SCORES = [-2, -1, 0, 1, 2].map(s => [String(s), emotionText(s)]);
  const STATUSES = ["proposed", "planned", "inProgress", "done", "rejected"].map(s => [s, words(s)]);
  const SENTIMENTS = ["veryNegative", "negative", "neutral", "positive", "veryPositive"].map(s => [s, words(s)]);

  // Today in the app's clock (app.js), not the visitor's: the default date of a new feedback entry.
  function today() {
    return appToday();
  }

  function textarea(value) {
    return Object.assign(el("textarea", { rows: "3" }), { value: value ?? "" });
  }

  // A new entry's fields; prefix names them as the API does ("entries[0]" when adding the widget, "addEntry" after).
  function entryFields(form, prefix, h) {
    return [
      h.field(form, "Feedback from", prefix + ".source", h.input("", { placeholder: "a person, a survey, a channel" })),
      h.field(form, "What was said", prefix + ".quote", textarea("")),
      h.field(form, "Sentiment", prefix + ".sentiment", h.select(SENTIMENTS, "neutral")),
      h.field(form, "Date", prefix + ".date", h.input(today(), { type: "date" })),
    ];
  }

  // The entries shown in the widget, each with a box to remove it; the error of a stale index goes under the list.
  function removableEntries(form, entries) {
    const error = el("span", { class: "field-error", id: form.id + "-removeEntries-error", role: "alert", "data-error-for": "removeEntries" });
    const boxes = entries.map(e => {
      const box = el("input", { type: "checkbox", name: "removeEntries", value: String(e.index), id: `${form.id}-remove-${e.index}` });
      return el("li", {}, box, el("label", { for: box.id }, `Remove “${e.quote}” — ${e.source}`));
    });
    return el("fieldset", { class: "field" }, el("legend", {}, "Entries"),
      boxes.length ? el("ul", { class: "edit-list" }, ...boxes) : el("p", { class: "muted" }, "No entries yet."), error);
  }

  function fields(form, kind, w, h) {
    const c = (w && w.content) || {};
    switch (kind) {
      case "metric":
        return [
          h.field(form, "Unit", "unit", h.input(c.unit)),
          h.field(form, "Metric kind", "metricKind", h.select(METRIC_KINDS, c.metricKind || "count")),
          h.field(form, "Direction", "direction", h.select(DIRECTIONS, c.direction || "higherIsBetter")),
          h.field(form, "Target", "target", h.input(c.target, { type: "number", step: "any" })),
          h.field(form, "Warning threshold", "warningThreshold", h.input(c.warningThreshold, { type: "number", step: "any" })),
          h.field(form, "Critical threshold", "criticalThreshold", h.input(c.criticalThreshold, { type: "number", step: "any" })),
        ];
      case "emotion": {
        const personas = state.journey.personas.map(p => [p.id, p.name]);
        const persona = h.field(form, "Persona", "persona", h.select([["", "choose a persona"], ...personas], c.personaId || (personas.length === 1 ? personas[0][0] : "")));
        return [
          persona,
          personas.length ? null : el("p", { class: "muted" }, "Add a persona first, under “Edit the journey”."),
          h.field(form, "Feels today (as-is)", "asIs", h.select(SCORES, String(c.asIs ?? 0))),
          h.field(form, "Should feel (to-be)", "toBe", h.select([["", "not set"], ...SCORES], c.toBe === null || c.toBe === undefined ? "" : String(c.toBe))),
          h.field(form, "Note", "note", h.input(c.note)),
        ].filter(Boolean);
      }
      case "solution":
        return [
          h.field(form, "Problem", "problem", textarea(c.problem)),
          h.field(form, "Solution", "solution", textarea(c.solution)),
          h.field(form, "Status", "status", h.select(STATUSES, c.status || "proposed")),
        ];
      case "feedback":
        return w ? [removableEntries(form, c.entries || []), el("p", {}, "Add an entry (optional):"), ...entryFields(form, "addEntry", h)]
          : [el("p", {}, "First entry (optional):"), ...entryFields(form, "entries[0]", h)];
      default:
        return null;
    }
  }

  function entryOf(f, prefix) {
    return {
      source: f[prefix + ".source"].value, quote: f[prefix + ".quote"].value,
      sentiment: f[prefix + ".sentiment"].value, date: f[prefix + ".date"].value,
    };
  }

  function scoreOf(control) {
    return control.value === "" ? null : OutOfDarkLimits.exactNumber(control.value);
  }

  function body(f) {
    const more = {};
    if (f.metricKind) more.metricKind = f.metricKind.value;
    if (f.asIs) Object.assign(more, { persona: f.persona.value, asIs: scoreOf(f.asIs), toBe: scoreOf(f.toBe), note: f.note.value });
    if (f.problem) Object.assign(more, { problem: f.problem.value, solution: f.solution.value, status: f.status.value });
    if (f["entries[0].source"]) {
      const entry = entryOf(f, "entries[0]");
      more.entries = entry.source.trim() || entry.quote.trim() ? [entry] : [];
    }
    if (f["addEntry.source"]) {
      more.addEntry = entryOf(f, "addEntry");
      more.removeEntries = [...f].filter(x => x.name === "removeEntries" && x.checked).map(x => Number(x.value));
    }
    return more;
  }

  window.OutOfDarkWidgets = { kinds: [["emotion", "emotion"], ["solution", "solution"], ["feedback", "feedback"]], fields, body };
})();
