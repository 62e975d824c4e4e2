// The fallback engine: the same wasm as the content script, for pages whose
// CSP stops Chromium from compiling WebAssembly in a content script.
// Chrome runs this as a service worker, Firefox as a background script.
"use strict";

if (typeof importScripts === "function") {
  // Service worker: the glue must load synchronously during the first run.
  importScripts("wasm/plh.js");
}

const WASM_URL = chrome.runtime.getURL("wasm/plh_bg.wasm");
let engine = null;

function loadGlue() {
  if (typeof wasm_bindgen !== "undefined") return Promise.resolve();
  // Firefox background page: no importScripts, so load the glue as a script.
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "wasm/plh.js";
    script.onload = resolve;
    script.onerror = () => reject(new Error("plh: glue failed to load"));
    document.head.append(script);
  });
}

function start() {
  engine ??= loadGlue().then(() => wasm_bindgen({ module_or_path: WASM_URL }));
  return engine;
}

// The memory of the last login lives here: the attempt in flight in session
// storage, the last success in local storage. Only method and date, never
// the ID or the password (CONTRACT.md, privacy invariants).
const PENDING = "pending";
const MEMORY = "memory";

/** Memory is on unless switched off (a missing setting means on, as in the core). */
async function memoryOn() {
  const { settings } = await chrome.storage.sync.get("settings");
  return settings?.memory !== false;
}

async function memoryMessage(message) {
  if (message.action === "pending") {
    if (!(await memoryOn())) return { ok: false };
    await chrome.storage.session.set({ [PENDING]: { method: message.method, at: Date.now() } });
    return { ok: true };
  }
  if (message.action === "settle") {
    const { [PENDING]: pending } = await chrome.storage.session.get(PENDING);
    if (!pending) return { ok: true, outcome: null };
    await start();
    const { outcome } = wasm_bindgen.handle({
      op: "outcome",
      pending,
      nowMs: Date.now(),
      today: Math.floor(Date.now() / 86_400_000),
      kinds: message.kinds,
      loginFailed: message.loginFailed,
    });
    if (outcome.outcome !== "undecided") await chrome.storage.session.remove(PENDING);
    if (outcome.outcome === "success" && (await memoryOn())) {
      await chrome.storage.local.set({ [MEMORY]: outcome.memory });
    }
    return { ok: true, outcome: outcome.outcome };
  }
  return { ok: false };
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return false;
  if (message?.plh === "memory") {
    memoryMessage(message)
      .then(sendResponse)
      .catch(() => sendResponse({ ok: false }));
    return true;
  }
  if (message?.plh !== 1) return false;
  start()
    .then(() => sendResponse({ ok: wasm_bindgen.handle(message.request) }))
    .catch(() => {
      // Never echo the request: it may hold what the user typed.
      engine = null;
      sendResponse({ error: "plh: engine failed" });
    });
  return true;
});

// Switching memory off erases it (options page, or any other writer of the setting).
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "sync" && changes.settings && changes.settings.newValue?.memory === false) {
    chrome.storage.local.clear();
    chrome.storage.session.clear();
  }
});
