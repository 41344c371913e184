// OutOfDark web sample: user text inside sentences, isolated. A name may hold right-to-left letters (Arabic, Hebrew)
// or the isolate characters U+2066–U+2069 (the journey refuses the embedding and override characters); set inside a
// sentence without isolation it would reorder the words, quotes and numbers around it ("Renamed "שלום" to 2" read
// backwards). isolated(text, known) returns the sentence as nodes with every piece of user text in a <bdi> element
// (unicode-bidi: isolate), so each is laid out on its own and the sentence keeps its order. What counts as user text
// is userTextRuns' answer (usertext.js): the journey's own texts standing whole, the caller's known texts, and quoted
// parts ('…' or "…"); one splitter, so what the page shows exactly as typed is also what it isolates. bdi(text)
// isolates one value (an actor, a subject).
"use strict";

function bdi(text) {
  const node = document.createElement("bdi");
  node.textContent = text === null || text === undefined ? "" : String(text);
  return node;
}

function isolated(text, known) {
  const fragment = document.createDocumentFragment();
  if (text === null || text === undefined || text === "") return fragment;
  for (const run of userTextRuns(String(text), known)) fragment.append(run.user ? bdi(run.text) : run.text);
  return fragment;
}
