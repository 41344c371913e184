// OutOfDark web sample: human formats, in one place. Loaded first; every view formats what it shows through these.
//   - words: "in progress" for inProgress; emotionText: "very negative (−2)" for -2;
//   - numbers in the visitor's locale (Intl.NumberFormat) with sensible digits: the whole integer part and at most three
//     decimals, without trailing zeros ("0.863" for 0.862930515206221, "280.9" for 280.9, "74" for 74.0), and three
//     significant digits for smaller numbers ("0.00123");
//   - dates and instants in the visitor's locale and time zone (Intl.DateTimeFormat): "12 Apr 2026" for 2026-04-12 (a
//     calendar date stays that date in every zone), "12 Apr 2026, 11:00" for 2026-04-12T09:00:57.9068289Z in Paris;
//   - messages (readable): the domain's text with each ISO date or instant written as above, each id written as the
//     name of what it identifies, each rule id ("metric.baseline") as the rule's name and each number with decimals
//     ("140.055552 s", "0.0") read as above ("140.056 s", "0"), outside what users typed (names, titles, owners,
//     quoted parts: usertext.js), which shows exactly as typed. The domain's text itself is never changed, only how the
//     page shows it.
"use strict";

// ---- Words ------------------------------------------------------------------------------------------------------

function words(camel) {
  return camel ? String(camel).replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase() : "";
}

const EMOTIONS = { "-2": "very negative", "-1": "negative", "0": "neutral", "1": "positive", "2": "very positive" };

function emotionText(score) {
  const sign = score > 0 ? "+" + score : score < 0 ? "−" + Math.abs(score) : "0";
  return `${EMOTIONS[String(score)] || "?"} (${sign})`;
}

// ---- Numbers ----------------------------------------------------------------------------------------------------

// The integer part in full, then at most three decimals, or three significant digits when that shows more; no
// trailing zeros.
const NUMBER_FORMAT = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 3, maximumFractionDigits: 3, roundingPriority: "morePrecision" });

// value: a number or its invariant text ("0.862930515206221"); decimals: exactly this many decimals at most instead of
// the usual rule (for values that must be told apart). Text that is not a number comes back as it is.
function formatNumber(value, decimals) {
  const number = typeof value === "number" ? value : Number(value);
  if (value === null || value === undefined || value === "" || !Number.isFinite(number)) return value ?? "";
  if (decimals === undefined) return NUMBER_FORMAT.format(number);
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: Math.min(20, decimals) }).format(number);
}

// A number with its unit ("12.3 %", "312 s"); a percent sign stands apart from the number, as the domain writes it.
function formatAmount(value, unit, decimals) {
  const text = formatNumber(value, decimals);
  return unit ? `${text} ${unit}` : String(text);
}

// ---- Dates and instants -----------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });
const DATE_TIME_FORMAT = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

// A calendar date (yyyy-MM-dd) as the same day at local midnight; an instant as itself.
function parseWhen(text) {
  const date = ISO_DATE.exec(text);
  return date ? new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3])) : new Date(text);
}

// "12 Apr 2026": a calendar date as written; an instant as the visitor's local day it falls on.
function humanDate(text) {
  if (!text) return "";
  const when = parseWhen(text);
  return Number.isNaN(when.getTime()) ? String(text) : DATE_FORMAT.format(when);
}

// "12 Apr 2026, 11:00": an instant in the visitor's time zone, to the minute.
function humanDateTime(text) {
  if (!text) return "";
  const when = new Date(text);
  return Number.isNaN(when.getTime()) ? String(text) : DATE_TIME_FORMAT.format(when);
}

const DAY_MS = 86400000;

