// OutOfDark web sample: editing the journey. Loaded after app.js and using its helpers (el, api, command, journeyPath,
// route, say, state). app.js calls in through two hooks: OutOfDarkEdit.map(host, map) after it draws the map and
// OutOfDarkEdit.detail(aside, detail) after it fills an activity's Detail view. Drag handlers attach to map elements by
// their data-activity-id attribute, so they work whichever way the map is drawn. Everything drag does is also a form
// ("Move to phase…"), for keyboard users. No innerHTML: user text goes into the page through textContent.
"use strict";

(function () {
  const KINDS = ["touchpoint", "milestone", "other"];
  const STATUSES = ["planned", "active", "paused", "retired"];

  // ---- Forms with errors next to their fields -----------------------------------------------------------------------

  // The API's length limits (Api/TextLimits.cs, limits.js), so the form stops where the server would refuse: free
  // text 10,000 characters, every other text 500, counted as the server counts them (an emoji is one). Channels (one per
  // line) are checked one by one by the server.
  function limitLength(control, name) {
    const member = name.split(".").pop();
    if (member === "channels" || control.dataset.maxCharacters) return;
    if (control.tagName === "TEXTAREA" || (control.tagName === "INPUT" && control.type === "text")) {
      OutOfDarkLimits.limit(control, OutOfDarkLimits.limitOf(member));
    }
  }

  // A labelled field with a place for its error; the error is cleared as soon as the field is changed.
  function field(form, label, name, control) {
    limitLength(control, name);
    const id = form.id + "-" + name;
    const error = el("span", { class: "field-error", id: id + "-error", role: "alert", "data-error-for": name });
    control.id = id;
    control.name = name;
    control.setAttribute("aria-describedby", error.id);
    control.addEventListener("input", () => clearError(form, name));
    return el("div", { class: "field" }, el("label", { for: id }, label), control, error);
  }

  function input(value, attrs) {
    const node = el("input", Object.assign({ type: "text" }, attrs || {}));
    node.value = value ?? "";
    return node;
  }

  function select(options, value) {
    const node = el("select", {}, ...options.map(([v, text]) => el("option", { value: v }, text)));
    node.value = value ?? "";
    return node;
  }

  function clearError(form, name) {
    const error = form.querySelector(`[data-error-for="${name}"]`);
    const control = form.elements[name];
    if (error) error.textContent = "";
    if (control) control.removeAttribute("aria-invalid");
  }

  function clearErrors(form) {
    for (const error of form.querySelectorAll(".field-error")) error.textContent = "";
    for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
  }

  // Shows a refusal: field errors next to their fields, anything else (a conflict, a field the form lacks) in the
  // message bar. A conflict (412) reloads the view so the person sees the colleague's change.
  async function showRefusal(form, error, what) {
    let placed = false;
    if (error.errors) {
      for (const [name, messages] of Object.entries(error.errors)) {
        const slot = form && form.querySelector(`[data-error-for="${name}"]`);
        if (slot) {
          slot.replaceChildren(isolated(readable(messages.join(" "))));
          if (form.elements[name]) form.elements[name].setAttribute("aria-invalid", "true");
          if (!placed && form.elements[name]) form.elements[name].focus();
          placed = true;
        }
      }
    }
    if (error.status === 412 && form) {
      showConflict(form, error);
    } else if (error.status === 412) {
      say(error.message + " The view now shows the latest version.");
      await route();
    } else if (!placed) {
      say(`Could not ${what}: ${error.message} ${error.details || ""}`);
    }
  }

  // Marks the page busy (aria-busy on the body) from a command until the view is redrawn, so that assistive technology
  // and tests know when the page has settled.
  async function busy(work) {
    document.body.setAttribute("aria-busy", "true");
    try {
      return await work();
    } finally {
      document.body.removeAttribute("aria-busy");
    }
  }

  // Sends a form's command; on success clears its errors, redraws the view (keeping the message bar quiet) and puts
  // focus back (focus.js): on the new item added(result) lists, else on the control used in the redrawn form, else on
  // its submit button; the result ("Saved the activity", "Added the phase") is said in the polite live region.
  function submitter(form, what, send, after, added) {
    form.addEventListener("submit", event => {
      event.preventDefault();
      clearErrors(form);
      const used = event.submitter && event.submitter.name ? event.submitter.name : (document.activeElement && form.contains(document.activeElement) ? document.activeElement.name : "");
      busy(async () => {
        try {
          const result = await send(form.elements);
          say("");
          const text = what.replace(/^save/, "Saved").replace(/^add/, "Added").replace(/^move/, "Moved");
          const same = [used ? `#${form.id} [name="${used}"]` : null, `#${form.id} button[type="submit"]`].filter(Boolean);
          if (!after) refocus([...(added ? added(result) : []), ...same], text);
          if (after) await after(result); else await route();
        } catch (error) {
          await showRefusal(form, error, what);
        }
      });
    });
  }

  // What a change form sends: only the members the person changed, so a value they did not touch reaches the server
  // exactly as it was (the server keeps what a request leaves out). read(form.elements) gives the form's body; it is
  // read once now, as the form was filled, and compared with what it gives on submit.
  function changesOf(form, read) {
    const original = read(form.elements);
    return f => {
      const now = read(f);
      return Object.fromEntries(Object.entries(now).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(original[key])));
    };
  }

  // Channels are edited one per line, so a channel may hold a comma; empty lines are dropped, nothing is trimmed.
  function lines(text) {
    return text.split(/\r?\n/).filter(line => line !== "");
  }

  async function send(path, body, method) {
    return command(journeyPath(path), body, method);
  }

  // Focus and a polite announcement once a removal or move is drawn (focus.js): candidates in order of preference.
  function refocus(candidates, text) {
    if (window.OutOfDarkFocus) OutOfDarkFocus.after(candidates, text);
  }

  // A refused removal (a phase with activities, a persona still used): the reason goes next to the button, which is
  // reset to its label, keeps the focus and is described by the reason, so the person reads it where they acted.
  function refuseRemoval(button, label, error) {
    const id = (button.id || "remove-" + Math.random().toString(36).slice(2)) + "-refusal";
    let slot = button.nextElementSibling && button.nextElementSibling.classList.contains("remove-refusal") ? button.nextElementSibling : null;
    if (!slot) {
      slot = el("span", { class: "field-error remove-refusal", id, role: "alert" });
      button.after(slot);
    }
    slot.replaceChildren(isolated(readable(`Not removed: ${error.message} ${error.details || ""}`.trim())));
    button.removeAttribute("data-armed");
    button.textContent = label;
    button.setAttribute("aria-describedby", slot.id);
    if (button.isConnected) button.focus();
  }

  // A button that asks once more before it removes something; next() (read before the removal) lists where focus goes.
  function removeButton(label, what, remove, next) {
    const button = el("button", { type: "button", class: "danger", "data-edit": "remove" }, label);
    button.addEventListener("click", () => {
      if (button.getAttribute("data-armed") !== "true") {
        const refusal = button.nextElementSibling;
        if (refusal && refusal.classList.contains("remove-refusal")) refusal.remove();
        button.removeAttribute("aria-describedby");
        button.setAttribute("data-armed", "true");
        button.textContent = "Really remove " + what + "?";
        return;
      }
      busy(async () => {
        try {
          const candidates = next ? next() : [];
          await remove();
          say("");
          await route();
          refocus(candidates, "Removed " + what);
        } catch (error) {
          if (error.status === 412) { await showRefusal(null, error, "remove " + what); return; }
          refuseRemoval(button, label, error);
        }
      });
    });
    button.addEventListener("blur", () => {
      button.removeAttribute("data-armed");
      button.textContent = label;
    });
    return button;
  }

  function phaseOptions() {
    return state.journey.phases.map(p => [p.id, p.name]);
  }

  function activityOptions(except) {
    return state.journey.activities.filter(a => a.id !== except).map(a => [a.id, a.name]);
  }

  function nameOf(activityId) {
    const activity = state.journey.activities.find(a => a.id === activityId);
    return activity ? activity.name : "?";
  }

  // ---- The Detail view: the activity, its widgets, its flows, a child ---------------------------------------------

  function activityForm(a) {
    const form = el("form", { id: "edit-activity", class: "edit-form", "aria-label": "Edit activity" });
    form.append(
      field(form, "Name", "name", input(a.name, { required: "required" })),
      field(form, "Kind", "kind", select(KINDS.map(k => [k, k]), a.kind)),
      field(form, "Status", "status", select(STATUSES.map(s => [s, s]), a.status)),
      field(form, "Owner", "owner", input(a.owner)),
      field(form, "Team", "team", input(a.team)),
      field(form, "Channels (one per line)", "channels", Object.assign(el("textarea", { rows: String(Math.max(2, a.channels.length)) }), { value: a.channels.join("\n") })),
      field(form, "Description", "description", Object.assign(el("textarea", { rows: "2" }), { value: a.description ?? "" })),
      el("button", { type: "submit" }, "Save activity"));
    form.elements.name.removeAttribute("required"); // the server says what is missing, next to the field
    const changes = changesOf(form, f => ({
      name: f.name.value, kind: f.kind.value, status: f.status.value, owner: f.owner.value, team: f.team.value,
      channels: lines(f.channels.value), description: f.description.value,
    }));
    submitter(form, "save the activity", f => send("/activities/" + encodeURIComponent(a.id), changes(f), "PUT"));
    return form;
  }

  // The keyboard way to do what dragging on the map does, plus a parent in the map.
  function moveForm(a) {
    const form = el("form", { id: "move-activity", class: "edit-form inline", "aria-label": "Move activity" });
    form.append(
      field(form, "Move to phase…", "phaseId", select(phaseOptions(), a.phaseId)),
      field(form, "Under", "parentId", select([["", "(top level)"], ...activityOptions(a.id)], a.parentId)),
      el("button", { type: "submit" }, "Move"));
    submitter(form, "move the activity", f => moveActivity(a.id, f.phaseId.value, f.parentId.value || null), async () => {
      await route();
      refocus(['#move-activity button[type="submit"]'], `Moved ${a.name} to ${(state.journey.phases.find(p => p.id === form.elements.phaseId.value) || {}).name || "its phase"}`);
    });
    return form;
  }

  function moveActivity(activityId, phaseId, parentId) {
    return send("/activities/" + encodeURIComponent(activityId) + "/position", { phaseId, parentId }, "PUT");
  }

  function childForm(a) {
    const form = el("form", { id: "add-child", class: "edit-form inline", "aria-label": "Add a child activity" });
    form.append(field(form, "Add a child activity", "name", input("", { placeholder: "name" })), el("button", { type: "submit" }, "Add child"));
    submitter(form, "add the activity", f => send("/activities", { phaseId: a.phaseId, parentId: a.id, name: f.name.value }),
      result => { refocus([() => detailHeadingOf(result.id)], "Added child activity " + form.elements.name.value); location.hash = "#/map/" + result.id; });
    return form;
  }

  // The fields of a widget's kind: widgets.js gives a metric's, an emotion's, a solution's and feedback's; a link's and a
  // description's are here.
  function widgetFields(form, kind, w) {
    const c = (w && w.content) || {};
    const more = window.OutOfDarkWidgets && OutOfDarkWidgets.fields(form, kind, w, { field, input, select });
    if (more) return more;
    switch (kind) {
      case "link":
        return [field(form, "Address", "url", input(c.url, { placeholder: "https://…" }))];
      case "description":
        return [field(form, "Text", "markdown", Object.assign(el("textarea", { rows: "3" }), { value: c.markdown ?? "" }))];
      default:
        return [];
    }
  }

  // A number member as typed (OutOfDarkLimits.exactNumber): the server gets the digits, not the nearest double.
  function number(control) {
    return control && control.value !== "" ? OutOfDarkLimits.exactNumber(control.value) : null;
  }

  function widgetBody(f) {
    return {
      title: f.title.value,
      unit: f.unit ? f.unit.value : undefined,
      direction: f.direction ? f.direction.value : undefined,
      target: number(f.target), warningThreshold: number(f.warningThreshold), criticalThreshold: number(f.criticalThreshold),
      url: f.url ? f.url.value : undefined,
      markdown: f.markdown ? f.markdown.value : undefined,
      ...(window.OutOfDarkWidgets ? OutOfDarkWidgets.body(f) : {}),
    };
  }

  function addWidgetForm(a) {
    const form = el("form", { id: "add-widget", class: "edit-form", "aria-label": "Add widget" });
    const kind = select([["metric", "metric"], ["link", "link"], ["description", "description"], ...(window.OutOfDarkWidgets ? OutOfDarkWidgets.kinds : [])], "metric");
    const extra = el("div", { class: "kind-fields" });
    form.append(el("h4", {}, "Add widget"), field(form, "Kind", "kind", kind), field(form, "Title", "title", input("")), extra,
      el("button", { type: "submit" }, "Add widget"));
    const refill = () => extra.replaceChildren(...widgetFields(form, kind.value, null));
    kind.addEventListener("change", refill);
    refill();
    submitter(form, "add the widget", f => send("/activities/" + encodeURIComponent(a.id) + "/widgets", Object.assign({ kind: f.kind.value }, widgetBody(f))),
      null, result => [`#detail .widget[data-widget-id="${result.id}"] h3`, `#detail .widget[data-widget-id="${result.id}"] [data-edit="edit-widget"]`]);
    return form;
  }

  // A move refused because a colleague changed the same thing meanwhile (412): the view is redrawn as it now is, and the
  // refusal, naming who did what (people.js), is said next to the moved item's tools, where the person is looking; the
  // move button used keeps the focus and is described by it.
  async function moveConflict(item, buttonSelector, error) {
    await route();
    const host = document.querySelector(item + " .edit-tools");
    if (!host) { say("Not moved: " + conflictLines(error).join("; ") + ". The view now shows the latest version."); return; }
    const note = el("p", { class: "conflict move-conflict", role: "alert", id: "move-conflict-" + Math.random().toString(36).slice(2) },
      "Not moved: someone changed this meanwhile — " + conflictLines(error).join("; ") + ". The view now shows it as it is.");
    host.append(note);
    const button = host.querySelector(buttonSelector + ":not([disabled])") || host.querySelector("button:not([disabled])");
    if (button) { button.setAttribute("aria-describedby", note.id); button.focus(); }
  }

  // Edit, reorder and remove buttons under each widget of the Detail view.
  function widgetTools(article, widget, index, count, allWidgets) {
    const tools = el("div", { class: "edit-tools" });
    const edit = el("button", { type: "button", "data-edit": "edit-widget", "aria-expanded": "false" }, "Edit");
    const up = el("button", { type: "button", "data-edit": "widget-up", "aria-label": `Move ${widget.title} up` }, "↑ Up");
    const down = el("button", { type: "button", "data-edit": "widget-down", "aria-label": `Move ${widget.title} down` }, "↓ Down");
    up.disabled = index === 0;
    down.disabled = index === count - 1;
    const move = position => busy(async () => {
      try {
        await send("/widgets/" + encodeURIComponent(widget.id) + "/position", { position }, "PUT");
        say("");
        await route();
        const tools = `#detail .widget[data-widget-id="${widget.id}"]`;
        const [same, other] = position < index ? ["widget-up", "widget-down"] : ["widget-down", "widget-up"];
        refocus([`${tools} [data-edit="${same}"]`, `${tools} [data-edit="${other}"]`], `Moved ${widget.title} to place ${position + 1} of ${count}`);
      } catch (error) {
        if (error.status === 412) {
          const [same] = position < index ? ["widget-up"] : ["widget-down"];
          await moveConflict(`#detail .widget[data-widget-id="${widget.id}"]`, `[data-edit="${same}"]`, error);
          return;
        }
        await showRefusal(null, error, "move the widget");
      }
    });
    up.addEventListener("click", () => move(index - 1));
    down.addEventListener("click", () => move(index + 1));
    const form = el("form", { id: "edit-widget-" + index, class: "edit-form", "aria-label": "Edit " + widget.title, hidden: "hidden" });
    form.append(field(form, "Title", "title", input(widget.title)), ...widgetFields(form, widget.kind, widget), el("button", { type: "submit" }, "Save widget"));
    const changes = changesOf(form, widgetBody);
    submitter(form, "save the widget", f => send("/widgets/" + encodeURIComponent(widget.id), changes(f), "PUT"),
      null, () => [`#detail .widget[data-widget-id="${widget.id}"] [data-edit="edit-widget"]`]);
    edit.addEventListener("click", () => {
      form.hidden = !form.hidden;
      edit.setAttribute("aria-expanded", String(!form.hidden));
      if (!form.hidden) form.elements.title.focus();
    });
    tools.append(edit, up, down, removeButton("Remove", "widget " + widget.title, () => send("/widgets/" + encodeURIComponent(widget.id), {}, "DELETE"),
      () => [...[allWidgets[index + 1], allWidgets[index - 1]].filter(Boolean).map(w => `#detail .widget[data-widget-id="${w.id}"] [data-edit="edit-widget"]`), "#add-widget select", "#detail-name"]));
    edit.setAttribute("aria-controls", form.id);
    // The form sits beside the widget, not in it: the widget's own form (a metric's "Record") stays its only form.
    article.append(tools);
    article.after(form);
  }

  function flowSection(a) {
    const flows = state.journey.flows.filter(f => f.from === a.id || f.to === a.id);
    const list = el("ul", { class: "edit-list", id: "activity-flows" }, ...flows.map((flow, index) => {
      const form = el("form", { id: "flow-" + flow.id, class: "edit-form inline", "data-flow-id": flow.id, "aria-label": `Flow from ${nameOf(flow.from)} to ${nameOf(flow.to)}` });
      form.append(el("span", {}, `${nameOf(flow.from)} → ${nameOf(flow.to)}`), field(form, "Label", "label", input(flow.label)), el("button", { type: "submit" }, "Save label"),
        removeButton("Remove", "this flow", () => send("/flows/" + encodeURIComponent(flow.id), {}, "DELETE"),
          () => [...[flows[index + 1], flows[index - 1]].filter(Boolean).map(f => `#flow-${f.id} input[name="label"]`), "#add-flow select"]));
      const changes = changesOf(form, f => ({ label: f.label.value }));
      submitter(form, "save the flow", f => send("/flows/" + encodeURIComponent(flow.id), changes(f), "PUT"));
      return el("li", {}, form);
    }));
    const add = el("form", { id: "add-flow", class: "edit-form inline", "aria-label": "Add a flow" });
    add.append(field(add, "Flow to", "to", select([["", "choose an activity"], ...activityOptions(a.id)], "")), field(add, "Label", "label", input("")), el("button", { type: "submit" }, "Add flow"));
    submitter(add, "add the flow", f => send("/flows", { from: a.id, to: f.to.value, label: f.label.value }),
      null, result => [`#flow-${result.id} input[name="label"]`]);
    return [el("h3", {}, "Flows"), flows.length ? list : el("p", { class: "muted" }, "No flows yet."), add];
  }

  function detail(aside, d) {
    const a = d.activity;
    aside.querySelectorAll(".widget").forEach((article, index) => widgetTools(article, d.widgets[index], index, d.widgets.length, d.widgets));
    const panel = el("section", { class: "edit-activity", "aria-label": "Edit this activity" },
      el("h3", {}, "Edit"), activityForm(a), moveForm(a), addWidgetForm(a), ...flowSection(a), childForm(a),
      removeButton("Remove activity", a.name, async () => {
        await send("/activities/" + encodeURIComponent(a.id), {}, "DELETE");
        location.hash = "#/map";
      }, () => neighbours(a)));
    const history = [...aside.querySelectorAll("h3")].find(h => h.textContent === "History");
    if (history) aside.insertBefore(panel, history); else aside.append(panel);
  }

  // The Detail heading once the Detail view shows the activity (an older Detail's heading is not it).
  function detailHeadingOf(id) {
    return state.selected === id ? document.getElementById("detail-name") : null;
  }

  // Where focus goes once an activity is removed: its next sibling's map box, the previous one's, its parent's, then
  // any activity of its phase, then the journey panel.
  function neighbours(a) {
    const all = state.journey.activities;
    const siblings = all.filter(x => x.phaseId === a.phaseId && (x.parentId || null) === (a.parentId || null));
    const at = siblings.findIndex(x => x.id === a.id);
    const ids = [siblings[at + 1], siblings[at - 1]].filter(Boolean).map(x => x.id)
      .concat(a.parentId ? [a.parentId] : [], all.filter(x => x.phaseId === a.phaseId && x.id !== a.id).map(x => x.id));
    return [...ids.map(id => OutOfDarkFocus.mapBox(id)), "#edit-journey summary"];
  }

  // ---- The map: drag an activity to another phase -----------------------------------------------------------------

  // The phase columns come from the JSON map layout, the same layout the drawn map comes from.
  async function map(host) {
    const root = host.querySelector("svg");
    if (!root) return;
    panel();
    const layout = await api(journeyPath("/map"));
    const lanes = (layout.lanes || []).map(l => ({ phaseId: l.phaseId, box: l.bounds }));
    for (const node of root.querySelectorAll("[data-activity-id]")) draggable(root, node, lanes);
  }

  function toSvg(root, event) {
    const point = root.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    return point.matrixTransform(root.getScreenCTM().inverse());
  }

  function laneAt(lanes, p) {
    return lanes.find(l => p.x >= l.box.x && p.x <= l.box.x + l.box.width && p.y >= l.box.y && p.y <= l.box.y + l.box.height);
  }

  function draggable(root, node, lanes) {
    const activityId = node.getAttribute("data-activity-id");
    let start = null, moved = false;
    node.addEventListener("pointerdown", event => {
      if (event.button !== 0) return;
      start = toSvg(root, event);
      moved = false;
      node.setPointerCapture(event.pointerId);
    });
    node.addEventListener("pointermove", event => {
      if (!start) return;
      const p = toSvg(root, event);
      const dx = p.x - start.x, dy = p.y - start.y;
      if (!moved && Math.hypot(dx, dy) < 6) return;
      moved = true;
      node.classList.add("dragging");
      node.setAttribute("transform", `translate(${dx} ${dy})`);
      const lane = laneAt(lanes, p);
      for (const l of root.querySelectorAll(".drop-target")) l.classList.remove("drop-target");
      if (lane) root.querySelector(`[data-phase-id="${lane.phaseId}"]`)?.classList.add("drop-target");
    });
    const finish = async event => {
      if (!start) return;
      const p = toSvg(root, event);
      start = null;
      node.classList.remove("dragging");
      node.removeAttribute("transform");
      if (!moved) return;
      // The click that follows a drag must not open the Detail view; a later, real click must.
      const swallow = e => e.stopImmediatePropagation();
      node.addEventListener("click", swallow, { capture: true, once: true });
      setTimeout(() => node.removeEventListener("click", swallow, { capture: true }), 0);
      const lane = laneAt(lanes, p);
      const activity = state.journey.activities.find(a => a.id === activityId);
      if (!lane || !activity || lane.phaseId === activity.phaseId) return;
      await busy(async () => {
        try {
          await moveActivity(activityId, lane.phaseId, null);
          say("");
        } catch (error) {
          await showRefusal(null, error, "move the activity");
          return;
        }
        await route();
      });
    };
    node.addEventListener("pointerup", finish);
    node.addEventListener("pointercancel", () => { start = null; node.classList.remove("dragging"); node.removeAttribute("transform"); });
  }

  // ---- The journey panel: add activities, phases, personas ------------------------------------------------------

  function addActivityForm() {
    const form = el("form", { id: "add-activity", class: "edit-form inline", "aria-label": "Add an activity" });
    form.append(field(form, "New activity", "name", input("", { placeholder: "name" })), field(form, "in phase", "phaseId", select(phaseOptions(), state.journey.phases[0]?.id)),
      el("button", { type: "submit" }, "Add activity"));
    submitter(form, "add the activity", f => send("/activities", { phaseId: f.phaseId.value, name: f.name.value }),
      result => { refocus(["#detail-name"], "Added activity " + form.elements.name.value); location.hash = "#/map/" + result.id; });
    return form;
  }

  function phaseRows() {
    const phases = state.journey.phases;
    return phases.map((p, index) => {
      const form = el("form", { id: "phase-" + index, class: "edit-form inline", "data-phase-id": p.id, "aria-label": "Phase " + p.name });
      const up = el("button", { type: "button", "data-edit": "phase-up", "aria-label": `Move phase ${p.name} earlier` }, "←");
      const down = el("button", { type: "button", "data-edit": "phase-down", "aria-label": `Move phase ${p.name} later` }, "→");
      up.disabled = index === 0;
      down.disabled = index === phases.length - 1;
      const row = `#edit-journey form[data-phase-id="${p.id}"]`;
      const move = position => busy(() => send("/phases/" + encodeURIComponent(p.id) + "/position", { position }, "PUT")
        .then(async () => {
          say("");
          await route();
          const [same, other] = position < index ? ["phase-up", "phase-down"] : ["phase-down", "phase-up"];
          refocus([`${row} [data-edit="${same}"]`, `${row} [data-edit="${other}"]`], `Moved phase ${p.name} to place ${position + 1} of ${phases.length}`);
        }, error => showRefusal(form, error, "move the phase")));
      up.addEventListener("click", () => move(index - 1));
      down.addEventListener("click", () => move(index + 1));
      form.append(field(form, "Name", "name", input(p.name)), field(form, "Customer goal", "customerGoal", input(p.customerGoal)),
        el("button", { type: "submit" }, "Save"), up, down,
        removeButton("Remove", "phase " + p.name, () => send("/phases/" + encodeURIComponent(p.id), {}, "DELETE"),
          () => [...[phases[index + 1], phases[index - 1]].filter(Boolean).map(x => `#edit-journey form[data-phase-id="${x.id}"] input[name="name"]`), '#add-phase input[name="name"]']));
      const changes = changesOf(form, f => ({ name: f.name.value, customerGoal: f.customerGoal.value }));
      submitter(form, "save the phase", f => send("/phases/" + encodeURIComponent(p.id), changes(f), "PUT"));
      return el("li", {}, form);
    });
  }

  function addPhaseForm() {
    const form = el("form", { id: "add-phase", class: "edit-form inline", "aria-label": "Add a phase" });
    form.append(field(form, "New phase", "name", input("", { placeholder: "name" })), field(form, "Customer goal", "customerGoal", input("")), el("button", { type: "submit" }, "Add phase"));
    submitter(form, "add the phase", f => send("/phases", { name: f.name.value, customerGoal: f.customerGoal.value }),
      null, result => [`#edit-journey form[data-phase-id="${result.id}"] input[name="name"]`]);
    return form;
  }

  function personaRows() {
    const personas = state.journey.personas;
    return personas.map((p, index) => {
      const form = el("form", { id: "persona-" + index, class: "edit-form inline", "data-persona-id": p.id, "aria-label": "Persona " + p.name });
      form.append(field(form, "Name", "name", input(p.name)), field(form, "Description", "description", input(p.description)),
        el("button", { type: "submit" }, "Save"), removeButton("Remove", "persona " + p.name, () => send("/personas/" + encodeURIComponent(p.id), {}, "DELETE"),
          () => [...[personas[index + 1], personas[index - 1]].filter(Boolean).map(x => `#edit-journey form[data-persona-id="${x.id}"] input[name="name"]`), '#add-persona input[name="name"]']));
      const changes = changesOf(form, f => ({ name: f.name.value, description: f.description.value }));
      submitter(form, "save the persona", f => send("/personas/" + encodeURIComponent(p.id), changes(f), "PUT"));
      return el("li", {}, form);
    });
  }

  function addPersonaForm() {
    const form = el("form", { id: "add-persona", class: "edit-form inline", "aria-label": "Add a persona" });
    form.append(field(form, "New persona", "name", input("", { placeholder: "name" })), field(form, "Description", "description", input("")), el("button", { type: "submit" }, "Add persona"));
    submitter(form, "add the persona", f => send("/personas", { name: f.name.value, description: f.description.value }),
      null, result => [`#edit-journey form[data-persona-id="${result.id}"] input[name="name"]`]);
    return form;
  }

  function panel() {
    const view = document.getElementById("map-view");
    let section = document.getElementById("edit-journey");
    const open = section ? section.open : false;
    section = el("details", { id: "edit-journey", class: "edit-journey" },
      el("summary", {}, "Edit the journey: activities, phases, personas"),
      addActivityForm(),
      el("h3", {}, "Phases"), el("ol", { class: "edit-list" }, ...phaseRows()), addPhaseForm(),
      el("h3", {}, "Personas"), el("ul", { class: "edit-list" }, ...personaRows()), addPersonaForm());
    section.open = open;
    const old = document.getElementById("edit-journey");
    if (old) old.replaceWith(section); else view.after(section);
  }

  window.OutOfDarkEdit = { map, detail };
})();
