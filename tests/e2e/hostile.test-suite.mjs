// Hostile and odd pages: the extension neither breaks them nor is broken by
// them, and reports no error of its own on the console.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ORIGIN = 'https://www.pasonacareer.jp';
const GENERATED = fileURLToPath(new URL('./fixtures/generated/', import.meta.url));

/** Page-side, without Array.prototype helpers (one page rewrites them): the extension's state. */
function probe(rootSelector) {
  let doc = document;
  if (rootSelector) {
    const host = document.querySelector(rootSelector);
    doc = host.contentDocument ?? host.shadowRoot;
  }
  const page = (doc.querySelector ? doc : doc.ownerDocument).querySelector('[data-plh-page]') ?? document.querySelector('[data-plh-page]');
  const forms = doc.querySelectorAll('[data-plh-form]');
  const fields = doc.querySelectorAll('[data-plh-field-host]');
  const kinds = [];
  const warnings = [];
  for (let i = 0; i < forms.length; i++) kinds.push(forms[i].getAttribute('data-plh-kind'));
  for (let i = 0; i < fields.length; i++) {
    const ws = fields[i].shadowRoot.querySelectorAll('[data-plh-warning]');
    for (let j = 0; j < ws.length; j++) warnings.push(ws[j].getAttribute('data-plh-warning'));
  }
  return {
    state: page ? page.getAttribute('data-plh-state') : null,
    pageKinds: page ? page.getAttribute('data-plh-kinds') : null,
    formKinds: kinds.join(' '),
    warnings: warnings.join(' '),
  };
}

/** Page-side: focuses a field WebDriver/Playwright cannot reach by selector (in a frame or a shadow root). */
function focusIn(rootSelector, field) {
  const host = document.querySelector(rootSelector);
  const doc = host.contentDocument ?? host.shadowRoot;
  doc.querySelector(field).focus();
}

