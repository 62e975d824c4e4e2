// Page-side probes and the steps every browser test takes: open a fixture,
// watch a warning come and go, click a fix, read what the page's own
// listeners saw. Shared by all suites; browser-neutral (see harness/driver.md).
import assert from 'node:assert/strict';
import { ORIGIN } from './pages.mjs';

/** The contract: a warning goes (and an instant one comes) within 200 ms of the input. */
export const LATENCY_MS = 200;

/** The host a warning of `field` is drawn in: the field's own host, or the page host. */
export const hostOf = (kind, field) =>
  field === 'page' ? '[data-plh-page]' : `[data-plh-field-host][data-plh-kind="${kind}"][data-plh-field="${field}"]`;
export const formHost = (kind) => `[data-plh-form][data-plh-kind="${kind}"]`;

/**
 * Page-side: note when `code` becomes present/absent in the host (which may
 * not exist yet: then the document is watched until it does).
 */
function arm(host, code, field, present) {
  const holds = () => {
    const root = document.querySelector(host)?.shadowRoot;
    return !!root?.querySelector(`[data-plh-warning="${code}"][data-plh-field="${field}"]`) === present;
  };
  if (holds()) return false;
  const watch = { t: null };
  window.__plhWatch = watch;
  const seen = () => {
    if (watch.t === null && holds()) {
      watch.t = performance.now();
      for (const o of window.__plhObservers) o.disconnect();
    }
  };
  // Kept reachable from window: an observer only its callback refers to may be collected.
  window.__plhObservers = [];
  const observeHost = () => {
    const root = document.querySelector(host)?.shadowRoot;
    if (!root) return false;
    const o = new MutationObserver(seen);
    o.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    window.__plhObservers.push(o);
    return true;
  };
  if (!observeHost()) {
    const o = new MutationObserver(() => {
      if (observeHost()) o.disconnect();
      seen();
    });
    o.observe(document.documentElement, { childList: true, subtree: true });
    window.__plhObservers.push(o);
  }
  return true;
}

export function markers() {
  const pages = document.querySelectorAll('[data-plh-page]');
  const page = pages[0];
  return {
    pageCount: pages.length,
    state: page?.getAttribute('data-plh-state') ?? null,
    kinds: page?.getAttribute('data-plh-kinds') ?? null,
    engine: page?.getAttribute('data-plh-engine') ?? null,
    errors: page?.getAttribute('data-plh-errors') ?? null,
    pageHidden: page ? page.hidden : null,
    pageHasShadow: !!page?.shadowRoot,
    forms: [...document.querySelectorAll('[data-plh-form]')].map((host) => {
      const root = host.shadowRoot;
      const forgot = root?.querySelector('[data-plh-action="forgot-id"]');
      return {
        kind: host.getAttribute('data-plh-kind'),
        reset: root?.querySelector('a[data-plh-action="reset-password"]')?.href ?? null,
        forgotId: !!forgot,
        forgotIdLinks: forgot ? [...forgot.querySelectorAll('a')].map((a) => a.href) : [],
        text: root?.textContent ?? '',
      };
    }),
  };
}

function warningState(host, code, field) {
  const node = document.querySelector(host)?.shadowRoot?.querySelector(`[data-plh-warning="${code}"][data-plh-field="${field}"]`);
  if (!node) return null;
  const r = node.getBoundingClientRect();
  return {
    field: node.getAttribute('data-plh-field'),
    level: node.getAttribute('data-plh-level'),
    text: node.textContent,
    width: r.width,
    height: r.height,
    fix: !!node.querySelector(`button[data-plh-action="fix"][data-plh-for="${code}"]`),
    button: node.querySelector('button[data-plh-action="fix"]')?.textContent ?? null,
  };
}

/** Page-side: every warning code shown for a login's field, in order. */
export function shownCodes(host) {
  const root = document.querySelector(host)?.shadowRoot;
  return root ? [...root.querySelectorAll('[data-plh-warning]')].map((n) => n.getAttribute('data-plh-warning')) : [];
}

export class Session {
  constructor(driver, browser) {
    this.driver = driver;
    this.browser = browser;
  }

  /** Navigates to a fixture and waits for the first scan (and, for a late form, the second). */
  async open(page) {
    const { driver } = this;
    await driver.goto(ORIGIN + page.path);
    const settled = page.late || page.kinds.length === 0;
    const first = await driver.waitFor(
      (settledEarly) => {
        const m = document.querySelector('[data-plh-page]');
        if (m?.getAttribute('data-plh-state') !== 'ready') return false;
        const kinds = m.getAttribute('data-plh-kinds');
        return settledEarly || kinds ? { kinds, forms: document.querySelectorAll('[data-plh-form]').length } : false;
      },
      { timeout: 8000 },
      settled,
    );
    if (page.late) {
      // The first scan ran before the form existed; the DOM watch must find it.
      assert.deepEqual(first, { kinds: '', forms: 0 }, 'no login before the form is inserted');
      await driver.waitFor((k) => document.querySelector('[data-plh-page]').getAttribute('data-plh-kinds') === k, { timeout: 5000 }, page.kinds.join(' '));
    }
    return driver.evaluate(markers);
  }

