// ProgramTracker's only script: no framework, no build step. Pages work without it except for the completion
// form, which posts JSON to the API the way any other client does.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("complete-milestone");
  if (form) wireCompletionForm(form);
});

function wireCompletionForm(form) {
  const rules = JSON.parse(form.dataset.rules || "{}");
  const formError = form.querySelector("[data-form-error]");
  const button = form.querySelector("button[type=submit]");

  function clearErrors() {
    formError.hidden = true;
    formError.textContent = "";
    for (const p of form.querySelectorAll("[data-error-for]")) {
      p.hidden = true;
      p.textContent = "";
      form.elements[p.dataset.errorFor]?.removeAttribute("aria-invalid");
    }
  }

  function showFieldError(field, message) {
    const name = field.replace(/^\$\./, "").split(/[.\[]/)[0];
    const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (!slot) return false;
    slot.textContent = message;
    slot.hidden = false;
    form.elements[name]?.setAttribute("aria-invalid", "true");
    return true;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    const milestoneId = form.elements.milestoneId.value;
    const body = { completedOn: form.elements.completedOn.value || null };
    const evidenceUrl = form.elements.evidenceUrl.value.trim();
    const note = form.elements.note.value.trim();
    if (evidenceUrl) body.evidenceUrl = evidenceUrl;
    if (note) body.note = note;

    const label = button.textContent;
    button.disabled = true;
    button.textContent = form.dataset.sending;
    try {
      const url = `/api/workstreams/${form.dataset.workstreamId}/milestones/${milestoneId}/complete`;
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify(body),
      });
      if (response.ok) {
        location.assign(`${location.pathname}?completed=${milestoneId}#milestone-${milestoneId}`);
        return;
      }
      const problem = await response.json().catch(() => ({}));
      // A refusal names one field and a stable rule code; the page has that rule's words in the chosen language.
      const translated = problem.rule && rules[problem.rule];
      let shown = false;
      for (const [field, messages] of Object.entries(problem.errors || {})) {
        const message = (translated && field === problem.field) ? translated : messages.join(" ");
        shown = showFieldError(field, message) || shown;
      }
      if (!shown) {
        formError.textContent = `${form.dataset.failed} ${problem.detail || problem.title || response.status}`;
        formError.hidden = false;
      }
      form.querySelector("[aria-invalid=true]")?.focus();
    } catch (error) {
      formError.textContent = `${form.dataset.failed} ${error.message}`;
      formError.hidden = false;
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  });
}
