// docs/contract.md's privacy invariants, end to end: a password full of what the
// checks react to (full-width, confusable, spaces) is typed and fixed, then
// looked for everywhere it must never be.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requestLog } from './harness/server.mjs';
import { PAGES } from './pages.mjs';
import { hostOf } from './session.mjs';

const SECRET = 'Plh ｑｕｉｌｌ l1O0 Zy7 秘密';
/** Substrings that would betray the secret even in part or after a fix. */
const TRACES = ['ｑｕｉｌｌ', 'quill', 'l1O0', 'Zy7', '秘密', 'Plh q'];

/** Page-side: the whole document including every open shadow root, attributes and all. */
function everything() {
  const parts = [];
  const walk = (root) => {
    parts.push(root === document ? document.documentElement.outerHTML : root.innerHTML);
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      for (const a of el.attributes) parts.push(`${a.name}=${a.value}`);
    }
  };
  walk(document);
  parts.push(document.title, location.href, document.cookie);
  for (const store of [localStorage, sessionStorage]) {
    for (let i = 0; i < store.length; i++) parts.push(store.key(i), store.getItem(store.key(i)));
  }
  return parts.join('\n');
}

/** Page-side: everything the extension added: its hosts' shadow roots (text, live regions, attributes) and the hosts' own attributes. */
function extensionOutput() {
  const parts = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      if (el.matches('[data-plh-page], [data-plh-form], [data-plh-field-host]')) {
        for (const a of el.attributes) parts.push(`${a.name}=${a.value}`);
        parts.push(el.shadowRoot.innerHTML);
      }
    }
  };
  walk(document);
  return parts.join('\n');
}

/** Every run of four characters of `value`. */
const runsOfFour = (value) => {
  const chars = [...value];
  return chars.slice(0, -3).map((_, i) => chars.slice(i, i + 4).join(''));
};

