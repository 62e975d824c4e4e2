// In-browser measurements (Chromium, headless, the e2e harness):
//  - start-up: content script start → first scan done, read off the page marker;
//  - keystroke → warning: a real key event to the mutation that shows/hides the warning;
//  - page-load overhead: product / null extension / no extension, interleaved.
// Every time is taken in the page, on the page's own clock (performance.now()).

const ORIGIN = 'https://www.pasonacareer.jp';
export const FIXTURE = '/mypage-table.html';
export const CSP_FIXTURE = '/csp/mypage-table.html';

export const PATHS = [
  { key: 'page', fixture: FIXTURE, label: 'in-page wasm' },
  { key: 'background', fixture: CSP_FIXTURE, label: 'background fallback (strict CSP)' },
];

const READY = '[data-plh-page][data-plh-state="ready"]';
const MARKER_TIMEOUT = 15000;

let serial = 0;
/** A fresh URL per load: a new document, and no cache can answer it. */
function freshUrl(fixture, tag) {
  serial += 1;
  return `${ORIGIN}${fixture}?bench=${tag}-${serial}-${Date.now().toString(36)}`;
}

/** A new tab in `driver`'s context; the previous bench tab is closed first. */
async function freshPage(driver) {
  if (driver.benchPage) await driver.benchPage.close().catch(() => {});
  driver.benchPage = await driver.context.newPage();
  driver.benchPage.on('pageerror', (e) => driver.consoleMessages.push({ type: 'pageerror', text: String(e) }));
  return driver.benchPage;
}

export async function closeBenchPage(driver) {
  if (driver.benchPage) await driver.benchPage.close().catch(() => {});
  driver.benchPage = null;
}

async function loadReady(driver, fixture, tag) {
  const page = await freshPage(driver);
  await page.goto(freshUrl(fixture, tag), { waitUntil: 'load' });
  await page.waitForSelector(READY, { state: 'attached', timeout: MARKER_TIMEOUT });
  return page;
}

/** One cold load: start → ready on the page clock, and which engine answered. */
async function startupOnce(driver, path, tag, wasmUrl) {
  const page = await loadReady(driver, path.fixture, tag);
  const r = await page.evaluate((sel) => {
    const m = document.querySelector(sel);
    return {
      engine: m.getAttribute('data-plh-engine'),
      start: Number(m.getAttribute('data-plh-start-ms')),
      ready: Number(m.getAttribute('data-plh-ready-ms')),
    };
  }, READY);
  if (path.key === 'page' && wasmUrl) {
    // Diagnostic, after the measured start-up: what fetching the (web-accessible)
    // wasm and compiling it costs in this page, the first steps of the in-page engine.
    Object.assign(r, await page.evaluate(wasmCost, wasmUrl));
  }
  return r;
}

async function wasmCost(url) {
  const t0 = performance.now();
  const bytes = await (await fetch(url)).arrayBuffer();
  const t1 = performance.now();
  await WebAssembly.compile(bytes);
  const t2 = performance.now();
  return { fetchMs: t1 - t0, compileMs: t2 - t1 };
}

/** chrome-extension://<id>/wasm/plh_bg.wasm of the loaded product. */
export async function wasmUrlOf(driver) {
  const worker = await driver.serviceWorker();
  return new URL('wasm/plh_bg.wasm', worker.url()).href;
}

/**
 * `loads` cold loads per path, the two paths alternating; one unmeasured load
 * per path first (the first page after the browser starts also pays for the
 * extension's own start: service worker, first wasm compile).
 */
export async function measureStartup(driver, { loads, log }) {
  const out = Object.fromEntries(PATHS.map((p) => [p.key, { scanMs: [], startMs: [], first: null, fetchMs: [], compileMs: [] }]));
  const wasmUrl = await wasmUrlOf(driver).catch(() => null);
  for (let i = -1; i < loads; i++) {
    const order = i % 2 === 0 ? PATHS : [...PATHS].reverse();
    for (const path of order) {
      const r = await startupOnce(driver, path, `startup-${path.key}`, wasmUrl);
      if (r.engine !== path.key) {
        throw new Error(`start-up on ${path.fixture}: engine is "${r.engine}", expected "${path.key}"`);
      }
      if (i < 0) {
        out[path.key].first = r.ready - r.start;
        continue;
      }
      out[path.key].scanMs.push(r.ready - r.start);
      out[path.key].startMs.push(r.start);
      if (r.fetchMs !== undefined) {
        out[path.key].fetchMs.push(r.fetchMs);
        out[path.key].compileMs.push(r.compileMs);
      }
    }
    if (i >= 0 && (i + 1) % 10 === 0) log(`  start-up: ${i + 1}/${loads} loads per path`);
  }
  await closeBenchPage(driver);
  return out;
}

