#!/usr/bin/env node
// The benchmark (`./build.sh bench`): sizes, start-up, keystroke → warning,
// page-load overhead against a null extension, native analyser throughput.
// Prints one markdown table (median and p95 of each figure) and writes it, with
// the machine and the method, to BENCHMARKS.md.
//
//   node tests/bench/run.mjs            full run → BENCHMARKS.md (several minutes)
//   node tests/bench/run.mjs --short    tiny counts → dist/bench-short.md (CI: keeps the bench working)
//   options: --out FILE, --loads N, --keystrokes N, --rounds N, --no-native, --no-browser
//   (PLH_BENCH_SHORT=1 is the same as --short)
//
// Needs a built dist/extension/ (`./build.sh bench` builds first).
import { existsSync, readFileSync, writeFileSync, mkdirSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, release, tmpdir, loadavg } from 'node:os';
import { dirname, join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startServers } from '../e2e/harness/server.mjs';
import { launchChromium, CHROMIUM_PATH } from '../e2e/harness/chromium.mjs';
import { PATHS, FIXTURE, CSP_FIXTURE, measureStartup, measureKeystrokes, measureOverhead } from './browser.mjs';
import { measureSizes, runNative, NATIVE_BENCHES } from './native.mjs';
import { summary, fmtMs, fmtBytes, fmtRatio, fmtRate } from './stats.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opts } = parseArgs({
  options: {
    short: { type: 'boolean', default: ['1', 'true', 'yes'].includes(process.env.PLH_BENCH_SHORT ?? '') },
    out: { type: 'string' },
    loads: { type: 'string' },
    keystrokes: { type: 'string' },
    rounds: { type: 'string' },
    'no-native': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
  },
});
const SHORT = opts.short;
const count = (v, full, short) => (v !== undefined ? Math.max(1, parseInt(v, 10)) : SHORT ? short : full);
const N = {
  loads: count(opts.loads, 30, 3),
  keystrokes: count(opts.keystrokes, 200, 20),
  keyPages: SHORT ? 1 : 5,
  rounds: count(opts.rounds, 30, 3),
};
const OUT = resolve(ROOT, opts.out ?? (SHORT ? 'dist/bench-short.md' : 'BENCHMARKS.md'));
const doNative = !opts['no-native'];
const doBrowser = !opts['no-browser'];

const log = (...a) => console.error(...a);

