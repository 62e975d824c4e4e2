// The benchmark runs: `node tests/bench/run.mjs --short` (tiny counts, Chromium
// and Firefox, criterion's quick mode) exits 0 and writes a table with every
// row (the Firefox page-load A/B included). No timing is asserted here
// (figures come from a full run: BENCHMARKS.md), but what is correctness,
// not speed, is: pages without a login (e-mail and search fields included)
// fetch no engine file in Chromium and start no engine in Firefox, and the
// short noise benchmark's targets hold in both browsers (no judged warning while typing, none at rest on a valid
// value, every invalid value caught, every warning between its field and the
// submit button).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'dist/bench-short.md');
const JSON_OUT = join(ROOT, 'dist/bench-short.json');

const ROWS = [
  '`.wasm` raw',
  '`.wasm` gzip -9',
  'loader `loader.js` raw',
  'loader `loader.js` gzip -9',
  'engine scripts raw',
  'engine scripts gzip -9',
  'whole zip (`dist/login-helper-chrome.zip`)',
  'whole zip (`dist/login-helper-firefox.zip`)',
  // Start-up, phase by phase.
  'injection: navigation start → loader runs, in-page',
  'engine import and evaluation (loader → `start`), in-page',
  'wasm fetch (request → response), in-page',
  'wasm compile (streaming, body included), in-page',
  'wasm instantiate (once compiled and `start` called), in-page',
  'first core call answered (`start`), in-page',
  'page snapshot read, in-page',
  'detect: scan request answered, in-page',
  'rendering: first answer drawn, in-page',
  'storage read (beside the first scan), in-page',
  'total: loader → first scan drawn, in-page',
  'first core call answered (`start`, over messaging), background',
  'total: loader → first scan drawn, background',
  // Keystrokes.
  'warning shown/hidden (`fullwidth`), in-page',
  'warning shown/hidden (`fullwidth`), background',
  // Page load.
  'small job page: load-time ratio product / null extension',
  'large listing: load-time ratio product / null extension',
  'login page: load-time ratio product / null extension',
  'login page: ready marker, product later than null extension',
  'job-alert e-mail page: load-time ratio product / null extension',
  'job-alert e-mail page: ready marker, product later than null extension',
  'Firefox: login page: load-time ratio product / null extension',
  'Firefox: login page: spread of that ratio',
  'Firefox: small job page: load-time ratio product / null extension',
  'Firefox: job-alert e-mail page: load-time ratio product / null extension',
  'Firefox: small job page: loads that started the engine',
  'Firefox: job-alert e-mail page: loads that started the engine',
  // Correctness and noise.
  'small job page: loads that fetched an engine file',
  'large listing: loads that fetched an engine file',
  'job-alert e-mail page: loads that fetched an engine file',
  'Chromium: keystrokes with a non-instant warning visible while typing',
  'Chromium: valid values with a warning at rest',
  'Chromium: invalid values caught at rest',
  'Chromium: warnings between their field and the submit button',
  'Firefox: keystrokes with a non-instant warning visible while typing',
  'Firefox: valid values with a warning at rest',
  'Firefox: invalid values caught at rest',
  'Firefox: warnings between their field and the submit button',
  // Native.
  'check: My Page ID',
  'check: e-mail',
  'check: password',
  'detect: My Page login page snapshot',
  'check 1 MiB: My Page ID field',
  'check 1 MiB: e-mail field',
  'check 1 MiB: password field',
];

test('the short benchmark runs, writes every row, and its correctness targets hold', { timeout: 20 * 60 * 1000 }, async () => {
  for (const d of ['dist/chrome', 'dist/firefox', 'dist/bench/chrome', 'dist/bench/firefox']) assert.ok(existsSync(join(ROOT, d, 'manifest.json')), `build first: ${d}/ is missing`);
  rmSync(OUT, { force: true });
  rmSync(JSON_OUT, { force: true });
  const { code, stdout, stderr } = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['tests/bench/run.mjs', '--short'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  assert.equal(code, 0, `run.mjs --short exited ${code}:\n${stderr.slice(-4000)}`);
  assert.ok(existsSync(OUT), 'dist/bench-short.md was not written');
  const doc = readFileSync(OUT, 'utf8');
  for (const heading of ['## Results', '## Start-up breakdown', '## Machine', '## Method']) assert.ok(doc.includes(heading), `missing ${heading}`);
  const tableRows = doc.split('\n').filter((l) => l.startsWith('| '));
  for (const row of ROWS) {
    const line = tableRows.find((l) => l.includes(row));
    assert.ok(line, `no table row for "${row}"`);
    const cells = line.split('|').map((c) => c.trim());
    // | section | figure | median | p95 | n | target | met | previous |
    assert.ok(cells[3] && cells[3] !== 'n/a', `row "${row}" has no median: ${line}`);
    assert.ok(cells[4] && cells[4] !== 'n/a', `row "${row}" has no p95: ${line}`);
  }
  assert.ok(stdout.includes('| figure | median | p95 |') && stdout.includes('previous run'), 'the table (with the previous run) was not printed');

  // Correctness, not timing.
  const res = JSON.parse(readFileSync(JSON_OUT, 'utf8'));
  const b = res.browser;
  for (const [page, r] of Object.entries(b.noEngine.pages)) {
    assert.equal(r.engineFetched, 0, `${page}: an engine file was fetched on a page without a login (${r.files.join(', ')})`);
    assert.equal(r.engineStarted, 0, `${page}: the engine started on a page without a login`);
    assert.equal(b.overhead[page].engineFetched, 0, `${page}: an engine file was fetched during the page-load rounds`);
    assert.equal(b.overhead[page].engineStarted, 0, `${page}: the engine started during the page-load rounds`);
  }
  assert.deepEqual(Object.keys(b.firefoxOverhead).sort(), ['alert', 'job', 'login'], 'the Firefox A/B ran');
  for (const [page, r] of Object.entries(b.firefoxOverhead)) {
    if (page !== 'login') assert.equal(r.engineStarted, 0, `Firefox, ${page}: the engine started on a page without a login`);
  }
  assert.ok(b.noEngine.pages.alert, 'a page with an e-mail field is among the pages without a login');
  assert.deepEqual(Object.keys(b.noise).sort(), ['chromium', 'firefox']);
  for (const [browser, r] of Object.entries(b.noise)) {
    const misses = JSON.stringify(r.misses, null, 1);
    assert.ok(r.valid > 0 && r.invalid > 0 && r.keystrokes > 0, `${browser}: nothing was typed`);
    assert.equal(r.mistyped, 0, `${browser}: the harness mistyped: ${misses}`);
    assert.equal(r.controlSeen, true, `${browser}: the control saw no non-instant code once the field was left: the reading cannot see noise`);
    assert.equal(r.noisyKeystrokes, 0, `${browser}: keystrokes with a non-instant warning while typing: ${misses}`);
    assert.equal(r.validWarned, 0, `${browser}: valid values with a warning at rest: ${misses}`);
    assert.equal(r.invalidCaught, r.invalid, `${browser}: invalid values not caught at rest: ${misses}`);
    assert.equal(r.shownPlaced, r.shownChecked, `${browser}: warnings outside field → submit button: ${misses}`);
    assert.ok(r.shownChecked > 0, `${browser}: no warning was shown at all`);
  }
});