/**
 * Installed in the page: times each `input` event on the My Page ID field (a
 * capture listener on window runs before the extension's listener on the
 * field) and the first mutation of the form marker's shadow root after which
 * the `length` warning is in the state that value calls for.
 */
function installKeystrokeProbe() {
  const host = document.querySelector('[data-plh-form][data-plh-kind="my-page"]');
  if (!host || !host.shadowRoot) throw new Error('no my-page form marker with a shadow root');
  const root = host.shadowRoot;
  const shown = () => root.querySelector('[data-plh-warning="length"][data-plh-field="id"]') !== null;
  const probe = { pending: null, samples: [], misses: 0, shown };
  window.__plhProbe = probe;
  window.addEventListener(
    'input',
    (e) => {
      if (!(e.target instanceof HTMLInputElement) || e.target.name !== 'loginId') return;
      const t0 = performance.now();
      const want = e.target.value.length !== 7;
      if (probe.pending) probe.misses += 1; // the previous keystroke never showed its effect
      probe.pending = { t0, eventTs: e.timeStamp, want, was: shown(), trusted: e.isTrusted, len: e.target.value.length };
    },
    true,
  );
  new MutationObserver(() => {
    const p = probe.pending;
    if (!p || shown() !== p.want) return;
    const t1 = performance.now();
    probe.samples.push({ ms: t1 - p.t0, fromEventMs: t1 - p.eventTs, want: p.want, was: p.was, trusted: p.trusted, len: p.len });
    probe.pending = null;
  }).observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  return true;
}

/**
 * In the My Page ID field: type "123456" (a `length` warning), then alternate
 * "7" (7 digits: the warning goes) and Backspace (6 digits: it comes back), so
 * each measured keystroke toggles the warning. Spread over `pages` fresh loads.
 */
export async function measureKeystrokes(driver, path, { keystrokes, pages, log }) {
  const samples = [];
  const perPage = Math.ceil(keystrokes / pages);
  for (let p = 0; p < pages && samples.length < keystrokes; p++) {
    const page = await loadReady(driver, path.fixture, `keys-${path.key}`);
    const engine = await page.evaluate((sel) => document.querySelector(sel).getAttribute('data-plh-engine'), READY);
    if (engine !== path.key) throw new Error(`keystrokes on ${path.fixture}: engine "${engine}", expected "${path.key}"`);
    await page.waitForSelector('[data-plh-form][data-plh-kind="my-page"]', { state: 'attached', timeout: MARKER_TIMEOUT });
    await page.evaluate(installKeystrokeProbe);
    const field = page.locator('input[name="loginId"]').first();
    await field.focus();
    // Unmeasured: brings the field to 6 digits (and warms the path up).
    await page.keyboard.type('123456');
    await page.waitForFunction(() => window.__plhProbe.samples.some((s) => s.len === 6) && window.__plhProbe.shown(), null, {
      timeout: MARKER_TIMEOUT,
    });
    await page.evaluate(() => {
      Object.assign(window.__plhProbe, { pending: null, misses: 0 });
      window.__plhProbe.samples.length = 0;
    });
    const n = Math.min(perPage, keystrokes - samples.length);
    for (let k = 0; k < n; k++) {
      const adding = k % 2 === 0;
      const before = await page.evaluate(() => window.__plhProbe.shown());
      if (before !== adding) throw new Error(`keystroke ${k}: warning ${before ? 'shown' : 'hidden'} before the key, expected the opposite`);
      await page.keyboard.press(adding ? '7' : 'Backspace');
      await page.waitForFunction((count) => window.__plhProbe.samples.length >= count, k + 1, {
        timeout: MARKER_TIMEOUT,
        polling: 'raf',
      });
    }
    const got = await page.evaluate(() => ({ samples: window.__plhProbe.samples, misses: window.__plhProbe.misses }));
    if (got.misses) throw new Error(`keystrokes on ${path.fixture}: ${got.misses} keystroke(s) did not toggle the warning`);
    for (const s of got.samples) {
      if (!s.trusted) throw new Error('an input event was not trusted');
      if (s.want === s.was) throw new Error('a measured keystroke did not change the warning state');
    }
    samples.push(...got.samples);
    log(`  keystrokes (${path.key}): ${samples.length}/${keystrokes}`);
  }
  await closeBenchPage(driver);
  return {
    ms: samples.map((s) => s.ms),
    fromEventMs: samples.map((s) => s.fromEventMs),
  };
}

