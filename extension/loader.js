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
  const page = document.createElement("div");
  page.attachShadow({ mode: "open" });
  for (const [k, v] of [["data-plh-page", ""], ["data-plh-kinds", ""], ["hidden", ""]]) page.setAttribute(k, v);
  (document.body ?? document.documentElement).append(page);
  // The engine's modules. Left to the module loader they arrive level by
  // level (content/page.js, then its imports, then the wasm glue); asked for
  // all at once they arrive together. tests/static/loader.test.mjs keeps this
  // list the engine's import graph.
  const MODULES = ["content/page.js", "content/look.js", "content/read.js", "shared/core.js", "shared/draw.js", "shared/messages.js", "shared/storage.js", "wasm/plh.js"];
  /** @type {Promise<void> | null} */
  let engine = null;
  const start = () => {
    if (engine) return engine;
    const started = (engine = import(chrome.runtime.getURL(MODULES[0])).then(
      (m) => m.start(page),
      (e) => page.setAttribute("data-plh-error", String(e)),
    ));
    // The rest of the engine at once (shared/core.js starts the wasm's fetch
    // and compile as it is evaluated), but only once the page has loaded:
    // before, every task it adds delays the page's own `load`. (Where `load`
    // is late, the engine asks for what it needs itself.)
    const rest = () => {
      // A preload that fails is reported by the engine's own import of that file.
      for (const file of MODULES.slice(1)) import(chrome.runtime.getURL(file)).catch(() => {});
    };
    if (document.readyState === "complete") rest();
    else addEventListener("load", () => setTimeout(rest), { once: true });
    return started;
  };
  /** What the engine takes over: the marker, the clock. */
  g.plhLoader = { start, page, startedAt: performance.now() };
  chrome.runtime.onMessage.addListener((message, sender, reply) => {
    // The popup asks; until the engine runs, there is no login to tell of.
    // A frame without the engine holds no login: it never answers for the tab's frames.
    if (engine || sender.id !== chrome.runtime.id || message?.type !== "status" || message.frames) return false;
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
