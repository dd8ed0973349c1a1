// ProgramTracker's only script: no framework, no build step. Pages work without it except for the forms, which
// post JSON to the API the way any other client does, and the live agreement and workstream pages.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  wireForms();
  const live = document.getElementById("live");
  if (live) followLive(live.dataset.liveUrl);
  // A form someone has typed in is theirs: a live refresh keeps it as it is.
  document.addEventListener("input", (event) => event.target.form?.setAttribute("data-dirty", ""));
  setInterval(showUpdatedAgo, 1000);
  showUpdatedAgo();
});

function wireForms() {
  for (const form of document.querySelectorAll("form[data-api-form]:not([data-wired])")) wireForm(form);
  for (const dates of document.querySelectorAll("[data-partial-date]")) showDateParts(dates);
  for (const repeater of document.querySelectorAll("[data-repeater]")) renumber(repeater);
}

// Print buttons carry data-print: the Content-Security-Policy allows no inline event handlers.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
  const add = event.target.closest("[data-add-item]");
  if (add) addItem(add.closest("[data-repeater]"));
  const remove = event.target.closest("[data-remove-item]");
  if (remove) removeItem(remove.closest("[data-repeat-item]"));
});

document.addEventListener("change", (event) => {
  const dates = event.target.closest("[data-partial-date]");
  if (dates && event.target.matches("[data-part=precision]")) showDateParts(dates);
});

// A field's name is its JSON path: "title.en", "parties[0].signatories[1].name".
function pathOf(name) {
  return name.replace(/^\$\.?/, "").split(/\.|\[(\d+)\]\.?/).filter((s) => s !== undefined && s !== "")
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function setPath(body, name, value) {
  const path = pathOf(name);
  let node = body;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      if (Array.isArray(node[key]) && Array.isArray(value)) node[key].push(...value);
      else node[key] = value;
      return;
    }
    node[key] ??= typeof path[i + 1] === "number" ? [] : {};
    node = node[key];
  });
}

// Empty objects (a title typed in no language, a signatory row left blank) and the holes they leave are left out,
// so the API's own rule ("required", "min-parties") answers, not a half-built object.
function prune(value) {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => [k, prune(v)]).filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

const pad = (text, length) => String(text).trim().padStart(length, "0");

// The API's PartialDate: 2023-05-23, 2023-05, 2023, or --11-28 for a day and month of a year not stated.
function partialDateOf(container) {
  const part = (name) => container.querySelector(`[data-part=${name}]`)?.value.trim() ?? "";
  const [precision, year, month, day] = ["precision", "year", "month", "day"].map(part);
  if (!year && !month && !day) return undefined;
  switch (precision) {
    case "year": return year;
    case "month": return `${year}-${pad(month, 2)}`;
    case "no-year": return `--${pad(month, 2)}-${pad(day, 2)}`;
    default: return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
  }
}

function showDateParts(container) {
  const precision = container.querySelector("[data-part=precision]")?.value ?? "day";
  const shown = { day: ["year", "month", "day"], month: ["year", "month"], year: ["year"], "no-year": ["month", "day"] }[precision];
  for (const wrapper of container.querySelectorAll("[data-part-field]")) wrapper.hidden = !shown.includes(wrapper.dataset.partField);
}

// data-optional (bare or "true") marks a field left out of the body when empty; Razor writes data-* attributes
// even for a null value, so partials say data-optional="false" for a required one.
const isOptional = (element) => element.hasAttribute("data-optional") && element.dataset.optional !== "false";