/**
 * Before any page script: note when a ready marker appears (the product's
 * `data-plh-state="ready"`, the null extension's `[data-plh-null-ready]`).
 * Installed the same way in all three browsers, so its (tiny) cost cancels out.
 */
function markerClock() {
  window.__plhMarkerAt = null;
  const sel = '[data-plh-null-ready], [data-plh-page][data-plh-state="ready"]';
  const mo = new MutationObserver(() => {
    if (window.__plhMarkerAt === null && document.querySelector(sel)) {
      window.__plhMarkerAt = performance.now();
      mo.disconnect();
    }
  });
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-plh-state'] });
}

async function loadOnce(driver, variant, round) {
  const page = await freshPage(driver);
  await page.addInitScript(markerClock);
  await page.goto(freshUrl(FIXTURE, `load-${variant}-${round}`), { waitUntil: 'load' });
  if (variant !== 'none') {
    await page.waitForFunction(() => window.__plhMarkerAt !== null, null, { timeout: MARKER_TIMEOUT });
  }
  await page.waitForFunction(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0, null, {
    timeout: MARKER_TIMEOUT,
  });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      load: nav.loadEventEnd - nav.startTime,
      dcl: nav.domContentLoadedEventEnd - nav.startTime,
      marker: window.__plhMarkerAt,
      engine: document.querySelector('[data-plh-page]')?.getAttribute('data-plh-engine') ?? null,
      nullReady: document.querySelector('[data-plh-null-ready]') !== null,
    };
  });
}

const PERMUTATIONS = [
  ['product', 'null', 'none'],
  ['null', 'none', 'product'],
  ['none', 'product', 'null'],
  ['product', 'none', 'null'],
  ['none', 'null', 'product'],
  ['null', 'product', 'none'],
];

/**
 * `rounds` rounds; each loads the fixture once in each browser, the order
 * cycling through all six permutations so none of the three is always first.
 */
export async function measureOverhead(drivers, { rounds, log }) {
  const raw = { product: [], null: [], none: [] };
  for (const v of Object.keys(raw)) await loadOnce(drivers[v], v, -1); // unmeasured warm-up
  for (let r = 0; r < rounds; r++) {
    for (const v of PERMUTATIONS[r % PERMUTATIONS.length]) {
      const m = await loadOnce(drivers[v], v, r);
      if (v === 'product' && m.engine !== 'page') throw new Error(`overhead: product engine "${m.engine}"`);
      if (v === 'null' && !m.nullReady) throw new Error('overhead: the null extension did not run');
      if (v === 'none' && (m.engine || m.nullReady)) throw new Error('overhead: an extension ran in the no-extension browser');
      raw[v].push(m);
    }
    if ((r + 1) % 10 === 0) log(`  overhead: ${r + 1}/${rounds} rounds`);
  }
  for (const d of Object.values(drivers)) await closeBenchPage(d);
  const pick = (v, k) => raw[v].map((m) => m[k]);
  return {
    loadMs: { product: pick('product', 'load'), null: pick('null', 'load'), none: pick('none', 'load') },
    markerMs: { product: pick('product', 'marker'), null: pick('null', 'marker') },
    // Per round, so drift over the run cancels out.
    ratioProductNull: raw.product.map((m, i) => m.load / raw.null[i].load),
    ratioNullNone: raw.null.map((m, i) => m.load / raw.none[i].load),
    markerLateMs: raw.product.map((m, i) => m.marker - raw.null[i].marker),
  };
}
