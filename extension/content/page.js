// @ts-check
// The page session's hands: reads the page, forwards each event to the core
// with the values now in the login fields, applies the storage effects and
// draws the answer. What to show, when, where and what to remember is the
// core's (src/session); this file only does what the answer says.
import { mark, reason, startCore, wasmModule } from "../shared/core.js";
import { patch, setAttrs, shadowHost, t } from "../shared/draw.js";
import { listen, orphaned, toBackground } from "../shared/messages.js";
import { applyEffects, readStored } from "../shared/storage.js";
import { styleSheet } from "./look.js";
import { browserSignals, BUTTONS, isOurs, MESSAGES, reader } from "./read.js";

/** @typedef {import("../shared/types.js").Answer} Answer */
/** @typedef {import("../shared/types.js").PageResponse} PageResponse */
/** @typedef {import("../shared/types.js").FormHost} FormHost */
/** @typedef {import("../shared/types.js").FieldHost} FieldHost */
/** @typedef {import("../shared/types.js").Button} Button */
/** @typedef {{ host: HTMLElement, content: HTMLElement, live: HTMLElement }} Host */
/**
 * @typedef {object} Login
 * @property {Element} area
 * @property {HTMLInputElement | undefined} id
 * @property {HTMLInputElement | undefined} password
 * @property {Host} form
 * @property {{ id?: Host, password?: Host }} fields
 * @property {boolean} capsLock
 * @property {() => void} detach
 */

const RESCAN_DELAY_MS = 120;
const ALIVE_CHECK_MS = 1000;
const valueSetter = /** @type {(v: string) => void} */ (Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set);

/**
 * The core: in this script where the page lets it compile WebAssembly, else
 * the same core in the background, over the extension's messaging.
 * @returns {Promise<{ mode: string, call(request: object): Promise<Answer> }>}
 */
async function engine() {
  if (wasmModule() !== null) {
    try {
      // A trap (a panic, which fuzzing hunts) is the core's own to recover
      // from: it starts a fresh instance (shared/core.js), so the page keeps it.
      const core = await startCore();
      return { mode: "page", call: async (request) => core.call(request) };
    } catch (e) {
      console.warn("plh: the core could not start in the page:", reason(e));
    }
  }
  return { mode: "background", call: (request) => toBackground({ type: "core", request }) };
}

/**
 * @param {HTMLElement} pageMarker the loader's marker
 * @param {number} startedAt when the loader ran (`performance.now()`), for the benchmark
 */
