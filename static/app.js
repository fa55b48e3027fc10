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
