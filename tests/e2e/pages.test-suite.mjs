// Every fixture page: the contract's markers and kinds, and the ID warnings of
// each login appearing, fixed and gone in time.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES } from './pages.mjs';

export function definePageTests(ctx) {
  describe('fixture pages', () => {
    /** Asserts nothing but instant codes shows while the user is still typing. */
    async function quietWhileTyping(kind, field = 'id') {
      const codes = await ctx.session.codes(kind, field);
      const judged = codes.filter((c) => !['fullwidth', 'invisible', 'caps-lock', 'ime'].includes(c));
      assert.deepEqual(judged, [], `nothing judged while typing, saw ${codes}`);
    }

    async function myPageScenario(form) {
      const s = ctx.session;
      const { kind, id } = form;
      // Full-width digits (IME left on) → fullwidth as typed, fixed by the button.
      await s.appear(kind, 'fullwidth', () => s.driver.type(id, '12345６７'));
      let w = await s.withFix(kind, 'fullwidth');
      assert.equal(w.field, 'id');
      assert.equal(w.level, 'error');
      assert.ok(w.fix, 'fullwidth offers a fix');
      assert.ok(w.width > 0 && w.height > 0, `the warning is visible (${w.width}x${w.height})`);
      await s.disappear(kind, 'fullwidth', () => s.fix(kind, 'fullwidth'));
      let saw = await s.pageSaw(id);
      assert.equal(saw.value, '1234567');
      assert.deepEqual(saw.lastInput, { field: saw.lastInput.field, value: '1234567', trusted: false }, "the page's input listener saw the fix");
      assert.equal(saw.lastChange?.value, '1234567', "the page's change listener saw the fix");
      assert.ok(saw.focused, 'focus is back in the field after the fix');

      // A look-alike letter → nothing while typing; not-digits with the digits once the field is left.
      await s.driver.clear(id);
      await s.driver.type(id, 'l234567');
      await quietWhileTyping(kind);
      w = await s.appear(kind, 'not-digits', () => s.leave(id));
      assert.doesNotMatch(w.text, /1234567|l234|2345/, 'the ID is never repeated');
      assert.match(w.text, /「l」/, 'the character that is not a digit is named');
      assert.ok(w.fix);
      assert.match(w.button, /l を 1 に/, 'the button says what it changes');
      await s.disappear(kind, 'not-digits', () => s.fix(kind, 'not-digits'));
      saw = await s.pageSaw(id);
      assert.equal(saw.value, '1234567');
      assert.equal(saw.lastInput.value, '1234567');

      // Too short → length once left, gone as soon as the seventh digit is typed.
      await s.driver.clear(id);
      await s.driver.type(id, '123456');
      await quietWhileTyping(kind);
      w = await s.appear(kind, 'length', () => s.leave(id));
      assert.match(w.text, /6/);
      await s.disappear(kind, 'length', () => s.driver.type(id, '7'));

      // An e-mail address → wrong-login once left, gone when the field is cleared.
      await s.driver.clear(id);
      await s.driver.type(id, 'taro@example.com');
      w = await s.appear(kind, 'wrong-login', () => s.leave(id));
      assert.equal(w.level, 'error');
      await s.disappear(kind, 'wrong-login', () => s.driver.clear(id));
    }

    async function memberScenario(form) {
      const s = ctx.session;
      const { kind, id } = form;
      await s.appear(kind, 'fullwidth', () => s.driver.type(id, 'taro＠example.com'));
      let w = await s.withFix(kind, 'fullwidth');
      assert.equal(w.level, 'error');
      assert.ok(w.fix);
      assert.ok(w.width > 0 && w.height > 0, 'the warning is visible');
      await s.disappear(kind, 'fullwidth', () => s.fix(kind, 'fullwidth'));
      const saw = await s.pageSaw(id);
      assert.equal(saw.value, 'taro@example.com');
      assert.equal(saw.lastInput.value, 'taro@example.com');
      assert.equal(saw.lastChange?.value, 'taro@example.com');
      assert.ok(saw.focused, 'focus is back in the field after the fix');

      await s.driver.clear(id);
      await s.driver.type(id, '1234567');
      await quietWhileTyping(kind);
      w = await s.appear(kind, 'wrong-login', () => s.leave(id));
      assert.equal(w.field, 'id');
      // Editing again: the finding goes as soon as it no longer holds, and
      // what the edit leaves unfinished is not judged while typing.
      await s.disappear(kind, 'wrong-login', () => s.driver.press(id, 'Backspace'));
      await quietWhileTyping(kind);
    }

    /** The password step of a two-step login: its own checks, and the right reset link. */
    async function passwordScenario(form) {
      const s = ctx.session;
      await s.appear(form.kind, 'fullwidth', () => s.driver.type(form.password, 'ｓｅｃｒｅｔ'), 'password');
      assert.ok((await s.withFix(form.kind, 'fullwidth', 'password')).fix);
      await s.disappear(form.kind, 'fullwidth', () => s.fix(form.kind, 'fullwidth', 'password'), 'password');
      assert.equal((await s.pageSaw(form.password)).value, 'secret');
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
          assert.ok(m.forms[i].text.includes('0120-353-382'), 'the support line');
          for (const href of [m.forms[i].reset, ...m.forms[i].forgotIdLinks].filter(Boolean)) {
            assert.match(href, /^https:\/\/([a-z0-9-]+\.)*pasonacareer\.jp(\/|$)/, `only the site's own https links: ${href}`);
          }
          if (expected.forgotIdLink) assert.ok(m.forms[i].forgotIdLinks.includes(expected.forgotIdLink));
        });
        // Which engine answered: Chromium cannot compile wasm in a content script under this CSP.
        const engine = page.strictCsp && ctx.browser === 'chromium' ? 'background' : 'page';
        assert.equal(m.engine, page.engineless ? null : engine, 'engine path (none where no login may be)');
        assert.equal(m.errors, null, 'no failed call');
      });

      for (const form of page.forms) {
        test(`${page.path}: ${form.kind} ${form.id === null ? 'password' : 'ID'} warnings appear, fix and disappear in time`, async () => {
          await ctx.session.open(page);
          if (form.id === null) await passwordScenario(form);
          else await (form.kind === 'my-page' ? myPageScenario(form) : memberScenario(form));
        });
      }
    }
  });
}
