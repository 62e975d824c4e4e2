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

  /** Empties storage (from an extension page, as the tests' own reset). */
  const forget = () => ctx.session.clearStorage();

  /** Turns a switch of the options page on or off, as the user does. */
  async function setSwitch(setting, on) {
    await openPage('options.html');
    const box = `input[data-plh-setting="${setting}"]`;
    const checked = await d().evaluate((sel) => document.querySelector(sel).checked, box);
    if (checked !== on) {
      await d().click(box);
      await d().waitFor(
        (sel, want) => document.querySelector('[data-plh-saved]')?.textContent && document.querySelector(sel).checked === want,
        { timeout: 3000 },
        box,
        on,
      );
    }
    await d().closeTab();
  }
  const setMemory = (on) => setSwitch('memory', on);

  /** Storage once the attempt in flight is settled (the next page settles it after its load). */
  async function settled() {
    for (let i = 0; i < 20; i++) {
      const dump = await stored();
      if (!dump.local.attempt) return dump;
      await new Promise((r) => setTimeout(r, 150));
    }
    return stored();
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
        status: v.querySelector('.status')?.textContent ?? null,
        kinds: v.getAttribute('data-plh-kinds'),
        text: v.textContent,
        warnings: [...v.querySelectorAll('[data-plh-warning]')].map((n) => n.getAttribute('data-plh-warning')),
        reset: [...v.querySelectorAll('a[data-plh-action="reset-password"]')].map((a) => a.href),
        forgotId: v.querySelectorAll('[data-plh-action="forgot-id"]').length,
        checklist: v.querySelectorAll('.checklist li').length,
        tel: [...document.querySelectorAll('a[href^="tel:"]')].map((a) => a.href),
        notices: [...document.querySelectorAll('[data-plh-notice]')].map((n) => n.getAttribute('data-plh-notice')),
        memory: document.querySelector('#memory-lines').textContent,
        forget: !!document.querySelector('[data-plh-action="forget"]'),
        height: document.documentElement.scrollHeight,
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
    return settled();
  }

  /** A My Page login the site refuses: its failure page is loaded. */
  async function failMyPageLogin() {
    await d().goto(`${ORIGIN}/flow-login.html`);
    await ready(() => document.querySelector('[data-plh-page]').getAttribute('data-plh-kinds'));
    await d().type('#f-id', '1234567');
    await d().type('#f-pw', PASSWORD);
    await d().click('#f-mp-submit');
    await d().waitFor(() => location.pathname === '/failed-login.html', { timeout: 8000 });
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
      await d().waitFor(() => document.querySelector('[data-plh-field-host]')?.shadowRoot.querySelector('[data-plh-warning="fullwidth"]'), { timeout: 3000 });
      const view = await popup();
      await d().closeTab();
      assert.equal(view.where, 'pasona-career');
      assert.equal(view.kinds, 'member-service');
      assert.ok(view.warnings.includes('fullwidth'), `warnings: ${view.warnings}`);
      assert.deepEqual(view.reset, [`${ORIGIN}/member/password/reminder/`]);
      assert.equal(view.forgotId, 1);
      assert.ok(view.checklist >= 6, `checklist: ${view.checklist}`);
      assert.deepEqual(view.tel, [], 'no tel: link: the number is text');
      assert.match(view.text, /0120-353-382/);
      assert.match(view.text, /www\.pasonacareer\.jp/, "the reset link's destination is shown");
      assert.match(view.status, /会員サービス/, 'a status line says which login this page is');
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
      const dump = await loginAsMember();
      assert.deepEqual(dump.local, { memory: { method: 'member-email', date: today() } }, 'the attempt in flight is gone');
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
      const dump = await settled();
      assert.deepEqual(dump.local, { memory: { method: 'line', date: today() } });
      assertClean(dump);
      await d().goto(`${ORIGIN}/mypage-table.html`);
      const notice = await ready(() => document.querySelector('[data-plh-form]')?.shadowRoot.querySelector('[data-plh-notice="last-login"]')?.textContent);
      assert.match(notice, /LINE/);
    });

    test('a failed login records nothing', async () => {
      await forget();
      await failMyPageLogin();
      await ready(() => document.querySelector('[data-plh-page]').shadowRoot.querySelector('[data-plh-warning="login-failed"]'));
      const dump = await settled();
      assert.deepEqual(dump.local, {}, 'the failed attempt is cleared, nothing recorded');
      assertClean(dump);
    });

    test('with page guidance switched off, a failed login still records nothing (and the next page is no success)', async () => {
      await forget();
      await setSwitch('guidance', false);
      try {
        await failMyPageLogin();
        await ready(() => document.querySelector('[data-plh-form]'));
        let dump = await settled();
        assert.deepEqual(dump.local, {}, 'settled as a failure although no notice is shown');
        assert.equal(
          await d().evaluate(() => document.querySelector('[data-plh-page]').shadowRoot.querySelector('[data-plh-warning="login-failed"]')),
          null,
          'guidance is off: no notice',
        );
        // The next page has no login: it must not be taken for a success.
        await d().goto(`${ORIGIN}/flow-welcome.html`);
        await ready();
        await new Promise((r) => setTimeout(r, 500));
        dump = await stored();
        assert.deepEqual(dump.local, {});
      } finally {
        await setSwitch('guidance', true);
      }
    });

    test('with memory off nothing is stored, and switching it off erased what was there', async () => {
      await forget();
      assert.ok((await loginAsMember()).local.memory, 'recorded while on');
      await setMemory(false);
      let dump = await stored();
      assert.deepEqual(dump.local, {}, 'switching off erases');
      dump = await loginAsMember();
      assert.deepEqual(dump.local, {}, 'no attempt, no memory');
      assert.equal(dump.sync.settings.memory, false);
      assertClean(dump);
      await setMemory(true);
    });

    test('a group switched off in the options page stops its warnings, the others stay', async () => {
      await setSwitch('guidance', false);
      await setSwitch('typing', false);
      try {
        // The first scan of a fresh page already honours the stored settings.
        await d().goto(`${ORIGIN}/failed-login.html`);
        await ready(() => document.querySelector('[data-plh-form]'));
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(await d().evaluate(() => document.querySelector('[data-plh-page]').shadowRoot.querySelector('[data-plh-warning="login-failed"]')), null);
        await d().type('input[name="loginId"]', '１２３');
        await ctx.session.leave('input[name="loginId"]');
        const field = '[data-plh-field-host][data-plh-field="id"]';
        await d().waitFor((h) => document.querySelector(h)?.shadowRoot.querySelector('[data-plh-warning="length"]'), { timeout: 3000 }, field);
        assert.equal(await d().evaluate((h) => document.querySelector(h).shadowRoot.querySelector('[data-plh-warning="fullwidth"]'), field), null);
        assert.equal((await stored()).sync.settings.typing, false);
      } finally {
        await setSwitch('guidance', true);
        await setSwitch('typing', true);
      }
      await d().goto(`${ORIGIN}/failed-login.html`);
      await ready(() => document.querySelector('[data-plh-page]').shadowRoot.querySelector('[data-plh-warning="login-failed"]'));
    });

    test("the popup's forget button empties the storage, and shows only when something is stored", async () => {
      assert.ok((await loginAsMember()).local.memory);
      await openPage('popup.html');
      await d().click('[data-plh-action="forget"]');
      await d().waitFor(() => document.querySelector('[data-plh-memory="none"]') && !document.querySelector('[data-plh-action="forget"]'), { timeout: 3000 });
      await d().closeTab();
      const dump = await stored();
      assert.deepEqual(dump.local, {});
    });

    test('a last login six months ago brings the notice, on the page and in the popup', async () => {
      // An old record, as if months had passed.
      await ctx.session.writeStorage('local', { memory: { method: 'my-page', date: today() - 183 } });
      await d().goto(`${ORIGIN}/mypage-table.html`);
      const notice = await ready(() => {
        const n = document.querySelector('[data-plh-form]')?.shadowRoot.querySelector('[data-plh-notice="inactive"]');
        return n && { text: n.textContent, inHelp: !!n.closest('[data-plh-help]'), warning: !!n.closest('[data-plh-warning]') };
      });
      assert.match(notice.text, /6/);
      assert.ok(notice.inHelp && !notice.warning, "calm words in the login's help, not a warning");
      assert.doesNotMatch(notice.text, /削除|停止/, 'nothing alarming before anything went wrong');
      const view = await popup();
      await d().closeTab();
      assert.ok(!view.notices.includes('inactive'), 'the popup shows the last login, not an alarm');
      assertClean(await stored());
      await forget();
    });
  });
}
