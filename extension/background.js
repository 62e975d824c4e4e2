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

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || message?.plh !== 1) return false;
  start()
    .then(() => sendResponse({ ok: wasm_bindgen.handle(message.request) }))
    .catch(() => {
      // Never echo the request: it may hold what the user typed.
      engine = null;
      sendResponse({ error: "plh: engine failed" });
    });
  return true;
});
