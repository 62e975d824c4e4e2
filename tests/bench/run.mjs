#!/usr/bin/env node
// The benchmark (`./build.sh bench`): sizes, start-up phase by phase,
// keystroke → warning, page-load overhead against a null extension (in
// Chromium, and in Firefox), the noise benchmark in Chromium and Firefox,
// native analyser throughput. Sizes are the store build's (dist/chrome/,
// the zips); every timing is the benchmark build's (dist/bench/: the same
// files with the start-up's performance marks and timing attributes).
// Prints one markdown table (median and p95 of each figure, the previous
// run's beside them) and writes it, with the machine and the method, to
// BENCHMARKS.md.
//
//   node tests/bench/run.mjs            full run → BENCHMARKS.md (about 15 minutes)
//   node tests/bench/run.mjs --short    tiny counts → dist/bench-short.md (./build.sh test keeps it working)
//   options: --out FILE, --loads N, --keystrokes N, --rounds N,
//            --no-native, --no-browser, --no-noise, --no-firefox
//   (PLH_BENCH_SHORT=1 is the same as --short)
//
// Needs a built dist/ and dist/bench/ (`./build.sh bench` builds both).
import { existsSync, readFileSync, writeFileSync, mkdirSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, release, tmpdir, loadavg } from 'node:os';
import { dirname, join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startServers } from '../e2e/harness/server.mjs';
import { launchChromium, CHROMIUM_PATH } from '../e2e/harness/chromium.mjs';
import { launchFirefox, FIREFOX_PATH, findGeckodriver } from '../e2e/harness/firefox.mjs';
import { PATHS, PHASES, LOAD_PAGES, LOGIN, CSP_LOGIN, JOB, watchRequests, measureStartup, measureKeystrokes, measureOverhead, checkNoEngine } from './browser.mjs';
import { runNoise, loadCorpus, NOISE_PAGE, INSTANT } from './noise.mjs';
import { writeListing, LISTING_PATH } from './listing.mjs';
import { measureSizes, runNative, NATIVE_BENCHES } from './native.mjs';
import { FIREFOX_PAGES, launchFirefoxAB, measureFirefoxOverhead } from './firefox.mjs';
import { readPrevious, previousOf, brief } from './previous.mjs';
import { summary, fmtMs, fmtBytes, fmtRatio, fmtRate } from './stats.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(ROOT, 'tests/e2e/fixtures');
const { values: opts } = parseArgs({
  options: {
    short: { type: 'boolean', default: ['1', 'true', 'yes'].includes(process.env.PLH_BENCH_SHORT ?? '') },
    out: { type: 'string' },
    loads: { type: 'string' },
    keystrokes: { type: 'string' },
    rounds: { type: 'string' },
    'no-native': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'no-noise': { type: 'boolean', default: false },
    'no-firefox': { type: 'boolean', default: false },
  },
});
const SHORT = opts.short;
const count = (v, full, short) => (v !== undefined ? Math.max(1, parseInt(v, 10)) : SHORT ? short : full);
const N = {
  loads: count(opts.loads, 30, 3),
  keystrokes: count(opts.keystrokes, 200, 20),
  keyPages: SHORT ? 1 : 5,
  rounds: count(opts.rounds, 30, 2),
  // Firefox's instances differ more than Chromium's: more rounds.
  firefoxRounds: count(opts.rounds, 40, 2),
  noEngineLoads: SHORT ? 1 : 3,
};
const OUT = resolve(ROOT, opts.out ?? (SHORT ? 'dist/bench-short.md' : 'BENCHMARKS.md'));
/** The last full run: what the new figures are printed beside. */
const PREVIOUS = readPrevious(join(ROOT, 'BENCHMARKS.md'));
const doNative = !opts['no-native'];
const doBrowser = !opts['no-browser'];
const doNoise = doBrowser && !opts['no-noise'];
const browsersForNoise = opts['no-firefox'] ? ['chromium'] : ['chromium', 'firefox'];
const doFirefoxLoad = doBrowser && !opts['no-firefox'];

const log = (...a) => console.error(...a);