export function defineHostileTests(ctx) {
  const d = () => ctx.driver;
  let consoleStart = 0;
  let logStart = 0;

  async function settled(rootSelector, predicate, timeout = 8000) {
    return d().waitFor(predicate, { timeout }, rootSelector);
  }

  /** Console errors from the extension since the test began. */
  async function extensionErrors() {
    if (ctx.browser === 'chromium') {
      return d()
        .consoleMessages.slice(consoleStart)
        .filter((m) => (m.type === 'error' || m.type === 'pageerror') && /chrome-extension:|plh/i.test(m.text));
    }
    const log = (await d().geckodriver.log()).slice(logStart);
    return log.split('\n').filter((line) => /moz-extension:/.test(line) && /error/i.test(line));
  }

  describe('hostile and odd pages', () => {
    before(async () => {
      // A 1 MB page: a long job list, the login at the very end.
      await mkdir(GENERATED, { recursive: true });
      const item = (i) =>
        `<li class="job"><h3>求人 ${i}: 法人営業（IT業界）</h3><p>年収 500万円〜800万円 / 東京都 / 月給 35万円〜 / 完全週休2日制 / リモート可</p><a href="/job/${i}">詳細</a></li>\n`;
      let body = '';
      for (let i = 0; body.length < 1_000_000; i++) body += item(i);
      await writeFile(
        `${GENERATED}big.html`,
        `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>求人一覧 | パソナキャリア</title><link rel="stylesheet" href="/site.css"><script src="/page.js"></script></head><body><ul>${body}</ul>
<form action="/mypage/login"><h2>マイページにログイン</h2><p><label for="b-id">マイページID</label> <input type="text" id="b-id" maxlength="7"></p><p><label for="b-pw">パスワード</label> <input type="password" id="b-pw"></p><button>ログインする</button></form></body></html>`,
      );
    });
    after(async () => {
      await rm(GENERATED, { recursive: true, force: true });
    });

    async function begin(path) {
      consoleStart = d().consoleMessages?.length ?? 0;
      logStart = ctx.browser === 'firefox' ? (await d().geckodriver.log()).length : 0;
      await d().goto(ORIGIN + path);
    }

    async function noErrors() {
      assert.deepEqual(await extensionErrors(), [], 'console errors from the extension');
    }

    test('500 inputs on one page: the login is found and checked', async () => {
      await begin('/many-inputs.html');
      await settled(null, () => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-state') === 'ready');
      await d().type('#mi-id', 'l23456');
      await ctx.session.leave('#mi-id');
      const p = await settled(null, () => {
        const x = document.querySelector('[data-plh-field-host][data-plh-field="id"]')?.shadowRoot.querySelector('[data-plh-warning="not-digits"]');
        return x && true;
      });
      assert.ok(p);
      assert.equal((await d().evaluate(probe)).formKinds, 'my-page');
      await noErrors();
    });

    test('a login inside a same-origin iframe', async () => {
      await begin('/iframe-login.html');
      const p = await settled('#login-frame', (sel) => {
        const doc = document.querySelector(sel).contentDocument;
        const m = doc?.querySelector('[data-plh-page]');
        return m?.getAttribute('data-plh-state') === 'ready' && doc.querySelector('[data-plh-form]') ? m.getAttribute('data-plh-kinds') : false;
      });
      assert.equal(p, 'my-page');
      await d().evaluate(focusIn, '#login-frame', 'input[name="loginId"]');
      await d().keys('１２３４５６７');
      await settled('#login-frame', (sel) =>
        document.querySelector(sel).contentDocument.querySelector('[data-plh-field-host][data-plh-field="id"]')?.shadowRoot.querySelector('[data-plh-warning="fullwidth"]'),
      );
      await noErrors();
    });

    test("a login inside a web component's shadow root", async () => {
      await begin('/shadow-login.html');
      await settled('login-box', (sel) => document.querySelector(sel).shadowRoot.querySelector('[data-plh-form]'));
      assert.equal((await d().evaluate(probe)).pageKinds, 'my-page');
      await d().evaluate(focusIn, 'login-box', '#sid');
      await d().keys('l234567');
      await d().evaluate(() => document.querySelector('login-box').shadowRoot.querySelector('#sid').blur());
      await settled('login-box', (sel) =>
        document.querySelector(sel).shadowRoot.querySelector('[data-plh-field-host][data-plh-field="id"]')?.shadowRoot.querySelector('[data-plh-warning="not-digits"]'),
      );
      // The page's own script pressing the fix: not a person, nothing happens.
      const fixButton = 'return document.querySelector("login-box").shadowRoot.querySelector("[data-plh-field-host][data-plh-field=id]").shadowRoot.querySelector("button[data-plh-for=not-digits]")';
      await d().evaluate(`${fixButton.replace('return ', '')}.click()`);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await d().evaluate(() => document.querySelector('login-box').shadowRoot.querySelector('#sid').value), 'l234567', "a script's click applies no fix");
      // A person's press: the fix reaches the component's own listener.
      const r = await d().evaluate(`const el = (() => { ${fixButton} })(); el.scrollIntoView({ block: 'center' }); const b = el.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 };`);
      await d().clickAt(r.x, r.y);
      await settled('login-box', (sel) => document.querySelector(sel).shadowRoot.querySelector('#sid').value === '1234567');
      const last = await d().evaluate(() => window.plhTest.inputs[window.plhTest.inputs.length - 1]);
      assert.equal(last.value, '1234567');
      await noErrors();
    });

    test('a single-page app swaps the login on a pushState route change', async () => {
      await begin('/spa-route.html');
      await settled(null, () => document.querySelector('[data-plh-form]')?.getAttribute('data-plh-kind') === 'member-service');
      await d().click('#to-mypage');
      await settled(null, () => {
        const forms = document.querySelectorAll('[data-plh-form]');
        return forms.length === 1 && forms[0].getAttribute('data-plh-kind') === 'my-page' && document.querySelector('[data-plh-page]').getAttribute('data-plh-kinds') === 'my-page';
      });
      await d().type('#r-id', '12345');
      await ctx.session.leave('#r-id');
      await settled(null, () => document.querySelector('[data-plh-field-host][data-plh-field="id"]')?.shadowRoot.querySelector('[data-plh-warning="length"]'));
      await d().click('#to-member');
      await settled(null, () => document.querySelector('[data-plh-form]')?.getAttribute('data-plh-kind') === 'member-service' && document.querySelectorAll('[data-plh-form]').length === 1);
      await noErrors();
    });

    test('page scripts that rewrite Array.prototype, attachShadow, JSON, fetch and WebAssembly', async () => {
      await begin('/hostile-globals.html');
      // The harness's own evaluate returns values through the page's JSON, which
      // this page breaks: read the page through the browser's own serialisation.
      const read = (fn, ...args) =>
        ctx.browser === 'chromium' ? d().page.evaluate(({ src, args: a }) => (0, eval)(`(${src})`)(...a), { src: fn.toString(), args }) : d().evaluate(fn, ...args);
      const until = async (fn, what) => {
        const start = Date.now();
        while (Date.now() - start < 8000) {
          if ((await read(fn)) === true) return;
          await new Promise((r) => setTimeout(r, 50));
        }
        assert.fail(`timed out waiting for ${what}`);
      };
      assert.equal(await read(() => window.JSON.stringify({ a: 1 })), '{}', 'the page really broke JSON');
      await until(() => {
        const m = document.querySelector('[data-plh-page]');
        return !!m && m.getAttribute('data-plh-state') === 'ready' && m.getAttribute('data-plh-kinds') === 'my-page';
      }, 'the first scan');
      await d().type('#h-id', 'I23456O');
      await read(() => document.querySelector('#h-id').blur());
      await until(() => !!document.querySelector('[data-plh-field-host][data-plh-field="id"]')?.shadowRoot.querySelector('[data-plh-warning="not-digits"]'), 'not-digits');
      const p = await read(probe);
      assert.equal(p.formKinds, 'my-page');
      await noErrors();
    });

    test('a page that removes the markers: they come back once, then the page wins, no loop', async () => {
      await begin('/remove-markers.html');
      await d().waitFor(() => window.plhRemoved.page >= 2 && window.plhRemoved.form >= 2, { timeout: 8000 });
      await new Promise((r) => setTimeout(r, 1500));
      const removed = await d().evaluate(() => window.plhRemoved);
      assert.deepEqual(removed, { page: 2, form: 2 }, 'each marker was put back exactly once');
      // The field checks still run (nothing to show them in, but no error either).
      await d().type('#rm-id', 'l23');
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(await d().evaluate(() => window.plhRemoved), { page: 2, form: 2 });
      await noErrors();
    });

    test('a bot-challenge page: no login, nothing shown, no error', async () => {
      await begin('/bot-challenge.html');
      const p = await settled(null, () => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-state') === 'ready' && document.querySelector('[data-plh-page]').hidden);
      assert.ok(p);
      assert.equal(await d().evaluate(() => document.querySelectorAll('[data-plh-form]').length), 0);
      await noErrors();
    });

    test('a 1 MB page: the login at its end is found and checked', async () => {
      await begin('/generated/big.html');
      await settled(null, () => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-kinds') === 'my-page');
      await d().type('#b-id', 'taro@example.com');
      await ctx.session.leave('#b-id');
      await settled(null, () => document.querySelector('[data-plh-field-host][data-plh-field="id"]')?.shadowRoot.querySelector('[data-plh-warning="wrong-login"]'));
      await noErrors();
    });
  });
}
