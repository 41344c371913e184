// OutOfDark web sample: people by name. "Your name" in the header says who makes the changes sent from this browser
// (kept in localStorage, sent as X-Actor by net.js), so history, conflicts and "acknowledged by" name the person. A
// save refused because someone else changed the same thing (412) keeps what the person typed and says who changed
// what and when, in the visitor's time zone, with "Reload their change" and "Keep editing".
"use strict";

const ACTOR_KEY = "outofdark.actor";
const ACTOR_MAX = 200;

// The name changes are recorded under, or "" (the server then records its default actor).
function actorName() {
  return (localStorage.getItem(ACTOR_KEY) || "").trim();
}

// The header's "Your name" field: saved as typed (trimmed) when it changes; a polite status says what happens next.
function setUpActorName() {
  const header = document.querySelector("header.top");
  if (!header || document.getElementById("actor-name")) return;
  const input = el("input", { type: "text", id: "actor-name", name: "actor", autocomplete: "name",
    placeholder: "so others see who changed what", "aria-describedby": "actor-status" });
  input.value = actorName();
  OutOfDarkLimits.limit(input, ACTOR_MAX);
  const status = el("span", { id: "actor-status", class: "visually-hidden", role: "status", "aria-live": "polite" });
  input.addEventListener("change", () => {
    const name = input.value.trim();
    input.value = name;
    if (name) localStorage.setItem(ACTOR_KEY, name); else localStorage.removeItem(ACTOR_KEY);
    status.textContent = name ? `Your changes are now recorded as ${name}.` : "Your changes are recorded without a name.";
  });
  header.querySelector("nav").before(el("label", { class: "actor" }, "Your name ", input), status);
}

// ---- A save refused by someone else's change --------------------------------------------------------------------

// "Ben Okafor changed activity 'Checkout' on 30 Nov 2026, 16:02": each change that made the save conflict, in words,
// the time in the visitor's zone and locale.
// The fields a colleague's change set, with their new values: ": owner is now “Ben Okafor”, team is now empty".
function conflictFields(fields) {
  if (!fields || !fields.length) return "";
  return ": " + fields.map(f => `${words(f.field)} is now ${f.value === "" ? "empty" : "“" + readable(f.value) + "”"}`).join(", ");
}

function conflictLines(error) {
  const conflicts = (error.problem && error.problem.conflicts) || [];
  if (!conflicts.length) return [readable(error.message)];
  return conflicts.map(c => `${c.actor} ${readable(c.what)} on ${humanDateTime(c.at)}` + conflictFields(c.fields));
}

// Shows the conflict in the form that was refused, which keeps what was typed. "Reload their change" draws the view
// again from the server (what was typed is then gone, on purpose); "Keep editing" closes the banner and lets the next
// save go against the journey as it now is, replacing their change.
function showConflict(form, error) {
  form.querySelector(".conflict")?.remove();
  const id = "conflict-" + Math.random().toString(36).slice(2);
  const banner = el("div", { class: "conflict", role: "alert", id },
    el("p", {}, "Not saved: someone changed this meanwhile."),
    el("ul", {}, ...conflictLines(error).map(line => el("li", {}, line))),
    el("p", {}, "What you typed is still here. Reload to see their change, or keep editing and save again to replace it."),
    el("button", { type: "button", "data-conflict": "reload" }, "Reload their change"),
    el("button", { type: "button", "data-conflict": "keep" }, "Keep editing"));
  form.prepend(banner);
  banner.querySelector("[data-conflict=reload]").addEventListener("click", () => {
    say("");
    route().catch(failure => say(failure.message));
  });
  banner.querySelector("[data-conflict=keep]").addEventListener("click", () => {
    const current = error.problem && error.problem.currentVersion;
    if (current !== undefined && current !== null) state.version = `"${current}"`;
    banner.remove();
    const first = [...form.elements].find(control => control.matches("input:not([type=hidden]), select, textarea"));
    if (first) first.focus();
  });
  say("Not saved: someone changed this meanwhile; see the form.");
  banner.querySelector("[data-conflict=keep]").focus();
}
