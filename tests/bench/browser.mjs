// In-browser timings (Chromium, headless, the e2e harness); every time is taken
// in the page, on the page's own clock:
//  - start-up, phase by phase, from the `plh:*` performance marks the loader
//    and the engine leave on the page's timeline;
//  - keystroke → warning: a real key to the mutation that shows/hides an
//    instant warning (`fullwidth`), in the page and through the background;
//  - page-load overhead: product / null extension / no extension, interleaved,
//    on a small job page, a large job listing (both without a login) and a
//    login page;
//  - a correctness check, not a timing: pages without a login fetch no engine file.
import { LISTING_PATH } from './listing.mjs';

const ORIGIN = 'https://www.pasonacareer.jp';
export const LOGIN = '/mypage-table.html';
export const CSP_LOGIN = '/csp/mypage-table.html';
export const JOB = '/job.html';

export const PATHS = [
  { key: 'page', fixture: LOGIN, label: 'in-page' },
  { key: 'background', fixture: CSP_LOGIN, label: 'background (strict CSP)' },
];

/** The pages of the page-load benchmark. */
export const LOAD_PAGES = [
  { key: 'job', path: JOB, login: false, label: 'small job page (no login)' },
  { key: 'listing', path: LISTING_PATH, login: false, label: 'large job listing, 3,000 cards (no login)', minBytes: 1_000_000 },
  { key: 'alert', path: '/no-login-job-alert.html', login: false, label: 'job page with a job-alert e-mail form (no login)' },
  { key: 'login', path: LOGIN, login: true, label: 'login page' },
];

/**
 * The start-up phases, each from the mark where it starts to the mark where
 * it ends (`null`: navigation start; a list: the latest of those marks, a
 * phase that needs two earlier ones done). `paths`: where the phase exists
 * (the background path starts no wasm in the page). `side`: off the first
 * scan's critical path. `beside`: the loader fetches and compiles the wasm
 * while the engine's modules load, so those phases overlap the import.
 */
export const PHASES = [
  { id: 'injection', label: 'injection: navigation start → loader runs', from: null, to: 'loader', paths: ['page', 'background'] },
  { id: 'import', label: 'engine import and evaluation (loader → `start`)', from: 'loader', to: 'engine', paths: ['page', 'background'] },
  { id: 'fetch', label: 'wasm fetch (request → response)', from: 'wasm-fetch', to: 'wasm-fetched', paths: ['page'], beside: true },
  { id: 'compile', label: 'wasm compile (streaming, body included)', from: 'wasm-fetched', to: 'wasm-compiled', paths: ['page'], beside: true },
  { id: 'instantiate', label: 'wasm instantiate (once compiled and `start` called)', from: ['wasm-compiled', 'engine'], to: 'wasm-instantiated', paths: ['page'] },
  { id: 'first-call-page', label: 'first core call answered (`start`)', from: 'wasm-instantiated', to: 'started', paths: ['page'] },
  { id: 'first-call-background', label: 'first core call answered (`start`, over messaging)', from: 'engine', to: 'started', paths: ['background'] },
  { id: 'snapshot', label: 'page snapshot read', from: 'started', to: 'read', paths: ['page', 'background'] },
  { id: 'detect', label: 'detect: scan request answered', from: 'read', to: 'answered', paths: ['page', 'background'] },
  { id: 'render', label: 'rendering: first answer drawn', from: 'answered', to: 'ready', paths: ['page', 'background'] },
  { id: 'storage', label: 'storage read (beside the first scan)', from: 'storage', to: 'stored', paths: ['page', 'background'], side: true },
  { id: 'total', label: 'total: loader → first scan drawn', from: 'loader', to: 'ready', paths: ['page', 'background'], total: true },
  { id: 'total-nav', label: 'total: navigation start → first scan drawn', from: null, to: 'ready', paths: ['page', 'background'], total: true },
];

const READY = '[data-plh-page][data-plh-state="ready"]';
const TIMEOUT = 15000;

