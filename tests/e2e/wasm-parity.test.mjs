// The built wasm, running in a real browser (the extension's background
// service worker in Chromium), answers exactly as the native core does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startServers } from './harness/server.mjs';
import { launchChromium } from './harness/chromium.mjs';
import { EXTENSION_DIR } from './suite.mjs';

const CASES = fileURLToPath(new URL('../../dist/parity-cases.json', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

let servers;
let driver;
before(async () => {
  servers = await startServers({ root: FIXTURES });
  driver = await launchChromium({ extensionDir: EXTENSION_DIR, httpsPort: servers.httpsPort });
});
after(async () => {
  await driver?.close();
  await servers?.close();
});

test('wasm in the browser gives the native answers for every parity case', async () => {
  const cases = JSON.parse(await readFile(CASES, 'utf8'));
  assert.ok(cases.length >= 50, `enough cases (${cases.length})`);
  const worker = await driver.serviceWorker();
  const answers = await worker.evaluate(async (requests) => {
    await start();
    return requests.map((r) => wasm_bindgen.handle(r));
  }, cases.map((c) => c.request));
  assert.equal(answers.length, cases.length);
  cases.forEach((c, i) => assert.deepEqual(answers[i], c.response, `case ${i}: ${JSON.stringify(c.request).slice(0, 120)}`));
});

test('a malformed request is refused without echoing its content', async () => {
  const worker = await driver.serviceWorker();
  const message = await worker.evaluate(async () => {
    await start();
    try {
      wasm_bindgen.handle({ op: 'check', input: { kind: 'my-page', field: 'password', value: 42, secret: 'hunter2' } });
      return 'accepted';
    } catch (e) {
      return String(e);
    }
  });
  assert.match(message, /malformed/);
  assert.doesNotMatch(message, /hunter2|42/);
});
