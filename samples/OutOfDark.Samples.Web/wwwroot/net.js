// OutOfDark web sample: talking to the server when it is slow or down, and messages a person can read.
// Loaded before app.js; app.js's api() reads through fetchWithRetry and say() passes text through readable().
"use strict";

// A read (GET) that cannot reach the server, or meets a gateway error, is tried again with back-off (1 s, 2 s, 4 s …
// up to 30 s) while a banner says so and offers "Retry now". Commands are never repeated on their own.
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30000;
const retry = { waiting: null, attempt: 0, timer: null, countdown: null };

function retryBanner() {
  let banner = document.getElementById("offline");
  if (!banner) {
    banner = el("div", { id: "offline", class: "offline", role: "alert", hidden: "hidden" },
      el("span", { id: "offline-text" }),
      el("button", { type: "button", id: "offline-retry" }, "Retry now"));
    document.body.prepend(banner);
    banner.querySelector("#offline-retry").addEventListener("click", () => { if (retry.waiting) retry.waiting(); });
  }
  return banner;
}

function showRetry(delay, reason) {
  const banner = retryBanner();
  let left = Math.round(delay / 1000);
  const text = () => {
    banner.querySelector("#offline-text").textContent =
      `${reason} Trying again in ${left} s.`;
  };
  text();
  clearInterval(retry.countdown);
  retry.countdown = setInterval(() => { left = Math.max(0, left - 1); text(); }, 1000);
  banner.hidden = false;
}

function hideRetry() {
  clearInterval(retry.countdown);
  const banner = document.getElementById("offline");
  if (banner) banner.hidden = true;
  retry.attempt = 0;
}

function retryWait(delay) {
  return new Promise(resolve => {
    const go = () => { clearTimeout(retry.timer); retry.waiting = null; resolve(); };
    retry.waiting = go;
    retry.timer = setTimeout(go, delay);
  });
}

async function fetchWithRetry(path, options) {
  const method = ((options && options.method) || "GET").toUpperCase();
  for (;;) {
    let reason;
    try {
      const response = await fetch(path, options);
      if (method !== "GET" || ![502, 503, 504].includes(response.status)) {
        hideRetry();
        return response;
      }
      reason = "The server is not available right now.";
    } catch (error) {
      if (method !== "GET") {
        const down = new Error("The server could not be reached; nothing was sent. Check the connection and try again.");
        down.status = 0;
        throw down;
      }
      reason = "The server cannot be reached.";
    }
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** retry.attempt);
    retry.attempt++;
    showRetry(delay, reason);
    await retryWait(delay);
  }
}

// Ids mean nothing to a person: each GUID in a message becomes the name of what it identifies in the open journey
// (an activity, phase or persona), or "(an item that no longer exists)".
const GUID = /'?\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b'?/gi;

function nameOf(id) {
  const journey = typeof state !== "undefined" ? state.journey : null;
  if (!journey) return null;
  const lower = id.toLowerCase();
  for (const list of [journey.activities, journey.phases, journey.personas]) {
    const found = (list || []).find(item => item.id.toLowerCase() === lower);
    if (found) return `"${found.name}"`;
  }
  if (journey.id.toLowerCase() === lower) return `"${journey.name}"`;
  return null;
}

// An id in brackets after a name ("Metric 'Checkout completion' (0f8f…)") only repeats it and is dropped.
const BRACKETED_GUID = /\s*\(\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s*\)/gi;

function readable(text) {
  if (!text) return text;
  return String(text).replace(BRACKETED_GUID, "")
    .replace(GUID, match => nameOf(match.replaceAll("'", "")) || "(an item that no longer exists)");
}

// Errors next to the field that caused them: each field's messages go into a .field-error beside the input of that
// name, tied to it with aria-describedby, and are cleared as soon as the field is edited. Returns the messages no field
// of the form takes, for the page's message line.
function showFieldErrors(form, error) {
  clearFieldErrors(form);
  const rest = [];
  for (const [field, messages] of Object.entries((error && error.fields) || {})) {
    const input = form.elements[field];
    const text = readable(messages.join(" "));
    if (!input || !input.insertAdjacentElement) { rest.push(text); continue; }
    const id = "error-" + Math.random().toString(36).slice(2);
    const note = el("span", { class: "field-error", id, "data-field": field }, text);
    input.insertAdjacentElement("afterend", note);
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", id);
    const clear = () => {
      note.remove();
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
      input.removeEventListener("input", clear);
    };
    input.addEventListener("input", clear);
  }
  return rest.join(" ");
}

function clearFieldErrors(form) {
  for (const note of form.querySelectorAll(".field-error")) note.remove();
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  }
}

// Human formats: "in progress" for inProgress, "12 Apr 2026" for 2026-04-12, "today 10:02" for an instant of today.
function words(camel) {
  return camel ? String(camel).replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase() : "";
}

const EMOTIONS = { "-2": "very negative", "-1": "negative", "0": "neutral", "1": "positive", "2": "very positive" };

function emotionText(score) {
  const sign = score > 0 ? "+" + score : score < 0 ? "−" + Math.abs(score) : "0";
  return `${EMOTIONS[String(score)] || "?"} (${sign})`;
}

const DAY_MS = 86400000;

function localDay(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

function humanDate(text) {
  if (!text) return "";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(text + "T00:00:00") : new Date(text);
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

// nowText: the server's clock (ISO instant), so "today" follows the journey's time, not the visitor's machine.
function humanInstant(text, nowText) {
  if (!text) return "";
  const at = new Date(text);
  const now = nowText ? new Date(nowText) : new Date();
  const time = at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  const days = Math.round((localDay(now) - localDay(at)) / DAY_MS);
  if (days === 0) return "today " + time;
  if (days === 1) return "yesterday " + time;
  return humanDate(text);
}
