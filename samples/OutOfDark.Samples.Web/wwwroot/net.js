// OutOfDark web sample: talking to the server when it is slow or down, and errors shown next to their fields.
// Loaded before app.js; app.js's api() reads through fetchWithRetry. Messages are made readable by format.js.
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

// Every change carries who makes it: the name the person gave in "Your name" (people.js) as the X-Actor header, so
// history, conflicts and "acknowledged by" name them. Header values travel as bytes: the name goes as its UTF-8 bytes
// (the server reads header bytes as UTF-8), so "Zoë" or "Łucja" arrive as typed.
function withActor(options) {
  const name = typeof actorName === "function" ? actorName() : "";
  if (!name) return options;
  const headers = new Headers((options && options.headers) || {});
  headers.set("X-Actor", String.fromCharCode(...new TextEncoder().encode(name)));
  return Object.assign({}, options, { headers });
}

async function fetchWithRetry(path, options) {
  const method = ((options && options.method) || "GET").toUpperCase();
  if (method !== "GET") options = withActor(options);
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
        // A failed fetch cannot tell "never sent" from "sent, but the answer was lost": the change may have been saved.
        const down = new Error("The server could not be reached or its answer was lost: the change may not have been saved; reload to check before trying again.");
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