function localDay(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

// "today 10:02", "yesterday 17:40", else the date. nowText: the server's clock (ISO instant), so "today" follows the
// journey's time, not the visitor's machine.
function humanInstant(text, nowText) {
  if (!text) return "";
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return String(text);
  const now = nowText ? new Date(nowText) : new Date();
  const days = Math.round((localDay(now) - localDay(at)) / DAY_MS);
  if (days === 0) return "today " + TIME_FORMAT.format(at);
  if (days === 1) return "yesterday " + TIME_FORMAT.format(at);
  return humanDate(text);
}

// An ISO date (2026-04-12) or instant (2026-04-12T09:00:57.9068289Z, with or without seconds and offset) in a text.
const ISO_IN_TEXT = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?\b/g;

function localDates(text) {
  return String(text).replace(ISO_IN_TEXT, match => {
    const when = parseWhen(match);
    if (Number.isNaN(when.getTime())) return match;
    return match.includes("T") ? humanDateTime(match) : humanDate(match);
  });
}

// Any value of a custom widget's fields: a number, a date or an instant as above, other text as a message.
function formatValue(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value);
  const text = String(value);
  if (PLAIN_NUMBER.test(text)) return formatNumber(text);
  if (ISO_DATE.test(text)) return humanDate(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return humanDateTime(text);
  return readable(text);
}

// ---- Ids --------------------------------------------------------------------------------------------------------

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

// ---- Rules ------------------------------------------------------------------------------------------------------

// The rules the server runs (GET /api/rules: the built-ins and the integrator's), by id. Loaded once at start
// (loadRuleNames); until then, and for a rule the server no longer runs, a rule is shown by its id.
const RULES = new Map();

async function loadRuleNames() {
  const rules = await api("/api/rules");
  RULES.clear();
  for (const rule of rules) RULES.set(rule.id, rule);
}

function ruleName(id) {
  const rule = RULES.get(String(id));
  return rule ? rule.name : String(id ?? "");
}

// A rule id in a text: lower-case words joined by dots and dashes ("metric.baseline", "emotion.expectation-gap").
const RULE_ID_IN_TEXT = /(?<![\w.-])[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+(?![\w-]|\.[a-z0-9])/g;

function ruleNamesIn(text) {
  return RULES.size ? text.replace(RULE_ID_IN_TEXT, match => RULES.has(match) ? `"${RULES.get(match).name}"` : match) : text;
}

// ---- Messages ---------------------------------------------------------------------------------------------------

// A number with decimals in a message ("28-day mean of 140.055552 s", "Recorded 0.0"): every one is read as
// formatNumber reads numbers ("140.056", "0"), so a history line never shows 0.0 beside a 0 written with 28 zeros.
const LONG_DECIMAL = /(?<![\d.,])-?\d+\.\d+(?![\d.])/g;

// ISO dates and instants are left whole for localDates (their seconds' decimals are not a number to round), and the
// numbers are read before the dates are written in the visitor's locale, whose times may hold a "." ("klo 18.00").
function shortDecimals(text) {
  let result = "", last = 0;
  for (const match of text.matchAll(ISO_IN_TEXT)) {
    result += text.slice(last, match.index).replace(LONG_DECIMAL, number => formatNumber(number)) + match[0];
    last = match.index + match[0].length;
  }
  return result + text.slice(last).replace(LONG_DECIMAL, number => formatNumber(number));
}

// A message (the domain's, or the server's) as the page shows it: names for ids and rule ids, local dates for ISO
// ones, long decimals rounded — in the domain's own words only. What a user typed (see userTextRuns) shows exactly as
// typed. known: more user text the message may hold beyond the open journey's (a workspace warning's subject, owner).
function readable(text, known) {
  if (!text) return text;
  return userTextRuns(String(text), known).map(run => run.user ? run.text : readableDomainText(run.text)).join("");
}

// The names put in for ids are user text too: the rest is rewritten around them, never inside them.
function readableDomainText(text) {
  const source = text.replace(BRACKETED_GUID, "");
  const rewrite = part => localDates(shortDecimals(ruleNamesIn(part)));
  let result = "", last = 0;
  for (const match of source.matchAll(GUID)) {
    result += rewrite(source.slice(last, match.index)) + (nameOf(match[0].replaceAll("'", "")) || "(an item that no longer exists)");
    last = match.index + match[0].length;
  }
  return result + rewrite(source.slice(last));
}

// ---- Evidence ---------------------------------------------------------------------------------------------------

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

// The evidence of a metric rule that are values of the metric itself, shown with the metric's unit ("4.2 s").
const METRIC_VALUES = new Set(["latest value", "last value past it", "from value", "to value", "baseline mean", "baseline standard deviation",
  "target", "warning threshold", "critical threshold", "clear band"]);

// The evidence of the change rules that is a change: their size in the worse direction, signed by the values it was
// measured between (as the HTML report does, src/OutOfDark.Rendering/Text/EvidenceText.cs).
const CHANGES = new Set(["change percent", "change in standard deviations"]);

// +1 when the later value of a change rule's evidence is above the earlier one ("to value" against "from value",
// "latest value" against "baseline mean"), -1 when below, 0 when the evidence holds neither pair.
function changeSign(evidence) {
  const value = name => {
    const found = (evidence || []).find(e => e.name === name && PLAIN_NUMBER.test(String(e.value)));
    return found ? Number(found.value) : undefined;
  };
  for (const [later, earlier] of [["to value", "from value"], ["latest value", "baseline mean"]]) {
    const a = value(later), b = value(earlier);
    if (a !== undefined && b !== undefined && a !== b) return a > b ? 1 : -1;
  }
  return 0;
}

// A warning's evidence ([{ name, value }], values as the domain writes them: invariant numbers, ISO dates and instants)
// as [{ name, value }] for people; rule: the warning's rule id (the threshold of an emotion rule is an emotion); unit:
// the metric's unit when the warning is about a metric (the API's warning "unit"), shown beside its values. Two
// different numbers never read the same: when the usual rounding would show a value and the limit it passed as equal
// ("60" and "60" for 60.0004 against 60), both get the decimals that tell them apart.
function formatEvidence(evidence, rule, unit) {
  const metricRule = String(rule || "").startsWith("metric.");
  const emotional = name => /emotion/.test(name) || (String(rule || "").startsWith("emotion.") && name === "threshold");
  const sign = changeSign(evidence);
  const items = (evidence || []).map(e => {
    const name = String(e.name);
    const value = e.value === null || e.value === undefined ? "" : String(e.value);
    const numeric = PLAIN_NUMBER.test(value);
    const percent = /(?:\s%|\spercent)$/.test(name);
    const days = numeric && / days$/.test(name);
    const unitHere = !percent && unit && metricRule && METRIC_VALUES.has(name) ? unit : "";
    const shownName = percent ? name.replace(/(?:\s%|\spercent)$/, "") : days ? (name === "grace days" ? "grace period" : name.replace(/ days$/, "")) : name;
    const signed = numeric && CHANGES.has(name) ? sign : 0;
    return { name: shownName, raw: value, numeric, percent, days, signed, unit: unitHere, emotion: emotional(name), decimals: undefined };
  });
  const numbers = items.filter(i => i.numeric && !i.emotion);
  for (let round = 0; round < 20; round++) {
    const clashing = new Set();
    for (const a of numbers) {
      for (const b of numbers) {
        if (a !== b && Number(a.raw) !== Number(b.raw) && formatNumber(a.raw, a.decimals) === formatNumber(b.raw, b.decimals)) clashing.add(a).add(b);
      }
    }
    if (!clashing.size) break;
    for (const item of clashing) item.decimals = (item.decimals ?? decimalsShown(item.raw)) + 1;
  }
  return items.map(i => ({ name: i.name, value: evidenceValue(i) }));
}

function decimalsShown(raw) {
  const text = formatNumber(raw);
  const separator = /[.,](\d+)$/.exec(text);
  return separator ? separator[1].length : 0;
}

function evidenceValue(item) {
  const { name, raw } = item;
  if (item.numeric) {
    if (item.emotion && EMOTIONS[String(Number(raw))]) return emotionText(Number(raw));
    if (item.days) return `${formatNumber(raw)} ${Number(raw) === 1 ? "day" : "days"}`;
    if (item.signed) return (item.signed > 0 ? "+" : "−") + formatAmount(String(Math.abs(Number(raw))), item.percent ? "%" : item.unit, item.decimals);
    return formatAmount(raw, item.percent ? "%" : item.unit, item.decimals);
  }
  if (ISO_DATE.test(raw)) return humanDate(raw);
  if (/^\d{4}-\d{2}-\d{2}T/.test(raw)) return humanDateTime(raw);
  // Kinds and statuses are the domain's enum names ("Touchpoint", "InProgress").
  if (name === "kind" || name === "status") return words(raw);
  return readable(raw);
}
