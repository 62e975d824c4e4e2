// Every field code of CONTRACT.md, for both logins and both fields: each
// appears as the user types, and goes when the user fixes it (by the fix
// button where the correction is certain).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES } from './pages.mjs';

const TWO = PAGES.find((p) => p.path === '/two-logins.html');
const TWO_CSP = PAGES.find((p) => p.path === '/csp/two-logins.html');
const MEMBER = { kind: 'member-service', id: '#m-mail', password: '#m-pass' };
const MY_PAGE = { kind: 'my-page', id: '#mp-id', password: '#mp-pw' };

export function defineFieldTests(ctx) {
  const s = () => ctx.session;
  const d = () => ctx.driver;

  /** Types `text`, expects `code`, clicks its fix, expects it gone and the field to hold `fixed`. */
  async function typeAndFix(login, field, text, code, fixed, { level } = {}) {
    const sel = login[field];
    await d().clear(sel);
    const w = await s().appear(login.kind, code, () => d().type(sel, text), field);
    assert.ok(w.fix, `${code} offers a fix`);
    if (level) assert.equal(w.level, level);
    assert.ok(w.width > 0 && w.height > 0, 'visible');
    await s().disappear(login.kind, code, () => s().fix(login.kind, code, field), field);
    const saw = await s().pageSaw(sel);
    assert.equal(saw.value, fixed);
    if (field === 'id') {
      assert.equal(saw.lastInput.value, fixed, "the page's input listener saw the fix");
      assert.equal(saw.lastChange.value, fixed, "the page's change listener saw the fix");
    }
    return w;
  }

  /**
   * Types `text`, expects `code` without a fix (at `level` once typing is
   * done: a code can change level as the value grows), clears the field,
   * expects it gone.
   */
  async function typeAndClear(login, field, text, code, { level } = {}) {
    const sel = login[field];
    await d().clear(sel);
    let w = await s().appear(login.kind, code, () => d().type(sel, text), field);
    if (level) {
      await d().waitFor(
        (host, c, f, l) => document.querySelector(host).shadowRoot.querySelector(`[data-plh-warning="${c}"][data-plh-field="${f}"]`)?.getAttribute('data-plh-level') === l,
        { timeout: 2000 },
        `[data-plh-form][data-plh-kind="${login.kind}"]`,
        code,
        field,
        level,
      );
      w = { ...w, level };
    }
    await s().disappear(login.kind, code, () => d().clear(sel), field);
    return w;
  }

  async function capsLock(on, login) {
    // Firefox gets a real Caps Lock key through the harness; Chromium's
    // automation cannot set the lock state, so the page dispatches a key event carrying it.
    if (ctx.browser === 'firefox') {
      // Measured from just before the key: the key itself fires no input event.
      await d().evaluate(() => {
        window.plhTest.lastInputAt = performance.now();
      });
      await d().press(login.password, 'CapsLock');
    } else {
      await d().evaluate((sel, state) => {
        const el = document.querySelector(sel);
        el.focus();
        window.plhTest.lastInputAt = performance.now();
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, modifierCapsLock: state }));
      }, login.password, on);
    }
  }

  function composition(sel, type) {
    // No IME runs in a headless browser: the page fires the events an IME would.
    return d().evaluate(
      (selector, t) => {
        const el = document.querySelector(selector);
        el.focus();
        window.plhTest.lastInputAt = performance.now();
        el.dispatchEvent(new CompositionEvent(t, { bubbles: true, data: 'ぱ' }));
      },
      sel,
      type,
    );
  }

  for (const page of [TWO, TWO_CSP]) {
    describe(`field checks on ${page.path}`, () => {
      test('member ID: fullwidth, whitespace, invisible, email-domain, confusable impostor (fixes)', async () => {
        await s().open(page);
        await typeAndFix(MEMBER, 'id', 'hanako＠example.com', 'fullwidth', 'hanako@example.com', { level: 'error' });
        await typeAndFix(MEMBER, 'id', ' hanako@example.com', 'whitespace', 'hanako@example.com', { level: 'warning' });
        await d().clear(MEMBER.id);
        await s().appear(MEMBER.kind, 'invisible', () => s().paste(MEMBER.id, 'hanako@example.com\u200B'));
        await s().disappear(MEMBER.kind, 'invisible', () => s().fix(MEMBER.kind, 'invisible'));
        assert.equal((await s().pageSaw(MEMBER.id)).value, 'hanako@example.com');
        const domain = await typeAndFix(MEMBER, 'id', 'hanako@gmail.con', 'email-domain', 'hanako@gmail.com');
        assert.match(domain.text, /hanako@gmail\.com/);
        const impostor = await typeAndFix(MEMBER, 'id', 'hаnako@example.com', 'confusable', 'hanako@example.com', { level: 'error' });
        assert.ok(impostor.text.length > 0);
      });

      test('member ID: email-format, confusable read-back, wrong-login (no fix)', async () => {
        await s().open(page);
        await typeAndClear(MEMBER, 'id', 'hanako@@example.com', 'email-format', { level: 'error' });
        const read = await typeAndClear(MEMBER, 'id', 'taro1@example.com', 'confusable', { level: 'info' });
        assert.match(read.text, /1/);
        assert.ok(!read.fix);
        await typeAndClear(MEMBER, 'id', '7654321', 'wrong-login');
      });

      test('My Page ID: whitespace, invisible, fullwidth, not-digits (fixes), length, wrong-login', async () => {
        await s().open(page);
        // The field has maxlength=7, so the space goes in front of six digits.
        await typeAndFix(MY_PAGE, 'id', ' 765432', 'whitespace', '765432');
        await d().clear(MY_PAGE.id);
        await s().appear(MY_PAGE.kind, 'invisible', () => s().paste(MY_PAGE.id, '\uFEFF7654321'));
        await s().disappear(MY_PAGE.kind, 'invisible', () => s().fix(MY_PAGE.kind, 'invisible'));
        await typeAndFix(MY_PAGE, 'id', '７６５４３２１', 'fullwidth', '7654321');
        await typeAndFix(MY_PAGE, 'id', '765432l', 'not-digits', '7654321');
        await typeAndClear(MY_PAGE, 'id', '76543', 'length');
        await typeAndClear(MY_PAGE, 'id', 'hanako@example.com', 'wrong-login');
      });

      for (const login of [MEMBER, MY_PAGE]) {
        test(`${login.kind} password: fullwidth, whitespace, invisible (fixes), confusable, caps-lock, ime`, async () => {
          await s().open(page);
          const full = await typeAndFix(login, 'password', 'ｓｅｃｒｅｔ', 'fullwidth', 'secret', { level: 'error' });
          assert.doesNotMatch(full.text, /secret|ｓｅｃｒｅｔ/);
          await typeAndFix(login, 'password', 'secret ', 'whitespace', 'secret');
          await d().clear(login.password);
          await s().appear(login.kind, 'invisible', () => s().paste(login.password, 'sec\u200Bret'), 'password');
          await s().disappear(login.kind, 'invisible', () => s().fix(login.kind, 'invisible', 'password'), 'password');
          assert.equal((await s().pageSaw(login.password)).value, 'secret');
          const conf = await typeAndClear(login, 'password', 'hello1', 'confusable', { level: 'info' });
          assert.doesNotMatch(conf.text, /hello/);
          await d().clear(login.password);
          await s().appear(login.kind, 'caps-lock', () => capsLock(true, login), 'password');
          await s().disappear(login.kind, 'caps-lock', () => capsLock(false, login), 'password');
          for (const field of ['id', 'password']) {
            await s().appear(login.kind, 'ime', () => composition(login[field], 'compositionstart'), field);
            await s().disappear(login.kind, 'ime', () => composition(login[field], 'compositionend'), field);
          }
        });
      }
    });
  }
}