// ---------------------------------------------------------------- targets
// Issue 12 (keystrokes), issue 11 (noise), issues 17 and 19 (start-up with
// one engine file, size, load cost in Chromium and Firefox).
const TARGETS = {
  wasmGzip: { text: '≤ 72 kB', ok: (s) => s.median <= 72_000 },
  keysPage: { text: '≤ 16 ms (p95)', ok: (s) => s.p95 <= 16 },
  keysBackground: { text: '≤ 50 ms (p95)', ok: (s) => s.p95 <= 50 },
  ratioListing: { text: '≤ 1.02 (median)', ok: (s) => s.median <= 1.02 },
  ratioLogin: { text: '≤ 1.05 (median)', ok: (s) => s.median <= 1.05 },
  markerLogin: { text: '≤ 60 ms (median)', ok: (s) => s.median <= 60 },
  markerNoLogin: { text: '≤ 5 ms (median)', ok: (s) => s.median <= 5 },
  firefoxRatioLogin: { text: '≤ 1.10 (median)', ok: (s) => s.median <= 1.1 },
  firefoxRatioNoLogin: { text: '≤ 1.02 (median)', ok: (s) => s.median <= 1.02 },
};

// ---------------------------------------------------------------- machine
function sh(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const LOAD_AT_START = loadavg();
const fmtLoad = (l) => l.map((x) => x.toFixed(2)).join(' / ');

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {}
  const head = sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']);
  const dirty = sh('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no', '--', 'extension', 'src', 'manifest.json', 'build.sh', 'Cargo.toml', 'Cargo.lock']);
  let gecko = null;
  try {
    gecko = sh(findGeckodriver(), ['--version'])?.split('\n')[0] ?? null;
  } catch {}
  return {
    nproc: sh('nproc', []) ?? String(cpus().length),
    cpu,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${sh('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"']) ?? 'Linux'}, kernel ${release()}`,
    chromium: sh(CHROMIUM_PATH, ['--version']) ?? CHROMIUM_PATH,
    firefox: `${sh(FIREFOX_PATH, ['--version']) ?? FIREFOX_PATH}${gecko ? `, ${gecko}` : ''}`,
    node: process.version,
    rustc: sh('rustc', ['--version']) ?? 'unknown',
    commit: head ? `${head}${dirty ? ' (with uncommitted changes to the product)' : ''}` : 'unknown',
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    load: `${fmtLoad(LOAD_AT_START)} at start, ${fmtLoad(loadavg())} at end (1 / 5 / 15 min)`,
  };
}

// ---------------------------------------------------------------- run
async function runBrowser(snap) {
  const nullExt = join(ROOT, 'tests/e2e/null-extension');
  const listingBytes = writeListing(FIXTURES);
  log(`large listing: ${LISTING_PATH}, ${fmtBytes(listingBytes)}`);
  const servers = await startServers({ root: FIXTURES });
  const drivers = {};
  const res = { listingBytes };
  try {
    const launch = (extensionDir) => launchChromium({ extensionDir, httpsPort: servers.httpsPort, lang: 'ja' });
    drivers.product = await launch(join(snap, 'chrome'));
    watchRequests(drivers.product);
    log(`start-up: ${N.loads} cold loads per path (+1 unmeasured each)`);
    res.startup = await measureStartup(drivers.product, { loads: N.loads, log });
    res.keys = {};
    for (const path of PATHS) {
      log(`keystroke → warning (${path.label}): ${N.keystrokes} keystrokes`);
      res.keys[path.key] = await measureKeystrokes(drivers.product, path, { keystrokes: N.keystrokes, pages: N.keyPages, log });
    }
    log(`no engine on pages without a login: ${N.noEngineLoads} load(s) per page`);
    res.noEngine = await checkNoEngine(drivers.product, { loads: N.noEngineLoads, log });
    drivers.null = await launch(nullExt);
    drivers.none = await launch(null);
    log(`page-load overhead: ${N.rounds} rounds × ${LOAD_PAGES.length} pages of product / null / none (+1 unmeasured)`);
    res.overhead = await measureOverhead(drivers, { rounds: N.rounds, log });
    await drivers.null.close();
    await drivers.none.close();
    const pageErrors = drivers.product.consoleMessages.filter((m) => m.type === 'pageerror');
    if (pageErrors.length) log(`warning: page errors in the product browser:\n${pageErrors.map((m) => m.text).join('\n')}`);
    if (doFirefoxLoad) {
      await drivers.product.close();
      log(`Firefox page-load overhead: ${N.firefoxRounds} rounds × ${FIREFOX_PAGES.length} pages of product / null / none (+1 unmeasured)`);
      const ff = await launchFirefoxAB({ productDir: join(snap, 'firefox'), proxyPort: servers.proxyPort });
      try {
        res.firefoxOverhead = await measureFirefoxOverhead(ff, { rounds: N.firefoxRounds, log });
      } finally {
        for (const d of Object.values(ff)) await d.close().catch(() => {});
      }
    }
    if (doNoise) {
      res.noise = {};
      const corpus = loadCorpus({ short: SHORT });
      log(`noise: ${corpus.length} values, Chromium`);
      await drivers.product.close();
      drivers.product = await launch(join(snap, 'chrome'));
      res.noise.chromium = await runNoise(drivers.product, corpus, { log });
      await drivers.product.close();
      if (browsersForNoise.includes('firefox')) {
        log(`noise: ${corpus.length} values, Firefox`);
        drivers.firefox = await launchFirefox({ extensionDir: join(snap, 'firefox'), proxyPort: servers.proxyPort, lang: 'ja' });
        res.noise.firefox = await runNoise(drivers.firefox, corpus, { log });
      }
    }
    return res;
  } finally {
    for (const d of Object.values(drivers)) await d.close().catch(() => {});
    await servers.close();
  }
}

// ---------------------------------------------------------------- report
const cell = (s, fmt) => [fmt(s.median), fmt(s.p95)];
const PAGE_NAMES = { login: 'login page', job: 'small job page', listing: 'large listing', alert: 'job-alert e-mail page' };
const BROWSER_NAMES = { chromium: 'Chromium', firefox: 'Firefox' };

function rows(res) {
  const out = [];
  const add = (section, figure, median, p95, n, target = null, met = null) => out.push({ section, figure, median, p95, n, target, met });
  /** A figure that is exact (a size, a count): median = p95. */
  const exact = (section, figure, text, n, target = null, met = null) => add(section, figure, text, text, n, target, met);
  const s = res.sizes;
  if (s) {
    exact('size', '`.wasm` raw', fmtBytes(s.wasmRaw), 'exact');
    exact('size', '`.wasm` gzip -9', fmtBytes(s.wasmGzip), 'exact', TARGETS.wasmGzip.text, TARGETS.wasmGzip.ok({ median: s.wasmGzip }));
    exact('size', 'loader `loader.js` raw (every page)', fmtBytes(s.loaderRaw), 'exact');
    exact('size', 'loader `loader.js` gzip -9', fmtBytes(s.loaderGzip), 'exact');
    exact('size', 'loader style sheet `content/alive.css` raw (every page)', fmtBytes(s.cssRaw), 'exact');
    exact('size', 'engine scripts raw', fmtBytes(s.engineRaw), `${s.engineFiles.length} files`);
    exact('size', 'engine scripts gzip -9', fmtBytes(s.engineGzip), `${s.engineFiles.length} files`);
    for (const [k, v] of Object.entries(s.zips)) exact('size', `whole zip (\`dist/login-helper-${k}.zip\`)`, fmtBytes(v), 'exact');
  }
  const b = res.browser;
  if (b?.startup) {
    for (const path of PATHS) {
      for (const ph of PHASES) {
        if (!ph.paths.includes(path.key)) continue;
        const st = summary(b.startup[path.key].phases[ph.id]);
        add('start-up', `${ph.label}, ${path.label}`, ...cell(st, fmtMs), st.n);
      }
    }
    if (b.startup.page.floorMs.length) {
      const st = summary(b.startup.page.floorMs);
      add('start-up', 'diagnostic: `import()` of an empty extension module from the page, after the load (one round trip: the floor of loading the engine by import) (context)', ...cell(st, fmtMs), st.n);
    }
    for (const path of PATHS) {
      exact('start-up', `first load after the browser started: loader → first scan drawn, ${path.label} (context)`, fmtMs(b.startup[path.key].first), 1);
    }
  }
  if (b?.keys) {
    for (const path of PATHS) {
      const st = summary(b.keys[path.key].ms);
      const t = path.key === 'page' ? TARGETS.keysPage : TARGETS.keysBackground;
      add('keystroke', `\`input\` event → warning shown/hidden (\`fullwidth\`), ${path.label}`, ...cell(st, fmtMs), st.n, t.text, t.ok(st));
    }
    for (const path of PATHS) {
      const st = summary(b.keys[path.key].fromEventMs);
      add('keystroke', `same, from the event's \`timeStamp\`, ${path.label} (context)`, ...cell(st, fmtMs), st.n);
    }
  }
  if (b?.overhead) {
    for (const w of LOAD_PAGES) {
      const o = b.overhead[w.key];
      const name = PAGE_NAMES[w.key];
      for (const v of ['none', 'null', 'product']) {
        const st = summary(o.loadMs[v]);
        add('page load', `${name}: load time, ${v === 'none' ? 'no extension' : v === 'null' ? 'null extension' : 'product'}`, ...cell(st, fmtMs), st.n);
      }
      const ratio = summary(o.ratioProductNull);
      const rt = w.key === 'listing' ? TARGETS.ratioListing : w.key === 'login' ? TARGETS.ratioLogin : null;
      add('page load', `${name}: load-time ratio product / null extension (per round)`, ...cell(ratio, fmtRatio), ratio.n, rt?.text ?? '', rt ? rt.ok(ratio) : null);
      const floor = summary(o.ratioNullNone);
      add('page load', `${name}: load-time ratio null extension / none (the browser floor, context)`, ...cell(floor, fmtRatio), floor.n);
      const late = summary(o.markerLateMs);
      const mt = w.key === 'login' ? TARGETS.markerLogin : TARGETS.markerNoLogin;
      add('page load', `${name}: ready marker, product later than null extension (per round)`, ...cell(late, fmtMs), late.n, mt?.text ?? '', mt ? mt.ok(late) : null);
    }
  }
  if (b?.noEngine) {
    for (const w of LOAD_PAGES.filter((x) => !x.login)) {
      const name = PAGE_NAMES[w.key];
      const o = b.overhead?.[w.key];
      const c = b.noEngine.pages[w.key];
      // Every measured load of the product, plus the dedicated loads that wait for the after-load checks.
      const loads = c.loads + (o ? o.loadMs.product.length : 0);
      const fetched = c.engineFetched + (o ? o.engineFetched : 0);
      const started = c.engineStarted + (o ? o.engineStarted : 0);
      exact('correctness', `${name}: loads that fetched an engine file or started the engine`, `${Math.max(fetched, started)} of ${loads}`, `${loads} loads`, '0', fetched === 0 && started === 0);
    }
  }
  if (b?.firefoxOverhead) {
    for (const w of FIREFOX_PAGES) {
      const o = b.firefoxOverhead[w.key];
      const name = `Firefox: ${PAGE_NAMES[w.key]}`;
      for (const v of ['none', 'null', 'product']) {
        const st = summary(o.loadMs[v]);
        add('page load', `${name}: load time, ${v === 'none' ? 'no extension' : v === 'null' ? 'null extension' : 'product'}`, ...cell(st, fmtMs), st.n);
      }
      const ratio = summary(o.ratioProductNull);
      const rt = w.login ? TARGETS.firefoxRatioLogin : TARGETS.firefoxRatioNoLogin;
      add('page load', `${name}: load-time ratio product / null extension (per round)`, ...cell(ratio, fmtRatio), ratio.n, rt.text, rt.ok(ratio));
      add('page load', `${name}: spread of that ratio, min – max (context)`, `${fmtRatio(ratio.min)} – ${fmtRatio(ratio.max)}`, `${fmtRatio(ratio.min)} – ${fmtRatio(ratio.max)}`, ratio.n);
      const floor = summary(o.ratioNullNone);
      add('page load', `${name}: load-time ratio null extension / none (the browser floor, context)`, ...cell(floor, fmtRatio), floor.n);
      const late = summary(o.markerLateMs);
      add('page load', `${name}: ready marker, product later than null extension (per round, context)`, ...cell(late, fmtMs), late.n);
      if (!w.login) {
        exact('correctness', `${name}: loads that started the engine`, `${o.engineStarted} of ${o.loadMs.product.length}`, `${o.loadMs.product.length} loads`, '0', o.engineStarted === 0);
      }
    }
  }
  if (b?.noise) {
    for (const [browser, r] of Object.entries(b.noise)) {
      const B = BROWSER_NAMES[browser];
      exact('noise', `${B}: keystrokes with a non-instant warning visible while typing`, `${r.noisyKeystrokes} of ${r.keystrokes}`, `${r.keystrokes} keys`, '0', r.noisyKeystrokes === 0);
      exact('noise', `${B}: valid values with a warning at rest`, `${r.validWarned} of ${r.valid}`, `${r.valid} values`, '0', r.validWarned === 0);
      exact('noise', `${B}: invalid values caught at rest (expected code shown)`, `${r.invalidCaught} of ${r.invalid}`, `${r.invalid} values`, 'all', r.invalidCaught === r.invalid);
      exact('noise', `${B}: warnings between their field and the submit button`, `${r.shownPlaced} of ${r.shownChecked}`, `${r.shownChecked} shown`, 'all', r.shownPlaced === r.shownChecked);
      exact('noise', `${B}: keystrokes on valid values with any warning visible (context)`, `${r.noisyValidKeystrokes}`, `${r.keystrokes} keys`);
      exact('noise', `${B}: pauses > 1 s inside a value (the slow typists of the corpus; noise after one counts)`, `${r.pauses} (longest gap ${fmtMs(r.maxGapMs)}), ${r.commits} IME commits`, `${r.keystrokes} keys`);
    }
  }
  if (res.native) {
    for (const nb of NATIVE_BENCHES) {
      const r = res.native[nb.id];
      if (!r) continue;
      if (nb.kind === 'rate') {
        // p95 column: the rate at the p95 (slow-end) time per call.
        add('native', `${nb.label} (per second)`, fmtRate(1e9 / r.medianNs), fmtRate(1e9 / r.p95Ns), `${r.samples} samples`);
      } else {
        add('native', `${nb.label} (time)`, fmtMs(r.medianNs / 1e6), fmtMs(r.p95Ns / 1e6), `${r.samples} samples`);
      }
    }
  }
  return out;
}

