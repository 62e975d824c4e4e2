// The built wasm, in a real browser, answers exactly as the native core
// does: every parity case (`examples/parity_cases.rs`: whole page sessions,
// the popup, the options page, malformed requests, a fifth of them again)
// through the paths real callers use, the core started in an extension page
// and the background reached over the extension's messaging. Each path
// twice: in the native order on one instance, and shuffled (a seeded order,
// printed; PLH_PARITY_SEED=n replays one) with each request on a fresh
// instance — a core that kept state between requests passes the first and
// fails the second (tests/e2e/parity-replay.mjs; proved below on a fake core
// that keeps some). In the background, a fresh instance is the one the core
// starts after a trap (`{op: "trap"}`, shared/core.js). (The extension ships
// shared/core.js only bundled into each context's script; for the extension
// page it is bundled alone, with the build's own options, into a copy of the
// built extension, beside parity-replay.mjs.)
import { after, before, describe, test } from 'node:test';
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
import { mismatches, replay, shuffled, unstable } from './parity-replay.mjs';

const CASES = fileURLToPath(new URL('../../dist/parity-cases.json', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const REPLAY = fileURLToPath(new URL('./parity-replay.mjs', import.meta.url));
const SEED = process.env.PLH_PARITY_SEED ? Number(process.env.PLH_PARITY_SEED) : Math.floor(Math.random() * 2 ** 32);

describe('the parity check itself', () => {
  test('the shuffle is a seeded permutation', () => {
    const order = shuffled(200, 42);
    assert.deepEqual([...order].sort((a, b) => a - b), [...Array(200).keys()]);
    assert.deepEqual(shuffled(200, 42), order, 'the same seed, the same order');
    assert.notDeepEqual(shuffled(200, 43), order, 'another seed, another order');
    assert.ok(order.filter((v, i) => v === i).length < 10, 'hardly anything left in place');
  });

  // A fake core: doubles a number; `kept` makes it remember how many requests
  // it answered and let that leak into its answers after the fifth.
  const fake = (kept) => async () => {
    let answered = 0;
    return { call: (r) => ({ ok: kept && ++answered > 5 ? r.n * 2 + 1 : r.n * 2 }) };
  };
  const requests = [...Array(40).keys()].map((n) => ({ n }));
  // "Native" cases as the example makes them: in order, by one instance.
  const casesOf = async (start) => (await replay(start, requests)).map((response, i) => ({ request: requests[i], response }));

  test('an altered answer is a mismatch, named by its case', async () => {
    const cases = await casesOf(fake(false));
    const answers = await replay(fake(false), requests, { order: shuffled(requests.length, 7), fresh: true });
    assert.deepEqual(mismatches(cases, answers), []);
    answers[12] = { ok: 0 };
    assert.deepEqual(mismatches(cases, answers), ['case 12: {"n":12}']);
    assert.deepEqual(mismatches(cases, answers.slice(1)).length, 41, 'missing answers too');
  });

  test('a core that keeps state passes in order on one instance, and fails shuffled on fresh instances', async () => {
    const cases = await casesOf(fake(true));
    assert.deepEqual(mismatches(cases, await replay(fake(true), requests)), [], 'the old check: passes');
    const fresh = await replay(fake(true), requests, { order: shuffled(requests.length, 7), fresh: true });
    assert.equal(mismatches(cases, fresh).length, requests.length - 5);
    // The same order on one instance is not enough either: shuffling alone changes the history.
    const shuffledOnOne = await replay(fake(true), requests, { order: shuffled(requests.length, 7) });
    assert.ok(mismatches(cases, shuffledOnOne).length > 0);
    // And natively, a request asked twice gets two answers.
    const twice = await replay(fake(true), [...requests, ...requests.slice(0, 3)]);
    assert.deepEqual(unstable(twice.map((response, i) => ({ request: [...requests, ...requests.slice(0, 3)][i], response }))).length, 3);
  });
});

describe('in Chromium', () => {
  let servers;
  let driver;
  let cases;
  let dir;
  before(async () => {
    cases = (await readFile(CASES, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    dir = await mkdtemp(join(tmpdir(), 'plh-parity-'));
    await cp(EXTENSION_DIR, dir, { recursive: true });
    await build({ ...options('store'), entryPoints: ['extension/shared/core.js'], outfile: join(dir, 'parity/core.js') });
    await cp(REPLAY, join(dir, 'parity/replay.js'));
    servers = await startServers({ root: FIXTURES });
    driver = await launchChromium({ extensionDir: dir, httpsPort: servers.httpsPort });
    await driver.openTab(await driver.extensionUrl('options.html'));
  });
  after(async () => {
    await driver?.close();
    await servers?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the native cases answer a repeated request the same', () => {
    assert.ok(cases.length >= 200, `enough cases (${cases.length})`);
    assert.ok(cases.length - new Set(cases.map((c) => JSON.stringify(c.request))).size >= 40, 'repeats among them');
    assert.deepEqual(unstable(cases), []);
  });

  /** The answers of the core started in the extension page. */
  const inPage = (how) =>
    driver.evaluate(
      async (requests, how) => {
        const { startCore } = await import('/parity/core.js');
        const { replay } = await import('/parity/replay.js');
        return replay(startCore, requests, how);
      },
      cases.map((c) => c.request),
      how,
    );

  /** The answers of the background's core; with `fresh`, a fresh instance for each request. */
  const inBackground = (how) =>
    driver.evaluate(
      async (requests, how) => {
        const { replay } = await import('/parity/replay.js');
        const core = { call: (request) => chrome.runtime.sendMessage({ type: 'core', request }) };
        const start = async () => {
          if (how.fresh) {
            // The instance that traps is dropped, and the next request meets a fresh one.
            const trapped = await core.call({ op: 'trap' });
            if (!/^plh: the core stopped/.test(trapped?.error)) throw new Error(`no trap: ${JSON.stringify(trapped)}`);
          }
          return core;
        };
        return replay(start, requests, how);
      },
      cases.map((c) => c.request),
      how,
    );

  test('the core started in an extension page gives the native answers, in order on one instance', async () => {
    assert.deepEqual(mismatches(cases, await inPage({})), []);
  });

  test(`…and shuffled, each request on a fresh instance (seed ${SEED})`, async (t) => {
    t.diagnostic(`PLH_PARITY_SEED=${SEED}`);
    assert.deepEqual(mismatches(cases, await inPage({ order: shuffled(cases.length, SEED), fresh: true })), []);
  });

  test('the background answers the same over the extension messaging, in order on one instance', async () => {
    assert.deepEqual(mismatches(cases, await inBackground({})), []);
  });

  test(`…and shuffled, each request on a fresh instance (seed ${SEED})`, async (t) => {
    t.diagnostic(`PLH_PARITY_SEED=${SEED}`);
    assert.deepEqual(mismatches(cases, await inBackground({ order: shuffled(cases.length, SEED), fresh: true })), []);
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
});