  /**
   * Runs `action`, then asserts `code` on `field` of the `kind` login became
   * present (or absent) within LATENCY_MS of the page's last input event.
   */
  async expectWarning({ kind, code, field = 'id', present = true }, action) {
    const { driver } = this;
    const host = hostOf(kind, field);
    const armed = await driver.evaluate(arm, host, code, field, present);
    assert.ok(armed, `${field} ${code} was already ${present ? 'shown' : 'gone'} before the input`);
    await action();
    const seen = await driver.waitFor(
      () => window.__plhWatch.t !== null && { t: window.__plhWatch.t, last: window.plhTest.lastInputAt },
      { timeout: 3000 },
    );
    const latency = seen.t - seen.last;
    assert.ok(latency <= LATENCY_MS, `${field} ${code} ${present ? 'appeared' : 'went'} ${latency.toFixed(1)} ms after the input`);
    return present ? driver.evaluate(warningState, host, code, field) : null;
  }

  /**
   * The warning once the answers to every keystroke are in: typed key by key,
   * a code can show before the whole value is there (full-width at `12345６`)
   * and gain its fix with the last key.
   */
  async withFix(kind, code, field = 'id') {
    await this.driver.waitFor(
      (host, c, f) => document.querySelector(host)?.shadowRoot.querySelector(`[data-plh-field="${f}"][data-plh-warning="${c}"] > button[data-plh-action="fix"]`),
      { timeout: 3000 },
      hostOf(kind, field),
      code,
      field,
    );
    return this.driver.evaluate(warningState, hostOf(kind, field), code, field);
  }

  appear(kind, code, action, field = 'id') {
    return this.expectWarning({ kind, code, field, present: true }, action);
  }

  disappear(kind, code, action, field = 'id') {
    return this.expectWarning({ kind, code, field, present: false }, action);
  }

  /** The codes shown for a field now. */
  codes(kind, field = 'id') {
    return this.driver.evaluate(shownCodes, hostOf(kind, field));
  }

  /** Leaves the field (a complete value is judged): a `blur`, as when the user moves on. */
  leave(selector) {
    return this.driver.evaluate((sel) => document.querySelector(sel).blur(), selector);
  }

  /** Types `text` then leaves the field. */
  async typeAndLeave(selector, text) {
    await this.driver.type(selector, text);
    await this.leave(selector);
  }

  /** A trusted click on the fix button of `code` (for `field`). */
  fix(kind, code, field = 'id') {
    return this.driver.clickInShadow(hostOf(kind, field), `[data-plh-field="${field}"] > button[data-plh-action="fix"][data-plh-for="${code}"]`);
  }

  /** The field's value and the last input/change events the page's own listeners saw for it. */
  pageSaw(selector) {
    return this.driver.evaluate((sel) => {
      const el = document.querySelector(sel);
      const key = el.id || el.name;
      const inputs = window.plhTest.inputs.filter((i) => i.field === key);
      const changes = window.plhTest.changes.filter((i) => i.field === key);
      return { value: el.value, focused: document.activeElement === el, lastInput: inputs.at(-1) ?? null, lastChange: changes.at(-1) ?? null };
    }, selector);
  }

  /** Opens one of the extension's own pages in a new tab and waits until it has drawn itself. */
  async openExtensionPage(path) {
    await this.driver.openTab(await this.driver.extensionUrl(path));
    await this.driver.waitFor(() => document.body.getAttribute('data-plh-state') === 'ready', { timeout: 8000 });
  }

  /** Runs `fn(...args)` in the options page (an extension page, with the storage API), then closes it. */
  async inExtensionPage(fn, ...args) {
    await this.openExtensionPage('options.html');
    const result = await this.driver.evaluate(fn, ...args);
    await this.driver.closeTab();
    return result;
  }

  /** Everything in chrome.storage (local, sync), read from an extension page. */
  async storageDump() {
    const dump = await this.inExtensionPage(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      return { local: await api.storage.local.get(null), sync: await api.storage.sync.get(null) };
    });
    return { text: JSON.stringify(dump), ...dump };
  }

  /** Writes storage from an extension page, as a newer version or a corruption might have. */
  writeStorage(area, items) {
    return this.inExtensionPage(
      async (a, i) => {
        const api = globalThis.browser ?? globalThis.chrome;
        await api.storage[a].set(i);
      },
      area,
      items,
    );
  }

  /** Clears storage from an extension page. */
  clearStorage() {
    return this.inExtensionPage(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      await Promise.all([api.storage.local.clear(), api.storage.sync.clear()]);
    });
  }

  /** Pastes into a field as a person does (the clipboard, then Ctrl+V). */
  paste(selector, text) {
    return this.driver.paste(selector, text);
  }
}
