// Copy buttons: <button class="copy" data-copy="text">. No inline scripts (CSP).
"use strict";

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text);
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button.copy");
  if (!button) return;
  const label = button.dataset.label || button.textContent;
  button.dataset.label = label;
  copyText(button.dataset.copy).then(
    () => { button.textContent = "已复制"; },
    () => { button.textContent = "复制失败，请手动选择文字"; },
  ).finally(() => {
    setTimeout(() => { button.textContent = label; }, 2000);
  });
});

// Narrow screens: the facets' panel starts folded, below the results (progressive
// enhancement: without scripts it stays open).
document.addEventListener("DOMContentLoaded", () => {
  if (window.matchMedia("(max-width: 50rem)").matches) {
    document.querySelectorAll("details.facet-panel").forEach((panel) => { panel.open = false; });
  }
});

// Search as you type: a search box whose form has data-suggest="/api/suggest" shows
// completions (project names, titles, 文号, indicator names) in a listbox below it.
// ↑ ↓ move through them, Enter opens the chosen one (or searches what was typed when
// none is chosen), Esc closes the list. Without scripts the box is a plain search form.
const SUGGEST_DELAY_MS = 120;

function setUpSuggest(form) {
  const input = form.querySelector("input[name=q]");
  if (!input) return;
  const list = document.createElement("ul");
  list.id = "suggest-list";
  list.className = "suggest";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "输入建议");
  list.hidden = true;
  form.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("autocomplete", "off");

  let timer = null;
  let asked = 0; // the newest request: an older answer arriving late is dropped
  let active = -1;

  const options = () => Array.from(list.querySelectorAll("[role=option]"));

  function close() {
    list.hidden = true;
    list.replaceChildren();
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function mark(index) {
    const all = options();
    // from no choice, ↑ goes to the last and ↓ to the first; then round
    active = all.length ? (index + all.length) % all.length : -1;
    all.forEach((option, n) => option.setAttribute("aria-selected", String(n === active)));
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }
  }

  function show(suggestions) {
    if (document.activeElement !== input) { close(); return; } // focus moved on meanwhile
    list.replaceChildren();
    active = -1;
    suggestions.forEach((item, n) => {
      const option = document.createElement("li");
      option.id = `suggest-${n}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = item.url;
      const kind = document.createElement("span");
      kind.className = "suggest-kind";
      kind.textContent = item.label;
      const text = document.createElement("span");
      text.className = "suggest-text";
      text.textContent = item.text;
      const detail = document.createElement("span");
      detail.className = "suggest-detail";
      const counted = item.kind === "project" ? "" : `${item.count} 个项目`;
      detail.textContent = [item.detail, counted].filter(Boolean).join(" · ");
      option.append(kind, text, detail);
      list.appendChild(option);
    });
    list.hidden = suggestions.length === 0;
    input.setAttribute("aria-expanded", String(suggestions.length > 0));
    input.removeAttribute("aria-activedescendant");
  }

  function ask() {
    const typed = input.value.trim();
    if (!typed) { close(); return; }
    const mine = ++asked;
    fetch(`${form.dataset.suggest}?q=${encodeURIComponent(typed)}`, {
      headers: { Accept: "application/json" },
    })
      .then((response) => (response.ok ? response.json() : { suggestions: [] }))
      .then((data) => { if (mine === asked) show(data.suggestions || []); })
      .catch(() => { if (mine === asked) close(); });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(ask, SUGGEST_DELAY_MS);
  }

  // While an input method composes (pinyin not yet turned into characters), nothing is
  // asked and no key moves or opens the list: the keys belong to the input method.
  input.addEventListener("input", (event) => { if (!event.isComposing) later(); });
  input.addEventListener("compositionend", later);
  input.addEventListener("keydown", (event) => {
    if (event.isComposing || event.keyCode === 229) return;
    if (event.key === "Escape") { // also what was asked and not yet answered
      if (!list.hidden) event.preventDefault();
      stop();
      return;
    }
    if (list.hidden) return;
    if (event.key === "ArrowDown") { event.preventDefault(); mark(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); mark(active < 0 ? -1 : active - 1); }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(options()[active].dataset.url);
    }
  });
  // mousedown, not click: it comes before the input's blur closes the list
  list.addEventListener("mousedown", (event) => {
    const option = event.target.closest("[role=option]");
    if (!option) return;
    event.preventDefault();
    window.location.assign(option.dataset.url);
  });
  function stop() { clearTimeout(timer); asked++; close(); } // and drop answers on the way
  input.addEventListener("blur", () => { setTimeout(stop, 0); });
  form.addEventListener("submit", stop);
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-suggest]").forEach(setUpSuggest);
});