let serial = 0;
/** A fresh URL per load: a new document, and no cache can answer it. */
function freshUrl(path, tag) {
  serial += 1;
  return `${ORIGIN}${path}?bench=${tag}-${serial}-${Date.now().toString(36)}`;
}

/**
 * Every request of `driver`'s context, with whether a page (a frame) made it:
 * the extension's service worker fetches the wasm for its own core, which is
 * not the page's engine.
 */
export function watchRequests(driver) {
  const log = [];
  driver.context.on('request', (r) => {
    let fromPage = true;
    try {
      fromPage = !r.serviceWorker() && !!r.frame();
    } catch {
      fromPage = false;
    }
    log.push({ url: r.url(), fromPage });
  });
  driver.benchRequests = log;
  return log;
}

/** The engine's files (anything but the loader and its style sheet) among `requests`. */
export const engineFiles = (requests) =>
  requests.filter((r) => r.fromPage && /^(chrome|moz)-extension:/.test(r.url) && !/\/loader\.js$|\/alive\.css$/.test(r.url)).map((r) => r.url.replace(/^.*?:\/\/[^/]+/, ''));

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

/** A cold load, waiting for the first scan drawn (or, `scanned` false, for the marker's ready state alone). */
async function loadReady(driver, path, tag, { scanned = true } = {}) {
  const page = await freshPage(driver);
  await page.goto(freshUrl(path, tag), { waitUntil: 'load' });
  await page.waitForSelector(scanned ? '[data-plh-page][data-plh-ready-ms]' : READY, { state: 'attached', timeout: TIMEOUT });
  return page;
}

/** Page-side: every `plh:*` mark (start time, navigation start = 0) and the engine that answered. */
function readMarks() {
  const marks = {};
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('plh:') && !(m.name.slice(4) in marks)) marks[m.name.slice(4)] = m.startTime;
  const page = document.querySelector('[data-plh-page]');
  return { marks, engine: page?.getAttribute('data-plh-engine') ?? null, errors: page?.getAttribute('data-plh-errors') ?? null };
}

/**
 * `loads` cold loads per path (new tab, fresh URL), the two paths alternating;
 * one unmeasured load per path first (the first page after the browser starts
 * also pays for the extension's service worker and first compile).
 * @returns {{ [path: string]: { phases: { [id: string]: number[] }, first: number | null } }}
 */
