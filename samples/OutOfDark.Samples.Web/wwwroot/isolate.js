// OutOfDark web sample: user text inside sentences, isolated. A name may hold right-to-left letters (Arabic, Hebrew)
// or the isolate characters U+2066–U+2069 (the journey refuses the embedding and override characters); set inside a
// sentence without isolation it would reorder the words, quotes and numbers around it ("Renamed "שלום" to 2" read
// backwards). isolated(text) returns the sentence as nodes with every name in a <bdi> element (unicode-bidi: isolate),
// so each name is laid out on its own and the sentence keeps its order. A name is a quoted part ("…", as the journey's
// sentences quote names) or, unquoted, the name of an activity, phase or persona of the journey on show (warning
// messages begin with the activity's name). bdi(text) isolates one value (an actor, a subject).
"use strict";

function bdi(text) {
  const node = document.createElement("bdi");
  node.textContent = text === null || text === undefined ? "" : String(text);
  return node;
}

// The names of the journey on show, longest first, so "Checkout page" wins over "Checkout".
function isolatedNames() {
  const journey = typeof state !== "undefined" ? state.journey : null;
  if (!journey) return [];
  const names = new Set([journey.name]);
  for (const list of [journey.activities, journey.phases, journey.personas]) {
    for (const item of list || []) if (item.name && item.name.trim()) names.add(item.name);
  }
  return [...names].filter(n => n && n.length > 1).sort((a, b) => b.length - a.length);
}

function isolated(text) {
  const fragment = document.createDocumentFragment();
  if (text === null || text === undefined || text === "") return fragment;
  const names = isolatedNames();
  // Unquoted runs: known names become <bdi>, the rest stays text.
  const plain = run => {
    let rest = run;
    while (rest) {
      let at = -1, found = null;
      for (const name of names) {
        const i = rest.indexOf(name);
        if (i >= 0 && (at < 0 || i < at || (i === at && name.length > found.length))) { at = i; found = name; }
      }
      if (!found) { fragment.append(rest); return; }
      if (at > 0) fragment.append(rest.slice(0, at));
      fragment.append(bdi(found));
      rest = rest.slice(at + found.length);
    }
  };
  const quoted = /"([^"\n]*)"/g;
  const source = String(text);
  let last = 0;
  for (const match of source.matchAll(quoted)) {
    plain(source.slice(last, match.index));
    fragment.append("\"", bdi(match[1]), "\"");
    last = match.index + match[0].length;
  }
  plain(source.slice(last));
  return fragment;
}