function table(rs) {
  const lines = ['| | figure | median | p95 | n | target | met | previous run (median / p95) |', '|---|---|---:|---:|---:|---|:---:|---:|'];
  for (const r of rs) {
    const met = r.met === null ? '' : r.met ? 'yes' : '**no**';
    const prev = previousOf(PREVIOUS, r.figure);
    const was = prev ? (prev.median === prev.p95 ? brief(prev.median) : `${brief(prev.median)} / ${brief(prev.p95)}`) : '—';
    lines.push(`| ${r.section} | ${r.figure} | ${r.median} | ${r.p95} | ${r.n} | ${r.target ?? ''} | ${met} | ${was} |`);
  }
  return lines.join('\n');
}

/** The start-up phases side by side (in-page | background), medians and p95 on the critical path. */
function breakdown(res) {
  const st = res.browser?.startup;
  if (!st) return '';
  const lines = ['| phase | from → to (marks) | in-page median | in-page p95 | background median | background p95 |', '|---|---|---:|---:|---:|---:|'];
  for (const ph of PHASES) {
    const col = (key) => {
      if (!ph.paths.includes(key)) return ['', ''];
      const s = summary(st[key].phases[ph.id]);
      return [fmtMs(s.median), fmtMs(s.p95)];
    };
    const from = ph.from === null ? 'navigation start' : [ph.from].flat().map((f) => `\`plh:${f}\``).join(' and ');
    const span = `${from} → \`plh:${ph.to}\``;
    const label = ph.total ? `**${ph.label}**` : ph.label;
    lines.push(`| ${label} | ${span} | ${col('page').join(' | ')} | ${col('background').join(' | ')} |`);
  }
  return lines.join('\n');
}

