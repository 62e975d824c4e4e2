// Shared by the popup and the options page: the same wasm core and the same
// texts and elements (content/ui.js) the content script uses (extension pages
// may compile WebAssembly).
"use strict";

const { t, el, supportLine, warningText, KIND_TEXT } = plh.ui;

const core = (() => {
  const ready = wasm_bindgen({ module_or_path: chrome.runtime.getURL("wasm/plh_bg.wasm") });
  return async (request) => {
    await ready;
    return wasm_bindgen.handle(request);
  };
})();

const today = () => Math.floor(Date.now() / 86_400_000);

function translatePage() {
  document.documentElement.lang = chrome.i18n.getUILanguage();
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.getAttribute("data-i18n"));
}

/** What is remembered, in words: the notices of the core and the date. */
async function memoryLines(container) {
  const [{ memory }, { settings }] = await Promise.all([chrome.storage.local.get("memory"), chrome.storage.sync.get("settings")]);
  container.replaceChildren();
  if (settings?.memory === false) {
    container.append(el("p", { class: "muted", "data-plh-memory": "off" }, t("popup_memory_off")));
    return;
  }
  if (!memory) {
    container.append(el("p", { class: "muted", "data-plh-memory": "none" }, t("popup_memory_none")));
    return;
  }
  const { notices } = await core({ op: "notices", memory, today: today() });
  const date = new Intl.DateTimeFormat(chrome.i18n.getUILanguage(), { dateStyle: "long", timeZone: "UTC" }).format(new Date(memory.date * 86_400_000));
  for (const n of notices) container.append(el("p", { class: "line", "data-plh-notice": n.kind }, t(n.message, n.params)));
  container.append(el("p", { class: "muted" }, t("popup_memory_date", [date])));
}

async function forgetAll() {
  await Promise.all([chrome.storage.local.clear(), chrome.storage.session.clear()]);
}
