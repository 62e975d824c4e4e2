// @ts-check
// The only script on every page of the three sites. It adds the page marker,
// and brings in the engine (content/engine.js, the wasm) only where a login
// may be: a password or ID-like field now, one added later, or a login
// attempt in flight to settle. Elsewhere it costs one query and, after
// `load`, one storage read.
"use strict";

(() => {
  const g = /** @type {any} */ (globalThis);
  if (g.plhLoader) return;
  const startedAt = performance.now();
  BENCH: performance.mark("plh:loader");
  // DOM reading heuristic (ARCHITECTURE.md): fields a login starts with. A
  // false hit only loads the engine, which then finds no login.
  const CUES =
    'input[type="password" i],input[type="email" i],input[autocomplete~="username" i],input[name*="mail" i],input[name*="login" i],input[id*="login" i],input[name*="mypage" i],input[placeholder*="ID"]';
  const page = document.createElement("plh-page");
  page.attachShadow({ mode: "open" });
  for (const [k, v] of [["data-plh-page", ""], ["data-plh-kinds", ""], ["hidden", ""]]) page.setAttribute(k, v);
  (document.body ?? document.documentElement).append(page);
  /** @type {Promise<void> | null} */
  let engine = null;
  // One file (bundled at build time): its first statements start the wasm's
  // fetch and compile (shared/core.js), so both run beside the rest of the
  // engine's start-up.
  const start = () =>
    (engine ??= import(chrome.runtime.getURL("content/engine.js")).then(
      (m) => m.start(page, startedAt),
      (e) => page.setAttribute("data-plh-error", String(e)),
    ));
  g.plhLoader = true;
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
