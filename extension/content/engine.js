// Asks the Rust core for every decision. The wasm runs right here in the
// content script where the page's CSP lets it compile; where Chromium refuses
// (a `script-src` without 'wasm-unsafe-eval'), the very same wasm answers from
// the background over the extension's own messaging.
"use strict";

globalThis.plh ??= {};
// When the extension's scripts began on this page (the glue runs just before).
plh.startedAt ??= performance.now();

plh.engine = (() => {
  const WASM_URL = chrome.runtime.getURL("wasm/plh_bg.wasm");
  let mode = "starting";

  /**
   * Whether this page lets a content script compile WebAssembly: an 8-byte
   * empty module compiles in microseconds, so a strict CSP is known before
   * the real module is fetched for nothing.
   */
  function wasmAllowed() {
    try {
      new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      return true;
    } catch {
      return false;
    }
  }

  const ready = (async () => {
    try {
      if (!wasmAllowed()) throw new Error("plh: no WebAssembly on this page");
      await wasm_bindgen({ module_or_path: WASM_URL });
      mode = "page";
    } catch {
      mode = "background";
    }
  })();

  async function viaBackground(request) {
    const reply = await chrome.runtime.sendMessage({ plh: 1, request });
    if (!reply || !("ok" in reply)) {
      throw new Error("plh: background gave no answer");
    }
    return reply.ok;
  }

  return {
    /** `{op: "detect", page}` or `{op: "check", input}` → the core's response. */
    async call(request) {
      await ready;
      if (mode === "page") {
        try {
          return wasm_bindgen.handle(request);
        } catch {
          // A trapped instance is not trusted again; the background starts a fresh one.
          mode = "background";
        }
      }
      return viaBackground(request);
    },
    /** "page" or "background" once started; tests and benchmarks read it. */
    get mode() {
      return mode;
    },
    ready,
  };
})();