export function definePrivacyTests(ctx) {
  describe('the typed ID is never copied into the page', () => {
    test('no text, attribute or announcement holds four characters of the ID or the part before the @', async () => {
      const { driver, session } = ctx;
      const page = PAGES.find((p) => p.path === '/two-logins.html');
      const consoleStart = driver.consoleMessages?.length ?? 0;
      await session.open(page);
      const member = 'kzw.tanab01@gmial.con';
      const myPage = 'l298846';
      await driver.type('#m-mail', member);
      await session.leave('#m-mail');
      await driver.waitFor((h) => document.querySelector(h)?.shadowRoot.querySelector('[data-plh-warning="email-domain"]'), { timeout: 3000 }, hostOf('member-service', 'id'));
      await driver.type('#mp-id', myPage);
      await session.leave('#mp-id');
      await driver.waitFor((h) => document.querySelector(h)?.shadowRoot.querySelector('[data-plh-warning="not-digits"]'), { timeout: 3000 }, hostOf('my-page', 'id'));
      // The read-back, asked for: characters named one by one, never a run of them.
      await driver.clickInShadow('[data-plh-form][data-plh-kind="member-service"]', 'details[data-plh-help] > summary');
      await driver.clickInShadow('[data-plh-form][data-plh-kind="member-service"]', 'button[data-plh-action="read-back"]');
      await driver.waitFor((h) => document.querySelector(h)?.shadowRoot.querySelector('.readback'), { timeout: 3000 }, hostOf('member-service', 'id'));
      const out = await driver.evaluate(extensionOutput);
      assert.match(out, /gmail\.com/, 'the suggested domain may be named');
      for (const [value, allowed] of [
        [member, 'gmail.com'],
        [myPage, ''],
      ]) {
        for (const run of runsOfFour(value)) {
          if (allowed.includes(run)) continue;
          assert.ok(!out.includes(run), `the extension's output holds "${run}" of ${value}`);
        }
      }
      assert.ok(!out.includes('kzw.tanab01'), 'never the part before the @');
      const logged = ctx.browser === 'chromium' ? JSON.stringify(driver.consoleMessages.slice(consoleStart)) : await driver.geckodriver.log();
      for (const run of runsOfFour(member).filter((r) => !'gmail.com'.includes(r))) assert.ok(!logged.includes(run), `the console holds "${run}"`);
      const { text: stored } = await session.storageDump();
      for (const run of [...runsOfFour(member), ...runsOfFour(myPage)]) assert.ok(!stored.includes(run), `storage holds "${run}"`);
    });
  });

  for (const page of PAGES.filter((p) => p.path.endsWith('two-logins.html'))) {
    describe(`privacy on ${page.path}`, () => {
      test('the password appears nowhere: DOM, shadow roots, attributes, storage, console, requests', async () => {
        const { driver, session } = ctx;
        const consoleStart = driver.consoleMessages?.length ?? 0;
        const logStart = ctx.browser === 'firefox' ? (await driver.geckodriver.log()).length : 0;
        requestLog.length = 0;
        await session.open(page);
        for (const [pw, kind] of [['#m-pass', 'member-service'], ['#mp-pw', 'my-page']]) {
          await driver.type(pw, SECRET);
          await session.leave(pw);
          // The checks must have seen it: the full-width warning is on screen.
          await driver.waitFor(
            (sel) => document.querySelector(sel)?.shadowRoot.querySelector('[data-plh-field="password"][data-plh-warning="fullwidth"]'),
            { timeout: 3000 },
            hostOf(kind, 'password'),
          );
        }
        // A fix of the password runs too (the corrected password exists only in memory).
        await driver.clickInShadow(hostOf('my-page', 'password'), '[data-plh-field="password"] > button[data-plh-for="fullwidth"]');
        await driver.waitFor(() => document.querySelector('#mp-pw').value.includes('quill'), { timeout: 3000 });

        // The console channel really is read: a canary logged by the page must show up.
        const canary = `plh-canary-${Date.now()}`;
        await driver.evaluate((c) => console.log(c), canary);
        await new Promise((r) => setTimeout(r, 300));

        const dom = await driver.evaluate(everything);
        for (const trace of TRACES) assert.ok(!dom.includes(trace), `DOM/attributes/storage contain "${trace}"`);

        // chrome.storage (local, sync), read from an extension page.
        const { text: stored } = await session.storageDump();
        assert.match(stored, /"local"/, 'the storage dump was read');
        for (const trace of TRACES) assert.ok(!stored.includes(trace), `chrome.storage contains "${trace}"`);

        if (ctx.browser === 'chromium') {
          const logged = JSON.stringify(driver.consoleMessages.slice(consoleStart));
          assert.ok(logged.includes(canary), 'the console capture works');
          for (const trace of TRACES) assert.ok(!logged.includes(trace), `console contains "${trace}"`);
        } else {
          // Firefox prints every console message (content scripts and background) to the log.
          const logged = (await driver.geckodriver.log()).slice(logStart);
          assert.ok(logged.includes(canary), 'the console capture works');
          for (const trace of TRACES) assert.ok(!logged.includes(trace), `console contains "${trace}"`);
        }

        // The extension makes no request of its own: only the page's own files were fetched.
        const allowed = new Set([page.path, '/site.css', '/page.js', '/favicon.ico']);
        const foreign = requestLog.filter((r) => !allowed.has(r.path));
        assert.deepEqual(foreign, [], 'requests beyond the page and its files');
        for (const trace of TRACES) assert.ok(!JSON.stringify(requestLog).includes(encodeURIComponent(trace)));
        if (ctx.browser === 'chromium') {
          const external = driver.requests.filter((u) => !u.startsWith('https://www.pasonacareer.jp/') && !u.startsWith('chrome-extension://'));
          assert.deepEqual(external, [], 'the browser saw no request to any other origin');
        }
      });
    });
  }
}
