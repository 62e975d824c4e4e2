// @ts-check
// The only script on every page of the three sites. It adds the page marker,
// and brings in the engine (content/engine.js: the scripts that read the
// page and draw, and the wasm) only where a login may be: a login field now,
// one added later, or a login attempt in flight to settle. Elsewhere it
// costs one pass over the page's inputs and, after `load`, one storage read.
"use strict";

(() => {
  // Run once per frame. An own property: the page's named elements and
  // frames (`<div id="plhLoader">`) are reachable as globals here too, but
  // never as own properties of this script's global.
  if (Object.hasOwn(globalThis, "plhLoader")) return;
  Object.defineProperty(globalThis, "plhLoader", { value: true });
  const startedAt = performance.now();
  /** How long a login page's engine waits for a `load` that has not come. */
  const LATE_MS = 1000;
  BENCH: performance.mark("plh:loader");

  // DOM reading heuristic (ARCHITECTURE.md): what a login starts with. A
  // password field; or an ID-like field (text, e-mail, tel, number: not a
  // search box) where its form, or the section around it, speaks of logging
  // in (the first step of a two-step login has no password yet). An e-mail
  // or search field alone (a job alert, a newsletter, the site search, a job
  // number) is no cue. A false hit only loads the engine, which then finds
  // no login.
  // ログイン, login, sign in, マイページ, 会員 (escaped: the scripts hold no Japanese text, tests/static/locales.test.mjs).
  const WORDS = /\u30ed\u30b0\u30a4\u30f3|log[\s_-]?in|sign[\s_-]?in|\u30de\u30a4\u30da\u30fc\u30b8|\u4f1a\u54e1/i;
  const ID_TYPES = ["text", "email", "tel", "number"];
  const SECTIONS = "section, article, aside, dialog, fieldset, [role=dialog], [role=form], [role=region]";
  /** @type {WeakMap<Element, boolean>} what each form or section said (many fields share one) */
  const said = new WeakMap();
  const says = (/** @type {Element | null} */ el) => {
    if (!el) return false;
    let yes = said.get(el);
    if (yes === undefined) {
      // Its text, and for a form where it sends (action="/member/login/") and its names.
      const form = el instanceof HTMLFormElement ? ` ${el.getAttribute("action")} ${el.id} ${el.getAttribute("name")}` : "";
      // The heading just before it (<h2>ログイン</h2><form>…) is part of it.
      const before = el.previousElementSibling;
      const heading = before && /^H[1-6]$/.test(before.tagName) ? before.textContent : "";
      said.set(el, (yes = WORDS.test(`${el.textContent}${form} ${heading}`)));
    }
    return yes;
  };
  const cue = (/** @type {HTMLInputElement} */ input) => {
    const type = input.type;
    if (type === "password") return true;
    if (!ID_TYPES.includes(type)) return false;
    // Its own name says it (name="loginId", placeholder="ログインID").
    if (WORDS.test(`${input.name} ${input.id} ${input.placeholder} ${input.getAttribute("aria-label") ?? ""}`)) return true;
    return says(input.form) || says(input.closest(SECTIONS));
  };
  const cueIn = (/** @type {Element | DocumentFragment} */ root) => {
    for (const input of root.querySelectorAll("input")) if (cue(input)) return true;
    return false;
  };

  // The page marker: a plain element (no custom element name a page could
  // define first) with the contract's attributes and an open shadow root.
  const page = document.createElement("div");
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
  /**
   * On a login page the engine comes once the page has loaded: before, it
   * would delay the page's `load` (Firefox holds `load` until a content
   * script's imports and fetches are done; in Chromium they compete with the
   * page's own loading). Sooner only where the page needs it: a person is
   * already in a field, or `load` is slow in coming.
   */
  const soon = () => {
    if (document.readyState === "complete") return void start();
    const go = () => {
      clearTimeout(late);
      removeEventListener("focusin", go, true);
      start();
    };
    const late = setTimeout(go, LATE_MS);
    addEventListener("focusin", go, true);
    // After the load event's own handlers, not among them.
    addEventListener("load", () => setTimeout(go), { once: true });
  };
  // The inputs (the document keeps that list), one pass: matching a selector
  // list against every element of a large page (a listing of thousands of
  // cards) costs several milliseconds before its `load`.
  for (const input of document.getElementsByTagName("input")) if (cue(input)) return void soon();
  page.setAttribute("data-plh-state", "ready");
  // After `load`, off the page's critical path: logins in open shadow roots,
  // mounted later or opened in a dialog, and an attempt to settle.
  const later = () => {
    // The popup asks; until the engine runs, there is no login to tell of.
    // Listened for from here, after `load`: Firefox sets up a content
    // script's extension APIs on their first use, a cost no page without a
    // login should pay before its `load`. Of a message, only `type` and
    // `frames` are read (`trap` has none); the replies are what `toTab`
    // expects of a tab.
    /** @typedef {import("./shared/messages.js").Message["type"]} Type */
    /** @typedef {import("./shared/messages.js").Replies["status" | "report"]} Reply */
    chrome.runtime.onMessage.addListener((/** @type {{ type: Type, frames?: boolean } | undefined} */ message, sender, /** @type {(r: Reply) => void} */ reply) => {
      // A frame without the engine holds no login: it never answers for the tab's frames.
      if (engine || sender.id !== chrome.runtime.id || message?.frames) return false;
      if (message?.type === "status") reply({ noLogin: location.origin });
      // The popup asks for a report on this page: the engine reads it. Once
      // started, its own listener answers the popup's next ask.
      if (message?.type !== "report") return false;
      start().then(() => reply({ started: true }));
      return true;
    });
    const found = (/** @type {Node} */ n) =>
      n instanceof Element && ((n instanceof HTMLInputElement && cue(n)) || cueIn(n) || (!!n.shadowRoot && cueIn(n.shadowRoot)));
    const watch = new MutationObserver((records) => {
      if (records.some((r) => [...r.addedNodes].some(found))) start();
      if (engine) watch.disconnect();
    });
    watch.observe(document.documentElement, { childList: true, subtree: true });
    const walk = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT);
    let shadow = false;
    while (!shadow && walk.nextNode()) {
      const root = /** @type {Element} */ (walk.currentNode).shadowRoot;
      shadow = !!root && cueIn(root);
    }
    chrome.storage.local.get("attempt").then((s) => (shadow || s.attempt) && start(), () => shadow && start());
  };
  const idle = () => (globalThis.requestIdleCallback ?? setTimeout)(later, { timeout: 500 });
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle, { once: true });
})();