// ---------------------------------------------------------------- targets
const TARGETS = {
  wasmGzip: { text: '≤ 40 kB', ok: (s) => s.median <= 40_000 },
  scan: { text: '≤ 30 ms (median)', ok: (s) => s.median <= 30 },
  keysPage: { text: '≤ 16 ms (p95)', ok: (s) => s.p95 <= 16 },
  keysBackground: { text: '≤ 50 ms (p95)', ok: (s) => s.p95 <= 50 },
  ratio: { text: '≤ 1.05 (median)', ok: (s) => s.median <= 1.05 },
  markerLate: { text: '≤ 30 ms (median)', ok: (s) => s.median <= 30 },
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
  const dirty = sh('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no']);
  return {
    nproc: sh('nproc', []) ?? String(cpus().length),
    cpu,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${sh('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"']) ?? 'Linux'}, kernel ${release()}`,
    chromium: sh(CHROMIUM_PATH, ['--version']) ?? CHROMIUM_PATH,
    node: process.version,
    rustc: sh('rustc', ['--version']) ?? 'unknown',
    commit: head ? `${head}${dirty ? ' (with uncommitted changes)' : ''}` : 'unknown',
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    load: `${fmtLoad(LOAD_AT_START)} at start, ${fmtLoad(loadavg())} at end (1 / 5 / 15 min)`,
  };
}

// ---------------------------------------------------------------- run
async function runBrowser(ext) {
  const nullExt = join(ROOT, 'tests/e2e/null-extension');
  const servers = await startServers({ root: join(ROOT, 'tests/e2e/fixtures') });
  const drivers = {};
  try {
    const launch = (extensionDir) => launchChromium({ extensionDir, httpsPort: servers.httpsPort, lang: 'ja' });
    drivers.product = await launch(ext);
    log(`start-up: ${N.loads} cold loads per path (+1 unmeasured each)`);
    const startup = await measureStartup(drivers.product, { loads: N.loads, log });
    const keys = {};
    for (const path of PATHS) {
      log(`keystroke → warning (${path.label}): ${N.keystrokes} keystrokes`);
      keys[path.key] = await measureKeystrokes(drivers.product, path, { keystrokes: N.keystrokes, pages: N.keyPages, log });
    }
    drivers.null = await launch(nullExt);
    drivers.none = await launch(null);
    log(`page-load overhead: ${N.rounds} rounds of product / null / none (+1 unmeasured)`);
    const overhead = await measureOverhead(drivers, { rounds: N.rounds, log });
    const pageErrors = drivers.product.consoleMessages.filter((m) => m.type === 'pageerror');
    if (pageErrors.length) log(`warning: page errors in the product browser:\n${pageErrors.map((m) => m.text).join('\n')}`);
    return { startup, keys, overhead };
  } finally {
    for (const d of Object.values(drivers)) await d.close().catch(() => {});
    await servers.close();
  }
}

// ---------------------------------------------------------------- report
const cell = (s, fmt) => [fmt(s.median), fmt(s.p95)];

function rows(res) {
  const out = [];
  const add = (section, figure, median, p95, n, target = null, met = null) =>
    out.push({ section, figure, median, p95, n, target, met });
  const s = res.sizes;
  if (s) {
    const exact = (section, figure, v, target) => add(section, figure, fmtBytes(v), fmtBytes(v), 'exact', target?.text ?? '', target ? target.ok({ median: v, p95: v }) : null);
    exact('size', '`.wasm` raw', s.wasmRaw);
    exact('size', '`.wasm` gzip -9', s.wasmGzip, TARGETS.wasmGzip);
    exact('size', 'glue `wasm/plh.js` raw', s.glueRaw);
    exact('size', 'glue `wasm/plh.js` gzip -9', s.glueGzip);
    exact('size', `content scripts (${s.contentFiles.length} files) raw`, s.contentRaw);
    exact('size', `content scripts (${s.contentFiles.length} files) gzip -9`, s.contentGzip);
    exact('size', 'whole zip (`dist/login-helper-chrome.zip`)', s.zip);
  }
  const b = res.browser;
  if (b) {
    for (const path of PATHS) {
      const st = summary(b.startup[path.key].scanMs);
      add('start-up', `content script start → first scan done, ${path.label}`, ...cell(st, fmtMs), st.n, TARGETS.scan.text, TARGETS.scan.ok(st));
    }
    for (const path of PATHS) {
      const st = summary(b.startup[path.key].startMs);
      add('start-up', `navigation start → content script start, ${path.label} (context)`, ...cell(st, fmtMs), st.n);
    }
    const diag = b.startup.page;
    if (diag.fetchMs.length) {
      const f = summary(diag.fetchMs);
      const c = summary(diag.compileMs);
      add('start-up', 'diagnostic: `fetch()` of the extension\'s `.wasm` from the page (context)', ...cell(f, fmtMs), f.n);
      add('start-up', 'diagnostic: `WebAssembly.compile` of it in the page (context)', ...cell(c, fmtMs), c.n);
    }
    for (const path of PATHS) {
      const st = summary(b.keys[path.key].ms);
      const t = path.key === 'page' ? TARGETS.keysPage : TARGETS.keysBackground;
      add('keystroke', `\`input\` event → warning shown/hidden, ${path.label}`, ...cell(st, fmtMs), st.n, t.text, t.ok(st));
    }
    for (const path of PATHS) {
      const st = summary(b.keys[path.key].fromEventMs);
      add('keystroke', `same, from the event's \`timeStamp\`, ${path.label} (context)`, ...cell(st, fmtMs), st.n);
    }
    const o = b.overhead;
    for (const v of ['none', 'null', 'product']) {
      const st = summary(o.loadMs[v]);
      add('page load', `load time (navigation start → \`loadEventEnd\`), ${v === 'none' ? 'no extension' : v === 'null' ? 'null extension' : 'product'}`, ...cell(st, fmtMs), st.n);
    }
    const ratio = summary(o.ratioProductNull);
    add('page load', 'load-time ratio product / null extension (per round)', ...cell(ratio, fmtRatio), ratio.n, TARGETS.ratio.text, TARGETS.ratio.ok(ratio));
    const floor = summary(o.ratioNullNone);
    add('page load', 'load-time ratio null extension / none (the browser floor, context)', ...cell(floor, fmtRatio), floor.n);
    for (const v of ['null', 'product']) {
      const st = summary(o.markerMs[v]);
      add('page load', `ready marker appears (navigation start →), ${v === 'null' ? 'null extension' : 'product'}`, ...cell(st, fmtMs), st.n);
    }
    const late = summary(o.markerLateMs);
    add('page load', 'ready marker: product later than null extension (per round)', ...cell(late, fmtMs), late.n, TARGETS.markerLate.text, TARGETS.markerLate.ok(late));
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
  const lines = ['| | figure | median | p95 | n | target | met |', '|---|---|---:|---:|---:|---|:---:|'];
  for (const r of rs) {
    const met = r.met === null ? '' : r.met ? 'yes' : '**no**';
    lines.push(`| ${r.section} | ${r.figure} | ${r.median} | ${r.p95} | ${r.n} | ${r.target ?? ''} | ${met} |`);
  }
  return lines.join('\n');
}

