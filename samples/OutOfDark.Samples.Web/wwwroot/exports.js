// OutOfDark web sample: the export buttons. Each is a plain download link to the server's export of the open journey.
"use strict";

const EXPORTS = [
  ["report", "Report (HTML)"],
  ["svg", "Map (SVG)"],
  ["mermaid", "Mermaid"],
  ["csv", "Activities (CSV)"],
  ["json", "Journey (JSON)"],
];

function showExports() {
  const menu = document.getElementById("exports");
  menu.replaceChildren(el("summary", {}, "Export"), el("ul", {}, ...EXPORTS.map(([format, label]) =>
    el("li", {}, el("a", { href: journeyPath("/export/" + format) + (format === "report" ? reportQuery() : ""), download: "", "data-export": format }, label)))));
}

// The report shows its times in the browser's zone and its dates and numbers in the browser's language.
function reportQuery() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const params = new URLSearchParams();
  if (zone) params.set("tz", zone);
  if (navigator.language) params.set("culture", navigator.language);
  const query = params.toString();
  return query ? "?" + query : "";
}
