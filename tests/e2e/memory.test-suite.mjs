// The toolbar popup, the options page and the memory of the last login, in a
// real browser: flows on fixtures that really submit, then what was stored,
// read through the options page's own "what is stored" view.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

const ORIGIN = 'https://www.pasonacareer.jp';
const EMAIL = 'hanako.flow@example.com';
const PASSWORD = 'Flow-Secret-9q';
const today = () => Math.floor(Date.now() / 86_400_000);

export function defineMemoryTests(ctx) {
  const d = () => ctx.driver;

  const openPage = (path) => ctx.session.openExtensionPage(path);
  const stored = () => ctx.session.storageDump();

  async function forget() {
    await openPage('options.html');
    await d().click('#forget');
    await d().waitFor(() => document.querySelector('[data-plh-stored]').textContent.includes('"local": {}'), { timeout: 3000 });
    await d().closeTab();
  }

  async function setMemory(on) {
    await openPage('options.html');
    const checked = await d().evaluate(() => document.querySelector('#memory-on').checked);
    if (checked !== on) {
      await d().click('#memory-on');
      await d().waitFor((want) => document.querySelector('#saved').textContent && document.querySelector('#memory-on').checked === want, { timeout: 3000 }, on);
    }
    await d().closeTab();
  }

  async function ready(predicate = () => true) {
    await d().waitFor(() => document.querySelector('[data-plh-page]')?.getAttribute('data-plh-state') === 'ready', { timeout: 8000 });
    return d().waitFor(predicate, { timeout: 5000 });
  }

  /** The popup, opened as a tab next to the current one (which it then speaks about). */
  async function popup() {
    await openPage('popup.html');
    const view = await d().evaluate(() => {
      const v = document.querySelector('#view');
      return {
        where: v.getAttribute('data-plh-popup'),
        kinds: v.getAttribute('data-plh-kinds'),
        text: v.textContent,
        warnings: [...v.querySelectorAll('[data-plh-warning]')].map((n) => n.getAttribute('data-plh-warning')),
        reset: [...v.querySelectorAll('a[data-plh-action="reset-password"]')].map((a) => a.href),
        forgotId: v.querySelectorAll('[data-plh-action="forgot-id"]').length,
        checklist: v.querySelectorAll('.checklist li').length,
        tel: [...document.querySelectorAll('a[href^="tel:"]')].map((a) => a.href),
        notices: [...document.querySelectorAll('[data-plh-notice]')].map((n) => n.getAttribute('data-plh-notice')),
        memory: document.querySelector('#memory-lines').textContent,
      };
    });
    return view;
  }

  async function loginAsMember() {
    await d().goto(`${ORIGIN}/flow-login.html`);
    await ready(() => document.querySelector('[data-plh-page]').getAttribute('data-plh-kinds'));
    await d().type('#f-mail', EMAIL);
    await d().type('#f-pass', PASSWORD);
    await d().click('#f-submit');
    await d().waitFor(() => location.pathname === '/flow-welcome.html', { timeout: 8000 });
    await ready();
  }

  function assertClean(dump) {
    for (const secret of [EMAIL, 'hanako.flow', PASSWORD, 'Flow-Secret', '1234567']) {
      assert.ok(!dump.text.includes(secret), `storage holds "${secret}": ${dump.text}`);
    }
  }

  describe('popup, options and memory', () => {
    test('popup on a member login page: kind, warnings, links, checklist', async () => {
      await d().goto(`${ORIGIN}/member-modern.html`);
      await ready(() => document.querySelector('[data-plh-form]'));
      await d().type('#login-mail', 'taro＠gmail.com');
      await d().waitFor(() => document.querySelector('[data-plh-form]').shadowRoot.querySelector('[data-plh-warning="fullwidth"]'), { timeout: 3000 });
      const view = await popup();
      await d().closeTab();
      assert.equal(view.where, 'pasona-career');
      assert.equal(view.kinds, 'member-service');
      assert.ok(view.warnings.includes('fullwidth'), `warnings: ${view.warnings}`);
      assert.deepEqual(view.reset, [`${ORIGIN}/member/password/reminder/`]);
      assert.equal(view.forgotId, 1);
      assert.ok(view.checklist >= 6, `checklist: ${view.checklist}`);
      assert.ok(view.tel.includes('tel:0120353382'));
    });

    test('popup on a My Page login page', async () => {
      await d().goto(`${ORIGIN}/mypage-table.html`);
      await ready(() => document.querySelector('[data-plh-form]'));
      const view = await popup();
      await d().closeTab();
      assert.equal(view.kinds, 'my-page');
      assert.deepEqual(view.warnings, []);
      assert.deepEqual(view.reset, [`${ORIGIN}/mypage/password/forget/`]);
    });

    test('popup on a tab the extension does not run on says so', async () => {
      await d().goto('about:blank');
      const view = await popup();
      await d().closeTab();
      assert.equal(view.where, 'elsewhere');
      assert.match(view.text, /pasonacareer|パソナキャリア|Pasona Career/);
    });

    test('a member login that succeeds records the method and the date, nothing else', async () => {
      await forget();
      await loginAsMember();
      const dump = await stored();
      assert.deepEqual(dump.local, { memory: { method: 'member-email', date: today() } });
      assert.deepEqual(dump.session, {}, 'the attempt in flight is gone');
      assertClean(dump);
      const view = await popup();
      await d().closeTab();
      assert.ok(view.notices.includes('last-login'), `notices: ${view.notices}`);
    });

    test('an SNS button login records that SNS, shown next to the form next time', async () => {
      await forget();
      await d().goto(`${ORIGIN}/flow-login.html`);
      await ready(() => document.querySelector('[data-plh-page]').getAttribute('data-plh-kinds'));
      await d().click('#line');
      await d().waitFor(() => location.pathname === '/flow-welcome.html', { timeout: 8000 });
      await ready();
      const dump = await stored();
      assert.deepEqual(dump.local, { memory: { method: 'line', date: today() } });
      assertClean(dump);
      await d().goto(`${ORIGIN}/mypage-table.html`);
      const notice = await ready(() => document.querySelector('[data-plh-form]')?.shadowRoot.querySelector('[data-plh-notice="last-login"]')?.textContent);
      assert.match(notice, /LINE/);
    });

    test('a failed login records nothing', async () => {
      await forget();
      await d().goto(`${ORIGIN}/flow-login.html`);
      await ready(() => document.querySelector('[data-plh-page]').getAttribute('data-plh-kinds'));
      await d().type('#f-id', '1234567');
      await d().type('#f-pw', PASSWORD);
      await d().click('#f-mp-submit');
      await d().waitFor(() => location.pathname === '/failed-login.html', { timeout: 8000 });
      await ready(() => document.querySelector('[data-plh-page]').shadowRoot.querySelector('[data-plh-warning="login-failed"]'));
      await new Promise((r) => setTimeout(r, 300));
      const dump = await stored();
      assert.deepEqual(dump.local, {});
      assert.deepEqual(dump.session, {}, 'the failed attempt is cleared');
      assertClean(dump);
    });

    test('with memory off nothing is stored, and switching it off erased what was there', async () => {
      await forget();
      await loginAsMember();
      assert.ok((await stored()).local.memory, 'recorded while on');
      await setMemory(false);
      let dump = await stored();
      assert.deepEqual(dump.local, {}, 'switching off erases');
      await loginAsMember();
      dump = await stored();
      assert.deepEqual(dump.local, {});
      assert.deepEqual(dump.session, {});
      assert.equal(dump.sync.settings.memory, false);
      assertClean(dump);
      await setMemory(true);
    });

    test('a group switched off in the options page stops its warnings, the others stay', async () => {
      const toggle = async (group) => {
        await openPage('options.html');
        await d().click(`[data-plh-setting="${group}"]`);
        await d().waitFor(() => document.querySelector('#saved').textContent, { timeout: 3000 });
        await d().closeTab();
      };
      await toggle('guidance');
      await toggle('typing');
      try {
        // The first scan of a fresh page already honours the stored settings.
        await d().goto(`${ORIGIN}/failed-login.html`);
        await ready(() => document.querySelector('[data-plh-form]'));
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(await d().evaluate(() => document.querySelector('[data-plh-page]').shadowRoot.querySelector('[data-plh-warning="login-failed"]')), null);
        await d().type('input[name="loginId"]', '１２３');
        await d().waitFor(() => document.querySelector('[data-plh-form]').shadowRoot.querySelector('[data-plh-warning="length"]'), { timeout: 3000 });
        assert.equal(await d().evaluate(() => document.querySelector('[data-plh-form]').shadowRoot.querySelector('[data-plh-warning="fullwidth"]')), null);
        assert.equal((await stored()).sync.settings.typing, false);
      } finally {
        await toggle('guidance');
        await toggle('typing');
      }
      await d().goto(`${ORIGIN}/failed-login.html`);
      await ready(() => document.querySelector('[data-plh-page]').shadowRoot.querySelector('[data-plh-warning="login-failed"]'));
    });

    test("the popup's forget button empties the storage", async () => {
      await loginAsMember();
      assert.ok((await stored()).local.memory);
      await openPage('popup.html');
      await d().click('#forget');
      await d().waitFor(() => document.querySelector('[data-plh-memory="none"]'), { timeout: 3000 });
      await d().closeTab();
      const dump = await stored();
      assert.deepEqual(dump.local, {});
      assert.deepEqual(dump.session, {});
    });

    test('a last login six months ago brings the notice, on the page and in the popup', async () => {
      await openPage('options.html');
      await d().evaluate(async (date) => {
        // Extension pages can write storage directly: set an old record as if months had passed.
        const api = globalThis.browser ?? globalThis.chrome;
        await api.storage.local.set({ memory: { method: 'my-page', date } });
      }, today() - 183);
      await d().closeTab();
      await d().goto(`${ORIGIN}/mypage-table.html`);
      const text = await ready(() => document.querySelector('[data-plh-form]')?.shadowRoot.querySelector('[data-plh-notice="inactive"]')?.textContent);
      assert.match(text, /6/);
      const view = await popup();
      await d().closeTab();
      assert.ok(view.notices.includes('inactive'));
      assertClean(await stored());
      await forget();
    });
  });
}