function urlFields(form) {
  return [...`${form.dataset.url} ${form.dataset.done || ""}`.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

function fill(template, form, answer) {
  return template.replace(/\{([^}]+)\}/g, (_, name) =>
    encodeURIComponent(form.elements[name]?.value ?? answer?.[name] ?? ""));
}

// Every named field goes into the body at its JSON path; fields the URL names go into the URL instead.
// Numbers, booleans and lists are typed; data-optional fields are left out when empty.
function bodyOf(form) {
  const inUrl = new Set(urlFields(form));
  const body = {};
  for (const element of form.elements) {
    if (!element.name || element.disabled || inUrl.has(element.name) || element.type === "submit" || element.type === "button") continue;
    if (element.closest("template")) continue;
    const kind = element.dataset.kind;
    if (element.type === "radio" && !element.checked) continue;
    if (element.type === "checkbox") {
      if (kind === "bool") setPath(body, element.name, element.checked);
      else if (element.checked) setPath(body, element.name, [element.value]);
      else if (!isOptional(element)) setPath(body, element.name, []);
      continue;
    }
    if (element.multiple) {
      setPath(body, element.name, [...element.selectedOptions].map((o) => o.value));
      continue;
    }
    const value = element.value.trim();
    if (isOptional(element) && !value) continue;
    if (kind === "number") setPath(body, element.name, value === "" ? null : Number(value));
    else if (kind === "bool") setPath(body, element.name, value === "true");
    else if (element.type === "date") setPath(body, element.name, value || null);
    else setPath(body, element.name, value);
  }
  for (const container of form.querySelectorAll("[data-partial-date]")) {
    if (container.closest("template")) continue;
    const value = partialDateOf(container);
    if (value !== undefined) setPath(body, container.dataset.partialDate, value);
    else if (!isOptional(container)) setPath(body, container.dataset.partialDate, null);
  }
  return prune(body) ?? {};
}

function wireForm(form) {
  form.setAttribute("data-wired", "");
  const rules = JSON.parse(form.dataset.rules || "{}");
  const formError = form.querySelector("[data-form-error]");
  const button = form.querySelector("button[type=submit]");

  function clearErrors() {
    formError.hidden = true;
    formError.textContent = "";
    for (const slot of form.querySelectorAll("[data-error-for]")) {
      slot.hidden = true;
      slot.textContent = "";
    }
    for (const invalid of form.querySelectorAll("[aria-invalid]")) invalid.removeAttribute("aria-invalid");
  }

  // The slot of the longest field path the error's field starts with: "parties[1].name.lo" finds
  // "parties[1].name.lo" if there is one, else "parties[1].name", else "parties".
  function slotFor(field) {
    const name = field.replace(/^\$\.?/, "");
    let best = null;
    for (const slot of form.querySelectorAll("[data-error-for]")) {
      if (slot.closest("template")) continue;
      const path = slot.dataset.errorFor;
      const matches = name === path || name.startsWith(`${path}.`) || name.startsWith(`${path}[`);
      if (matches && (!best || path.length > best.dataset.errorFor.length)) best = slot;
    }
    return best;
  }

  function controlsUnder(path) {
    return [...form.elements].filter((e) => e.name === path || e.name?.startsWith(`${path}.`) || e.name?.startsWith(`${path}[`)
      || e.closest(`[data-partial-date="${CSS.escape(path)}"]`));
  }

  // The JSON reader names a member missing inside an array item without its path ("name", not "parties[1].name").
  // Such a member was left out because it was empty: the first empty field of that name is the one.
  function emptySlotNamed(field) {
    if (/[.[]/.test(field)) return null;
    return [...form.querySelectorAll("[data-error-for]")].find((slot) => !slot.closest("template")
      && slot.dataset.errorFor.endsWith(`.${field}`) && controlsUnder(slot.dataset.errorFor).every((c) => !c.value.trim())) ?? null;
  }

  function showFieldError(field, message) {
    const slot = slotFor(field) ?? emptySlotNamed(field);
    if (!slot) return false;
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    slot.hidden = false;
    const controls = controlsUnder(slot.dataset.errorFor);
    for (const control of controls) control.setAttribute("aria-invalid", "true");
    if (!controls.length) slot.closest("fieldset")?.querySelector("input, select, textarea")?.setAttribute("aria-invalid", "true");
    return true;
  }

  // A refusal names one field and a stable rule code; the page has that rule's words in the chosen language.
  // Invalid input names its broken rules as "field:rule" (such as "reason:required"); the page words those as the
  // form's own "field:rule", else as the plain rule ("required").
  function wordsFor(problem, field, messages) {
    if (field === problem.field && problem.rule && rules[problem.rule]) return rules[problem.rule];
    const fieldRules = (problem.rules || []).filter((r) => r.slice(0, r.lastIndexOf(":")) === field);
    const words = fieldRules.map((r) => rules[r] ?? rules[r.slice(r.lastIndexOf(":") + 1)]).filter(Boolean);
    return words.length ? [...new Set(words)].join(" ") : messages.join(" ");
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    const label = button.textContent;
    button.disabled = true;
    button.textContent = form.dataset.sending;
    try {
      const response = await fetch(fill(form.dataset.url, form), {
        method: form.dataset.method || "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "RequestVerificationToken": antiforgeryToken() },
        body: JSON.stringify(bodyOf(form)),
      });
      if (response.ok) {
        const answer = await response.json().catch(() => ({}));
        form.removeAttribute("data-dirty");
        go(new URL(fill(form.dataset.done || "", form, answer), location.href));
        return;
      }
      const problem = await response.json().catch(() => ({}));
      let shown = false;
      const errors = problem.errors || (problem.field ? { [problem.field]: [problem.detail || ""] } : {});
      for (const [field, messages] of Object.entries(errors)) {
        shown = showFieldError(field, wordsFor(problem, field, [].concat(messages))) || shown;
      }
      if (!shown) {
        const words = (problem.rule && rules[problem.rule]) || problem.detail || problem.title || response.status;
        formError.textContent = `${form.dataset.failed} ${words}`;
        formError.hidden = false;
      }
      (form.querySelector("[aria-invalid=true]") ?? formError).focus();
    } catch (error) {
      formError.textContent = `${form.dataset.failed} ${error.message}`;
      formError.hidden = false;
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  });
}

// After a write the page shows the new state: the target page, or this one again when only the fragment differs.
function go(target) {
  if (target.pathname === location.pathname && target.search === location.search) {
    location.hash = target.hash;
    location.reload();
  } else {
    location.assign(target);
  }
}

// A repeater holds items for one JSON array (data-repeater="parties") and a <template> for one more. The template
// writes the new item's index as the repeater's data-index-token (such as "__party__"), nested repeaters their own.
function addItem(repeater) {
  const list = repeater.querySelector(":scope > [data-items]");
  const template = repeater.querySelector(":scope > template");
  const max = Number(repeater.dataset.max || Infinity);
  if (list.children.length >= max) return;
  const index = list.children.length;
  const html = template.innerHTML.replaceAll(repeater.dataset.indexToken, String(index));
  list.insertAdjacentHTML("beforeend", html);
  renumber(repeater);
  const item = list.lastElementChild;
  for (const dates of item.querySelectorAll("[data-partial-date]")) showDateParts(dates);
  item.querySelector("input, select, textarea")?.focus();
  repeater.closest("form")?.setAttribute("data-dirty", "");
}

function removeItem(item) {
  const repeater = item.closest("[data-repeater]");
  const list = item.parentElement;
  if (list.children.length <= Number(repeater.dataset.min || 0)) return;
  const index = [...list.children].indexOf(item);
  item.remove();
  renumber(repeater);
  // Focus goes to the remove button of the item now in its place, or to "add" when no item may be removed.
  const next = list.children[Math.min(index, list.children.length - 1)];
  const remove = next && [...next.querySelectorAll("[data-remove-item]")].find((b) => b.closest("[data-repeat-item]") === next);
  (remove && !remove.disabled ? remove : repeater.querySelector(":scope > [data-add-item]"))?.focus();
  repeater.closest("form")?.setAttribute("data-dirty", "");
}

const renamed = ["name", "id", "for", "data-error-for", "aria-describedby", "data-partial-date", "data-repeater", "aria-labelledby"];

// Items keep their JSON paths dense (parties[0], parties[1], ...) after a removal, and say which one they are.
function renumber(repeater) {
  const base = repeater.dataset.repeater;
  const list = repeater.querySelector(":scope > [data-items]");
  const pattern = new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\[\\d+\\]`, "g");
  [...list.children].forEach((item, index) => {
    const path = `${base}[${index}]`;
    for (const element of [item, ...item.querySelectorAll("*")]) {
      for (const attribute of renamed) {
        const value = element.getAttribute(attribute);
        if (value) element.setAttribute(attribute, value.replace(pattern, path));
      }
      if (element.tagName === "TEMPLATE") element.innerHTML = element.innerHTML.replace(pattern, path);
    }
    for (const number of item.querySelectorAll(":scope [data-item-number]")) {
      if (number.closest("[data-repeat-item]") === item) number.textContent = String(index + 1);
    }
  });
  const count = list.children.length;
  for (const item of list.children) {
    const remove = item.querySelector("[data-remove-item]");
    if (remove && remove.closest("[data-repeat-item]") === item) remove.disabled = count <= Number(repeater.dataset.min || 0);
  }
  const add = repeater.querySelector(":scope > [data-add-item]");
  if (add) add.disabled = count >= Number(repeater.dataset.max || Infinity);
}

// A quorum indicator ([data-quorum]) says, while attendance is ticked, whether the meeting will be quorate. The
// server gives the number the committee's rule needs (QuorumRule.Required) and the members in office; the test
// is QuorumRule.IsReached's: someone present, and at least that many.
document.addEventListener("change", (event) => {
  const form = event.target.form;
  const indicator = form?.querySelector("[data-quorum]");
  if (indicator && event.target.name === indicator.dataset.quorumFor) showQuorum(form, indicator);
});

function showQuorum(form, indicator) {
  const present = form.querySelectorAll(`input[name="${CSS.escape(indicator.dataset.quorumFor)}"]:checked`).length;
  const required = Number(indicator.dataset.required);
  const reached = present > 0 && present >= required;
  const lang = document.documentElement.lang;
  indicator.dataset.reached = String(reached);
  indicator.textContent = indicator.dataset[reached ? "wordsReached" : "wordsNotReached"]
    .replace("{0}", present.toLocaleString(lang))
    .replace("{1}", required.toLocaleString(lang))
    .replace("{2}", Number(indicator.dataset.members).toLocaleString(lang));
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
    wireForms();
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