export async function measureStartup(driver, { loads, log }) {
  const out = Object.fromEntries(PATHS.map((p) => [p.key, { phases: Object.fromEntries(PHASES.map((ph) => [ph.id, []])), first: null, marks: [], floorMs: [] }]));
  for (let i = -1; i < loads; i++) {
    const order = i % 2 === 0 ? PATHS : [...PATHS].reverse();
    for (const path of order) {
      const page = await loadReady(driver, path.fixture, `startup-${path.key}`);
      // The storage read ends after the first scan: wait for it too.
      await page.waitForFunction(() => performance.getEntriesByName('plh:stored').length > 0, null, { timeout: TIMEOUT });
      const r = await page.evaluate(readMarks);
      if (r.engine !== path.key) throw new Error(`start-up on ${path.fixture}: engine is "${r.engine}", expected "${path.key}"`);
      if (r.errors) throw new Error(`start-up on ${path.fixture}: ${r.errors} error(s) noted by the engine`);
      const at = (name) => (name === null ? 0 : Array.isArray(name) ? Math.max(...name.map((n) => r.marks[n])) : r.marks[name]);
      if (i < 0) {
        out[path.key].first = at('ready') - at('loader');
        continue;
      }
      out[path.key].marks.push(r.marks);
      for (const ph of PHASES) {
        if (!ph.paths.includes(path.key)) continue;
        const [a, b] = [at(ph.from), at(ph.to)];
        if (!Number.isFinite(a) || !Number.isFinite(b)) throw new Error(`start-up on ${path.fixture}: no mark for ${ph.id} (${ph.from} → ${ph.to}); marks: ${Object.keys(r.marks).join(' ')}`);
        out[path.key].phases[ph.id].push(b - a);
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
 * field) and the first mutation of the field host's shadow root after which
 * the `fullwidth` warning is in the state that value calls for.
 */
function installKeystrokeProbe() {
  const host = document.querySelector('[data-plh-field-host][data-plh-kind="my-page"][data-plh-field="id"]');
  if (!host || !host.shadowRoot) throw new Error('no field host for the My Page ID');
  const root = host.shadowRoot;
  const shown = () => root.querySelector('[data-plh-warning="fullwidth"][data-plh-field="id"]') !== null;
  const probe = { pending: null, samples: [], misses: 0, shown };
  window.__plhProbe = probe;
  window.addEventListener(
    'input',
    (e) => {
      if (!(e.target instanceof HTMLInputElement) || e.target.name !== 'loginId') return;
      const t0 = performance.now();
      const want = /[\uff01-\uff5e]/.test(e.target.value);
      if (probe.pending) probe.misses += 1; // the previous keystroke never showed its effect
      probe.pending = { t0, eventTs: e.timeStamp, want, was: shown(), trusted: e.isTrusted };
    },
    true,
  );
  // Kept reachable from window: an observer only its callback refers to may be collected.
  probe.observer = new MutationObserver(() => {
    const p = probe.pending;
    if (!p || shown() !== p.want) return;
    const t1 = performance.now();
    probe.samples.push({ ms: t1 - p.t0, fromEventMs: t1 - p.eventTs, want: p.want, was: p.was, trusted: p.trusted });
    probe.pending = null;
  });
  probe.observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  return true;
}

/**
 * In the My Page ID field, from empty: "１" (a full-width digit: `fullwidth`
 * shows at once) and Backspace (it goes) alternate, real keys, one at a time,
 * each waiting for its effect. Spread over `pages` fresh loads.
 */
export async function measureKeystrokes(driver, path, { keystrokes, pages, log }) {
  const samples = [];
  const perPage = Math.ceil(keystrokes / pages);
  const shownNow = (page) => page.evaluate(() => !!document.querySelector('[data-plh-field-host][data-plh-kind="my-page"][data-plh-field="id"]')?.shadowRoot?.querySelector('[data-plh-warning="fullwidth"]'));
  for (let p = 0; p < pages && samples.length < keystrokes; p++) {
    const page = await loadReady(driver, path.fixture, `keys-${path.key}`);
    const engine = await page.evaluate((sel) => document.querySelector(sel).getAttribute('data-plh-engine'), READY);
    if (engine !== path.key) throw new Error(`keystrokes on ${path.fixture}: engine "${engine}", expected "${path.key}"`);
    const field = page.locator('input[name="loginId"]').first();
    await field.focus();
    // Unmeasured: one show and hide (the field host is drawn, the path warmed up).
    await page.keyboard.type('１');
    await page.waitForFunction(() => !!document.querySelector('[data-plh-field-host][data-plh-kind="my-page"][data-plh-field="id"]')?.shadowRoot?.querySelector('[data-plh-warning="fullwidth"]'), null, { timeout: TIMEOUT });
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => !document.querySelector('[data-plh-field-host][data-plh-kind="my-page"][data-plh-field="id"]').shadowRoot.querySelector('[data-plh-warning="fullwidth"]'), null, { timeout: TIMEOUT });
    await page.evaluate(installKeystrokeProbe);
    const n = Math.min(perPage, keystrokes - samples.length);
    for (let k = 0; k < n; k++) {
      const adding = k % 2 === 0;
      if ((await shownNow(page)) === adding) throw new Error(`keystroke ${k}: the warning is ${adding ? 'shown' : 'hidden'} before the key`);
      if (adding) await page.keyboard.type('１');
      else await page.keyboard.press('Backspace');
      await page.waitForFunction((count) => window.__plhProbe.samples.length >= count, k + 1, { timeout: TIMEOUT, polling: 'raf' });
    }
    const got = await page.evaluate(() => ({ samples: window.__plhProbe.samples, misses: window.__plhProbe.misses }));
    if (got.misses) throw new Error(`keystrokes on ${path.fixture}: ${got.misses} keystroke(s) did not toggle the warning`);
    for (const s of got.samples) {
      if (!s.trusted) throw new Error('an input event was not trusted');
      if (s.want === s.was) throw new Error('a measured keystroke did not change the warning');
    }
    samples.push(...got.samples);
    log(`  keystrokes (${path.key}): ${samples.length}/${keystrokes}`);
  }
  await closeBenchPage(driver);
  return { ms: samples.map((s) => s.ms), fromEventMs: samples.map((s) => s.fromEventMs) };
}

/**
 * Before any page script: note when a ready marker appears (the product's
 * `data-plh-state="ready"`, the null extension's `[data-plh-null-ready]`).
 * Installed the same way in all three browsers, so its (tiny) cost cancels
 * out; it looks only at the mutation records, never queries the document.
 */
function markerClock() {
  window.__plhMarkerAt = null;
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      const hit =
        r.type === 'attributes'
          ? r.target.getAttribute('data-plh-state') === 'ready' && r.target.hasAttribute('data-plh-page')
          : [...r.addedNodes].some((n) => n.nodeType === 1 && (n.hasAttribute('data-plh-null-ready') || (n.hasAttribute('data-plh-page') && n.getAttribute('data-plh-state') === 'ready')));
      if (hit) {
        window.__plhMarkerAt = performance.now();
        mo.disconnect();
        return;
      }
    }
  });
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-plh-state'] });
}

