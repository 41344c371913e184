// OutOfDark web sample: the user's own text inside the domain's sentences. A message such as
// "'Launch 2026-04-12 pi 3.14159265' has no owner" holds a name someone typed; the page rewrites the domain's dates, ids,
// rule ids and long decimals for people (readable in format.js) but must show what users typed exactly as typed.
// userTextRuns(text, known) splits a message into runs, { text, user }, whose texts join back to the message:
//   - user runs: each known user text of the journey on show (the journey's name and owner; phase names and goals;
//     persona names; activity names, owners, teams, channels and tags; flow labels) and the caller's (a Detail view's
//     widget titles, a workspace warning's subject), longest first, where it stands whole (not inside a longer word or
//     number); then any other quoted part ('…' or "…", as the domain quotes names, notes and owners), unless it is only
//     an id or a rule id, which the domain quotes as its own;
//   - domain runs: the rest.
// format.js calls it only when a view formats a message, after every script has loaded.
"use strict";

// Characters that continue a word or a number: a known text must not start or end in the middle of one.
const USER_TEXT_JOINER = /[\p{L}\p{N}_]/u;

// The open journey's texts are gathered once per journey loaded (a view formats many messages).
let journeyUserTexts = { journey: undefined, texts: [] };

function knownUserTexts(extra) {
  const journey = typeof state !== "undefined" ? state.journey : null;
  if (journeyUserTexts.journey !== journey) journeyUserTexts = { journey, texts: journeyTexts(journey) };
  const own = (extra || []).filter(value => typeof value === "string" && value.trim());
  if (!own.length) return journeyUserTexts.texts;
  return [...new Set([...journeyUserTexts.texts, ...own])].sort((a, b) => b.length - a.length);
}

function journeyTexts(journey) {
  const texts = new Set();
  const add = value => { if (typeof value === "string" && value.trim()) texts.add(value); };
  if (journey) {
    add(journey.name); add(journey.owner);
    for (const phase of journey.phases || []) { add(phase.name); add(phase.customerGoal); }
    for (const persona of journey.personas || []) add(persona.name);
    for (const activity of journey.activities || []) {
      add(activity.name); add(activity.owner); add(activity.team);
      for (const channel of activity.channels || []) add(channel);
      for (const tag of activity.tags || []) add(tag);
    }
    for (const flow of journey.flows || []) add(flow.label);
  }
  return [...texts].sort((a, b) => b.length - a.length);
}

function standsAlone(text, at, length) {
  const before = at > 0 ? text[at - 1] : "";
  const after = text[at + length] || "";
  const first = text[at], last = text[at + length - 1];
  return !(before && USER_TEXT_JOINER.test(before) && USER_TEXT_JOINER.test(first))
    && !(after && USER_TEXT_JOINER.test(after) && USER_TEXT_JOINER.test(last));
}

// A quoted part: an opening quote not inside a word, the shortest text up to the same quote not followed by a letter or
// digit ("'Bob's page' has" keeps "Bob's page" whole).
const QUOTED_USER_TEXT = /(?<![\p{L}\p{N}_])(['"])([^\n]*?)\1(?![\p{L}\p{N}_])/gu;
const ONLY_DOMAIN_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+)$/i;

// What readable rewrites (format.js): a known text that would cut one of these in two (a name "04" inside a date, "."
// inside a number) is not taken as user text.
function domainTokens(source) {
  const tokens = [];
  for (const pattern of [ISO_IN_TEXT, LONG_DECIMAL, GUID, RULE_ID_IN_TEXT]) {
    for (const match of source.matchAll(pattern)) tokens.push([match.index, match.index + match[0].length]);
  }
  return tokens;
}

function userTextRuns(text, known) {
  const source = String(text);
  const tokens = domainTokens(source);
  const cutsAToken = (start, end) => tokens.some(([s, e]) => s < end && start < e && !(start <= s && e <= end));
  const user = new Array(source.length).fill(false);
  for (const name of knownUserTexts(known)) {
    for (let at = source.indexOf(name); at >= 0; at = source.indexOf(name, at + 1)) {
      if (user.slice(at, at + name.length).some(Boolean) || !standsAlone(source, at, name.length) || cutsAToken(at, at + name.length)) continue;
      user.fill(true, at, at + name.length);
    }
  }
  for (const match of source.matchAll(QUOTED_USER_TEXT)) {
    const inner = match[2];
    const start = match.index + 1;
    if (!inner || ONLY_DOMAIN_ID.test(inner) || cutsAToken(start, start + inner.length)) continue;
    user.fill(true, start, start + inner.length);
  }
  const runs = [];
  for (let i = 0; i < source.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.user === user[i]) last.text += source[i];
    else runs.push({ text: source[i], user: user[i] });
  }
  return runs;
}
