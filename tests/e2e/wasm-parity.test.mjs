// The built wasm, in a real browser, answers exactly as the native core
// does: every parity case (`examples/parity_cases.rs`: whole page sessions,
// the popup, the options page, malformed requests) through the paths real
// callers use, the core started in an extension page and the background
// reached over the extension's messaging. (The extension ships shared/core.js
// only bundled into each context's script; for the extension page it is
// bundled alone, with the build's own options, into a copy of the built
// extension.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { options } from '../../tools/bundle.mjs';
import { fileURLToPath } from 'node:url';
import { startServers } from './harness/server.mjs';
import { launchChromium } from './harness/chromium.mjs';
import { EXTENSION_DIR } from './suite.mjs';

const CASES = fileURLToPath(new URL('../../dist/parity-cases.json', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

let servers;
let driver;
let cases;
let dir;
before(async () => {
  cases = (await readFile(CASES, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  dir = await mkdtemp(join(tmpdir(), 'plh-parity-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  await build({ ...options('store'), entryPoints: ['extension/shared/core.js'], outfile: join(dir, 'parity/core.js') });
  servers = await startServers({ root: FIXTURES });
  driver = await launchChromium({ extensionDir: dir, httpsPort: servers.httpsPort });
  await driver.openTab(await driver.extensionUrl('options.html'));
});
after(async () => {
  await driver?.close();
  await servers?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the core started in an extension page gives the native answers', async () => {
  assert.ok(cases.length >= 150, `enough cases (${cases.length})`);
  const answers = await driver.evaluate(async (requests) => {
    const { startCore } = await import('/parity/core.js');
    const core = await startCore();
    return requests.map((r) => core.call(r));
  }, cases.map((c) => c.request));
  assert.equal(answers.length, cases.length);
  cases.forEach((c, i) => assert.deepEqual(answers[i], c.response, `case ${i}: ${JSON.stringify(c.request).slice(0, 160)}`));
});

test('the background answers the same over the extension messaging', async () => {
  const answers = await driver.evaluate(async (requests) => {
    const out = [];
    for (const request of requests) out.push(await chrome.runtime.sendMessage({ type: 'core', request }));
    return out;
  }, cases.map((c) => c.request));
  cases.forEach((c, i) => assert.deepEqual(answers[i], c.response, `case ${i}: ${JSON.stringify(c.request).slice(0, 160)}`));
});

test('a malformed request is refused with a reason that never echoes its content', async () => {
  const answer = await driver.evaluate(async () => {
    const { startCore } = await import('/parity/core.js');
    const core = await startCore();
    return core.call({ op: 'page', env: { nowMs: 1 }, event: { type: 'field', login: 0, field: 'secret-hunter2', value: 'hunter2' } });
  });
  assert.match(answer.error, /^plh: event\.field/);
  assert.doesNotMatch(answer.error, /hunter2/);
});
