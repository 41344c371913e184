// OutOfDark web sample: the emotion lane under the map and the persona switcher. For the chosen persona the lane draws
// how they feel at each activity with an emotion widget, as-is (solid) and to-be (dashed), from very negative (−2) to
// very positive (+2); the key sits above the chart, and a line breaks where the persona has no emotion. The Detail view
// shows the chosen persona's emotions only (or every persona's).
"use strict";

async function renderEmotionLane() {
  const host = document.getElementById("emotion-lane");
  const lane = await api(journeyPath("/emotions"));
  const personas = lane.personas.filter(p => lane.points.some(point => point.personaId === p.id));
  if (!personas.length) { host.hidden = true; host.replaceChildren(); return; }
  if (!personas.some(p => p.id === state.persona)) state.persona = personas[0].id;
  const select = el("select", { id: "persona", name: "persona" }, ...personas.map(p => el("option", { value: p.id }, p.name)));
  select.value = state.persona;
  select.addEventListener("change", () => {
    state.persona = select.value;
    state.personaChosen = true;
    renderEmotionLane().catch(error => say(error.message));
    decorateDetailEmotions(document.getElementById("detail"));
  });
  const points = lane.points.filter(point => point.personaId === state.persona);
  const persona = personas.find(p => p.id === state.persona);
  host.replaceChildren(
    el("h2", {}, "Emotion lane"),
    el("form", { class: "filters" }, el("label", {}, "Persona ", select)),
    emotionLegend(),
    emotionChart(emotionColumns(lane.points), points, persona.name),
    emotionTable(points, persona.name));
  host.hidden = false;
}

// The x axis: every activity with an emotion of any persona, in map order. Personas line up column by column, and a
// persona with no emotion at an activity has a gap there.
function emotionColumns(allPoints) {
  const columns = new Map();
  for (const p of allPoints) if (!columns.has(p.activityId)) columns.set(p.activityId, p.activityName);
  return [...columns].map(([activityId, activityName]) => ({ activityId, activityName }));
}

// The runs of consecutive columns that have a value: a line is drawn along each run and never across a gap.
function emotionRuns(values) {
  const runs = [];
  let run = [];
  values.forEach((v, i) => {
    if (v === null || v === undefined) { if (run.length) runs.push(run); run = []; } else run.push(i);
  });
  if (run.length) runs.push(run);
  return runs;
}

// The key, outside the chart so it never covers a point; a flex row that wraps at phone width.
function emotionLegend() {
  const swatch = cls => {
    const box = svg("svg", { class: "swatch", width: 32, height: 10, "aria-hidden": "true" });
    box.append(svg("line", { class: cls, x1: 1, x2: 31, y1: 5, y2: 5 }));
    return box;
  };
  return el("ul", { class: "emotion-legend", "aria-label": "Key" },
    el("li", { class: "as-is" }, swatch("as-is"), "As-is (solid): how they feel today"),
    el("li", { class: "to-be" }, swatch("to-be"), "To-be (dashed): how they should feel"),
    el("li", { class: "gap" }, "A break in a line: no emotion recorded at that activity"));
}

