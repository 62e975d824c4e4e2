// Golden snapshots: the page snapshot the content script's reader
// (extension/content/read.js) produces in a real browser, for every fixture
// page, must equal the JSON in tests/golden/snapshots/ that the Rust
// detection tests (tests/golden_snapshots.rs) run on. So the reader and the
// core's detection cannot drift apart unnoticed.
// PLH_GOLDEN=write ./build.sh test (or node --test this file) records them anew.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startServers } from './harness/server.mjs';
import { launchChromium } from './harness/chromium.mjs';
import { EXTENSION_DIR, FIXTURES } from './suite.mjs';
import { ORIGIN, PAGES } from './pages.mjs';

const SNAPSHOTS = new URL('../golden/snapshots/', import.meta.url);
// The reader's source, served by the fixture server: the extension ships it
// bundled into its engine, where a page cannot import it alone.
const READER = fileURLToPath(new URL('../../extension/content/read.js', import.meta.url));
const GENERATED = fileURLToPath(new URL('./fixtures/generated/', import.meta.url));
const CASES = fileURLToPath(new URL('../../dist/parity-cases.json', import.meta.url));
export const snapshotName = (path) => `${path.replace(/^\//, '').replace(/\//g, '-').replace(/\.html$/, '')}.json`;

let servers;
let driver;
let limits;
let markers;
before(async () => {
  // The reader's limits and the extension's own elements, as the core hands
  // them out (`{op: "start"}`: the first parity case).
  const start = JSON.parse((await readFile(CASES, 'utf8')).split('\n')[0]);
  ({ limits, markers } = start.response.ok);
  await mkdir(GENERATED, { recursive: true });
  await copyFile(READER, `${GENERATED}read.js`);
  servers = await startServers({ root: FIXTURES });
  driver = await launchChromium({ extensionDir: EXTENSION_DIR, httpsPort: servers.httpsPort });
});
after(async () => {
  await driver?.close();
  await servers?.close();
});

// The strict-CSP twins have the same DOM, and their CSP forbids loading the reader into the page.
for (const page of PAGES.filter((p) => !p.strictCsp)) {
  test(`golden snapshot of ${page.path}`, async () => {
    const reader = `${ORIGIN}/generated/read.js`;
    await driver.goto(ORIGIN + page.path);
    await driver.waitFor((k) => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-kinds') === k, { timeout: 8000 }, page.kinds.join(' '));
    const snapshot = await driver.evaluate(
      async (url, l, m) => {
        // The reader, loaded into the page as it is written (it reads only the DOM).
        const { reader: make } = await import(url);
        return make(l, m).read().page;
      },
      reader,
      limits,
      markers,
    );
    const file = new URL(snapshotName(page.path), SNAPSHOTS);
    const text = `${JSON.stringify(snapshot, null, 2)}\n`;
    if (process.env.PLH_GOLDEN === 'write') await writeFile(file, text);
    const golden = await readFile(file, 'utf8').catch(() => null);
    assert.ok(golden, `no golden snapshot for ${page.path}: record it with PLH_GOLDEN=write`);
    assert.deepEqual(JSON.parse(text), JSON.parse(golden), `the reader's snapshot of ${page.path} changed: check tests/golden_snapshots.rs, then PLH_GOLDEN=write`);
  });
}
