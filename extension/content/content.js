// Wires the page to the core: scan for logins, watch for forms added later,
// check the ID and password as they are typed, apply a fix only when the
// user asks, and remember how the user logged in (method and date only).
"use strict";

(() => {
  if (plh.started) return;
  plh.started = true;

  const RESCAN_DELAY_MS = 120;
  const valueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  const pageMarker = plh.ui.pageMarker();
  /** area element → what we attached to it */
  const attached = new Map();
  /** What the popup may ask for: the last report and each field's warnings (never a fix value). */
  const status = { report: null, fields: new Map() };
  let settings = {};
  let memory = null;
  let settingsKnown = false;
  const today = () => Math.floor(Date.now() / 86_400_000);

  // Settings and memory are read once, then followed as they change.
  const stored = (async () => {
    try {
      const [sync, local] = await Promise.all([chrome.storage.sync.get("settings"), chrome.storage.local.get("memory")]);
      settings = sync.settings ?? {};
      memory = local.memory ?? null;
    } catch {
      // No storage (a browser without the area): everything stays on, nothing is remembered.
    }
    settingsKnown = true;
  })();
  const allOn = (s) => !Object.values(s).includes(false);
  chrome.storage?.onChanged.addListener((changes, area) => {
    if (area === "sync" && changes.settings) settings = changes.settings.newValue ?? {};
    if (area === "local" && "memory" in changes) memory = changes.memory.newValue ?? null;
    for (const record of attached.values()) record.recheck();
    scheduleScan();
  });

  function setValue(input, value) {
    // The native setter, so frameworks that track the value (React) see the change.
    valueSetter.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  /**
   * Checks one field as it is typed. The value (a password too) only goes to
   * the engine: in this script's wasm, or the extension's own background.
   */
  function watchField(marker, kind, input, field, keys) {
    let latest = 0;
    let last = null;
    const check = async (force) => {
      const value = input.value;
      const state = { capsLock: keys.capsLock, composing: keys.composing };
      // `change` on blur repeats the last `input`: nothing new to say.
      if (!force && last && last.value === value && last.capsLock === state.capsLock && last.composing === state.composing) return;
      last = { value, ...state };
      const ticket = ++latest;
      const reply = await plh.engine.call({ op: "check", input: { kind, field, value, keys: state }, settings });
      // A slower answer for an older value must not overwrite a newer one.
      if (ticket !== latest) return;
      plh.ui.renderWarnings(marker, field, reply.warnings, (fix) => setValue(input, fix));
      status.fields.set(`${kind}:${field}`, reply.warnings.map(({ fix, ...shown }) => shown));
    };
    return (force) => check(force === true).catch(() => {});
  }

  function attach(area, login, idInput, passwordInput) {
    const marker = plh.ui.formMarker(area, login);
    const keys = { capsLock: false, composing: false };
    const checks = [watchField(marker, login.kind, idInput, "id", keys)];
    if (passwordInput) checks.push(watchField(marker, login.kind, passwordInput, "password", keys));
    const inputs = [idInput, passwordInput].filter(Boolean);
    const recheck = (force) => checks.forEach((c) => c(force));
    const listeners = [];
    const on = (target, type, fn) => {
      target.addEventListener(type, fn);
      listeners.push([target, type, fn]);
    };
    inputs.forEach((input, i) => {
      const check = checks[i];
      on(input, "input", (e) => {
        keys.composing = Boolean(e.isComposing);
        check();
      });
      on(input, "change", () => check());
      on(input, "compositionstart", () => {
        keys.composing = true;
        check();
      });
      on(input, "compositionend", () => {
        keys.composing = false;
        check();
      });
      on(input, "blur", () => {
        if (!keys.composing) return;
        keys.composing = false;
        check();
      });
    });
    // Caps Lock is one state for the whole keyboard: learn it from keys in either field.
    const onKey = (e) => {
      if (typeof e.getModifierState !== "function") return;
      const caps = e.getModifierState("CapsLock");
      if (caps !== keys.capsLock) {
        keys.capsLock = caps;
        recheck();
      }
    };
    for (const input of inputs) {
      on(input, "keydown", onKey);
      on(input, "keyup", onKey);
    }
    if (inputs.some((input) => input.value)) recheck();
    return {
      kind: login.kind,
      area,
      idInput,
      marker,
      recheck: () => recheck(true),
      restored: 0,
      detach() {
        for (const [target, type, fn] of listeners) target.removeEventListener(type, fn);
        ownRemovals.add(marker.host);
        marker.host.remove();
        status.fields.delete(`${login.kind}:id`);
        status.fields.delete(`${login.kind}:password`);
      },
    };
  }

  async function scan() {
    const { page, areas, fields, shadowRoots } = plh.snapshot.read();
    for (const root of shadowRoots) watch(root);
    const detect = (withSettings) => plh.engine.call({ op: "detect", page, browser: plh.snapshot.browser(), today: today(), settings: withSettings });
    let reply;
    if (settingsKnown) {
      reply = await detect(settings);
    } else {
      // The first scan does not wait for storage: it asks with everything on
      // meanwhile, and asks again only if the user switched something off.
      const early = detect({});
      await stored;
      reply = allOn(settings) ? await early : await detect(settings);
    }
    const { report } = reply;
    const live = new Set();
    for (const login of report.logins) {
      const area = areas[login.form];
      const idInput = fields[login.form][login.idField];
      const passwordInput = fields[login.form][login.passwordField];
      const current = attached.get(area);
      if (current && current.kind === login.kind && current.idInput === idInput) {
        live.add(area);
        continue;
      }
      current?.detach();
      attached.set(area, attach(area, login, idInput, passwordInput));
      live.add(area);
    }
    for (const [area, record] of attached) {
      if (!live.has(area)) {
        record.detach();
        attached.delete(area);
      }
    }
    status.report = report;
    // Page-level guidance sits just above the first login form, else at the top.
    const anchor = areas[report.logins[0]?.form ?? 0];
    plh.ui.renderPage(pageMarker, report, anchor);
    pageMarker.setAttribute("data-plh-kinds", report.kinds.join(" "));
    // Which path answered ("page" wasm or "background" fallback): for tests and benchmarks.
    pageMarker.setAttribute("data-plh-engine", plh.engine.mode);
    if (!pageMarker.hasAttribute("data-plh-ready-ms")) {
      // Start-up cost on the page's own clock, for the benchmark.
      pageMarker.setAttribute("data-plh-start-ms", plh.startedAt.toFixed(2));
      pageMarker.setAttribute("data-plh-ready-ms", performance.now().toFixed(2));
    }
    pageMarker.setAttribute("data-plh-state", "ready");
    // The memory's notices come after "ready": they are not part of the first answer.
    const { notices } = await plh.engine.call({ op: "notices", memory: settings.memory === false ? null : memory, today: today() });
    status.notices = notices;
    for (const record of attached.values()) plh.ui.renderNotices(record.marker, notices);
    return report;
  }

  // ---- Memory: a submit (or SNS button) marks an attempt; the next page settles it.

  function remember(request) {
    if (settings.memory === false) return;
    plh.engine
      .call({ op: "method", ...request })
      .then(({ method }) => method && chrome.runtime.sendMessage({ plh: "memory", action: "pending", method }))
      .catch(() => {});
  }

  function settle(report) {
    if (settings.memory === false) return;
    const loginFailed = report.warnings.some((w) => w.code === "login-failed");
    chrome.runtime.sendMessage({ plh: "memory", action: "settle", kinds: report.kinds, loginFailed }).catch(() => {});
  }

  const loginOf = (target) => {
    for (const record of attached.values()) if (record.area.contains(target)) return record;
    return null;
  };

  let pending = null;
  let running = Promise.resolve();
  let settleNext = false;
  function scheduleScan() {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      running = running
        .then(scan)
        .then((report) => {
          if (settleNext) settle(report);
        })
        .catch(() => {});
    }, RESCAN_DELAY_MS);
  }

  const ours = (node) => node.nodeType === Node.ELEMENT_NODE && (node.hasAttribute("data-plh-form") || node.hasAttribute("data-plh-page"));
  const WATCHED = `input, form, ${plh.snapshot.MESSAGES}`;
  // New controls, or a new message that may report a failed login.
  const touchesControls = (node) =>
    node.nodeType === Node.ELEMENT_NODE && !ours(node) && (node.matches(WATCHED) || node.querySelector(WATCHED) !== null);

  // Markers the page removes come back once; a page that keeps removing them wins (no tug of war).
  const ownRemovals = new WeakSet();
  let pageMarkerRestored = 0;
  function restore(node) {
    if (ownRemovals.has(node)) {
      ownRemovals.delete(node);
      return;
    }
    if (node === pageMarker) {
      if (pageMarkerRestored++ < 1) (document.body ?? document.documentElement).append(pageMarker);
      return;
    }
    for (const record of attached.values()) {
      if (record.marker.host === node && record.restored++ < 1 && record.area.isConnected) record.area.after(node);
    }
  }

  const observer = new MutationObserver((mutations) => {
    let rescan = false;
    for (const m of mutations) {
      for (const node of m.removedNodes) if (ours(node) && !node.isConnected) restore(node);
      if (!rescan && ([...m.addedNodes].some(touchesControls) || [...m.removedNodes].some(touchesControls))) rescan = true;
    }
    if (rescan) scheduleScan();
  });
  const watched = new WeakSet();
  /** Follows a tree (the document, or a web component's shadow root) for added and removed controls. */
  function watch(root) {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true });
  }
  watch(document.documentElement);

  // A failure message may appear by a class or `hidden` toggle, which the
  // childList watch does not see: look again a few times after each submit.
  const AFTER_SUBMIT_MS = [400, 1200, 3000];
  const afterSubmit = () => {
    settleNext = true;
    AFTER_SUBMIT_MS.forEach((ms) => setTimeout(scheduleScan, ms));
  };
  document.addEventListener(
    "submit",
    (e) => {
      const login = loginOf(e.target);
      if (login) remember({ kind: login.kind });
      afterSubmit();
    },
    true,
  );
  document.addEventListener(
    "click",
    (e) => {
      if (!(e.target instanceof Element)) return;
      const control = e.target.closest('a, button, input[type="submit" i], input[type="image" i], input[type="button" i], [role="button"]');
      if (!control) return;
      const label = (control.textContent || control.value || control.alt || control.getAttribute("aria-label") || "").trim().slice(0, 80);
      const login = loginOf(control);
      // An SNS button says which SNS; a plain button inside a login form is that login's submit.
      const isSubmit = control.matches('button:not([type="button" i]), input[type="submit" i], input[type="image" i]') && login;
      if (label) remember({ label, kind: isSubmit ? login.kind : null });
      if (control.matches('button, input, [role="button"]')) afterSubmit();
    },
    true,
  );

  // The toolbar popup asks the tab's content script what is on screen.
  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== chrome.runtime.id || message?.plh !== "status") return false;
    running.then(() =>
      sendResponse({
        site: status.report?.site ?? null,
        kinds: status.report?.kinds ?? [],
        logins: (status.report?.logins ?? []).map((l) => ({ kind: l.kind, resetLink: l.resetLink, forgotIdLink: l.forgotIdLink })),
        pageWarnings: (status.report?.warnings ?? []).map(({ fix, ...shown }) => shown),
        fieldWarnings: [...status.fields.values()].flat(),
        notices: status.notices ?? [],
      }),
    );
    return true;
  });

  running = scan()
    .then(settle)
    .catch(() => pageMarker.setAttribute("data-plh-state", "error"));
})();
