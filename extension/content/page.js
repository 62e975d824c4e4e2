// @ts-check
// The page session's hands: reads the page, forwards each event a person
// makes to the core with the values now in the login fields, applies the
// storage effects and draws the answer where it says. What to show, when,
// where and what to remember is the core's (src/session); this file only
// does what the answer says. Its parts: `read.js` (the page → a snapshot),
// `fields.js` (a login's fields → events), `clicks.js` (clicks and submits
// → events), `changes.js` (the page changing), `place.js` (where the page
// host goes), `look.js` (the style sheet), `../shared/draw.js` (views → DOM).
import { mark, reason, startCore, wasmModule } from "../shared/core.js";
import { findPart, patch, setAttrs, shadowHost, t } from "../shared/draw.js";
import { listen, orphaned, toBackground } from "../shared/messages.js";
import { applyEffects, readStored } from "../shared/storage.js";
import { watchChanges } from "./changes.js";
import { watchClicks } from "./clicks.js";
import { boxAnchor, follow } from "./fields.js";
import { styleSheet } from "./look.js";
import { placePage } from "./place.js";
import { browserSignals, reader } from "./read.js";

/** @typedef {import("../shared/wire.d.ts").Request} Request */
/** @typedef {import("../shared/wire.d.ts").PageEvent} PageEvent */
/** @typedef {import("../shared/wire.d.ts").PagePress} PagePress */
/** @typedef {import("../shared/wire.d.ts").Values} Values */
/** @typedef {import("../shared/wire.d.ts").State} State */
/** @typedef {import("../shared/wire.d.ts").Stored} Stored */
/** @typedef {import("../shared/wire.d.ts").PageResponse} PageResponse */
/** @typedef {import("../shared/wire.d.ts").PageHost} PageHost */
/** @typedef {import("../shared/wire.d.ts").FormHost} FormHost */
/** @typedef {import("../shared/wire.d.ts").FieldHost} FieldHost */
/** @typedef {import("../shared/wire.d.ts").Button} Button */
/** @typedef {import("../shared/wire.d.ts").Focus} Focus */
/**
 * @template {Request} Q
 * @typedef {import("../shared/core.js").AnswerTo<Q>} AnswerTo
 */
/** @typedef {{ host: HTMLElement, content: HTMLElement, live: HTMLElement }} Host */
/** @typedef {import("./fields.js").Login & { form: Host, fields: { id?: Host, password?: Host } }} Drawn */

const RESCAN_DELAY_MS = 120;
const ALIVE_CHECK_MS = 1000;
const valueSetter = /** @type {(v: string) => void} */ (Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set);

