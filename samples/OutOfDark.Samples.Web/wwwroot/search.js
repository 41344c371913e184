// OutOfDark web sample: search across the journey's activities by name, owner, team, channel and tag. Each result
// opens the activity's Detail view on the map. Search runs in the page over the journey it already holds.
"use strict";

const SEARCH_FIELDS = [
  ["name", a => [a.name]],
  ["owner", a => [a.owner]],
  ["team", a => [a.team]],
  ["channel", a => a.channels],
  ["tag", a => a.tags],
];

// Every activity with a field containing each word of the query (case-insensitive), names first.
function searchActivities(journey, text) {
  const terms = text.toLowerCase().split(/\s+/).filter(t => t);
  if (!terms.length) return [];
  const results = [];
  for (const activity of journey.activities) {
    const hits = [];
    const everyTerm = terms.every(term => SEARCH_FIELDS.some(([field, values]) => {
      const value = (values(activity) || []).find(v => v && v.toLowerCase().includes(term));
      if (value && !hits.some(h => h.field === field)) hits.push({ field, value });
      return value !== undefined;
    }));
    if (everyTerm) results.push({ activity, hits, byName: hits.some(h => h.field === "name") });
  }
  return results.sort((x, y) => (y.byName - x.byName) || x.activity.name.localeCompare(y.activity.name));
}

function setUpSearch() {
  const input = document.getElementById("search");
  const list = document.getElementById("search-results");
  const phaseName = id => (state.journey.phases.find(p => p.id === id) || {}).name || "";
  const show = () => {
    if (!state.journey || !input.value.trim()) { list.hidden = true; list.replaceChildren(); return; }
    const results = searchActivities(state.journey, input.value);
    list.replaceChildren(...(results.length
      ? results.slice(0, 20).map(r => el("li", {},
        el("a", { href: "#/map/" + encodeURIComponent(r.activity.id), "data-activity-id": r.activity.id }, r.activity.name),
        el("span", { class: "muted" }, ` · ${phaseName(r.activity.phaseId)}` + r.hits.filter(h => h.field !== "name").map(h => ` · ${h.field}: ${h.value}`).join(""))))
      : [el("li", { class: "muted" }, "No activity matches.")]));
    // At most 20 results are listed; say so when there are more, so nobody takes the list for all of them.
    if (results.length > 20) {
      list.append(el("li", { class: "muted search-more" }, `20 of ${results.length} shown; type more to narrow the search.`));
    }
    list.hidden = false;
  };
  input.addEventListener("input", show);
  input.form.addEventListener("submit", event => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) first.click();
  });
  list.addEventListener("click", event => {
    if (event.target.closest("a")) { list.hidden = true; }
  });
  input.addEventListener("keydown", event => {
    if (event.key === "Escape") { input.value = ""; show(); }
    if (event.key === "ArrowDown") { event.preventDefault(); list.querySelector("a")?.focus(); }
  });
}
