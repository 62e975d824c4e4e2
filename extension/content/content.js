// Wires the page to the core: scan for logins, watch for forms added later,
// check the ID as it is typed, apply a fix only when the user asks.
"use strict";

(() => {
  if (plh.started) return;
  plh.started = true;

  const RESCAN_DELAY_MS = 120;
  const valueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  const pageMarker = plh.ui.pageMarker();
  /** area element → what we attached to it */
  const attached = new Map();

  function setValue(input, value) {
    // The native setter, so frameworks that track the value (React) see the change.
    valueSetter.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function attach(area, login, idInput) {
    const marker = plh.ui.formMarker(area, login);
    let latest = 0;
    let checked = null;
    const check = async () => {
      const value = idInput.value;
      // `change` on blur repeats the last `input`: nothing new to say.
      if (value === checked) return;
      checked = value;
      const ticket = ++latest;
      const reply = await plh.engine.call({ op: "check", input: { kind: login.kind, field: "id", value } });
      // A slower answer for an older value must not overwrite a newer one.
      if (ticket !== latest) return;
      plh.ui.renderWarnings(marker, "id", reply.warnings, (fix) => setValue(idInput, fix));
    };
    const onInput = () => check().catch(() => {});
    idInput.addEventListener("input", onInput);
    idInput.addEventListener("change", onInput);
    if (idInput.value) onInput();
    return {
      kind: login.kind,
      idInput,
      detach() {
        idInput.removeEventListener("input", onInput);
        idInput.removeEventListener("change", onInput);
        marker.host.remove();
      },
    };
  }

  async function scan() {
    const { page, areas, fields } = plh.snapshot.read();
    const { report } = await plh.engine.call({ op: "detect", page });
    const live = new Set();
    for (const login of report.logins) {
      const area = areas[login.form];
      const idInput = fields[login.form][login.idField];
      const current = attached.get(area);
      if (current && current.kind === login.kind && current.idInput === idInput) {
        live.add(area);
        continue;
      }
      current?.detach();
      attached.set(area, attach(area, login, idInput));
      live.add(area);
    }
    for (const [area, record] of attached) {
      if (!live.has(area)) {
        record.detach();
        attached.delete(area);
      }
    }
    pageMarker.setAttribute("data-plh-kinds", report.kinds.join(" "));
    // Which path answered ("page" wasm or "background" fallback): for tests and benchmarks.
    pageMarker.setAttribute("data-plh-engine", plh.engine.mode);
    pageMarker.setAttribute("data-plh-state", "ready");
  }

  let pending = null;
  let running = Promise.resolve();
  function scheduleScan() {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      running = running.then(scan).catch(() => {});
    }, RESCAN_DELAY_MS);
  }

  const ours = (node) => node.nodeType === Node.ELEMENT_NODE && (node.hasAttribute("data-plh-form") || node.hasAttribute("data-plh-page"));
  const touchesControls = (node) =>
    node.nodeType === Node.ELEMENT_NODE && !ours(node) && (node.matches("input, form") || node.querySelector("input") !== null);

  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if ([...m.addedNodes].some(touchesControls) || [...m.removedNodes].some(touchesControls)) {
        scheduleScan();
        return;
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  running = scan().catch(() => pageMarker.setAttribute("data-plh-state", "error"));
})();