/** What bounds each missed target, from this run's own figures. */
function autoNotes(res, rs) {
  const notes = [];
  const missed = (frag) => rs.some((r) => r.met === false && r.figure.includes(frag));
  const s = res.sizes;
  const b = res.browser;
  const med = (xs) => summary(xs).median;
  if (s && missed('`.wasm` gzip')) {
    notes.push(`- **wasm size**: ${fmtBytes(s.wasmGzip)} gzipped against 72 kB: the size of the crate as built (opt-level "z", LTO, one codegen unit, the standard library built with it and panic = "immediate-abort", \`wasm-opt -Oz\`).`);
  }
  if (b?.startup && (missed('login page: ready marker') || missed('login page: load-time ratio'))) {
    const ph = b.startup.page.phases;
    const list = (f) => PHASES.filter((p) => p.paths.includes('page') && !p.total && !p.side && p.from !== null && f(p)).map((p) => `${p.label} ${fmtMs(med(ph[p.id]))}`);
    notes.push(`- **login page**: the ready marker waits for the whole first scan, loader → drawn ${fmtMs(med(ph.total))} (medians; on the critical path: ${list((p) => !p.beside).join(', ')}; beside the import: ${list((p) => p.beside).join(', ')}), where the null extension marks the page at once.`);
  }
  if (b?.overhead && missed('large listing: load-time ratio')) {
    notes.push(`- **large listing**: no engine runs there; what the product adds before \`load\` is the loader (one \`querySelector\` of the cue selector over ${fmtBytes(b.listingBytes)} of HTML, the marker) and its style sheet.`);
  }
  if (b?.noise) {
    for (const [browser, r] of Object.entries(b.noise)) {
      if (r.misses.length) notes.push(`- **noise, ${BROWSER_NAMES[browser]}**: ${r.misses.map((m) => `\`${JSON.stringify(m.value)}\` (${m.login} ${m.field}${m.expect ? `, expected ${m.expect}` : ''}): ${m.what}${m.detail ? ` — ${m.detail}` : ''}`).join('; ')}.`);
    }
  }
  return notes;
}

const NOTES_BEGIN = '<!-- notes:begin (kept across runs: write what was tried here) -->';
const NOTES_END = '<!-- notes:end -->';

function keptNotes(file) {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(NOTES_BEGIN);
  const b = text.indexOf(NOTES_END);
  return a >= 0 && b > a ? text.slice(a + NOTES_BEGIN.length, b).trim() : null;
}

function markdown(res, rs, m) {
  const corpus = loadCorpus({ short: SHORT });
  const method = [
    `- **Counts**: ${N.loads} cold loads per path for start-up, ${N.keystrokes} measured keystrokes per path (over ${N.keyPages} page load${N.keyPages > 1 ? 's' : ''}), ${N.rounds} interleaved rounds per page for page-load overhead, ${corpus.length} values (${corpus.filter((v) => !v.expect).length} valid, ${corpus.filter((v) => v.expect).length} invalid) for the noise benchmark in each browser${SHORT ? ' (**short run: counts far too small for real figures; `./build.sh test` only checks that it runs and that the noise targets hold**)' : ''}. Median and p95 are over those repeats (linear interpolation between ranks).`,
    `- **Browsers**: headless Chromium through the e2e harness (\`tests/e2e/harness/chromium.mjs\`: playwright-core, \`--load-extension\` of \`dist/chrome/\`) for every timing; for the noise benchmark also Firefox ESR (\`tests/e2e/harness/firefox.mjs\`: selenium-webdriver, geckodriver, \`dist/firefox/\` as a temporary add-on). A private copy of \`dist/\` is taken at the start. Fixture pages are served as https://www.pasonacareer.jp by \`tests/e2e/harness/server.mjs\` (\`Cache-Control: no-store\`).`,
    `- **Start-up**: every load is a new tab and a new document (the previous tab closed) at a URL with a fresh query string; before each series one unmeasured load per path (the first page after the browser starts also pays for the service worker and the first compile: the "first load" rows). Login fixture \`${LOGIN}\` (the in-page path: the engine starts the wasm in the content script) and \`${CSP_LOGIN}\` (same page with \`script-src 'self'\`, which stops wasm compiling in a Chromium content script: the engine asks the background's core over messaging); each load checks \`data-plh-engine\` names the path. Phases are differences between the \`plh:*\` \`performance.mark\`s the loader and the engine put on the page's own timeline (read from the page with \`performance.getEntriesByType('mark')\`), navigation start = 0: \`loader\` (the loader runs), \`engine\` (\`content/page.js\` and its imports fetched and evaluated, \`start\` called), \`wasm-fetch\` / \`wasm-fetched\` (request sent / response headers), \`wasm-compiled\` (\`compileStreaming\`: the body arrives and compiles), \`wasm-instantiated\`, \`started\` (the core's answer to \`start\`), \`read\` (the page snapshot), \`answered\` (the core's answer to the first scan), \`ready\` (that answer drawn: the ready marker), \`storage\` / \`stored\` (the storage read, beside the scan: the first scan is answered with the defaults).`,
    "- **Keystroke → warning**: a capture `input` listener on `window` (it runs before the extension's own listener on the field) notes `performance.now()`; a `MutationObserver` on the My Page ID's field host (its shadow root) notes the first mutation after which the instant `fullwidth` warning is in the state the new value calls for. From an empty field, \"１\" (`fullwidth` shows) and Backspace (it goes) alternate, real keys (Chromium inserts a full-width character with `Input.insertText`: a trusted `input` event, no keydown), one at a time, each waiting for its effect, so every measured keystroke shows or hides the warning (the run fails otherwise). The time is to the DOM change, before the browser paints it. (The old benchmark toggled the `length` warning, which now waits for the value to be complete.)",
    `- **Page-load overhead**: three Chromium browsers launched once each (the product; the null extension \`tests/e2e/null-extension/\`, same match patterns, \`document_end\`, all frames, one content script that only appends a marker; no extension). Pages: \`${JOB}\` (small job page with a search form, no login), \`${LISTING_PATH}\` (a job listing of ${res.browser?.listingBytes ? fmtBytes(res.browser.listingBytes) : 'about 1.5 MB'}, 3,000 cards, no login, written by \`tests/bench/listing.mjs\` at run time) and \`${LOGIN}\` (login). Each round loads every page once in each browser, the browsers' order cycling through all six permutations. Load time = \`loadEventEnd\` of the navigation entry. The ready marker time is noted in the page by a \`MutationObserver\` installed before any page script (the same in all three browsers): the product's \`data-plh-state="ready"\` (set by the loader at once on a page without login cues, by the first scan's drawing on a login page), the null extension's \`[data-plh-null-ready]\`. Ratios and differences are taken per round, then summarised.`,
    `- **Firefox page-load overhead**: three Firefox ESR instances (headless, \`tests/e2e/harness/firefox.mjs\`): the product's benchmark build \`dist/bench/firefox/\`, the null extension, none; each with the same observer extension (\`tests/bench/observer-extension/\`, \`document_start\`: a \`MutationObserver\` noting when the product's or the null extension's ready marker appears, on the page's clock). Pages: ${FIREFOX_PAGES.map((p) => `\`${p.path}\``).join(', ')}; ${N.firefoxRounds} rounds, each loading every page once in each instance in the same tab at a fresh URL, the instances' order cycling through all six permutations; load time = \`loadEventEnd\`. Firefox instances differ even idle (up to 30 % between two), so each ratio row has a spread row (min – max of the per-round ratios) and the floor (null / none). On the pages without a login the product's loads must leave no \`data-plh-engine\` and no \`plh:engine\` mark (the control: every login-page load shows both).`,
    '- **Correctness (not a timing)**: on the two pages without a login, every measured product load plus dedicated loads that wait 1.5 s after `load` (the loader\'s after-load checks: idle callback, storage read) must fetch no engine file (Chromium\'s request log of the context, pages only: `content/*.js`, `shared/*.js`, `wasm/*`) and leave no `data-plh-engine` on the marker; the same log on the login page must show the engine\'s files (the check can fail).',
    `- **Noise**: \`tests/bench/noise-corpus.json\`, typed into its field of \`${NOISE_PAGE}\` (member e-mail and password, My Page ID with \`maxlength=7\` and password), key by key with the harness's \`type\` (real key events; in Chromium characters without a US key go through \`Input.insertText\`), the field cleared (Ctrl+A, Backspace) before and after each value, at the harness's natural speed. After every keystroke, two task turns later, every field host is read: a code other than the instant ones (${INSTANT.map((c) => `\`${c}\``).join(', ')}) visible is a noisy keystroke (one typed more than a second after the one before, which the contract's pause completes, would not count: the "harness pauses" row). Then Tab leaves the field; at rest a valid value must show no warning (read 400 ms later) and an invalid one its expected code in its own field host (waited for up to 3 s). Every shown warning's host must come after its field and before its form's submit button in document order. A control at the end checks the reading does see a non-instant code mid-value (a pause of 1.5 s completes "12345").`,
    '- **Native**: `cargo bench --bench analysers` (criterion, `benches/analysers.rs`, release profile: opt-level "z" + LTO, as the wasm) on this machine, not in the browser. Median and p95 are over criterion\'s samples of the time per call; the p95 column of a rate is the rate at the p95 (slow) time. The 1 MiB value mixes digits, full-width digits, look-alike letters, spaces, `＠` and a zero-width space.',
    '- **Sizes** are exact (median = p95), of the store build (`dist/chrome/`, the zips); gzip is `gzip -9 -n`; kB = 1000 bytes. Engine scripts: `content/engine.js` (every module of the engine and the wasm-bindgen glue, bundled by esbuild). Every timing is of the benchmark build (`dist/bench/`: the same files with the `plh:*` marks and the timing attributes the store build drops).',
    '- **Previous run**: the figures of the BENCHMARKS.md this run replaced, under the same name, or for the first run after the loader under the old name of the closest figure (old start-up: content script start → first scan; old keystroke: the `length` warning; old page load: the login page).',
  ];
  const auto = autoNotes(res, rs);
  const kept = keptNotes(OUT);
  const bd = breakdown(res);
  return `# Benchmarks

Generated by \`./build.sh bench\` (\`node tests/bench/run.mjs${SHORT ? ' --short' : ''}\`); do not edit the tables by hand.

## Results

${table(rs)}
${bd ? `\n## Start-up breakdown\n\nThe first scan's time, phase by phase (Chromium; ${N.loads} cold loads per path). The phases before \`start\` are the loader's and the module loader's; the storage read runs beside the scan.\n\n${bd}\n` : ''}
## Machine

