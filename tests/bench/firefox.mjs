// Firefox's page-load A/B: three Firefox ESR instances (the product's
// benchmark build, the null extension tests/e2e/null-extension/, no
// extension), each with the same observer extension
// (tests/bench/observer-extension/: from document_start, it notes when a
// ready marker appears). Interleaved as the Chromium A/B (browser.mjs): in
// each round every page is loaded once in each instance, the instances'
// order cycling through all six permutations. Firefox instances differ a lot
// even idle (up to 30 % between two), so the per-round ratios are reported
// with their spread, beside the null extension / none floor.
import { fileURLToPath } from 'node:url';
import { launchFirefox } from '../e2e/harness/firefox.mjs';
import { interleavedLoads, JOB, LOGIN } from './browser.mjs';

const ORIGIN = 'https://www.pasonacareer.jp';
const OBSERVER = fileURLToPath(new URL('./observer-extension/', import.meta.url));
const NULL_EXTENSION = fileURLToPath(new URL('../e2e/null-extension/', import.meta.url));
const TIMEOUT = 15000;

/** The pages of Firefox's A/B: two without a login (one with an e-mail field), and a login page. */
export const FIREFOX_PAGES = [
  { key: 'job', path: JOB, login: false, label: 'small job page (no login)' },
  { key: 'alert', path: '/no-login-job-alert.html', login: false, label: 'job page with a job-alert e-mail form (no login)' },
  { key: 'login', path: LOGIN, login: true, label: 'login page' },
];

/** The three instances, each with the observer. */
export async function launchFirefoxAB({ productDir, proxyPort }) {
  const drivers = {};
  try {
    for (const [v, dir] of [['product', productDir], ['null', NULL_EXTENSION], ['none', null]]) {
      drivers[v] = await launchFirefox({ extensionDir: dir, proxyPort, lang: 'ja' });
      await drivers[v].webdriver.installAddon(OBSERVER, true);
    }
    return drivers;
  } catch (e) {
    for (const d of Object.values(drivers)) await d.close().catch(() => {});
    throw e;
  }
}

let serial = 0;

async function loadOnce(driver, variant, page, tag) {
  serial += 1;
  await driver.goto(`${ORIGIN}${page.path}?bench=${tag}-${serial}-${Date.now().toString(36)}`);
  return driver.waitFor(
    (v) => {
      const nav = performance.getEntriesByType('navigation')[0];
      const at = document.documentElement.getAttribute('data-bench-marker-ms');
      if (!(nav?.loadEventEnd > 0) || (v !== 'none' && at === null)) return false;
      const marker = document.querySelector('[data-plh-page]');
      return {
        load: nav.loadEventEnd - nav.startTime,
        marker: at === null ? null : Number(at),
        product: !!marker,
        engine: marker?.getAttribute('data-plh-engine') ?? null,
        // The benchmark build's start-up marks: the engine's first is `plh:engine`.
        engineMark: performance.getEntriesByName('plh:engine').length > 0,
        nullReady: document.querySelector('[data-plh-null-ready]') !== null,
      };
    },
    { timeout: TIMEOUT, interval: 10 },
    variant,
  );
}

/** `rounds` interleaved rounds over FIREFOX_PAGES; per-round ratios and differences. */
export async function measureFirefoxOverhead(drivers, { rounds, log }) {
  const raw = await interleavedLoads(drivers, FIREFOX_PAGES, { rounds, log, load: loadOnce, label: 'Firefox overhead', id: 'ff' });
  const control = raw.login.product.filter((m) => m.engine !== null && m.engineMark).length;
  if (control !== rounds) throw new Error(`Firefox overhead: the engine was seen on ${control} of ${rounds} login-page loads (attribute and plh:engine mark): the no-engine check could not fail`);
  const out = {};
  for (const p of FIREFOX_PAGES) {
    const x = raw[p.key];
    const pick = (v, k) => x[v].map((m) => m[k]);
    out[p.key] = {
      loadMs: { product: pick('product', 'load'), null: pick('null', 'load'), none: pick('none', 'load') },
      ratioProductNull: x.product.map((m, i) => m.load / x.null[i].load),
      ratioNullNone: x.null.map((m, i) => m.load / x.none[i].load),
      markerLateMs: x.product.map((m, i) => m.marker - x.null[i].marker),
      // On a page without a login the engine must not run: no engine attribute, no `plh:engine` mark.
      engineStarted: p.login ? null : x.product.filter((m) => m.engine !== null || m.engineMark).length,
      // The control: on the login page the same reading does see the engine.
      engineSeen: p.login ? x.product.filter((m) => m.engine !== null && m.engineMark).length : null,
    };
  }
  return out;
}