/** What each missed target is bounded by, from this run's own figures. */
function autoNotes(res, rs) {
  const notes = [];
  const missed = (frag) => rs.some((r) => r.met === false && r.figure.includes(frag));
  const s = res.sizes;
  if (s && missed('`.wasm` gzip')) {
    notes.push(`- **wasm size**: ${fmtBytes(s.wasmGzip)} gzipped against 40 kB. The size is the crate itself (the build already uses opt-level "z", LTO, one codegen unit, panic=abort, \`wasm-opt -Oz\`, no debug info); a size profiler (e.g. \`twiggy top\` on the wasm before \`wasm-opt\`, with names) shows what takes the bytes.`);
  }
  const b = res.browser;
  if (b) {
    for (const path of PATHS) {
      if (missed(`first scan done, ${path.label}`)) {
        const first = b.startup[path.key].first;
        const d = b.startup.page;
        const why =
          path.key === 'page'
            ? `the wasm to be fetched from the extension and compiled/instantiated in the content script (\`wasm_bindgen({ module_or_path })\`; from the page a \`fetch()\` of it takes ${fmtMs(summary(d.fetchMs).median)} and \`WebAssembly.compile\` ${fmtMs(summary(d.compileMs).median)}, medians) and for the page to be read and drawn`
            : 'the in-page engine to fail first (an 8-byte probe module is refused by the CSP) and then a `chrome.runtime.sendMessage` round trip to the service worker for the detection';
        notes.push(`- **first scan, ${path.label}**: the scan waits for ${why}. First load after the browser started (not in the figures): ${fmtMs(first)}.`);
      }
    }
    if (rs.some((r) => r.section === 'keystroke' && r.met === false && r.figure.includes('in-page'))) {
      notes.push('- **keystroke, in-page**: one `handle()` call on a short value is microseconds natively (see the native rows); the rest is the serde-wasm-bindgen conversion and the DOM update in the shadow root.');
    }
    if (rs.some((r) => r.section === 'keystroke' && r.met === false && r.figure.includes('background'))) {
      notes.push('- **keystroke, background**: each check is a `chrome.runtime.sendMessage` round trip to the service worker (structured clone both ways, two process hops).');
    }
    if (missed('ratio product / null')) {
      notes.push(`- **load-time ratio**: Chromium runs \`document_end\` content scripts after \`DOMContentLoaded\` and before the \`load\` event, so what the product's scripts do synchronously when injected (evaluating the glue and ${s ? s.contentFiles.length : 'the'} scripts, ${s ? fmtBytes(s.glueRaw + s.contentRaw) : ''} of JavaScript, and starting the wasm fetch) is added to the page's load time; the null extension injects one line.`);
    }
    if (missed('later than null')) {
      notes.push('- **ready marker**: the product marks ready only after the first scan (wasm instantiated, page read, detection answered), the null extension at once; the difference is about the start-up figure above.');
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
  const method = [
    `- **Counts**: ${N.loads} cold loads per path for start-up, ${N.keystrokes} measured keystrokes per path (over ${N.keyPages} page load${N.keyPages > 1 ? 's' : ''}), ${N.rounds} interleaved rounds for page-load overhead${SHORT ? ' (**short run: counts far too small for real figures; CI only checks that it runs**)' : ''}. Median and p95 are over those repeats (linear interpolation between ranks).`,
    `- **Browser**: headless Chromium through the e2e harness (\`tests/e2e/harness/chromium.mjs\`: playwright-core, \`--load-extension\`), the built \`dist/extension/\`; fixture pages served as https://www.pasonacareer.jp by \`tests/e2e/harness/server.mjs\` (\`Cache-Control: no-store\`). Login fixture \`${FIXTURE}\` (in-page wasm path) and \`${CSP_FIXTURE}\` (same page with \`script-src 'self'\`, which stops wasm compiling in the content script: background path). Each figure checks \`data-plh-engine\` says which path answered.`,
    '- **Cold load**: every load is a new tab and a new document (the previous tab closed) at a URL with a fresh query string. Before each series one unmeasured load per browser/path warms the browser up (the first page after the browser starts also pays for the extension\'s service worker and first wasm compile; that first figure is in the notes when the start-up target is missed).',
    '- **Start-up**: `data-plh-ready-ms − data-plh-start-ms` on the page marker, both `performance.now()` in the page: from the first extension script running (`content/engine.js`, right after the glue) to the first scan\'s markers being drawn.',
    "- **Keystroke → warning**: a capture `input` listener on `window` (it runs before the extension's own listener on the field) notes `performance.now()`; a `MutationObserver` on the form marker's shadow root notes the first mutation after which the `length` warning for the ID is in the state the new value calls for. In the My Page ID field, \"123456\" is typed first (unmeasured, 6 digits: warning shown), then \"7\" and Backspace alternate, real key events (`page.keyboard.press`), one key at a time, each waiting for its effect, so every measured keystroke shows or hides the warning (the run fails otherwise). The time is to the DOM change, before the browser paints it.",
    '- **Page-load overhead**: three browsers launched once each (product, null extension `tests/e2e/null-extension/` with the same match pattern and one content script that only appends a marker, no extension), the same fixture loaded once in each per round, the order cycling through all six permutations. Load time = `loadEventEnd` of the navigation entry (from navigation start). The ready marker time is noted in the page by a `MutationObserver` installed before any page script (the same in all three browsers): the product\'s `data-plh-state="ready"`, the null extension\'s `[data-plh-null-ready]`. Ratios and differences are taken per round, then summarised.',
    '- **Native**: `cargo bench --bench analysers` (criterion, `benches/analysers.rs`, release profile: opt-level "z" + LTO, as the wasm) on this machine, not in the browser. Median and p95 are over criterion\'s samples of the time per call; the p95 column of a rate is the rate at the p95 (slow) time. The 1 MiB value mixes digits, full-width digits, look-alike letters, spaces, `＠` and a zero-width space.',
    '- **Sizes** are exact (median = p95); gzip is `gzip -9 -n`; kB = 1000 bytes.',
  ];
  const auto = autoNotes(res, rs);
  const kept = keptNotes(OUT);
  return `# Benchmarks

Generated by \`./build.sh bench\` (\`node tests/bench/run.mjs${SHORT ? ' --short' : ''}\`); do not edit the table by hand.

## Results

${table(rs)}

## Machine

| | |
|---|---|
| CPU | ${m.cpu}, \`nproc\` = ${m.nproc} |
| memory | ${m.memory} |
| OS | ${m.os} |
| browser | ${m.chromium} (headless) |
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
  if (!existsSync(join(ROOT, 'dist/extension/manifest.json'))) {
    throw new Error('dist/extension/ is missing: run ./build.sh (or ./build.sh bench) first');
  }
  log(`benchmark${SHORT ? ' (short)' : ''}: writing ${relative(ROOT, OUT)}`);
  // A private copy of the build, so a rebuild of dist/ during the run cannot
  // change what is measured halfway through.
  const snap = mkdtempSync(join(tmpdir(), 'plh-bench-'));
  const res = {};
  try {
    const ext = join(snap, 'extension');
    cpSync(join(ROOT, 'dist/extension'), ext, { recursive: true });
    const zip = join(ROOT, 'dist/login-helper-chrome.zip');
    if (existsSync(zip)) cpSync(zip, join(snap, 'extension.zip'));
    res.sizes = measureSizes(ext, existsSync(zip) ? join(snap, 'extension.zip') : null);
    if (doBrowser) res.browser = await runBrowser(ext);
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
  writeFileSync(join(ROOT, SHORT ? 'dist/bench-short.json' : 'dist/bench.json'), JSON.stringify({ machine: m, counts: N, ...res }, null, 1));
  console.log(table(rs));
  log(`wrote ${relative(ROOT, OUT)}`);
}

main().catch((err) => {
  console.error(err?.stack || String(err));
  process.exit(1);
});
