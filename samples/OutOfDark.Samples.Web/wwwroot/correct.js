// OutOfDark web sample: correcting a wrongly recorded value. A metric keeps one value per date, so recording a second
// one on the same date is refused ("…correct it instead of recording another."); the refusal then gets a
// "Correct the value of <date>" button next to it, which replaces that date's value with the one typed
// (PUT …/widgets/{widgetId}/observations/{date}). Loaded before app.js, whose record form calls offerCorrection.
"use strict";

// After a refused record: when the date already has a value, a button beside the date's error corrects it instead.
// form: the record form (inputs date and value); widget: the metric (id, title); error: the refusal (api()).
function offerCorrection(form, widget, error) {
  form.querySelector("button.correct-observation")?.remove();
  const dateErrors = ((error && error.fields) || {}).date || [];
  if (error.status !== 400 || !dateErrors.some(text => /correct it instead/.test(text))) return;
  const date = form.elements.date.value;
  const button = el("button", { type: "button", class: "correct-observation" }, "Correct the value of " + humanDate(date));
  const note = form.querySelector(`.field-error[data-field="date"]`);
  (note || form.elements.date).insertAdjacentElement("afterend", button);
  // Typing another date or value makes the offer stale: it goes.
  const stale = () => button.remove();
  form.elements.date.addEventListener("input", stale, { once: true });
  button.addEventListener("click", async () => {
    const value = form.elements.value.value;
    try {
      await command(journeyPath("/widgets/" + encodeURIComponent(widget.id) + "/observations/" + encodeURIComponent(date)),
        { value: OutOfDarkLimits.exactNumber(value) }, "PUT");
      say("");
      if (window.OutOfDarkFocus) OutOfDarkFocus.after([`#detail form.record[data-widget-id="${widget.id}"] input[name="value"]`], `Corrected the value of ${widget.title} on ${humanDate(date)} to ${value}`);
      await route();
    } catch (failure) {
      if (failure.status === 412) { showConflict(form, failure); return; }
      const rest = showFieldErrors(form, failure);
      say(rest ? `Could not correct: ${rest}` : "");
    }
  });
}