/**
 * The core: in this script where the page lets it compile WebAssembly, else
 * the same core in the background, over the extension's messaging.
 * @returns {Promise<{ mode: string, call<Q extends Request>(request: Q): Promise<AnswerTo<Q>> }>}
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
  const page = shadowHost(sheet, pageMarker);
  const core = await engine();
  /** Every failure's reason, for the tests' logs (never what the user typed). */
  const note = (/** @type {string} */ why) => {
    console.warn(why);
    page.host.setAttribute("data-plh-errors", String(Number(page.host.getAttribute("data-plh-errors") ?? 0) + 1));
  };
  const started = await core.call({ op: "start" });
  BENCH: mark("started");
  if (!("ok" in started)) return note(started.error);
  const { limits, keys, markers } = started.ok;
  // Boxes left by an earlier copy of the extension (Firefox runs the new
  // copy in open tabs after an update) are not ours to keep.
  for (const old of document.querySelectorAll(markers)) if (old !== pageMarker) old.remove();
  const { read, isOurs } = reader(limits, markers);
  // Fixed for the page's life: read once, sent with every event.
  const browser = browserSignals();

  /** @type {State | null} */
  let state = null;
  /** @type {Stored | null} */
  let stored = null;
  /** @type {Drawn[]} */
  let logins = [];
  /** What the last scan saw, which the core's answers refer to by index. */
  let seen = { areas: /** @type {Element[]} */ ([]), fields: /** @type {HTMLInputElement[][]} */ ([]), messages: { areas: /** @type {Element[][]} */ ([]), page: /** @type {Element[]} */ ([]) } };
  /** Timers to cancel when the extension goes away. */
  const timers = new Set();
  /** Hosts this script removed itself (the page's removals are answered once). */
  const ownRemovals = new WeakSet();
  let dead = false;
  let queue = Promise.resolve(/** @type {PageResponse | null} */ (null));
  let scanned = false;

  const later = (/** @type {() => void} */ fn, /** @type {number} */ ms) => {
    const id = setTimeout(() => {
      timers.delete(id);
      fn();
    }, ms);
    timers.add(id);
    return id;
  };

  /** A field's value as far as the core reads it: one past its limit says "too long". */
  const clip = (/** @type {string | undefined} */ v) => (v !== undefined && v.length > limits.value ? v.slice(0, limits.value + 1) : v);
  const values = () => logins.map(/** @returns {Values} */ (l, login) => ({ login, id: clip(l.id?.value), password: clip(l.password?.value), capsLock: l.capsLock }));

  /**
   * One event to the core, in order; the answer is applied before the next
   * is sent, so each carries the state the last one returned.
   * @param {PageEvent} event
   * @returns {Promise<PageResponse | null>}
   */
  function ask(event) {
    queue = queue.then(async () => {
      if (dead || orphaned()) return (teardown(), null);
      /** @type {Extract<Request, { op: "page" }>} */
      const request = { op: "page", event: { ...event, values: values() }, state, stored, env: { nowMs: Date.now(), browser } };
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
    if (r.focus) focus(r.focus);
  }

  const handlers = {
    /** @param {Button} button */
    press(button) {
      if (dead || orphaned()) return teardown();
      const fix = button.fix;
      if (fix) {
        const input = logins[fix.login]?.[fix.field];
        if (input) {
          // The native setter, so frameworks that track the value (React) see the change.
          valueSetter.call(input, fix.value);
          input.dispatchEvent(new Event("input", { bubbles: true }));
          input.dispatchEvent(new Event("change", { bubbles: true }));
          input.focus();
        }
      }
      // A page's views hold no `forget`, `report` or `copy` (only the
      // extension's pages draw them): every other press is the page session's.
      ask({ type: "press", press: /** @type {PagePress} */ (button.press) });
    },
  };

  // ---- Drawing where the answer says.

  /** @param {Focus} f */
  function focus(f) {
    const login = logins[f.login];
    const field = f.field;
    const target = f.key ? login?.fields[field] && findPart(login.fields[field].content, f.key) : login?.[field];
    target?.focus();
  }

  /** @param {PageHost} view */
  function drawPage(view) {
    setAttrs(page.host, view.attrs);
    page.host.hidden = view.hidden;
    patch(page.content, view.parts, handlers);
    if (!view.hidden) placePage(page.host, view.place, seen);
    page.host.setAttribute("data-plh-engine", core.mode);
    // Start-up cost on the page's own clock, in the benchmark build only (the
    // store build drops `BENCH:` statements); start-up marks end here.
    BENCH: if (!page.host.hasAttribute("data-plh-ready-ms")) {
      mark("ready");
      page.host.setAttribute("data-plh-start-ms", startedAt.toFixed(2));
      page.host.setAttribute("data-plh-ready-ms", performance.now().toFixed(2));
    }
  }

  /** @param {FormHost[]} views */
  function drawForms(views) {
    /** @type {Drawn[]} */
    const next = [];
    for (const view of views) {
      const area = seen.areas[view.area];
      const fields = seen.fields[view.area] ?? [];
      const id = view.idField === null ? undefined : fields[view.idField];
      const password = view.passwordField === null ? undefined : fields[view.passwordField];
      const login = logins.find((l) => l.area === area && l.id === id && l.password === password) ?? attach(area, id, password);
      next.push(login);
      setAttrs(login.form.host, view.attrs);
      patch(login.form.content, view.parts, handlers);
    }
    for (const old of logins) if (!next.includes(old)) detach(old);
    logins = next;
  }

  /** @param {FieldHost} view */
  function drawField(view) {
    const login = logins[view.login];
    const field = view.field;
    const input = login?.[field];
    if (!login || !input) return;
    let host = login.fields[field];
    if (!host) {
      host = login.fields[field] = shadowHost(sheet);
      boxAnchor(input, login.area).after(host.host);
    }
    setAttrs(host.host, view.attrs);
    patch(host.content, view.parts, handlers);
    const say = view.announce ? t(view.announce) : "";
    if (host.live.textContent !== say) host.live.textContent = say;
  }

  /**
   * @param {Element} area
   * @param {HTMLInputElement | undefined} id
   * @param {HTMLInputElement | undefined} password
   * @returns {Drawn}
   */
  function attach(area, id, password) {
    const form = shadowHost(sheet);
    area.after(form.host);
    const followed = follow(area, id, password, (login, field, dom) => {
      ask({ type: "field", login: logins.indexOf(/** @type {Drawn} */ (login)), field, ...dom });
    });
    return Object.assign(followed, { form, fields: {} });
  }

  /** @param {Drawn} login */
  function detach(login) {
    login.detach();
    for (const host of [login.form, login.fields.id, login.fields.password]) {
      if (host) {
        ownRemovals.add(host.host);
        host.host.remove();
      }
    }
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
    seen = { areas: r.areas, fields: r.fields, messages: r.messages };
    return ask({ type: "scan", page: r.page });
  }

  const restored = new WeakSet();
  /** A box the page removed comes back, once: a page that keeps removing them wins (no tug of war). @param {Element} node */
  function restore(node) {
    if (ownRemovals.has(node) || restored.has(node)) return;
    restored.add(node);
    if (node === page.host) (document.body ?? document.documentElement).append(node);
    for (const l of logins) {
      if (l.form.host === node && l.area.isConnected) l.area.after(node);
      // Its field hosts, by the core's names for the fields (`drawField`).
      for (const [field, host] of Object.entries(l.fields)) {
        const input = l[/** @type {"id" | "password"} */ (field)];
        if (host?.host === node && input?.isConnected) boxAnchor(input, l.area).after(node);
      }
    }
  }
  const changes = watchChanges({ controls: scheduleScan, removed: restore, ours: isOurs });
  const watch = changes.watch;
  watch(document.documentElement);
  // The page removed the loader's marker before this script ran: put it back, once.
  if (!page.host.isConnected) restore(page.host);

  // ---- Clicks and submits a person made: the core decides what they mean.

  const loginOf = (/** @type {Element} */ el) => {
    const i = logins.findIndex((l) => l.area.contains(el));
    return i < 0 ? null : i;
  };
  const stopClicks = watchClicks({
    control: (el, control) => ask({ type: "control", login: loginOf(el), control }),
    submit: (form, submitter) => ask({ type: "submit", login: loginOf(form), submitter }),
    ours: isOurs,
  });

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

  // The popup asks what the page shows: the top frame always answers; a
  // frame inside it only when it holds a login (the popup asks the frames
  // only when the top frame has none).
  listen({
    status: (message) =>
      message.frames && (window === window.top || logins.length === 0) ? undefined : ask({ type: "status" }).then((r) => r?.popup ?? null),
    // The report the popup shows (src/session/report.rs): the page read
    // again now, the decisions the core makes on it. Never a value: the
    // reader reads none, and the core leaves out any text that echoes one.
    report: (message) =>
      message.frames && (window === window.top || logins.length === 0) ? undefined : ask({ type: "report", page: read().page }).then((r) => r?.report ?? null),
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
    changes.stop();
    stopClicks();
    for (const l of logins) detach(l);
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
