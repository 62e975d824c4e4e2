// @ts-check
// The only script on every page of the three sites. It adds the page marker,
// and brings in the engine (content/page.js, the wasm) only where a login
// may be: a password or ID-like field now, one added later, or a login
// attempt in flight to settle. Elsewhere it costs one query and, after
// `load`, one storage read.
"use strict";

(() => {
  const g = /** @type {any} */ (globalThis);
  if (g.plhLoader) return;
  performance.mark("plh:loader");
  // DOM reading heuristic (ARCHITECTURE.md): fields a login starts with. A
  // false hit only loads the engine, which then finds no login.
  const CUES =
    'input[type="password" i],input[type="email" i],input[autocomplete~="username" i],input[name*="mail" i],input[name*="login" i],input[id*="login" i],input[name*="mypage" i],input[placeholder*="ID"]';
  const page = document.createElement("plh-page");
  page.attachShadow({ mode: "open" });
  for (const [k, v] of [["data-plh-page", ""], ["data-plh-kinds", ""], ["hidden", ""]]) page.setAttribute(k, v);
  (document.body ?? document.documentElement).append(page);
  // The engine's modules. Left to the module loader they arrive level by
  // level (content/page.js, then its imports, then the wasm glue); asked for
  // all at once they arrive together. tests/static/loader.test.mjs keeps this
  // list the engine's import graph.
  const MODULES = ["content/page.js", "content/look.js", "content/read.js", "shared/core.js", "shared/draw.js", "shared/messages.js", "shared/storage.js", "wasm/plh.js"];
  /** @type {Promise<WebAssembly.Module> | null | undefined} */
  let wasm;
  /**
   * The wasm module, fetched and compiled once, by whichever asks first (the
   * engine, or the loader once the page has loaded): null where this context
   * may not compile WebAssembly (Chromium, under a page CSP without
   * 'wasm-unsafe-eval': an 8-byte empty module tells at once).
   * @returns {Promise<WebAssembly.Module> | null}
   */
  const compile = () => {
    if (wasm !== undefined) return wasm;
    try {
      new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    } catch {
      return (wasm = null);
    }
    const url = chrome.runtime.getURL("wasm/plh_bg.wasm");
    performance.mark("plh:wasm-fetch");
    wasm = fetch(url)
      .then((response) => {
        performance.mark("plh:wasm-fetched");
        // Where a response cannot be compiled as it streams, its bytes can.
        return WebAssembly.compileStreaming(response).catch(async () => WebAssembly.compile(await (await fetch(url)).arrayBuffer()));
      })
      .then((m) => {
        performance.mark("plh:wasm-compiled");
        return m;
      });
    // The engine awaits it (and compiles again if it failed): never unhandled.
    wasm.catch(() => {});
    return wasm;
  };
  /** @type {Promise<void> | null} */
  let engine = null;
  const start = () => {
    if (engine) return engine;
    const started = (engine = import(chrome.runtime.getURL(MODULES[0])).then(
      (m) => m.start(page),
      (e) => page.setAttribute("data-plh-error", String(e)),
    ));
    // The rest of the engine at once, but only once the page has loaded:
    // before, every task it adds delays the page's own `load`. (Where `load`
    // is late, the engine asks for what it needs itself.)
    const rest = () => {
      compile();
      for (const file of MODULES.slice(1)) import(chrome.runtime.getURL(file)).catch(() => {});
    };
    if (document.readyState === "complete") rest();
    else addEventListener("load", () => setTimeout(rest), { once: true });
    return started;
  };
  /** What the engine takes over: the marker, the clock, the wasm. */
  g.plhLoader = { start, page, startedAt: performance.now(), wasm: compile };
  chrome.runtime.onMessage.addListener((message, sender, reply) => {
    // The popup asks; until the engine runs, there is no login to tell of.
    if (engine || sender.id !== chrome.runtime.id || message?.type !== "status") return false;
    reply({ noLogin: location.origin });
    return false;
  });
  // The inputs first (the document keeps that list), then the cues among them:
  // one pass of the whole selector list over a large page (a listing of
  // thousands of cards) costs several milliseconds before its `load`.
  for (const input of document.getElementsByTagName("input")) if (input.matches(CUES)) return void start();
  page.setAttribute("data-plh-state", "ready");
  // After `load`, off the page's critical path: logins in open shadow roots,
  // mounted later or opened in a dialog, and an attempt to settle.
  const later = () => {
    const found = (/** @type {Node} */ n) =>
      n instanceof Element && (n.matches(CUES) || !!n.querySelector(CUES) || !!n.shadowRoot?.querySelector(CUES));
    const watch = new MutationObserver((records) => {
      if (records.some((r) => [...r.addedNodes].some(found))) start();
      if (engine) watch.disconnect();
    });
    watch.observe(document.documentElement, { childList: true, subtree: true });
    const walk = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT);
    let shadow = false;
    while (!shadow && walk.nextNode()) shadow = !!(/** @type {Element} */ (walk.currentNode).shadowRoot?.querySelector(CUES));
    chrome.storage.local.get("attempt").then((s) => (shadow || s.attempt) && start(), () => shadow && start());
  };
  const idle = () => (g.requestIdleCallback ?? setTimeout)(later, { timeout: 500 });
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, { once: true });
})();
