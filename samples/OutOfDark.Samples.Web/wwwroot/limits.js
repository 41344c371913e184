// OutOfDark web sample: the server's text and number rules, checked in the page before a form is sent.
// Lengths count characters as the server does (Api/TextLimits.cs): Unicode scalar values, so an emoji outside the Basic
// Multilingual Plane is one character ([...text].length), where HTML's maxlength counts UTF-16 units and would stop
// 250 emoji at "500". A field over its limit is marked invalid with the server's words, and the browser keeps the form
// from being sent. Numbers are sent with the digits typed (JSON.rawJSON), so the server can refuse what a metric value
// cannot hold exactly instead of the page rounding it to a double first.
"use strict";

const OutOfDarkLimits = (function () {
  const NAME = 500;
  const TEXT = 10000;
  const FREE_TEXT = ["description", "customerGoal", "markdown", "note", "problem", "solution", "quote", "reason"];

  function characters(text) {
    return [...(text || "")].length;
  }

  // The limit of a member, as the server's TextLimits.For.
  function limitOf(member) {
    return FREE_TEXT.includes(member) ? TEXT : NAME;
  }

  // Marks the control invalid while it holds more than `limit` characters. maxlength is raised to twice the limit (no
  // character takes more than two UTF-16 units), so the browser never cuts a text the server would accept.
  function limit(control, max) {
    control.setAttribute("maxlength", String(max * 2));
    control.dataset.maxCharacters = String(max);
    const check = () => {
      const count = characters(control.value);
      control.setCustomValidity(count > max
        ? `Keep it to ${max.toLocaleString("en")} characters; this one has ${count.toLocaleString("en")}.`
        : "");
    };
    control.addEventListener("input", check);
    check();
    return control;
  }

  // The typed number for a JSON body: its own digits when the browser can send them raw, else the nearest double.
  const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
  function exactNumber(text) {
    const typed = String(text).trim();
    return typeof JSON.rawJSON === "function" && JSON_NUMBER.test(typed) ? JSON.rawJSON(typed) : Number(typed);
  }

  // An observation's date runs from 1900-01-01 to tomorrow of the app's today (the server's rule).
  function observationDates(input, today) {
    input.min = "1900-01-01";
    if (today) {
      const next = new Date(today + "T00:00:00Z");
      next.setUTCDate(next.getUTCDate() + 1);
      input.max = next.toISOString().slice(0, 10);
    }
    return input;
  }

  return { NAME, TEXT, characters, limitOf, limit, exactNumber, observationDates };
})();
