// Nothing on the page can steer the extension (issue 17): links it offers
// are only the site's own, over https; events a page's script makes are not a
// person's; a value of any size is answered; the popup speaks for the tab's
// own frame, not for a frame of the sites inside some other site's page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hostOf } from './session.mjs';

const ORIGIN = 'https://www.pasonacareer.jp';
const OWN = /^https:\/\/([a-z0-9-]+\.)*pasonacareer\.jp(\/|$)/;

/** Page-side: every link in every shadow root the extension added, with its action. */
function offeredLinks() {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      if (el.matches('[data-plh-page], [data-plh-form], [data-plh-field-host]')) {
        for (const a of el.shadowRoot.querySelectorAll('a')) out.push({ href: a.href, action: a.getAttribute('data-plh-action') });
      }
    }
  };
  walk(document);
  return out;
}

export function defineTrustTests(ctx) {
  const d = () => ctx.driver;
  const s = () => ctx.session;

  async function open(path, predicate = () => document.querySelector('[data-plh-form]')) {
    await d().goto(path.startsWith('https:') ? path : ORIGIN + path);
    await d().waitFor(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-state') === 'ready', { timeout: 8000 });
    return d().waitFor(predicate, { timeout: 5000 });
  }

  async function popup() {
    await s().openExtensionPage('popup.html');
    const view = await d().evaluate(() => {
      const v = document.querySelector('#view');
      return {
        where: v.getAttribute('data-plh-popup'),
        kinds: v.getAttribute('data-plh-kinds'),
        links: [...document.querySelectorAll('#view a')].map((a) => a.href),
        text: v.textContent,
      };
    });
    await d().closeTab();
    return view;
  }

  describe("nothing on the page steers the extension", () => {
    test("a reset link posted beside the real one (another host, a look-alike host, http) is never offered", async () => {
      await open('/phishing-reset.html', () => document.querySelector('[data-plh-page]').shadowRoot.querySelector('[data-plh-warning="login-failed"]'));
      const links = await d().evaluate(offeredLinks);
      assert.ok(links.length > 0, 'links were offered');
      for (const l of links) assert.match(l.href, OWN, `only the site's own https links: ${l.href}`);
      const resets = links.filter((l) => l.action === 'reset-password').map((l) => l.href);
      assert.deepEqual([...new Set(resets)], [`${ORIGIN}/mypage/password/forget/`], 'the real reset link');
      const view = await popup();
      for (const href of view.links) assert.match(href, OWN, `popup: ${href}`);
      assert.ok(view.links.includes(`${ORIGIN}/mypage/password/forget/`));
      assert.match(view.text, /www\.pasonacareer\.jp/, 'the popup shows where the link leads');
    });

    test('a page whose only reset links leave the site: none offered, the help says where to look and who to call', async () => {
      await open('/lookalike-links.html');
      const links = await d().evaluate(offeredLinks);
      assert.deepEqual(links.filter((l) => !OWN.test(l.href)), [], 'no link off the site');
      assert.equal(links.filter((l) => l.action === 'reset-password').length, 0, 'no reset link invented');
      const help = await d().evaluate(() => document.querySelector('[data-plh-form]').shadowRoot.textContent);
      assert.match(help, /再設定/);
      assert.match(help, /0120-353-382/);
    });

    test("a page's script typing, clicking and submitting is not a person: nothing judged, nothing remembered", async () => {
      await s().clearStorage();
      await open('/two-logins.html', () => document.querySelectorAll('[data-plh-form]').length === 2);
      await d().evaluate(() => {
        const id = document.querySelector('#mp-id');
        id.value = 'l23456';
        id.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: 'l23456' }));
        id.dispatchEvent(new Event('change', { bubbles: true }));
        id.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', bubbles: true, modifierCapsLock: true }));
        const form = id.form;
        form.querySelector('button, input[type="submit"]').click();
        form.requestSubmit();
      });
      await new Promise((r) => setTimeout(r, 600));
      assert.deepEqual(await s().codes('my-page'), [], "a script's input is not judged");
      assert.equal((await s().storageDump()).local.attempt, undefined, "a script's click or submit is no login attempt");
      // The value a script set is read at the next event a person makes.
      await s().appear('my-page', 'not-digits', async () => {
        await d().evaluate(() => document.querySelector('#mp-id').focus());
        await s().leave('#mp-id');
      });
      // And a person's press of the submit button is an attempt (the control).
      await d().click('#mypage button');
      await new Promise((r) => setTimeout(r, 300));
      const attempt = (await s().storageDump()).local.attempt;
      assert.equal(attempt?.method, 'my-page', "a person's click is");
      await s().clearStorage();
    });

    for (const path of ['/two-logins.html', '/csp/two-logins.html']) {
      test(`a 20 MB value is read up to the limit and judged too long (${path})`, async () => {
        await open(path, () => document.querySelectorAll('[data-plh-form]').length === 2);
        await d().evaluate(() => {
          const el = document.querySelector('#m-mail');
          el.value = `${'a'.repeat(20_000_000)}@gmail.com`;
        });
        // Not timed: the page's own 20 MB value is slow to hand over, whoever reads it.
        await d().evaluate(() => document.querySelector('#m-mail').focus());
        await s().leave('#m-mail');
        const w = await d().waitFor(
          (host) => {
            const n = document.querySelector(host)?.shadowRoot?.querySelector('[data-plh-warning="email-format"]');
            return n && { text: n.textContent, level: n.getAttribute('data-plh-level') };
          },
          { timeout: 10000 },
          hostOf('member-service', 'id'),
        );
        assert.match(w.text, /長すぎ|too long/i);
        assert.equal(w.level, 'error');
        // Still answering, on the same path.
        await s().appear('my-page', 'fullwidth', () => d().type('#mp-id', '１'));
        const m = await d().evaluate(() => [document.querySelector('[data-plh-page]').getAttribute('data-plh-errors'), document.querySelector('[data-plh-page]').getAttribute('data-plh-engine')]);
        assert.equal(m[0], null, 'no failed call');
        assert.equal(m[1], path.startsWith('/csp/') && ctx.browser === 'chromium' ? 'background' : 'page');
        await d().evaluate(() => {
          document.querySelector('#m-mail').value = '';
        });
      });
    }

    test('the popup hears the frame that holds the login, when the tab is one of the sites', async () => {
      await open('/iframe-login.html', () => document.querySelector('#login-frame').contentDocument?.querySelector('[data-plh-form]'));
      const view = await popup();
      assert.equal(view.kinds, 'my-page', `the framed login speaks: ${view.text}`);
    });

    test("a frame of the sites inside another site's page does not speak for that tab", async () => {
      await d().goto('https://www.jobs-elsewhere.example/unrelated-frame.html');
      await d().waitFor(() => document.querySelector('#framed'), { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 1500));
      const view = await popup();
      assert.equal(view.where, 'elsewhere', `the tab is not one of the sites: ${view.text}`);
    });
  });
}
