// OutOfDark web sample: the History view and the Detail view's history. Lines are the domain's own sentences, newest
// first, with human dates ("today 10:02", "12 Apr 2026"); runs of values recorded for one metric come as one line
// ("Recorded 7 values of "Checkout completion"") that opens to show each; a filter by kind; "Show more" pages on.
"use strict";

const HISTORY_KINDS = { "": "every kind", journey: "journey, phases and personas", activities: "activities and flows", widgets: "widgets", observations: "values recorded", warnings: "warnings handled", other: "other" };

function historyLine(item, now) {
  const when = el("time", { datetime: item.at, title: humanDateTime(item.at) },
    humanInstant(item.at, now) + " · ", bdi(item.actor));
  const line = el("li", { "data-kind": item.kind, "data-count": String(item.count) }, when);
  if (item.count > 1) {
    line.append(el("details", {}, el("summary", {}, isolated(readable(item.description))),
      el("ul", { class: "run" }, ...item.details.map(text => el("li", {}, isolated(readable(text)))))));
  } else {
    line.append(isolated(readable(item.description)), ...(item.reason ? [" (", bdi(item.reason), ")"] : []));
  }
  return line;
}

// Fills container with a history list and a "Show more" button; options: activity (an id), kind, limit.
async function renderHistoryInto(container, options) {
  const limit = options.limit || 20;
  const list = el("ol", { class: "history" });
  const more = el("button", { type: "button", class: "show-more", hidden: "hidden" }, "Show more");
  container.replaceChildren(list, more);
  // Says which list is on show once it has arrived (tests and assistive tools wait on it).
  container.removeAttribute("data-shows");
  let offset = 0;
  const load = async () => {
    const query = new URLSearchParams({ offset: String(offset), limit: String(limit) });
    if (options.activity) query.set("activity", options.activity);
    if (options.kind) query.set("kind", options.kind);
    const page = await api(journeyPath("/history?" + query));
    state.now = page.now;
    list.append(...page.items.map(item => historyLine(item, page.now)));
    if (!page.total) list.replaceChildren(el("li", { class: "muted" }, "No changes of this kind yet."));
    offset += page.items.length;
    more.hidden = !page.hasMore;
    container.setAttribute("data-shows", options.kind || "everything");
  };
  more.addEventListener("click", () => load().then(() => list.lastElementChild?.focus?.()).catch(error => say(error.message)));
  await load();
}

async function renderHistory() {
  const view = document.getElementById("history-view");
  if (!view.querySelector("#history-kind")) {
    const select = el("select", { id: "history-kind", name: "kind" },
      ...Object.entries(HISTORY_KINDS).map(([value, label]) => el("option", { value }, label)));
    select.addEventListener("change", () => {
      location.hash = "#/history" + (select.value ? "?kind=" + encodeURIComponent(select.value) : "");
    });
    view.replaceChildren(el("h2", {}, "History"), el("form", { class: "filters" }, el("label", {}, "Show ", select)), el("div", { id: "history-list" }));
  }
  const kind = new URLSearchParams(location.hash.split("?")[1] || "").get("kind") || "";
  view.querySelector("#history-kind").value = HISTORY_KINDS[kind] ? kind : "";
  await renderHistoryInto(view.querySelector("#history-list"), { kind: view.querySelector("#history-kind").value, limit: 25 });
}
