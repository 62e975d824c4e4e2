// The benchmark runs: `node tests/bench/run.mjs --short` (tiny counts, Chromium
// and criterion's quick mode) exits 0 and writes a table with every row. No
// timing is asserted here: figures come from a full run (BENCHMARKS.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'dist/bench-short.md');

const ROWS = [
  '`.wasm` raw',
  '`.wasm` gzip -9',
  'glue `wasm/plh.js` raw',
  'glue `wasm/plh.js` gzip -9',
  'content scripts (',
  'whole zip',
  'first scan done, in-page wasm',
  'first scan done, background fallback',
  'warning shown/hidden, in-page wasm',
  'warning shown/hidden, background fallback',
  'ratio product / null extension',
  'product later than null extension',
  'check: My Page ID',
  'check: e-mail',
  'check: password',
  'detect: My Page login page snapshot',
  'check 1 MiB: My Page ID field',
  'check 1 MiB: e-mail field',
  'check 1 MiB: password field',
];

test('the short benchmark runs and writes every row', { timeout: 15 * 60 * 1000 }, async () => {
  assert.ok(existsSync(join(ROOT, 'dist/extension/manifest.json')), 'build first: dist/extension/ is missing');
  rmSync(OUT, { force: true });
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
  for (const heading of ['## Results', '## Machine', '## Method']) assert.ok(doc.includes(heading), `missing ${heading}`);
  const tableRows = doc.split('\n').filter((l) => l.startsWith('| '));
  for (const row of ROWS) {
    const line = tableRows.find((l) => l.includes(row));
    assert.ok(line, `no table row for "${row}"`);
    const cells = line.split('|').map((c) => c.trim());
    // | section | figure | median | p95 | n | target | met |
    assert.ok(cells[3] && cells[3] !== 'n/a', `row "${row}" has no median: ${line}`);
    assert.ok(cells[4] && cells[4] !== 'n/a', `row "${row}" has no p95: ${line}`);
  }
  assert.ok(stdout.includes('| figure | median | p95 |'), 'the table was not printed');
});
