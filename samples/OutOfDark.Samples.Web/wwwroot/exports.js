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
    el("li", {}, el("a", { href: journeyPath("/export/" + format), download: "", "data-export": format }, label)))));
}