function emotionChart(columns, points, personaName) {
  const step = 124, left = 128, right = 16, top = 22, rowHeight = 36, bottom = 44;
  const plotWidth = Math.max(1, columns.length) * step, plotHeight = 4 * rowHeight;
  const width = left + plotWidth + right, height = top + plotHeight + bottom;
  const y = score => top + (2 - score) * rowHeight;
  const x = i => left + i * step + step / 2;
  const chart = svg("svg", { class: "emotion-chart", viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-labelledby": "emotion-chart-title" });
  chart.append(svg("title", { id: "emotion-chart-title" }, `How ${personaName} feels at each activity, as-is and to-be`));
  chart.append(svg("rect", { class: "plot", x: left, y: top - 12, width: plotWidth, height: plotHeight + 24 }));
  for (let score = 2; score >= -2; score--) {
    chart.append(svg("line", { class: score === 0 ? "grid zero" : "grid", x1: left, x2: left + plotWidth, y1: y(score), y2: y(score) }));
    chart.append(svg("text", { class: "axis", x: left - 8, y: y(score) + 4, "text-anchor": "end" }, emotionText(score)));
  }
  const byActivity = new Map(points.map(p => [p.activityId, p]));
  const line = (values, cls) => {
    for (const run of emotionRuns(values)) {
      if (run.length > 1) chart.append(svg("polyline", { class: cls, points: run.map(i => `${x(i)},${y(values[i])}`).join(" ") }));
    }
    values.forEach((v, i) => { if (v !== null && v !== undefined) chart.append(svg("circle", { class: cls, cx: x(i), cy: y(v), r: 4.5 })); });
  };
  line(columns.map(c => byActivity.get(c.activityId)?.toBe), "to-be");
  line(columns.map(c => byActivity.get(c.activityId)?.asIs), "as-is");
  columns.forEach((c, i) => chart.append(svg("text", { class: "touchpoint", x: x(i), y: top + plotHeight + 30, "text-anchor": "middle" }, truncate(c.activityName, 20))));
  // At phone width the chart scrolls sideways inside this box: the keyboard can reach and scroll it too.
  return el("div", { class: "emotion-scroll", tabindex: "0", role: "region", "aria-label": `Emotion chart of ${personaName}` }, chart);
}

// The same points as a table, for screen readers and exact values.
function emotionTable(points, personaName) {
  return el("details", { class: "emotion-table" }, el("summary", {}, `${personaName}'s emotions as a table`),
    el("table", {}, el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Phase"), el("th", { scope: "col" }, "Activity"),
      el("th", { scope: "col" }, "As-is"), el("th", { scope: "col" }, "To-be"), el("th", { scope: "col" }, "Note"))),
    el("tbody", {}, ...points.map(p => el("tr", { "data-activity-id": p.activityId },
      el("td", {}, p.phaseName),
      el("td", {}, el("a", { href: "#/map/" + encodeURIComponent(p.activityId) }, p.activityName)),
      el("td", {}, emotionText(p.asIs)),
      el("td", {}, p.toBe === null ? "—" : emotionText(p.toBe)),
      el("td", {}, p.note ?? ""))))));
}

// In the Detail view: a persona switcher over the emotion widgets, shared with the lane. Every persona's emotions show
// until someone chooses a persona in either switcher.
function decorateDetailEmotions(aside) {
  if (!aside || aside.hidden) return;
  const widgets = [...aside.querySelectorAll(".widget[data-kind=emotion]")];
  aside.querySelector(".persona-switch")?.remove();
  aside.querySelector(".persona-empty")?.remove();
  if (!widgets.length || !state.journey) return;
  const names = state.journey.personas.map(p => p.name);
  const chosen = state.personaChosen ? (state.journey.personas.find(p => p.id === state.persona) || {}).name : "";
  const select = el("select", { id: "detail-persona" }, el("option", { value: "" }, "every persona"), ...names.map(n => el("option", { value: n }, n)));
  select.value = names.includes(chosen) ? chosen : "";
  const empty = el("p", { class: "muted persona-empty", hidden: "hidden" });
  const apply = () => {
    let shown = 0;
    for (const w of widgets) {
      w.hidden = select.value !== "" && w.querySelector(".emotion")?.getAttribute("data-persona") !== select.value;
      if (!w.hidden) shown++;
    }
    empty.textContent = `No emotion of ${select.value} recorded here.`;
    empty.hidden = shown > 0;
  };
  select.addEventListener("change", () => {
    const persona = state.journey.personas.find(p => p.name === select.value);
    state.personaChosen = Boolean(persona);
    if (persona) { state.persona = persona.id; renderEmotionLane().catch(error => say(error.message)); }
    apply();
  });
  widgets[0].before(el("label", { class: "persona-switch" }, "Emotions of ", select), empty);
  apply();
}
