// Shared by the popup and the options page: the locales and the same wasm
// core the content script uses (extension pages may compile WebAssembly).
"use strict";

const t = (key, subs) => chrome.i18n.getMessage(key, subs) || key;

const core = (() => {
  const ready = wasm_bindgen({ module_or_path: chrome.runtime.getURL("wasm/plh_bg.wasm") });
  return async (request) => {
    await ready;
    return wasm_bindgen.handle(request);
  };
})();

const today = () => Math.floor(Date.now() / 86_400_000);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function translatePage() {
  document.documentElement.lang = chrome.i18n.getUILanguage();
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.getAttribute("data-i18n"));
}

function supportLine(key = "support_line") {
  const phone = t("support_phone");
  return el("p", {}, t(key), " ", el("a", { href: `tel:${phone.replace(/[^\d+]/g, "")}` }, phone));
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