async function loadOnce(driver, variant, where, tag) {
  const page = await freshPage(driver);
  await page.addInitScript(markerClock);
  const since = driver.benchRequests?.length ?? 0;
  await page.goto(freshUrl(where.path, tag), { waitUntil: 'load' });
  if (variant !== 'none') await page.waitForFunction(() => window.__plhMarkerAt !== null, null, { timeout: TIMEOUT });
  await page.waitForFunction(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0, null, { timeout: TIMEOUT });
  const m = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const page = document.querySelector('[data-plh-page]');
    return {
      load: nav.loadEventEnd - nav.startTime,
      dcl: nav.domContentLoadedEventEnd - nav.startTime,
      marker: window.__plhMarkerAt,
      product: !!page,
      engine: page?.getAttribute('data-plh-engine') ?? null,
      nullReady: document.querySelector('[data-plh-null-ready]') !== null,
      bytes: document.documentElement.outerHTML.length,
    };
  });
  m.engineFiles = driver.benchRequests ? engineFiles(driver.benchRequests.slice(since)) : [];
  return m;
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
 * The rounds of a page-load A/B, in either browser: after one unmeasured load
 * of each page in each variant (product, null extension, none), `rounds`
 * rounds in which every page is loaded once in each variant, the variants'
 * order cycling through all six permutations so none is always first. Each
 * load (`load(driver, variant, page, id)`) is checked to be what its variant
 * says. Returns the loads per page key and variant, round by round.
 */
