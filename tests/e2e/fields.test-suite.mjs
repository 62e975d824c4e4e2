// Every field code of docs/contract.md, for both logins and both fields: each
// appears as the user types, and goes when the user fixes it (by the fix
// button where the correction is certain).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES } from './pages.mjs';
import { hostOf } from './session.mjs';

const TWO = PAGES.find((p) => p.path === '/two-logins.html');
const TWO_CSP = PAGES.find((p) => p.path === '/csp/two-logins.html');
const MEMBER = { kind: 'member-service', id: '#m-mail', password: '#m-pass' };
const MY_PAGE = { kind: 'my-page', id: '#mp-id', password: '#mp-pw' };

export function defineFieldTests(ctx) {
  const s = () => ctx.session;
  const d = () => ctx.driver;

  const INSTANT = ['fullwidth', 'invisible', 'caps-lock', 'ime'];

  /**
   * Puts `text` in the field (typed key by key, or pasted), leaves the field
   * if the code waits for a complete value, and returns the warning state.
   */
  async function show(login, field, text, code, { paste = false } = {}) {
    const sel = login[field];
    await d().clear(sel);
    const put = () => (paste ? s().paste(sel, text) : d().type(sel, text));
    if (INSTANT.includes(code) || paste) return s().appear(login.kind, code, put, field);
    await put();
    const early = await s().codes(login.kind, field);
    assert.ok(!early.includes(code), `${code} waits until the value is complete (shown while typing: ${early})`);
    return s().appear(login.kind, code, () => s().leave(sel), field);
  }

  /** Shows `code`, clicks its fix, expects it gone and the field to hold `fixed`. */
  async function showAndFix(login, field, text, code, fixed, options = {}) {
    await show(login, field, text, code, options);
    const w = await s().withFix(login.kind, code, field);
    assert.ok(w.fix, `${code} offers a fix`);
    if (options.level) assert.equal(w.level, options.level);
    assert.ok(w.width > 0 && w.height > 0, 'visible');
    await s().disappear(login.kind, code, () => s().fix(login.kind, code, field), field);
    const saw = await s().pageSaw(login[field]);
    assert.equal(saw.value, fixed);
    assert.ok(saw.focused, 'focus is back in the field');
    if (field === 'id') {
      assert.equal(saw.lastInput.value, fixed, "the page's input listener saw the fix");
      assert.equal(saw.lastChange.value, fixed, "the page's change listener saw the fix");
    }
    return w;
  }

  /** Shows `code` without a fix, clears the field, expects it gone. */
  async function showAndClear(login, field, text, code, { level } = {}) {
    const w = await show(login, field, text, code);
    if (level) assert.equal(w.level, level);
    assert.ok(!w.fix, `${code} offers no fix for ${text}`);
    await s().disappear(login.kind, code, () => d().clear(login[field]), field);
    return w;
  }

  /** Caps Lock on or off, pressed as a person does: only Firefox's automation can (see harness/driver.md). */
  async function capsLock(login) {
    // Measured from just before the key: the key itself fires no input event.
    await d().evaluate(() => {
      window.plhTest.lastInputAt = performance.now();
    });
    await d().press(login.password, 'CapsLock');
  }

  /** A page's own script firing a key event that says Caps Lock is on: not a person's, so nothing shows. */
  async function fakeCapsLock(login) {
    await d().evaluate((sel) => {
      const el = document.querySelector(sel);
      el.focus();
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', bubbles: true, modifierCapsLock: true }));
    }, login.password);
  }

  /** An input method composing in the field (open), or committing what it composed. */
  async function composition(sel, commit) {
    await d().evaluate((selector) => {
      document.querySelector(selector).focus();
      window.plhTest.lastInputAt = performance.now();
    }, sel);
    await d().compose(['ぱ'], { commit });
  }

  for (const page of [TWO, TWO_CSP]) {
    describe(`field checks on ${page.path}`, () => {
      test('member ID: fullwidth, whitespace, invisible, email-domain, look-alike letters (fixes)', async () => {
        await s().open(page);
        await showAndFix(MEMBER, 'id', 'hanako＠example.com', 'fullwidth', 'hanako@example.com', { level: 'error' });
        await showAndFix(MEMBER, 'id', ' hanako@example.com', 'whitespace', 'hanako@example.com', { level: 'warning' });
        await showAndFix(MEMBER, 'id', 'hanako@example.com\u200B', 'invisible', 'hanako@example.com', { paste: true });
        const domain = await showAndFix(MEMBER, 'id', 'hanako@gmail.con', 'email-domain', 'hanako@gmail.com');
        assert.match(domain.text, /gmail\.com/, 'the suggested domain is named');
        assert.doesNotMatch(domain.text, /hanako/, 'the part before the @ never is');
        assert.match(domain.button, /gmail\.com/, 'the button says what it changes');
        const impostor = await showAndFix(MEMBER, 'id', 'hаnako@example.com', 'confusable', 'hanako@example.com', { level: 'error' });
        assert.ok(impostor.text.length > 0);
      });

      test('member ID: email-format, wrong-login (no fix); a good address shows nothing; the read-back on request', async () => {
        await s().open(page);
        await showAndClear(MEMBER, 'id', 'hanako@@example.com', 'email-format', { level: 'error' });
        await showAndClear(MEMBER, 'id', '7654321', 'wrong-login');
        await d().type(MEMBER.id, 'taro1@example.com');
        await s().leave(MEMBER.id);
        await new Promise((r) => setTimeout(r, 300));
        assert.deepEqual(await s().codes(MEMBER.kind), [], 'a value that will work shows no warning');
        // Only the offer to read it back, for characters easy to mix up.
        const read = await s().appear(MEMBER.kind, 'confusable', () => d().clickInShadow(hostOf(MEMBER.kind, 'id'), 'button[data-plh-action="read-back"]'));
        assert.equal(read.level, 'info');
        assert.match(read.text, /5文字目の「1」/, 'where the character is, and which');
        assert.ok(!read.fix);
        // The button is gone: the focus went to what it showed.
        assert.ok(
          await d().evaluate((h) => document.querySelector(h).shadowRoot.activeElement?.getAttribute('data-plh-warning'), hostOf(MEMBER.kind, 'id')),
          'the focus is on the read-back',
        );
        // Changing the value takes the read-back away.
        await s().disappear(MEMBER.kind, 'confusable', () => d().press(MEMBER.id, 'Backspace'));
      });

      test('My Page ID: whitespace, invisible, fullwidth, not-digits (fixes), length, wrong-login', async () => {
        await s().open(page);
        // The field has maxlength=7: a space or an invisible character beside
        // seven digits never gets in (the browser cuts a paste), so those are
        // checked on the member ID and the passwords.
        await showAndFix(MY_PAGE, 'id', '７６５４３２１', 'fullwidth', '7654321');
        await showAndFix(MY_PAGE, 'id', '765432l', 'not-digits', '7654321');
        await showAndClear(MY_PAGE, 'id', '76543', 'length');
        await showAndClear(MY_PAGE, 'id', 'hanako@example.com', 'wrong-login');
      });

      for (const login of [MEMBER, MY_PAGE]) {
        test(`${login.kind} password: fullwidth, whitespace, invisible (fixes), caps-lock, ime; no look-alike note`, async () => {
          await s().open(page);
          const full = await showAndFix(login, 'password', 'ｓｅｃｒｅｔ', 'fullwidth', 'secret', { level: 'error' });
          assert.doesNotMatch(full.text, /secret|ｓｅｃｒｅｔ/);
          await showAndFix(login, 'password', 'secret ', 'whitespace', 'secret');
          await showAndFix(login, 'password', 'sec\u200Bret', 'invisible', 'secret', { paste: true });
          await d().clear(login.password);
          await d().type(login.password, 'hello1');
          await s().leave(login.password);
          await new Promise((r) => setTimeout(r, 300));
          assert.deepEqual(await s().codes(login.kind, 'password'), [], 'a password with 1 and l is not noted while typing');
          await d().clear(login.password);
          await fakeCapsLock(login);
          await new Promise((r) => setTimeout(r, 300));
          assert.deepEqual(await s().codes(login.kind, 'password'), [], "a page's synthetic key event says nothing");
          if (ctx.browser === 'firefox') {
            await s().appear(login.kind, 'caps-lock', () => capsLock(login), 'password');
            await s().disappear(login.kind, 'caps-lock', () => capsLock(login), 'password');
          }
          for (const field of ['id', 'password']) {
            await d().clear(login[field]);
            await s().appear(login.kind, 'ime', () => composition(login[field], false), field);
            await s().disappear(login.kind, 'ime', () => composition(login[field], true), field);
            await d().clear(login[field]);
          }
        });
      }
    });
  }
}
