// Self-test of the e2e harness, using the null extension in both browsers.
// Run from the repo root: node --test tests/e2e/harness.test.mjs
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import http from 'node:http';
import { readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServers, requestLog, CSP_HEADER } from './harness/server.mjs';
import { launchChromium } from './harness/chromium.mjs';
import { launchFirefox } from './harness/firefox.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(here, 'fixtures');
const NULL_EXT = join(here, 'null-extension');
const ORIGIN = 'https://www.pasonacareer.jp';

let servers;
let shotDir;
before(async () => {
  servers = await startServers({ root: FIXTURES });
  shotDir = await mkdtemp(join(tmpdir(), 'plh-shots-'));
});
after(async () => {
  await servers?.close();
  if (shotDir) await rm(shotDir, { recursive: true, force: true });
});

/** GET through the HTTPS server directly (Host header chosen by us). */
function get(path, host = 'www.pasonacareer.jp') {
  return new Promise((ok, fail) => {
    const req = https.get(
      { host: '127.0.0.1', port: servers.httpsPort, path, headers: { host }, servername: host, rejectUnauthorized: false },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', fail);
  });
}

/** Send a CONNECT to the proxy and report the status line. */
function connect(target) {
  return new Promise((ok, fail) => {
    const req = http.request({ host: '127.0.0.1', port: servers.proxyPort, method: 'CONNECT', path: target });
    req.on('connect', (res, socket) => {
      socket.destroy();
      ok(res.statusCode);
    });
    req.on('response', (res) => ok(res.statusCode));
    req.on('error', fail);
    req.end();
  });
}

describe('servers', () => {
  it('serves fixtures for any Host with content types and no-store', async () => {
    for (const host of ['www.pasonacareer.jp', 'www.pasona.co.jp', 'anything.example']) {
      const r = await get('/harness-selftest.html', host);
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(r.headers['cache-control'], 'no-store');
      assert.equal(r.headers['content-security-policy'], undefined);
    }
    const js = await get('/harness-selftest.js');
    assert.match(js.headers['content-type'], /^text\/javascript/);
  });

  it('adds the CSP header under /csp/ and serves the same file', async () => {
    const plain = await get('/harness-selftest.html');
    const r = await get('/csp/harness-selftest.html');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-security-policy'], CSP_HEADER);
    assert.equal(r.body, plain.body);
  });

  it('404s missing files and refuses traversal', async () => {
    assert.equal((await get('/nope.html')).status, 404);
    assert.equal((await get('/')).status, 404);
    for (const p of ['/../harness.test.mjs', '/%2e%2e/harness.test.mjs', '/csp/..%2f..%2fharness.test.mjs']) {
      const r = await get(p);
      assert.ok(r.status === 403 || r.status === 404, `${p} → ${r.status}`);
      assert.doesNotMatch(r.body, /node:test/);
    }
  });

  it('logs requests', async () => {
    await get('/harness-selftest.js?log-probe', 'www.pasona.co.jp');
    assert.ok(requestLog.some((e) => e.host === 'www.pasona.co.jp' && e.path === '/harness-selftest.js?log-probe' && e.time > 0));
  });

  it('proxy tunnels only the fixture hosts on 443', async () => {
    assert.equal(await connect('www.pasonacareer.jp:443'), 200);
    assert.equal(await connect('www.pasona-masters.co.jp:443'), 200);
    assert.equal(await connect('example.com:443'), 403);
    assert.equal(await connect('www.pasonacareer.jp:80'), 403);
  });
});

const browsers = [
  ['chromium', () => launchChromium({ extensionDir: NULL_EXT, httpsPort: servers.httpsPort })],
  ['firefox', () => launchFirefox({ extensionDir: NULL_EXT, proxyPort: servers.proxyPort })],
];

for (const [name, launch] of browsers) {
  describe(name, () => {
    let driver;
    let started;
    before(async () => {
      started = Date.now();
      driver = await launch();
      console.log(`[${name}] launched in ${Date.now() - started} ms`);
    });
    after(async () => {
      await driver?.close();
      console.log(`[${name}] total ${Date.now() - started} ms`);
    });

    for (const prefix of ['', '/csp']) {
      const url = `${ORIGIN}${prefix}/harness-selftest.html`;

      it(`null extension marker appears (${url})`, async () => {
        const since = requestLog.length;
        await driver.goto(url);
        assert.equal(driver.name, name);
        assert.equal(await driver.waitFor(() => !!document.querySelector('[data-plh-null-ready]')), true);
        const hit = requestLog.slice(since).find((e) => e.path === `${prefix}/harness-selftest.html`);
        assert.ok(hit, 'the page request reached the fixture server');
        assert.equal(hit.host, 'www.pasonacareer.jp');
        if (prefix) {
          // The page script is external, so it still runs under the CSP.
          assert.ok(await driver.evaluate(() => Array.isArray(window.seen)));
        }
      });

      it(`types ASCII and full-width text with real keys (${prefix || 'no CSP'})`, async () => {
        await driver.type('#t', 'abc');
        await driver.type('#t', '１２３');
        const seen = await driver.evaluate(() => window.seen);
        assert.deepEqual(seen.map((s) => s.value), ['a', 'ab', 'abc', 'abc１', 'abc１２', 'abc１２３']);
        assert.ok(seen.every((s) => s.isTrusted), 'input events are trusted');
        const keys = await driver.evaluate(() => window.keys.map((k) => k.key));
        assert.deepEqual(keys.slice(0, 3), ['a', 'b', 'c'], 'ASCII produces keydown events');
      });

      it(`clear fires input and leaves "" (${prefix || 'no CSP'})`, async () => {
        const before = await driver.evaluate(() => window.seen.length);
        await driver.clear('#t');
        const r = await driver.evaluate(() => ({ value: document.getElementById('t').value, last: window.seen.at(-1), n: window.seen.length }));
        assert.equal(r.value, '');
        assert.ok(r.n > before, 'an input event fired');
        assert.equal(r.last.value, '');
        assert.equal(r.last.isTrusted, true);
      });

      it(`press sends single keys (${prefix || 'no CSP'})`, async () => {
        await driver.type('#t', 'xy');
        await driver.press('#t', 'Backspace');
        await driver.press('#t', 'End');
        await driver.press('#t', 'CapsLock');
        const r = await driver.evaluate(() => ({ value: document.getElementById('t').value, keys: window.keys.slice(-3) }));
        assert.equal(r.value, 'x');
        assert.deepEqual(r.keys.map((k) => k.key), ['Backspace', 'End', 'CapsLock']);
        assert.ok(r.keys.every((k) => k.isTrusted));
        // Leave CapsLock off again for whatever comes next (Firefox tracks the lock).
        await driver.press('#t', 'CapsLock');
      });

      it(`clickInShadow performs a trusted click (${prefix || 'no CSP'})`, async () => {
        assert.equal(await driver.evaluate(() => window.clicked), false);
        await driver.clickInShadow('#host', '#b');
        assert.deepEqual(await driver.evaluate(() => [window.clicked, window.clickTrusted]), [true, true]);
      });
    }

    it('evaluate returns JSON values, supports args, string bodies, promises and errors', async () => {
      assert.deepEqual(await driver.evaluate((a, b) => ({ sum: a + b, arr: [1, 'x', null], nested: { ok: true } }), 2, 3), {
        sum: 5,
        arr: [1, 'x', null],
        nested: { ok: true },
      });
      assert.equal(await driver.evaluate('return arguments[0] * 2', 21), 42);
      assert.equal(await driver.evaluate(() => new Promise((r) => setTimeout(() => r('later'), 20))), 'later');
      assert.equal(await driver.evaluate(() => undefined), undefined);
      assert.equal(await driver.evaluate(() => location.origin), ORIGIN);
      assert.equal(await driver.evaluate(() => navigator.language), 'ja');
      await assert.rejects(driver.evaluate(() => { throw new Error('boom-from-page'); }), /boom-from-page/);
    });

    it('waitFor returns the value and times out clearly', async () => {
      assert.equal(await driver.waitFor((x) => x + 1, {}, 41), 42);
      await assert.rejects(driver.waitFor(() => false, { timeout: 200 }), /waitFor timed out after 200 ms/);
    });

    it('screenshot writes a PNG', async () => {
      const file = join(shotDir, `${name}.png`);
      await driver.screenshot(file);
      const buf = await readFile(file);
      assert.equal(buf.subarray(1, 4).toString('latin1'), 'PNG');
    });

    it('setViewport sizes the viewport, also of tabs opened after it; screenshots follow', async () => {
      const url = `${ORIGIN}/harness-selftest.html`;
      const size = () => driver.evaluate(() => [window.innerWidth, window.innerHeight]);
      await driver.goto(url);
      await driver.setViewport(1100, 700);
      assert.deepEqual(await size(), [1100, 700]);
      await driver.setViewport(400, 600);
      assert.deepEqual(await size(), [400, 600]);
      const file = join(shotDir, `${name}-narrow.png`);
      await driver.screenshot(file);
      const png = await readFile(file);
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [400, 600], 'the screenshot is the viewport');
      await driver.openTab(`${url}?second`);
      assert.deepEqual(await size(), [400, 600], 'a new tab gets the same viewport');
      await driver.closeTab();
      assert.equal(await driver.evaluate(() => location.search), '');
      await driver.setViewport(1000, 760);
    });

    it('consoleMessages holds the page console and uncaught errors', async () => {
      const start = driver.consoleMessages.length;
      const canary = `plh-canary-${Date.now()}`;
      await driver.evaluate((c) => {
        console.error(c);
        setTimeout(() => {
          throw new Error(`${c}-thrown`);
        });
      }, canary);
      const deadline = Date.now() + 5000;
      let seen = [];
      while (Date.now() < deadline) {
        seen = driver.consoleMessages.slice(start);
        if (seen.some((m) => m.type === 'pageerror' && m.text.includes(`${canary}-thrown`))) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(seen.some((m) => m.type === 'error' && m.text.includes(canary)), `console.error seen: ${JSON.stringify(seen)}`);
      assert.ok(seen.some((m) => m.type === 'pageerror' && m.text.includes(`${canary}-thrown`)), `the uncaught error seen: ${JSON.stringify(seen)}`);
    });

    if (name === 'firefox') {
      it('privileged runs in the chrome context: the add-on can be disabled and enabled', async () => {
        assert.equal(driver.addonId, 'null-extension@plh.test');
        const toggle = (enable) =>
          driver.privileged(async (id, on) => {
            const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
            const addon = await AddonManager.getAddonByID(id);
            await (on ? addon.enable() : addon.disable());
            return { active: addon.isActive, temporary: addon.temporarilyInstalled };
          }, driver.addonId, enable);
        const url = `${ORIGIN}/harness-selftest.html`;
        try {
          assert.deepEqual(await toggle(false), { active: false, temporary: true });
          await driver.goto(url);
          await new Promise((r) => setTimeout(r, 300));
          assert.equal(await driver.evaluate(() => !!document.querySelector('[data-plh-null-ready]')), false, 'no content script while disabled');
        } finally {
          assert.deepEqual(await toggle(true), { active: true, temporary: true });
        }
        await driver.goto(url);
        assert.equal(await driver.waitFor(() => !!document.querySelector('[data-plh-null-ready]')), true);
        await assert.rejects(driver.privileged(() => { throw new Error('boom-in-chrome'); }), /boom-in-chrome/);
        // Back in the content context afterwards.
        assert.equal(await driver.evaluate(() => location.origin), ORIGIN);
      });
    }
  });
}