export async function interleavedLoads(drivers, pages, { rounds, log, load, label, id }) {
  const raw = Object.fromEntries(pages.map((p) => [p.key, { product: [], null: [], none: [] }]));
  for (const p of pages) for (const v of ['product', 'null', 'none']) await load(drivers[v], v, p, `warm-${v}`); // unmeasured
  for (let r = 0; r < rounds; r++) {
    for (const p of pages) {
      for (const v of PERMUTATIONS[(r + pages.indexOf(p)) % PERMUTATIONS.length]) {
        const m = await load(drivers[v], v, p, `${id}-${p.key}-${v}-${r}`);
        if (v === 'product') {
          if (!m.product) throw new Error(`${label} on ${p.path}: no page marker`);
          if (p.login && m.engine !== 'page') throw new Error(`${label} on ${p.path}: engine "${m.engine}"`);
        }
        if (v === 'null' && !m.nullReady) throw new Error(`${label} on ${p.path}: the null extension did not run`);
        if (p.minBytes && m.bytes < p.minBytes) throw new Error(`${label} on ${p.path}: the page has ${m.bytes} characters, not the listing (missing?)`);
        if (v === 'none' && (m.product || m.nullReady)) throw new Error(`${label} on ${p.path}: an extension ran where none is installed`);
        raw[p.key][v].push(m);
      }
    }
    if ((r + 1) % 10 === 0) log(`  ${label}: ${r + 1}/${rounds} rounds`);
  }
  return raw;
}

/** `rounds` interleaved rounds over LOAD_PAGES (interleavedLoads); ratios and differences per round. */
export async function measureOverhead(drivers, { rounds, log }) {
  const raw = await interleavedLoads(drivers, LOAD_PAGES, { rounds, log, load: loadOnce, label: 'overhead', id: 'load' });
  for (const d of Object.values(drivers)) await closeBenchPage(d);
  const out = {};
  for (const w of LOAD_PAGES) {
    const x = raw[w.key];
    const pick = (v, k) => x[v].map((m) => m[k]);
    out[w.key] = {
      bytes: x.none[0]?.bytes ?? null,
      loadMs: { product: pick('product', 'load'), null: pick('null', 'load'), none: pick('none', 'load') },
      markerMs: { product: pick('product', 'marker'), null: pick('null', 'marker') },
      ratioProductNull: x.product.map((m, i) => m.load / x.null[i].load),
      ratioNullNone: x.null.map((m, i) => m.load / x.none[i].load),
      markerLateMs: x.product.map((m, i) => m.marker - x.null[i].marker),
      // Correctness on pages without a login: the engine never started, no engine file was fetched.
      engineStarted: w.login ? null : x.product.filter((m) => m.engine !== null).length,
      engineFetched: w.login ? null : x.product.filter((m) => m.engineFiles.length).length,
    };
  }
  return out;
}

/**
 * Correctness, not timing: on each page without a login, after the loader's
 * after-load checks have run (idle callback, storage read), no engine file was
 * requested and the marker names no engine; on the login page (the control)
 * the request log does show the engine's files, so the check can fail.
 */
export async function checkNoEngine(driver, { loads, log }) {
  const out = { pages: {}, control: null };
  for (const w of LOAD_PAGES) {
    const r = { loads: 0, engineStarted: 0, engineFetched: 0, files: [] };
    for (let i = 0; i < loads; i++) {
      const since = driver.benchRequests.length;
      const page = await loadReady(driver, w.path, `no-engine-${w.key}`, { scanned: w.login });
      // The loader's after-load checks run when the page is idle (≤ 500 ms), then read storage.
      await page.waitForTimeout(1500);
      const engine = await page.evaluate(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-engine') ?? null);
      const files = engineFiles(driver.benchRequests.slice(since));
      r.loads += 1;
      if (engine !== null) r.engineStarted += 1;
      if (files.length) r.engineFetched += 1;
      r.files = [...new Set([...r.files, ...files])];
    }
    if (w.login) out.control = r;
    else out.pages[w.key] = r;
  }
  await closeBenchPage(driver);
  if (!out.control.files.some((f) => /\.wasm$/.test(f)) || !out.control.files.some((f) => /content\/engine\.js$/.test(f))) {
    throw new Error(`no-engine check: the request log did not see the engine's files on the login page (${out.control.files.join(', ')}): the check could not fail`);
  }
  log(`  no engine on pages without a login: ${Object.entries(out.pages).map(([k, r]) => `${k} ${r.engineFetched}/${r.loads} fetched`).join(', ')}; login page (control): ${out.control.files.length} engine files`);
  return out;
}
