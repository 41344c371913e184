// OutOfDark web sample: reordering. Loaded after edit.js and using app.js's helpers (el, command, journeyPath, route,
// say, state). It wraps edit.js's two hooks, so neither app.js nor edit.js knows about it: after an activity's Detail
// view is filled it adds "Move up" / "Move down" buttons that set the activity's place among its siblings (same parent,
// same phase: PUT …/activities/{id}/place), and after the journey panel is drawn it adds the same buttons to each
// persona (PUT …/personas/{id}/position). Buttons are named for what they move ("Move Checkout up"); after a move the
// view is redrawn and focus returns to the same button, so a keyboard user can press it again.
"use strict";

(function () {
  const edit = window.OutOfDarkEdit;
  if (!edit) return;

  // The activities sharing an activity's parent and phase, in map order (the journey lists activities in map order).
  function siblingsOf(activity) {
    return state.journey.activities.filter(a => a.phaseId === activity.phaseId && (a.parentId || null) === (activity.parentId || null));
  }

  function phaseName(id) {
    const phase = state.journey.phases.find(p => p.id === id);
    return phase ? phase.name : "its phase";
  }

  // Sends a move, redraws, and puts focus back on the button that asked (found again by its selector after the redraw).
  async function move(path, position, what, refocus) {
    document.body.setAttribute("aria-busy", "true");
    try {
      await command(journeyPath(path), { position }, "PUT");
      say("");
      await route();
      // The same button in its new place; at the top or bottom (disabled) its other move button.
      const other = refocus.replace(/-(up|down)"\]$/, (_, d) => `-${d === "up" ? "down" : "up"}"]`);
      const moved = `Moved ${what} to place ${position + 1}`;
      if (window.OutOfDarkFocus) OutOfDarkFocus.after([refocus, other], moved);
      else (document.querySelector(refocus) || document.body).focus();
    } catch (error) {
      say("Could not move " + what + ": " + (error.details || error.message));
    } finally {
      document.body.removeAttribute("aria-busy");
    }
  }

  function upDown(name, index, count, kind, onMove) {
    const up = el("button", { type: "button", "data-reorder": kind + "-up", "aria-label": `Move ${name} up` }, "↑ Up");
    const down = el("button", { type: "button", "data-reorder": kind + "-down", "aria-label": `Move ${name} down` }, "↓ Down");
    up.disabled = index === 0;
    down.disabled = index === count - 1;
    up.addEventListener("click", () => onMove(index - 1, "up"));
    down.addEventListener("click", () => onMove(index + 1, "down"));
    return [up, down];
  }

  function activityPlace(aside, detail) {
    const activity = state.journey.activities.find(a => a.id === detail.activity.id) || detail.activity;
    const siblings = siblingsOf(activity);
    const index = siblings.findIndex(a => a.id === activity.id);
    if (index < 0 || siblings.length < 2) return;
    const where = activity.parentId ? `under ${(state.journey.activities.find(a => a.id === activity.parentId) || {}).name} in ${phaseName(activity.phaseId)}` : `in ${phaseName(activity.phaseId)}`;
    const group = el("div", { class: "edit-tools", id: "activity-place", role: "group", "aria-label": "Place among its neighbours" },
      el("span", { id: "activity-place-text" }, `Place ${index + 1} of ${siblings.length} ${where}`),
      ...upDown(activity.name, index, siblings.length, "activity", (position, direction) =>
        move("/activities/" + encodeURIComponent(activity.id) + "/place", position, activity.name, `#activity-place [data-reorder="activity-${direction}"]`)));
    const section = aside.querySelector(".edit-activity");
    const heading = section && section.querySelector("h3");
    if (heading) heading.after(group); else aside.append(group);
  }

  function personaPlaces() {
    const personas = state.journey.personas;
    personas.forEach((persona, index) => {
      const form = document.querySelector(`#edit-journey form[data-persona-id="${persona.id}"]`);
      if (!form || personas.length < 2) return;
      const buttons = upDown(persona.name, index, personas.length, "persona", (position, direction) =>
        move("/personas/" + encodeURIComponent(persona.id) + "/position", position, persona.name,
          `#edit-journey form[data-persona-id="${persona.id}"] [data-reorder="persona-${direction}"]`));
      const save = form.querySelector('button[type="submit"]');
      if (save) save.after(...buttons); else form.append(...buttons);
    });
  }

  window.OutOfDarkEdit = {
    ...edit,
    detail(aside, detail) {
      edit.detail(aside, detail);
      activityPlace(aside, detail);
    },
    map(host) {
      // edit.js draws the journey panel before its first await, so the persona rows exist once the call returns.
      const done = edit.map(host);
      personaPlaces();
      return done;
    },
  };
})();
