// Every fixture page: the contract's markers and kinds, and the ID warnings of
// each login appearing, fixed and gone in time.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES } from './pages.mjs';

export function definePageTests(ctx) {
  describe('fixture pages', () => {
    async function myPageScenario(form) {
      const s = ctx.session;
      const { kind, id } = form;
      // Full-width digits (IME left on) → fullwidth, fixed by the button.
      let w = await s.expectWarning({ kind, code: 'fullwidth', present: true }, () => s.driver.type(id, '12345６７'));
      assert.equal(w.field, 'id');
      assert.equal(w.level, 'error');
      assert.ok(w.fix, 'fullwidth offers a fix');
      assert.ok(w.width > 0 && w.height > 0, `the warning is visible (${w.width}x${w.height})`);
      await s.expectWarning({ kind, code: 'fullwidth', present: false }, () => s.fix(kind, 'fullwidth'));
      let saw = await s.pageSaw(id);
      assert.equal(saw.value, '1234567');
      assert.deepEqual(saw.lastInput, { field: saw.lastInput.field, value: '1234567', trusted: false }, "the page's input listener saw the fix");
      assert.equal(saw.lastChange?.value, '1234567', "the page's change listener saw the fix");

      // A look-alike letter → not-digits with the digits as the fix.
      await s.driver.clear(id);
      w = await s.expectWarning({ kind, code: 'not-digits', present: true }, () => s.driver.type(id, 'l234567'));
      assert.match(w.text, /1234567/);
      assert.ok(w.fix);
      await s.expectWarning({ kind, code: 'not-digits', present: false }, () => s.fix(kind, 'not-digits'));
      saw = await s.pageSaw(id);
      assert.equal(saw.value, '1234567');
      assert.equal(saw.lastInput.value, '1234567');

      // Too short → length, gone once the seventh digit is typed.
      await s.driver.clear(id);
      w = await s.expectWarning({ kind, code: 'length', present: true }, () => s.driver.type(id, '123456'));
      assert.match(w.text, /6/);
      await s.expectWarning({ kind, code: 'length', present: false }, () => s.driver.type(id, '7'));

      // An e-mail address → wrong-login, gone when the field is cleared.
      await s.driver.clear(id);
      w = await s.expectWarning({ kind, code: 'wrong-login', present: true }, () => s.driver.type(id, 'taro@example.com'));
      assert.equal(w.level, 'error');
      await s.expectWarning({ kind, code: 'wrong-login', present: false }, () => s.driver.clear(id));
    }

    async function memberScenario(form) {
      const s = ctx.session;
      const { kind, id } = form;
      let w = await s.expectWarning({ kind, code: 'fullwidth', present: true }, () => s.driver.type(id, 'taro＠example.com'));
      assert.equal(w.level, 'error');
      assert.ok(w.fix);
      assert.ok(w.width > 0 && w.height > 0, 'the warning is visible');
      await s.expectWarning({ kind, code: 'fullwidth', present: false }, () => s.fix(kind, 'fullwidth'));
      const saw = await s.pageSaw(id);
      assert.equal(saw.value, 'taro@example.com');
      assert.equal(saw.lastInput.value, 'taro@example.com');
      assert.equal(saw.lastChange?.value, 'taro@example.com');

      await s.driver.clear(id);
      w = await s.expectWarning({ kind, code: 'wrong-login', present: true }, () => s.driver.type(id, '1234567'));
      assert.equal(w.field, 'id');
      await s.expectWarning({ kind, code: 'wrong-login', present: false }, () => s.driver.press(id, 'Backspace'));
    }

    for (const page of PAGES) {
      test(`${page.path} (${page.shape}): markers and kinds`, async () => {
        const m = await ctx.session.open(page);
        assert.equal(m.pageCount, 1, 'exactly one page marker');
        assert.equal(m.state, 'ready');
        assert.equal(m.kinds, page.kinds.join(' '));
        assert.ok(m.pageHasShadow, 'the page marker has an open shadow root');
        assert.equal(m.pageHidden, true, 'nothing to say at page level yet');
        assert.deepEqual(
          m.forms.map((f) => f.kind),
          page.forms.map((f) => f.kind),
        );
        page.forms.forEach((expected, i) => {
          assert.equal(m.forms[i].reset, expected.reset, `reset link of ${expected.kind}`);
          assert.ok(m.forms[i].forgotId, 'forgot-id guidance is there');
          assert.ok(m.forms[i].forgotIdLinks.includes('tel:0120353382'), 'support line as a tel: link');
          if (expected.forgotIdLink) assert.ok(m.forms[i].forgotIdLinks.includes(expected.forgotIdLink));
        });
        // Which engine answered: Chromium cannot compile wasm in a content script under this CSP.
        const engine = page.strictCsp && ctx.browser === 'chromium' ? 'background' : 'page';
        assert.equal(m.engine, engine, 'engine path');
      });

      for (const form of page.forms) {
        test(`${page.path}: ${form.kind} ID warnings appear, fix and disappear in time`, async () => {
          await ctx.session.open(page);
          await (form.kind === 'my-page' ? myPageScenario(form) : memberScenario(form));
        });
      }
    }
  });
}