export async function start(pageMarker, startedAt) {
  BENCH: mark("engine");
  const sheet = styleSheet();
  // Boxes left by an earlier copy of the extension (Firefox runs the new
  // copy in open tabs after an update) are not ours to keep.
  for (const old of document.querySelectorAll("[data-plh-page], [data-plh-form], [data-plh-field-host]")) if (old !== pageMarker) old.remove();
  const page = shadowHost("plh-page", sheet, pageMarker);
  const core = await engine();
  /** Every failure's reason, for the tests' logs (never what the user typed). */
  const note = (/** @type {string} */ why) => {
    console.warn(why);
    page.host.setAttribute("data-plh-errors", String(Number(page.host.getAttribute("data-plh-errors") ?? 0) + 1));
  };
  const started = await core.call({ op: "start" });
  BENCH: mark("started");
  if (!("ok" in started)) return note(started.error);
  const { limits, keys } = started.ok;
  const { read } = reader(limits);
  // Fixed for the page's life: read once, sent with every event.
  const browser = browserSignals();

  /** @type {unknown} */
  let state = null;
  /** @type {object | null} */
  let stored = null;
  /** @type {Login[]} */
  let logins = [];
  /** @type {{ areas: Element[], fields: HTMLInputElement[][] }} */
  let seen = { areas: [], fields: [] };
  /** Timers and listeners to undo when the extension goes away. */
  const timers = new Set();
  /** Hosts this script removed itself (the page's removals are answered once). */
  const ownRemovals = new WeakSet();
  let dead = false;
  let queue = Promise.resolve(/** @type {PageResponse | null} */ (null));
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let pauseTimer;
  /** Field events sent so far: an answer asks for a pause only if it answers the latest. */
  let fieldEvents = 0;
  /** Whether the first scan was answered (a start-up mark). */
  let scanned = false;

  const later = (/** @type {() => void} */ fn, /** @type {number} */ ms) => {
    const id = setTimeout(() => {
      timers.delete(id);
      fn();
    }, ms);
    timers.add(id);
    return id;
  };
  const cancel = (/** @type {ReturnType<typeof setTimeout> | undefined} */ id) => {
    clearTimeout(id);
    timers.delete(id);
  };

  const values = () =>
    logins.map((l, login) => ({ login, id: l.id?.value, password: l.password?.value, capsLock: l.capsLock }));

  /**
   * One event to the core, in order; the answer is applied before the next
   * is sent, so each carries the state the last one returned.
   * @param {{ type: string, [key: string]: unknown }} event
   * @returns {Promise<PageResponse | null>}
   */
  function ask(event) {
    queue = queue.then(async () => {
      if (dead || orphaned()) return (teardown(), null);
      const request = {
        op: "page",
        event: { ...event, values: values() },
        state,
        stored,
        env: { nowMs: Date.now(), browser },
      };
      const answer = await core.call(request);
      if (event.type === "scan" && !scanned) {
        scanned = true;
        // The first scan's answer is back; drawing it is what remains.
        BENCH: mark("answered");
      }
      if (dead) return null;
      if (!("ok" in answer)) {
        note(answer.error);
        return null;
      }
      apply(answer.ok);
      return answer.ok;
    });
    return queue;
  }

  /** @param {PageResponse} r */
  function apply(r) {
    state = r.state;
    if (r.effects.length) applyEffects(r.effects).catch((e) => note(`plh: storage not written: ${reason(e)}`));
    if (r.page) drawPage(r.page);
    if (r.forms) drawForms(r.forms);
    for (const f of r.fields) drawField(f);
    for (const ms of r.rescanMs) later(scheduleScan, ms);
  }

  const handlers = {
    /** @param {Button} button */
    press(button) {
      if (dead || orphaned()) return teardown();
      const fix = button.fix;
      if (fix) {
        const input = logins[fix.login]?.[/** @type {"id" | "password"} */ (fix.field)];
        if (input) {
          // The native setter, so frameworks that track the value (React) see the change.
          valueSetter.call(input, fix.value);
          input.dispatchEvent(new Event("input", { bubbles: true }));
          input.dispatchEvent(new Event("change", { bubbles: true }));
          input.focus();
        }
      }
      ask({ type: "press", press: button.press });
    },
  };

  /** @param {import("../shared/types.js").PageHost} view */
  function drawPage(view) {
    setAttrs(page.host, view.attrs);
    page.host.hidden = view.hidden;
    patch(page.content, view.parts, handlers);
    const anchor = view.beforeArea === null ? null : seen.areas[view.beforeArea];
    if (!view.hidden && anchor?.isConnected && page.host.nextElementSibling !== anchor) anchor.before(page.host);
    page.host.setAttribute("data-plh-engine", core.mode);
    // Start-up cost on the page's own clock, in the benchmark build only (the
    // store build drops `BENCH:` statements); start-up marks end here.
    BENCH: if (!page.host.hasAttribute("data-plh-ready-ms")) {
      mark("ready");
      page.host.setAttribute("data-plh-start-ms", startedAt.toFixed(2));
      page.host.setAttribute("data-plh-ready-ms", performance.now().toFixed(2));
    }
  }

  /**
   * Where a field's box goes: right after the field, or after the label
   * that wraps it (DOM heuristic: a block inside a label is clicked as the label).
   * @param {HTMLInputElement} input
   */
  const afterField = (input) => (input.parentElement?.tagName === "LABEL" ? input.parentElement : input);

  /** @param {FormHost[]} views */
  function drawForms(views) {
    /** @type {Login[]} */
    const next = [];
    for (const view of views) {
      const area = seen.areas[view.area];
      const fields = seen.fields[view.area] ?? [];
      const id = view.idField === null ? undefined : fields[view.idField];
      const password = view.passwordField === null ? undefined : fields[view.passwordField];
      let login = logins.find((l) => l.area === area && l.id === id && l.password === password);
      if (!login) login = attach(area, id, password);
      next.push(login);
      setAttrs(login.form.host, view.attrs);
      patch(login.form.content, view.parts, handlers);
    }
    for (const old of logins) if (!next.includes(old)) old.detach();
    const fresh = next.filter((l) => !logins.includes(l));
    logins = next;
    // A login found with values already in it (autofill, the back button).
    for (const l of fresh) {
      const i = logins.indexOf(l);
      for (const field of /** @type {const} */ (["id", "password"])) {
        if (l[field]?.value) ask({ type: "field", login: i, field, event: "attach" });
      }
    }
  }

  /**
   * @param {Login} login
   * @param {"id" | "password"} field
   * @param {HTMLInputElement} input
   */
  function newFieldHost(login, field, input) {
    const host = shadowHost("plh-field", sheet);
    login.fields[field] = host;
    afterField(input).after(host.host);
    return host;
  }

  /** @param {FieldHost} view */
  function drawField(view) {
    const login = logins[view.login];
    const field = view.field;
    const input = login?.[field];
    if (!login || !input) return;
    const host = login.fields[field] ?? newFieldHost(login, field, input);
    setAttrs(host.host, view.attrs);
    patch(host.content, view.parts, handlers);
    const say = view.announce ? t(view.announce) : "";
    if (host.live.textContent !== say) host.live.textContent = say;
  }

  /**
   * Follows one login's fields: every DOM event goes to the core as it is.
   * @param {Element} area
   * @param {HTMLInputElement | undefined} id
   * @param {HTMLInputElement | undefined} password
   * @returns {Login}
   */
  function attach(area, id, password) {
    const form = shadowHost("plh-form", sheet);
    area.after(form.host);
    /** @type {Array<[EventTarget, string, EventListener]>} */
    const listeners = [];
    /** @type {Login} */
    const login = {
      area,
      id,
      password,
      form,
      fields: {},
      capsLock: false,
      detach() {
        for (const [target, type, fn] of listeners) target.removeEventListener(type, fn);
        for (const host of [form, login.fields.id, login.fields.password]) {
          if (host) {
            ownRemovals.add(host.host);
            host.host.remove();
          }
        }
      },
    };
    for (const field of /** @type {const} */ (["id", "password"])) {
      const input = login[field];
      if (!input) continue;
      let composing = false;
      /** @param {Event} e */
      const forward = (e) => {
        if (e.type === "compositionstart") composing = true;
        if (e.type === "compositionend" || e.type === "blur") composing = false;
        if (e instanceof KeyboardEvent) {
          // Caps Lock is one state for the whole keyboard; a key that does not
          // change it tells the core nothing new.
          if (typeof e.getModifierState !== "function" || e.getModifierState("CapsLock") === login.capsLock) return;
          login.capsLock = e.getModifierState("CapsLock");
        }
        cancel(pauseTimer);
        const sent = ++fieldEvents;
        const i = logins.indexOf(login);
        const inputEvent = /** @type {InputEvent} */ (e);
        ask({
          type: "field",
          login: i,
          field,
          event: e.type,
          inputType: inputEvent.inputType ?? "",
          inserted: (inputEvent.data ?? "").length,
          composing: composing || Boolean(inputEvent.isComposing),
        }).then((r) => {
          if (r?.pauseMs && sent === fieldEvents) {
            pauseTimer = later(() => ask({ type: "field", login: logins.indexOf(login), field, event: "pause" }), r.pauseMs);
          }
        });
      };
      for (const type of ["input", "change", "blur", "compositionstart", "compositionupdate", "compositionend", "keydown", "keyup"]) {
        input.addEventListener(type, forward);
        listeners.push([input, type, forward]);
      }
    }
    return login;
  }

  // ---- The page changes: scan again (debounced); boxes the page removes come back once.

  /** @type {ReturnType<typeof setTimeout> | null} */
  let scanTimer = null;
  function scheduleScan() {
    if (scanTimer !== null || dead) return;
    scanTimer = later(() => {
      scanTimer = null;
      scan();
    }, RESCAN_DELAY_MS);
  }

  function scan() {
    const r = read();
    BENCH: mark("read");
    for (const root of r.shadowRoots) watch(root);
    seen = { areas: r.areas, fields: r.fields };
    return ask({ type: "scan", page: r.page });
  }

  const WATCHED = `input, form, ${MESSAGES}`;
  const touchesControls = (/** @type {Node} */ node) =>
    node instanceof Element && !isOurs(node) && (node.matches(WATCHED) || node.querySelector(WATCHED) !== null);
  const restored = new WeakSet();
  /** @param {Element} node */
  function restore(node) {
    if (ownRemovals.has(node) || restored.has(node)) return;
    // Once: a page that keeps removing them wins (no tug of war).
    restored.add(node);
    if (node === page.host) (document.body ?? document.documentElement).append(node);
    for (const l of logins) {
      if (l.form.host === node && l.area.isConnected) l.area.after(node);
      for (const field of /** @type {const} */ (["id", "password"])) {
        const input = l[field];
        if (l.fields[field]?.host === node && input?.isConnected) afterField(input).after(node);
      }
    }
  }
  const observer = new MutationObserver((mutations) => {
    let rescan = false;
    for (const m of mutations) {
      for (const node of m.removedNodes) if (node instanceof Element && isOurs(node) && !node.isConnected) restore(node);
      if (!rescan && ([...m.addedNodes].some(touchesControls) || [...m.removedNodes].some(touchesControls))) rescan = true;
    }
    if (rescan) scheduleScan();
  });
  const watched = new WeakSet();
  /** @param {Node} root */
  function watch(root) {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true });
  }
  watch(document.documentElement);
  // The page removed the loader's marker before this script ran: put it back, once.
  if (!page.host.isConnected) restore(page.host);

  // ---- Clicks and submits: the core decides what they mean.

  const CONTROLS = `a, ${BUTTONS}`;
  /** @param {Element} el */
  const describe = (el) => {
    const i = /** @type {HTMLInputElement} */ (el);
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute("type") ?? "",
      role: el.getAttribute("role") ?? "",
      label: (el.textContent || i.value || i.alt || el.getAttribute("aria-label") || "").trim().slice(0, 80),
    };
  };
  /** @param {Element} el */
  const loginOf = (el) => {
    const i = logins.findIndex((l) => l.area.contains(el));
    return i < 0 ? null : i;
  };
  /** @param {Event} e */
  const onClick = (e) => {
    const control = e.target instanceof Element ? e.target.closest(CONTROLS) : null;
    if (control && !isOurs(control)) ask({ type: "control", login: loginOf(control), control: describe(control) });
  };
  /** @param {Event} e */
  const onSubmit = (e) => {
    if (!(e.target instanceof Element)) return;
    const submitter = /** @type {SubmitEvent} */ (e).submitter;
    ask({ type: "submit", login: loginOf(e.target), submitter: submitter ? describe(submitter) : null });
  };
  document.addEventListener("click", onClick, true);
  document.addEventListener("submit", onSubmit, true);

  // ---- Storage: read once, followed as it changes.

  let storageMarked = false;
  const refresh = async () => {
    BENCH: if (!storageMarked) mark("storage");
    storageMarked = true;
    stored = await readStored(keys);
    BENCH: mark("stored");
    ask({ type: "stored" });
  };
  /** @type {Parameters<typeof chrome.storage.onChanged.addListener>[0]} */
  const onStored = () => {
    if (orphaned()) return teardown();
    refresh();
  };
  chrome.storage.onChanged.addListener(onStored);

  // The popup asks what the page shows.
  listen({
    status: async () => (await ask({ type: "status" }))?.popup ?? null,
    // The tests make this page's core trap (src/protocol.rs) to prove it recovers.
    trap: () => core.call({ op: "trap" }),
  });

  // ---- The extension may go away (updated, reloaded, disabled): then all
  // this script drew goes with it, and nothing it still holds is applied.
  function teardown() {
    if (dead) return;
    dead = true;
    for (const id of timers) clearTimeout(id);
    clearInterval(alive);
    observer.disconnect();
    document.removeEventListener("click", onClick, true);
    document.removeEventListener("submit", onSubmit, true);
    for (const l of logins) l.detach();
    logins = [];
    ownRemovals.add(page.host);
    page.host.remove();
    try {
      chrome.storage.onChanged.removeListener(onStored);
    } catch {
      // The extension context is already gone with its listeners.
    }
  }
  const alive = setInterval(() => orphaned() && teardown(), ALIVE_CHECK_MS);

  // The first scan does not wait for storage: the core answers with its
  // defaults, then again once storage is read.
  await Promise.all([scan(), refresh()]);
}