| | |
|---|---|
| CPU | ${m.cpu}, \`nproc\` = ${m.nproc} |
| memory | ${m.memory} |
| OS | ${m.os} |
| browsers | ${m.chromium} (headless); ${m.firefox} (headless) |
| Node | ${m.node} |
| Rust | ${m.rustc} |
| commit | ${m.commit} |
| date | ${m.date} |
| load average | ${m.load}: other work on the machine shows up as noise |

## Method

${method.join('\n')}

## Notes on missed targets

${auto.length ? auto.join('\n') : 'Every target is met.'}

${NOTES_BEGIN}
${kept ?? '(What was tried for a missed target, and what bounds it, goes here; `run.mjs` keeps this block when it rewrites the file.)'}
${NOTES_END}
`;
}

async function main() {
  for (const d of ['dist/chrome', 'dist/firefox', 'dist/bench/chrome', 'dist/bench/firefox']) {
    if (!existsSync(join(ROOT, d, 'manifest.json'))) throw new Error(`${d}/ is missing: run ./build.sh bench first`);
  }
  log(`benchmark${SHORT ? ' (short)' : ''}: writing ${relative(ROOT, OUT)}; load average ${fmtLoad(LOAD_AT_START)}`);
  // A private copy of the build, so a rebuild of dist/ during the run cannot
  // change what is measured halfway through.
  const snap = mkdtempSync(join(tmpdir(), 'plh-bench-'));
  const res = {};
  try {
    const zips = {};
    // The benchmark build for every timing; the store build for the sizes.
    cpSync(join(ROOT, 'dist/chrome'), join(snap, 'store-chrome'), { recursive: true });
    for (const k of ['chrome', 'firefox']) {
      cpSync(join(ROOT, 'dist/bench', k), join(snap, k), { recursive: true });
      const zip = join(ROOT, `dist/login-helper-${k}.zip`);
      if (existsSync(zip)) cpSync(zip, (zips[k] = join(snap, `${k}.zip`)));
      else zips[k] = null;
    }
    res.sizes = measureSizes(join(snap, 'store-chrome'), zips);
    if (doBrowser) res.browser = await runBrowser(snap);
  } finally {
    rmSync(snap, { recursive: true, force: true });
  }
  if (doNative) {
    log('native analysers (criterion)');
    res.native = await runNative(ROOT, { short: SHORT, log });
  }
  const rs = rows(res);
  const m = machine();
  const doc = markdown(res, rs, m);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, doc);
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  writeFileSync(join(ROOT, SHORT ? 'dist/bench-short.json' : 'dist/bench.json'), JSON.stringify({ machine: m, counts: N, rows: rs, ...res }, null, 1));
  console.log(table(rs));
  const bd = breakdown(res);
  if (bd) console.log(`\nstart-up breakdown:\n${bd}`);
  log(`wrote ${relative(ROOT, OUT)}`);
}

main().catch((err) => {
  console.error(err?.stack || String(err));
  process.exit(1);
});
