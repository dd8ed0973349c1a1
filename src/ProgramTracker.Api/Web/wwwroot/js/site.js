// ProgramTracker's only script: no framework, no build step. Pages work without it except for the milestone
// forms, which post JSON to the API the way any other client does, and the live agreement and workstream pages.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  wireMilestoneForms();
  const live = document.getElementById("live");
  if (live) followLive(live.dataset.liveUrl);
  // A form someone has typed in is theirs: a live refresh keeps it as it is.
  document.addEventListener("input", (event) => event.target.form?.setAttribute("data-dirty", ""));
  setInterval(showUpdatedAgo, 1000);
  showUpdatedAgo();
});

function wireMilestoneForms() {
  for (const form of document.querySelectorAll("form.milestone-form:not([data-wired])")) wireMilestoneForm(form);
}

// Print buttons carry data-print: the Content-Security-Policy allows no inline event handlers.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});

// Every field but the milestone goes into the body: optional ones only when filled in, numbers as numbers.
function bodyOf(form) {
  const body = {};
  for (const element of form.elements) {
    if (!element.name || element.name === "milestoneId") continue;
    const value = element.value.trim();
    if (element.hasAttribute("data-optional") && !value) continue;
    if (element.dataset.kind === "number") body[element.name] = value === "" ? null : Number(value);
    else if (element.type === "date") body[element.name] = value || null;
    else body[element.name] = value;
  }
  return body;
}

function wireMilestoneForm(form) {
  form.setAttribute("data-wired", "");
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
    const label = button.textContent;
    button.disabled = true;
    button.textContent = form.dataset.sending;
    try {
      const url = `/api/workstreams/${form.dataset.workstreamId}/milestones/${milestoneId}/${form.dataset.action}`;
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "RequestVerificationToken": antiforgeryToken() },
        body: JSON.stringify(bodyOf(form)),
      });
      if (response.ok) {
        location.assign(`${location.pathname}?${form.dataset.done}=${milestoneId}#milestone-${milestoneId}`);
        return;
      }
      const problem = await response.json().catch(() => ({}));
      // A refusal names one field and a stable rule code; the page has that rule's words in the chosen language.
      // Invalid input names its broken rules as "field:rule" (such as "reason:required"); the page may word those too.
      const translated = problem.rule && rules[problem.rule];
      let shown = false;
      for (const [field, messages] of Object.entries(problem.errors || {})) {
        const fieldRule = (problem.rules || []).find((r) => r.startsWith(`${field}:`) && rules[r]);
        const message = (translated && field === problem.field) ? translated
          : fieldRule ? rules[fieldRule]
          : messages.join(" ");
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

// The server says when the agreement's or workstream's version moves; the page then fetches itself and swaps its
// main content, keeping any form the reader is filling in (typed in, or holding the focus) as it is.
function followLive(url) {
  const source = new EventSource(url);
  source.addEventListener("changed", async (event) => {
    const live = document.getElementById("live");
    if (!live || live.dataset.version === event.data) return;
    const response = await fetch(location.href, { headers: { "Accept": "text/html" } });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("main");
    if (!fresh) return;
    const main = document.querySelector("main");
    const active = document.activeElement;
    const focused = active?.closest("form");
    const kept = [...main.querySelectorAll("form[id]")].filter((form) => form.hasAttribute("data-dirty") || form === focused);
    main.innerHTML = fresh.innerHTML;
    for (const form of kept) main.querySelector(`form#${CSS.escape(form.id)}`)?.replaceWith(form);
    if (active?.isConnected && document.activeElement !== active) active.focus();
    wireMilestoneForms();
    showUpdatedAgo();
  });
}

// "Updated 4 s ago", counted from the last event the dashboard folded, not from when the page loaded.
function showUpdatedAgo() {
  const live = document.getElementById("live");
  const slot = live?.querySelector("[data-updated-ago]");
  if (!slot || !live.dataset.lastEventAt) return;
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(live.dataset.lastEventAt)) / 1000));
  const [template, value] =
    seconds < 120 ? [live.dataset.seconds, seconds]
    : seconds < 7200 ? [live.dataset.minutes, Math.round(seconds / 60)]
    : seconds < 172800 ? [live.dataset.hours, Math.round(seconds / 3600)]
    : [live.dataset.days, Math.round(seconds / 86400)];
  slot.textContent = template.replace("{0}", value.toLocaleString(document.documentElement.lang));
}

// The web session calls the API with its cookie, so every change carries the page's antiforgery token.
function antiforgeryToken() {
  return document.querySelector('meta[name="request-verification-token"]')?.content ?? "";
}
